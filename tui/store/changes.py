"""Noticing what other programs wrote: ``layoffs-tui poll`` from cron while the app is open.

SQLite's ``PRAGMA data_version`` changes on a connection whenever another connection has committed
to the database since the last time it was asked; reading it costs microseconds and no table.
The watcher keeps one connection for that (used by one thread at a time), so the app can look every
few seconds and refresh only when something changed.
"""

from __future__ import annotations

import threading
from pathlib import Path

import sqlite_utils

from tui.store.db import open_db


class ChangeWatcher:
    """``changed()`` is True when another connection committed since the previous call."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self._db: sqlite_utils.Database | None = None
        self._version: int | None = None
        self._lock = threading.Lock()
        """The app asks from a worker thread and closes from its own: closing a connection while another
        thread runs a statement on it crashes the interpreter, so both take this lock."""
        self._closed = False

    def _data_version(self) -> int:
        if self._db is None:
            self._db = open_db(self.path, migrate_schema=False)
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def take_baseline(self) -> None:
        """Remember the database's version now, unless one is remembered already: what is read after
        this call is then never newer than what ``changed()`` compares against."""
        with self._lock:
            if not self._closed and self._version is None:
                self._version = self._data_version()

    def changed(self) -> bool:
        """Whether the database changed since the last call (False on the first, and once closed)."""
        with self._lock:
            if self._closed:
                return False
            version = self._data_version()
            changed = self._version is not None and version != self._version
            self._version = version
            return changed

    def close(self) -> None:
        """Close the watcher's connection for good (a worker still asking waits, then gets False)."""
        with self._lock:
            self._closed = True
            if self._db is not None:
                self._db.conn.close()
                self._db = None
                self._version = None
