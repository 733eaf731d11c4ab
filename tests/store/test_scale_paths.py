"""The faster query shapes of issue 11's million-article goals answer exactly as the plain ones, and the
indexes they were measured with are the ones SQLite uses (a dropped or unused index fails here, not in
a benchmark nobody runs)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from tests.cuts.conftest import Story, new_db, store
from tui.store.cut_view import cut_facets, cut_page, with_cut_headcounts
from tui.store.facets import pane_counts
from tui.store.filters import Filter, fts_query, where
from tui.store.queries import article_page
from tui.store.schema_scale import FTS_DAY
from tui.store.search_terms import prefix_terms, search_query

TITLES = [
    "Acme to cut 1,200 jobs as revenue falls",
    "Acme revenues slide; review of units agreed",
    "Globex lays off 300 after restructuring",
    "Globex restructures its cloud unit, cutting 80 jobs",
    "Initech cuts 45 roles in Dublin",
    "Initech reviews its Dublin office",
    "Acme agreed to trim 5% of staff",
    "Markets rise on weaker orders",
]


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    db = new_db(tmp_path / "s.db")
    store(
        db,
        [
            Story(1 + n % 2, f"g{n}", title, (1 + n % 3, 1 + n * 3), f"https://n{n}.example/{n}")
            for n, title in enumerate(TITLES)
        ],
    )
    return db


def ids_of(db: sqlite_utils.Database, query: str | None) -> set[int]:
    return {
        row[0]
        for row in db.execute(
            f"SELECT rowid % {FTS_DAY} FROM articles_fts WHERE articles_fts MATCH ?", [query]
        )
    }


@pytest.mark.parametrize(
    "typed",
    [
        "rev",
        "reve",
        "revenue",
        "revi",
        "restru",
        "restructuring",
        "agr",
        "agreed",
        "dub",
        "zzz",
        "weaker ord",
        "acme rev",
        "cl",
        "c",
        "Dublín",
        "cutting",
    ],
)
def test_a_prefix_spelled_out_matches_what_the_prefix_matches(db: sqlite_utils.Database, typed: str) -> None:
    assert ids_of(db, search_query(db, typed)) == ids_of(db, fts_query(typed))


def test_a_longer_prefix_is_asked_as_the_words_it_stands_for(db: sqlite_utils.Database) -> None:
    """Stemmed as the index stems ("revenue" is kept as "revenu"); one and two letters keep their own
    prefix index; a word nothing starts with stays a prefix (an empty answer either way)."""
    assert prefix_terms(db, "revenue") == ["revenu"]
    assert search_query(db, "rev") == '("revenu" OR "review")'
    assert search_query(db, "acme rest") == '"acme" AND ("restructur")'
    assert search_query(db, "re") == '"re"*'
    assert search_query(db, "zzz") == '"zzz"*'
    assert search_query(db, "!!") is None


@pytest.mark.parametrize(
    ("typed", "whole"),
    [("restructuri", "restructuring"), ("restructurin", "restructuring"), ("cutt", "cutting"),
     ("cutti", "cutting"), ("Restructuri", "restructuring"), ("acme agreei", "acme agreeing")],
)
def test_a_word_typed_past_its_stem_finds_what_the_whole_word_finds(
    db: sqlite_utils.Database, typed: str, whole: str
) -> None:
    """The index keeps "restructuring" as "restructur": as a prefix, "restructuri" matches nothing and
    the table would blink empty while the user types on; completed, it finds the word's stories."""
    assert ids_of(db, fts_query(typed)) == set()  # what the plain prefix finds
    found = ids_of(db, search_query(db, typed))
    assert found and found == ids_of(db, fts_query(whole))


def test_a_word_no_ending_completes_stays_as_typed(db: sqlite_utils.Database) -> None:
    assert search_query(db, "zzzq") == '"zzzq"*'
    assert search_query(db, "cloudx") == '"cloudx"*'  # "cloud" is stored, but "cloudx" never becomes it
    assert search_query(db, "hiri") == '"hiri"*'  # "hiring" would be "hire", which no story holds


def test_a_stored_word_the_stemmer_changes_again_keeps_the_prefix(db: sqlite_utils.Database) -> None:
    """Porter keeps "agreed" as "agre", but a quoted "agre" is stemmed to "agr": spelled out, the query
    would miss the story, so the prefix is asked as typed."""
    assert prefix_terms(db, "agr") is None
    assert search_query(db, "agr") == '"agr"*'


