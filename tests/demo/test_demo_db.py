"""The demo database goes through the real parser, store and extractor."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tui.demo import DEMO_FEEDS, build_demo_db, demo_config
from tui.store import open_db


def test_demo_database_holds_every_sample_story_tagged(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    build_demo_db(path, datetime(2024, 9, 1, tzinfo=UTC))
    db = open_db(path)
    total, layoffs = db.execute("SELECT count(*), sum(layoff) FROM articles").fetchone()
    assert total == 30
    assert 20 <= layoffs < total  # hiring, rate and strike stories are in the sample and are not layoffs
    assert db.execute("SELECT count(*) FROM feeds WHERE last_status = 'new'").fetchone()[0] == len(DEMO_FEEDS)
    twitch = db.execute("SELECT parent, percent FROM events WHERE company = 'Twitch'").fetchone()
    assert twitch == ("Amazon", 35.0)
    not_layoffs = {row[0] for row in db.execute("SELECT title FROM articles WHERE layoff = 0")}
    assert "Toyota says it has no plans for job cuts in Japan" in not_layoffs
    assert "Starbucks to hire 2,000 baristas for new stores" in not_layoffs


def test_building_twice_stores_each_story_once(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    build_demo_db(path, datetime(2024, 9, 1, tzinfo=UTC))
    build_demo_db(path, datetime(2024, 9, 2, tzinfo=UTC))
    assert open_db(path).execute("SELECT count(*) FROM articles").fetchone()[0] == 30
    assert [f.name for f in demo_config().feeds] == [name for _, name, _, _ in DEMO_FEEDS]


def test_every_demo_article_carries_the_extractor_version(tmp_path: Path) -> None:
    from tui.extract import EXTRACTOR_VERSION

    path = tmp_path / "demo.db"
    build_demo_db(path, datetime(2024, 9, 1, tzinfo=UTC))
    versions = {row[0] for row in open_db(path).execute("SELECT extractor_version FROM articles")}
    assert versions == {EXTRACTOR_VERSION}
