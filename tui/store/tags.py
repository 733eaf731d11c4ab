"""Events (tags) derived from an article, and the manual corrections that outlive ``retag``.

Automatic events are replaced wholesale on each tagging; manual events, manual removals
(``event_removals``) and a manual layoff verdict (``articles.layoff_manual``) are never touched by it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Protocol

import sqlite_utils


class EventLike(Protocol):
    """The fields of an extracted event the store reads, so storage need not import the extractor."""
    company: str
    parent: str | None
    headcount: int | None
    headcount_kind: str
    percent: float | None
    evidence: str


class ExtractionLike(Protocol):
    """The shape of an extraction result the store reads; ``tui.extract`` stays optional."""
    layoff: bool
    events: tuple[Any, ...]


Tagger = Callable[[str, str, str | None], ExtractionLike]
"""(title, summary, published) -> extraction; ``tui.extract.extract`` in production."""


def default_tagger() -> Tagger:
    """The real extractor, imported late so the store can be used without it."""
    from tui.extract import extract

    return extract


@functools.cache
def extractor_version() -> str | None:
    """The installed extractor's version, stamped on each tagged article so ``retag`` can tell."""
    try:
        from tui.extract import EXTRACTOR_VERSION
    except ImportError:
        return None
    return EXTRACTOR_VERSION


def _storable_count(value: int | None) -> int | None:
    """SQLite holds 64-bit integers; a figure beyond that (only a broken tagger makes one) is dropped."""
    return value if isinstance(value, int) and 0 <= value < 2**63 else None


def _storable_percent(value: float | None) -> float | None:
    return value if isinstance(value, (int, float)) and 0 < value <= 100 else None


def apply_tags(db: sqlite_utils.Database, article_id: int, extraction: ExtractionLike, month: str,
               version: str | None = None) -> bool:
    """Replace the article's automatic events; returns the effective layoff verdict.

    Events and the article are written only when they change: a retag mostly finds what is stored,
    and every event written also updates the counts the app's panes read (triggers).
    """
    manual_verdict = db.execute("SELECT layoff_manual FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    rows = []
    if manual_verdict != 0:
        skip = {row[0].casefold() for row in db.execute(
            "SELECT company FROM event_removals WHERE article_id = ? UNION "
            "SELECT company FROM events WHERE article_id = ? AND source = 'manual'", [article_id, article_id])}
        rows = [
            (event.company, event.parent, _storable_count(event.headcount), event.headcount_kind,
             _storable_percent(event.percent), event.evidence)
            for event in extraction.events if event.company.casefold() not in skip
        ]
    stored = db.execute(
        "SELECT company, parent, headcount, headcount_kind, percent, evidence FROM events "
        "WHERE article_id = ? AND source = 'auto' ORDER BY id", [article_id]).fetchall()
    if stored != rows:
        db.execute("DELETE FROM events WHERE article_id = ? AND source = 'auto'", [article_id])
        db.conn.executemany(
            "INSERT INTO events (article_id, company, parent, headcount, headcount_kind, percent, evidence, "
            "source, month) VALUES (?, ?, ?, ?, ?, ?, ?, 'auto', ?)",
            [(article_id, *row, month) for row in rows])
    layoff_auto = int(bool(extraction.layoff))
    version = version or extractor_version()
    db.execute(
        "UPDATE articles SET layoff_auto = ?, layoff = coalesce(layoff_manual, ?), extractor_version = ? "
        "WHERE id = ? AND (layoff_auto IS NOT ? OR layoff IS NOT coalesce(layoff_manual, ?) "
        "OR extractor_version IS NOT ?)",
        [layoff_auto, layoff_auto, version, article_id, layoff_auto, layoff_auto, version])
    return bool(manual_verdict if manual_verdict is not None else layoff_auto)


def eventless_verdict(extraction: ExtractionLike) -> int | None:
    """The layoff verdict (0 or 1) of an extraction without events, else None.

    A new article whose extraction has no events needs none of ``apply_tags``' reads and writes: it
    has no corrections and no stored events yet, so its verdict can go into the row as it is inserted
    (one statement instead of seven, for most of a feed). Anything odd (events present, or attributes
    that fail) returns None and takes ``apply_tags``, which handles it.
    """
    try:
        if tuple(extraction.events):
            return None
        return int(bool(extraction.layoff))
    except Exception:  # noqa: BLE001 - a broken tagger's result: apply_tags decides, in its savepoint
        return None
