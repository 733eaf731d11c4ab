"""The timeline: cuts (or jobs cut) per month for the current filter, as a bar chart (textual-plotext).

Counted over cuts, not stories, so six reports of one cut are one bar step. Space switches between the
number of cuts and the jobs they cut (known figures only); Esc goes back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker
from textual_plotext import PlotextPlot

from tui.service import Filter, MonthTotal
from tui.ui.footer import FittedFooter
from tui.ui.safe import clean

if TYPE_CHECKING:
    from tui.ui.app import LayoffsApp


BAR_WIDTH = 0.5
"""A bar's width in months: plotext rounds a bar's edges out to whole cells, so half a month leaves a
gap between two busy months even at 80 columns."""
LABEL_STEPS = (1, 2, 3, 4, 6, 12, 24, 36, 60, 120)
"""Months between two labels: divisors of a year (then whole years), so the labels fall on the same
months every year."""


def tick_positions(months: list[str], width: int) -> list[int]:
    """The months (by index) that get a label: every ``step`` months, as few steps as fit ``width``
    columns with a gap between two labels, on January and every ``step`` months from it."""
    if not months:
        return []
    room = max(1, width - 8)  # the y axis and the frame take a few columns
    needed = (len(months[0]) + 3) * len(months) / room  # months per label for the labels to fit
    step = next((s for s in LABEL_STEPS if s >= needed), LABEL_STEPS[-1])
    first_month = int(months[0][5:7])
    return [i for i in range(len(months)) if (first_month - 1 + i) % step == 0 or step == 1]


def value_ticks(top: int) -> list[int]:
    """Up to about five round levels from 0 to at least ``top``: steps of 1, 2 or 5 times a power of ten
    (whole numbers: there is no 0.67 of a cut)."""
    rough = max(1, top) / 5
    power = 10 ** max(0, len(str(int(rough))) - 1)
    step = next(power * n for n in (1, 2, 5, 10) if power * n >= rough)
    last = -(-max(1, top) // step) * step
    return list(range(0, last + step, step))


class TimelineScreen(Screen[None]):
    """A bar per month of the filter's cuts; ``space`` shows jobs cut instead."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "switch_measure", "Cuts/jobs", id="timeline_measure"),
        Binding("escape", "close", "Back", id="close_timeline"),
    ]

    class TimelineLoaded(Message):
        """The months' totals arrived from the worker."""

        def __init__(self, months: list[MonthTotal]) -> None:
            super().__init__()
            self.months = months

    def __init__(self, flt: Filter) -> None:
        super().__init__()
        self.flt = flt
        self.months: list[MonthTotal] = []
        """The bars, oldest month first (tests)."""
        self.measure = "cuts"
        """``cuts`` or ``jobs``: what the bars count."""
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Static(id="timeline-title")
        yield PlotextPlot(id="timeline-plot")
        yield FittedFooter()

    def on_mount(self) -> None:
        self.load_timeline()

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def load_timeline(self) -> None:
        """The months from the service, in a thread."""
        app = cast("LayoffsApp", self.app)
        self.post_message(self.TimelineLoaded(app.service.timeline(self.flt)))

    def on_timeline_screen_timeline_loaded(self, message: TimelineLoaded) -> None:
        self.months = message.months
        self.loaded = True
        self.draw()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Failures go to the app's one handler."""
        cast("LayoffsApp", self.app).worker_failed(event)

    def draw(self) -> None:
        """Bars of the current measure; a note instead when the filter selects no cut."""
        cuts = sum(month.cuts for month in self.months)
        jobs = sum(month.jobs for month in self.months)
        what = "Cuts per month" if self.measure == "cuts" else "Jobs cut per month (known figures)"
        title = f"{what} · {clean(self.flt.describe(), single_line=True)} · {cuts:,} cuts, {jobs:,} jobs"
        self.query_one("#timeline-title", Static).update(title)
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        if self.months:
            values = [month.cuts if self.measure == "cuts" else month.jobs for month in self.months]
            # A quiet month has no bar at all (a bar of 0 is a sliver on the axis). Plotext sizes bars by
            # the mean gap between the x values given, so the width is scaled back to ``BAR_WIDTH`` of a month.
            shown = [position for position, value in enumerate(values) if value]
            if shown:
                gap = (shown[-1] - shown[0]) / (len(shown) - 1) if len(shown) > 1 else 1
                plt.bar(shown, [values[i] for i in shown], width=BAR_WIDTH / gap, reset_ticks=False)
            plt.xlim(-0.5, len(values) - 0.5)
            ticks = tick_positions([month.month for month in self.months], plot.size.width or 80)
            plt.xticks([float(i) for i in ticks], [self.months[i].month for i in ticks])
            levels = value_ticks(max(values))
            plt.ylim(0, levels[-1])
            width = len(f"{levels[-1]:,}")  # labels of one width keep the axis line straight
            plt.yticks([float(level) for level in levels], [f"{level:,}".rjust(width) for level in levels])
        else:
            plt.title("No cut under this filter")
        plot.refresh()

    def on_resize(self) -> None:
        """The labels are chosen for the width: a new width draws them again."""
        if self.loaded:
            self.draw()

    def action_switch_measure(self) -> None:
        """Cuts or jobs cut."""
        self.measure = "jobs" if self.measure == "cuts" else "cuts"
        self.draw()

    def action_close(self) -> None:
        self.dismiss(None)
