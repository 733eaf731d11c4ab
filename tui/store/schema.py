"""The schema and its migrations: the one place that knows the tables' shape.

Migrations are numbered functions run in order inside one transaction each; ``PRAGMA user_version``
records the last one applied, so an old database opens with every later change applied.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]


def _m001_initial(db: sqlite_utils.Database) -> None:
    """feeds, articles, events, event_removals and the FTS index."""
    db.execute("""
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT,
            last_polled_at TEXT,
            last_success_at TEXT,
            last_status TEXT,
            last_error TEXT,
            http_status INTEGER,
            retry_after_until TEXT,
            failures INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("""
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            guid TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            link TEXT,
            author TEXT,
            text TEXT NOT NULL DEFAULT '',
            summary_html TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL,
            published_known INTEGER NOT NULL DEFAULT 1,
            fetched_at TEXT NOT NULL,
            month TEXT NOT NULL,
            is_read INTEGER NOT NULL DEFAULT 0,
            starred INTEGER NOT NULL DEFAULT 0,
            layoff INTEGER NOT NULL DEFAULT 0,
            layoff_auto INTEGER NOT NULL DEFAULT 0,
            layoff_manual INTEGER,
            extractor_version TEXT,
            UNIQUE (feed_id, guid)
        )""")
    db.execute("""
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            company TEXT NOT NULL,
            parent TEXT,
            headcount INTEGER,
            headcount_kind TEXT NOT NULL DEFAULT 'none',
            percent REAL,
            evidence TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'auto' CHECK (source IN ('auto', 'manual')),
            month TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE event_removals (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            company TEXT NOT NULL,
            PRIMARY KEY (article_id, company)
        )""")
    for sql in (
        "CREATE INDEX idx_articles_month ON articles(month)",
        "CREATE INDEX idx_articles_feed ON articles(feed_id)",
        "CREATE INDEX idx_articles_published ON articles(published)",
        "CREATE INDEX idx_articles_layoff_published ON articles(layoff, published)",
        "CREATE INDEX idx_events_article ON events(article_id)",
        "CREATE INDEX idx_events_company ON events(company)",
        "CREATE INDEX idx_events_parent ON events(parent)",
        "CREATE INDEX idx_events_month ON events(month)",
    ):
        db.execute(sql)
    # Written out rather than via enable_fts(): that uses executescript(), which commits the
    # migration's transaction half-way.
    db.execute("""
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content=articles, content_rowid=id, tokenize='porter unicode61')""")
    db.execute("""
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END""")
    db.execute("""
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END""")
    db.execute("""
        CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END""")


def _m002_facet_indexes(db: sqlite_utils.Database) -> None:
    """Covering indexes for the app's pane counts (measured with bench/ui.py at 100,000 articles:
    month counts 134 ms -> 5 ms; company counts 269 ms -> 177 ms)."""
    db.execute("CREATE INDEX idx_articles_layoff_month ON articles(layoff, month)")
    db.execute("CREATE INDEX idx_events_article_company ON events(article_id, company, parent, headcount)")


