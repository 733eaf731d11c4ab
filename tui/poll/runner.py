"""``poll_feeds``: every enabled feed fetched, parsed and stored, each ending in a ``FeedResult``.

Safe on Textual's event loop: the only work done on the loop is HTTP; parsing runs in worker
processes (``ParsePool``) and SQL in one store thread (``StoreThread``). A global semaphore caps the
feeds fetched at once and a per-host one keeps us to two connections per server. One bad feed —
or a bug tripped by one — ends in that feed's error result, never in the others'.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from tui.config import Config, FeedConfig
from tui.errors import StoreError
from tui.poll.http import Fetched, FetchError, SiteClients, fetch
from tui.poll.parse import ParsedFeed
from tui.poll.results import FeedResult, PollReport
from tui.poll.storing import StoreThread, safe_tagger, write_feed, write_outcome
from tui.poll.workers import ParseMode, ParsePool
from tui.store.articles import article_fingerprints, needs_tagging
from tui.store.cuts import group_new_events
from tui.store.db import describe_sqlite_error, sqlite_fault
from tui.store.feeds import FeedState, sync_feeds
from tui.store.tags import ExtractionLike, Tagger, default_tagger
from tui.timeutil import utcnow

log = logging.getLogger(__name__)
PER_HOST = SiteClients.PER_SITE


class LazyDefaultTagger:
    """The extractor, imported on first use (a poll where nothing is new never loads it); until the
    extractor is installed it tags nothing."""

    def __init__(self) -> None:
        self.tagger: Tagger | None = None
        self.loaded = False

    def __call__(self, title: str, summary: str, published: str | None) -> ExtractionLike | None:
        if not self.loaded:
            self.loaded = True
            try:
                self.tagger = default_tagger()
            except Exception as error:  # noqa: BLE001 - missing, or broken mid-edit: store untagged
                log.warning("the extractor cannot be loaded (%s); articles are stored untagged", error)
                self.tagger = None
        return self.tagger(title, summary, published) if self.tagger else None


class _Poll:
    """The state one poll shares between its feed tasks."""

    def __init__(self, config: Config, store: StoreThread, parser: ParsePool, clients: SiteClients,
                 now: Callable[[], datetime], tagger: Tagger | None | Literal["default"],
                 on_start: Callable[[FeedConfig], None] | None) -> None:
        self.settings = config.settings
        self.store, self.parser, self.clients = store, parser, clients
        self.now, self.on_start = now, on_start
        # The default extractor runs in the parse workers; the store thread only tags what they
        # missed. A tagger passed in (tests, tools) runs in the store thread.
        self.tag_in_workers = tagger == "default"
        self.tagger = safe_tagger(LazyDefaultTagger() if tagger == "default" else tagger)  # type: ignore[arg-type]
        self.slots = asyncio.Semaphore(max(1, self.settings.concurrency))
        self.hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(PER_HOST))

    def result(self, feed: FeedConfig, status: str, started: float, *, http_status: int | None = None,
               error: str | None = None, new: int = 0, updated: int = 0, new_layoffs: int = 0,
               note: str | None = None, fault: str | None = None) -> FeedResult:
        """A ``FeedResult`` for ``feed``; ``started`` is a ``time.monotonic()`` value, 0 when the request
        never began. A ``fault`` means the database refused to record it."""
        return FeedResult(url=feed.url, name=feed.name, status=status, http_status=http_status, new=new,
                          updated=updated, new_layoffs=new_layoffs, error=error,
                          elapsed=round(time.monotonic() - started, 3) if started else 0.0, note=note,
                          recorded=fault is None, fault=fault)

    async def poll(self, feed: FeedConfig, state: FeedState) -> FeedResult:
        """One feed from request to stored result; never raises (except cancellation)."""
        started = 0.0
        try:
            now = self.now()
            if state.retry_after_until and state.retry_after_until > now:
                await self.clients.finished(feed.url)  # its site's client need not wait for it
                return self.result(feed, "skipped", 0.0, error="the server asked us to wait until "
                                   f"{state.retry_after_until:%Y-%m-%d %H:%M} UTC")
            host = (urlsplit(feed.url).hostname or "").lower()
            async with self.hosts[host], self.slots:
                if self.on_start:
                    self.on_start(feed)
                started = time.monotonic()
                try:
                    fetched = await self.fetch(feed, state, now)
                finally:
                    await self.clients.finished(feed.url)
            if isinstance(fetched, FetchError):
                await self.store.write(write_outcome, state.id, now=now, status="error",
                                       http_status=fetched.http_status, error=str(fetched),
                                       retry_after_until=fetched.retry_after)
                return self.result(feed, "error", started, http_status=fetched.http_status, error=str(fetched))
            return await self.stored(feed, state, fetched, now, started)
        except asyncio.CancelledError:
            raise
        except (sqlite3.Error, StoreError) as error:  # locked past the busy timeout, disk full, ...
            if isinstance(error, sqlite3.Error):
                message = describe_sqlite_error(self.store.db_path, error)
                fault = sqlite_fault(error) or "the database refused the write"
            else:
                message, fault = str(error), error.fault or "the database could not be opened"
            return self.result(feed, "error", started, error=f"could not store it: {message}", fault=fault)
        except Exception as error:
            log.exception("polling %s failed", feed.url)
            return self.result(feed, "error", started, error=f"unexpected error ({type(error).__name__}: "
                               f"{str(error)[:200]})")

    async def fetch(self, feed: FeedConfig, state: FeedState, now: datetime) -> Fetched | FetchError:
        """Fetch under the configured timeout; a timeout or fetch failure comes back as a ``FetchError``
        value, not raised, so one feed cannot stop the poll."""
        timeout = self.settings.timeout_seconds
        try:
            async with asyncio.timeout(timeout):
                return await fetch(self.clients.for_url(feed.url), feed.url, etag=state.etag,
                                   last_modified=state.last_modified, now=now, timeout=timeout)
        except TimeoutError:
            return FetchError(f"timed out after {timeout:g} s")
        except FetchError as error:
            return error

    async def tagged(self, state: FeedState, parsed: ParsedFeed, now: datetime) -> ParsedFeed:
        """Tags for the entries that are new or changed, computed in a worker; only the identities the
        document holds are looked up, so a feed's stored history is never read."""
        guids = [entry.guid for entry in parsed.entries]
        known = await self.store.call(article_fingerprints, state.id, guids)
        wanted = [entry for entry in parsed.entries if needs_tagging(entry, known)]
        if not wanted:
            return parsed
        return replace(parsed, extractions=await self.parser.tag(wanted, now))

    async def stored(self, feed: FeedConfig, state: FeedState, fetched: Fetched, now: datetime,
                     started: float) -> FeedResult:
        """Record a 304 or a 200 (parsing it unless the bytes are the ones we already have)."""
        if fetched.status == 304:
            await self.store.write(write_outcome, state.id, now=now, status="not_modified", http_status=304,
                                   etag=fetched.etag or state.etag,
                                   last_modified=fetched.last_modified or state.last_modified)
            return self.result(feed, "not_modified", started, http_status=304)
        body_hash = hashlib.sha256(fetched.body).hexdigest()
        if body_hash == state.body_hash:
            await self.store.write(write_outcome, state.id, now=now, status="unchanged",
                                   http_status=fetched.status, etag=fetched.etag,
                                   last_modified=fetched.last_modified)
            return self.result(feed, "unchanged", started, http_status=fetched.status)
        # A feed never stored before (a first poll) has no fingerprints to compare: parse and tag at once.
        first = self.tag_in_workers and state.body_hash is None
        if first:
            parsed = await self.parser.parse_and_tag(fetched.body, fetched.headers, fetched.url, now)
        else:
            parsed = await self.parser.parse(fetched.body, fetched.headers, fetched.url)
        if parsed.error:
            await self.store.write(write_outcome, state.id, now=now, status="error",
                                   http_status=fetched.status, error=parsed.error)
            return self.result(feed, "error", started, http_status=fetched.status, error=parsed.error)
        if self.tag_in_workers and not first:
            parsed = await self.tagged(state, parsed, now)
        counts = await self.store.write(write_feed, state.id, parsed, now=now, tagger=self.tagger,
                                        http_status=fetched.status, etag=fetched.etag,
                                        last_modified=fetched.last_modified, body_hash=body_hash)
        status = "new" if counts.new else "updated" if counts.updated else "unchanged"
        capped = parsed.total_entries > len(parsed.entries)
        note = f"kept the newest {len(parsed.entries):,} of {parsed.total_entries:,} items" if capped else None
        return self.result(feed, status, started, http_status=fetched.status, new=counts.new,
                           updated=counts.updated, new_layoffs=counts.new_layoffs, note=note)


