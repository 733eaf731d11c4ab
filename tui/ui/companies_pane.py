"""The Companies pane: "All", then each company with its units indented under it.

Each line shows the number of stories (in the cuts view, of cuts) and the jobs cut, summed over the
company's cuts (never its stories: six reports of one cut count it once), under the *other* filters, so
the counts answer "who cut jobs in March" once a month is chosen. Enter chooses a company.
"""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.service import CompanyFacet
from tui.ui.keys import vim_bindings
from tui.ui.safe import clean
from tui.ui.watching import WatchTest


def facet_line(
    name: str, stories: int, headcount: int, *, indent: int = 0, width: int = 30, watched: bool = False
) -> Content:
    """``Amazon ······ 12 · 27,000``: the name cut to fit, the figures right-aligned; ``◆`` before a
    watched company.

    A ``Content`` built from parts: the name is never parsed as markup, and it is cheaper for the
    option list than a rich ``Text`` (the pane may hold hundreds of lines).
    """
    figures = f"{stories:,}" + (f" · {headcount:,}" if headcount else "")
    prefix = "└ " if indent else ""
    mark = "◆ " if watched else ""
    room = max(4, width - len(prefix) - len(mark) - len(figures) - 1)
    label = clean(name, single_line=True)
    if len(label) > room:
        label = label[: room - 1] + "…"
    gap = " " * max(1, width - len(prefix) - len(mark) - len(label) - len(figures))
    return Content.assemble((prefix, "dim"), (mark, "bold $warning"), label, gap, (figures, "dim"))


class CompaniesPane(OptionList):
    """An option list of companies; posts ``CompanyChosen`` (None for "All")."""

    BINDINGS = vim_bindings("cursor_down", "cursor_up", "first", "last")

    class CompanyChosen(Message):
        """The user chose a company (None: all companies)."""

        def __init__(self, company: str | None) -> None:
            super().__init__()
            self.company = company

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._names: list[str | None] = []
        self._shown: tuple | None = None
        self._last: tuple | None = None
        """The last ``show`` arguments, to lay the lines out again for a new width."""
        self.border_title = "Companies"
        self.watched: WatchTest = lambda company, parent=None: False
        """Which companies carry the watched mark (the main screen sets it from feeds.toml)."""
        self.watched_key: tuple[str, ...] = ()
        """The watched entries ``watched`` was built from: a change redraws the lines."""

    def show(self, facets: list[CompanyFacet], total: int, selected: str | None) -> None:
        """Replace the lines, keeping the highlight on the chosen company (or on the same line).

        Unchanged facets (a company was chosen: this pane counts under the other filters) are not redrawn.
        """
        self._last = (facets, total, selected)
        region = self.scrollable_content_region.width
        width = max(12, region - 1) if region else 30
        key = (tuple(facets), total, width, self.watched_key)
        if key == self._shown:
            if selected in self._names:
                self.highlighted = self._names.index(selected)
            return
        self._shown = key
        previous = self.highlighted
        names: list[str | None] = [None]
        options = [Option(facet_line("All", total, 0, width=width))]
        for facet in facets:
            names.append(facet.name)
            watched = self.watched(facet.name, None)
            options.append(
                Option(facet_line(facet.name, facet.stories, facet.headcount, width=width, watched=watched))
            )
            for unit in facet.units:
                names.append(unit.name)
                marked = self.watched(unit.name, facet.name)
                options.append(
                    Option(
                        facet_line(
                            unit.name, unit.stories, unit.headcount, indent=1, width=width, watched=marked
                        )
                    )
                )
        self._names = names
        self.set_options(options)
        if selected in names:
            self.highlighted = names.index(selected)
        elif previous is not None:
            self.highlighted = min(previous, len(names) - 1)
        else:
            self.highlighted = 0

    def on_resize(self) -> None:
        """The names are cut and the figures aligned to the width: a new width (the narrow screen's
        drawer opening) lays the lines out again."""
        if self._last is not None:
            self.show(*self._last)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the raw OptionList event into ``CompanyChosen`` (None for "All")."""
        event.stop()
        if 0 <= event.option_index < len(self._names):
            self.post_message(self.CompanyChosen(self._names[event.option_index]))

    @property
    def highlighted_name(self) -> str | None:
        """The company on the highlighted line (None for "All" or nothing)."""
        index = self.highlighted
        return self._names[index] if index is not None and 0 <= index < len(self._names) else None

    def set_watched(self, entries: tuple[str, ...], test: WatchTest) -> None:
        """Mark the companies ``test`` covers, redrawing the lines when the entries changed."""
        if entries != self.watched_key:
            self.watched_key, self.watched = entries, test
            if self._last is not None:
                self.show(*self._last)

    @property
    def names(self) -> list[str | None]:
        """The company of each line (None for "All"), for tests and the palette."""
        return list(self._names)
