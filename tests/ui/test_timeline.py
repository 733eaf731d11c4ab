"""Pilot tests of the timeline: T opens a chart of the filter's cuts per month, Space shows jobs."""

from __future__ import annotations

import time

from textual_plotext import PlotextPlot

from tests.ui.conftest import SIZE, settle
from tui.ui.timeline_screen import TimelineScreen


def chart_text(screen: TimelineScreen) -> str:
    return screen.query_one(PlotextPlot).render().plain  # type: ignore[union-attr]


async def test_t_opens_the_timeline_with_the_months(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        deadline = time.monotonic() + 10  # the screen's worker may start after settle looked
        while not screen.loaded and time.monotonic() < deadline:
            await pilot.pause()
        assert [(m.month, m.cuts) for m in screen.months] == [
            ("2023-12", 1),
            ("2024-01", 2),
            ("2024-02", 4),
            ("2024-03", 3),
        ]
        text = chart_text(screen)
        for month in ("2023-12", "2024-01", "2024-02", "2024-03"):
            assert month in text
        assert "10 cuts" in str(screen.query_one("#timeline-title").render())
        await pilot.press("space")
        await settle(pilot)
        assert screen.measure == "jobs"
        assert "4100" in chart_text(screen)  # the y axis counts jobs now (2024-02: 4,100)
        assert "Jobs cut per month" in str(screen.query_one("#timeline-title").render())
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main


async def test_the_timeline_follows_the_company_filter(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "j", "enter", "T")  # Amazon (with its unit Twitch)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        deadline = time.monotonic() + 10
        while not screen.loaded and time.monotonic() < deadline:
            await pilot.pause()
        assert [(m.month, m.cuts, m.jobs) for m in screen.months] == [
            ("2024-02", 1, 1200),
            ("2024-03", 2, 1000),
        ]


def test_quiet_months_are_bars_of_zero() -> None:
    from tui.store.cut_view import MonthTotal, _with_empty_months

    months = [MonthTotal("2023-11", 1, 10), MonthTotal("2024-02", 2, 0)]
    assert [(m.month, m.cuts) for m in _with_empty_months(months)] == [
        ("2023-11", 1),
        ("2023-12", 0),
        ("2024-01", 0),
        ("2024-02", 2),
    ]
    assert _with_empty_months([]) == []
