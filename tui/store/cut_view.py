"""The app's reads of cuts: a page of the cuts table, the cut facets, the timeline, a story's other sources.

The cuts table follows the stories table's filter: company, month and dates select by the cut itself
(``cut_where``); a search, a feed, unread or starred select the cuts that hold at least one story the
filter selects (``filters.where``), so "search: Intel" in the cuts view shows the cuts of the stories
that search shows. Every query carries a LIMIT.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import sqlite_utils

from tui.store.counting import has_search
from tui.store.cut_queries import CUT_ROW_SQL, CutRow, CutStory, cut_row, cut_stories, cut_where
from tui.store.facets import CompanyFacet, MonthFacet, PaneCounts, counted_filter, group_facets
from tui.store.filters import Filter, where
from tui.store.memo import remembered
from tui.store.packed import packed_rows
from tui.store.search import MATCHES
from tui.store.search_terms import search_query

CUT_PAGE_SIZE = 200
"""Rows per page of the cuts table."""
TIMELINE_LIMIT = 600
"""Months in the timeline at most (fifty years)."""
FACET_LIMIT = 1000


@dataclass(frozen=True)
class CutPage:
    """A page of cuts and how many cuts the filter selects in all."""

    rows: tuple[CutRow, ...]
    total: int
    offset: int
    counted: bool = True
    """Always counted (as ``ArticlePage.counted``): a filter selects at most thousands of cuts."""


@dataclass(frozen=True)
class MonthTotal:
    """One bar of the timeline: the cuts first reported in ``month`` and the jobs they cut (known figures)."""

    month: str
    cuts: int
    jobs: int


@dataclass(frozen=True)
class CutFacet:
    """A company's cuts under a filter and the sum of their best figures (never of their stories')."""

    name: str
    parent: str | None
    cuts: int
    headcount: int


def _story_narrowing(flt: Filter) -> bool:
    """True when the filter narrows by something only stories know (search, feed, read, star)."""
    return bool(flt.search.strip() or flt.feed_ids or flt.unread_only or flt.starred_only)


def view_where(
    db: sqlite_utils.Database, flt: Filter, *, skip: str | None = None
) -> tuple[str, list[object]]:
    """SQL condition over ``cuts AS c`` for the whole filter; ``skip`` ("companies", "months") leaves one
    dimension out, as the panes count."""
    cut_flt = flt.but(
        companies=() if skip == "companies" else flt.companies, months=() if skip == "months" else flt.months
    )
    condition, params = cut_where(cut_flt)
    if _story_narrowing(flt):
        story_flt = flt.but(companies=(), months=(), since=None, until=None)
        if has_search(story_flt):
            # From each match to its events' cuts through two indexes: the search drives, as it is the
            # narrowest part (asking every event whether its story matches read them all).
            story_clause, story_params = where(story_flt.but(search=""))
            condition += (
                f" AND c.id IN (SELECT e.cut_id FROM {MATCHES} CROSS JOIN events AS e "
                "INDEXED BY idx_events_article_cut ON e.article_id = a.id "
                f"WHERE s.articles_fts MATCH ? AND e.cut_id IS NOT NULL AND {story_clause})"
            )
            params += [search_query(db, story_flt.search), *story_params]
        else:
            story_clause, story_params = where(story_flt)
            condition += (
                " AND c.id IN (SELECT e.cut_id FROM events AS e JOIN articles AS a ON a.id = e.article_id "
                f"WHERE e.cut_id IS NOT NULL AND {story_clause})"
            )
            params += story_params
    return condition, params


def cut_page(db: sqlite_utils.Database, flt: Filter, offset: int = 0, limit: int = CUT_PAGE_SIZE) -> CutPage:
    """The cuts ``flt`` selects, newest first, ``limit`` from ``offset``, with their count."""
    condition, params = view_where(db, flt)
    rows = db.execute(
        f"{CUT_ROW_SQL} WHERE {condition} ORDER BY c.announced DESC, c.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    total = db.execute(f"SELECT count(*) FROM cuts AS c WHERE {condition}", params).fetchone()[0]
    return CutPage(tuple(cut_row(row) for row in rows), total, offset)


def stories_of_cut(db: sqlite_utils.Database, cut_id: int) -> list[CutStory]:
    """A cut's stories, oldest first, one per link."""
    return cut_stories(db, [cut_id])[cut_id]


def cut_timeline(db: sqlite_utils.Database, flt: Filter) -> list[MonthTotal]:
    """Cuts and jobs cut per month under the whole filter, oldest month first, quiet months at zero."""
    condition, params = view_where(db, flt)
    rows = db.execute(
        f"SELECT c.month, count(*), coalesce(sum(c.headcount), 0) FROM cuts AS c WHERE {condition} "
        "GROUP BY c.month ORDER BY c.month DESC LIMIT ?",
        [*params, TIMELINE_LIMIT],
    ).fetchall()
    return _with_empty_months([MonthTotal(month, cuts, jobs) for month, cuts, jobs in reversed(rows)])


