"""The poller's writes: each feed's outcome whole or not at all, in one thread.

``StoreThread`` owns a single worker thread and the SQLite connection opened in it (connections
are per thread), so the event loop never blocks on the database and a poll's writes never race
each other. Another process (the app, a cron poll) may write at the same time: the busy timeout
and ``BEGIN IMMEDIATE`` make the writers queue instead of failing.

Feeds' writes that wait for the thread together share one transaction (``write``), each in its own
savepoint: a feed whose write fails is undone alone, and a commit costs once per batch rather than
once per feed (a third of a cold poll's storing time). A caller hears of its write only once the
batch is committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from tui.poll.parse import ParsedFeed
from tui.store.articles import WriteCounts, store_entries
from tui.store.db import open_db, write_transaction
from tui.store.feeds import record_poll
from tui.store.tags import ExtractionLike, Tagger

log = logging.getLogger(__name__)
T = TypeVar("T")


class StoreThread:
    """One thread, one connection: every database call of a poll goes through ``call``."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="layoffs-store")
        self.db: sqlite_utils.Database | None = None
        self.lock = threading.Lock()
        self.pending: list[_Write] = []
        self.draining = False

    def _run(self, function: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        if self.db is None:
            self.db = open_db(self.db_path)
        return function(self.db, *args, **kwargs)

    async def call(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``function(db, *args, **kwargs)`` in the store thread."""
        return await asyncio.get_running_loop().run_in_executor(
            self.executor, self._run, function, args, kwargs)

    async def write(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run the write ``function(db, *args, **kwargs)`` in the store thread, in one transaction with
        the other writes waiting then; returns once that transaction is committed."""
        loop = asyncio.get_running_loop()
        write = _Write(function, args, kwargs, loop, loop.create_future())
        with self.lock:
            self.pending.append(write)
            start = not self.draining
            self.draining = True
        if start:
            try:
                self.executor.submit(self._drain)
            except RuntimeError:  # closed: nothing will write it
                with self.lock:
                    self.pending.remove(write)
                    self.draining = False
                raise
        return await write.future

    def _drain(self) -> None:
        """In the store thread: the waiting writes, ``BATCH_WRITES`` at a time, one transaction each.

        Between batches the thread takes its other work (reads) in turn; once the poll is closing and
        the thread takes no new work, the rest is written at once rather than dropped.
        """
        while True:
            with self.lock:
                batch, self.pending = self.pending[:BATCH_WRITES], self.pending[BATCH_WRITES:]
            self._write_batch(batch)
            with self.lock:
                if not self.pending:
                    self.draining = False
                    return
            try:
                self.executor.submit(self._drain)
                return
            except RuntimeError:  # close() was called: no new work is taken, so finish here
                continue

    def _write_batch(self, batch: list[_Write]) -> None:
        outcomes: list[list[Any]] = []  # [write, result, failure]

        def fail_stored(error: BaseException) -> None:
            for outcome in outcomes:
                if outcome[2] is None:
                    outcome[1:] = [None, error]

        db = None
        try:
            if self.db is None:
                self.db = open_db(self.db_path)
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            for write in batch:
                try:
                    outcomes.append([write, write.function(db, *write.args, **write.kwargs), None])
                except Exception as error:  # noqa: BLE001 - handed to its caller
                    undone = not db.conn.in_transaction  # SQLite undid the whole batch (a full disk)
                    if undone:
                        fail_stored(error)
                    outcomes.append([write, None, error])
                    if undone:
                        db.execute("BEGIN IMMEDIATE")
            db.execute("COMMIT")
        except Exception as error:  # noqa: BLE001 - the batch could not begin or commit: none of it landed
            if db is not None and db.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            fail_stored(error)
            outcomes += [[write, None, error] for write in batch[len(outcomes):]]
        for write, result, failure in outcomes:
            with contextlib.suppress(RuntimeError):  # the caller's loop has closed (a cancelled poll)
                write.loop.call_soon_threadsafe(write.settle, result, failure)

    def _close(self) -> None:
        if self.db is not None:
            self.db.conn.close()
            self.db = None

    def close(self) -> None:
        """Close the connection in its own thread; does not wait for the thread to end."""
        self.executor.submit(self._close)
        self.executor.shutdown(wait=False)


BATCH_WRITES = 20
"""Feeds written in one transaction at most: enough to share the commit, short enough that the app's
own writes (read marks) never wait long for the poller."""


@dataclass
class _Write:
    """One write waiting for the store thread, and how to tell its caller."""

    function: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[Any]

    def settle(self, result: Any, failure: BaseException | None) -> None:
        if self.future.done():  # the caller was cancelled meanwhile
            return
        if failure is not None:
            self.future.set_exception(failure)
        else:
            self.future.set_result(result)


def safe_tagger(tagger: Tagger | None) -> Tagger | None:
    """A tagger whose bugs cost an article its tags, never the feed its articles."""
    if tagger is None:
        return None

    def tag(title: str, summary: str, published: str | None) -> ExtractionLike:
        try:
            return tagger(title, summary, published)
        except Exception:
            log.exception("the extractor failed on %r", title[:80])
            return _NoLayoff()

    return tag


class _NoLayoff:
    layoff = False
    events: tuple[Any, ...] = ()


def write_feed(db: sqlite_utils.Database, feed_id: int, parsed: ParsedFeed, *, now: datetime,
               tagger: Tagger | None, http_status: int, etag: str | None, last_modified: str | None,
               body_hash: str) -> WriteCounts:
    """A 200 with a parsed feed: articles and validators land together or not at all."""
    with write_transaction(db):
        counts = store_entries(db, feed_id, parsed.entries, now, tagger, parsed.extractions)
        status = "new" if counts.new else "updated" if counts.updated else "unchanged"
        record_poll(db, feed_id, now=now, status=status, http_status=http_status, etag=etag,
                    last_modified=last_modified, body_hash=body_hash, title=parsed.title or None)
    return counts


def write_outcome(db: sqlite_utils.Database, feed_id: int, *, now: datetime, status: str,
                  http_status: int | None, error: str | None = None, etag: str | None = None,
                  last_modified: str | None = None, retry_after_until: datetime | None = None) -> None:
    """Anything but a stored 200: a 304, an unchanged body, or an error (validators kept)."""
    with write_transaction(db):
        record_poll(db, feed_id, now=now, status=status, http_status=http_status, error=error,
                    etag=etag, last_modified=last_modified, retry_after_until=retry_after_until,
                    keep_validators=error is not None)
