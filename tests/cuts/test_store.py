"""Cuts in a real SQLite file: grouped as stories are stored, kept in step as events change, rebuilt by retag."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cuts.conftest import GOOGLE_AND_TWITCH, Story, grouping, new_db, store
from tui.store import open_db
from tui.store.corrections import add_manual_event, remove_company
from tui.store.cuts import rebuild_cuts, update_cuts


@pytest.fixture
def db(tmp_path: Path):
    database = new_db(tmp_path / "cuts.db")
    store(database, GOOGLE_AND_TWITCH)
    yield database
    database.close()


def test_stories_of_one_cut_across_outlets_are_one_cut(db) -> None:
    assert grouping(db) == [
        ("Amazon", ["r1"]),
        ("Google", ["g1", "g1b", "g2", "r1"]),
        ("Google", ["g3"]),
        ("Twitch", ["t1"]),
    ]
    row = db.execute(
        "SELECT company, parent, announced, month, headcount, headcount_kind, sources FROM cuts "
        "WHERE company = 'Google' ORDER BY announced"
    ).fetchone()
    # g1 and g1b are one link in two feeds: one story, so three sources from four articles.
    assert row == ("Google", None, "2024-01-20T12:00:00Z", "2024-01", 12000, "exact", 3)
    assert db.execute("SELECT parent FROM cuts WHERE company = 'Twitch'").fetchone() == ("Amazon",)
    assert db.execute("SELECT count(*) FROM events WHERE cut_id IS NULL").fetchone() == (0,)


def test_incremental_grouping_agrees_with_a_rebuild(db) -> None:
    before = grouping(db)
    assert rebuild_cuts(db) == 4
    assert grouping(db) == before


def test_a_rebuild_keeps_the_ids_of_cuts_whose_first_story_is_unchanged(db) -> None:
    ids = db.execute("SELECT id, company, announced FROM cuts ORDER BY id").fetchall()
    rebuild_cuts(db)
    assert db.execute("SELECT id, company, announced FROM cuts ORDER BY id").fetchall() == ids


def test_storing_new_stories_never_rebuilds(db, monkeypatch) -> None:
    import tui.store.cuts as cuts_module

    def refuse(*args: object) -> int:
        raise AssertionError("a poll must not regroup the whole store")

    monkeypatch.setattr(cuts_module, "_rebuild", refuse)
    ids = {row[0] for row in db.execute("SELECT id FROM cuts")}
    store(db, [Story(1, "g4", "Google's 12,000 job cuts hit recruiters", (1, 28))])
    assert {row[0] for row in db.execute("SELECT id FROM cuts")} == ids
    assert ("Google", ["g1", "g1b", "g2", "g4", "r1"]) in grouping(db)


def test_a_removed_tag_leaves_its_cut_and_an_emptied_cut_goes(db) -> None:
    article = db.execute("SELECT id FROM articles WHERE guid = 'g2'").fetchone()[0]
    remove_company(db, article, "Google")
    assert db.execute(
        "SELECT sources FROM cuts WHERE company = 'Google' AND month = '2024-01'"
    ).fetchone() == (2,)
    roundup = db.execute("SELECT id FROM articles WHERE guid = 'r1'").fetchone()[0]
    remove_company(db, roundup, "Amazon")
    assert db.execute("SELECT count(*) FROM cuts WHERE company = 'Amazon'").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM cuts WHERE stale = 1").fetchone() == (0,)


def test_a_tag_added_by_hand_joins_the_cut(db) -> None:
    article = db.execute("SELECT id FROM articles WHERE guid = 't1'").fetchone()[0]
    add_manual_event(db, article, "Google", headcount=12000)
    assert ("Google", ["g1", "g1b", "g2", "r1", "t1"]) in grouping(db)


def test_an_edited_figure_regroups_the_event(db) -> None:
    event = db.execute(
        "SELECT e.id FROM events AS e JOIN articles AS a ON a.id = e.article_id WHERE a.guid = 'g2'"
    ).fetchone()[0]
    from tui.store.corrections import edit_event

    edit_event(db, event, headcount=3000)
    assert ("Google", ["g2"]) in grouping(db)
    assert db.execute(
        "SELECT sources FROM cuts WHERE company = 'Google' AND headcount = 12000"
    ).fetchone() == (2,)


def test_a_database_from_before_cuts_gets_them(tmp_path: Path) -> None:
    from tui.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    db = open_db(path, migrate_schema=False)
    for number in range(2):
        MIGRATIONS[number](db)
    db.execute("PRAGMA user_version = 2")
    db.execute("INSERT INTO feeds (url, name) VALUES ('https://f.example/', 'F')")
    for guid, day in (("a", "01"), ("b", "02")):
        db.execute(
            "INSERT INTO articles (feed_id, guid, link, published, fetched_at, month, layoff) "
            f"VALUES (1, '{guid}', 'https://f.example/{guid}', '2024-03-{day}T00:00:00Z', "
            "'2024-03-05T00:00:00Z', '2024-03', 1)"
        )
        db.execute(
            "INSERT INTO events (article_id, company, headcount, headcount_kind, month) "
            "VALUES ((SELECT id FROM articles WHERE guid = ?), 'Acme', 1000, 'exact', '2024-03')",
            [guid],
        )
    db.close()
    db = open_db(path)
    assert db.execute("SELECT count(*) FROM cuts").fetchone() == (0,)
    update_cuts(db)
    assert db.execute("SELECT company, sources, headcount FROM cuts").fetchall() == [("Acme", 2, 1000)]


def test_a_grouping_failure_in_a_poll_keeps_the_feeds_articles(tmp_path: Path, monkeypatch) -> None:
    import asyncio

    import tui.store.cuts as cuts_module
    from tests.poll.conftest import make_config
    from tests.poll.server import FeedServer, static
    from tui.extract import extract
    from tui.poll import poll_feeds

    real_save = cuts_module._save

    def broken(db, group) -> int:
        real_save(db, group)  # the cut is written, then the bug strikes
        raise RuntimeError("a bug in grouping")

    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Acme to cut 1,000 jobs</title><link>https://t.example/1</link><guid>1</guid>"
        b"<pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item></channel></rss>"
    )
    monkeypatch.setattr(cuts_module, "_save", broken)
    path = tmp_path / "p.db"
    with FeedServer() as server:
        server.routes["/f.xml"] = static(rss)
        report = asyncio.run(
            poll_feeds(make_config(server.url("/f.xml")), path, tagger=extract, parse_mode="thread")
        )
    assert [result.status for result in report.results] == ["new"]
    db = open_db(path)
    assert db.execute("SELECT count(*) FROM cuts").fetchone() == (0,)  # the broken grouping was rolled back
    assert db.execute("SELECT count(*) FROM events WHERE cut_id IS NULL").fetchone() == (1,)
    monkeypatch.undo()
    update_cuts(db)
    assert db.execute("SELECT company, sources FROM cuts").fetchall() == [("Acme", 1)]


def _rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid><pubDate>{date}</pubDate></item>"
        for title, link, date in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{body}</channel></rss>'.encode()


def test_a_poll_of_two_feeds_groups_their_stories(tmp_path: Path) -> None:
    import asyncio

    from tests.poll.conftest import make_config
    from tests.poll.server import FeedServer, static
    from tui.extract import extract
    from tui.poll import poll_feeds

    one = _rss(
        ("Salesforce to cut 1,000 jobs", "https://one.example/sf", "Mon, 04 Mar 2024 09:00:00 GMT"),
        ("Twitch lays off 500 employees", "https://one.example/tw", "Mon, 04 Mar 2024 10:00:00 GMT"),
    )
    two = _rss(
        (
            "Salesforce lays off nearly 1,000 workers",
            "https://two.example/sf",
            "Tue, 05 Mar 2024 08:00:00 GMT",
        ),
        (
            "Salesforce to cut 1,000 jobs",
            "https://one.example/sf?utm_source=two",
            "Mon, 04 Mar 2024 09:30:00 GMT",
        ),
    )
    path = tmp_path / "poll.db"
    with FeedServer() as server:
        server.routes["/one.xml"] = static(one)
        server.routes["/two.xml"] = static(two)
        config = make_config(server.url("/one.xml"), server.url("/two.xml"))
        asyncio.run(poll_feeds(config, path, tagger=extract, parse_mode="thread"))
    db = open_db(path)
    assert db.execute(
        "SELECT company, parent, headcount, headcount_kind, sources FROM cuts ORDER BY company"
    ).fetchall() == [("Salesforce", None, 1000, "exact", 2), ("Twitch", "Amazon", 500, "exact", 1)]
    assert db.execute("SELECT count(*) FROM events WHERE cut_id IS NULL").fetchone() == (0,)
    db.close()


def test_a_later_poll_groups_only_its_new_stories(tmp_path: Path, monkeypatch) -> None:
    import asyncio

    import tui.store.cuts as cuts_module
    from tests.poll.conftest import make_config
    from tests.poll.server import FeedServer, static
    from tui.extract import extract
    from tui.poll import poll_feeds

    first = _rss(("Salesforce to cut 1,000 jobs", "https://one.example/sf", "Mon, 04 Mar 2024 09:00:00 GMT"))
    later = _rss(
        ("Salesforce to cut 1,000 jobs", "https://one.example/sf", "Mon, 04 Mar 2024 09:00:00 GMT"),
        ("Salesforce layoffs hit 1,000 workers", "https://one.example/sf2", "Wed, 06 Mar 2024 09:00:00 GMT"),
    )
    path = tmp_path / "poll.db"
    with FeedServer() as server:
        server.routes["/one.xml"] = static(first)
        config = make_config(server.url("/one.xml"))
        asyncio.run(poll_feeds(config, path, tagger=extract, parse_mode="thread"))
        monkeypatch.setattr(
            cuts_module, "_rebuild", lambda db: pytest.fail("a poll must not regroup everything")
        )
        server.routes["/one.xml"] = static(later)
        asyncio.run(poll_feeds(config, path, tagger=extract, parse_mode="thread"))
    db = open_db(path)
    assert db.execute("SELECT id, sources FROM cuts").fetchall() == [(1, 2)]


def test_with_nothing_waiting_grouping_never_takes_the_write_lock(db, tmp_path: Path) -> None:
    import sqlite3

    other = sqlite3.connect(tmp_path / "cuts.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing: the app, a cron poll
    try:
        db.execute("PRAGMA busy_timeout = 50")
        assert update_cuts(db) == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
