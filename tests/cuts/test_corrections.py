"""Merging cuts and splitting a story off by hand, in a real SQLite file; ``retag`` keeps both."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cuts.conftest import Story, grouping, new_db, store
from tui.extract import extract
from tui.store.corrections import retag_all
from tui.store.cut_corrections import CutError, merge_cuts, split_story

META = [
    Story(1, "m1", "Meta to cut 10,000 jobs", (3, 14)),
    Story(2, "m2", "Meta lays off 10,000 more workers", (3, 15)),
    Story(1, "m3", "Meta cuts 3,600 jobs in performance review", (3, 16)),
    Story(2, "m4", "Meta trims about 10,000 positions", (3, 17), "https://one.example/same"),
    Story(1, "m5", "Meta trims about 10,000 positions", (3, 17), "https://one.example/same/"),
]


@pytest.fixture
def db(tmp_path: Path):
    database = new_db(tmp_path / "c.db")
    store(database, META)
    yield database
    database.close()


def cut_of(db, guid: str) -> int:
    return db.execute(
        "SELECT e.cut_id FROM events AS e JOIN articles AS a ON a.id = e.article_id WHERE a.guid = ?", [guid]
    ).fetchone()[0]


def article(db, guid: str) -> int:
    return db.execute("SELECT id FROM articles WHERE guid = ?", [guid]).fetchone()[0]


BEFORE = [("Meta", ["m1", "m2", "m4", "m5"]), ("Meta", ["m3"])]


def test_the_rule_keeps_the_two_figures_apart(db) -> None:
    assert grouping(db) == BEFORE


def test_merge_survives_retag(db) -> None:
    target = cut_of(db, "m1")
    assert merge_cuts(db, target, [cut_of(db, "m3")]) == 4
    merged = [("Meta", ["m1", "m2", "m3", "m4", "m5"])]
    assert grouping(db) == merged
    assert db.execute("SELECT headcount, sources FROM cuts").fetchall() == [(10000, 4)]
    retag_all(db, extract, "test")
    assert grouping(db) == merged
    assert cut_of(db, "m1") == target


def test_split_survives_retag_and_takes_the_same_link_along(db) -> None:
    cut = cut_of(db, "m1")
    new = split_story(db, cut, article(db, "m4"))
    assert new != cut and cut_of(db, "m5") == new
    expected = [("Meta", ["m1", "m2"]), ("Meta", ["m3"]), ("Meta", ["m4", "m5"])]
    assert grouping(db) == expected
    retag_all(db, extract, "test")
    assert grouping(db) == expected
    # A later story of the cut still joins the cut, not the story split off.
    store(db, [Story(2, "m6", "Meta's 10,000 job cuts hit engineers", (3, 18))])
    assert ("Meta", ["m1", "m2", "m6"]) in grouping(db)


def test_a_split_story_can_be_merged_back(db) -> None:
    cut = cut_of(db, "m1")
    new = split_story(db, cut, article(db, "m2"))
    merge_cuts(db, cut, [new])
    retag_all(db, extract, "test")
    assert grouping(db) == BEFORE


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (
            lambda db: merge_cuts(db, 999, [cut_of(db, "m1")]),
            "no cut with id 999; `layoffs-tui cuts list` shows the ids",
        ),
        (lambda db: merge_cuts(db, cut_of(db, "m1"), [cut_of(db, "m1")]), "give at least one other cut"),
        (lambda db: split_story(db, cut_of(db, "m1"), article(db, "m3")), "is not in cut"),
        (lambda db: split_story(db, cut_of(db, "m3"), article(db, "m3")), "has no other story"),
        (lambda db: split_story(db, 999, 1), "no cut with id 999"),
    ],
)
def test_mistakes_are_refused_and_change_nothing(db, action, message) -> None:
    with pytest.raises(CutError, match=message.replace("(", r"\(").replace("`", ".")):
        action(db)
    assert grouping(db) == BEFORE
