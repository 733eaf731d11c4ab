"""Full-text search in date order: a page of the newest matches without sorting every match.

``articles_fts`` has the search key (published day, then article id) as its rowid (see
``tui.store.schema_scale``), so FTS5 hands matches back newest day first, straight from its index.
A page walks that stream until it holds the rows asked for and has finished their last day, then
puts that handful in exact (published, id) order: a prefix of one letter, matching nearly every
article, costs what a rare word costs. Counting every match is left to the background.
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlite_utils

from tui.store.filters import Filter, where
from tui.store.schema_scale import FTS_DAY
from tui.store.search_terms import search_query

MATCHES = f"articles_fts s CROSS JOIN articles a ON a.id = s.rowid % {FTS_DAY}"
"""The matches of ``s.articles_fts MATCH ?`` joined to their articles, driven by the index (CROSS JOIN
keeps SQLite from starting at ``articles``)."""


def _rows(db: sqlite_utils.Database, flt: Filter, columns: str) -> Iterator[tuple]:
    """Each match that passes the other filters, newest day first: (``columns``..., day)."""
    clause, params = where(flt.but(search=""))
    yield from db.execute(
        f"SELECT {columns}, s.rowid / {FTS_DAY} FROM {MATCHES} LEFT JOIN feeds f ON f.id = a.feed_id "
        f"WHERE s.articles_fts MATCH ? AND {clause} ORDER BY s.rowid DESC",
        [search_query(db, flt.search), *params],
    )


def search_rows(
    db: sqlite_utils.Database, flt: Filter, columns: str, *, offset: int, limit: int
) -> list[tuple]:
    """Rows ``offset`` to ``offset + limit`` of the search, newest first by (published, id).

    ``columns`` must start with ``a.id, a.published``. Only the matches up to the end of the day of
    the last row wanted are read.
    """
    wanted = offset + limit
    taken: list[tuple] = []
    day = None
    for row in _rows(db, flt, columns):
        if len(taken) >= wanted and row[-1] != day:
            break
        taken.append(row[:-1])
        day = row[-1]
    taken.sort(key=lambda row: (row[1], row[0]), reverse=True)
    return taken[offset:wanted]


def count_matches(db: sqlite_utils.Database, flt: Filter) -> int:
    """How many articles the search and the other filters select (reads every match: a background job)."""
    clause, params = where(flt.but(search=""))
    return db.execute(
        f"SELECT count(*) FROM {MATCHES} WHERE s.articles_fts MATCH ? AND {clause}",
        [search_query(db, flt.search), *params],
    ).fetchone()[0]
