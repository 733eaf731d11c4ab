"""A small deterministic database for the UI tests and snapshots, written with plain SQL.

It does not run the extractor, so the UI tests do not move when the extractor improves.
"""

from __future__ import annotations

from pathlib import Path

from tui.config import Config, FeedConfig
from tui.store import open_db
from tui.store.cuts import update_cuts

FEEDS = [
    ("https://news.example.com/tech.rss", "Tech Cuts"),
    ("https://biz.example.org/feed.atom", "Business Desk"),
    ("https://markets.example.net/rss", "Work Markets"),
]

# (feed index, published, title, text, layoff, is_read,
#  events[(company, parent, headcount, kind, percent, evidence)])
ARTICLES = [
    (
        0,
        "2024-03-28T09:00:00Z",
        "Amazon cuts 500 jobs in devices unit",
        "Amazon said on Thursday it would cut about 500 jobs in its devices unit.",
        1,
        0,
        [
            (
                "Amazon",
                None,
                500,
                "approx",
                None,
                "Amazon said it would cut about 500 jobs in its devices unit.",
            )
        ],
    ),
    (
        1,
        "2024-03-21T14:30:00Z",
        "Twitch lays off 35% of staff",
        "Twitch, owned by Amazon, is laying off 500 people, 35% of its workforce.",
        1,
        1,
        [("Twitch", "Amazon", 500, "exact", 35.0, "Twitch is laying off 500 people, 35% of its workforce.")],
    ),
    (
        0,
        "2024-03-12T08:15:00Z",
        "Google trims hundreds of roles in hardware",
        "Google is cutting hundreds of roles across its hardware teams.",
        1,
        0,
        [
            (
                "Google",
                None,
                None,
                "vague",
                None,
                "Google is cutting hundreds of roles across its hardware teams.",
            )
        ],
    ),
    (
        2,
        "2024-02-27T11:00:00Z",
        "Microsoft to cut 1,900 gaming jobs",
        "Microsoft will cut 1,900 jobs in its gaming division after the Activision deal.",
        1,
        0,
        [("Microsoft", None, 1900, "exact", None, "Microsoft will cut 1,900 jobs in its gaming division.")],
    ),
    (
        1,
        "2024-02-14T16:45:00Z",
        "LinkedIn cuts 10% of recruiting staff",
        "LinkedIn is cutting 10% of its recruiting staff.",
        1,
        0,
        [
            (
                "LinkedIn",
                "Microsoft",
                None,
                "percent_only",
                10.0,
                "LinkedIn is cutting 10% of its recruiting staff.",
            )
        ],
    ),
    (
        0,
        "2024-02-02T10:00:00Z",
        "Amazon and Google both announce cuts",
        "Amazon cut 1,200 jobs while Google cut 1,000.",
        1,
        1,
        [
            ("Amazon", None, 1200, "exact", None, "Amazon cut 1,200 jobs."),
            ("Google", None, 1000, "exact", None, "Google cut 1,000."),
        ],
    ),
    (
        2,
        "2024-01-25T09:30:00Z",
        "Salesforce to lay off 700 employees",
        "Salesforce will lay off about 700 employees, around 1% of its workforce.",
        1,
        0,
        [("Salesforce", None, 700, "approx", 1.0, "Salesforce will lay off about 700 employees.")],
    ),
    (
        1,
        "2024-01-10T07:00:00Z",
        "[bold]Hostile[/] title [@click=app.quit]click[/] \x1b[31mred\x1b[0m",
        "A feed title full of markup: [red]not red[/red] and an escape \x1b]0;pwned\x07 sequence.",
        1,
        0,
        [("Acme [Corp]", None, 42, "exact", None, "Acme [Corp] cut 42 jobs.")],
    ),
    (
        2,
        "2024-01-05T12:00:00Z",
        "Markets rally as hiring picks up",
        "Stocks rose on Friday as hiring data beat forecasts.",
        0,
        0,
        [],
    ),
    (
        0,
        "2023-12-18T13:00:00Z",
        "Spotify cuts 1,500 jobs, 17% of staff",
        "Spotify is cutting about 17% of its staff, some 1,500 jobs.",
        1,
        0,
        [
            (
                "Spotify",
                None,
                1500,
                "approx",
                17.0,
                "Spotify is cutting about 17% of its staff, some 1,500 jobs.",
            )
        ],
    ),
]


