"""The feeds screen's table: one feed a row, columns laid out for the width at hand.

Fixed columns (on, name, last poll, status, articles) keep their width; the Error and URL columns
share what is left, so at 160 columns an error is read whole instead of cut at 22 cells beside a
blank margin. Below ``URL_MIN_ROOM`` cells the URL column gives way (``i`` shows it, with the error).
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import DataTable

from tui.service import FeedRow
from tui.timeutil import parse_iso
from tui.ui.keys import vim_bindings
from tui.ui.safe import plain
from tui.wording import status_words

FIXED_COLUMNS: list[tuple[str, str, int]] = [
    ("on", "On", 2),
    ("name", "Name", 20),
    ("polled", "Last poll", 9),
    ("status", "Status", 13),
    ("articles", "Articles", 8),
]
"""(key, label, width) of the columns that keep their width; ``name`` narrows on a small screen."""
PADDING = 2
"""Cells a DataTable puts around each column."""
MIN_ERROR = 16
URL_MIN_ROOM = 50
"""Cells the Error and URL columns need between them for the URL to be shown at all."""


def ago(when: str | None, now: datetime) -> str:
    """``3h ago``; "never" for a feed not polled yet."""
    moment = parse_iso(when)
    if moment is None:
        return "never"
    seconds = max(0, int((now - moment).total_seconds()))
    for size, unit in ((86400, "d"), (3600, "h"), (60, "m")):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return "just now"


def feed_columns(total: int, rows: list[FeedRow]) -> list[tuple[str, str, int]]:
    """(key, label, width) of each column for a table ``total`` cells wide showing ``rows``.

    Error and URL share the room left: each gets its longest text when both fit; otherwise the URL gets
    its longest up to half the room and the error the rest, so neither is cut while the other has cells
    to spare. The URL column gives way below ``URL_MIN_ROOM`` (``i`` shows it).
    """
    columns = list(FIXED_COLUMNS)
    if total < 100:
        columns[1] = ("name", "Name", 14)
    room = total - sum(width + PADDING for _, _, width in columns)
    if room < URL_MIN_ROOM:
        return [*columns, ("error", "Error", max(MIN_ERROR, room - PADDING))]
    room -= 2 * PADDING
    error_need = max([MIN_ERROR, *(len(row.last_error or "") for row in rows)])
    url_need = max([10, *(len(row.url) for row in rows)])
    if error_need + url_need <= room:
        url = url_need
    else:
        url = min(url_need, max(room // 2, room - error_need))
    return [*columns, ("error", "Error", room - url), ("url", "URL", url)]


def feed_cells(row: FeedRow, now: datetime) -> dict[str, Text]:
    """Every cell of a feed's row, by column key (feed data shown as text, never markup)."""
    failed = bool(row.last_error)
    return {
        "on": Text("✓" if row.enabled else "·", style="green" if row.enabled else "dim"),
        "name": plain(row.name),
        "polled": Text(ago(row.last_polled_at, now), style="dim"),
        "status": plain(status_words(row.last_status), "red" if failed else ""),
        "articles": Text(f"{row.articles:,}", justify="right"),
        "error": plain(row.last_error or "", "red"),
        "url": plain(row.url, "dim"),
    }


class FeedTable(DataTable):
    """The feeds, one per row, keyed by URL; ``show`` fills it, a resize lays its columns out again."""

    BINDINGS = vim_bindings("cursor_down", "cursor_up", "scroll_top", "scroll_bottom")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self._shown: tuple[list[FeedRow], datetime] | None = None
        self._columns: list[tuple[str, str, int]] = []

    def show(self, rows: list[FeedRow], now: datetime) -> None:
        """Refill the table with ``rows``, keeping the cursor on the same feed."""
        self._shown = (rows, now)
        selected = self.selected_url
        self._lay_out()
        self.clear()
        keys = [key for key, _, _ in self._columns]
        for row in rows:
            cells = feed_cells(row, now)
            self.add_row(*(cells[key] for key in keys), key=row.url)
        if selected is not None and selected in {row.url for row in rows}:
            self.move_cursor(row=self.get_row_index(selected), animate=False)

    @property
    def selected_url(self) -> str | None:
        """The feed under the cursor."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def _lay_out(self) -> None:
        width = self.scrollable_content_region.width or 120
        columns = feed_columns(width, self._shown[0] if self._shown else [])
        if columns != self._columns:
            self._columns = columns
            self.clear(columns=True)
            for key, label, column_width in columns:
                self.add_column(label, key=key, width=column_width)

    def on_resize(self) -> None:
        """A new width: new column widths, the same rows."""
        width = self.scrollable_content_region.width
        if self._shown is not None and feed_columns(width, self._shown[0]) != self._columns:
            self.show(*self._shown)

    def has_column(self, key: str) -> bool:
        """Whether the column ``key`` is shown at this width."""
        return any(column == key for column, _, _ in self._columns)
