"""A poll leaves no process behind: not when it ends, not when it is killed (kill -9, or SIGTERM from
cron's ``timeout`` or a service stop). Its parse workers and multiprocessing's resource tracker go too.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.poll.feeds import item, rss
from tests.poll.server import FeedServer, Reply, static
from tui.config import load_config
from tui.poll import poll_feeds

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads the process table in /proc"
)


def _parent_of(pid: int) -> tuple[int, str] | None:
    """(parent pid, state letter) of a live process, None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[1]), fields[0]


def descendants(pid: int) -> set[int]:
    """Every live process started by ``pid``, at any depth."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (info := _parent_of(int(entry.name))) is not None:
            children.setdefault(info[0], []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    """Those of ``pids`` still running (a zombie waiting for its reaper counts as gone)."""
    return {pid for pid in pids if (info := _parent_of(pid)) is not None and info[1] != "Z"}


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.fixture
def poll_in_progress(server: FeedServer, tmp_path: Path) -> Iterator[tuple[subprocess.Popen, set[int], Path]]:
    """``layoffs-tui poll`` in a subprocess, half its feeds answered and parsed (so the parse workers
    run), the other half hanging; yields the process, its descendants and the database."""
    release = threading.Event()
    urls = []
    for number in range(4):
        body = rss(*(item(number * 100 + k, title=f"Acme Robotics cuts {k + 1}00 jobs") for k in range(20)))
        if number % 2:
            server.routes[f"/f{number}"] = lambda seen, body=body: (
                release.wait(30),
                Reply(200, body, {"Content-Type": "application/rss+xml"}),
            )[1]
        else:
            server.routes[f"/f{number}"] = static(body)
        urls.append(server.url(f"/f{number}"))
    config = tmp_path / "feeds.toml"
    config.write_text(
        "[settings]\ntimeout_seconds = 60\n"
        + "".join(f'[[feeds]]\nname = "f{n}"\nurl = "{url}"\n' for n, url in enumerate(urls))
    )
    db = tmp_path / "layoffs.db"
    poller = subprocess.Popen(
        [sys.executable, "-m", "tui", "--config", str(config), "--db", str(db), "poll"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    started: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and poller.poll() is None:
            started = descendants(poller.pid)
            if _stored(db) >= 40 and len(started) >= 2:  # both answered feeds stored, workers running
                break
            time.sleep(0.05)  # waiting for a condition, not for a duration
        assert poller.poll() is None, "the poll ended before it could be killed"
        assert len(started) >= 2, f"no parse workers to watch: {started}"
        yield poller, started, db
    finally:
        release.set()
        for pid in alive(started | descendants(poller.pid)):  # never leave our own processes behind
            os.kill(pid, signal.SIGKILL)
        if poller.poll() is None:
            poller.kill()
        poller.communicate()


def _wait_gone(pids: set[int], seconds: float = 15.0) -> set[int]:
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive(pids)


def test_kill_9_of_a_poll_leaves_no_worker_or_tracker(poll_in_progress) -> None:
    poller, started, _ = poll_in_progress
    os.kill(poller.pid, signal.SIGKILL)  # the poll alone, as cron's timeout -s KILL does
    poller.wait()
    assert _wait_gone(started) == set()


def test_sigterm_stops_a_poll_and_its_workers_keeping_what_is_stored(poll_in_progress) -> None:
    poller, started, db = poll_in_progress
    os.kill(poller.pid, signal.SIGTERM)
    _, stderr = poller.communicate(timeout=30)
    assert poller.returncode == 128 + signal.SIGTERM
    assert stderr.strip().splitlines()[-1] == (
        "layoffs-tui: poll stopped (SIGTERM); the feeds that had answered are stored"
    )
    assert "Traceback" not in stderr
    assert _wait_gone(started) == set()
    assert _stored(db) == 40


def test_a_finished_poll_has_waited_for_its_workers(server: FeedServer, tmp_path: Path) -> None:
    """The pool is shut down before ``poll_feeds`` returns: a pool still shutting down while the
    interpreter exits wrote "OSError: [Errno 9] Bad file descriptor" at the end of cron's polls."""
    server.routes["/f"] = static(rss(*(item(k) for k in range(5))))
    config = tmp_path / "feeds.toml"
    config.write_text(f'[[feeds]]\nurl = "{server.url("/f")}"\n')
    report = asyncio.run(poll_feeds(load_config(config), tmp_path / "layoffs.db", parse_mode="process"))
    assert report.ok and report.new == 5
    assert multiprocessing.active_children() == []
