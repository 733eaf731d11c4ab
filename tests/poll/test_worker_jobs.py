"""What the parse workers are asked to do (issue 14: a cold poll is CPU on 2 cores, so no work twice).

A feed's first document is parsed and tagged in one job; a later changed document is parsed, its
stored fingerprints looked up, and only its new or changed entries tagged. Workers started from a
program's main script do not run that script again.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.poll.conftest import make_config
from tests.poll.feeds import item, rss
from tests.poll.server import FeedServer, static
from tui.extract import EXTRACTOR_VERSION
from tui.poll import poll_feeds, workers
from tui.store import open_db

LAYOFF = "Northwind Freight to cut 240 jobs as it closes a depot"


@pytest.fixture
def jobs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """(function, entries sent) of every job given to the parse pool."""
    seen: list[tuple[str, int]] = []
    run = workers.ParsePool._run

    async def spy(self: workers.ParsePool, function: Any, *args: Any) -> Any:
        seen.append((function.__name__, len(args[0]) if function.__name__ == "tag_entries" else 0))
        return await run(self, function, *args)

    monkeypatch.setattr(workers.ParsePool, "_run", spy)
    return seen


def test_a_first_document_is_parsed_and_tagged_in_one_job(server: FeedServer, db_path: Path,
                                                          jobs: list[tuple[str, int]]) -> None:
    stories = [item(1, title=LAYOFF), item(2, title="Northwind Freight opens a depot in Leeds")]
    server.routes["/f"] = static(rss(*stories))
    config = make_config(server.url("/f"))
    report = asyncio.run(poll_feeds(config, db_path, parse_mode="thread"))
    assert (report.new, report.new_layoffs) == (2, 1)
    # A feed never stored: the worker loads the extractor while the body is on its way, then one job.
    assert jobs == [("ready_to_tag", 0), ("parse_and_tag", 0)]
    db = open_db(db_path)
    assert db.execute("SELECT company, headcount FROM events").fetchall() == [("Northwind Freight", 240)]

    # The document changes: one entry edited, one added. Only those two are tagged again.
    stories[1] = item(2, title="Northwind Freight cuts 90 jobs at its Leeds depot")
    server.routes["/f"] = static(rss(*stories, item(3, title="Weather for the week")))
    jobs.clear()
    report = asyncio.run(poll_feeds(config, db_path, parse_mode="thread"))
    assert (report.new, report.updated, report.new_layoffs) == (1, 1, 0)
    assert jobs == [("parse_feed", 0), ("tag_entries", 2)]  # a stored feed: no worker started ahead
    assert db.execute("SELECT count(*) FROM articles WHERE layoff = 1").fetchone()[0] == 2


def test_a_feed_that_keeps_failing_does_not_start_a_worker_on_every_poll(
        server: FeedServer, db_path: Path, jobs: list[tuple[str, int]]) -> None:
    """The worker is started ahead only for a feed never polled; one that answers 404 every time never
    gets a body to parse, and must not cost every later poll a worker and the extractor."""
    server.routes["/gone"] = static(b"no such feed", status=404)
    config = make_config(server.url("/gone"))
    asyncio.run(poll_feeds(config, db_path, parse_mode="thread"))
    assert jobs == [("ready_to_tag", 0)]  # never polled: it might have had a body
    jobs.clear()
    asyncio.run(poll_feeds(config, db_path, parse_mode="thread"))
    assert jobs == []


def test_workers_do_not_run_the_main_script_again(server: FeedServer, tmp_path: Path) -> None:
    """With "spawn" a worker re-runs the parent's main file as ``__mp_main__``; the ``layoffs-tui``
    script would import the whole command line in each worker, for nothing."""
    server.routes["/f"] = static(rss(*(item(k) for k in range(5))))
    marker = tmp_path / "ran-as"
    script = tmp_path / "poller.py"
    script.write_text(textwrap.dedent(f"""
        import asyncio, sys
        from pathlib import Path
        Path({str(marker)!r}).open("a").write(__name__ + "\\n")
        from tests.poll.conftest import make_config
        from tui.poll import poll_feeds
        if __name__ == "__main__":
            config = make_config({server.url("/f")!r})
            report = asyncio.run(poll_feeds(config, Path({str(tmp_path / "l.db")!r}), parse_mode="process"))
            sys.exit(0 if report.new == 5 else 1)
    """))
    repo = Path(__file__).parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(repo), os.environ.get("PYTHONPATH")]))}
    # the script imports tests/ from the checkout, which an installed (non-editable) package does not put on the path
    done = subprocess.run([sys.executable, str(script)], check=False, cwd=repo, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert marker.read_text().split() == ["__main__"]


@pytest.mark.parametrize(("cores", "expected"), [(1, 1), (2, 1), (3, 2), (4, 3), (8, 4), (64, 4)])
def test_one_core_is_left_to_the_polling_process(cores: int, expected: int) -> None:
    """The poll itself (HTTP, SQLite) keeps a core busy: workers take the others, at least one, at most 4."""
    assert workers.default_workers(cores) == expected


def test_the_polling_process_never_loads_the_extractor(server: FeedServer, tmp_path: Path) -> None:
    """The workers tag; the polling process only stamps the extractor's version on what it stores, and
    importing the extractor to read that string cost a cold poll's busiest process 0.2 s of CPU."""
    server.routes["/f"] = static(rss(item(1, title=LAYOFF), item(2)))
    script = tmp_path / "poller.py"
    script.write_text(textwrap.dedent(f"""
        import asyncio, sys
        from pathlib import Path
        from tests.poll.conftest import make_config
        from tui.poll import poll_feeds
        if __name__ == "__main__":
            config = make_config({server.url("/f")!r})
            report = asyncio.run(poll_feeds(config, Path({str(tmp_path / "l.db")!r}), parse_mode="process"))
            print(report.new_layoffs, sorted(m for m in ("tui.extract.extractor", "wordfreq") if m in sys.modules))
    """))
    repo = Path(__file__).parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(repo), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, str(script)], check=False, cwd=repo, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "[]"]
    versions = open_db(tmp_path / "l.db").execute("SELECT DISTINCT extractor_version FROM articles").fetchall()
    assert versions == [(EXTRACTOR_VERSION,)]
