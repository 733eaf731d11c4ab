"""``layoffs-tui poll`` with a watchlist: a real local feed server, the real extractor, a real database.

One alert per cut of a watched company, given once: not again on the next poll, again only when the
cut's figure changes; ``--alerts`` prints those lines alone.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.poll.feeds import item, rss
from tests.poll.server import FeedServer, static
from tui.cli import cli


def story(number: int, title: str, day: int = 5) -> dict[str, str]:
    return item(
        number, title=title, description=f"<p>{title}.</p>", pubDate=f"Tue, {day:02} Mar 2024 10:00:00 GMT"
    )


def write_config(path: Path, url: str, watch: str = '[watch]\ncompanies = ["Intel"]\n') -> Path:
    path.write_text(f'[settings]\ntimeout_seconds = 5\n\n{watch}\n[[feeds]]\nname = "news"\nurl = "{url}"\n')
    return path


class Poller:
    """``layoffs-tui poll`` on one config and database."""

    def __init__(self, config: Path, db: Path) -> None:
        self.config, self.db = config, db

    def __call__(self, *args: str):
        return CliRunner().invoke(cli, ["--config", str(self.config), "--db", str(self.db), "poll", *args])


def setup(server: FeedServer, tmp_path: Path, *items: dict[str, str], watch: str | None = None) -> Poller:
    server.routes["/news"] = static(rss(*items))
    config = write_config(tmp_path / "feeds.toml", server.url("/news"), *([] if watch is None else [watch]))
    return Poller(config, tmp_path / "layoffs.db")


def test_a_new_cut_alerts_once_and_not_on_the_next_poll(server: FeedServer, tmp_path: Path) -> None:
    poll = setup(
        server,
        tmp_path,
        story(1, "Intel to cut about 15,000 jobs"),
        story(2, "Acme Bank to cut 300 jobs"),
    )
    first = poll("--alerts")
    assert first.exit_code == 0, first.output
    assert first.stdout == "Intel: about 15,000 jobs, 1 source\n"
    assert first.stderr == ""
    # The next poll stores more (another report of the same cut, an unwatched company): no alert.
    server.routes["/news"] = static(
        rss(
            story(1, "Intel to cut about 15,000 jobs"),
            story(2, "Acme Bank to cut 300 jobs"),
            story(3, "Intel confirms it will cut about 15,000 jobs", day=6),
            story(4, "Siemens to cut 5,000 jobs", day=6),
        )
    )
    second = poll("--alerts")
    assert second.exit_code == 0 and second.stdout == "" and second.stderr == ""
    third = poll("--alerts")  # nothing new at all
    assert third.exit_code == 0 and third.stdout == ""


def test_a_new_figure_alerts_again_with_the_old_one(server: FeedServer, tmp_path: Path) -> None:
    poll = setup(server, tmp_path, story(1, "Intel to cut thousands of jobs"))
    assert poll("--alerts").stdout == "Intel: thousands of jobs, 1 source\n"
    server.routes["/news"] = static(
        rss(story(1, "Intel to cut thousands of jobs"), story(2, "Intel to cut 15,000 jobs", day=7))
    )
    assert poll("--alerts").stdout == "Intel: 15,000 jobs, 2 sources (was thousands of jobs)\n"
    server.routes["/news"] = static(
        rss(
            story(1, "Intel to cut thousands of jobs"),
            story(2, "Intel to cut 15,000 jobs", day=7),
            story(3, "Intel layoffs: 15,000 jobs to go", day=8),
        )
    )
    assert poll("--alerts").stdout == ""  # a third source, the same figure


def test_without_alerts_the_summary_and_feed_lines_stay(server: FeedServer, tmp_path: Path) -> None:
    poll = setup(server, tmp_path, story(1, "Intel to cut 10% of its workforce"))
    result = poll()
    assert result.exit_code == 0, result.output
    assert (
        result.stdout == "1 feed: 1 answered, 1 new article (1 layoff story)\nIntel: 10% of staff, 1 source\n"
    )
    assert result.stderr.startswith("news: 1 new article (1 layoff story) [")


def test_aliases_and_units_are_watched(server: FeedServer, tmp_path: Path) -> None:
    poll = setup(
        server,
        tmp_path,
        story(1, "Google to cut 12,000 jobs"),
        story(2, "Twitch to cut 500 jobs"),
        story(3, "Intel to cut 15,000 jobs"),
        watch='[watch]\ncompanies = ["Alphabet", "Amazon"]\n',
    )
    result = poll("--alerts")
    assert result.stdout == "Google: 12,000 jobs, 1 source\nTwitch (Amazon): 500 jobs, 1 source\n"


def test_cuts_stored_before_the_watch_are_not_alerted_but_their_new_figures_are(
    server: FeedServer, tmp_path: Path
) -> None:
    poll = setup(server, tmp_path, story(1, "Intel to cut hundreds of jobs"), watch="")
    assert poll("--alerts").stdout == ""
    add = CliRunner().invoke(cli, ["--config", str(poll.config), "watch", "add", "Intel"])
    assert add.exit_code == 0, add.output
    assert poll("--alerts").stdout == ""  # the cut was there before Intel was watched
    server.routes["/news"] = static(
        rss(story(1, "Intel to cut hundreds of jobs"), story(2, "Intel to cut 900 jobs", day=6))
    )
    assert poll("--alerts").stdout == "Intel: 900 jobs, 2 sources (was hundreds of jobs)\n"


def test_a_failed_feed_keeps_exit_1_and_the_alerts_still_come(server: FeedServer, tmp_path: Path) -> None:
    poll = setup(server, tmp_path, story(1, "Intel to cut 15,000 jobs"))
    poll.config.write_text(
        poll.config.read_text() + f'\n[[feeds]]\nname = "gone"\nurl = "{server.url("/gone")}"\n'
    )
    result = poll("--alerts")
    assert result.exit_code == 1
    assert result.stdout == "Intel: 15,000 jobs, 1 source\n" and result.stderr == ""
