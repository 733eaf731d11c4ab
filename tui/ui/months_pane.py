"""The Months pane: "All", then YYYY-MM newest first with the number of stories under the other filters."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.service import MonthFacet
from tui.ui.companies_pane import facet_line
from tui.ui.keys import vim_bindings


class MonthsPane(OptionList):
    """An option list of months; posts ``MonthChosen`` (None for "All")."""

    BINDINGS = vim_bindings("cursor_down", "cursor_up", "first", "last")

    class MonthChosen(Message):
        """The user chose a month (None: every month)."""

        def __init__(self, month: str | None) -> None:
            super().__init__()
            self.month = month

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._months: list[str | None] = []
        self._shown: tuple | None = None
        self._last: tuple | None = None
        """The last ``show`` arguments, to lay the lines out again for a new width."""
        self.border_title = "Months"

    def show(self, facets: list[MonthFacet], total: int, selected: str | None) -> None:
        """Replace the lines, keeping the highlight on the chosen month (unchanged facets: not redrawn)."""
        self._last = (facets, total, selected)
        region = self.scrollable_content_region.width
        width = max(12, region - 1) if region else 30
        key = (tuple(facets), total, width)
        if key == self._shown:
            if selected in self._months:
                self.highlighted = self._months.index(selected)
            return
        self._shown = key
        previous = self.highlighted
        self._months = [None, *(facet.month for facet in facets)]
        self.set_options(
            [
                Option(facet_line("All", total, 0, width=width)),
                *(Option(facet_line(f.month, f.stories, 0, width=width)) for f in facets),
            ]
        )
        if selected in self._months:
            self.highlighted = self._months.index(selected)
        elif previous is not None:
            self.highlighted = min(previous, len(self._months) - 1)
        else:
            self.highlighted = 0

    def on_resize(self) -> None:
        """The names are cut and the figures aligned to the width: a new width (the narrow screen's
        drawer opening) lays the lines out again."""
        if self._last is not None:
            self.show(*self._last)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the raw OptionList event into ``MonthChosen`` (None for "All")."""
        event.stop()
        if 0 <= event.option_index < len(self._months):
            self.post_message(self.MonthChosen(self._months[event.option_index]))

    @property
    def months(self) -> list[str | None]:
        """The month of each line (None for "All")."""
        return list(self._months)
