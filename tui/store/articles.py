"""Writing articles: each (feed, guid) stored once, updated when its text changes, tagged on write."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from tui.models import EntryRecord
from tui.published import story_dates
from tui.store.tags import ExtractionLike, Tagger, apply_tags, eventless_verdict, extractor_version
from tui.timeutil import to_iso

log = logging.getLogger(__name__)

@dataclass
class WriteCounts:
    """What one feed's write did, for the poll summary and the app's notification."""

    new: int = 0
    updated: int = 0
    new_layoffs: int = 0


def fingerprint(title: str, text: str) -> str:
    """What decides that a stored article changed: its title and text."""
    return hashlib.sha1(f"{title}\x1f{text}".encode("utf-8", "replace")).hexdigest()


LOOKUP_CHUNK = 500
"""Identities per ``IN (...)`` lookup, well under SQLite's limit on bound parameters."""


def _stored(db: sqlite_utils.Database, feed_id: int, guids: Iterable[str]) -> dict[str, tuple[int, str, str]]:
    """guid -> (id, title, text) of the feed's stored articles among ``guids``, through the
    (feed_id, guid) index: a document of 50 entries reads 50 rows, not the feed's whole history."""
    wanted = list(dict.fromkeys(guids))
    found: dict[str, tuple[int, str, str]] = {}
    for start in range(0, len(wanted), LOOKUP_CHUNK):
        chunk = wanted[start:start + LOOKUP_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for article_id, guid, title, text in db.execute(
                f"SELECT id, guid, title, text FROM articles WHERE feed_id = ? AND guid IN ({marks})",
                [feed_id, *chunk]):
            found[guid] = (article_id, title, text)
    return found


def article_fingerprints(db: sqlite_utils.Database, feed_id: int, guids: Iterable[str]) -> dict[str, str]:
    """guid -> fingerprint of the stored articles among ``guids``, so a worker tags only what is new or
    changed."""
    return {guid: fingerprint(title, text) for guid, (_, title, text) in _stored(db, feed_id, guids).items()}


def needs_tagging(entry: EntryRecord, known: Mapping[str, str]) -> bool:
    """True when ``store_entries`` will insert or update ``entry`` (and so tag it)."""
    return known.get(entry.guid) != fingerprint(entry.title, entry.text)


def store_entries(db: sqlite_utils.Database, feed_id: int, entries: Iterable[EntryRecord],
                  fetched: datetime, tagger: Tagger | None,
                  extractions: Mapping[str, ExtractionLike] | None = None) -> WriteCounts:
    """Insert new entries and update changed ones. Call inside the feed's write transaction.

    Read state and starring survive an update; the tags are recomputed because the text changed.
    ``extractions`` (by guid) were computed ahead, in a worker process; an entry without one is
    tagged here with ``tagger``.
    """
    counts = WriteCounts()
    entries = list(entries)
    existing = _stored(db, feed_id, (entry.guid for entry in entries))
    seen: set[str] = set()
    for entry in entries:
        if entry.guid in seen:
            continue  # the same guid twice in one document: the first one wins
        seen.add(entry.guid)
        published, known, month = story_dates(entry, fetched)
        old = existing.get(entry.guid)
        if old is not None and (old[1], old[2]) == (entry.title, entry.text):
            continue
        extraction = extractions.get(entry.guid) if extractions else None
        if extraction is None and tagger is not None:
            extraction = tagger(entry.title, entry.summary_html or entry.text, published)
        if old is None:
            verdict = eventless_verdict(extraction) if extraction is not None else None
            cursor = db.execute(
                "INSERT INTO articles (feed_id, guid, title, link, author, text, summary_html, published, "
                "published_known, fetched_at, month, layoff, layoff_auto, extractor_version) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [feed_id, entry.guid, entry.title, entry.link, entry.author, entry.text, entry.summary_html,
                 published, known, to_iso(fetched), month, verdict or 0, verdict or 0,
                 extractor_version() if verdict is not None else None])
            counts.new += 1
            article_id = cursor.lastrowid
            if verdict is not None:  # tagged as it was inserted: no events, no corrections yet
                counts.new_layoffs += verdict
                continue
        else:
            article_id = old[0]
            db.execute(
                "UPDATE articles SET title = ?, link = ?, author = ?, text = ?, summary_html = ? WHERE id = ?",
                [entry.title, entry.link, entry.author, entry.text, entry.summary_html, article_id])
            counts.updated += 1
        if extraction is not None and _tag(db, article_id, extraction, month) and old is None:
            counts.new_layoffs += 1
    return counts


def _tag(db: sqlite_utils.Database, article_id: int, extraction: ExtractionLike, month: str) -> bool:
    """``apply_tags`` in a savepoint: an extraction the store cannot take leaves this one article
    untagged (``retag`` can try again) instead of failing its whole feed."""
    db.execute("SAVEPOINT tag_article")
    try:
        verdict = apply_tags(db, article_id, extraction, month)
    except (ValueError, TypeError, OverflowError, AttributeError, sqlite3.IntegrityError) as error:
        log.warning("could not store the tags of article %s (%s); it is stored untagged", article_id, error)
        db.execute("ROLLBACK TO SAVEPOINT tag_article")
        db.execute("RELEASE SAVEPOINT tag_article")
        return False
    db.execute("RELEASE SAVEPOINT tag_article")
    return verdict


