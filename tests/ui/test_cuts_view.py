"""Pilot tests of the cuts view: the key that switches the table, the filters it follows, Enter on a cut."""

from __future__ import annotations

import time
from pathlib import Path

from tests.ui.conftest import SIZE, Recorder, settle, titles
from tests.ui.sample_db import add_second_source
from tui.ui.cut_stories_screen import CutStoriesScreen
from tui.ui.filter_bar import FilterBar
from tui.ui.messages import ArticlesLoaded

CUT_COMPANIES = [
    "Amazon",
    "Twitch",
    "Google",
    "Microsoft",
    "LinkedIn",
    "Amazon",
    "Google",
    "Salesforce",
    "Acme [Corp]",
    "Spotify",
]
"""The sample's cuts, newest first (Amazon and Google share a date: the lower cut id first)."""


async def test_v_switches_between_stories_and_cuts(app_factory, recorder: Recorder) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await settle(pilot)
        stories = titles(app)
        await pilot.press("v")
        await settle(pilot)
        table = app.main.table
        assert table.showing_cuts and table.border_title == "Cuts"
        assert titles(app) == CUT_COMPANIES
        assert "10 cuts" in app.main.query_one(FilterBar).text
        assert any(message.cuts for message in recorder.of(ArticlesLoaded))
        assert app.main.reader.detail is None  # a cut is not a story: the reader is empty
        await pilot.press("v")
        await settle(pilot)
        assert not app.main.table.showing_cuts and titles(app) == stories


async def test_cuts_follow_the_company_and_search_filters(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "c", "j", "enter")  # cuts view, then the company Amazon
        await settle(pilot)
        assert app.main.flt.companies == ("Amazon",)
        assert titles(app) == ["Amazon", "Twitch", "Amazon"]  # Twitch is Amazon's unit
        await pilot.press("escape", "slash", *"hardware", "enter")
        await settle(pilot)
        assert titles(app) == ["Google"]
        assert app.main.table.rows[0].headcount_kind == "vague"


async def test_enter_on_a_cut_lists_its_stories_and_enter_reads_one(app_factory, sample_db: Path) -> None:
    second = add_second_source(sample_db)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert app.main.table.rows[0].sources == 2
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CutStoriesScreen)
        deadline = time.monotonic() + 10  # the screen's worker may start after settle looked
        while not screen.stories and time.monotonic() < deadline:
            await pilot.pause()
        await settle(pilot)
        assert [story.title for story in screen.stories] == [
            "Amazon cuts 500 jobs in devices unit",
            "Amazon to cut about 500 device jobs",
        ]
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.screen is app.main
        assert app.main.reader.detail is not None and app.main.reader.detail.id == second


def company_line(app, name: str) -> str:
    """The Companies pane's line of ``name``, as shown."""
    pane = app.main.query_one("#companies")
    return str(pane.get_option_at_index(pane.names.index(name)).prompt)


async def test_companies_pane_sums_cut_headcounts_not_story_headcounts(app_factory, sample_db: Path) -> None:
    add_second_source(sample_db)  # a second report of Amazon's 500 (2024-03-28): one cut, two stories
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Stories: Amazon's four (its unit Twitch's included); jobs 500 + 1,200 + Twitch's 500, once each.
        assert company_line(app, "Amazon").split()[-3:] == ["4", "·", "2,200"]
        await pilot.press("v")
        await settle(pilot)
        assert company_line(app, "Amazon").split()[-3:] == ["3", "·", "2,200"]  # three cuts
        assert app.main.query_one("#months").months == [None, "2024-03", "2024-02", "2024-01", "2023-12"]


async def test_reader_names_the_other_outlets_of_the_cut(app_factory, sample_db: Path) -> None:
    add_second_source(sample_db)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the newest story: the second report of Amazon's cut
        await settle(pilot)
        text = app.main.reader.text()
        assert "Also reported by 1 outlet:" in text
        assert "Amazon cuts 500 jobs in devices unit" in text
        assert "https://news.example.com/story/1" in text
        await pilot.press("j", "enter")  # the first report: names the second
        await settle(pilot)
        assert "https://biz.example.org/amazon-devices" in app.main.reader.text()
        await pilot.press("j", "enter")  # Twitch: a cut of one story, nothing more to say
        await settle(pilot)
        assert "Also reported" not in app.main.reader.text()


async def test_export_in_the_cuts_view_writes_one_row_per_cut(app_factory, tmp_path: Path) -> None:
    """The app's export offers ``--cuts``: in the cuts view, ``e`` writes the cuts the filters show."""
    from tui.ui.export_dialog import ExportDialog

    app = app_factory()
    target = tmp_path / "cuts.csv"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "c", "j", "enter")  # the cuts view, then Amazon
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog) and dialog.cuts
        dialog.query_one("#path").value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert any(f"Wrote 3 cuts to {target}" == n.message for n in app._notifications)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert (
        lines[0] == "cut_id,company,parent,announced,month,headcount,headcount_kind,percent,sources,first_url"
    )
    assert sorted(line.split(",")[1] for line in lines[1:]) == ["Amazon", "Amazon", "Twitch"]
