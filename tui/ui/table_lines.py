"""The article table's columns and how one row becomes one line of segments.

Pure functions over cleaned text, kept apart from the widget so the layout of a line can be read
(and tested) without the scrolling and cursor machinery around it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.service import ArticleRow
from tui.ui.figures import story_figure_text
from tui.ui.safe import clean

COLUMNS: list[tuple[str, str, int]] = [
    ("mark", " ", 1),
    ("date", "Date", 11),
    ("companies", "Companies", 16),
    ("jobs", "Jobs", 8),
    ("title", "Title", 0),
    ("feed", "Feed", 10),
]
"""(key, label, width); the title (width 0) takes whatever width is left."""
GAP = 2
"""Spaces between columns."""
MIN_TITLE = 30
"""The title keeps at least this many cells: on a narrow table the Feed column goes first, then the
Companies column narrows (to ``MIN_COMPANIES``)."""
MIN_COMPANIES = 8
ROOMY_TITLE = 60
"""Past this width the title gives the Feed and Companies columns room for whole names (up to ``ROOMY``)."""
ROOMY = {"feed": 20, "companies": 24}


def fit(text: str, width: int, *, right: bool = False) -> str:
    """``text`` cropped with … or padded to exactly ``width`` cells."""
    size = cell_len(text)
    if size > width:
        return set_cell_size(text, max(0, width - 1)) + "…" if width else ""
    pad = " " * (width - size)
    return pad + text if right else text + pad


def mark(row: ArticleRow) -> str:
    """★ starred, ● unread, blank when read."""
    return "★" if row.starred else ("●" if not row.is_read else " ")


def column_widths(total: int) -> list[int]:
    """Each column's width for a table ``total`` cells wide; 0 for a column that gave way.

    The title gets the rest. To keep it ``MIN_TITLE`` wide, the Feed column is dropped first (the
    reader names the feed), then the Companies column narrows (the reader names them all); on a wide
    screen the Feed and Companies columns widen once the title has ``ROOMY_TITLE`` cells.
    """
    widths = {key: width for key, _, width in COLUMNS}

    def room() -> int:
        others = [width for key, width in widths.items() if key != "title" and width]
        return total - 1 - sum(others) - GAP * len(others)

    if room() < MIN_TITLE:
        widths["feed"] = 0
    if room() < MIN_TITLE:
        widths["companies"] = max(MIN_COMPANIES, widths["companies"] - (MIN_TITLE - room()))
    for key, roomy in ROOMY.items():  # a wide screen: whole feed and company names
        if widths[key] and room() > ROOMY_TITLE:
            widths[key] += min(roomy - widths[key], room() - ROOMY_TITLE)
    widths["title"] = max(10, room())
    return [widths[key] for key, _, _ in COLUMNS]


def line_segments(
    cells: Sequence[tuple[str, Style, bool]], widths: Sequence[int], total: int, style: Style | None = None
) -> list[Segment]:
    """One line: a leading space, each (text, style, right-aligned) cell fitted to its width, the gaps,
    and padding to ``total``; ``style`` (the header's) applies to the spaces too."""
    segments = [Segment(" ", style)]
    shown = [(cell, width) for cell, width in zip(cells, widths) if width]  # a column that gave way: no gap
    for number, ((text, cell_style, right), width) in enumerate(shown):
        if number:
            segments.append(Segment(" " * GAP, style))
        segments.append(Segment(fit(text, width, right=right), cell_style))
    used = 1 + sum(width for _, width in shown) + GAP * (len(shown) - 1)
    segments.append(Segment(" " * max(0, total - used), style))
    return segments


def companies_cell(companies: Sequence[str], width: int) -> str:
    """``Wayne Enterpr… +1``: the first company (the one the Jobs cell speaks for), cut to leave room for
    how many others the story names."""
    if not companies:
        return ""
    lead = clean(companies[0], single_line=True)
    more = f" +{len(companies) - 1}" if len(companies) > 1 else ""
    room = width - cell_len(more)
    if cell_len(lead) > room:
        lead = fit(lead, max(0, room))
    return lead + more


def date_cell(row: ArticleRow) -> str:
    """`` 2024-03-28``, or ``~2024-03-28`` when the feed gave no date and this is when we fetched it
    (the digits stay in line either way)."""
    return (" " if row.published_known else "~") + row.published[:10]


def row_cells(
    row: ArticleRow, widths: Sequence[int], *, dim: Style, strong: Style, star: Style
) -> list[tuple[str, Style, bool]]:
    """The cells of a story's line for columns ``widths`` wide; ``strong`` is applied to unread stories'
    titles and marks."""
    emphasis = strong if not row.is_read else Style()
    return [
        (mark(row), star if row.starred else emphasis, False),
        (date_cell(row), dim, False),
        (companies_cell(row.companies, widths[2]), Style(), False),
        (story_figure_text(row.figure), Style(), True),
        (clean(row.title, single_line=True), emphasis, False),
        (clean(row.feed, single_line=True), dim, False),
    ]


def message_strips(lines: Sequence[str], width: int, strong: Style, dim: Style, base: Style) -> list[Strip]:
    """A message in place of rows (why the table is empty): the first line ``strong``, the others ``dim``,
    each wrapped to ``width`` and followed by a blank line."""
    strips = []
    for number, line in enumerate(lines):
        style = strong if number == 0 else dim
        for part in textwrap.wrap(line, max(10, width - 4), break_on_hyphens=False) or [""]:
            segments = Segment.apply_style([Segment("  " + part, style)], base)
            strips.append(Strip(list(segments)).extend_cell_length(width, base))
        strips.append(Strip.blank(width, base))
    return strips
