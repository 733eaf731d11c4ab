"""A full disk in the app is said, and nothing is shown as stored that was not.

The disk is simulated by ``tests/diskfull.py``: every connection the app opens to the database fails
its COMMIT as SQLite does on a full disk ("database or disk is full"); reads work.
"""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import SIZE, settle
from tests.ui.test_main_screen import stored


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


async def test_reading_a_story_on_a_full_disk_keeps_it_unread(app_factory, sample_db: Path, full_disk) -> None:
    full_disk(sample_db)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "enter")  # the Google story, unread
        await settle(pilot)
        assert "Google trims hundreds of roles in hardware" in app.main.reader.text()
        assert app.main.table.rows_by_id[3].is_read is False
        assert any("disk is full" in m for m in messages(app))
