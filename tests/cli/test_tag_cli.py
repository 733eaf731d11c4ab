"""`layoffs-tui tag` and `retag` against a real database built from the sample feeds."""

from __future__ import annotations

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


def test_removing_a_company_not_on_the_story_says_so(db_path: Path) -> None:
    fed = article_id(db_path, "Fed raises rates")
    result = run(db_path, "tag", str(fed), "--remove", "Nobody Inc")
    assert result.exit_code == 0
    assert "no event for Nobody" in result.stderr


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
