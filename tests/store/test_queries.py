"""The app's read queries on the demo database: what the table cells and pane counts say."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.demo import build_demo_db
from tui.store import open_db
from tui.store.facets import company_facets, month_facets
from tui.store.filters import Filter
from tui.store.queries import StoryFigure, article_page, story_figure


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("q") / "demo.db"
    build_demo_db(path, datetime(2024, 9, 1, tzinfo=UTC))
    return open_db(path)


@pytest.mark.parametrize(("events", "figure"), [
    ([(1200, "exact", None, "")], StoryFigure(1200)),
    ([(1000, "approx", None, ""), (200, "exact", None, "")], StoryFigure(1200, approx=True)),
    ([(None, "percent_only", 10.0, "")], StoryFigure(percent=10.0)),
    ([(None, "percent_only", 8.5, ""), (None, "percent_only", 5.0, "")], StoryFigure(percent=8.5)),
    ([(None, "vague", None, "Acme let go several hundred workers")], StoryFigure(vague="hundreds")),
    ([(None, "vague", None, "Dozens of staff were let go")], StoryFigure(vague="dozens")),
    ([(None, "vague", None, "Thousands of jobs will go")], StoryFigure(vague="thousands")),
    ([(None, "vague", None, "Acme cut jobs")], StoryFigure(vague="")),
    ([(None, "none", None, "")], StoryFigure()),
    ([], StoryFigure()),
])
def test_headcount_figure(events, figure: StoryFigure) -> None:
    """The store hands over the numbers and kinds; the UI words them (tests/ui/test_table_lines.py)."""
    assert story_figure(events) == figure


def _row(db, flt: Filter, title_start: str):
    return next(r for r in article_page(db, flt).rows if r.title.startswith(title_start))


def test_filtered_by_company_a_roundup_shows_that_companys_name_and_figure(db) -> None:
    everyone = _row(db, Filter(), "Tech layoffs roundup")
    amazon = _row(db, Filter(companies=("Amazon",)), "Tech layoffs roundup")
    discord = _row(db, Filter(companies=("Discord",)), "Tech layoffs roundup")
    assert (discord.companies[0], discord.figure) == ("Discord", StoryFigure(170, approx=True))
    assert (amazon.companies[0], amazon.figure) == ("Amazon", StoryFigure(vague="hundreds"))
    assert (everyone.companies[0], everyone.figure) == ("Discord", StoryFigure(170, approx=True))  # the first with a number
    assert set(amazon.companies) == set(everyone.companies)  # the row still names every company in the story


def test_pane_counts_follow_the_other_filters(db) -> None:
    months = {m.month: m.stories for m in month_facets(db, Filter(companies=("Amazon",)))}
    assert months == {"2024-01": 2, "2023-03": 1}
    companies = {c.name: c for c in company_facets(db, Filter(months=("2024-01",)))}
    assert companies["Amazon"].stories == 2  # the round-up and Twitch, a unit of Amazon
    assert "Meta" not in companies
