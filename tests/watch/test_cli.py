"""``layoffs-tui watch add / remove / list`` through click, on real files and a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.cuts.conftest import Story, new_db, store
from tui.cli import cli
from tui.config import load_config

COMMENTED = """\
# My feeds -- hand written, keep my notes!

[settings]
interval_minutes = 15   # poll often

[watch]
# the companies I follow
companies = [
    "Intel",  # my employer
    "Siemens",
]
alert_timeout_seconds = 5   # my notifier is quick

[[feeds]]
name = "Alpha"            # the first one
url = "https://alpha.example/rss"

# trailing notes
"""


@pytest.fixture
def feeds_path(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(COMMENTED)
    return path


@pytest.fixture
def run(feeds_path: Path, tmp_path: Path):
    db_path = tmp_path / "layoffs.db"

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["--config", str(feeds_path), "--db", str(db_path), "watch", *args])

    invoke.db_path = db_path
    return invoke


def watched(path: Path) -> tuple[str, ...]:
    return load_config(path).watch.companies


class TestAdd:
    def test_appends_and_keeps_every_comment(self, run, feeds_path: Path) -> None:
        result = run("add", "Amazon")
        assert result.exit_code == 0, result.output
        assert feeds_path.read_text() == COMMENTED.replace(
            '    "Siemens",\n', '    "Siemens",\n    "Amazon",\n'
        )
        assert result.stdout.startswith(
            f"Watching 'Amazon' in {feeds_path}: Amazon (also Amazon Inc, Amazon.com)"
        )
        assert "units: Amazon Web Services, Audible, MGM Studios, Ring, Twitch" in result.stdout
        assert result.stderr == ""  # a known company needs no note

    def test_creates_the_watch_table_in_a_file_without_one(self, tmp_path: Path) -> None:
        path = tmp_path / "feeds.toml"
        text = '# mine\n[[feeds]]\nname = "A"  # first\nurl = "https://a.example/rss"\n'
        path.write_text(text)
        result = CliRunner().invoke(
            cli, ["--config", str(path), "--db", str(tmp_path / "x.db"), "watch", "add", "Intel"]
        )
        assert result.exit_code == 0, result.output
        assert path.read_text() == text + '\n[watch]\ncompanies = ["Intel"]\n'

    def test_creates_a_missing_feed_list(self, tmp_path: Path) -> None:
        path = tmp_path / "new" / "feeds.toml"
        result = CliRunner().invoke(
            cli, ["--config", str(path), "--db", str(tmp_path / "x.db"), "watch", "add", "Intel"]
        )
        assert result.exit_code == 0, result.output
        assert watched(path) == ("Intel",)

    def test_an_alias_watches_the_canonical_company_and_its_units(self, run, feeds_path: Path) -> None:
        result = run("add", "Alphabet")
        assert result.exit_code == 0, result.output
        assert (
            "Google (also Alphabet, Alphabet Inc, Google LLC); units: DeepMind, Fitbit, Verily"
            in result.stdout
        )
        assert watched(feeds_path) == ("Intel", "Siemens", "Alphabet")  # kept as typed

    @pytest.mark.parametrize("again", ["Google", "google", "ALPHABET"])
    def test_another_name_of_a_watched_company_changes_nothing(
        self, run, feeds_path: Path, again: str
    ) -> None:
        assert run("add", "Alphabet").exit_code == 0
        before = feeds_path.read_bytes()
        result = run("add", again)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Already watching 'Alphabet': Google")
        assert feeds_path.read_bytes() == before

    def test_an_unknown_name_is_kept_with_a_note_and_the_near_miss(self, run, feeds_path: Path) -> None:
        result = run("add", "Siemems")
        assert result.exit_code == 0, result.output
        assert watched(feeds_path)[-1] == "Siemems"
        assert "matches nothing stored yet" in result.stdout
        assert result.stderr == (
            "note: 'Siemems' matches no company stored yet or known; did you mean 'Siemens'? "
            "(`layoffs-tui watch remove 'Siemems'` undoes this)\n"
        )

    def test_an_unknown_name_without_a_near_miss_gets_the_note_alone(self, run) -> None:
        result = run("add", "Qzxwv Holdings")
        assert result.exit_code == 0
        assert result.stderr == "note: 'Qzxwv Holdings' matches no company stored yet or known\n"

    def test_a_near_miss_among_the_stored_companies(self, run, tmp_path: Path) -> None:
        db = new_db(run.db_path)
        store(db, [Story(1, "g1", "Dunlow Foods to cut 220 jobs", (3, 1))])
        db.close()
        result = run("add", "Dunlow Food")
        assert "did you mean 'Dunlow Foods'?" in result.stderr
        listed = run("list")
        assert "Dunlow Food: matches nothing stored yet" in listed.stdout

    def test_a_stored_company_unknown_to_the_data_gets_no_note(self, run) -> None:
        db = new_db(run.db_path)
        store(db, [Story(1, "g1", "Dunlow Foods to cut 220 jobs", (3, 1))])
        db.close()
        result = run("add", "dunlow foods")
        assert result.exit_code == 0 and result.stderr == ""
        assert (
            result.stdout
            == f"Watching 'dunlow foods' in {run.db_path.parent / 'feeds.toml'}: Dunlow Foods · 1 cut stored\n"
        )

    def test_an_empty_name_exits_2(self, run, feeds_path: Path) -> None:
        before = feeds_path.read_bytes()
        result = run("add", "  ")
        assert result.exit_code == 2 and "give a company name" in result.stderr
        assert feeds_path.read_bytes() == before

    def test_a_broken_feed_list_is_not_edited(self, tmp_path: Path) -> None:
        path = tmp_path / "feeds.toml"
        path.write_text('[watch]\ncompanies = "Intel"\n')
        result = CliRunner().invoke(
            cli, ["--config", str(path), "--db", str(tmp_path / "x.db"), "watch", "add", "Siemens"]
        )
        assert result.exit_code == 2 and f"{path}:2: watch.companies must be a list" in result.stderr
        assert path.read_text() == '[watch]\ncompanies = "Intel"\n'


class TestRemove:
    def test_removes_the_entry_and_keeps_the_other_comments(self, run, feeds_path: Path) -> None:
        result = run("remove", "Siemens")
        assert result.exit_code == 0, result.output
        assert result.stdout == f"No longer watching 'Siemens' in {feeds_path}\n"
        assert feeds_path.read_text() == COMMENTED.replace('    "Siemens",\n', "")

    def test_by_another_name_of_the_same_company(self, run, feeds_path: Path) -> None:
        run("add", "Alphabet")
        result = run("remove", "Google")
        assert result.exit_code == 0 and "No longer watching 'Alphabet'" in result.stdout
        assert watched(feeds_path) == ("Intel", "Siemens")

    def test_a_name_not_watched_exits_2_naming_what_is_watched(self, run, feeds_path: Path) -> None:
        before = feeds_path.read_bytes()
        result = run("remove", "Siemen")
        assert result.exit_code == 2
        assert result.stderr == (
            f"layoffs-tui: {feeds_path}: 'Siemen' is not watched; did you mean 'Siemens'? watched: Intel, Siemens\n"
        )
        assert feeds_path.read_bytes() == before

    def test_with_nothing_watched_exits_2(self, tmp_path: Path) -> None:
        path = tmp_path / "feeds.toml"
        path.write_text("[settings]\nconcurrency = 2\n")
        result = CliRunner().invoke(
            cli, ["--config", str(path), "--db", str(tmp_path / "x.db"), "watch", "remove", "Intel"]
        )
        assert result.exit_code == 2 and "nothing is watched yet" in result.stderr


class TestList:
    def test_each_name_with_what_it_covers_and_its_stored_cuts(self, run) -> None:
        db = new_db(run.db_path)
        store(
            db,
            [
                Story(1, "i1", "Intel to cut 15,000 jobs", (3, 1)),
                Story(1, "i2", "Intel to cut 5% of its staff", (9, 1)),
                Story(1, "t1", "Twitch to cut 500 jobs", (3, 2)),
            ],
        )
        db.close()
        run("add", "Amazon")
        result = run("list")
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines[0] == "Intel: Intel (also Intel Corp) · 2 cuts stored"
        assert lines[1] == "Siemens: Siemens (also Siemens AG) · no cuts stored yet"
        assert lines[2].startswith("Amazon: Amazon (also") and lines[2].endswith("· 1 cut stored")  # Twitch's
        assert lines[3].endswith("3 companies watched in " + str(run.db_path.parent / "feeds.toml"))

    def test_nothing_watched(self, tmp_path: Path) -> None:
        path = tmp_path / "feeds.toml"
        path.write_text("")
        result = CliRunner().invoke(
            cli, ["--config", str(path), "--db", str(tmp_path / "x.db"), "watch", "list"]
        )
        assert result.exit_code == 0
        assert "Nothing watched" in result.stdout and "layoffs-tui watch add NAME" in result.stdout
        assert not (tmp_path / "x.db").exists()  # listing does not create a database


def test_every_watch_command_has_help() -> None:
    for command in ("add", "remove", "list"):
        result = CliRunner().invoke(cli, ["watch", command, "--help"])
        assert result.exit_code == 0 and len(result.output.splitlines()) > 3
