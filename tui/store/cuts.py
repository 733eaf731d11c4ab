"""Keeping the ``cuts`` table in step with the events: incrementally as stories are stored, whole on ``retag``.

An event with ``cut_id`` NULL is waiting to be grouped; a cut with ``stale = 1`` lost an event (the
triggers of migration 3 set it) and needs its summary recomputed. ``update_cuts`` handles both,
looking only at the stored cuts near the waiting events, so a poll never regroups the whole store.
``rebuild_cuts`` groups every event from nothing, keeping a cut's id when its first story is the same.
The grouping itself is ``tui.cuts``; this module only reads and writes.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from tui.cuts import WINDOW_DAYS, CutFigure, CutSummary, Group, Grouper, Report, story_key, summarise
from tui.cuts.grouping import chronological
from tui.store.db import write_transaction
from tui.timeutil import to_iso

log = logging.getLogger(__name__)

REBUILD_ABOVE = 5_000
"""More waiting events than this (a database from before cuts, a bulk import) are grouped by a rebuild."""

_REPORT_SQL = (
    "SELECT e.id, e.article_id, e.company, e.parent, e.headcount, e.headcount_kind, e.percent, a.published, "
    "a.link, e.cut_id FROM events AS e JOIN articles AS a ON a.id = e.article_id WHERE {where}"
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


def _report(row: Sequence[Any]) -> Report:
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
    db: sqlite_utils.Database, where: str, params: Sequence[object] = ()
) -> list[tuple[Report, int | None]]:
    """(report, its cut id) for the events matching ``where`` (SQL over ``events AS e``, ``articles AS a``)."""
    return [(_report(row), row[9]) for row in db.execute(_REPORT_SQL.format(where=where), list(params))]


@contextlib.contextmanager
def _transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """Join the caller's transaction (a poll's feed write), or open one."""
    if db.conn.in_transaction:
        yield
    else:
        with write_transaction(db):
            yield


def _cut_values(summary: CutSummary) -> list[object]:
    figure = summary.figure
    return [
        summary.company,
        summary.parent,
        to_iso(summary.announced),
        to_iso(summary.last_reported),
        summary.month,
        figure.headcount,
        figure.headcount_kind,
        figure.percent,
        summary.sources,
        summary.first_article_id,
    ]


_CUT_COLUMNS = (
    "company, parent, announced, last_reported, month, headcount, headcount_kind, percent, sources, "
    "first_article_id"
)


def _save(db: sqlite_utils.Database, group: Group) -> int:
    """Insert or update the group's cut and point its events at it; returns the cut id."""
    values = _cut_values(summarise(group.reports))
    if group.cut_id is None:
        marks = ", ".join("?" for _ in values)
        group.cut_id = int(
            db.execute(f"INSERT INTO cuts ({_CUT_COLUMNS}) VALUES ({marks})", values).lastrowid
        )
    else:
        assignments = ", ".join(f"{name.strip()} = ?" for name in _CUT_COLUMNS.split(","))
        db.execute(f"UPDATE cuts SET {assignments}, stale = 0 WHERE id = ?", [*values, group.cut_id])
    db.conn.executemany(
        "UPDATE events SET cut_id = ? WHERE id = ? AND cut_id IS NOT ?",
        [(group.cut_id, report.event_id, group.cut_id) for report in group.reports],
    )
    return group.cut_id


def _by_cut(rows: Iterable[tuple[Report, int | None]]) -> dict[int, list[Report]]:
    members: dict[int, list[Report]] = {}
    for report, cut_id in rows:
        if cut_id is not None:
            members.setdefault(cut_id, []).append(report)
    return members


