"""The drawing half of the article table: a scroll view that draws only its visible lines.

A Line API widget (as toolong draws its huge logs): each row's line is built once from plain segments
by the row source and cached per (row, cursor), so a new filter repaints in a few milliseconds where a
``DataTable`` re-rendered every cell through rich. ``ArticleTable`` adds the rows, the cursor and the
keys.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.reactive import Reactive, reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.ui.row_sources import STORY_ROWS, CellStyles, RowSource
from tui.ui.table_lines import line_segments, message_strips


class LineTable(ScrollView, can_focus=True):
    """Draws ``rows`` through ``source`` under a header line, or ``empty_lines`` when there is no row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-table--header",
        "article-table--cursor",
        "article-table--unread",
        "article-table--dim",
        "article-table--star",
    }

    DEFAULT_CSS = """
    LineTable {
        overflow-x: hidden;
        overflow-y: scroll;
    }
    LineTable > .article-table--header { text-style: bold; background: $panel; }
    LineTable > .article-table--cursor { background: $block-cursor-blurred-background; }
    LineTable:focus > .article-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
    }
    LineTable > .article-table--unread { text-style: bold; }
    LineTable > .article-table--dim { color: $text-muted; }
    LineTable > .article-table--star { color: $warning; text-style: bold; }
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """As ``Widget.virtual_size`` but without a layout refresh: a new page changes the table's length,
    and laying out the whole screen again for that cost more than the rest of a filter change. The
    table's own size never depends on it (the scrollbar is always shown), so a repaint suffices."""

    cursor_row: reactive[int] = reactive(0, repaint=False)
    """Index of the highlighted row."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source: RowSource = STORY_ROWS
        """What the rows are: stories or cuts."""
        self.rows: list[Any] = []
        self._lines: dict[tuple[int, bool], Strip] = {}
        self.empty_lines: list[str] = []
        """What the table says while it has no row: why it is empty and what to do (``show_empty``)."""
        self._empty_strips: list[Strip] = []

    def show_empty(self, lines: list[str]) -> None:
        """Say why there is no row (the first line bold, then the reasons), wrapped to the table's width."""
        if lines != self.empty_lines:
            self.empty_lines = lines
            self._empty_strips = []
            self.refresh()

    def _empty_line(self, index: int, width: int) -> Strip:
        if not self._empty_strips and self.empty_lines:
            strong = self.get_component_rich_style("article-table--unread")
            dim = self.get_component_rich_style("article-table--dim")
            self._empty_strips = message_strips(self.empty_lines, width, strong, dim, self.rich_style)
        if 0 <= index < len(self._empty_strips):
            return self._empty_strips[index].crop(0, width)
        return Strip.blank(width, self.rich_style)

    # -- drawing ---------------------------------------------------------------------------------

    def on_resize(self) -> None:
        """Cached lines were cut to the old width; the virtual height counts the header row."""
        self._lines.clear()
        self._empty_strips = []
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)

    def _header(self) -> Strip:
        style = self.get_component_rich_style("article-table--header")
        total = self.scrollable_content_region.width
        cells = [(label, style, False) for _, label, _ in self.source.columns]
        return Strip(line_segments(cells, self.source.widths(total), total, style)).crop(0, total)

    def _row_line(self, index: int) -> Strip:
        cursor = index == self.cursor_row
        line = self._lines.get((index, cursor))
        if line is not None:
            return line
        total = self.scrollable_content_region.width
        widths = self.source.widths(total)
        styles = CellStyles(
            dim=self.get_component_rich_style("article-table--dim"),
            strong=self.get_component_rich_style("article-table--unread"),
            star=self.get_component_rich_style("article-table--star"),
        )
        cells = self.source.cells(self.rows[index], widths, styles)
        segments = line_segments(cells, widths, total)
        if cursor:
            cursor_style = self.get_component_rich_style("article-table--cursor")
            segments = [Segment(seg.text, (seg.style or Style()) + cursor_style) for seg in segments]
        line = Strip(Segment.apply_style(segments, self.rich_style)).crop(0, total)
        self._lines[(index, cursor)] = line
        return line

    def render_line(self, y: int) -> Strip:
        """Line 0 is the header at every scroll position; only visible rows are drawn."""
        if y == 0:
            return self._header()
        index = round(self.scroll_y) + y - 1
        if 0 <= index < len(self.rows):
            return self._row_line(index)
        if not self.rows:
            return self._empty_line(y - 2, self.scrollable_content_region.width)
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)

    def on_focus(self) -> None:
        """The cursor row looks different with focus, so cached lines are stale."""
        self._lines.clear()
        self.refresh()

    def on_blur(self) -> None:
        """The cursor row looks different without focus, so cached lines are stale."""
        self._lines.clear()
        self.refresh()

    _kept_style: Style | None = None

    @property
    def rich_style(self) -> Style:
        """``Widget.rich_style``, kept until the styles change: every line drawn asks for it, and walking
        the ancestors' styles each time was half the cost of drawing a row."""
        if self._kept_style is None:
            self._kept_style = super().rich_style
        return self._kept_style

    def notify_style_update(self) -> None:
        """Styles changed (a theme, focus, CSS): the kept style goes."""
        self._kept_style = None
        super().notify_style_update()
