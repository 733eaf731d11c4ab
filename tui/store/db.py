"""Opening the database: WAL, a busy timeout, migrations, and ``BEGIN IMMEDIATE`` transactions.

The connection runs in autocommit mode (``isolation_level=None``) so that we, not the sqlite3
module, decide where transactions start. Writers take the lock up front with ``BEGIN IMMEDIATE``:
a plain ``BEGIN`` upgrades to a write lock later and fails at once (SQLITE_BUSY, no retry) when
another process wrote in between, which under WAL is exactly the poll-while-the-app-is-open case.
One connection per thread: sqlite3 connections are not shared.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlite_utils

from tui.errors import StoreError
from tui.store.schema import SCHEMA_VERSION, migrate

BUSY_TIMEOUT_MS = 30_000
CANCEL_CHECK_STEPS = 20_000
"""SQLite steps between two looks at whether a read is still wanted (a few milliseconds of work: each
look takes the GIL, so looking more often would slow the query while the screen repaints)."""


class QueryCancelled(Exception):
    """A read was stopped half-way because its answer is no longer wanted (a newer key was typed)."""


_FAULTS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("locked", "busy"), "the database is busy",
     "the database is busy (another program holds a write lock); try again"),
    (("disk is full",), "the disk is full",
     "the disk is full; free some space and try again (nothing was lost)"),
    (("readonly", "read-only"), "the database is read-only",
     "the database is read-only; check the file's permissions"),
    (("not a database", "malformed"), "the database is damaged",
     "not a layoffs-tui database, or damaged ({text}); pass another --db"),
    (("unable to open",), "the database cannot be opened",
     "cannot open the database; check that the folder exists and is writable"),
    (("disk i/o error",), "the disk failed",
     "the disk failed to read or write the database (disk I/O error); check the disk"),
)
"""What SQLite says when the fault is the user's machine (a full disk, a held lock, a read-only or damaged
file), not our code: its words, a short phrase, and the sentence that says what to do."""


def _fault(error: sqlite3.Error) -> tuple[str, str] | None:
    text = str(error).lower()
    for words, short, sentence in _FAULTS:
        if any(word in text for word in words):
            return short, sentence
    return None


def sqlite_fault(error: sqlite3.Error) -> str | None:
    """A short phrase ("the disk is full") for a fault of the user's machine; None for any other error."""
    fault = _fault(error)
    return fault[0] if fault else None


def describe_sqlite_error(path: Path | str, error: sqlite3.Error) -> str:
    """A sentence a person understands for the errors a user's environment causes."""
    fault = _fault(error)
    if fault is None:
        return f"{path}: database error: {error}"
    return f"{path}: " + fault[1].format(text=str(error))


def store_error(path: Path | str, error: BaseException) -> StoreError | None:
    """Our ``StoreError`` (exit status 1: the environment failed, not the user's input) for SQLite's
    report of a fault of the user's machine; None for anything else, which is a bug and keeps its
    traceback."""
    if not isinstance(error, sqlite3.Error) or _fault(error) is None:
        return None
    problem = StoreError(describe_sqlite_error(path, error))
    problem.exit_code = 1
    return problem


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, retrying: SQLite answers "locked" at once, without calling the busy handler,
    when two connections create a new database together (two polls, or the app and a cron poll)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)


def schema_behind(path: Path | str) -> bool:
    """True when a layoffs-tui database at ``path`` lacks migrations, which opening it will run (at a
    million stories, rebuilding the search index takes a minute or two: worth saying first)."""
    if not Path(path).is_file():
        return False
    try:
        conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return 0 < version < SCHEMA_VERSION


def open_db(path: Path | str, *, migrate_schema: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path``, migrated to the current schema."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _enable_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # No sqlite-utils plugins: looking for them reads every installed package's metadata, tens of
        # milliseconds of the app's start spent on the worker thread that opens the database.
        db = sqlite_utils.Database(conn, execute_plugins=False)
        if migrate_schema:
            migrate(db)
    except sqlite3.Error as error:
        problem = StoreError(describe_sqlite_error(path, error))
        problem.fault = sqlite_fault(error)
        raise problem from None
    except OSError as error:
        raise StoreError(f"{path}: cannot create the database: {error.strerror}") from None
    return db


@contextlib.contextmanager
def cancellable(db: sqlite_utils.Database, cancelled: Callable[[], bool]) -> Iterator[sqlite_utils.Database]:
    """Reads inside stop soon after ``cancelled()`` turns True, raising ``QueryCancelled``: a search
    superseded by the next key must not keep a core busy counting matches no one will see."""
    db.conn.set_progress_handler(lambda: 1 if cancelled() else 0, CANCEL_CHECK_STEPS)
    try:
        yield db
    except sqlite3.OperationalError as error:
        if "interrupted" in str(error) and cancelled():
            raise QueryCancelled from None
        raise
    finally:
        db.conn.set_progress_handler(None, CANCEL_CHECK_STEPS)


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One ``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any error, so a batch lands whole or not.

    Inside a transaction already (the poller writes several feeds in one), a savepoint instead: this
    part is undone on error and the rest of the transaction stays.
    """
    if db.conn.in_transaction:
        yield from _savepoint(db)
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    else:
        db.execute("COMMIT")


def _savepoint(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    db.execute("SAVEPOINT nested_write")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:  # SQLite may have rolled the whole transaction back (disk full)
            db.execute("ROLLBACK TO SAVEPOINT nested_write")
            db.execute("RELEASE SAVEPOINT nested_write")
        raise
    else:
        db.execute("RELEASE SAVEPOINT nested_write")
