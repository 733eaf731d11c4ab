"""The Months pane: "All", then YYYY-MM newest first with the number of stories (or cuts) under the other
filters."""

from __future__ import annotations

from collections.abc import Hashable

from tui.service import PaneCounts
from tui.ui.facet_pane import FacetLine, FacetPane, facet_line


class MonthsPane(FacetPane):
    """The months with their counts; choosing one filters to it."""

    field = "months"
    title = "Months"

    def lines(self, counts: PaneCounts, width: int) -> list[FacetLine]:
        return [
            (facet.month, facet_line(facet.month, facet.stories, 0, width=width)) for facet in counts.months
        ]

    def total(self, counts: PaneCounts) -> int:
        return counts.month_total

    def drawn_from(self, counts: PaneCounts) -> Hashable:
        return tuple(counts.months)

    @property
    def months(self) -> list[str | None]:
        """The month of each line (None for "All")."""
        return self.values
