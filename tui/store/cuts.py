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
from collections.abc import Iterable, Iterator

import sqlite_utils

from tui.cuts import CutSummary, Group, Grouper, Report, summarise
from tui.cuts.grouping import chronological
from tui.store.cut_reports import WAITING, load_manual, nearby_cut_ids, reports_where, stored_cuts
from tui.store.db import write_transaction
from tui.timeutil import to_iso

log = logging.getLogger(__name__)

REBUILD_ABOVE = 5_000
"""More waiting events than this, and more than half of all, are grouped by a rebuild (a database from
before cuts, a bulk import); a big poll's stories are grouped incrementally."""


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


def _complete(db: sqlite_utils.Database, group: Group) -> None:
    """Read the stored reports of a cut seeded from its figures, before its summary is recomputed."""
    if group.complete or group.cut_id is None:
        return
    new = {report.event_id for report in group.reports}
    stored = [report for report, _ in reports_where(db, "e.cut_id = ?", [group.cut_id], by_cut=True)]
    group.reports = [report for report in stored if report.event_id not in new] + group.reports
    group.complete = True


def _work_waiting(db: sqlite_utils.Database) -> bool:
    """An event waits for a cut, or a cut for its summary."""
    return bool(
        db.execute(
            "SELECT EXISTS (SELECT 1 FROM events INDEXED BY idx_events_waiting WHERE cut_id IS NULL) "
            "OR EXISTS (SELECT 1 FROM cuts INDEXED BY idx_cuts_stale WHERE stale = 1)"
        ).fetchone()[0]
    )


def update_cuts(db: sqlite_utils.Database) -> int:
    """Group the events waiting for a cut and refresh the cuts that lost one; returns the cuts written.

    Joins the caller's transaction when there is one. With nothing to do it only reads, so readers
    (``cuts list``, ``export --cuts``) and polls that stored nothing never wait for the write lock.
    """
    if not db.conn.in_transaction and not _work_waiting(db):
        return 0
    with _transaction(db):
        pending = [report for report, _ in reports_where(db, WAITING)]
        stale = {row[0] for row in db.execute("SELECT id FROM cuts WHERE stale = 1")}
        if not pending and not stale:
            return 0
        if (
            len(pending) > REBUILD_ABOVE
            and 2 * len(pending) > db.execute("SELECT count(*) FROM events").fetchone()[0]
        ):
            return _rebuild(db)  # most events wait: a database from before cuts, or a bulk import
        manual = load_manual(db)
        grouper = Grouper(merge_groups=manual.merges, alone=manual.alone)
        members: dict[int, list[Report]] = {}
        if stale:  # a cut that lost a report is recomputed from all it has left
            marks = ", ".join("?" for _ in stale)
            members = _by_cut(reports_where(db, f"e.cut_id IN ({marks})", sorted(stale), by_cut=True))
            for cut_id in sorted(members):
                reports = chronological(members[cut_id])
                grouper.seed(reports, cut_id, alone=all(r.key in manual.alone for r in reports))
        if pending:
            for stored in stored_cuts(db, sorted(nearby_cut_ids(db, pending, manual) - stale), manual):
                grouper.seed_stored(stored)
        for report in chronological(pending):
            grouper.add(report)
        written = 0
        for group in grouper.groups:
            if group.changed or group.cut_id in stale:
                _complete(db, group)
                _save(db, group)
                written += 1
        emptied = stale - set(members)
        if emptied:
            marks = ", ".join("?" for _ in emptied)
            db.execute(f"DELETE FROM cuts WHERE id IN ({marks})", sorted(emptied))
        return written


def group_new_events(db: sqlite_utils.Database) -> None:
    """``update_cuts`` at the end of a poll (or inside a caller's write): a grouping bug must never cost a
    poll its stories, so a failure rolls back the grouping alone, is logged, and the events stay waiting
    for the next poll, reader or retag."""
    inside = db.conn.in_transaction
    try:
        if inside:
            db.execute("SAVEPOINT group_cuts")
            try:
                update_cuts(db)
            except Exception:
                db.execute("ROLLBACK TO SAVEPOINT group_cuts")
                raise
            finally:
                db.execute("RELEASE SAVEPOINT group_cuts")
        else:
            update_cuts(db)  # its own transaction, taken only when something waits, rolled back on error
    except Exception:
        log.exception("could not group the new stories into cuts; they wait for the next poll or retag")


def _rebuild(db: sqlite_utils.Database) -> int:
    old = {
        (article_id, company.casefold()): cut_id
        for cut_id, article_id, company in db.execute("SELECT id, first_article_id, company FROM cuts")
    }
    next_id = (
        1
        + db.execute(  # ids are never reused, rebuild or not
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'cuts'), 0), "
            "coalesce((SELECT max(id) FROM cuts), 0))"
        ).fetchone()[0]
    )
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
