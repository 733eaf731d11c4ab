"""``layoffs-tui feeds`` through click, on real files and a real database in tmp_path."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.config import FeedConfig, load_config
from tui.store import open_db, write_transaction
from tui.store.feeds import record_poll, sync_feeds
from tui.timeutil import parse_iso

from .conftest import COMMENTED


@pytest.fixture
def run(feeds_path, tmp_path):
    db_path = tmp_path / "layoffs.db"

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["--config", str(feeds_path), "--db", str(db_path), "feeds", *args])

    invoke.db_path = db_path
    return invoke


class TestList:
    def test_never_polled_without_a_database(self, feeds_path):
        """The first run: no database at the default path yet."""
        from tui.paths import default_db_path

        result = CliRunner().invoke(cli, ["--config", str(feeds_path), "feeds", "list"])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[:3] == [
            "Alpha  (enabled)  [layoffs, tech]",
            "    https://alpha.example/rss",
            "    never polled",
        ]
        assert "Gamma  (enabled)\n" in result.stdout
        assert result.stdout.count("never polled") == 3
        assert not default_db_path().exists()  # listing does not create a database

    def test_a_db_option_that_names_no_database_is_an_error(self, run):
        """Issue 10: a typo in --db listed every feed as "never polled"."""
        result = run("list")
        assert result.exit_code == 2
        assert result.stderr == (f"layoffs-tui: {run.db_path}: no database here; check --db (or LAYOFFS_TUI_DB), "
                                 f"or create one with `layoffs-tui --db {run.db_path} poll`\n")
        assert not run.db_path.exists()

    def test_last_poll_and_status_from_the_database(self, run):
        db = open_db(run.db_path)
        states = sync_feeds(db, [FeedConfig(url="https://alpha.example/rss", name="Alpha"),
                                 FeedConfig(url="https://beta.example/feed.xml", name="Beta")])
        with write_transaction(db):
            record_poll(db, states["https://alpha.example/rss"].id, now=parse_iso("2024-03-05T08:00:00Z"),
                        status="ok", http_status=200)
            record_poll(db, states["https://beta.example/feed.xml"].id, now=parse_iso("2024-03-05T08:01:00Z"),
                        status="error", http_status=503, error="server unavailable", keep_validators=True)
        db.close()
        lines = run("list").stdout.splitlines()
        assert lines[2] == "    last poll 2024-03-05 08:00:00 UTC: ok (HTTP 200), 0 articles"
        assert lines[5] == "    last poll 2024-03-05 08:01:00 UTC: failed (HTTP 503): server unavailable, 0 articles"
        assert lines[8] == "    never polled"

    def test_disabled_feeds_say_so(self, run):
        open_db(run.db_path).close()
        run("disable", "Beta")
        assert "Beta  (disabled)" in run("list").stdout


class TestEdits:
    def test_add_remove_enable_disable(self, run, feeds_path):
        result = run("add", "https://delta.example/rss", "--name", "Delta", "--tag", "a", "--tag", "b")
        assert result.exit_code == 0, result.output
        assert "Added 'Delta' (https://delta.example/rss)" in result.stdout
        assert load_config(feeds_path).feeds[-1].tags == ("a", "b")
        assert run("disable", "Delta").exit_code == 0
        assert load_config(feeds_path).feeds[-1].enabled is False
        assert run("enable", "https://delta.example/rss").exit_code == 0
        assert load_config(feeds_path).feeds[-1].enabled is True
        assert run("remove", "Delta").exit_code == 0
        assert feeds_path.read_text().startswith(COMMENTED)

    @pytest.mark.parametrize(("args", "message"), [
        (("add", "https://alpha.example/rss"), "already in the feed list as 'Alpha'"),
        (("add", "not a url"), "'not a url' is not a feed address"),
        (("remove", "Nope"), "no feed named or at 'Nope'"),
        (("disable", "Alpah"), "did you mean 'Alpha'?"),
    ])
    def test_refused_edits_are_one_line_and_exit_2(self, run, feeds_path, args, message):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr.startswith("layoffs-tui: ") and result.stderr.count("\n") == 1
        assert message in result.stderr
        assert feeds_path.read_text() == COMMENTED

    def test_default_feed_list_is_created_first(self, tmp_path):
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "feeds", "add",
                                          "https://delta.example/rss"])
        assert result.exit_code == 0, result.output
        assert "Created your feed list at" in result.stderr
        assert "https://delta.example/rss" in result.stdout

    @pytest.mark.parametrize("command", ["list", "add", "remove", "enable", "disable"])
    def test_every_command_has_help(self, command):
        result = CliRunner().invoke(cli, ["feeds", command, "--help"])
        assert result.exit_code == 0
        assert len(result.output.split("Options:")[0].strip().splitlines()) >= 3
