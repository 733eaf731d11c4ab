"""The command line as a whole: help everywhere, first run, config errors exit 2 without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tui.cli import cli


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None, f"`layoffs-tui {' '.join((*prefix, name))}` is listed but cannot be loaded"
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in _all_commands(cli)], ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        found = command.get_command(click.Context(command), name)
        assert found is not None
        command = found
    assert (command.help or "").strip(), f"`layoffs-tui {' '.join(path)}` has no help text"
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_first_run_copies_the_bundled_feed_list(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "feeds", "list"])
    created = Path(os.environ["XDG_CONFIG_HOME"]) / "layoffs-tui" / "feeds.toml"
    assert created.exists()
    assert f"Created your feed list at {created}" in result.stderr
    assert created.read_text(encoding="utf-8") == (Path(__file__).resolve().parents[2] / "feeds.toml").read_text(
        encoding="utf-8")


def test_bad_config_exits_2_with_one_clear_line(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[[feeds]]\nurl = "gopher://old.example/"\n')
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "x.db"), "poll"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"layoffs-tui: {config}:2: feeds[0].url must be an http:// or https:// URL")
    assert "Traceback" not in result.output


def test_unusable_database_path_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    config = tmp_path / "feeds.toml"
    config.write_text("")
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(blocker / "x.db"), "poll"])
    assert result.exit_code == 2
    assert "cannot create the database" in result.stderr or "cannot open" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["export"], ["retag"], ["tag", "4", "--not-layoff"], ["feeds", "list"]])
def test_commands_on_what_is_stored_never_create_a_database(tmp_path: Path, command: list[str]) -> None:
    """Issue 10: ``--db nope2/x.db export`` created the folder and an empty database and exited 0."""
    config = tmp_path / "feeds.toml"
    config.write_text("")
    missing = tmp_path / "nope2" / "x.db"
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(missing), *command])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"layoffs-tui: {missing}: no database here; check --db")
    assert not missing.parent.exists()


def test_export_before_the_first_poll_says_nothing_is_stored_yet(tmp_path: Path) -> None:
    from tui.paths import default_db_path

    result = CliRunner().invoke(cli, ["export"])
    assert result.exit_code == 2
    assert result.stderr == (f"layoffs-tui: nothing is stored yet: no database at {default_db_path()}; run "
                             "`layoffs-tui poll` first (or `layoffs-tui demo` to look around)\n")
    assert not default_db_path().exists()


def test_opml_export_needs_no_database_and_creates_none(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[[feeds]]\nurl = "https://a.example/rss"\n')
    missing = tmp_path / "nope2" / "x.db"
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(missing), "opml", "export"])
    assert result.exit_code == 0 and "https://a.example/rss" in result.stdout
    assert not missing.parent.exists()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    result = CliRunner().invoke(cli, ["--db", str(junk), "retag"])
    assert result.exit_code == 2
    assert "not a layoffs-tui database" in result.stderr


def test_first_run_where_the_config_folder_cannot_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "feeds", "list"])
    assert result.exit_code == 2
    assert "cannot create your feed list" in result.stderr and "--config" in result.stderr
    assert "Traceback" not in result.output


def test_the_app_refuses_an_unknown_key_id(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[keys]\ntoggle_stra = "f"\n')
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert f"{config}:2: unknown binding id 'keys.toggle_stra'; did you mean 'toggle_star'?" in result.stderr


def test_the_app_refuses_two_actions_on_one_key(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[keys]\ntoggle_star = "f"\nsearch = "f"\n')
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert result.stderr == (f"layoffs-tui: {config}:3: keys.search and keys.toggle_star both use the key 'f'; "
                             "give one of them another key\n")


def test_the_default_keys_do_not_clash() -> None:
    from tui.config import Config
    from tui.keymap import check_key_clashes
    from tui.ui.keys import binding_scopes

    check_key_clashes(Config(path=None), binding_scopes())


def test_the_command_line_loads_only_the_command_it_runs() -> None:
    """Commands load on first use: a cron poll does not import the export, cuts or feed-editing code."""
    code = ("import sys\nfrom tui.cli import cli\nfrom click import Context\n"
            "cli.get_command(Context(cli), 'poll')\n"
            "print(sorted(m for m in sys.modules if m.startswith('tui.cli.') and m.endswith('_cmd')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['tui.cli.poll_cmd']"
