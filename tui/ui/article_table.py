"""The article table: one row per story, newest first, loaded a page at a time.

Cells are ``Text`` objects (never markup strings). A refresh after a poll rebuilds the rows but puts
the cursor back on the same article and the scroll where it was, so new stories never move the reader.
"""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from tui.store.queries import ArticlePage, ArticleRow
from tui.ui.keys import vim_bindings
from tui.ui.safe import plain

COLUMNS: list[tuple[str, str, int]] = [
    ("mark", " ", 1),
    ("date", "Date", 10),
    ("companies", "Companies", 16),
    ("jobs", "Jobs", 8),
    ("title", "Title", 40),
    ("feed", "Feed", 12),
]
"""(key, label, width); the title takes whatever width is left."""
MORE_THRESHOLD = 40
"""Rows from the end at which the next page is asked for."""


def mark_cell(is_read: bool, starred: bool) -> Text:
    """★ for starred, ● for unread, blank for read."""
    if starred:
        return Text("★", style="bold yellow")
    return Text("●" if not is_read else " ", style="bold")


class ArticleTable(DataTable):
    """The stories matching the filter; Enter reads one (``RowSelected``)."""

    BINDINGS = vim_bindings("cursor_down", "cursor_up", "scroll_top", "scroll_bottom")

    class MoreWanted(Message):
        """The cursor is near the last loaded row and more rows exist: load from ``offset``."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)  # type: ignore[arg-type]
        self.total = 0
        """How many rows the filter matches (loaded or not)."""
        self.rows_by_id: dict[int, ArticleRow] = {}
        self._asked_offset = -1

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width)
        self.call_after_refresh(self.fit_title)

    def on_resize(self) -> None:
        self.fit_title()

    def fit_title(self) -> None:
        """Give the title column the width the others leave."""
        if not self.size.width:
            return
        fixed = sum(width for key, _, width in COLUMNS if key != "title")
        padding = 2 * self.cell_padding * len(COLUMNS)
        title_width = max(20, self.scrollable_content_region.width - fixed - padding - 1)
        column = self.columns.get("title")  # type: ignore[call-overload]
        if column is not None and column.width != title_width:
            column.width = title_width
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh()

    @staticmethod
    def _cells(row: ArticleRow) -> list[Text]:
        style = "" if row.is_read else "bold"
        return [
            mark_cell(row.is_read, row.starred),
            Text(row.published[:10], style="dim"),
            plain(row.companies, "", limit=60),
            Text(row.headcount, justify="right"),
            plain(row.title, style, limit=300),
            plain(row.feed, "dim", limit=60),
        ]

    def _add(self, rows: tuple[ArticleRow, ...]) -> None:
        for row in rows:
            if row.id in self.rows_by_id:
                continue
            self.rows_by_id[row.id] = row
            self.add_row(*self._cells(row), key=str(row.id))

    def show_page(self, page: ArticlePage, reason: str) -> None:
        """Show a page: replace (new filter), append (next page) or rebuild in place (refresh)."""
        self.total = page.total
        if reason == "more":
            self._add(page.rows)
            return
        keep_id = self.selected_id if reason == "refresh" else None
        scroll_y = self.scroll_y
        self.clear()
        self.rows_by_id = {}
        self._asked_offset = -1
        self._add(page.rows)
        if keep_id is not None and keep_id in self.rows_by_id:
            self.move_cursor(row=self.get_row_index(str(keep_id)), animate=False, scroll=False)
            self.scroll_to(y=scroll_y, animate=False, immediate=True)
        elif reason == "refresh":
            self.move_cursor(row=0, animate=False, scroll=False)
            self.scroll_to(y=scroll_y, animate=False, immediate=True)
        else:
            self.move_cursor(row=0, animate=False)
            self.scroll_to(y=0, animate=False, immediate=True)

    @property
    def selected_id(self) -> int | None:
        """The article under the cursor, or None when the table is empty."""
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:
            return None
        return int(key.value) if key.value is not None else None

    def update_marks(self, article_id: int, *, is_read: bool | None = None, starred: bool | None = None) -> None:
        """Change a row's read/star marks in place (no reload, the cursor stays)."""
        row = self.rows_by_id.get(article_id)
        if row is None:
            return
        new = ArticleRow(row.id, row.published, row.title, row.feed,
                         row.is_read if is_read is None else is_read,
                         row.starred if starred is None else starred, row.layoff, row.companies, row.headcount)
        self.rows_by_id[article_id] = new
        try:
            self.update_cell(str(article_id), "mark", mark_cell(new.is_read, new.starred))
            self.update_cell(str(article_id), "title", plain(new.title, "" if new.is_read else "bold", limit=300))
        except RowDoesNotExist:
            pass

    def titles(self) -> list[str]:
        """The titles in table order, as shown (for tests and the bench)."""
        return [str(self.get_row_at(index)[4]) for index in range(self.row_count)]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Ask for the next page when the cursor nears the end of what is loaded."""
        loaded = self.row_count
        if loaded < self.total and event.cursor_row >= loaded - MORE_THRESHOLD and self._asked_offset != loaded:
            self._asked_offset = loaded
            self.post_message(self.MoreWanted(loaded))
