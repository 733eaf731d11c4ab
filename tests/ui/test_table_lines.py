"""The article table's line layout, as a table of cases."""

from __future__ import annotations

import pytest
from rich.style import Style

from tui.service import ArticleRow, StoryFigure
from tui.ui.figures import story_figure_text
from tui.ui.table_lines import COLUMNS, column_widths, companies_cell, fit, line_segments, row_cells


@pytest.mark.parametrize(
    ("text", "width", "right", "expected"),
    [
        ("Amazon", 8, False, "Amazon  "),
        ("1,200", 8, True, "   1,200"),
        ("Salesforce cuts", 8, False, "Salesfo…"),
        ("東京電力", 5, False, "東京…"),  # double-width characters are counted as two cells
        ("", 3, False, "   "),
        ("abc", 0, False, ""),
    ],
)
def test_fit(text: str, width: int, right: bool, expected: str) -> None:
    assert fit(text, width, right=right) == expected


def test_a_line_is_exactly_the_table_width_and_feed_text_stays_literal() -> None:
    row = ArticleRow(
        1,
        "2024-01-10T07:00:00Z",
        "[bold]Hostile[/] \x1b[31mred\x1b[0m",
        "Feed\x07",
        is_read=False,
        starred=True,
        layoff=True,
        companies=("Acme [Corp]",),
        figure=StoryFigure(42),
    )
    for total in (80, 87, 200):  # from 78 up; narrower, the widget crops the line
        widths = column_widths(total)
        cells = row_cells(row, widths, dim=Style(dim=True), strong=Style(bold=True), star=Style(color="yellow"))
        text = "".join(segment.text for segment in line_segments(cells, widths, total))
        assert len(text) == total
        assert "[bold]Hostile" in text and "\x1b" not in text and "\x07" not in text and "★" in text


@pytest.mark.parametrize(
    ("companies", "width", "expected"),
    [
        ((), 16, ""),
        (("Amazon",), 16, "Amazon"),
        (("Amazon", "Google"), 16, "Amazon +1"),
        (("Wayne Enterprises", "Acme"), 16, "Wayne Enterp… +1"),
        (("Sony Interactive Entertainment",), 16, "Sony Interactiv…"),
        (("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"), 8, "A +10"),
    ],
)
def test_the_companies_cell_names_the_first_and_counts_the_others(companies, width: int, expected: str) -> None:
    assert companies_cell(companies, width) == expected


@pytest.mark.parametrize(
    ("total", "companies", "title", "feed"),
    [
        (200, 24, 125, 20),  # a wide screen: whole feed and company names
        (150, 24, 75, 20),  # the title keeps 60 cells before the others widen
        (130, 19, 60, 20),
        (87, 16, 30, 10),  # 120 columns with the sidebar: the title is at its floor, the feed stays
        (86, 16, 41, 0),  # one less: the feed goes first
        (77, 16, 32, 0),  # 80 columns without the sidebar
        (70, 11, 30, 0),  # then the companies narrow
        (67, 8, 30, 0),  # to their floor
        (60, 8, 23, 0),  # past that the title shrinks too (the reader still has it whole)
    ],
)
def test_columns_give_way_so_the_title_keeps_thirty_cells(total: int, companies: int, title: int, feed: int) -> None:
    """Issue 10: at 80x24 the Title column was 3 cells wide and the Feed column off screen."""
    widths = dict(zip([key for key, _, _ in COLUMNS], column_widths(total)))
    assert (widths["companies"], widths["title"], widths["feed"]) == (companies, title, feed)
    row = ArticleRow(1, "2024-01-10T07:00:00Z", "T" * 200, "Feed", False, False, True, ("Acme",), StoryFigure(42))
    cells = row_cells(row, column_widths(total), dim=Style(), strong=Style(), star=Style())
    assert sum(len(segment.text) for segment in line_segments(cells, column_widths(total), total)) == max(total, 1)


@pytest.mark.parametrize(
    ("figure", "cell"),
    [
        (StoryFigure(1200), "1,200"),
        (StoryFigure(1200, approx=True), "~1,200"),
        (StoryFigure(percent=10.0), "10%"),
        (StoryFigure(percent=8.5), "8.5%"),
        (StoryFigure(vague="hundreds"), "hundreds"),
        (StoryFigure(vague=""), "some"),
        (StoryFigure(), ""),
    ],
)
def test_a_story_figure_as_the_jobs_cell_says_it(figure: StoryFigure, cell: str) -> None:
    assert story_figure_text(figure) == cell
