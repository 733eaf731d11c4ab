"""Each feed is polled at its own interval: the app's timer polls only what is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.config import parse_config
from tui.poll.schedule import due_config, due_feeds, is_due
from tui.store import open_db, write_transaction
from tui.store.feeds import record_poll, sync_feeds

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
CONFIG = parse_config("""
[settings]
interval_minutes = 30
[[feeds]]
name = "default"
url = "https://a.example/rss"
[[feeds]]
name = "hourly"
url = "https://b.example/rss"
interval_minutes = 60
[[feeds]]
name = "off"
url = "https://c.example/rss"
enabled = false
""")


@pytest.mark.parametrize(("minutes_ago", "own_interval", "due"), [
    (None, None, True),      # never polled
    (10, None, False),
    (29.8, None, True),      # within the slack of a drifting timer
    (31, None, True),
    (31, 60, False),         # the feed's own interval wins
    (61, 60, True),
    (-5, None, True),        # a clock set back: poll rather than wait for ever
])
def test_is_due(minutes_ago: float | None, own_interval: int | None, due: bool) -> None:
    feed = CONFIG.feeds[1] if own_interval else CONFIG.feeds[0]
    last = None if minutes_ago is None else NOW - timedelta(minutes=minutes_ago)
    assert is_due(feed, 30, last, NOW) is due


def test_due_feeds_skips_disabled_and_recent() -> None:
    last = {"https://a.example/rss": NOW - timedelta(minutes=40), "https://b.example/rss": NOW - timedelta(minutes=40)}
    assert [f.name for f in due_feeds(CONFIG, last, NOW).feeds] == ["default"]
    assert [f.name for f in due_feeds(CONFIG, {}, NOW).feeds] == ["default", "hourly"]


def test_due_config_reads_the_last_polls_from_the_database(tmp_path: Path) -> None:
    db_path = tmp_path / "x.db"
    db = open_db(db_path)
    states = sync_feeds(db, CONFIG.feeds)
    with write_transaction(db):
        record_poll(db, states["https://a.example/rss"].id, now=NOW - timedelta(minutes=5), status="new")
        record_poll(db, states["https://b.example/rss"].id, now=NOW - timedelta(minutes=90), status="error",
                    error="HTTP 500 Internal Server Error", keep_validators=True)
    assert [f.name for f in due_config(CONFIG, db_path, NOW).feeds] == ["hourly"]