def _nearby_cut_ids(db: sqlite_utils.Database, pending: Sequence[Report], manual: Manual) -> set[int]:
    """Stored cuts a waiting report could join: its company's within the window, its merge group's."""
    window = timedelta(days=WINDOW_DAYS)
    companies = sorted({report.company for report in pending})
    low = to_iso(min(report.published for report in pending) - window)
    high = to_iso(max(report.published for report in pending) + window)
    marks = ", ".join("?" for _ in companies)
    ids = {
        row[0]
        for row in db.execute(
            f"SELECT id FROM cuts WHERE company COLLATE NOCASE IN ({marks}) AND announced BETWEEN ? AND ?",
            [*companies, low, high],
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


def update_cuts(db: sqlite_utils.Database) -> int:
    """Group the events waiting for a cut and refresh the cuts that lost one; returns the cuts written.

    Joins the caller's transaction when there is one (a poll calls it inside each feed's write).
    """
    with _transaction(db):
        pending = [report for report, _ in reports_where(db, "e.cut_id IS NULL")]
        stale = {row[0] for row in db.execute("SELECT id FROM cuts WHERE stale = 1")}
        if not pending and not stale:
            return 0
        if len(pending) > REBUILD_ABOVE:
            return _rebuild(db)
        manual = load_manual(db)
        grouper = Grouper(merge_groups=manual.merges, alone=manual.alone)
        cut_ids = stale | (_nearby_cut_ids(db, pending, manual) if pending else set())
        members: dict[int, list[Report]] = {}
        if cut_ids:
            marks = ", ".join("?" for _ in cut_ids)
            members = _by_cut(reports_where(db, f"e.cut_id IN ({marks})", sorted(cut_ids)))
        seeded = {}
        for cut_id in sorted(members):
            reports = chronological(members[cut_id])
            seeded[cut_id] = grouper.seed(reports, cut_id, alone=all(r.key in manual.alone for r in reports))
        for report in chronological(pending):
            grouper.add(report)
        written = 0
        for group in grouper.groups:
            if group.changed or group.cut_id in stale:
                _save(db, group)
                written += 1
        emptied = stale - set(members)
        if emptied:
            marks = ", ".join("?" for _ in emptied)
            db.execute(f"DELETE FROM cuts WHERE id IN ({marks})", sorted(emptied))
        return written


def group_new_events(db: sqlite_utils.Database) -> None:
    """``update_cuts`` inside a poll's feed write: a grouping bug must never cost the feed its articles,
    so a failure rolls back the grouping alone (the events stay waiting) and is logged."""
    db.execute("SAVEPOINT group_cuts")
    try:
        update_cuts(db)
    except Exception:
        log.exception("could not group the new stories into cuts; they wait for the next poll or retag")
        db.execute("ROLLBACK TO SAVEPOINT group_cuts")
    db.execute("RELEASE SAVEPOINT group_cuts")


def _rebuild(db: sqlite_utils.Database) -> int:
    old = {
        (article_id, company.casefold()): cut_id
        for cut_id, article_id, company in db.execute("SELECT id, first_article_id, company FROM cuts")
    }
    next_id = (db.execute("SELECT max(id) FROM cuts").fetchone()[0] or 0) + 1
    manual = load_manual(db)
    grouper = Grouper(merge_groups=manual.merges, alone=manual.alone)
    for report in chronological(report for report, _ in reports_where(db, "1")):
        grouper.add(report)
    db.execute("UPDATE events SET cut_id = NULL WHERE cut_id IS NOT NULL")
    db.execute("DELETE FROM cuts")
    cut_rows, event_rows = [], []
    for group in grouper.groups:
        summary = summarise(group.reports)
        cut_id = old.pop((summary.first_article_id, summary.company.casefold()), None)
        if cut_id is None:
            cut_id, next_id = next_id, next_id + 1
        cut_rows.append([cut_id, *_cut_values(summary)])
        event_rows += [(cut_id, report.event_id) for report in group.reports]
    db.conn.executemany(f"INSERT INTO cuts (id, {_CUT_COLUMNS}) VALUES ({', '.join('?' * 11)})", cut_rows)
    db.conn.executemany("UPDATE events SET cut_id = ? WHERE id = ?", event_rows)
    return len(cut_rows)


def rebuild_cuts(db: sqlite_utils.Database) -> int:
    """Group every stored event from nothing (``retag`` calls it); hand corrections are applied again.

    A cut whose first story and company are unchanged keeps its id. Returns the number of cuts.
    """
    with _transaction(db):
        return _rebuild(db)
