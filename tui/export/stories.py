"""Which stories an export holds: the app's ``Filter`` turned into plain records.

Selection goes through ``tui.store.filters.where()`` so an export holds exactly what the app shows
for the same filter; there is no second filter language here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from tui.store.filters import Filter, where

EVENT_FIELDS = ("company", "parent", "headcount", "headcount_kind", "percent", "evidence", "source")
"""An event as the extractor writes it, plus ``source`` (``auto`` or ``manual``) from the store."""


@dataclass(frozen=True)
class Story:
    """One article with its layoff events, as every export format writes it."""

    id: int
    published: str
    """UTC, ISO 8601 with ``Z`` (as stored)."""
    month: str
    title: str
    url: str | None
    feed: str
    layoff: bool
    events: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{id, published, month, title, url, feed, layoff, events}``."""
        return {"id": self.id, "published": self.published, "month": self.month, "title": self.title,
                "url": self.url, "feed": self.feed, "layoff": self.layoff,
                "events": [dict(event) for event in self.events]}


def _number(value: Any) -> Any:
    """``10.0`` -> ``10``: SQLite hands percents back as REAL, people write them as integers."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _event(row: tuple[Any, ...]) -> dict[str, Any]:
    """An event row (``EVENT_FIELDS`` in order) as a dict (runs for each of a million events: no
    ``strict`` check, the query names the fields from the same tuple)."""
    event = dict(zip(EVENT_FIELDS, row))
    event["percent"] = _number(event["percent"])
    return event


BATCH = 500
"""Stories whose events are read in one query while an export streams."""


def iter_stories(db: sqlite_utils.Database, flt: Filter) -> Iterator[Story]:
    """The stories ``flt`` selects, newest first (then by id, so the order is stable), one at a time.

    Rows stream from one cursor and each batch's events come in one more query, so an export of a
    million stories holds a batch in memory, never the whole selection. With ``flt.companies`` set,
    each story lists only the events of those companies (a parent includes its units), so that a
    spreadsheet's sum of headcounts is the chosen companies' sum.
    """
    condition, params = where(flt)
    rows = db.execute(
        "SELECT a.id, a.published, a.month, a.title, a.link, coalesce(f.name, ''), a.layoff "
        f"FROM articles AS a LEFT JOIN feeds AS f ON f.id = a.feed_id WHERE {condition} "
        "ORDER BY a.published DESC, a.id", params)
    event_condition = ""
    event_params: list[Any] = []
    if flt.companies:
        marks = ", ".join("?" for _ in flt.companies)
        event_condition = f" AND (e.company IN ({marks}) OR e.parent IN ({marks}))"
        event_params = [*flt.companies, *flt.companies]
    while batch := rows.fetchmany(BATCH):
        ids = [row[0] for row in batch]
        events: dict[int, list[dict[str, Any]]] = {}
        for row in db.execute(
                f"SELECT e.article_id, {', '.join('e.' + name for name in EVENT_FIELDS)} FROM events AS e "
                f"WHERE e.article_id IN ({', '.join('?' for _ in ids)}){event_condition} "
                "ORDER BY e.article_id, e.id", [*ids, *event_params]):
            events.setdefault(row[0], []).append(_event(row[1:]))
        for article_id, published, month, title, url, feed, layoff in batch:
            # positional: a third cheaper than keywords, for each of a million stories
            yield Story(article_id, published, month, title or "", url, feed, bool(layoff), events.get(article_id, []))


def select_stories(db: sqlite_utils.Database, flt: Filter) -> list[Story]:
    """Every story ``flt`` selects, as a list (``iter_stories`` streams them)."""
    return list(iter_stories(db, flt))


def count_stories(db: sqlite_utils.Database, flt: Filter) -> tuple[int, int]:
    """(stories, months) ``flt`` selects: the Markdown digest says them first, the progress bar needs
    the first."""
    condition, params = where(flt)
    stories, months = db.execute(
        f"SELECT count(*), count(DISTINCT a.month) FROM articles AS a WHERE {condition}", params).fetchone()
    return stories, months
