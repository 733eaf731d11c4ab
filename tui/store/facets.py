"""The counts of the Companies and Months panes, each under every filter but its own.

Under the common filters (layoff stories, a month, a company) they come from the counts tables kept
by triggers (``company_counts``, ``month_counts``, ``story_companies``), in milliseconds at a million
articles; under a search they are counted over the matches, driven by the full-text index; otherwise
over the articles ``filters.where(flt, skip=...)`` selects. Every query carries a LIMIT.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import sqlite_utils

from tui.store.counting import count_articles, counted_conditions, has_search, marks, narrows_only
from tui.store.filters import Filter, where
from tui.store.memo import remembered
from tui.store.packed import packed_rows
from tui.store.schema_scale import FTS_DAY
from tui.store.search import MATCHES
from tui.store.search_terms import search_query

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


def group_facets(
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


def _company_rows(db: sqlite_utils.Database, flt: Filter, limit: int) -> list[tuple[str, str, int, int]]:
    """(name, parent or '', stories, headcount) of every company line under ``flt`` minus its companies."""
    if narrows_only(flt.but(companies=()), "months"):
        condition, params = counted_conditions(flt)
        sql = ("SELECT name, parent, sum(stories) AS stories, sum(headcount) AS jobs FROM company_counts "
               f"WHERE {condition} GROUP BY name, parent ORDER BY 3 DESC LIMIT ?")
    elif has_search(flt) and narrows_only(flt.but(search="", companies=()), "months"):
        # story_companies knows each story's verdict and month: the matches need not visit articles
        condition, params = counted_conditions(flt, "c.")
        params = [search_query(db, flt.search), *params]
        sql = ("SELECT c.name AS name, c.parent AS parent, count(*) AS stories, sum(c.headcount) AS jobs "
               f"FROM articles_fts s CROSS JOIN story_companies c ON c.article_id = s.rowid % {FTS_DAY} "
               f"WHERE s.articles_fts MATCH ? AND {condition} GROUP BY c.name, c.parent "
               "ORDER BY 3 DESC LIMIT ?")
    elif has_search(flt):
        clause, params = where(flt.but(search="", companies=()))
        params = [search_query(db, flt.search), *params]
        sql = ("SELECT c.name AS name, c.parent AS parent, count(*) AS stories, sum(c.headcount) AS jobs "
               f"FROM {MATCHES} CROSS JOIN story_companies c ON c.article_id = a.id "
               f"WHERE s.articles_fts MATCH ? AND {clause} GROUP BY c.name, c.parent ORDER BY 3 DESC LIMIT ?")
    else:
        clause, params = where(flt, skip="companies")
        sql = ("SELECT c.name AS name, c.parent AS parent, count(*) AS stories, sum(c.headcount) AS jobs "
               "FROM story_companies c "
               f"JOIN articles a ON a.id = c.article_id WHERE {clause} GROUP BY c.name, c.parent "
               "ORDER BY 3 DESC LIMIT ?")
    rows = packed_rows(db, sql, [*params, limit * 5], ("name", "parent", "stories", "jobs"))
    return [(name, parent, stories, jobs) for name, parent, stories, jobs in rows]


def company_facets(db: sqlite_utils.Database, flt: Filter, *, limit: int = FACET_LIMIT) -> list[CompanyFacet]:
    """Companies with story counts and headcount sums under every filter but the company one.

    A unit (an event with a parent) is counted in its parent's group as well as on its own line,
    as the filter does: choosing "Amazon" shows Twitch's stories too.
    """
    rows = _company_rows(db, flt, limit)
    tops = [(name, stories, headcount) for name, parent, stories, headcount in rows if not parent][:limit]
    units = [(name, parent, stories, headcount) for name, parent, stories, headcount in rows if parent]
    return group_facets(tops, units, limit)


def month_facets(db: sqlite_utils.Database, flt: Filter, *, limit: int = MONTH_LIMIT) -> list[MonthFacet]:
    """Months, newest first, with their story counts under every filter but the month one."""
    if narrows_only(flt.but(months=()), "companies"):
        condition, params = counted_conditions(flt.but(months=()))
        if flt.companies:
            sql = ("SELECT month, count(DISTINCT article_id) AS stories FROM story_companies WHERE name IN "
                   f"({marks(flt.companies)}) AND {condition} GROUP BY month ORDER BY month DESC LIMIT ?")
            params = [*flt.companies, *params]
        else:
            sql = (f"SELECT month, sum(stories) AS stories FROM month_counts WHERE {condition} "
                   "GROUP BY month ORDER BY month DESC LIMIT ?")
    elif has_search(flt):
        clause, params = where(flt.but(search="", months=()))
        params = [search_query(db, flt.search), *params]
        sql = (f"SELECT a.month AS month, count(*) AS stories FROM {MATCHES} WHERE s.articles_fts MATCH ? "
               f"AND {clause} GROUP BY a.month ORDER BY a.month DESC LIMIT ?")
    else:
        clause, params = where(flt, skip="months")
        sql = (f"SELECT a.month AS month, count(*) AS stories FROM articles a WHERE {clause} "
               "GROUP BY a.month ORDER BY a.month DESC LIMIT ?")
    rows = packed_rows(db, sql, [*params, limit], ("month", "stories"))
    return [MonthFacet(month, count) for month, count in rows]


@dataclass(frozen=True)
class PaneCounts:
    """Everything the panes and the filter line show for one filter, counted together."""

    companies: list[CompanyFacet]
    company_total: int
    """Stories under every filter but the company one (the Companies pane's "All")."""
    months: list[MonthFacet]
    month_total: int
    """Stories under every filter but the month one (the Months pane's "All")."""
    total: int
    """Stories under the whole filter (the filter line, and how far the table can page)."""


def counted_filter(db: sqlite_utils.Database, flt: Filter) -> Filter:
    """``flt`` with its search as the words it stands for: two filters alike so count alike, so the
    counts of "reven" are remembered for "revenue" (``tui.store.memo``)."""
    return flt.but(search=search_query(db, flt.search) or "") if has_search(flt) else flt


def pane_counts(db: sqlite_utils.Database, flt: Filter) -> PaneCounts:
    """The panes' lines and totals for ``flt``, remembered until the database changes."""
    counts = remembered(db, ("pane_counts", counted_filter(db, flt)), lambda: _pane_counts(db, flt))
    return replace(counts, companies=list(counts.companies), months=list(counts.months))


def _pane_counts(db: sqlite_utils.Database, flt: Filter) -> PaneCounts:
    """The panes' lines and totals, reusing one count for another where they are the same number:
    under a search each count reads every match, so the month lines also give the totals."""
    companies = company_facets(db, flt)
    months = month_facets(db, flt)
    if len(months) < MONTH_LIMIT:
        month_total = sum(facet.stories for facet in months)
        chosen = set(flt.months)
        total = sum(f.stories for f in months if f.month in chosen) if chosen else month_total
    else:  # more months than the pane lists: count them instead
        month_total = count_articles(db, flt.but(months=()))
        total = count_articles(db, flt)
    company_total = total if not flt.companies else count_articles(db, flt.but(companies=()))
    return PaneCounts(companies, company_total, months, month_total, total)
