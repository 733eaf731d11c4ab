"""The store's shape: exact columns (users query these tables), migrations from empty, WAL, busy timeout."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.store.db import open_db
from tui.store.schema import SCHEMA_VERSION, migrate

COLUMNS = {
    "feeds": ["id", "url", "name", "tags", "title", "etag", "last_modified", "body_hash", "last_polled_at",
              "last_success_at", "last_status", "last_error", "http_status", "retry_after_until", "failures"],
    "articles": ["id", "feed_id", "guid", "title", "link", "author", "text", "summary_html", "published",
                 "published_known", "fetched_at", "month", "is_read", "starred", "layoff", "layoff_auto",
                 "layoff_manual", "extractor_version"],
    "events": ["id", "article_id", "company", "parent", "headcount", "headcount_kind", "percent", "evidence",
               "source", "month", "cut_id"],
    "event_removals": ["article_id", "company"],
    "cuts": ["id", "company", "parent", "announced", "last_reported", "month", "headcount", "headcount_kind",
             "percent", "sources", "first_article_id", "stale"],
    "cut_merges": ["article_id", "company", "merge_group"],
    "cut_splits": ["article_id", "company"],
    "alerts": ["cut_id", "company", "headcount", "headcount_kind", "percent", "given", "at"],
    "alert_mark": ["id", "last_cut_id"],
}


def test_tables_have_exactly_these_columns(tmp_path: Path) -> None:
    db = open_db(tmp_path / "x.db")
    for table, columns in COLUMNS.items():
        assert [column.name for column in db[table].columns] == columns, table
    assert {"articles_fts", "story_companies", "company_counts", "month_counts"} <= set(db.table_names())


def test_indexes_on_month_feed_and_published(tmp_path: Path) -> None:
    db = open_db(tmp_path / "x.db")
    indexed = {tuple(index.columns) for index in db["articles"].indexes}
    # month leads two indexes that also give a month's stories in date order (no sort for a page)
    assert {("month", "published"), ("layoff", "month", "published"), ("feed_id",), ("published",),
            ("feed_id", "guid")} <= indexed


def test_migrations_from_empty_and_again(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    db = open_db(path, migrate_schema=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 0
    assert migrate(db) == SCHEMA_VERSION
    assert migrate(db) == 0
    assert open_db(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_wal_and_busy_timeout(tmp_path: Path) -> None:
    db = open_db(tmp_path / "x.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    with sqlite3.connect(tmp_path / "x.db") as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_two_connections_creating_one_database_at_once(tmp_path: Path) -> None:
    import threading

    errors: list[Exception] = []

    def open_it(path: Path) -> None:
        try:
            open_db(path)
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    for attempt in range(20):
        path = tmp_path / f"race{attempt}.db"
        threads = [threading.Thread(target=open_it, args=(path,)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []


def test_a_version_1_database_with_data_opens_with_every_later_change(tmp_path: Path) -> None:
    from tui.store.filters import Filter
    from tui.store.queries import article_page
    from tui.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    db = open_db(path, migrate_schema=False)
    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO feeds (url, name) VALUES ('https://f.example/', 'F')")
    for n, (month, title) in enumerate([("2024-01", "Twitch cuts 500 jobs"), ("2024-02", "Acme hires")], 1):
        db.execute("INSERT INTO articles (feed_id, guid, title, published, fetched_at, month, layoff) "
                   f"VALUES (1, 'g{n}', ?, '{month}-05T00:00:00Z', '{month}-05T00:00:00Z', ?, ?)",
                   [title, month, int(n == 1)])
    db.execute("INSERT INTO events (article_id, company, parent, headcount, month) "
               "VALUES (1, 'Twitch', 'Amazon', 500, '2024-01')")
    db.close()
    db = open_db(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 5
    assert ("article_id", "company", "parent", "headcount") in {tuple(i.columns) for i in db["events"].indexes}
    assert db.execute("SELECT guid FROM articles ORDER BY id").fetchall() == [("g1",), ("g2",)]
    # The derived tables hold the old rows: search, the company filter and the counts find them.
    assert [row.title for row in article_page(db, Filter(search="twi", layoffs_only=False)).rows] == [
        "Twitch cuts 500 jobs"]
    assert article_page(db, Filter(companies=("Amazon",))).total == 1
    assert db.execute("SELECT name, parent, stories, headcount FROM company_counts ORDER BY 1").fetchall() == [
        ("Amazon", "", 1, 500), ("Twitch", "Amazon", 1, 500)]
    assert db.execute("SELECT layoff, month, stories FROM month_counts ORDER BY 2").fetchall() == [
        (1, "2024-01", 1), (0, "2024-02", 1)]


def test_cuts_are_linked_from_events_and_indexed(tmp_path: Path) -> None:
    db = open_db(tmp_path / "x.db")
    assert [(fk.column, fk.other_table, fk.other_column) for fk in db["events"].foreign_keys
            if fk.column == "cut_id"] == [("cut_id", "cuts", "id")]
    assert ("cut_id",) in {tuple(index.columns) for index in db["events"].indexes}
    assert {("company", "announced"), ("month",), ("parent",)} <= {tuple(i.columns) for i in db["cuts"].indexes}


def test_the_cli_says_it_upgrades_an_older_database(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tui.cli import cli
    from tui.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    db = open_db(path, migrate_schema=False)
    for number, migration in enumerate(MIGRATIONS[:4], 1):
        migration(db)
        db.execute(f"PRAGMA user_version = {number}")
    db.close()
    result = CliRunner().invoke(cli, ["--db", str(path), "export"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Upgrading the database at {path} to this version (a minute or two for a million stories)…\n"
    again = CliRunner().invoke(cli, ["--db", str(path), "export"])
    assert again.stderr == ""
