"""The counts of the Companies and Months panes, each under every filter but its own.

Built on ``filters.where(flt, skip=...)`` so a pane's counts follow the other panes' choices, with
a LIMIT on each (covering indexes from migration 2 keep them fast at 100,000 articles).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from tui.store.filters import Filter, where

FACET_LIMIT = 1000
"""Companies (top-level groups) in the Companies pane at most."""
MONTH_LIMIT = 600
"""Months in the Months pane at most (fifty years)."""


@dataclass(frozen=True)
class CompanyFacet:
    """One line of the Companies pane: a company (a parent) with its units under it."""

    name: str
    stories: int
    headcount: int
    """Sum of the known headcounts of its events (0 when none is known)."""
    units: tuple[CompanyFacet, ...] = ()
    parent: str | None = None


@dataclass(frozen=True)
class MonthFacet:
    """One line of the Months pane."""

    month: str
    stories: int


def _group_facets(
    tops: Iterable[tuple[str, int, int]], units: Iterable[tuple[str, str, int, int]], limit: int
) -> list[CompanyFacet]:
    by_parent: dict[str, list[CompanyFacet]] = {}
    for company, parent, stories, headcount in units:
        by_parent.setdefault(parent, []).append(CompanyFacet(company, stories, headcount or 0, parent=parent))
    facets = []
    for name, stories, headcount in tops:
        children = tuple(sorted(by_parent.get(name, ()), key=lambda f: (-f.stories, f.name.casefold())))
        facets.append(CompanyFacet(name, stories, headcount or 0, children))
    facets.sort(key=lambda f: (-f.stories, f.name.casefold()))
    return facets[:limit]


def company_facets(db: sqlite_utils.Database, flt: Filter, *, limit: int = FACET_LIMIT) -> list[CompanyFacet]:
    """Companies with story counts and headcount sums under every filter but the company one.

    A unit (an event with a parent) is counted in its parent's group as well as on its own line,
    as the filter does: choosing "Amazon" shows Twitch's stories too.
    """
    clause, params = where(flt, skip="companies")
    tops = db.execute(
        f"SELECT coalesce(e.parent, e.company) AS top, count(DISTINCT e.article_id), sum(e.headcount) "
        f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {clause} "
        f"GROUP BY top ORDER BY 2 DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    units = db.execute(
        f"SELECT e.company, e.parent, count(DISTINCT e.article_id), sum(e.headcount) "
        f"FROM events e JOIN articles a ON a.id = e.article_id WHERE e.parent IS NOT NULL AND {clause} "
        f"GROUP BY e.company, e.parent LIMIT ?",
        [*params, limit * 4],
    ).fetchall()
    return _group_facets(tops, units, limit)


def month_facets(db: sqlite_utils.Database, flt: Filter, *, limit: int = MONTH_LIMIT) -> list[MonthFacet]:
    """Months, newest first, with their story counts under every filter but the month one."""
    clause, params = where(flt, skip="months")
    rows = db.execute(
        f"SELECT a.month, count(*) FROM articles a WHERE {clause} GROUP BY a.month ORDER BY a.month DESC "
        f"LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [MonthFacet(month, count) for month, count in rows]
