"""A full disk in the app is said, and nothing is shown as stored that was not.

The disk is simulated by ``tests/diskfull.py``: every connection the app opens to the database fails
its COMMIT as SQLite does on a full disk ("database or disk is full"); reads work.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual.widgets import Static

from tests.ui.conftest import SIZE, Recorder, settle
from tests.ui.test_feeds_and_poll import feed_server, write_feed_list
from tests.ui.test_main_screen import stored
from tui.config import load_config
from tui.ui.feeds_screen import FeedsScreen
from tui.ui.messages import PollFinished


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_marks_on_a_full_disk_are_not_shown_as_stored(app_factory, sample_db: Path, full_disk) -> None:
    disk = full_disk(sample_db)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "m", "s")  # Twitch (read, not starred): unread, star
        await settle(pilot)
        row = app.main.table.rows_by_id[2]
        assert (row.is_read, row.starred) == (True, False)  # what is stored, not what was pressed
        assert disk.commits_refused == 2
        said = [m for m in messages(app) if "disk is full" in m]
        assert len(said) == 2 and said[0].startswith("Could not store the read mark")
        assert said[1].startswith("Could not store the star")
        disk.full = False  # space freed: the same keys work
        await pilot.press("m")
        await settle(pilot)
        assert app.main.table.rows_by_id[2].is_read is False
    assert stored(sample_db, "SELECT is_read, starred FROM articles WHERE id = 2") == [(0, 0)]


async def test_reading_a_story_on_a_full_disk_keeps_it_unread(
    app_factory, sample_db: Path, full_disk
) -> None:
    full_disk(sample_db)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "enter")  # the Google story, unread
        await settle(pilot)
        assert "Google trims hundreds of roles in hardware" in app.main.reader.text()
        assert app.main.table.rows_by_id[3].is_read is False
        assert any("disk is full" in m for m in messages(app))


async def poll(pilot, recorder: Recorder) -> PollFinished:
    """Press r and wait for the poll's end."""
    done = len(recorder.of(PollFinished))
    await pilot.press("r")
    deadline = time.monotonic() + 60
    while len(recorder.of(PollFinished)) == done and time.monotonic() < deadline:
        await pilot.pause()
    await settle(pilot)
    return recorder.of(PollFinished)[-1]


async def test_a_poll_on_a_full_disk_says_so_and_the_feeds_screen_keeps_its_errors(
    app_factory, sample_db: Path, feed_server: str, tmp_path: Path, recorder: Recorder, full_disk
) -> None:
    config = load_config(write_feed_list(tmp_path / "feeds.toml", feed_server))
    app = app_factory(config)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await settle(pilot)
        assert (await poll(pilot, recorder)).report.new == 2  # room on the disk: stored
        full_disk(sample_db)  # then the disk fills; the poll's store opens a connection of its own
        report = (await poll(pilot, recorder)).report
        assert report.failed == 2 and all(not result.recorded for result in report.results)
        assert "No new layoff stories, 2 feeds failed: the disk is full" in messages(app)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        local = next(row for row in screen.rows if row.name == "Local news")
        assert local.last_status == "error" and "the disk is full" in (local.last_error or "")
        # Before, only the 404 (stored by the first poll) counted: the refused outcomes were lost.
        assert "2 failing" in str(screen.query_one("#feeds-title", Static).render())


__all__ = ["feed_server"]
