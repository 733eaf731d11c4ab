"""The alerts' memory (migration 4): which watched cuts were alerted with which figure, and the newest
cut id the last check saw. ``tui.watch.alerts`` decides; this module only reads and writes."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

import sqlite_utils

from tui.cuts import CutFigure
from tui.store.cut_queries import _whole

NEWEST_CUT_SQL = (
    "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'cuts'), 0), "
    "coalesce((SELECT max(id) FROM cuts), 0))"
)
"""Cut ids are never reused (AUTOINCREMENT), so the sequence, not ``max(id)``, is the newest ever given."""


@dataclass(frozen=True)
class CutState:
    """A watched cut as it is now, beside what was last recorded of it (None: never)."""

    cut_id: int
    company: str
    parent: str | None
    figure: CutFigure
    recorded: CutFigure | None


def newest_cut_id(db: sqlite_utils.Database) -> int:
    """The highest cut id ever given out."""
    return int(db.execute(NEWEST_CUT_SQL).fetchone()[0])


def alert_mark(db: sqlite_utils.Database) -> int:
    """The newest cut id the last alert check saw; cuts above it came after."""
    row = db.execute("SELECT last_cut_id FROM alert_mark WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def set_alert_mark(db: sqlite_utils.Database, cut_id: int) -> None:
    db.execute("INSERT OR REPLACE INTO alert_mark (id, last_cut_id) VALUES (1, ?)", [cut_id])


def unrecorded_cuts(db: sqlite_utils.Database, companies: Collection[str]) -> list[CutState]:
    """Cuts of ``companies`` (names as stored) never recorded, or whose figure differs from the recorded one."""
    names = sorted(companies)
    states: list[CutState] = []
    for start in range(0, len(names), 400):
        chunk = names[start : start + 400]
        rows = db.execute(
            "SELECT c.id, c.company, c.parent, c.headcount, c.headcount_kind, c.percent, "
            "al.cut_id IS NOT NULL, al.headcount, al.headcount_kind, al.percent "
            "FROM cuts AS c LEFT JOIN alerts AS al ON al.cut_id = c.id "
            f"WHERE c.company IN ({', '.join('?' for _ in chunk)}) AND (al.cut_id IS NULL "
            "OR al.headcount IS NOT c.headcount OR al.headcount_kind IS NOT c.headcount_kind "
            "OR al.percent IS NOT c.percent) ORDER BY c.id",
            chunk,
        )
        for (
            cut_id,
            company,
            parent,
            headcount,
            kind,
            percent,
            recorded,
            old_count,
            old_kind,
            old_percent,
        ) in rows:
            states.append(
                CutState(
                    cut_id,
                    company,
                    parent,
                    CutFigure(headcount, kind, _whole(percent)),
                    CutFigure(old_count, old_kind, _whole(old_percent)) if recorded else None,
                )
            )
    return sorted(states, key=lambda state: state.cut_id)


def record_cuts(db: sqlite_utils.Database, states: Iterable[tuple[CutState, bool]], at: str) -> None:
    """Remember each cut's current figure; ``given``: an alert went out (else recorded silently)."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO alerts (cut_id, company, headcount, headcount_kind, percent, given, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                state.cut_id,
                state.company,
                state.figure.headcount,
                state.figure.headcount_kind,
                state.figure.percent,
                int(given),
                at,
            )
            for state, given in states
        ],
    )


def vague_evidence(db: sqlite_utils.Database, cut_id: int) -> list[str]:
    """The sentences behind a cut's vague figure ("hundreds of jobs"), oldest story first."""
    return [
        row[0]
        for row in db.execute(
            "SELECT e.evidence FROM events AS e INDEXED BY idx_events_cut JOIN articles AS a ON a.id = e.article_id "
            "WHERE e.cut_id = ? AND e.headcount_kind = 'vague' ORDER BY a.published, e.id LIMIT 20",
            [cut_id],
        )
    ]
