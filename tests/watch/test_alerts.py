"""``take_alerts`` over a real SQLite file: once per cut, again on a new figure, the mark, the upgrade."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.cuts.conftest import Story, new_db, store
from tui.cuts import CutFigure
from tui.store import open_db, write_transaction
from tui.store.cuts import update_cuts
from tui.store.schema import MIGRATIONS
from tui.watch.alerts import take_alerts
from tui.watch.wording import figure_words, vague_words

NOW = datetime(2024, 6, 1, 12, tzinfo=UTC)


def messages(db, companies: list[str]) -> list[str]:
    return [alert.message for alert in take_alerts(db, companies, now=lambda: NOW)]


def test_a_new_cut_once_then_again_only_on_a_new_figure(tmp_path: Path) -> None:
    db = new_db(tmp_path / "x.db")
    store(db, [Story(1, "a", "Intel to cut hundreds of jobs", (3, 1))])
    assert messages(db, ["Intel"]) == ["Intel: hundreds of jobs, 1 source"]
    assert messages(db, ["Intel"]) == []
    store(db, [Story(2, "b", "Intel to cut 900 jobs", (3, 2))])
    assert messages(db, ["Intel"]) == ["Intel: 900 jobs, 2 sources (was hundreds of jobs)"]
    store(db, [Story(2, "c", "Intel confirms 900 job cuts", (3, 3))])
    assert messages(db, ["Intel"]) == []  # a new source, the same figure
    assert db.execute("SELECT company, headcount, headcount_kind, given, at FROM alerts").fetchall() == [
        ("Intel", 900, "exact", 1, "2024-06-01T12:00:00Z")
    ]


def test_only_watched_companies_their_aliases_and_units(tmp_path: Path) -> None:
    db = new_db(tmp_path / "x.db")
    store(
        db,
        [
            Story(1, "a", "Alphabet to cut 12,000 jobs", (1, 20)),
            Story(1, "b", "Twitch to cut 500 jobs", (1, 22)),
            Story(1, "c", "Acme Bank to cut 300 jobs", (1, 23)),
            Story(1, "d", "Amazon to cut 9,000 jobs", (1, 25)),
        ],
    )
    assert messages(db, ["alphabet", "Amazon"]) == [
        "Google: 12,000 jobs, 1 source",
        "Twitch (Amazon): 500 jobs, 1 source",
        "Amazon: 9,000 jobs, 1 source",
    ]


def test_a_unit_stored_without_its_parent_is_still_watched_through_it(tmp_path: Path) -> None:
    db = new_db(tmp_path / "x.db")
    store(db, [Story(1, "a", "Twitch to cut 500 jobs", (3, 1))])
    with write_transaction(db):  # as a hand tag or an older extractor may have stored it
        db.execute("UPDATE events SET parent = NULL")
    update_cuts(db)
    assert db.execute("SELECT company, parent FROM cuts").fetchall() == [("Twitch", None)]
    assert messages(db, ["Amazon"]) == ["Twitch: 500 jobs, 1 source"]


def test_a_cut_older_than_the_watch_is_recorded_silently(tmp_path: Path) -> None:
    db = new_db(tmp_path / "x.db")
    store(db, [Story(1, "a", "Intel to cut 10% of its staff", (3, 1))])
    assert messages(db, []) == []  # a poll with nothing watched moves the mark
    assert db.execute("SELECT last_cut_id FROM alert_mark").fetchone() == (1,)
    assert messages(db, ["Intel"]) == []
    assert db.execute("SELECT given FROM alerts").fetchall() == [(0,)]
    store(db, [Story(1, "b", "Intel to cut 12,000 jobs, about 10% of its staff", (3, 4))])
    assert messages(db, ["Intel"]) == ["Intel: 12,000 jobs (10% of staff), 2 sources (was 10% of staff)"]


def test_an_upgraded_database_alerts_on_nothing_already_stored(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_db(path, migrate_schema=False)
    for number in range(3):
        MIGRATIONS[number](db)
    db.execute("PRAGMA user_version = 3")
    db.execute(
        "INSERT INTO cuts (id, company, announced, last_reported, month) VALUES "
        "(7, 'Intel', '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z', '2024-03')"
    )
    db.close()
    db = open_db(path)
    assert db.execute("SELECT last_cut_id FROM alert_mark").fetchone() == (7,)
    assert messages(db, ["Intel"]) == []


def test_two_processes_never_give_one_alert_twice(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    db = new_db(path)
    store(db, [Story(1, f"g{n}", f"Intel to cut {n},000 jobs", (1 + n * 2, 1)) for n in range(1, 6)])
    db.close()
    given: list[str] = []
    barrier = threading.Barrier(4)

    def check() -> None:
        mine = open_db(path)
        barrier.wait()
        given.extend(messages(mine, ["Intel"]))
        mine.close()

    threads = [threading.Thread(target=check) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(given) == sorted(f"Intel: {n},000 jobs, 1 source" for n in range(1, 6))


@pytest.mark.parametrize(
    ("figure", "vague", "words"),
    [
        (CutFigure(15000, "exact"), None, "15,000 jobs"),
        (CutFigure(15000, "approx", 15), None, "about 15,000 jobs (15% of staff)"),
        (CutFigure(None, "percent_only", 10), None, "10% of staff"),
        (CutFigure(None, "vague"), "hundreds", "hundreds of jobs"),
        (CutFigure(None, "vague"), "several thousand", "several thousand jobs"),
        (CutFigure(None, "vague", 5), "dozens", "dozens of jobs (5% of staff)"),
        (CutFigure(None, "vague"), None, "an unstated number of jobs"),
        (CutFigure(None, "none"), None, "job cuts, no figure given"),
    ],
)
def test_figure_words(figure: CutFigure, vague: str | None, words: str) -> None:
    assert figure_words(figure, vague) == words


def test_vague_words_come_from_the_extractors_number_reader() -> None:
    assert vague_words(["No figure here.", "Intel to shed Several Hundred roles"]) == "several hundred"
    assert vague_words(["Intel to cut 900 jobs"]) is None
