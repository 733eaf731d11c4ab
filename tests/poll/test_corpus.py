"""feedparser's own test corpus, served over HTTP with the headers each file asks for, polled once.

Every one of the 2,107 files must be survived, and every entry feedparser finds must be stored: the
poller may refuse a document that is not a feed, but never lose an entry feedparser can read.
"""

from __future__ import annotations

import asyncio
import io
import sqlite3
from pathlib import Path
from urllib.parse import quote

import feedparser

from tests.poll.corpus import corpus_files, expected_headers
from tests.poll.server import FeedServer, Reply
from tui.config import Config, FeedConfig, Settings
from tui.poll import poll_feeds


def test_every_corpus_entry_is_stored(shared_dir: Path, tmp_path: Path) -> None:
    root = shared_dir / "peer" / "feedparser-tests"
    files = corpus_files(root)
    assert len(files) >= 2000
    served: dict[str, tuple[bytes, dict[str, str]]] = {}
    expected: dict[str, int] = {}
    for path in files:
        data = path.read_bytes()
        headers = expected_headers(data)
        route = "/" + quote(path.relative_to(root).as_posix())
        served[route] = (data, headers)
        expected[route] = len(feedparser.parse(io.BytesIO(data), response_headers=headers).entries)

    with FeedServer() as server:
        for route, (data, headers) in served.items():
            server.routes[route] = lambda seen, data=data, headers=headers: Reply(200, data, headers)
        feeds = tuple(FeedConfig(url=server.url(route), name=route) for route in served)
        config = Config(path=None, settings=Settings(concurrency=8, timeout_seconds=10), feeds=feeds)
        report = asyncio.run(poll_feeds(config, tmp_path / "corpus.db", tagger=None))
        prefix = server.url("")

    assert len(report.results) == len(files)
    crashed = [r for r in report.results if r.error and r.error.startswith("unexpected error")]
    assert crashed == []
    with sqlite3.connect(tmp_path / "corpus.db") as conn:
        stored = dict(conn.execute(
            "SELECT f.url, count(a.id) FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id GROUP BY f.id"))
    short = {route: (count, stored.get(prefix + route, 0)) for route, count in expected.items()
             if stored.get(prefix + route, 0) < count}
    assert short == {}
