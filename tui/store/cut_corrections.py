"""Hand corrections of the grouping: merge cuts, split a story off a cut. ``retag`` keeps both.

They are stored against reports — (article id, company) — never against cut or event ids, which a
rebuild renumbers: ``cut_merges`` puts reports in one merge group (they share a cut whatever the rule
says), ``cut_splits`` marks a story that stands alone. ``tui.cuts.grouping`` applies them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

from tui.errors import LayoffsError
from tui.store.cut_reports import reports_where
from tui.store.cuts import update_cuts
from tui.store.db import write_transaction


class CutError(LayoffsError):
    """A correction names a cut or story that does not exist, or asks for something that cannot be."""


def _require_cut(db: sqlite_utils.Database, cut_id: int) -> None:
    if db.execute("SELECT 1 FROM cuts WHERE id = ?", [cut_id]).fetchone() is None:
        raise CutError(f"no cut with id {cut_id}; `layoffs-tui cuts list` shows the ids")


def merge_cuts(db: sqlite_utils.Database, target: int, others: Sequence[int]) -> int:
    """Make ``others`` part of cut ``target`` for good; returns how many stories the merged cut has.

    Every report of the cuts involved joins one merge group (groups they were already in are joined
    too), so a ``retag`` puts them back together.
    """
    others = list(dict.fromkeys(other for other in others if other != target))
    if not others:
        raise CutError(f"give at least one other cut to merge into cut {target}")
    update_cuts(db)
    with write_transaction(db):
        for cut_id in (target, *others):
            _require_cut(db, cut_id)
        ids = [target, *others]
        marks = ", ".join("?" for _ in ids)
        keys = db.execute(
            f"SELECT DISTINCT article_id, company FROM events WHERE cut_id IN ({marks})", ids
        ).fetchall()
        existing = sorted(
            {
                row[0]
                for row in db.execute(
                    f"SELECT DISTINCT m.merge_group FROM cut_merges AS m JOIN events AS e ON e.article_id = m.article_id "
                    f"AND e.company = m.company WHERE e.cut_id IN ({marks})",
                    ids,
                )
            }
        )
        if existing:
            group = existing[0]
            group_marks = ", ".join("?" for _ in existing)
            db.execute(
                f"UPDATE cut_merges SET merge_group = ? WHERE merge_group IN ({group_marks})",
                [group, *existing],
            )
        else:
            group = db.execute("SELECT coalesce(max(merge_group), 0) + 1 FROM cut_merges").fetchone()[0]
        db.conn.executemany(
            "INSERT OR REPLACE INTO cut_merges (article_id, company, merge_group) VALUES (?, ?, ?)",
            [(article_id, company, group) for article_id, company in keys],
        )
        other_marks = ", ".join("?" for _ in others)
        db.execute(f"UPDATE events SET cut_id = NULL WHERE cut_id IN ({other_marks})", others)
        db.execute(f"DELETE FROM cuts WHERE id IN ({other_marks})", others)
        db.execute("UPDATE cuts SET stale = 1 WHERE id = ?", [target])
        update_cuts(db)
        return db.execute("SELECT sources FROM cuts WHERE id = ?", [target]).fetchone()[0]


def split_story(db: sqlite_utils.Database, cut_id: int, article_id: int) -> int:
    """Take the story ``article_id`` (and the same link in other feeds) out of cut ``cut_id`` into a cut
    of its own, for good; returns the new cut's id."""
    update_cuts(db)
    with write_transaction(db):
        _require_cut(db, cut_id)
        members = [report for report, _ in reports_where(db, "e.cut_id = ?", [cut_id], by_cut=True)]
        chosen = {report.story for report in members if report.article_id == article_id}
        if not chosen:
            raise CutError(
                f"article {article_id} is not in cut {cut_id}; "
                f"`layoffs-tui cuts show {cut_id}` lists its stories"
            )
        moving = [report for report in members if report.story in chosen]
        if len(moving) == len(members):
            raise CutError(f"cut {cut_id} has no other story; there is nothing to split it from")
        pairs = [(report.article_id, report.company) for report in moving]
        db.conn.executemany("DELETE FROM cut_merges WHERE article_id = ? AND company = ?", pairs)
        db.conn.executemany("INSERT OR IGNORE INTO cut_splits (article_id, company) VALUES (?, ?)", pairs)
        db.conn.executemany(
            "UPDATE events SET cut_id = NULL WHERE id = ?", [(report.event_id,) for report in moving]
        )
        db.execute("UPDATE cuts SET stale = 1 WHERE id = ?", [cut_id])
        update_cuts(db)
        return db.execute("SELECT cut_id FROM events WHERE id = ?", [moving[0].event_id]).fetchone()[0]
