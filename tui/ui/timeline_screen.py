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
            labels = [month.month for month in self.months]
            values = [month.cuts if self.measure == "cuts" else month.jobs for month in self.months]
            positions = list(range(len(labels)))
            plt.bar(positions, values, width=0.8)
            step = max(1, len(labels) // 12)  # a label every few months when there are many
            plt.xticks(positions[::step], labels[::step])
            top = max(values) or 1
            step = max(1, -(-top // 5))  # whole numbers on the axis: there is no 0.67 of a cut
            plt.yticks(list(range(0, top + step, step)))
        else:
            plt.title("No cut under this filter")
        plot.refresh()

    def action_switch_measure(self) -> None:
        """Cuts or jobs cut."""
        self.measure = "jobs" if self.measure == "cuts" else "cuts"
        self.draw()

    def action_close(self) -> None:
        self.dismiss(None)
