"""Pilot tests of the timeline: T opens a chart of the filter's cuts per month, Space shows jobs."""

from __future__ import annotations

import time

import pytest
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
        assert "5,000" in chart_text(screen)  # the y axis counts jobs now (2024-02: 4,100; round levels)
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


def months_from(start_year: int, count: int) -> list[str]:
    return [f"{start_year + i // 12}-{i % 12 + 1:02d}" for i in range(count)]


@pytest.mark.parametrize(
    ("months", "width", "labelled"),
    [
        (["2024-03"], 80, ["2024-03"]),
        (months_from(2024, 4), 80, months_from(2024, 4)),  # few months: every one
        (months_from(2023, 20), 160, months_from(2023, 20)[::2]),  # every other month, from January
        (
            months_from(2023, 20),
            80,
            ["2023-01", "2023-04", "2023-07", "2023-10", "2024-01", "2024-04", "2024-07"],
        ),
        (months_from(2020, 60), 80, ["2020-01", "2021-01", "2022-01", "2023-01", "2024-01"]),  # years
    ],
)
def test_labels_are_evenly_spaced_and_fit(months: list[str], width: int, labelled: list[str]) -> None:
    from tui.ui.timeline_screen import tick_positions

    assert [months[i] for i in tick_positions(months, width)] == labelled


@pytest.mark.parametrize(
    ("top", "levels"),
    [
        (0, [0, 1]),
        (3, [0, 1, 2, 3]),
        (8, [0, 2, 4, 6, 8]),
        (12, [0, 5, 10, 15]),
        (34_700, [0, 10_000, 20_000, 30_000, 40_000]),
    ],
)
def test_value_levels_are_round(top: int, levels: list[int]) -> None:
    from tui.ui.timeline_screen import value_ticks

    assert value_ticks(top) == levels


async def test_a_quiet_month_has_no_bar_at_80_columns(app_factory) -> None:
    """A month without cuts is empty, not a bar of zero drawn on the axis; every month is labelled."""
    from tui.service import Filter, MonthTotal

    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = TimelineScreen(Filter())
        await app.push_screen(screen)
        await settle(pilot)
        screen.months = [
            MonthTotal("2024-01", 3, 0),
            MonthTotal("2024-02", 0, 0),
            MonthTotal("2024-03", 2, 0),
        ]
        screen.draw()
        await pilot.pause()
        lines = screen.query_one(PlotextPlot).render().split("\n")  # type: ignore[union-attr]
        labels = lines[-1].plain
        assert all(month in labels for month in ("2024-01", "2024-02", "2024-03"))
        axis_row = next(line for line in lines if line.plain.startswith("0"))

        def cell(month: str) -> tuple[str, object]:
            column = labels.index(month) + 3
            colors = [span.style.color for span in axis_row.spans if span.start <= column < span.end]
            return axis_row.plain[column], next((c for c in colors if c is not None), None)

        assert cell("2024-01")[0] == "█" and cell("2024-03")[0] == "█"
        assert cell("2024-02") == (" ", None)
