"""Many result rows fetched in one step, for the queries the app's workers run while the screen paints.

Python's sqlite3 gives up the GIL around every step, one per row, and takes it back after: while the
main thread paints, each take-back can wait out the interpreter's switch interval (5 ms), so the 300
lines of a pane's counts took ten times their 25 ms of SQL at the app's start. SQLite packs the rows
into one JSON array instead, which one step returns and ``json.loads`` unpacks without letting go.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlite_utils


def packed_rows(
    db: sqlite_utils.Database, sql: str, params: Sequence[Any], columns: Sequence[str]
) -> list[list[Any]]:
    """The rows of ``sql`` (whose result ``columns`` are named by these aliases), in its order, as
    lists of the columns' values."""
    values = ", ".join(f'"{column}"' for column in columns)
    packed = db.execute(
        f"SELECT json_group_array(json_array({values})) FROM ({sql})", list(params)
    ).fetchone()[0]
    return json.loads(packed)
