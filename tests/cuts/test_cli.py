"""``layoffs-tui cuts list / show / merge / split`` through click, on a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.cuts.conftest import GOOGLE_AND_TWITCH, new_db, store
from tui.cli import cli


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    db = new_db(path)
    store(db, GOOGLE_AND_TWITCH)
    db.close()
    return path


@pytest.fixture
def run(db_path: Path, tmp_path: Path):
    config = tmp_path / "feeds.toml"
    config.write_text("")

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["--config", str(config), "--db", str(db_path), *args])

    return invoke


def ids(db_path: Path, company: str) -> list[int]:
    from tui.store import open_db

    return [
        row[0]
        for row in open_db(db_path).execute(
            "SELECT id FROM cuts WHERE company = ? ORDER BY announced", [company]
        )
    ]


def test_list_newest_first_with_figures_and_sources(run) -> None:
    result = run("cuts", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split("  ")[2] for line in (line.strip() for line in lines)] == [
        "Google",
        "Amazon",
        "Twitch (Amazon)",
        "Google",
    ]
    assert lines[-1].endswith("Google  ·  12,000 jobs  ·  3 sources")


@pytest.mark.parametrize(
    ("args", "companies"),
    [
        (("--company", "Alphabet"), ["Google", "Google"]),
        (("--company", "amazon"), ["Amazon", "Twitch"]),
        (("--month", "2024-04"), ["Google"]),
        (("--since", "2024-01-22", "--until", "2024-01-31"), ["Amazon", "Twitch"]),
        (("--limit", "1"), ["Google"]),
    ],
)
def test_list_filters(run, args, companies) -> None:
    result = run("cuts", "list", *args)
    assert result.exit_code == 0, result.output
    assert [line.split()[2] for line in result.stdout.splitlines()] == companies


def test_show_lists_each_story_once(run, db_path) -> None:
    result = run("cuts", "show", str(ids(db_path, "Google")[0]))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "3 sources" in lines[0]
    assert [line.split("  ")[2] for line in (line.strip() for line in lines[1:])] == ["One", "One", "Two"]


def test_merge_then_split_then_retag(run, db_path) -> None:
    january, april = ids(db_path, "Google")
    result = run("cuts", "merge", str(january), str(april))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"cut {january}: merged {april}; 4 sources\n"
    assert ids(db_path, "Google") == [january]
    from tui.store import open_db

    roundup = open_db(db_path).execute("SELECT id FROM articles WHERE guid = 'r1'").fetchone()[0]
    result = run("cuts", "split", str(january), str(roundup))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"article {roundup}: now cut ")
    split_off = int(result.stdout.split("now cut ")[1].split(",")[0])
    assert split_off > april  # a merged-away cut's id is never given to another cut
    assert run("retag").exit_code == 0
    rows = (
        open_db(db_path)
        .execute("SELECT sources, headcount FROM cuts WHERE company = 'Google' ORDER BY announced")
        .fetchall()
    )
    assert rows == [(3, 12000), (1, 12000)]  # the merged cut kept April's story; the round-up stands alone


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("cuts", "show", "999"), "layoffs-tui: no cut with id 999; `layoffs-tui cuts list` shows the ids\n"),
        (
            ("cuts", "merge", "999", "1"),
            "layoffs-tui: no cut with id 999; `layoffs-tui cuts list` shows the ids\n",
        ),
        (
            ("cuts", "split", "1", "999"),
            "layoffs-tui: article 999 is not in cut 1; `layoffs-tui cuts show 1` lists its stories\n",
        ),
        (("cuts", "merge", "1", "1"), "cut 1 cannot be merged into itself"),
        (("cuts", "merge", "1"), "Missing argument 'OTHERS...'"),
        (("cuts", "show", "abc"), "'abc' is not a valid integer"),
        (("cuts", "list", "--month", "2024-13"), "'2024-13' is not a month"),
    ],
)
def test_user_mistakes_exit_2_with_one_clear_message(run, args, message) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [(), ("list",), ("show",), ("merge",), ("split",)])
def test_every_cuts_command_has_help(command) -> None:
    result = CliRunner().invoke(cli, ["cuts", *command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) > 3


def test_list_says_when_a_cut_has_no_figure(run, db_path) -> None:
    from tui.store import open_db
    from tui.store.corrections import add_manual_event

    db = open_db(db_path)
    article = db.execute("SELECT id FROM articles WHERE guid = 't1'").fetchone()[0]
    add_manual_event(db, article, "Acme")
    add_manual_event(db, article, "Globex", headcount_kind="vague")
    lines = run("cuts", "list", "--company", "Acme", "--company", "Globex").stdout.splitlines()
    assert sorted(line.split("  ·  ")[1] for line in lines) == ["a vague figure", "no figure"]
