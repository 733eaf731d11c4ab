"""Tag corrections from the reader and the export dialog, through the real domain modules."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.ui.conftest import SIZE, settle, titles
from tui.service import StoryFigure
from tui.ui.export_dialog import ExportDialog
from tui.ui.tag_dialog import TagDialog


def stored(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


async def test_edit_an_event_from_the_reader(app_factory, sample_db: Path) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "t")  # read the Amazon story, then its tags
        await settle(pilot)
        assert isinstance(app.screen, TagDialog)
        await pilot.press("tab", *"600", "enter")  # company kept, headcount 600
        await settle(pilot)
        assert app.screen is app.main
        assert app.main.table.rows_by_id[1].figure == StoryFigure(600)
        assert "Amazon: 600 jobs" in app.main.reader.text()
    assert stored(sample_db, "SELECT company, headcount, source FROM events WHERE article_id = 1") == [
        ("Amazon", 600, "manual")
    ]


async def test_add_and_remove_an_event(app_factory, sample_db: Path) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        dialog.query_one("#event").value = -1  # "New event"
        await pilot.pause()
        await pilot.press(*"Ring", "tab", *"50", "enter")
        await settle(pilot)
        assert app.main.table.rows_by_id[1].companies == ("Amazon", "Ring")
        await pilot.press("t")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#event").value = dialog.detail.events[-1].id
        await pilot.pause()
        await pilot.click("#remove")
        await settle(pilot)
        assert app.main.table.rows_by_id[1].companies == ("Amazon",)
    assert stored(sample_db, "SELECT company FROM event_removals WHERE article_id = 1") == [("Ring",)]


async def test_mark_not_a_layoff(app_factory, sample_db: Path) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert "Amazon cuts 500 jobs in devices unit" not in titles(app)
    assert stored(sample_db, "SELECT layoff, layoff_manual FROM articles WHERE id = 1") == [(0, 0)]


async def test_export_writes_what_the_filters_show(app_factory, tmp_path: Path) -> None:
    app = app_factory()
    target = tmp_path / "out.json"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "j", "enter")  # Amazon
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#path").value.endswith(".csv")
        dialog.query_one("#format").value = "json"
        await pilot.pause()
        assert dialog.query_one("#path").value.endswith(".json")
        dialog.query_one("#path").value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert any(str(target) in n.message and "3 stories" in n.message for n in app._notifications)
    stories = json.loads(target.read_text(encoding="utf-8"))
    assert sorted(story["id"] for story in stories) == [1, 2, 6]


async def test_a_refused_tag_edit_keeps_the_dialog_and_what_was_typed(app_factory, sample_db: Path) -> None:
    """Issue 10, bug 3: a percent over 100 closed the dialog and lost the new event."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        dialog.query_one("#event").value = -1  # "New event"
        await pilot.pause()
        await pilot.press(*"Splunk", "tab", "tab", *"150", "enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "percent must be between 0 and 100, not 150.0" in str(dialog.query_one("#error").render())
        assert dialog.query_one("#company").value == "Splunk"
        assert dialog.query_one("#percent").value == "150"
        await pilot.press("backspace", "backspace", "backspace", *"15", "enter")  # corrected: saved, closed
        await settle(pilot)
        assert app.screen is app.main
        assert app.main.table.rows_by_id[1].companies == ("Amazon", "Splunk")
    assert stored(sample_db, "SELECT percent FROM events WHERE company = 'Splunk'") == [(15.0,)]


async def test_a_failed_export_keeps_the_dialog_format_and_path(app_factory, tmp_path: Path) -> None:
    """Issue 10, bug 3: an unwritable path closed the dialog; reopening showed csv and the default path."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#format").value = "md"
        await pilot.pause()
        dialog.query_one("#path").value = "/nonexistent/dir/out.md"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "/nonexistent/dir" in str(dialog.query_one("#error").render())
        assert dialog.query_one("#format").value == "md"
        assert dialog.query_one("#path").value == "/nonexistent/dir/out.md"
        target = tmp_path / "out.md"
        dialog.query_one("#path").value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.main
    assert target.read_text(encoding="utf-8").startswith("# Layoffs digest")


async def test_the_tag_dialog_fits_80x24(app_factory) -> None:
    """Issue 10, bug 5: at 80x24 Save, Remove event and Cancel were below the screen's edge."""
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        visible = dialog.query_one(".dialog").content_region  # what the dialog's border does not clip
        for button in ("#save", "#remove", "#cancel"):
            region = dialog.query_one(button).region
            assert region.height and visible.contains_region(region), (button, region, visible)


async def test_tab_scrolls_the_buttons_into_view_on_a_shorter_screen(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 14)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        dialog = app.screen
        box = dialog.query_one(".dialog")
        for _ in range(3):  # from the company to the headcount, the percent, Save
            await pilot.press("tab")
            await pilot.pause()
        save = dialog.query_one("#save")
        assert app.focused is save
        assert box.content_region.contains_region(save.region), (box.content_region, save.region)


async def test_undoing_not_a_layoff_in_the_app_brings_the_companies_back(app_factory, sample_db: Path) -> None:
    """Issue 10, bug 1: x, l, x, l left the story a layoff story with empty Companies and Jobs cells."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")  # the Amazon story: not a layoff
        await settle(pilot)
        assert 1 not in app.main.table.rows_by_id
        await pilot.press("l")  # every article; the Amazon story is the newest
        await settle(pilot)
        assert app.main.table.selected_id == 1 and app.main.table.rows_by_id[1].companies == ()
        await pilot.press("x")  # undo
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        row = app.main.table.rows_by_id[1]
        assert row.companies[0] == "Amazon" and row.figure != StoryFigure()  # the extractor figure, whatever now
    assert stored(sample_db, "SELECT layoff, layoff_manual FROM articles WHERE id = 1") == [(1, None)]
