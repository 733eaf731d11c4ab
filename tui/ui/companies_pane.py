"""The Companies pane: "All", then each company with its units indented under it.

Each line shows the number of stories (in the cuts view, of cuts) and the jobs cut, summed over the
company's cuts (never its stories: six reports of one cut count it once), under the *other* filters, so
the counts answer "who cut jobs in March" once a month is chosen. Enter chooses a company.
"""

from __future__ import annotations

from collections.abc import Hashable

from tui.service import PaneCounts
from tui.ui.facet_pane import FacetLine, FacetPane, facet_line
from tui.ui.watching import WatchTest


def _watch_nothing(company: str, parent: str | None = None) -> bool:
    """Before the watchlist is known, nothing is marked."""
    return False


class CompaniesPane(FacetPane):
    """The companies (units under their parent) with their counts; ``◆`` marks a watched one."""

    field = "companies"
    title = "Companies"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.watched: WatchTest = _watch_nothing
        """Which companies carry the watched mark (the main screen sets it from feeds.toml)."""
        self.watched_key: tuple[str, ...] = ()
        """The watched entries ``watched`` was built from: a change redraws the lines."""

    def lines(self, counts: PaneCounts, width: int) -> list[FacetLine]:
        lines: list[FacetLine] = []
        for facet in counts.companies:
            mark = self.watched(facet.name, None)
            lines.append(
                (
                    facet.name,
                    facet_line(facet.name, facet.stories, facet.headcount, width=width, watched=mark),
                )
            )
            for unit in facet.units:
                mark = self.watched(unit.name, facet.name)
                line = facet_line(
                    unit.name, unit.stories, unit.headcount, indent=1, width=width, watched=mark
                )
                lines.append((unit.name, line))
        return lines

    def total(self, counts: PaneCounts) -> int:
        return counts.company_total

    def drawn_from(self, counts: PaneCounts) -> Hashable:
        return (tuple(counts.companies), self.watched_key)

    def set_watched(self, entries: tuple[str, ...], test: WatchTest) -> None:
        """Mark the companies ``test`` covers, redrawing the lines when the entries changed."""
        if entries != self.watched_key:
            self.watched_key, self.watched = entries, test
            self.redraw()

    @property
    def names(self) -> list[str | None]:
        """The company of each line (None for "All"), for tests and the palette."""
        return self.values

    @property
    def highlighted_name(self) -> str | None:
        """The company on the highlighted line (None for "All" or nothing)."""
        return self.highlighted_value
