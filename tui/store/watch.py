"""The watchlist's reads of the store: which companies have cuts, and how many each.

The alerts' own table is in ``tui.store.alerts``; this module only reads ``cuts``.
"""

from __future__ import annotations

import sqlite_utils


def cut_companies(db: sqlite_utils.Database) -> list[tuple[str, str | None, int]]:
    """(company, parent, number of cuts) for every company with a stored cut: the names a watched name
    is checked against (one scan of ``cuts``, which holds one row per cut, not per story)."""
    return [
        (company, parent, count)
        for company, parent, count in db.execute(
            "SELECT company, parent, count(*) FROM cuts GROUP BY company, parent ORDER BY company, parent"
        )
    ]
