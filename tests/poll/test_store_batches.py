"""The store thread writes the feeds that wait for it in one transaction, each whole or not at all."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from tests import diskfull
from tui.poll.storing import BATCH_WRITES, StoreThread
from tui.store.db import open_db, write_transaction


def _note(db: sqlite_utils.Database, label: str, fail: bool = False) -> str:
    """A write like a feed's: its own write transaction (a savepoint inside a batch)."""
    with write_transaction(db):
        db.execute("INSERT INTO notes (label) VALUES (?)", [label])
        if fail:
            raise ValueError(f"{label} is refused")
    return label


def _prepare(path: Path) -> None:
    db = open_db(path)
    db.execute("CREATE TABLE IF NOT EXISTS notes (label TEXT)")
    db.conn.close()


def _labels(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(label for (label,) in conn.execute("SELECT label FROM notes"))


async def _together(store: StoreThread, *writes: Coroutine[Any, Any, Any]) -> list[object]:
    """The writes, all waiting for the store thread before it takes any (it is held meanwhile)."""
    hold = threading.Event()
    held = asyncio.ensure_future(store.call(lambda db: hold.wait(5)))
    tasks = [asyncio.ensure_future(write) for write in writes]
    await asyncio.sleep(0.05)
    hold.set()
    await held
    return await asyncio.gather(*tasks, return_exceptions=True)


async def _write_all(store: StoreThread, labels: list[str], failing: set[str]) -> list[object]:
    return await _together(store, *(store.write(_note, label, label in failing) for label in labels))


def test_waiting_writes_share_one_commit(tmp_path: Path) -> None:
    path = tmp_path / "batch.db"
    _prepare(path)
    store = StoreThread(path)
    commits: list[str] = []

    async def run() -> list[object]:
        await store.call(lambda db: db.conn.set_trace_callback(
            lambda sql: commits.append(sql) if sql.strip().upper() == "COMMIT" else None))
        return await _write_all(store, [f"feed {n}" for n in range(10)], set())

    try:
        results = asyncio.run(run())
    finally:
        store.close()
    assert results == [f"feed {n}" for n in range(10)]
    assert _labels(path) == sorted(f"feed {n}" for n in range(10))
    assert len(commits) == 1


def test_a_failing_write_is_undone_alone(tmp_path: Path) -> None:
    path = tmp_path / "batch.db"
    _prepare(path)
    store = StoreThread(path)
    try:
        results = asyncio.run(_write_all(store, ["a", "b", "c", "d"], {"b"}))
    finally:
        store.close()
    assert results[0] == "a" and results[2:] == ["c", "d"]
    assert isinstance(results[1], ValueError)
    assert _labels(path) == ["a", "c", "d"]


def test_a_batch_the_disk_refuses_tells_every_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A commit that fails undoes the whole batch: no write in it may report success."""
    path = tmp_path / "batch.db"
    _prepare(path)
    disk = diskfull.install(monkeypatch, path, diskfull.Disk(full=True))
    store = StoreThread(path)
    try:
        results = asyncio.run(_write_all(store, ["a", "b", "c"], set()))
    finally:
        store.close()
    assert all(isinstance(result, sqlite3.OperationalError) and "full" in str(result) for result in results)
    assert disk.commits_refused >= 1
    assert _labels(path) == []


def test_a_write_whose_error_ends_the_transaction_fails_the_writes_before_it(tmp_path: Path) -> None:
    """SQLite rolls a whole transaction back on some errors (a full disk mid-write): the writes done
    earlier in the batch were undone with it and must say so; the ones after it still land."""
    path = tmp_path / "batch.db"
    _prepare(path)
    store = StoreThread(path)

    def ends_transaction(db: sqlite_utils.Database) -> None:
        db.execute("ROLLBACK")
        raise sqlite3.OperationalError("database or disk is full")

    async def run() -> list[object]:
        return await _together(store, store.write(_note, "before"), store.write(ends_transaction),
                               store.write(_note, "after"))

    try:
        results = asyncio.run(run())
    finally:
        store.close()
    assert [type(result).__name__ for result in results] == ["OperationalError", "OperationalError", "str"]
    assert _labels(path) == ["after"]


def test_closing_with_many_writes_waiting_writes_them_all(tmp_path: Path) -> None:
    """A poll cancelled with more than a batch of writes waiting (Ctrl-C, quitting the app) closes the
    store thread; what was queued is still written, not dropped with the batches not yet begun."""
    path = tmp_path / "batch.db"
    _prepare(path)
    store = StoreThread(path)
    waiting = BATCH_WRITES * 2 + 5

    async def run() -> None:
        hold = threading.Event()
        held = asyncio.ensure_future(store.call(lambda db: hold.wait(5)))
        tasks = [asyncio.ensure_future(store.write(_note, f"feed {n}")) for n in range(waiting)]
        await asyncio.sleep(0.05)
        for task in tasks:
            task.cancel()
        store.close()
        hold.set()
        await asyncio.gather(held, *tasks, return_exceptions=True)

    asyncio.run(run())
    for thread in list(store.executor._threads):  # type: ignore[attr-defined]
        thread.join(10)
    assert len(_labels(path)) == waiting
