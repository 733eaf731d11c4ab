"""Reading the store as grouping sees it: events as reports, stored cuts as their figures, hand corrections.

Split from ``tui.store.cuts`` (which writes): these are the reads a poll's grouping and the hand
corrections share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from tui.cuts import WINDOW_DAYS, CutFigure, Report, story_key
from tui.cuts.grouping import StoredCut
from tui.timeutil import to_iso

WAITING = "e.id IN (SELECT id FROM events INDEXED BY idx_events_waiting WHERE cut_id IS NULL)"
"""The events waiting for a cut, through the partial index made for them (never a scan of events)."""
_REPORT_SQL = (
    "SELECT e.id, e.article_id, e.company, e.parent, e.headcount, e.headcount_kind, e.percent, a.published, "
    "a.link, e.cut_id FROM events AS e {hint} JOIN articles AS a ON a.id = e.article_id WHERE {where}"
)


@dataclass
class Manual:
    """The hand corrections, keyed by (article id, company casefolded) as ``Report.key`` is; the tables
    hold the company as the event names it."""

    merges: dict[tuple[int, str], int] = field(default_factory=dict)
    alone: set[tuple[int, str]] = field(default_factory=set)


def load_manual(db: sqlite_utils.Database) -> Manual:
    """Every merge and split made by hand (a few rows: people make them one at a time)."""
    return Manual(
        merges={
            (article_id, company.casefold()): group
            for article_id, company, group in db.execute(
                "SELECT article_id, company, merge_group FROM cut_merges"
            )
        },
        alone={
            (article_id, company.casefold())
            for article_id, company in db.execute("SELECT article_id, company FROM cut_splits")
        },
    )


def report_from_row(row: Sequence[Any]) -> Report:
    event_id, article_id, company, parent, headcount, kind, percent, published, link = row[:9]
    return Report(
        event_id=event_id,
        article_id=article_id,
        company=company,
        parent=parent,
        published=datetime.fromisoformat(published),
        story=story_key(link, article_id),
        figure=CutFigure(headcount, kind, percent),
    )


def reports_where(
    db: sqlite_utils.Database, where: str, params: Sequence[object] = (), *, by_cut: bool = False
) -> list[tuple[Report, int | None]]:
    """(report, its cut id) for the events matching ``where`` (SQL over ``events AS e``, ``articles AS a``).

    ``by_cut``: ``where`` selects by ``e.cut_id``, so the cut index is used whatever stale statistics
    (an ANALYZE run before the cuts were grouped, when every ``cut_id`` was NULL) tell the planner.
    """
    hint = "INDEXED BY idx_events_cut" if by_cut else ""
    return [
        (report_from_row(row), row[9])
        for row in db.execute(_REPORT_SQL.format(where=where, hint=hint), list(params))
    ]


def nearby_cut_ids(db: sqlite_utils.Database, pending: Sequence[Report], manual: Manual) -> set[int]:
    """Stored cuts a waiting report could join: its company's first reported within the window of it, and
    its merge group's. One indexed query per company, over that company's own dates only."""
    window = timedelta(days=WINDOW_DAYS)
    dates: dict[str, list[datetime]] = {}
    for report in pending:
        dates.setdefault(report.company, []).append(report.published)
    ids: set[int] = set()
    for company, moments in sorted(dates.items()):
        ids |= {
            row[0]
            for row in db.execute(
                "SELECT id FROM cuts WHERE company = ? COLLATE NOCASE AND announced BETWEEN ? AND ?",
                [company, to_iso(min(moments) - window), to_iso(max(moments) + window)],
            )
        }
    groups = sorted({manual.merges[report.key] for report in pending if report.key in manual.merges})
    if groups:
        marks = ", ".join("?" for _ in groups)
        ids |= {
            row[0]
            for row in db.execute(
                "SELECT e.cut_id FROM cut_merges AS m JOIN events AS e ON e.article_id = m.article_id "
                f"AND e.company = m.company WHERE m.merge_group IN ({marks}) AND e.cut_id IS NOT NULL",
                groups,
            )
        }
    return ids


_STORED_SQL = (
    "SELECT c.id, c.company, c.announced, c.last_reported, group_concat(e.headcount, ','), "
    "group_concat(e.percent, ','), group_concat(coalesce(a.link, ''), char(31)), group_concat(e.article_id, ','), "
    "group_concat(e.company, char(31)) FROM cuts AS c JOIN events AS e INDEXED BY idx_events_cut ON e.cut_id = c.id "
    "JOIN articles AS a ON a.id = e.article_id WHERE c.id IN ({marks}) GROUP BY c.id"
)


def stored_cuts(db: sqlite_utils.Database, cut_ids: Sequence[int], manual: Manual) -> list[StoredCut]:
    """The cuts as placing a report needs them, one aggregated row each: a poll reads hundreds of nearby
    cuts per feed, and building every report of each would cost more than the rest of the poll."""
    stored = []
    for start in range(0, len(cut_ids), 500):
        chunk = cut_ids[start : start + 500]
        rows = db.execute(_STORED_SQL.format(marks=", ".join("?" for _ in chunk)), list(chunk))
        for cut_id, company, first, last, headcounts, percents, links, articles, companies in rows:
            article_ids = [int(number) for number in articles.split(",")]
            keys = list(zip(article_ids, (name.casefold() for name in companies.split("\x1f")), strict=True))
            stored.append(
                StoredCut(
                    cut_id=cut_id,
                    company=company,
                    first=datetime.fromisoformat(first),
                    last=datetime.fromisoformat(last),
                    headcounts=frozenset(int(value) for value in headcounts.split(","))
                    if headcounts
                    else frozenset(),
                    percents=frozenset(float(value) for value in percents.split(","))
                    if percents
                    else frozenset(),
                    links=tuple(
                        zip((link or None for link in links.split("\x1f")), article_ids, strict=True)
                    ),
                    alone=bool(manual.alone) and all(key in manual.alone for key in keys),
                    merge_groups=frozenset(manual.merges[key] for key in keys if key in manual.merges),
                )
            )
    return stored