def _with_empty_months(months: list[MonthTotal]) -> list[MonthTotal]:
    """Every month from the first to the last, those without a cut at zero: a gap of quiet months is
    part of the picture, and a chart that skips it would make March follow January."""
    if not months:
        return []
    known = {total.month: total for total in months}
    year, month = map(int, months[0].month.split("-"))
    filled = []
    while True:
        key = f"{year:04d}-{month:02d}"
        filled.append(known.get(key, MonthTotal(key, 0, 0)))
        if key >= months[-1].month:
            return filled
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def cut_facets(db: sqlite_utils.Database, flt: Filter, limit: int = FACET_LIMIT) -> list[CutFacet]:
    """Each company's (and unit's) cuts and summed best figures under every filter but the company one,
    remembered until the database changes (a search's cuts read every match)."""
    key = ("cut_facets", counted_filter(db, flt), limit)
    return list(remembered(db, key, lambda: _cut_facets(db, flt, limit)))


def _cut_facets(db: sqlite_utils.Database, flt: Filter, limit: int) -> list[CutFacet]:
    condition, params = view_where(db, flt, skip="companies")
    rows = packed_rows(
        db,
        "SELECT c.company AS name, c.parent AS parent, count(*) AS cuts, coalesce(sum(c.headcount), 0) "
        f"AS jobs FROM cuts AS c WHERE {condition} GROUP BY c.company, c.parent ORDER BY 3 DESC LIMIT ?",
        [*params, limit * 5],
        ("name", "parent", "cuts", "jobs"),
    )
    return [CutFacet(name, parent, cuts, headcount) for name, parent, cuts, headcount in rows]


def other_sources(db: sqlite_utils.Database, article_id: int) -> list[CutStory]:
    """The other stories of the cuts this article belongs to (one per link), for "also reported by"."""
    cut_ids = [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT cut_id FROM events WHERE article_id = ? AND cut_id IS NOT NULL LIMIT 20",
            [article_id],
        )
    ]
    own = db.execute("SELECT link FROM articles WHERE id = ?", [article_id]).fetchone()
    own_link = own[0] if own else None
    seen: set[int] = set()
    others: list[CutStory] = []
    for stories in cut_stories(db, cut_ids).values():
        for story in stories:
            if (
                story.id != article_id
                and story.id not in seen
                and (own_link is None or story.url != own_link)
            ):
                seen.add(story.id)
                others.append(story)
    return others


def _company_lines(facets: list[CutFacet], limit: int) -> list[CompanyFacet]:
    """Cut facets as the Companies pane's lines: a parent's line counts its units' cuts too (as choosing
    the parent shows them), each unit also on its own line under it."""
    tops: dict[str, list[int]] = {}
    units = []
    for facet in facets:
        own = tops.setdefault(facet.parent or facet.name, [0, 0])
        own[0] += facet.cuts
        own[1] += facet.headcount
        if facet.parent:
            units.append((facet.name, facet.parent, facet.cuts, facet.headcount))
    return group_facets([(name, cuts, jobs) for name, (cuts, jobs) in tops.items()], units, limit)


def cut_pane_counts(db: sqlite_utils.Database, flt: Filter) -> PaneCounts:
    """The panes' lines in the cuts view: cuts and the sums of their best figures, each pane under every
    filter but its own, and the number of cuts the whole filter selects."""
    companies = _company_lines(cut_facets(db, flt), FACET_LIMIT)
    month_condition, month_params = view_where(db, flt, skip="months")
    months = [
        MonthFacet(month, cuts)
        for month, cuts in db.execute(
            f"SELECT c.month, count(*) FROM cuts AS c WHERE {month_condition} GROUP BY c.month "
            "ORDER BY c.month DESC LIMIT ?",
            [*month_params, TIMELINE_LIMIT],
        )
    ]

    def count(selection: Filter) -> int:
        condition, params = view_where(db, selection)
        return db.execute(f"SELECT count(*) FROM cuts AS c WHERE {condition}", params).fetchone()[0]

    total = count(flt)
    return PaneCounts(companies, count(flt.but(companies=())), months, count(flt.but(months=())), total)


def with_cut_headcounts(db: sqlite_utils.Database, flt: Filter, counts: PaneCounts) -> PaneCounts:
    """The stories view's pane counts with each company's jobs summed over its cuts, not its stories:
    six reports of one cut of 12,000 count 12,000 once."""
    lines = _company_lines(cut_facets(db, flt), FACET_LIMIT)
    jobs = {facet.name: facet.headcount for facet in lines}
    for facet in lines:
        jobs.update({unit.name: unit.headcount for unit in facet.units})

    def fixed(facet: CompanyFacet) -> CompanyFacet:
        units = tuple(fixed(unit) for unit in facet.units)
        return replace(facet, headcount=jobs.get(facet.name, 0), units=units)

    return replace(counts, companies=[fixed(facet) for facet in counts.companies])
