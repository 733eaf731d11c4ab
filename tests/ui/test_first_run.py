"""What the app says when it has nothing to show: a first run offline, failing feeds, a filter that hides all.

Issue 10: offline, the panes were empty and a toast that vanished was all; on the second start nothing
was said at all; a layoff filter that hid 18 stored articles showed "0 stories".
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from tests.ui.conftest import NOW, SIZE, settle
from tests.ui.sample_db import sample_config
from tui.config import Config, FeedConfig
from tui.store import open_db
from tui.store.feeds import sync_feeds
from tui.ui import make_app

FEEDS = (FeedConfig(url="https://a.example/rss", name="A"), FeedConfig(url="https://b.example/rss", name="B"))


def empty_db(path: Path, *, failed: bool = False) -> Path:
    db = open_db(path)
    if failed:
        sync_feeds(db, FEEDS)
        db.execute(
            "UPDATE feeds SET last_polled_at = '2024-03-29T08:00:00Z', last_status = 'error', "
            "last_error = 'cannot connect (name or service not known)'"
        )
    db.conn.close()
    return path


def shown(app) -> str:
    """The table's area as text: the lines it draws under its header."""
    table = app.main.table
    return "\n".join(table.render_line(y).text.strip() for y in range(1, table.size.height)).strip()


async def test_nothing_polled_yet(tmp_path: Path) -> None:
    app = make_app(Config(path=None, feeds=FEEDS), empty_db(tmp_path / "x.db"), now=NOW, poll_on_start=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = shown(app)
        assert text.startswith("Nothing is stored yet.")
        assert "No feed has been polled yet: press r to poll now." in text
        assert "No network? `layoffs-tui demo` opens the app on sample stories." in text


async def test_every_feed_failed_on_the_last_poll(tmp_path: Path) -> None:
    """The second start offline: nothing is due, nothing polls, and the table still says why."""
    app = make_app(
        Config(path=None, feeds=FEEDS), empty_db(tmp_path / "x.db", failed=True), now=NOW, poll_on_start=False
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert (
            "All 2 feeds failed on the last poll; is the network down? Press F to see why, r to try again."
            in (shown(app).replace("\n", " "))
        )


async def test_while_the_first_poll_runs_and_after(tmp_path: Path) -> None:
    from tui.poll import PollReport

    release = threading.Event()

    async def slow_poll(config, db_path, **kwargs):
        release.wait(10)
        return PollReport(())

    app = make_app(
        Config(path=None, feeds=FEEDS),
        empty_db(tmp_path / "x.db"),
        now=NOW,
        poll_on_start=False,
        poller=slow_poll,
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        deadline = time.monotonic() + 10
        while "Polling 2 feeds now" not in shown(app) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert "Polling 2 feeds now" in shown(app)
        release.set()
        while app.polling and time.monotonic() < deadline:
            await pilot.pause(0.05)
        await settle(pilot)
        assert "No feed has been polled yet" in shown(app)


async def test_the_first_run_says_where_the_feed_list_was_made(tmp_path: Path) -> None:
    created = tmp_path / "config" / "feeds.toml"
    app = make_app(
        Config(path=created, feeds=FEEDS),
        empty_db(tmp_path / "x.db"),
        now=NOW,
        poll_on_start=False,
        created_config=created,
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert f"Your feed list was created at {created}; edit it, or press F, to choose your feeds." in (
            app.main.table.empty_lines
        )
        assert any(f"Created your feed list at {created}" in n.message for n in app._notifications)


async def test_no_enabled_feed(tmp_path: Path) -> None:
    app = make_app(Config(path=None), empty_db(tmp_path / "x.db"), now=NOW, poll_on_start=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Your feed list has no enabled feed: press F, then a to add one." in shown(app)


async def test_the_layoff_filter_hiding_every_article_says_so(app_factory, sample_db: Path) -> None:
    with sqlite3.connect(sample_db) as conn:
        conn.execute("UPDATE articles SET layoff = 0")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert shown(app).startswith("No layoff stories among 10 articles.\n\nPress l to show every article.")
        await pilot.press("l")
        await settle(pilot)
        assert app.main.table.row_count == 10 and app.main.table.empty_lines == []


async def test_a_filter_that_matches_nothing_says_how_to_clear_it(app_factory) -> None:
    app = app_factory(sample_config())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"nosuchword", "enter")
        await settle(pilot)
        assert shown(app).startswith("No layoff stories match this filter.")
        assert "Press Esc to clear it, or l to look among every article." in shown(app)