def _m003_cuts(db: sqlite_utils.Database) -> None:
    """``cuts`` (one company's reduction announced at one time), ``events.cut_id`` linking each event to
    its cut, and the hand corrections (``cut_merges``, ``cut_splits``) that ``retag`` keeps.

    Cut ids are never reused (AUTOINCREMENT): a merged-away cut's id does not come back as another cut.
    An event whose ``cut_id`` is NULL is waiting to be grouped (``tui.store.cuts.update_cuts``); the
    triggers mark a cut ``stale`` when an event leaves it, so its summary is recomputed.
    """
    db.execute("""
        CREATE TABLE cuts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            company TEXT NOT NULL,
            parent TEXT,
            announced TEXT NOT NULL,
            last_reported TEXT NOT NULL,
            month TEXT NOT NULL,
            headcount INTEGER,
            headcount_kind TEXT NOT NULL DEFAULT 'none',
            percent REAL,
            sources INTEGER NOT NULL DEFAULT 0,
            first_article_id INTEGER,
            stale INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("ALTER TABLE events ADD COLUMN cut_id INTEGER REFERENCES cuts(id) ON DELETE SET NULL")
    db.execute("""
        CREATE TABLE cut_merges (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            company TEXT NOT NULL,
            merge_group INTEGER NOT NULL,
            PRIMARY KEY (article_id, company)
        )""")
    db.execute("""
        CREATE TABLE cut_splits (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            company TEXT NOT NULL,
            PRIMARY KEY (article_id, company)
        )""")
    for sql in (
        "CREATE INDEX idx_events_cut ON events(cut_id)",
        # The waiting events and the stale cuts, found at once without scanning (a poll asks every feed).
        "CREATE INDEX idx_events_waiting ON events(id) WHERE cut_id IS NULL",
        "CREATE INDEX idx_cuts_stale ON cuts(id) WHERE stale = 1",
        "CREATE INDEX idx_cuts_company_announced ON cuts(company COLLATE NOCASE, announced)",
        "CREATE INDEX idx_cuts_parent ON cuts(parent)",
        "CREATE INDEX idx_cuts_month ON cuts(month)",
        "CREATE INDEX idx_cuts_announced ON cuts(announced)",
        "CREATE INDEX idx_cut_merges_group ON cut_merges(merge_group)",
    ):
        db.execute(sql)
    db.execute("""
        CREATE TRIGGER events_cut_ad AFTER DELETE ON events WHEN old.cut_id IS NOT NULL BEGIN
            UPDATE cuts SET stale = 1 WHERE id = old.cut_id;
        END""")
    db.execute("""
        CREATE TRIGGER events_cut_au AFTER UPDATE OF company, parent, headcount, headcount_kind, percent
        ON events WHEN old.cut_id IS NOT NULL BEGIN
            UPDATE cuts SET stale = 1 WHERE id = old.cut_id;
            UPDATE events SET cut_id = NULL WHERE id = new.id;
        END""")


def _m004_alerts(db: sqlite_utils.Database) -> None:
    """``alerts``: the figure each watched cut was last alerted with (``given`` 0: recorded without an
    alert, the cut being older than the watch), so an alert is given once per cut and again only when its
    figure changes; ``alert_mark``: the newest cut id the last alert check saw, so a cut above it is new.

    No foreign key to ``cuts``: ``retag`` deletes and re-inserts cuts under their old ids. The mark starts
    at the newest cut an upgraded database holds, so upgrading alerts on nothing already stored.
    """
    db.execute("""
        CREATE TABLE alerts (
            cut_id INTEGER PRIMARY KEY,
            company TEXT NOT NULL,
            headcount INTEGER,
            headcount_kind TEXT NOT NULL,
            percent REAL,
            given INTEGER NOT NULL,
            at TEXT NOT NULL
        )""")
    db.execute("CREATE TABLE alert_mark (id INTEGER PRIMARY KEY CHECK (id = 1), last_cut_id INTEGER NOT NULL)")
    db.execute(
        "INSERT INTO alert_mark (id, last_cut_id) SELECT 1, max("
        "coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'cuts'), 0), coalesce((SELECT max(id) FROM cuts), 0))"
    )


def _m005_scale(db: sqlite_utils.Database) -> None:
    """Search in date order, company pages from an index, pane counts kept by triggers (issue 11:
    a million articles); see ``tui.store.schema_scale``."""
    from tui.store.schema_scale import migrate_for_scale

    migrate_for_scale(db)


def _m006_page_indexes(db: sqlite_utils.Database) -> None:
    """Covering indexes measured at a million articles (issue 11, bench/ui.py): a company's stories of
    one month in date order (12 ms -> 0.2 ms a page), each company's cuts for the panes' jobs (115 ms
    -> 20 ms), and from a search match to its events' cuts without reading the events."""
    db.execute(
        "CREATE INDEX idx_story_companies_month ON story_companies(name, month, layoff, published, article_id)"
    )
    db.execute("CREATE INDEX idx_cuts_facets ON cuts(company, parent, headcount)")
    db.execute("CREATE INDEX idx_events_article_cut ON events(article_id, cut_id)")


MIGRATIONS: list[Migration] = [
    _m001_initial, _m002_facet_indexes, _m003_cuts, _m004_alerts, _m005_scale, _m006_page_indexes
]
"""Append only: never edit a migration that has shipped."""

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite_utils.Database) -> int:
    """Apply the migrations the database lacks; returns how many ran."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    ran = 0
    for number in range(current, len(MIGRATIONS)):
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if db.execute("PRAGMA user_version").fetchone()[0] > number:
                db.execute("COMMIT")
                continue
            MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
            db.execute("COMMIT")
            ran += 1
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return ran
