"""The line above the table saying what is filtered and how many stories match."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.service import Filter
from tui.ui.safe import clean


class FilterBar(Widget):
    """``Filter company: Amazon · month: 2024-03 · layoff stories — 12 stories (Esc clears)``.

    A one-line widget whose content is a non-layout reactive: changing it repaints this line only,
    where ``Static.update`` would lay out the whole screen again on every filter change.
    """

    DEFAULT_CSS = "FilterBar { height: 1; }"

    line: reactive[Text] = reactive(Text, layout=False)
    """What the bar shows."""

    def render(self) -> Text:
        """The ``Text`` built by ``show``, never parsed as markup."""
        return self.line

    def show(
        self,
        flt: Filter,
        total: int | None,
        feed_names: dict[int, str] | None = None,
        noun: tuple[str, str] = ("story", "stories"),
    ) -> None:
        """Describe ``flt`` (feeds by name when known) and the number of matching rows (None while
        it is being counted), with ``noun`` (singular, plural): stories or cuts."""
        description = flt.describe()
        if flt.feed_ids and feed_names:
            ids = "feed: " + ", ".join(str(i) for i in flt.feed_ids)
            description = description.replace(
                ids, "feed: " + ", ".join(feed_names.get(i, str(i)) for i in flt.feed_ids)
            )
        line = Text("Filter ", style="bold")
        line.append(clean(description, single_line=True))
        if total is not None:
            line.append(f" · {total:,} " + (noun[0] if total == 1 else noun[1]), style="dim")
        if flt.but(layoffs_only=True) != Filter():
            line.append("  (Esc clears)", style="dim italic")
        self.line = line

    @property
    def text(self) -> str:
        """The bar as plain text (tests)."""
        return self.line.plain
