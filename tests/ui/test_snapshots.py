"""Snapshot tests: the look of each screen, one class per feature, on the sample database with a
fixed clock (tests/ui/conftest.py). Update with ``--snapshot-update`` only after reading the diff."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import SIZE, settle


def keys(*pressed: str) -> Callable[[Pilot], object]:
    """A ``run_before`` that settles the app, presses ``pressed`` one by one and settles again."""

    async def run(pilot: Pilot) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run


def keys_until(*pressed: str, ready: Callable[[object], bool]) -> Callable[[Pilot], object]:
    """As ``keys``, then pauses until ``ready(screen)``: a pushed screen's worker may start after the
    settle looked."""

    async def run(pilot: Pilot) -> None:
        await keys(*pressed)(pilot)
        deadline = time.monotonic() + 10
        while not ready(pilot.app.screen) and time.monotonic() < deadline:
            await pilot.pause()
        await settle(pilot)

    return run


class TestMainScreen:
    def test_startup(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys())

    def test_filtered_by_company(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys("c", "j", "enter"))

    def test_filtered_by_month(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys("M", "j", "enter"))

    def test_all_articles(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys("l"))


class TestReader:
    def test_reading_a_story(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys("j", "enter"))

    def test_hostile_title_is_literal(self, snap_compare, app_factory) -> None:
        assert snap_compare(
            app_factory(), terminal_size=SIZE, run_before=keys("slash", *"hostile", "enter", "enter")
        )


class TestCuts:
    """The cuts view (``v``): one line per cut, at the usual size and at 80x24."""

    def test_cuts_view(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys("v"))

    def test_cuts_view_small(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=keys("v"))

    def test_a_cuts_stories(self, snap_compare, app_factory) -> None:
        assert snap_compare(
            app_factory(),
            terminal_size=SIZE,
            run_before=keys_until("v", "enter", ready=lambda screen: bool(getattr(screen, "stories", ()))),
        )


class TestTimeline:
    """The chart of cuts per month (``T``), at the usual size and at 80x24."""

    def test_timeline(self, snap_compare, app_factory) -> None:
        assert snap_compare(
            app_factory(),
            terminal_size=SIZE,
            run_before=keys_until("T", ready=lambda screen: getattr(screen, "loaded", False)),
        )

    def test_timeline_small(self, snap_compare, app_factory) -> None:
        assert snap_compare(
            app_factory(),
            terminal_size=(80, 24),
            run_before=keys_until("T", ready=lambda screen: getattr(screen, "loaded", False)),
        )


class TestWatch:
    def test_watched_companies_are_marked(self, snap_compare, app_factory, tmp_path: Path) -> None:
        from tests.ui.test_watch_in_app import feed_list
        from tui.config import load_config

        config = load_config(feed_list(tmp_path, '[watch]\ncompanies = ["Amazon", "Spotify"]\n'))
        assert snap_compare(app_factory(config), terminal_size=SIZE, run_before=keys())


class TestFeedsScreen:
    def test_feeds(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys("F"))


class TestHelp:
    def test_help(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys("question_mark"))


class TestDialogs:
    def test_tag_dialog(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys("enter", "t"))

    def test_export_dialog(self, snap_compare, app_factory, monkeypatch: pytest.MonkeyPatch) -> None:
        import tui.export

        monkeypatch.setattr(
            tui.export,
            "default_export_path",
            lambda fmt, now, folder=None: Path("/home/you/Documents") / f"layoffs-{now:%Y-%m-%d}.{fmt}",
        )
        assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys("e"))


class TestSmallTerminal:
    """80x24, the size a terminal opens at: every view usable (issue 10)."""

    SMALL = (80, 24)

    def test_main_screen(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=self.SMALL, run_before=keys())

    def test_companies_drawer(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=self.SMALL, run_before=keys("c", "j"))

    def test_feeds_screen(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=self.SMALL, run_before=keys("F"))

    def test_tag_dialog(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=self.SMALL, run_before=keys("t"))


class TestWideTerminal:
    def test_feeds_screen_at_160(self, snap_compare, app_factory) -> None:
        assert snap_compare(app_factory(), terminal_size=(160, 40), run_before=keys("F"))
