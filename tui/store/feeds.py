"""The ``feeds`` table: one row per configured feed, with its HTTP validators and last poll state."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from tui.config import FeedConfig
from tui.store.db import write_transaction
from tui.timeutil import parse_iso, to_iso


@dataclass(frozen=True)
class FeedState:
    """What the poller needs to ask politely: the validators and the back-off."""

    id: int
    url: str
    name: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    retry_after_until: datetime | None
    last_polled_at: datetime | None


@dataclass(frozen=True)
class PollOutcome:
    """A poll's outcome the database could not record (a full disk), kept by the app to show instead."""

    polled_at: str
    status: str
    error: str | None
    http_status: int | None


@dataclass(frozen=True)
class FeedStatus:
    """A feed's last poll as the feeds screen and ``feeds list`` show it."""

    id: int
    url: str
    name: str
    last_polled_at: str | None
    last_success_at: str | None
    last_status: str | None
    last_error: str | None
    http_status: int | None
    articles: int


def sync_feeds(db: sqlite_utils.Database, feeds: Iterable[FeedConfig]) -> dict[str, FeedState]:
    """Make sure every configured feed has a row (name and tags follow the config); state by URL."""
    feeds = list(feeds)
    with write_transaction(db):
        for feed in feeds:
            # Unchanged rows are not rewritten: a poll on a full disk can still start, and report.
            db.execute(
                "INSERT INTO feeds (url, name, tags) VALUES (?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET name = excluded.name, tags = excluded.tags "
                "WHERE name IS NOT excluded.name OR tags IS NOT excluded.tags",
                [feed.url, feed.name, json.dumps(list(feed.tags))],
            )
    return {feed.url: state for feed in feeds if (state := feed_state(db, feed.url)) is not None}


def feed_state(db: sqlite_utils.Database, url: str) -> FeedState | None:
    """What the next poll of ``url`` needs (validators, body hash, back-off); None for a feed never stored."""
    row = db.execute(
        "SELECT id, url, name, etag, last_modified, body_hash, retry_after_until, last_polled_at "
        "FROM feeds WHERE url = ?", [url]).fetchone()
    if row is None:
        return None
    return FeedState(id=row[0], url=row[1], name=row[2], etag=row[3], last_modified=row[4],
                     body_hash=row[5], retry_after_until=parse_iso(row[6]), last_polled_at=parse_iso(row[7]))


def record_poll(db: sqlite_utils.Database, feed_id: int, *, now: datetime, status: str,
                http_status: int | None = None, error: str | None = None,
                etag: str | None = None, last_modified: str | None = None,
                body_hash: str | None = None, retry_after_until: datetime | None = None,
                title: str | None = None, keep_validators: bool = False) -> None:
    """Store the outcome of one fetch. Call inside the feed's write transaction.

    On success (200/304) the validators are replaced by what the server sent this time, so a 304
    that carries a new ETag updates it; ``keep_validators`` keeps the old ones (errors).
    """
    ok = error is None
    sets = ["last_polled_at = ?", "last_status = ?", "last_error = ?", "http_status = ?",
            "retry_after_until = ?"]
    params: list[object] = [to_iso(now), status, error, http_status,
                            to_iso(retry_after_until) if retry_after_until else None]
    if ok:
        sets += ["last_success_at = ?", "failures = 0"]
        params.append(to_iso(now))
    else:
        sets.append("failures = failures + 1")
    if not keep_validators:
        sets += ["etag = ?", "last_modified = ?"]
        params += [etag, last_modified]
        if body_hash is not None:
            sets.append("body_hash = ?")
            params.append(body_hash)
    if title:
        sets.append("title = ?")
        params.append(title)
    params.append(feed_id)
    db.execute(f"UPDATE feeds SET {', '.join(sets)} WHERE id = ?", params)


def feed_statuses(db: sqlite_utils.Database, *, limit: int = 5000) -> dict[str, FeedStatus]:
    """Every feed row with its article count, by URL (``feeds list`` and the app's feeds screen)."""
    rows = db.execute(
        "SELECT f.id, f.url, f.name, f.last_polled_at, f.last_success_at, f.last_status, f.last_error, "
        "f.http_status, (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) FROM feeds f LIMIT ?",
        [limit]).fetchall()
    return {row[1]: FeedStatus(*row) for row in rows}


def removed_feeds(db: sqlite_utils.Database, listed_urls: Iterable[str]) -> list[FeedStatus]:
    """Feeds stored with articles but no longer in the feed list: their stories stay in the database
    (the app and ``export`` still show them), so the feeds screen says how many there are."""
    listed = set(listed_urls)
    return [status for url, status in feed_statuses(db).items() if url not in listed and status.articles]


def last_polls(db: sqlite_utils.Database) -> dict[str, datetime | None]:
    """When each feed was last polled (answered or not), by URL, for the app's schedule."""
    return {url: parse_iso(polled) for url, polled in db.execute("SELECT url, last_polled_at FROM feeds")}
