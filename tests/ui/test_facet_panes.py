"""The facet panes share one base: the main screen refills every ``FacetPane`` it holds and narrows the
filter by whichever pane the user chooses in, so a new pane needs no wiring of its own."""

from __future__ import annotations

from tests.ui.conftest import SIZE, settle
from tui.ui.months_pane import MonthsPane


async def test_a_third_pane_is_filled_and_chooses_without_wiring(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        extra = MonthsPane(id="extra-months")
        await app.main.query_one("#sidebar").mount(extra)
        app.main.reload("refresh")
        await settle(pilot)
        months = app.main.query_one("#months", MonthsPane).months
        assert extra.months == months and len(months) > 2
        extra.focus()
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        assert app.main.flt.months == (months[2],)
        assert app.main.query_one("#months", MonthsPane).highlighted == 2  # the other pane marks it too
