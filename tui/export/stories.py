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


def plain_number(value: Any) -> Any:
    """``10.0`` -> ``10``: SQLite hands percents back as REAL, people write them as integers."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _event(row: tuple[Any, ...]) -> dict[str, Any]:
    """An event row (``EVENT_FIELDS`` in order) as a dict (runs for each of a million events: no
    ``strict`` check, the query names the fields from the same tuple)."""
    event = dict(zip(EVENT_FIELDS, row))
    event["percent"] = plain_number(event["percent"])
    return event


BATCH = 500
"""Rows read from the cursor at a time while an export streams."""


def story_rows(db: sqlite_utils.Database, flt: Filter) -> Iterator[tuple[Any, ...]]:
    """The rows of the stories ``flt`` selects, one per event (``STORY_ROW``; a story without events is
    one row with the event columns None), a story's rows together and its events in order.

    Newest first, then the later stored first: the app's table order, which the indexes give without
    sorting (a sort of a million rows was a tenth of an export). One query streams them, so an export
    of a million stories holds a few hundred rows in memory and asks nothing per story. With
    ``flt.companies`` set, a story has only the events of those companies (a parent includes its
    units), so that a spreadsheet's sum of headcounts is the chosen companies' sum.
    """
    condition, params = where(flt)
    event_join = "e.article_id = a.id"
    event_params: list[Any] = []
    if flt.companies:
        marks = ", ".join("?" for _ in flt.companies)
        event_join += f" AND (e.company IN ({marks}) OR e.parent IN ({marks}))"
        event_params = [*flt.companies, *flt.companies]
    rows = db.execute(
        "SELECT a.id, a.published, a.month, coalesce(a.title, ''), a.link, coalesce(f.name, ''), a.layoff, e.id, "
        f"{', '.join('e.' + name for name in EVENT_FIELDS)} "
        f"FROM articles AS a LEFT JOIN feeds AS f ON f.id = a.feed_id LEFT JOIN events AS e ON {event_join} "
        f"WHERE {condition} ORDER BY a.published DESC, a.id DESC, e.id",
        [*event_params, *params],
    )
    while batch := rows.fetchmany(BATCH):
        yield from batch


STORY_ROW = ("id", "published", "month", "title", "url", "feed", "layoff", "event_id", *EVENT_FIELDS)
"""The columns of ``story_rows``."""
EVENT_START = STORY_ROW.index("event_id")


def iter_stories(db: sqlite_utils.Database, flt: Filter) -> Iterator[Story]:
    """The stories ``flt`` selects, in ``story_rows``' order, one at a time with their events."""
    story: Story | None = None
    for row in story_rows(db, flt):
        if story is None or row[0] != story.id:
            if story is not None:
                yield story
            # positional: a third cheaper than keywords, for each of a million stories
            story = Story(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), [])
        if row[EVENT_START] is not None:
            story.events.append(_event(row[EVENT_START + 1 :]))
    if story is not None:
        yield story


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
