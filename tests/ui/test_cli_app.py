"""The commands that open the app build it with the shared factory, as the user asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.ui.app import LayoffsApp


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[LayoffsApp]:
    """Apps that would have been run (``run`` replaced: no terminal in tests)."""
    apps: list[LayoffsApp] = []
    monkeypatch.setattr(LayoffsApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


def test_demo_opens_the_demo_database_without_polling(opened: list[LayoffsApp], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--keep", str(tmp_path)])
    assert result.exit_code == 0, result.output
    app = opened[0]
    assert not app.poll_on_start and not app.allow_poll
    assert app.db_path == tmp_path / "demo.db"
    assert [feed.name for feed in app.config.feeds] == ["Tech Cuts Weekly", "Business Desk", "Work & Markets"]
    from tui.store import open_db

    assert open_db(app.db_path).execute("SELECT count(*) FROM articles").fetchone()[0] > 0


def test_no_command_opens_the_app_on_the_given_files(opened: list[LayoffsApp], tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[[feeds]]\nurl = "https://example.com/feed.xml"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "l.db")])
    assert result.exit_code == 0, result.output
    app = opened[0]
    assert app.poll_on_start and app.config.path == config and app.db_path == tmp_path / "l.db"


def test_a_bad_feed_list_is_a_message_not_a_traceback(opened: list[LayoffsApp], tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[[feeds]]\nurl = "ftp://example.com/feed.xml"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "l.db")])
    assert result.exit_code == 2 and "http" in result.output and not opened


def test_the_first_run_tells_the_app_where_the_feed_list_was_made(opened: list[LayoffsApp], tmp_path: Path) -> None:
    from tui.paths import default_config_path

    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "l.db")])
    assert result.exit_code == 0, result.output
    assert opened[0].created_config == default_config_path() and default_config_path().exists()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "l.db")])  # the second run created nothing
    assert opened[1].created_config is None
