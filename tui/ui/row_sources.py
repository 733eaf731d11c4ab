"""The two row sources of the one table: stories and cuts (STYLE.md 12).

A row source says what the columns are, how wide each is for a table width, and how one row becomes
its cells; the table (``ArticleTable``) scrolls, draws only visible lines and keeps the cursor for
either. Adding a view is adding a source here and a key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rich.style import Style

from tui.service import CutRow
from tui.ui.figures import cut_headcount, cut_percent
from tui.ui.safe import clean
from tui.ui.table_lines import COLUMNS, GAP, column_widths, row_cells


@dataclass(frozen=True)
class CellStyles:
    """The table's component styles a row's cells may use."""

    dim: Style
    strong: Style
    star: Style


class RowSource(Protocol):
    """What the table needs to know about the rows it shows."""

    name: str
    """``stories`` or ``cuts``: what the view is called (the table's title, the filter line's count)."""
    noun: tuple[str, str]
    """(singular, plural), for "12 stories" / "1 cut"."""

    @property
    def columns(self) -> Sequence[tuple[str, str, int]]:
        """(key, label, width) of each column."""
        ...

    def widths(self, total: int) -> list[int]: ...

    def cells(self, row: Any, widths: Sequence[int], styles: CellStyles) -> list[tuple[str, Style, bool]]: ...

    def row_id(self, row: Any) -> int: ...

    def label(self, row: Any) -> str: ...


class StoryRows:
    """Stories (``ArticleRow``): the columns of ``table_lines``."""

    name = "stories"
    noun = ("story", "stories")
    columns = COLUMNS

    def widths(self, total: int) -> list[int]:
        return column_widths(total)

    def cells(self, row: Any, widths: Sequence[int], styles: CellStyles) -> list[tuple[str, Style, bool]]:
        return row_cells(row, widths, dim=styles.dim, strong=styles.strong, star=styles.star)

    def row_id(self, row: Any) -> int:
        return row.id

    def label(self, row: Any) -> str:
        return clean(row.title, single_line=True)


CUT_COLUMNS: list[tuple[str, str, int]] = [
    ("mark", " ", 1),
    ("date", "Announced", 11),
    ("company", "Company", 0),
    ("jobs", "Jobs", 9),
    ("percent", "Percent", 7),
    ("sources", "Sources", 7),
]
"""(key, label, width); the company (width 0) takes what is left."""


class CutRows:
    """Cuts (``CutRow``): one line per cut with its best figure and how many stories report it."""

    name = "cuts"
    noun = ("cut", "cuts")
    columns = CUT_COLUMNS

    def widths(self, total: int) -> list[int]:
        fixed = sum(width for _, _, width in CUT_COLUMNS)
        rest = total - 1 - fixed - GAP * (len(CUT_COLUMNS) - 1)
        return [width or max(8, rest) for _, _, width in CUT_COLUMNS]

    def cells(self, row: CutRow, widths: Sequence[int], styles: CellStyles) -> list[tuple[str, Style, bool]]:
        company = clean(row.company, single_line=True)
        if row.parent:
            company += f" ({clean(row.parent, single_line=True)})"
        return [
            (" ", Style(), False),
            (" " + row.announced[:10], styles.dim, False),
            (company, Style(), False),
            (cut_headcount(row), Style(), True),
            (cut_percent(row), Style(), True),
            (f"{row.sources:,}", styles.dim, True),
        ]

    def row_id(self, row: CutRow) -> int:
        return row.cut_id

    def label(self, row: CutRow) -> str:
        return clean(row.company, single_line=True)


STORY_ROWS = StoryRows()
CUT_ROWS = CutRows()
