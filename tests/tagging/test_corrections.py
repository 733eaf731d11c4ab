"""Manual corrections and retag: automatic tags are replaced, manual ones are never lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.models import EntryRecord
from tui.store import open_db, write_transaction
from tui.store.articles import store_entries
from tui.store.corrections import (
    CorrectionError,
    add_manual_event,
    edit_event,
    remove_company,
    retag_all,
    set_not_layoff,
)


@dataclass(frozen=True)
class FakeEvent:
    company: str
    parent: str | None = None
    headcount: int | None = None
    headcount_kind: str = "none"
    percent: float | None = None
    evidence: str = ""


@dataclass(frozen=True)
class FakeExtraction:
    layoff: bool
    events: tuple[FakeEvent, ...]


def tagger_finding(*companies: str):
    """A stand-in extractor: every story is a layoff at the given companies (the store is under test)."""
    def tag(title: str, summary: str, published: str | None) -> FakeExtraction:
        return FakeExtraction(True, tuple(FakeEvent(c, headcount=100, headcount_kind="exact") for c in companies))
    return tag


NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path):
    db = open_db(tmp_path / "t.db")
    with write_transaction(db):
        db.execute("INSERT INTO feeds (url, name) VALUES ('https://f.example/rss', 'F')")
        entry = EntryRecord(guid="g1", title="Acme cuts jobs", link="https://f.example/1", author=None,
                            text="Acme and Reuters.", summary_html="", published=datetime(2026, 10, 2, tzinfo=UTC))
        store_entries(db, 1, [entry], NOW, tagger_finding("Acme", "Reuters"))
    return db


def events(db) -> list[tuple[str, str, int | None]]:
    return sorted(db.execute("SELECT company, source, headcount FROM events WHERE article_id = 1").fetchall())


def test_store_tags_new_articles_with_their_month(db) -> None:
    assert events(db) == [("Acme", "auto", 100), ("Reuters", "auto", 100)]
    assert db.execute("SELECT layoff, layoff_auto, month FROM articles").fetchone() == (1, 1, "2026-10")
    assert {row[0] for row in db.execute("SELECT month FROM events")} == {"2026-10"}


def test_removed_company_stays_removed_after_retag(db) -> None:
    assert remove_company(db, 1, "reuters") == ["Reuters"]
    retag_all(db, tagger_finding("Acme", "Reuters"))
    assert events(db) == [("Acme", "auto", 100)]


def test_manual_event_survives_retag_and_wins_over_auto(db) -> None:
    add_manual_event(db, 1, "Acme", headcount=250)
    add_manual_event(db, 1, "Globex", percent=5)
    counts = retag_all(db, tagger_finding("Acme", "Reuters"), version="test-2")
    assert counts.articles == 1 and counts.layoffs == 1
    assert events(db) == [("Acme", "manual", 250), ("Globex", "manual", None), ("Reuters", "auto", 100)]
    kinds = dict(db.execute("SELECT company, headcount_kind FROM events").fetchall())
    assert kinds["Globex"] == "percent_only" and kinds["Acme"] == "exact"
    assert db.execute("SELECT extractor_version FROM articles").fetchone()[0] == "test-2"


def test_not_layoff_is_kept_by_retag_and_can_be_undone(db) -> None:
    set_not_layoff(db, 1)
    retag_all(db, tagger_finding("Acme"))
    assert db.execute("SELECT layoff FROM articles").fetchone()[0] == 0
    assert events(db) == []
    set_not_layoff(db, 1, False)
    retag_all(db, tagger_finding("Acme"))
    assert db.execute("SELECT layoff FROM articles").fetchone()[0] == 1
    assert events(db) == [("Acme", "auto", 100)]


def test_undoing_not_a_layoff_restores_what_the_extractor_found(db) -> None:
    """Without a retag in between: undo brings back the automatic events and the verdict at once."""
    set_not_layoff(db, 1)
    assert events(db) == []
    set_not_layoff(db, 1, False, tagger=tagger_finding("Acme", "Reuters"))
    assert db.execute("SELECT layoff, layoff_manual FROM articles").fetchone() == (1, None)
    assert events(db) == [("Acme", "auto", 100), ("Reuters", "auto", 100)]


def test_undoing_not_a_layoff_keeps_manual_removals(db) -> None:
    remove_company(db, 1, "Reuters")
    set_not_layoff(db, 1)
    set_not_layoff(db, 1, False, tagger=tagger_finding("Acme", "Reuters"))
    assert events(db) == [("Acme", "auto", 100)]


def test_edit_turns_an_auto_event_manual(db) -> None:
    event_id = db.execute("SELECT id FROM events WHERE company = 'Acme'").fetchone()[0]
    edit_event(db, event_id, company="Acme Robotics", headcount=90, headcount_kind="approx")
    retag_all(db, tagger_finding("Acme", "Reuters"))
    assert events(db) == [("Acme Robotics", "manual", 90), ("Reuters", "auto", 100)]


@pytest.mark.parametrize(("call", "message"), [
    (lambda db: add_manual_event(db, 99, "Acme"), "no article with id 99"),
    (lambda db: add_manual_event(db, 1, "  "), "company name"),
    (lambda db: add_manual_event(db, 1, "Acme", percent=150), "between 0 and 100"),
    (lambda db: add_manual_event(db, 1, "Acme", headcount=-3), "zero or more"),
    (lambda db: edit_event(db, 999, headcount=3), "no event with id 999"),
    (lambda db: set_not_layoff(db, 42), "no article with id 42"),
    (lambda db: remove_company(db, 1, "Globex"), "article 1 has no event for 'Globex'; its companies: Acme, Reuters"),
])
def test_bad_corrections_are_refused_and_change_nothing(db, call, message) -> None:
    before = events(db)
    with pytest.raises(CorrectionError, match=message):
        call(db)
    assert events(db) == before


def test_a_tagger_failure_costs_one_article_its_new_tags_not_the_retag(db) -> None:
    with write_transaction(db):
        entry = EntryRecord(guid="g2", title="Globex trims staff", link=None, author=None, text="", summary_html="",
                            published=datetime(2026, 10, 3, tzinfo=UTC))
        store_entries(db, 1, [entry], NOW, tagger_finding("Globex"))

    def fragile(title: str, summary: str, published: str | None) -> FakeExtraction:
        if title.startswith("Acme"):
            raise OverflowError("cannot convert float infinity to integer")
        return tagger_finding("Globex Corp")(title, summary, published)

    counts = retag_all(db, fragile)
    assert counts.articles == 2 and counts.failed == [1]
    assert events(db) == [("Acme", "auto", 100), ("Reuters", "auto", 100)]  # article 1 keeps its tags
    assert db.execute("SELECT company FROM events WHERE article_id = 2").fetchall() == [("Globex Corp",)]


def test_figures_sqlite_cannot_hold_are_stored_as_unknown(db) -> None:
    def huge(title: str, summary: str, published: str | None) -> FakeExtraction:
        return FakeExtraction(True, (FakeEvent("Acme", headcount=10**30, headcount_kind="exact", percent=250.0),))

    retag_all(db, huge)
    assert db.execute("SELECT headcount, percent FROM events WHERE company = 'Acme'").fetchone() == (None, None)
