"""Answers remembered until the database changes, so a key that does not change what a search matches
does not count it again: "reven", "revenu" and "revenue" all stand for the stored word ``revenu``
(``tui.store.search_terms``), and counting a million articles' matches three times over is the
slowest thing the app does.

A connection notices every change committed since it last looked: other connections' commits move
its ``PRAGMA data_version``, its own move ``total_changes`` (no connection is shared between
threads, so each is asked by one thread). Whichever connection of this process notices a change
first forgets everything remembered about that database file; an answer is remembered only when its
connection saw no change while computing it and nothing was forgotten meanwhile. Connections to no
file (``:memory:``) remember nothing.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import sqlite_utils

T = TypeVar("T")

LIMIT = 64
"""Answers kept at most (the least recently used go first): a few words' keys, and their filters."""

_lock = threading.Lock()
_answers: OrderedDict[tuple[str, Hashable], object] = OrderedDict()
_generation = 0
"""Moves on every forgetting: an answer computed across one is not kept."""
_seen: weakref.WeakKeyDictionary[sqlite_utils.Database, tuple[int, int]] = weakref.WeakKeyDictionary()
"""Each connection's version when it last looked."""


def _version(db: sqlite_utils.Database) -> tuple[int, int]:
    return db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes


_files: weakref.WeakKeyDictionary[sqlite_utils.Database, str] = weakref.WeakKeyDictionary()
"""Each connection's file, asked once (every statement from a worker thread waits for the GIL, which
the app's thread holds while it paints)."""


def _file(db: sqlite_utils.Database) -> str:
    """The database file of ``db`` ("" for one in memory)."""
    with _lock:
        known = _files.get(db)
    if known is not None:
        return known
    file = next((file or "" for _, name, file in db.execute("PRAGMA database_list") if name == "main"), "")
    with _lock:
        _files[db] = file
    return file


def _forget(path: str) -> None:
    global _generation
    for key in [key for key in _answers if key[0] == path]:
        del _answers[key]
    _generation += 1


def remembered(db: sqlite_utils.Database, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``'s answer for ``key`` about ``db``'s file, from memory while nothing changed.

    The answer is shared between threads: it must not be changed by those who get it.
    """
    path = _file(db)
    if not path:
        return compute()
    before = _version(db)
    with _lock:
        if _seen.get(db) != before:
            _forget(path)
            _seen[db] = before
        elif (path, key) in _answers:
            _answers.move_to_end((path, key))
            return _answers[(path, key)]  # type: ignore[return-value]
        generation = _generation
    answer = compute()
    with _lock:
        if generation == _generation and _version(db) == before:
            _answers[(path, key)] = answer
            while len(_answers) > LIMIT:
                _answers.popitem(last=False)
    return answer
