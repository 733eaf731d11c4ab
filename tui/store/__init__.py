"""The SQLite store: schema, connections and the queries the rest of the program asks.

Tables ``feeds``, ``articles``, ``events`` and ``event_removals`` (see README "Data").
"""

from __future__ import annotations

from tui.store.db import open_db, write_transaction

__all__ = ["open_db", "write_transaction"]
