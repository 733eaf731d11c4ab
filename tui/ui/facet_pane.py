"""The one base of the sidebar's panes (STYLE.md 12): "All", then a line per value with its counts under
every filter but the pane's own; Enter chooses a value, and the main screen narrows the filter to it.

A pane says which filter field it sets (``field``) and how the panes' counts become its lines
(``lines``); the base lays them out for the width, keeps the highlight on the chosen value and redraws
only when the lines changed. Adding a pane (feeds, say) is a subclass and a line in the sidebar.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.service import Filter, PaneCounts
from tui.ui.keys import vim_bindings
from tui.ui.safe import clean


def facet_line(
    name: str, count: int, headcount: int, *, indent: int = 0, width: int = 30, watched: bool = False
) -> Content:
    """``Amazon ······ 12 · 27,000``: the name cut to fit, the figures right-aligned; ``◆`` before a
    watched company.

    A ``Content`` built from parts: the name is never parsed as markup, and it is cheaper for the
    option list than a rich ``Text`` (the pane may hold hundreds of lines).
    """
    figures = f"{count:,}" + (f" · {headcount:,}" if headcount else "")
    prefix = "└ " if indent else ""
    mark = "◆ " if watched else ""
    room = max(4, width - len(prefix) - len(mark) - len(figures) - 1)
    label = clean(name, single_line=True)
    if len(label) > room:
        label = label[: room - 1] + "…"
    gap = " " * max(1, width - len(prefix) - len(mark) - len(label) - len(figures))
    return Content.assemble((prefix, "dim"), (mark, "bold $warning"), label, gap, (figures, "dim"))


FacetLine = tuple[str | None, Content]
"""A value (None: "All") and its line."""


class FacetPane(OptionList):
    """A pane of facet lines; posts ``Chosen`` with its ``field`` and the value (None for "All")."""

    BINDINGS = vim_bindings("cursor_down", "cursor_up", "first", "last")

    field: ClassVar[str]
    """The ``Filter`` field the pane sets: ``companies`` or ``months``."""
    title: ClassVar[str]

    class Chosen(Message):
        """The user chose a value of ``field`` (None: all of them)."""

        def __init__(self, field: str, value: str | None) -> None:
            super().__init__()
            self.field = field
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._values: list[str | None] = []
        self._shown: tuple[Hashable, ...] | None = None
        self._last: tuple[PaneCounts, str | None] | None = None
        """The last counts shown and the chosen value, to lay the lines out again for a new width."""
        self.border_title = self.title

    def lines(self, counts: PaneCounts, width: int) -> list[FacetLine]:
        """The pane's lines after "All", from the panes' counts."""
        raise NotImplementedError

    def total(self, counts: PaneCounts) -> int:
        """What "All" counts: everything the other filters select."""
        raise NotImplementedError

    def drawn_from(self, counts: PaneCounts) -> Hashable:
        """What the lines depend on (beside the width): equal keys are not redrawn."""
        raise NotImplementedError

    def show_counts(self, counts: PaneCounts, flt: Filter) -> None:
        """Show the counts, keeping the highlight on the filter's value of ``field`` (or on the same line).

        Unchanged lines (a value was chosen: this pane counts under the other filters) are not redrawn.
        """
        chosen: tuple[str, ...] = getattr(flt, self.field)
        self._show(counts, chosen[0] if chosen else None)

    def _show(self, counts: PaneCounts, selected: str | None) -> None:
        self._last = (counts, selected)
        region = self.scrollable_content_region.width
        width = max(12, region - 1) if region else 30
        key = (self.drawn_from(counts), self.total(counts), width)
        if key == self._shown:
            if selected in self._values:
                self.highlighted = self._values.index(selected)
            return
        self._shown = key
        previous = self.highlighted
        lines = [(None, facet_line("All", self.total(counts), 0, width=width)), *self.lines(counts, width)]
        self._values = [value for value, _ in lines]
        self.set_options([Option(line) for _, line in lines])
        if selected in self._values:
            self.highlighted = self._values.index(selected)
        elif previous is not None:
            self.highlighted = min(previous, len(self._values) - 1)
        else:
            self.highlighted = 0

    def redraw(self) -> None:
        """Lay the last lines out again (a new width, a changed mark)."""
        if self._last is not None:
            self._shown = None
            self._show(*self._last)

    def on_resize(self) -> None:
        """The names are cut and the figures aligned to the width: a new width (the narrow screen's
        drawer opening) lays the lines out again."""
        if self._last is not None:
            self._show(*self._last)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the raw OptionList event into ``Chosen`` (None for "All")."""
        event.stop()
        if 0 <= event.option_index < len(self._values):
            self.post_message(self.Chosen(self.field, self._values[event.option_index]))

    @property
    def values(self) -> list[str | None]:
        """The value of each line (None for "All"), for tests and the palette."""
        return list(self._values)

    @property
    def highlighted_value(self) -> str | None:
        """The value on the highlighted line (None for "All" or nothing)."""
        index = self.highlighted
        return self._values[index] if index is not None and 0 <= index < len(self._values) else None
