"""Where parsing runs: a small process pool, started only when there is parsing to do.

feedparser is pure Python and holds the GIL; in a thread it would slow the event loop that drives
the fetching (and, in the app, the screen). Worker processes parse in parallel on the other cores.
They are started with "spawn" (forking a process that runs threads, as the app does, is unsafe)
and only on the first body that needs parsing, so a poll where everything is 304 never pays for them.

Workers never outlive the poll: each watches its parent and exits when it is gone (a ``kill -9`` or a
cron ``timeout`` of the poll), which also lets multiprocessing's resource tracker end; ``close`` waits
for them, so none is still shutting down while the interpreter exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from datetime import datetime
from typing import Any, Literal, TypeVar

from tui.models import EntryRecord
from tui.poll.parse import ParsedFeed, parse_feed
from tui.poll.tagging import ready_to_tag, tag_entries

log = logging.getLogger(__name__)
ParseMode = Literal["process", "thread"]
T = TypeVar("T")
PARENT_CHECK_SECONDS = 0.5
"""How often a worker looks whether the poll that started it is still alive."""


def _exit_when_orphaned(parent_pid: int) -> None:
    """Exit this worker once its parent is gone (then the parent pid changes to init's or a reaper's).

    A killed poll cannot tell its workers to stop, and they would wait for work forever, each holding
    a whole Python process and keeping the resource tracker alive.
    """
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _warm_up(parent_pid: int) -> None:
    """Per worker, before the first job: watch the parent, and import feedparser once."""
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), daemon=True,
                     name="layoffs-parent-watch").start()
    import feedparser  # noqa: F401


@contextlib.contextmanager
def _without_main_script() -> Iterator[None]:
    """Workers started meanwhile do not run the program's main script.

    With "spawn", multiprocessing runs the parent's ``__main__`` file again in each new worker (as
    ``__mp_main__``), in case a job's function was defined there. Ours all live in ``tui``, and the
    ``layoffs-tui`` script imports the whole command line (every command and the extractor): 0.4 s of
    CPU and tens of MB per worker, for nothing. Without a ``__file__`` the worker skips it.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if path is None or getattr(main, "__spec__", None) is not None:  # run with -m: spawn skips it already
        yield
        return
    main.__file__ = None  # type: ignore[union-attr]
    try:
        yield
    finally:
        main.__file__ = path  # type: ignore[union-attr]


def parse_and_tag(body: bytes, headers: dict[str, str], url: str, fetched: datetime) -> ParsedFeed:
    """``parse_feed`` and ``tag_entries`` of every entry in one job, for a feed with nothing stored
    yet: every entry is new, so the runner need not look up fingerprints between the two, and the
    entries cross between the processes once instead of three times."""
    parsed = parse_feed(body, headers, url)
    if parsed.error or not parsed.entries:
        return parsed
    return replace(parsed, extractions=tag_entries(parsed.entries, fetched))


def default_workers(cores: int | None = None) -> int:
    """Parse processes: one per core but one, at least one and at most 4 (each is a whole Python process).

    The polling process keeps a core busy itself (HTTP on the event loop, SQLite in the store thread:
    as much CPU as a worker on a cold poll), so a worker per core made three busy processes share two
    cores; on this project's 2-core machine one worker polled faster (3.2-4.1 s against 3.7-4.1 s,
    200 feeds cold) with less CPU and 50 MB less memory (issue 14).
    """
    cores = cores if cores is not None else os.cpu_count() or 1
    return max(1, min(4, cores - 1))


class ParsePool:
    """Runs ``parse_feed`` off the event loop; falls back to a thread if processes are unavailable."""

    def __init__(self, mode: ParseMode = "process", workers: int | None = None) -> None:
        self.mode = mode
        self.workers = workers or default_workers()
        self.executor: Executor | None = None

    def _executor(self) -> Executor:
        if self.executor is None:
            if self.mode == "process":
                try:
                    self.executor = ProcessPoolExecutor(
                        self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_warm_up,
                        initargs=(os.getpid(),))
                except (OSError, NotImplementedError, ImportError):
                    self.mode = "thread"
            if self.executor is None:
                self.executor = ThreadPoolExecutor(1, thread_name_prefix="layoffs-parse")
        return self.executor

    async def parse(self, body: bytes, headers: dict[str, str], url: str) -> ParsedFeed:
        """``tui.poll.parse.parse_feed`` in a worker."""
        return await self._run(parse_feed, body, headers, url)

    async def parse_and_tag(self, body: bytes, headers: dict[str, str], url: str,
                            fetched: datetime) -> ParsedFeed:
        """``parse_and_tag`` in a worker: a feed's first document, parsed and tagged in one job."""
        return await self._run(parse_and_tag, body, headers, url, fetched)

    async def start_tagging(self) -> bool:
        """Start a worker and load the extractor in it now, ahead of the first body.

        A cold poll's first document arrives after the command line has started and a round trip;
        starting the worker and loading the extractor then (0.35 s of CPU) delayed every document
        behind it. Called only when some feed was never stored (a poll of 304s needs no worker).
        """
        try:
            return await self._run(ready_to_tag)
        except Exception as error:  # noqa: BLE001 - the feeds' own jobs meet it again and say so
            log.warning("the parse worker could not load the extractor ahead of time (%s)", error)
            return False

    async def tag(self, entries: Sequence[EntryRecord], fetched: datetime) -> dict[str, Any]:
        """``tui.poll.tagging.tag_entries`` in a worker: extractions by guid."""
        return await self._run(tag_entries, tuple(entries), fetched)

    async def _run(self, function: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        try:
            with _without_main_script():  # workers start inside submit(), on demand
                future = loop.run_in_executor(self._executor(), function, *args)
            return await future
        except (BrokenProcessPool, RuntimeError, ValueError, OSError):
            # A worker died (out of memory, killed), or processes cannot be started here: a script
            # without an ``if __name__ == "__main__"`` guard (RuntimeError), or a host that replaced
            # sys.stderr so multiprocessing's resource tracker cannot start (ValueError: bad value(s)
            # in fds_to_keep, as inside a Textual app). Work in a thread and keep going.
            if self.executor is not None:
                self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None
            self.mode = "thread"
            return await loop.run_in_executor(self._executor(), function, *args)

    def close(self) -> None:
        """Stop the workers and wait for them to exit; pending jobs are cancelled. Safe to call twice.

        Waiting matters: a pool left shutting down while the interpreter exits races its own pipes
        ("OSError: [Errno 9] Bad file descriptor" at the end of ``layoffs-tui poll``).
        """
        if self.executor is not None:
            executor, self.executor = self.executor, None
            executor.shutdown(wait=True, cancel_futures=True)
