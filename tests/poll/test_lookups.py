"""A poll reads only the stored stories the new document names, however many the feed has stored.

Measured as SQLite's own work (virtual-machine steps, counted with a progress handler on every
connection the poll opens): with 20,000 stories stored it must stay close to the work with 1,000.
"""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.poll.feeds import item, rss
from tests.poll.server import FeedServer, static
from tui.config import Config, FeedConfig
from tui.poll import poll_feeds, storing
from tui.store import open_db
from tui.store.feeds import sync_feeds

NOW = datetime(2024, 3, 6, 12, 0, tzinfo=UTC)


def _store_old_stories(db_path: Path, config: Config, count: int) -> None:
    """``count`` stories of the feed, stored before this poll (plain SQL: the setup is not measured)."""
    db = open_db(db_path)
    feed_id = sync_feeds(db, config.feeds)[config.feeds[0].url].id
    db.execute("BEGIN IMMEDIATE")
    db.conn.executemany(
        "INSERT INTO articles (feed_id, guid, title, text, published, fetched_at, month) "
        "VALUES (?, ?, ?, ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01')",
        [(feed_id, f"urn:old:{n}", f"Old story {n}", "Some stored text " * 40) for n in range(count)],
    )
    db.execute("COMMIT")
    db.conn.close()


def _poll_steps(tmp_path: Path, server: FeedServer, stored: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """SQLite steps of one poll of a 20-item document (10 of them already stored) into a feed with
    ``stored`` earlier stories."""
    path = f"/feed-{stored}"
    items = [
        item(n, guid=f"urn:old:{n}", title=f"Old story {n}", description="Some stored text " * 40)
        for n in range(10)
    ] + [item(1000 + n) for n in range(10)]
    server.routes[path] = static(rss(*items))
    config = Config(path=None, feeds=(FeedConfig(url=server.url(path), name="big"),))
    db_path = tmp_path / f"stored-{stored}.db"
    _store_old_stories(db_path, config, stored)
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    def counted_open(path: Path, **kwargs: object):  # every connection the poll's store thread opens
        db = open_db(path, **kwargs)
        db.conn.set_progress_handler(count, 100)
        return db

    monkeypatch.setattr(storing, "open_db", counted_open)
    report = asyncio.run(poll_feeds(config, db_path, now=lambda: NOW, tagger="default", parse_mode="thread"))
    assert report.ok and report.new == 10, report
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == stored + 10
    return steps


def test_a_poll_reads_only_the_identities_the_document_holds(
    tmp_path: Path, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _poll_steps(tmp_path, server, 1_000, monkeypatch)
    large = _poll_steps(tmp_path, server, 20_000, monkeypatch)
    # Reading every stored story (twice) made the work grow with the feed's size: about 20x here.
    assert large < small * 1.5, (small, large)
