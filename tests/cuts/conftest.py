"""Building real SQLite files for the cuts tests: stories stored the way a poll stores them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from tui.models import EntryRecord
from tui.store import open_db, write_transaction
from tui.store.articles import store_entries
from tui.store.cuts import update_cuts

FETCHED = datetime(2024, 6, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Story:
    """A feed entry in a test: its feed (1 or 2), guid, title, day (2024) and link."""

    feed: int
    guid: str
    title: str
    day: tuple[int, int]
    link: str | None = None

    def entry(self) -> EntryRecord:
        return EntryRecord(
            guid=self.guid,
            title=self.title,
            link=self.link or f"https://news{self.feed}.example/{self.guid}",
            author=None,
            text=self.title,
            summary_html="",
            published=datetime(2024, *self.day, 12, tzinfo=UTC),
        )


def store(db: sqlite_utils.Database, stories: list[Story], tagger=None) -> None:
    """Store and tag ``stories`` with the real extractor (unless given another), one transaction per
    feed, grouping as a poll does."""
    from tui.extract import extract

    for feed in sorted({story.feed for story in stories}):
        with write_transaction(db):
            store_entries(
                db, feed, [s.entry() for s in stories if s.feed == feed], FETCHED, tagger or extract
            )
            update_cuts(db)


def new_db(path: Path) -> sqlite_utils.Database:
    """A database with two feeds."""
    db = open_db(path)
    db.execute(
        "INSERT INTO feeds (id, url, name) VALUES (1, 'https://news1.example/rss', 'One'), "
        "(2, 'https://news2.example/rss', 'Two')"
    )
    return db


def grouping(db: sqlite_utils.Database) -> list[tuple[str, list[str]]]:
    """Each cut as (company, sorted guids of its events' articles), sorted: compares runs whatever the ids."""
    cuts: dict[int, tuple[str, list[str]]] = {}
    for cut_id, company, guid in db.execute(
        "SELECT c.id, c.company, a.guid FROM cuts AS c JOIN events AS e ON e.cut_id = c.id "
        "JOIN articles AS a ON a.id = e.article_id ORDER BY a.guid"
    ):
        cuts.setdefault(cut_id, (company, []))[1].append(guid)
    return sorted(cuts.values())


GOOGLE_AND_TWITCH = [
    Story(
        1, "g1", "Google to cut 12,000 jobs", (1, 20), "https://www.wire.example/google-cuts?utm_source=one"
    ),
    Story(1, "g2", "Google lays off about 12,000 workers", (1, 21)),
    Story(1, "t1", "Twitch lays off 500 employees", (1, 22)),
    Story(2, "g1b", "Google to cut 12,000 jobs", (1, 20), "https://wire.example/google-cuts/"),
    Story(2, "r1", "Layoffs this week: Google cuts 12,000 jobs, Amazon cuts 9,000", (1, 25)),
    Story(2, "g3", "Google cuts 1,000 more jobs", (4, 10)),
]
