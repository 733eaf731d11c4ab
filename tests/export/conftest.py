"""A small real database for the export tests: two feeds, five articles, four events.

Rows are inserted with SQL so the tests do not depend on the extractor; the content covers a parent
and its unit, a percent-only cut, a story without events, unicode, a formula-like title and a
non-layoff article (only under ``--all``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from tui.store import open_db

FEEDS = [
    (1, "https://tech.example/rss", "Tech News"),
    (2, "https://biz.example/feed", "Biz, Daily"),
]
ARTICLES = [
    # id, feed, title, link, published, layoff
    (1, 1, "Google cuts about 1,000 jobs", "https://tech.example/google", "2024-03-05T12:00:00Z", 1),
    (2, 2, 'Twitch and Meta cut staff, "again"', "https://biz.example/twitch-meta", "2024-03-10T08:00:00Z", 1),
    (3, 1, '=HYPERLINK("http://evil.example") tech layoffs hit 50,000', "https://tech.example/total",
     "2024-02-20T09:30:00Z", 1),
    (4, 2, "Nestlé réduit 1 000 postes à Zürich — 日本", "https://biz.example/nestle", "2024-02-01T00:00:00Z", 1),
    (5, 1, "Apple launches a phone", "https://tech.example/apple", "2024-03-01T10:00:00Z", 0),
]
EVENTS = [
    # article, company, parent, headcount, kind, percent, evidence, source
    (1, "Google", None, 1000, "approx", None, "Google cuts about 1,000 jobs", "auto"),
    (2, "Twitch", "Amazon", 500, "exact", None, "Twitch cuts 500 jobs.", "auto"),
    (2, "Meta", None, None, "percent_only", 10.0, "Meta cuts 10% of staff.", "manual"),
    (4, "Nestlé", None, 1000, "exact", None, "Nestlé réduit 1 000 postes", "auto"),
]


def build_db(path: Path) -> sqlite_utils.Database:
    """The database above, created with the real schema at ``path``."""
    db = open_db(path)
    for row in FEEDS:
        db.execute("INSERT INTO feeds (id, url, name) VALUES (?, ?, ?)", row)
    for article_id, feed_id, title, link, published, layoff in ARTICLES:
        db.execute(
            "INSERT INTO articles (id, feed_id, guid, title, link, text, published, fetched_at, month, layoff, "
            "layoff_auto) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, feed_id, link, title, link, title, published, published, published[:7], layoff, layoff])
    for article_id, company, parent, headcount, kind, percent, evidence, source in EVENTS:
        db.execute(
            "INSERT INTO events (article_id, company, parent, headcount, headcount_kind, percent, evidence, "
            "source, month) VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT month FROM articles WHERE id = ?))",
            [article_id, company, parent, headcount, kind, percent, evidence, source, article_id])
    return db


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "layoffs.db"
    build_db(path).close()
    return path


@pytest.fixture
def db(db_path: Path) -> sqlite_utils.Database:
    database = open_db(db_path)
    yield database
    database.close()
