"""Migration 5: the derived tables and indexes that keep the app fast at a million articles.

Everything here is derived from ``articles`` and ``events`` and kept in step by triggers, so no writer
has to know about it:

- ``articles_fts`` is rebuilt with a *search key* as its rowid: the published day, then the article
  id (``day * 2**32 + id``). FTS5 streams matches in rowid order, so "the newest matches" is a walk from
  the end that stops after a page, instead of sorting every match (a one-letter prefix matches nearly
  all articles). ``detail=none`` and prefix indexes of 1 and 2 characters make short prefixes cheap
  and the index smaller than before (a third prefix index made each stored story a quarter dearer to
  index, for a few milliseconds on three-letter prefixes); queries never ask for phrases (one quoted
  word each).
- ``story_companies``: one row per story and company it is filed under (its top-level company, and
  the unit itself for a unit), with the story's date, month and verdict. The company filter's pages
  come from its index in date order, and the panes count stories without reading ``articles``.
- ``company_counts`` and ``month_counts``: story counts (and headcount sums) per company, month and
  verdict, kept by triggers, for the panes when no search or other filter needs the rows themselves.

Never edit after it has shipped: a later change is a new migration.
"""

from __future__ import annotations

import sqlite_utils

FTS_DAY = 2**32
"""The search key is ``day * FTS_DAY + id``: ids below 2**32, days since 1970."""

_KEY = (
    "(max(0, coalesce(CAST(strftime('%s', {row}.published) AS INTEGER), 0)) / 86400 * 4294967296 + {row}.id)"
)


def search_key_sql(row: str) -> str:
    """The search key of ``row`` (an alias of ``articles``, or ``new``/``old`` in a trigger) in SQL."""
    return _KEY.format(row=row)


