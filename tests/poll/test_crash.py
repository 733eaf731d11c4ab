"""kill -9 in the middle of a poll leaves a consistent database, and the next poll completes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.poll.feeds import item, rss
from tests.poll.helpers import rows, run_poll
from tests.poll.server import FeedServer, Reply, static
from tui.config import load_config


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_9_mid_poll(server: FeedServer, tmp_path: Path) -> None:
    release = threading.Event()
    urls = []
    for number in range(16):
        body = rss(*(item(number * 100 + k) for k in range(20)))
        if number % 2:  # half the feeds hang until the poller is dead
            server.routes[f"/f{number}"] = lambda seen, body=body: (release.wait(20), Reply(
                200, body, {"Content-Type": "application/rss+xml"}))[1]
        else:
            server.routes[f"/f{number}"] = static(body)
        urls.append(server.url(f"/f{number}"))
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\ntimeout_seconds = 30\n" + "".join(
        f'[[feeds]]\nname = "f{n}"\nurl = "{url}"\n' for n, url in enumerate(urls)))
    db = tmp_path / "layoffs.db"
    poller = subprocess.Popen([sys.executable, "-m", "tui", "--config", str(config), "--db", str(db), "poll"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while _stored(db) < 20 and time.monotonic() < deadline and poller.poll() is None:
            time.sleep(0.05)  # waiting for a condition, not for a duration
        assert poller.poll() is None, "the poll ended before it could be killed"
    finally:
        os.killpg(poller.pid, signal.SIGKILL)
        poller.wait()
        release.set()

    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    per_feed = rows(db, "SELECT feed_id, count(*) FROM articles GROUP BY feed_id")
    assert all(count == 20 for _, count in per_feed)  # each feed landed whole or not at all
    assert 1 <= len(per_feed) < 16
    with sqlite3.connect(db) as conn:  # raises if the full-text index disagrees with the table
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")

    report = run_poll(load_config(config), db)
    assert report.ok
    assert rows(db, "SELECT count(*) FROM articles") == [(16 * 20,)]
