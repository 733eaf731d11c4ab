"""The derived tables (search index, story_companies, the counts) stay equal to what they derive from,
through every write the program makes: polls, updates, corrections, retag, and deletes by a user's tool.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils

from tui.models import EntryRecord
from tui.store import open_db, write_transaction
from tui.store.articles import store_entries
from tui.store.corrections import add_manual_event, edit_event, remove_company, retag_all, set_not_layoff
from tui.store.facets import pane_counts
from tui.store.filters import Filter, where
from tui.store.queries import article_page
from tui.store.schema_scale import FTS_DAY

NOW = datetime(2024, 3, 30, 12, tzinfo=UTC)


@dataclass(frozen=True)
class Event:
    company: str
    parent: str | None = None
    headcount: int | None = None
    headcount_kind: str = "none"
    percent: float | None = None
    evidence: str = ""


@dataclass(frozen=True)
class Extraction:
    layoff: bool
    events: tuple[Event, ...]


def tagger(title: str, summary: str, published: str | None) -> Extraction:
    """A stand-in extractor reading the title: 'Twitch and Meta cut 100' -> Twitch (Amazon) and Meta."""
    units = {"Twitch": "Amazon", "Instagram": "Meta"}
    found = [word for word in title.split() if word in ("Twitch", "Meta", "Amazon", "Instagram", "Acme")]
    figure = next((int(word) for word in title.split() if word.isdigit()), None)
    events = tuple(Event(name, units.get(name), figure, "exact" if figure else "none") for name in found)
    return Extraction(bool(events), events)


def entry(guid: str, title: str, day: int) -> EntryRecord:
    return EntryRecord(
        guid=guid,
        title=title,
        link=None,
        author=None,
        text=f"{title} text {guid}",
        summary_html="",
        published=datetime(2024, 1 + day // 28, 1 + day % 28, 9, tzinfo=UTC),
    )


def recomputed(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    """The derived tables as computed from scratch, and as stored."""
    story = """SELECT name, parent, article_id, published, month, layoff, headcount, events FROM (
                   SELECT coalesce(e.parent, e.company) AS name, '' AS parent, e.article_id,
                          sum(coalesce(e.headcount, 0)) AS headcount, count(*) AS events
                   FROM events e GROUP BY 1, 3
                   UNION ALL
                   SELECT e.company, e.parent, e.article_id, sum(coalesce(e.headcount, 0)), count(*)
                   FROM events e WHERE e.parent IS NOT NULL GROUP BY 1, 2, 3) s
               JOIN articles a ON a.id = s.article_id ORDER BY 1, 2, 3"""
    return {
        "story_companies": db.execute(story).fetchall(),
        "company_counts": db.execute(
            f"SELECT layoff, parent, name, month, count(*), sum(headcount) FROM ({story}) GROUP BY 1, 2, 3, 4 "
            "ORDER BY 1, 2, 3, 4"
        ).fetchall(),
        "month_counts": db.execute(
            "SELECT layoff, month, count(*) FROM articles GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall(),
    }


def stored(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    return {
        "story_companies": db.execute(
            "SELECT name, parent, article_id, published, month, layoff, headcount, events FROM story_companies "
            "ORDER BY 1, 2, 3"
        ).fetchall(),
        "company_counts": db.execute(
            "SELECT layoff, parent, name, month, stories, headcount FROM company_counts ORDER BY 1, 2, 3, 4"
        ).fetchall(),
        "month_counts": db.execute(
            "SELECT layoff, month, stories FROM month_counts ORDER BY 1, 2"
        ).fetchall(),
    }


def assert_in_step(db: sqlite_utils.Database) -> None:
    assert stored(db) == recomputed(db)
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    for article_id, title in db.execute("SELECT id, title FROM articles"):
        word = title.split()[0].lower()
        found = [
            row[0]
            for row in db.execute(
                f"SELECT rowid % {FTS_DAY} FROM articles_fts WHERE articles_fts MATCH ?", [f'"{word}"']
            )
        ]
        assert article_id in found, (article_id, title)


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    db = open_db(tmp_path / "t.db")
    with write_transaction(db):
        db.execute("INSERT INTO feeds (url, name) VALUES ('https://f.example/rss', 'F')")
        titles = [
            "Twitch and Meta cut 100",
            "Acme cuts 40",
            "Instagram trims 30",
            "Markets rise",
            "Twitch Twitch again 5",
            "Amazon and Twitch cut 300",
        ]
        store_entries(db, 1, [entry(f"g{n}", title, n * 9) for n, title in enumerate(titles)], NOW, tagger)
    return db


def test_polls_and_updates_keep_the_derived_tables_in_step(db: sqlite_utils.Database) -> None:
    assert_in_step(db)
    with write_transaction(db):  # a later poll: one story's text changed (retagged), one new story
        store_entries(
            db, 1, [entry("g1", "Acme cuts 45 after all", 9), entry("g9", "Meta cuts 7", 80)], NOW, tagger
        )
    assert_in_step(db)


def test_corrections_and_retag_keep_the_derived_tables_in_step(db: sqlite_utils.Database) -> None:
    add_manual_event(db, 4, "Acme", headcount=12)
    remove_company(db, 1, "Meta")
    event_id = db.execute("SELECT id FROM events WHERE company = 'Instagram'").fetchone()[0]
    edit_event(db, event_id, company="Meta", headcount=33, percent=None)
    set_not_layoff(db, 6, True)
    assert_in_step(db)
    retag_all(db, tagger)
    assert_in_step(db)
    set_not_layoff(db, 6, False)
    retag_all(db, tagger)
    assert_in_step(db)


def test_deleting_articles_keeps_the_derived_tables_in_step(db: sqlite_utils.Database) -> None:
    with write_transaction(db):  # as a user's tool would: the feed goes, its stories cascade
        db.execute("DELETE FROM articles WHERE id IN (1, 3)")
    assert_in_step(db)
    with write_transaction(db):
        db.execute("DELETE FROM feeds")
    assert_in_step(db)
    assert stored(db) == {"story_companies": [], "company_counts": [], "month_counts": []}


def test_pages_and_counts_agree_with_the_plain_queries(db: sqlite_utils.Database) -> None:
    """The fast paths (search key, story_companies, counts tables) answer as the plain WHERE does."""
    for flt in [
        Filter(),
        Filter(layoffs_only=False),
        Filter(companies=("Amazon",)),
        Filter(companies=("Twitch",)),
        Filter(months=("2024-01",)),
        Filter(companies=("Meta",), months=("2024-01",)),
        Filter(search="cut"),
        Filter(search="c", layoffs_only=False),
        Filter(search="twitch again"),
        Filter(search="tw", companies=("Amazon",)),
        Filter(unread_only=True, companies=("Meta",)),
    ]:
        page = article_page(db, flt)
        clause, params = where(flt)
        expected = [
            row[0]
            for row in db.execute(
                f"SELECT a.id FROM articles a WHERE {clause} ORDER BY a.published DESC, a.id DESC", params
            )
        ]
        assert [row.id for row in page.rows] == expected, flt
        assert page.total == len(expected), flt


def test_search_pages_follow_published_order_within_a_day(tmp_path: Path) -> None:
    """The index gives a day's matches in id order; the page puts them in published order, across
    page boundaries too (a later id can be published earlier the same day)."""
    db = open_db(tmp_path / "d.db")
    hours = [23, 1, 12, 5, 18, 9, 3]  # stored in this order, published at these hours of two days
    with write_transaction(db):
        db.execute("INSERT INTO feeds (url, name) VALUES ('https://f.example/rss', 'F')")
        store_entries(
            db,
            1,
            [
                EntryRecord(
                    guid=f"g{n}",
                    title=f"Acme cuts {n}",
                    link=None,
                    author=None,
                    text="",
                    summary_html="",
                    published=datetime(2024, 3, 1 + n % 2, hour, tzinfo=UTC),
                )
                for n, hour in enumerate(hours)
            ],
            NOW,
            tagger,
        )
    expected = [row[0] for row in db.execute("SELECT id FROM articles ORDER BY published DESC, id DESC")]
    for size in (1, 2, 3):
        got = []
        for offset in range(0, len(hours), size):
            got += [row.id for row in article_page(db, Filter(search="acm"), offset=offset, limit=size).rows]
        assert got == expected, size


@pytest.mark.parametrize(
    "typed",
    [
        "twitch_again",
        "don't",
        "a-b c",
        "ß",
        "x²",
        "🙂 acme",
        'NOT "',
        "AND OR",
        "*",
        "e\u0301",
        "twitch  ",
        "NEAR(a b)",
    ],
)
def test_any_typed_search_is_a_query_the_index_can_answer(db: sqlite_utils.Database, typed: str) -> None:
    """The index keeps no positions, so it cannot answer phrases: each quoted word must be one token."""
    article_page(db, Filter(search=typed, layoffs_only=False))
    assert article_page(db, Filter(search="twitch_ag", layoffs_only=False)).total == 1


def plain_ids(db: sqlite_utils.Database, flt: Filter) -> set[int]:
    """The articles ``flt`` selects, the company filter read from the events themselves."""
    clause, params = where(flt.but(companies=()))
    ids = {row[0] for row in db.execute(f"SELECT a.id FROM articles a WHERE {clause}", params)}
    if flt.companies:
        marks = ", ".join("?" for _ in flt.companies)
        ids &= {
            row[0]
            for row in db.execute(
                f"SELECT article_id FROM events WHERE company IN ({marks}) OR parent IN ({marks})",
                [*flt.companies, *flt.companies],
            )
        }
    return ids


@pytest.mark.parametrize(
    "flt",
    [
        Filter(),
        Filter(layoffs_only=False),
        Filter(months=("2024-01",)),
        Filter(companies=("Amazon",)),
        Filter(companies=("Twitch",), months=("2024-02",)),
        Filter(search="cut"),
        Filter(search="tw", months=("2024-01",)),
        Filter(search="c", companies=("Meta",)),
        Filter(unread_only=True),
        Filter(starred_only=True, layoffs_only=False),
    ],
    ids=lambda flt: flt.describe(),
)
def test_pane_counts_agree_with_the_events_themselves(db: sqlite_utils.Database, flt: Filter) -> None:
    add_manual_event(db, 4, "Acme", headcount=12)  # a manual event on a story without a verdict
    with write_transaction(db):
        db.execute("UPDATE articles SET is_read = id % 2, starred = id % 3 = 0")
    counts = pane_counts(db, flt)
    events = db.execute("SELECT article_id, company, parent, headcount FROM events").fetchall()
    tops: dict[str, tuple[set[int], int]] = {}
    units: dict[tuple[str, str], tuple[set[int], int]] = {}
    for article_id, company, parent, headcount in events:
        if article_id not in plain_ids(db, flt.but(companies=())):
            continue
        stories, total = tops.get(parent or company, (set(), 0))
        tops[parent or company] = (stories | {article_id}, total + (headcount or 0))
        if parent:
            stories, total = units.get((company, parent), (set(), 0))
            units[(company, parent)] = (stories | {article_id}, total + (headcount or 0))
    assert {(f.name, f.stories, f.headcount) for f in counts.companies} == {
        (name, len(stories), total) for name, (stories, total) in tops.items()
    }
    assert {(u.name, u.parent, u.stories, u.headcount) for f in counts.companies for u in f.units} == {
        (name, parent, len(stories), total) for (name, parent), (stories, total) in units.items()
    }
    months: dict[str, int] = {}
    for article_id in plain_ids(db, flt.but(months=())):
        month = db.execute("SELECT month FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        months[month] = months.get(month, 0) + 1
    assert {(f.month, f.stories) for f in counts.months} == set(months.items())
    assert counts.month_total == len(plain_ids(db, flt.but(months=())))
    assert counts.company_total == len(plain_ids(db, flt.but(companies=())))
    assert counts.total == len(plain_ids(db, flt))


@pytest.mark.parametrize(
    "flt",
    [
        Filter(),
        Filter(layoffs_only=False),
        Filter(months=("2024-01",)),
        Filter(companies=("Amazon",)),
        Filter(companies=("Twitch",), months=("2024-02",), layoffs_only=False),
    ],
    ids=lambda flt: flt.describe(),
)
def test_the_common_filters_are_counted_without_reading_articles(
    db: sqlite_utils.Database, flt: Filter
) -> None:
    """Layoff stories, a month, a company: the panes and the total come from the counts tables (a
    million articles are never read for them)."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    pane_counts(db, flt)
    db.conn.set_trace_callback(None)
    assert statements and not [sql for sql in statements if "articles" in sql], statements