def _fts(db: sqlite_utils.Database) -> None:
    for trigger in ("articles_ai", "articles_ad", "articles_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute("DROP TABLE IF EXISTS articles_fts")
    # FTS5 reads an external content table by its rowid column; a view supplies the key as that column
    # (for 'rebuild' and 'integrity-check': queries only ever ask for the rowid).
    db.execute(
        f"CREATE VIEW articles_fts_source AS SELECT {search_key_sql('articles')} AS search_key, "
        "title, text FROM articles"
    )
    db.execute("""
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles_fts_source', content_rowid='search_key',
            tokenize='porter unicode61', detail=none, prefix='1 2')""")
    db.execute(f"""
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text)
            VALUES ({search_key_sql("new")}, new.title, new.text);
        END""")
    db.execute(f"""
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', {search_key_sql("old")}, old.title, old.text);
        END""")
    db.execute(f"""
        CREATE TRIGGER articles_au AFTER UPDATE OF title, text, published ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', {search_key_sql("old")}, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text)
            VALUES ({search_key_sql("new")}, new.title, new.text);
        END""")
    # Filled in key order: FTS5 writes a segment whenever a rowid goes backwards, and an index built
    # from unordered keys is several times larger and slower.
    db.execute(
        f"INSERT INTO articles_fts(rowid, title, text) SELECT {search_key_sql('a')}, a.title, a.text "
        "FROM articles a INDEXED BY idx_articles_published ORDER BY a.published, a.id"
    )
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")


_STORY_ROW = """
    INSERT INTO story_companies (name, parent, article_id, published, month, layoff, headcount, events)
    SELECT {name}, {parent}, a.id, a.published, a.month, a.layoff, coalesce({row}.headcount, 0), 1
    FROM articles a WHERE a.id = {row}.article_id {when}
    ON CONFLICT (name, parent, article_id) DO UPDATE SET
        events = events + 1, headcount = headcount + excluded.headcount;"""
_STORY_ROW_GONE = """
    UPDATE story_companies SET events = events - 1, headcount = headcount - coalesce({row}.headcount, 0)
    WHERE name = {name} AND parent = {parent} AND article_id = {row}.article_id {when};"""


def _story_rows(row: str, template: str) -> str:
    """The statements for one event ``row``: its top-level company's line, and its unit's when it has a
    parent."""
    top = template.format(name=f"coalesce({row}.parent, {row}.company)", parent="''", row=row, when="")
    unit = template.format(
        name=f"{row}.company", parent=f"{row}.parent", row=row, when=f"AND {row}.parent IS NOT NULL"
    )
    return top + unit


def _story_companies(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE story_companies (
            name TEXT NOT NULL,
            parent TEXT NOT NULL,
            article_id INTEGER NOT NULL,
            published TEXT NOT NULL,
            month TEXT NOT NULL,
            layoff INTEGER NOT NULL,
            headcount INTEGER NOT NULL,
            events INTEGER NOT NULL,
            PRIMARY KEY (name, parent, article_id)
        ) WITHOUT ROWID""")
    db.execute(
        "CREATE INDEX idx_story_companies_order ON story_companies(name, layoff, published, article_id)"
    )
    # Covering for the panes under a search: from a match to its companies, verdict and month.
    db.execute(
        "CREATE INDEX idx_story_companies_article ON story_companies(article_id, layoff, month, headcount)"
    )
    gone = (
        _story_rows("old", _STORY_ROW_GONE)
        + "DELETE FROM story_companies WHERE article_id = old.article_id AND events <= 0;"
    )
    db.execute(
        f"CREATE TRIGGER events_story_ai AFTER INSERT ON events BEGIN {_story_rows('new', _STORY_ROW)} END"
    )
    db.execute(f"CREATE TRIGGER events_story_ad AFTER DELETE ON events BEGIN {gone} END")
    db.execute(f"""CREATE TRIGGER events_story_au
                   AFTER UPDATE OF article_id, company, parent, headcount ON events
                   BEGIN {gone} {_story_rows("new", _STORY_ROW)} END""")
    db.execute("""
        CREATE TRIGGER articles_story_au AFTER UPDATE OF layoff, published, month ON articles
        WHEN old.layoff IS NOT new.layoff OR old.published IS NOT new.published OR old.month IS NOT new.month
        BEGIN
            UPDATE story_companies SET layoff = new.layoff, published = new.published, month = new.month
            WHERE article_id = new.id;
        END""")
    db.execute("""
        INSERT INTO story_companies (name, parent, article_id, published, month, layoff, headcount, events)
        SELECT s.name, s.parent, s.article_id, a.published, a.month, a.layoff, s.headcount, s.events
        FROM (
            SELECT coalesce(parent, company) AS name, '' AS parent, article_id, sum(coalesce(headcount, 0))
                   AS headcount, count(*) AS events
            FROM events GROUP BY 1, 3
            UNION ALL
            SELECT company, parent, article_id, sum(coalesce(headcount, 0)), count(*)
            FROM events WHERE parent IS NOT NULL GROUP BY 1, 2, 3
        ) AS s JOIN articles a ON a.id = s.article_id""")


_COUNT_UP = """
    INSERT INTO company_counts (layoff, parent, name, month, stories, headcount)
    VALUES (new.layoff, new.parent, new.name, new.month, 1, new.headcount)
    ON CONFLICT (layoff, parent, name, month) DO UPDATE SET
        stories = stories + 1, headcount = headcount + excluded.headcount;"""
_COUNT_DOWN = """
    UPDATE company_counts SET stories = stories - 1, headcount = headcount - old.headcount
    WHERE layoff = old.layoff AND parent = old.parent AND name = old.name AND month = old.month;
    DELETE FROM company_counts
    WHERE layoff = old.layoff AND parent = old.parent AND name = old.name AND month = old.month
        AND stories <= 0;"""
_MONTH_UP = """
    INSERT INTO month_counts (layoff, month, stories) VALUES (new.layoff, new.month, 1)
    ON CONFLICT (layoff, month) DO UPDATE SET stories = stories + 1;"""
_MONTH_DOWN = """
    UPDATE month_counts SET stories = stories - 1 WHERE layoff = old.layoff AND month = old.month;
    DELETE FROM month_counts WHERE layoff = old.layoff AND month = old.month AND stories <= 0;"""


def _counts(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE company_counts (
            layoff INTEGER NOT NULL,
            parent TEXT NOT NULL,
            name TEXT NOT NULL,
            month TEXT NOT NULL,
            stories INTEGER NOT NULL,
            headcount INTEGER NOT NULL,
            PRIMARY KEY (layoff, parent, name, month)
        ) WITHOUT ROWID""")
    db.execute("""
        CREATE TABLE month_counts (
            layoff INTEGER NOT NULL,
            month TEXT NOT NULL,
            stories INTEGER NOT NULL,
            PRIMARY KEY (layoff, month)
        ) WITHOUT ROWID""")
    db.execute(f"CREATE TRIGGER story_counts_ai AFTER INSERT ON story_companies BEGIN {_COUNT_UP} END")
    db.execute(f"CREATE TRIGGER story_counts_ad AFTER DELETE ON story_companies BEGIN {_COUNT_DOWN} END")
    db.execute(f"""CREATE TRIGGER story_counts_au AFTER UPDATE OF layoff, month, headcount ON story_companies
                   BEGIN {_COUNT_DOWN} {_COUNT_UP} END""")
    db.execute(f"CREATE TRIGGER articles_counts_ai AFTER INSERT ON articles BEGIN {_MONTH_UP} END")
    db.execute(f"CREATE TRIGGER articles_counts_ad AFTER DELETE ON articles BEGIN {_MONTH_DOWN} END")
    db.execute(f"""CREATE TRIGGER articles_counts_au AFTER UPDATE OF layoff, month ON articles
                   WHEN old.layoff IS NOT new.layoff OR old.month IS NOT new.month
                   BEGIN {_MONTH_DOWN} {_MONTH_UP} END""")
    db.execute("""
        INSERT INTO company_counts (layoff, parent, name, month, stories, headcount)
        SELECT layoff, parent, name, month, count(*), sum(headcount) FROM story_companies
        GROUP BY 1, 2, 3, 4""")
    db.execute("""
        INSERT INTO month_counts (layoff, month, stories)
        SELECT layoff, month, count(*) FROM articles GROUP BY 1, 2""")


def _indexes(db: sqlite_utils.Database) -> None:
    """Pages of a month in date order without a sort; the narrower indexes they replace go."""
    db.execute("CREATE INDEX idx_articles_layoff_month_published ON articles(layoff, month, published)")
    db.execute("CREATE INDEX idx_articles_month_published ON articles(month, published)")
    # From a search match to its verdict and month without reading the article's text.
    db.execute("CREATE INDEX idx_articles_match ON articles(id, layoff, month)")
    db.execute("DROP INDEX IF EXISTS idx_articles_layoff_month")
    db.execute("DROP INDEX IF EXISTS idx_articles_month")


def migrate_for_scale(db: sqlite_utils.Database) -> None:
    """Migration 5 (see the module's docstring)."""
    _indexes(db)
    _story_companies(db)
    _counts(db)
    _fts(db)
