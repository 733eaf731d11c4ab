"""Which feeds are due: each feed is polled at its own interval (``interval_minutes``), not more often.

The app asks this on start and on every tick of its timer, so restarting it, or a short global
interval beside a feed that asks for an hourly poll, never hammers a server. ``layoffs-tui poll``
polls every enabled feed: cron decides when.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path

from tui.config import Config, FeedConfig
from tui.store import open_db
from tui.store.feeds import last_polls

SLACK = timedelta(seconds=30)
"""A feed polled 29 min 40 s ago is due on a 30-minute interval: timers drift by a few seconds."""


def is_due(feed: FeedConfig, default_minutes: int, last: datetime | None, now: datetime) -> bool:
    """Never polled, or its interval has passed since the last poll (a clock set back counts as due)."""
    if last is None or last > now:
        return True
    interval = timedelta(minutes=feed.interval_minutes or default_minutes)
    return now - last >= interval - SLACK


def due_feeds(config: Config, last: Mapping[str, datetime | None], now: datetime) -> Config:
    """The config narrowed to the enabled feeds that are due."""
    minutes = config.settings.interval_minutes
    due = tuple(f for f in config.enabled_feeds if is_due(f, minutes, last.get(f.url), now))
    return dataclasses.replace(config, feeds=due)


def due_config(config: Config, db_path: Path, now: datetime) -> Config:
    """``due_feeds`` with the last polls read from the database (its own connection: call from a worker)."""
    db = open_db(db_path)
    try:
        return due_feeds(config, last_polls(db), now)
    finally:
        db.close()
