"""What the app relies on: the callbacks, and a poll that can be cancelled cleanly."""

from __future__ import annotations

import asyncio
import threading

import pytest

from tests.poll.conftest import make_config
from tests.poll.feeds import item, rss
from tests.poll.helpers import NOW, only, rows, run_poll
from tests.poll.server import FeedServer, Reply, conditional, static
from tui.poll import FeedResult, poll_feeds


def test_on_start_and_on_result_are_called_per_feed(server: FeedServer, db_path) -> None:
    server.routes["/a"] = static(rss(item(1)))
    config = make_config(server.url("/a"), server.url("/b"))
    started, finished = [], []

    async def poll():
        return await poll_feeds(config, db_path, now=lambda: NOW, tagger=None, parse_mode="thread",
                                on_start=lambda feed: started.append(feed.url),
                                on_result=finished.append)

    report = asyncio.run(poll())
    assert sorted(started) == sorted(feed.url for feed in config.feeds)
    assert finished == list(report.results) and all(isinstance(r, FeedResult) for r in finished)


def test_a_cancelled_poll_stops_and_leaves_the_store_usable(server: FeedServer, db_path) -> None:
    release = threading.Event()
    server.routes["/fast"] = static(rss(item(1)))
    server.routes["/hang"] = lambda seen: (release.wait(10), Reply(200, rss(item(2)), {}))[1]
    config = make_config(server.url("/fast"), server.url("/hang"), timeout=10)

    async def poll_then_cancel():
        first = asyncio.Event()
        task = asyncio.create_task(poll_feeds(config, db_path, now=lambda: NOW, tagger=None,
                                              parse_mode="thread", on_result=lambda result: first.set()))
        await first.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    try:
        asyncio.run(poll_then_cancel())
    finally:
        release.set()
    assert rows(db_path, "SELECT count(*) FROM articles") == [(1,)]
    assert rows(db_path, "PRAGMA integrity_check") == [("ok",)]


def test_a_full_disk_mid_poll_is_reported_per_feed_and_unrecorded(server, db_path, full_disk) -> None:
    server.routes["/a"] = conditional(rss(item(1)), etag='"a1"')
    config = make_config(server.url("/a"))
    assert run_poll(config, db_path).new == 1  # the feed and its first story fit on the disk
    server.routes["/a"] = conditional(rss(item(1), item(2)), etag='"a2"')
    full_disk(db_path)
    result = only(run_poll(config, db_path))
    assert (result.status, result.recorded, result.fault) == ("error", False, "the disk is full")
    assert result.error.startswith(f"could not store it: {db_path}: the disk is full")
    assert rows(db_path, "SELECT count(*) FROM articles") == [(1,)]
