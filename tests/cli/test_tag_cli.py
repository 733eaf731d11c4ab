"""`layoffs-tui tag` and `retag` against a real database built from the sample feeds."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.demo import build_demo_db
from tui.store import open_db, write_transaction


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    build_demo_db(path, datetime(2024, 9, 1, tzinfo=UTC))
    return path


def run(db_path: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db_path), *args])


def article_id(db_path: Path, title_start: str) -> int:
    return open_db(db_path).execute("SELECT id FROM articles WHERE title LIKE ?", [title_start + "%"]).fetchone()[0]


def companies(db_path: Path, article: int) -> list[tuple[str, str, int | None]]:
    return sorted(open_db(db_path).execute(
        "SELECT company, source, headcount FROM events WHERE article_id = ?", [article]).fetchall())


def test_add_uses_the_canonical_name_and_survives_retag(db_path: Path) -> None:
    fed = article_id(db_path, "Fed raises rates")
    result = run(db_path, "tag", str(fed), "--add", "Alphabet Inc.", "--headcount", "120")
    assert result.exit_code == 0, result.output
    assert "tagged Google (120)" in result.output
    assert run(db_path, "retag").exit_code == 0
    assert companies(db_path, fed) == [("Google", "manual", 120)]
    assert open_db(db_path).execute("SELECT layoff FROM articles WHERE id = ?", [fed]).fetchone()[0] == 1


def test_remove_and_not_layoff_survive_retag(db_path: Path) -> None:
    roundup = article_id(db_path, "Tech layoffs roundup")
    assert "Discord" in [c for c, _, _ in companies(db_path, roundup)]
    assert run(db_path, "tag", str(roundup), "--remove", "discord").exit_code == 0
    ford = article_id(db_path, "Ford to cut")
    assert run(db_path, "tag", str(ford), "--not-layoff").exit_code == 0
    result = run(db_path, "retag")
    assert result.exit_code == 0 and result.output.startswith("retagged 30 articles")
    assert "Discord" not in [c for c, _, _ in companies(db_path, roundup)]
    assert companies(db_path, ford) == []
    assert run(db_path, "tag", str(ford), "--auto").exit_code == 0
    run(db_path, "retag")
    assert [c for c, _, _ in companies(db_path, ford)] == ["Ford"]


def test_undoing_not_a_layoff_brings_the_companies_back_without_a_retag(db_path: Path) -> None:
    ford = article_id(db_path, "Ford to cut")
    assert [c for c, _, _ in companies(db_path, ford)] == ["Ford"]
    assert run(db_path, "tag", str(ford), "--not-layoff").exit_code == 0
    assert companies(db_path, ford) == []
    result = run(db_path, "tag", str(ford), "--auto")
    assert result.exit_code == 0, result.output
    assert [c for c, _, _ in companies(db_path, ford)] == ["Ford"]
    exported = run(db_path, "export", "--format", "jsonl", "--company", "Ford")
    assert [event["company"] for event in json.loads(exported.stdout)["events"]] == ["Ford"]


@pytest.mark.parametrize(("args", "message"), [
    (["tag", "9999", "--add", "Acme"], "no article with id 9999"),
    (["tag", "1"], "exactly one of"),
    (["tag", "1", "--add", "Acme", "--remove", "Acme"], "exactly one of"),
    (["tag", "1", "--remove", "Acme", "--headcount", "3"], "go with --add"),
    (["tag", "1", "--add", "Acme", "--percent", "140"], "140"),
    (["tag", "one", "--add", "Acme"], "not a valid integer"),
])
def test_bad_tag_commands_exit_2_with_a_message(db_path: Path, args: list[str], message: str) -> None:
    result = run(db_path, *args)
    assert result.exit_code == 2
    assert message in result.output + result.stderr
    assert "Traceback" not in result.output


def test_an_absurd_headcount_is_refused(db_path: Path) -> None:
    result = run(db_path, "tag", "1", "--add", "Acme", "--headcount", "99999999999999999999999")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "99999999999999999999999" in result.output + result.stderr


def test_removing_a_company_not_on_the_story_is_an_error_naming_its_companies(db_path: Path) -> None:
    roundup = article_id(db_path, "Tech layoffs roundup")
    before = companies(db_path, roundup)
    result = run(db_path, "tag", str(roundup), "--remove", "Nobody Inc")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.startswith(f"layoffs-tui: article {roundup} has no event for 'Nobody Inc'; its companies: ")
    for company, _, _ in before:
        assert company in result.stderr
    assert companies(db_path, roundup) == before
    assert open_db(db_path).execute("SELECT count(*) FROM event_removals").fetchone()[0] == 0


def test_removing_from_a_story_without_companies_says_it_has_none(db_path: Path) -> None:
    fed = article_id(db_path, "Fed raises rates")
    result = run(db_path, "tag", str(fed), "--remove", "Nobody Inc")
    assert result.exit_code == 2
    assert f"article {fed} has no event for 'Nobody Inc'; it has no companies tagged" in result.stderr


def test_remove_accepts_an_alias_and_reports_the_company(db_path: Path) -> None:
    roundup = article_id(db_path, "Tech layoffs roundup")
    result = run(db_path, "tag", str(roundup), "--remove", "discord")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"article {roundup}: removed Discord; retag will not add it back")


def test_retag_on_a_full_disk_says_so_in_one_line(db_path: Path, full_disk) -> None:
    db = open_db(db_path)
    with write_transaction(db):  # tagged by an older extractor: retag has every article to write
        db.execute("UPDATE articles SET extractor_version = 'older'")
    before = sorted(db.execute("SELECT article_id, company, headcount FROM events").fetchall())
    disk = full_disk(db_path)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "retag"])
    assert disk.commits_refused >= 1
    assert result.exit_code == 1
    assert result.stderr == f"layoffs-tui: {db_path}: the disk is full; free some space and try again (nothing was lost)\n"
    assert result.stdout == ""
    disk.full = False
    assert sorted(open_db(db_path).execute("SELECT article_id, company, headcount FROM events").fetchall()) == before
