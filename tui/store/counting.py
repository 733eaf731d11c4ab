"""How many stories a filter selects, from the cheapest place that knows.

The common filters (layoff stories or all, a month, a company) are answered from tables kept by
triggers (``month_counts``, ``story_companies``: see ``tui.store.schema_scale``) in a millisecond at
a million articles; a search counts its matches from the full-text index; anything else (unread,
starred, a feed, dates) reads the articles it selects.
"""

from __future__ import annotations

import sqlite_utils

from tui.store.filters import Filter, fts_query, where
from tui.store.search import count_matches


def has_search(flt: Filter) -> bool:
    """True when the search text holds a word (punctuation alone searches nothing)."""
    return fts_query(flt.search) is not None


def narrows_only(flt: Filter, *dimensions: str) -> bool:
    """True when ``flt`` narrows by nothing but the layoff verdict and the named ``dimensions``
    ("companies", "months"): then the counts tables can answer."""
    if has_search(flt) or flt.feed_ids or flt.since or flt.until or flt.unread_only or flt.starred_only:
        return False
    return (bool(flt.companies) <= ("companies" in dimensions)) and (
        bool(flt.months) <= ("months" in dimensions)
    )


def marks(values: tuple[str, ...]) -> str:
    """``?, ?, ?`` for ``values``."""
    return ", ".join("?" for _ in values)


def counted_conditions(flt: Filter, alias: str = "") -> tuple[str, list[object]]:
    """The layoff and month conditions over a table with ``layoff`` and ``month`` columns (``alias``:
    its name and a dot, in a join)."""
    clauses, params = ["1"], []
    if flt.layoffs_only:
        clauses.append(f"{alias}layoff = 1")
    if flt.months:
        clauses.append(f"{alias}month IN ({marks(flt.months)})")
        params += list(flt.months)
    return " AND ".join(clauses), params


def count_articles(db: sqlite_utils.Database, flt: Filter) -> int:
    """How many articles the whole filter matches (the filter line and the panes' "All" lines)."""
    if narrows_only(flt, "companies", "months"):
        condition, params = counted_conditions(flt)
        if not flt.companies:
            row = db.execute(f"SELECT sum(stories) FROM month_counts WHERE {condition}", params).fetchone()
            return row[0] or 0
        return db.execute(
            f"SELECT count(DISTINCT article_id) FROM story_companies WHERE name IN ({marks(flt.companies)}) "
            f"AND {condition}",
            [*flt.companies, *params],
        ).fetchone()[0]
    if has_search(flt):
        return count_matches(db, flt)
    clause, params = where(flt)
    return db.execute(f"SELECT count(*) FROM articles a WHERE {clause}", params).fetchone()[0]