async def poll_feeds(config: Config, db_path: Path, *, now: Callable[[], datetime] = utcnow,
                     on_result: Callable[[FeedResult], None] | None = None,
                     on_start: Callable[[FeedConfig], None] | None = None,
                     tagger: Tagger | None | Literal["default"] = "default",
                     parse_mode: ParseMode = "process") -> PollReport:
    """Poll every enabled feed of ``config`` once into the database at ``db_path``.

    ``on_start``/``on_result`` are called on the event loop as each feed starts and ends; results
    come in the order feeds finish. Raises ``StoreError`` only when the database cannot be opened.
    """
    feeds = config.enabled_feeds
    store = StoreThread(db_path)
    parser = ParsePool(parse_mode)
    results: list[FeedResult] = []
    try:
        try:
            states = await store.call(sync_feeds, feeds)
        except sqlite3.Error as error:
            raise StoreError(describe_sqlite_error(db_path, error)) from None
        async with SiteClients(config.settings, (feed.url for feed in feeds)) as clients:
            poll = _Poll(config, store, parser, clients, now, tagger, on_start)
            warming = None
            if poll.tag_in_workers and any(states[feed.url].last_polled_at is None for feed in feeds):
                # A feed never polled (not one that keeps failing): its body will need the worker.
                warming = asyncio.create_task(parser.start_tagging())
            tasks = [asyncio.create_task(poll.poll(feed, states[feed.url])) for feed in feeds]
            try:
                for next_done in asyncio.as_completed(tasks):
                    result = await next_done
                    results.append(result)
                    if on_result:
                        on_result(result)
                # The new stories join their cuts: once per poll, over only the stories it stored.
                await store.call(group_new_events)
            finally:
                for task in tasks:
                    task.cancel()
                if warming is not None:
                    warming.cancel()
                    await asyncio.gather(warming, return_exceptions=True)
    finally:
        parser.close()
        store.close()
    return PollReport(tuple(results))
