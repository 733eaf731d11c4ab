"""The line above the table saying what is filtered and how many stories match."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.store.filters import Filter
from tui.ui.safe import clean


class FilterBar(Static):
    """``company: Amazon · month: 2024-03 · layoff stories — 12 stories · Esc clears``."""

    def show(self, flt: Filter, total: int | None, feed_names: dict[int, str] | None = None) -> None:
        """Describe ``flt`` (feed ids named when known) and the number of matching stories."""
        description = flt.describe()
        if flt.feed_ids and feed_names:
            named = ", ".join(feed_names.get(i, str(i)) for i in flt.feed_ids)
            description = description.replace("feed: " + ", ".join(str(i) for i in flt.feed_ids),
                                              "feed: " + named)
        line = Text("Filter ", style="bold")
        line.append(clean(description, single_line=True))
        if total is not None:
            line.append(f"  — {total:,} " + ("story" if total == 1 else "stories"), style="dim")
        narrowed = flt.but(layoffs_only=True) != Filter()
        if narrowed:
            line.append("  (Esc clears)", style="dim italic")
        self.update(line)