def sample_config(path: Path | None = None) -> Config:
    """The feed list matching the sample database (``path`` None: not editable)."""
    return Config(path=path, feeds=tuple(FeedConfig(url=url, name=name) for url, name in FEEDS))


def build_sample_db(path: Path) -> Path:
    """Write the sample database at ``path`` and return the path."""
    db = open_db(path)
    with db.conn:
        pass
    db.execute("BEGIN IMMEDIATE")
    for url, name in FEEDS:
        db.execute(
            "INSERT INTO feeds (url, name, last_polled_at, last_status, http_status) "
            "VALUES (?, ?, '2024-03-28T10:00:00Z', 'new', 200)",
            [url, name],
        )
    db.execute(
        "UPDATE feeds SET last_status = 'error', last_error = 'timed out after 20 s', http_status = NULL "
        "WHERE name = 'Work Markets'"
    )
    for number, (feed, published, title, text, layoff, is_read, events) in enumerate(ARTICLES, start=1):
        month = published[:7]
        db.execute(
            "INSERT INTO articles (id, feed_id, guid, title, link, text, published, fetched_at, month, "
            "is_read, layoff, layoff_auto) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                number,
                feed + 1,
                f"guid-{number}",
                title,
                f"https://news.example.com/story/{number}",
                text,
                published,
                published,
                month,
                is_read,
                layoff,
                layoff,
            ],
        )
        for company, parent, headcount, kind, percent, evidence in events:
            db.execute(
                "INSERT INTO events (article_id, company, parent, headcount, headcount_kind, percent, "
                "evidence, source, month) VALUES (?, ?, ?, ?, ?, ?, ?, 'auto', ?)",
                [number, company, parent, headcount, kind, percent, evidence, month],
            )
    db.execute("COMMIT")
    update_cuts(db)  # as a poll does: each story's events grouped into cuts
    db.conn.close()
    return path


SECOND_SOURCE = (
    2,
    "2024-03-28T15:00:00Z",
    "Amazon to cut about 500 device jobs",
    "Amazon will cut about 500 jobs in devices, a person familiar said.",
    [("Amazon", None, 500, "approx", None, "Amazon will cut about 500 jobs in devices.")],
)
"""Another outlet's story of the sample's newest cut (Amazon, 2024-03-28), for "also reported by"."""


def add_second_source(path: Path) -> int:
    """Store ``SECOND_SOURCE`` in the sample database at ``path`` and group it; returns its article id."""
    feed, published, title, text, events = SECOND_SOURCE
    db = open_db(path)
    db.execute("BEGIN IMMEDIATE")
    cursor = db.execute(
        "INSERT INTO articles (feed_id, guid, title, link, text, published, fetched_at, month, is_read, layoff, "
        "layoff_auto) VALUES (?, 'guid-second', ?, 'https://biz.example.org/amazon-devices', ?, ?, ?, ?, 0, 1, 1)",
        [feed + 1, title, text, published, published, published[:7]],
    )
    article_id = cursor.lastrowid
    for company, parent, headcount, kind, percent, evidence in events:
        db.execute(
            "INSERT INTO events (article_id, company, parent, headcount, headcount_kind, percent, evidence, "
            "source, month) VALUES (?, ?, ?, ?, ?, ?, ?, 'auto', ?)",
            [article_id, company, parent, headcount, kind, percent, evidence, published[:7]],
        )
    db.execute("COMMIT")
    update_cuts(db)
    db.conn.close()
    return int(article_id)