def test_searches_page_and_count_as_the_plain_where(db: sqlite_utils.Database) -> None:
    for typed in ["rev", "revenue", "restru", "dub", "agr", "weaker ord", "cut"]:
        for flt in (Filter(search=typed), Filter(search=typed, layoffs_only=False)):
            clause, params = where(flt)
            expected = [
                row[0]
                for row in db.execute(
                    f"SELECT a.id FROM articles a WHERE {clause} ORDER BY a.published DESC, a.id DESC", params
                )
            ]
            page = article_page(db, flt)
            assert [row.id for row in page.rows] == expected, flt
            assert page.total == len(expected) == pane_counts(db, flt).total, flt


def plain_cut_ids(db: sqlite_utils.Database, flt: Filter) -> set[int]:
    """The cuts with a story the filter's story part selects, read from the events one by one."""
    clause, params = where(flt.but(companies=(), months=()))
    stories = {row[0] for row in db.execute(f"SELECT a.id FROM articles a WHERE {clause}", params)}
    return {
        cut
        for article, cut in db.execute("SELECT article_id, cut_id FROM events")
        if article in stories and cut is not None
    }


@pytest.mark.parametrize("typed", ["rev", "cut", "dublin", "restru", "zzz"])
def test_cuts_under_a_search_are_the_cuts_of_its_stories(db: sqlite_utils.Database, typed: str) -> None:
    flt = Filter(search=typed)
    wanted = plain_cut_ids(db, flt)
    assert {row.cut_id for row in cut_page(db, flt).rows} == wanted
    expected: dict[str, int] = {}
    for (company,) in db.execute(f"SELECT company FROM cuts WHERE id IN ({','.join(map(str, wanted)) or 0})"):
        expected[company] = expected.get(company, 0) + 1
    assert {facet.name: facet.cuts for facet in cut_facets(db, flt)} == expected
    with_cut_headcounts(db, flt, pane_counts(db, flt))  # the stories view's jobs under a search


def plan(db: sqlite_utils.Database, sql: str, params: list[object]) -> str:
    return " | ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def traced(db: sqlite_utils.Database, call) -> list[str]:
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        db.conn.set_trace_callback(None)
    return statements


def test_a_company_month_page_comes_from_its_index_in_order(db: sqlite_utils.Database) -> None:
    """12 ms -> 0.2 ms a page at a million articles: no walk through the company's other months."""
    flt = Filter(companies=("Acme",), months=("2024-01",))
    (sql, *_) = traced(db, lambda: article_page(db, flt, with_total=False))
    shown = plan(db, sql, [])
    assert "idx_story_companies_month (name=? AND month=? AND layoff=?)" in shown
    assert "ORDER BY" not in shown
    clause, params = where(flt)
    expected = [
        row[0]
        for row in db.execute(
            f"SELECT a.id FROM articles a WHERE {clause} ORDER BY a.published DESC, a.id DESC", params
        )
    ]
    assert [row.id for row in article_page(db, flt).rows] == expected and expected


def test_the_cut_facets_and_a_searchs_cuts_read_covering_indexes(db: sqlite_utils.Database) -> None:
    for flt, index in [(Filter(), "idx_cuts_facets"), (Filter(search="cut"), "idx_events_article_cut")]:
        (sql,) = [
            sql for sql in traced(db, lambda flt=flt: cut_facets(db, flt)) if "GROUP BY c.company" in sql
        ]
        assert f"COVERING INDEX {index}" in plan(db, sql, []), flt


def test_opening_the_database_loads_no_sqlite_utils_plugins(tmp_path: Path) -> None:
    """Looking for plugins reads every installed package's metadata, on the app's start."""
    script = (
        "import sys; from tui.store import open_db; import sqlite_utils.plugins as p; "
        f"open_db({str(tmp_path / 'p.db')!r}); sys.exit(1 if p._plugins_loaded else 0)"
    )
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == 0


def test_a_read_only_connection_searches_with_the_prefix_as_typed(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    """No temp table can be made to stem in (a connection asked to write nothing): the search still
    answers, with the prefix as typed."""
    conn = sqlite3.connect(f"file:{tmp_path / 's.db'}?mode=ro", uri=True)
    conn.execute("PRAGMA query_only = 1")
    reader = sqlite_utils.Database(conn, execute_plugins=False)
    assert search_query(reader, "rev") == '"rev"*'
    assert ids_of(reader, search_query(reader, "rev")) == ids_of(db, fts_query("rev"))
