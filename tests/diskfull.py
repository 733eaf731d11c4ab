"""A full disk for one SQLite database, without root and on any system.

A real full disk makes SQLite fail when it writes the transaction's pages (in WAL mode: at COMMIT,
when the frames are appended to the -wal file) with ``sqlite3.OperationalError: database or disk is
full`` (SQLITE_FULL), while reads go on working. ``PRAGMA max_page_count`` only fails writes that grow
the database file, not the in-place updates of a read mark, so this goes one level lower: every
connection the program opens to the database is a ``sqlite3.Connection`` subclass (the ``factory``
argument of ``sqlite3.connect``) whose COMMIT of a transaction that changed rows fails as SQLite's
does, the transaction rolled back. Set ``full`` to False to free space again.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

SQLITE_FULL = 13


def full_error() -> sqlite3.OperationalError:
    """The exception SQLite raises on a full disk, with its code and name."""
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = SQLITE_FULL  # type: ignore[attr-defined]
    error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
    return error


@dataclass
class Disk:
    """The state of the simulated disk; ``commits_refused`` counts the writes it refused."""

    full: bool = True
    commits_refused: int = 0


def install(monkeypatch: pytest.MonkeyPatch, db_path: Path, disk: Disk) -> Disk:
    """Connections opened from now on to ``db_path`` (by the program, in any thread) see ``disk``."""
    target = Path(db_path).resolve()
    real_connect = sqlite3.connect

    class FullDiskConnection(sqlite3.Connection):
        _changes_at_begin = 0

        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
            statement = sql.strip().upper()
            if statement.startswith("BEGIN"):
                self._changes_at_begin = self.total_changes
            elif statement == "COMMIT" and disk.full and self.total_changes != self._changes_at_begin:
                super().execute("ROLLBACK")
                disk.commits_refused += 1
                raise full_error()
            return super().execute(sql, *args)

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if isinstance(database, (str, Path)) and Path(database).resolve() == target:
            kwargs.setdefault("factory", FullDiskConnection)
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    return disk


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch):
    """``full_disk(db_path)`` fills the disk under that database; returns the ``Disk`` to free it."""
    return lambda db_path, full=True: install(monkeypatch, db_path, Disk(full=full))
