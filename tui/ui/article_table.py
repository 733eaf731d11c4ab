"""The article table: one line per story, newest first, loaded a page at a time.

The rows, the cursor and the keys; ``LineTable`` draws only the visible lines. Text is cleaned and used
as data, never markup. A refresh after a poll rebuilds the rows but keeps the cursor on the same article and the
scroll where it was, so new stories never move the reader.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message

from tui.ui.keys import vim_bindings
from tui.ui.line_table import LineTable
from tui.ui.row_sources import CUT_ROWS, RowSource

MORE_THRESHOLD = 40
"""Rows from the end at which the next page is asked for."""


class ArticleTable(LineTable):
    """The stories (or the cuts) matching the filter; Enter reads a story (``ArticleChosen``) or lists a
    cut's stories (``CutChosen``). What a row is comes from its row source (``source``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Read", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        *vim_bindings("cursor_down", "cursor_up", "first", "last"),
    ]

    class ArticleChosen(Message):
        """Enter (or a click on the highlighted row): read this article."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class CutChosen(Message):
        """Enter on a cut: list its stories."""

        def __init__(self, cut_id: int) -> None:
            super().__init__()
            self.cut_id = cut_id

    class Highlighted(Message):
        """The cursor is on another story (None: the table is empty), so the reader can follow it."""

        def __init__(self, article_id: int | None) -> None:
            super().__init__()
            self.article_id = article_id

    class MoreWanted(Message):
        """The cursor is near the last loaded row and more rows exist: load from ``offset``."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows_by_id: dict[int, Any] = {}
        self.total = 0
        """How many rows the filter matches (loaded or not)."""
        self._asked_offset = -1
        self.border_title = "Stories"

    # -- data ------------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """Rows loaded so far, not how many match: pages arrive as the cursor nears the end."""
        return len(self.rows)

    @property
    def showing_cuts(self) -> bool:
        """True in the cuts view."""
        return self.source is CUT_ROWS

    @property
    def selected_id(self) -> int | None:
        """The row (article or cut) under the cursor, or None when the table is empty."""
        if 0 <= self.cursor_row < len(self.rows):
            return self.source.row_id(self.rows[self.cursor_row])
        return None

    @property
    def selected_article_id(self) -> int | None:
        """The article under the cursor; None in the cuts view or on an empty table."""
        return None if self.showing_cuts else self.selected_id

    def use_source(self, source: RowSource) -> None:
        """Show another kind of row; the rows go until the new source's first page arrives."""
        if source is self.source:
            return
        self.source = source
        self.border_title = source.name.capitalize()
        self._asked_offset = -1
        self._set_rows([])
        self.total = 0
        self.refresh()

    def _set_rows(self, rows: list[Any]) -> None:
        self.rows = rows
        self.rows_by_id = {self.source.row_id(row): row for row in rows}
        self._lines.clear()
        self.virtual_size = Size(self.size.width, len(rows) + 1)

    def show_page(self, page: Any, reason: str) -> None:
        """Show a page: replace (new filter), append (next page) or rebuild in place (refresh)."""
        self.total = page.total if reason != "more" else self.total
        if reason == "more":
            ids = self.rows_by_id
            self._set_rows(self.rows + [row for row in page.rows if self.source.row_id(row) not in ids])
            return
        self.show_empty([])  # the explanation was for the rows being replaced
        keep_id = self.selected_id if reason == "refresh" else None
        scroll_y = self.scroll_y if reason == "refresh" else 0
        self._asked_offset = -1
        self._set_rows(list(page.rows))
        index = next((i for i, row in enumerate(self.rows) if self.source.row_id(row) == keep_id), None)
        if index is None:
            index = 0 if reason != "refresh" else min(self.cursor_row, max(0, len(self.rows) - 1))
        self.set_reactive(ArticleTable.cursor_row, index)
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Highlighted(self.selected_article_id))

    def update_marks(
        self, article_id: int, *, is_read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Change a row's read/star marks in place (no reload, the cursor stays)."""
        row = self.rows_by_id.get(article_id) if not self.showing_cuts else None
        if row is None:
            return
        new = replace(
            row,
            is_read=row.is_read if is_read is None else is_read,
            starred=row.starred if starred is None else starred,
        )
        self.rows_by_id[article_id] = new
        self.rows = [new if r.id == article_id else r for r in self.rows]
        self._lines.clear()
        self.refresh()

    def titles(self) -> list[str]:
        """The titles (in the cuts view, the companies) in table order, as shown, for tests and the bench."""
        return [self.source.label(row) for row in self.rows]

    # -- cursor ----------------------------------------------------------------------------------

    def watch_cursor_row(self, old: int, new: int) -> None:
        """Redraw only the old and new cursor rows, keep the cursor in view and ask for the next page near the
        end."""
        self._lines.pop((old, True), None)
        self._lines.pop((old, False), None)
        self._lines.pop((new, True), None)
        self._lines.pop((new, False), None)
        self._scroll_cursor_into_view()
        self.refresh()
        self._want_more(new)
        self.post_message(self.Highlighted(self.selected_article_id))

    def watch_scroll_y(self, old: float, new: float) -> None:
        """Scrolling with the mouse wheel also reaches the end of what is loaded."""
        super().watch_scroll_y(old, new)
        self._want_more(round(new) + self.scrollable_content_region.height)

    def _want_more(self, index: int) -> None:
        """Ask for the next page when ``index`` is near the last loaded row and more rows exist."""
        loaded = len(self.rows)
        if loaded < self.total and index >= loaded - MORE_THRESHOLD and self._asked_offset != loaded:
            self._asked_offset = loaded
            self.post_message(self.MoreWanted(loaded))

    def validate_cursor_row(self, value: int) -> int:
        """Clamp to the loaded rows, so the movement actions need no bounds checks."""
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def _scroll_cursor_into_view(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def move_cursor(self, row: int) -> None:
        """Put the cursor on ``row`` (clamped), scrolling it into view."""
        self.cursor_row = row

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_page_down(self) -> None:
        """A screen of rows less one, so the last row seen stays as context."""
        self.cursor_row += max(1, self.scrollable_content_region.height - 2)

    def action_page_up(self) -> None:
        """A screen of rows less one, so the first row seen stays as context."""
        self.cursor_row -= max(1, self.scrollable_content_region.height - 2)

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        """The last loaded row; reaching it asks for the next page."""
        self.cursor_row = len(self.rows) - 1

    def action_choose(self) -> None:
        """Post ``ArticleChosen`` (or ``CutChosen``) for the row under the cursor; nothing on an empty table."""
        if (row_id := self.selected_id) is not None:
            self.post_message(self.CutChosen(row_id) if self.showing_cuts else self.ArticleChosen(row_id))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor; a click on the highlighted row reads it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = round(self.scroll_y) + offset.y - 1
        if 0 <= index < len(self.rows):
            if index == self.cursor_row:
                self.action_choose()
            self.cursor_row = index
