"""Counts remembered until the database changes: never an answer from before a change, whoever wrote."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from tests.cuts.conftest import Story, new_db, store
from tui.store import open_db, write_transaction
from tui.store.cut_view import cut_facets
from tui.store.facets import pane_counts
from tui.store.filters import Filter
from tui.store.memo import remembered


def counting_statements(db: sqlite_utils.Database, call) -> list[str]:
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        db.conn.set_trace_callback(None)
    return [sql for sql in statements if sql.startswith("SELECT") and "MATCH" in sql]  # not FTS5's own


def make(tmp_path: Path) -> sqlite_utils.Database:
    db = new_db(tmp_path / "m.db")
    store(
        db,
        [
            Story(1, "a", "Acme to cut 1,200 jobs as revenue falls", (1, 5)),
            Story(2, "b", "Globex lays off 300 as revenues slide", (2, 9)),
        ],
    )
    return db


def test_a_longer_prefix_standing_for_the_same_words_is_not_counted_again(tmp_path: Path) -> None:
    db = make(tmp_path)
    first = pane_counts(db, Filter(search="reven"))
    cut_facets(db, Filter(search="reven"))
    assert first.total == 2
    again = counting_statements(
        db, lambda: (pane_counts(db, Filter(search="revenue")), cut_facets(db, Filter(search="revenue")))
    )
    assert again == []
    assert pane_counts(db, Filter(search="revenue")) == first
    assert counting_statements(db, lambda: pane_counts(db, Filter(search="acme")))  # another word counts


def test_a_write_by_another_connection_or_the_same_is_counted(tmp_path: Path) -> None:
    db = make(tmp_path)
    assert pane_counts(db, Filter(search="revenue")).total == 2
    other = open_db(tmp_path / "m.db")  # a poll from cron, say
    store(other, [Story(1, "c", "Initech cuts 40 jobs; revenue down", (3, 1))])
    assert pane_counts(db, Filter(search="revenue")).total == 3
    store(db, [Story(2, "d", "Hooli cuts 50 jobs on revenue", (3, 2))])
    assert pane_counts(db, Filter(search="revenue")).total == 4
    assert pane_counts(other, Filter(search="revenue")).total == 4
    with write_transaction(other):
        other.execute("UPDATE articles SET layoff = 0 WHERE title LIKE 'Hooli%'")
    assert pane_counts(db, Filter(search="revenue")).total == 3


def test_an_answer_computed_across_a_change_is_not_kept(tmp_path: Path) -> None:
    db = make(tmp_path)
    other = open_db(tmp_path / "m.db")

    def computed_while_another_writes() -> str:
        with write_transaction(other):
            other.execute("UPDATE articles SET is_read = 1")
        return "before"

    assert remembered(db, "k", computed_while_another_writes) == "before"
    assert remembered(db, "k", lambda: "after") == "after"
    assert remembered(db, "k", lambda: "never asked") == "after"


def test_a_database_in_memory_remembers_nothing() -> None:
    db = sqlite_utils.Database(memory=True, execute_plugins=False)
    assert remembered(db, "k", lambda: 1) == 1
    assert remembered(db, "k", lambda: 2) == 2


def test_what_is_handed_out_can_be_changed_without_changing_what_is_remembered(tmp_path: Path) -> None:
    db = make(tmp_path)
    counts = pane_counts(db, Filter(search="revenue"))
    counts.companies.clear()
    counts.months.clear()
    cut_facets(db, Filter(search="revenue")).clear()
    assert pane_counts(db, Filter(search="revenue")).companies
    assert cut_facets(db, Filter(search="revenue"))
