"""Running a poll in a test and looking at what it stored."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tui.config import Config
from tui.poll import FeedResult, PollReport, poll_feeds

NOW = datetime(2024, 3, 6, 12, 0, 0, tzinfo=UTC)


def run_poll(config: Config, db_path: Path, now: datetime = NOW) -> PollReport:
    """One poll with a fixed clock, no tagging and parsing in a thread (no process start-up per test)."""
    return asyncio.run(poll_feeds(config, db_path, now=lambda: now, tagger=None, parse_mode="thread"))


def only(report: PollReport) -> FeedResult:
    assert len(report.results) == 1, report
    return report.results[0]


def rows(db_path: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def feed_row(db_path: Path) -> dict[str, object]:
    with sqlite3.connect(db_path) as conn:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute("SELECT * FROM feeds").fetchone())
