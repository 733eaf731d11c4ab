"""Reading cuts: the rows a filter selects and the stories of each, as plain frozen records.

The export, the ``cuts`` command (and later the app) share these, so they agree on what a filter
selects: a cut matches a company when it is the cut's company or its parent (Amazon selects Twitch's
cuts), a month or a date range by the day the cut was first reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import sqlite_utils

from tui.cuts import story_key
from tui.store.filters import Filter


@dataclass(frozen=True)
class CutRow:
    """One cut with its best figure; the columns of ``export --cuts`` (DESIGN.md, "Cuts")."""

    cut_id: int
    company: str
    parent: str | None
    announced: str
    """The first story's published date, ISO 8601 UTC."""
    month: str
    headcount: int | None
    headcount_kind: str
    percent: float | int | None
    sources: int
    first_url: str | None


@dataclass(frozen=True)
class CutStory:
    """A story that reports a cut; a link carried by several feeds is one story (the first article)."""

    id: int
    published: str
    title: str
    url: str | None
    feed: str


def _whole(value: Any) -> Any:
    """``10.0`` -> ``10``: SQLite hands percents back as REAL, people write them as integers."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def cut_where(flt: Filter) -> tuple[str, list[object]]:
    """SQL condition over ``cuts AS c`` for the company, month and date parts of ``flt``."""
    clauses: list[str] = []
    params: list[object] = []
    if flt.companies:
        # The cuts of the companies and of their units, each found through its index: an OR over the two
        # columns scanned every cut (20-50 ms at 100,000 articles). The company index is NOCASE: the
        # exact test follows it.
        marks = ", ".join("?" for _ in flt.companies)
        clauses.append(
            f"c.id IN (SELECT id FROM cuts WHERE company COLLATE NOCASE IN ({marks}) AND company IN ({marks}) "
            f"UNION ALL SELECT id FROM cuts WHERE parent IN ({marks}))"
        )
        params += [*flt.companies, *flt.companies, *flt.companies]
    if flt.months:
        clauses.append(f"c.month IN ({', '.join('?' for _ in flt.months)})")
        params += list(flt.months)
    if flt.since:
        clauses.append("c.announced >= ?")
        params.append(flt.since.isoformat())
    if flt.until:
        clauses.append("c.announced < ?")
        params.append((flt.until + timedelta(days=1)).isoformat())
    return (" AND ".join(clauses) or "1"), params


CUT_ROW_SQL = (
    "SELECT c.id, c.company, c.parent, c.announced, c.month, c.headcount, c.headcount_kind, c.percent, "
    "c.sources, a.link FROM cuts AS c LEFT JOIN articles AS a ON a.id = c.first_article_id"
)
"""The columns ``cut_row`` reads, over ``cuts AS c``: callers add the WHERE, ORDER BY and LIMIT."""


def cut_row(row: tuple[Any, ...]) -> CutRow:
    """A ``CUT_ROW_SQL`` row as a ``CutRow``."""
    return CutRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], _whole(row[7]), row[8], row[9])


def select_cuts(db: sqlite_utils.Database, flt: Filter, limit: int | None = None) -> list[CutRow]:
    """The cuts ``flt`` selects, newest first (then by id)."""
    condition, params = cut_where(flt)
    sql = f"{CUT_ROW_SQL} WHERE {condition} ORDER BY c.announced DESC, c.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [cut_row(row) for row in db.execute(sql, params)]


def get_cut(db: sqlite_utils.Database, cut_id: int) -> CutRow | None:
    """One cut by id, or None."""
    row = db.execute(f"{CUT_ROW_SQL} WHERE c.id = ?", [cut_id]).fetchone()
    return cut_row(row) if row else None


def cut_stories(db: sqlite_utils.Database, cut_ids: Iterable[int]) -> dict[int, list[CutStory]]:
    """Each cut's stories, oldest first, one per story however many feeds carried it."""
    ids = list(cut_ids)
    stories: dict[int, list[CutStory]] = {cut_id: [] for cut_id in ids}
    seen: dict[int, set[str]] = {cut_id: set() for cut_id in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for cut_id, article_id, published, title, link, feed in db.execute(
            "SELECT DISTINCT e.cut_id, a.id, a.published, a.title, a.link, coalesce(f.name, '') "
            "FROM events AS e INDEXED BY idx_events_cut JOIN articles AS a ON a.id = e.article_id LEFT JOIN feeds AS f ON f.id = a.feed_id "
            f"WHERE e.cut_id IN ({marks}) ORDER BY e.cut_id, a.published, a.id",
            chunk,
        ):
            key = story_key(link, article_id)
            if key not in seen[cut_id]:
                seen[cut_id].add(key)
                stories[cut_id].append(CutStory(article_id, published, title or "", link, feed))
    return stories
