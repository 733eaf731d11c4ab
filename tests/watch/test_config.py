"""``[watch]`` in feeds.toml: read into ``Config.watch``; mistakes named by file, line and key (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.config import load_config
from tui.errors import ConfigError
from tui.watch.settings import DEFAULT_ALERT_TIMEOUT_SECONDS, WatchConfig


def test_the_watch_table_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(
        '[watch]\ncompanies = ["Intel", " Siemens "]\nalert_command = ["notify-send", "Layoffs: "]\n'
        "alert_timeout_seconds = 2.5\n"
    )
    assert load_config(path).watch == WatchConfig(
        companies=("Intel", "Siemens"), alert_command=("notify-send", "Layoffs: "), alert_timeout_seconds=2.5
    )


def test_without_a_watch_table_nothing_is_watched(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\nconcurrency = 2\n")
    watch = load_config(path).watch
    assert watch.companies == () and watch.alert_command == ()
    assert watch.alert_timeout_seconds == DEFAULT_ALERT_TIMEOUT_SECONDS


BAD = [
    # (file text, words the message must hold)
    (
        '[settings]\nconcurrency = 2\n\n[watch]\ncompanys = ["Intel"]\n',
        ["feeds.toml:5", "'watch.companys'", "did you mean 'companies'"],
    ),
    ('[watch]\ncommand = ["x"]\n', ["feeds.toml:2", "did you mean 'alert_command'"]),
    ("[wach]\ncompanies = []\n", ["feeds.toml:1", "did you mean 'watch'"]),
    ('watch = ["Intel"]\n', ["feeds.toml:1", "'watch' must be a [watch] table"]),
    ('[watch]\ncompanies = "Intel"\n', ["feeds.toml:2", "watch.companies", "a list"]),
    ('[watch]\ncompanies = ["Intel", 3]\n', ["feeds.toml:2", "list of company names"]),
    ('[watch]\ncompanies = ["Intel", "  "]\n', ["feeds.toml:2", "list of company names"]),
    ('[watch]\nalert_command = "notify-send hi"\n', ["feeds.toml:2", "watch.alert_command", "a list"]),
    ("[watch]\nalert_command = []\n", ["feeds.toml:2", "watch.alert_command", "without a shell"]),
    ('[watch]\nalert_command = ["", "x"]\n', ["feeds.toml:2", "watch.alert_command"]),
    ('[watch]\nalert_command = ["curl", 3]\n', ["feeds.toml:2", "watch.alert_command"]),
    (
        '[watch]\nalert_timeout_seconds = "10"\n',
        ["feeds.toml:2", "watch.alert_timeout_seconds", "an integer"],
    ),
    ("[watch]\nalert_timeout_seconds = 0\n", ["feeds.toml:2", "between 0.1 and 600"]),
    ("[watch]\nalert_timeout_seconds = inf\n", ["feeds.toml:2", "between 0.1 and 600"]),
    ("[watch]\nalert_timeout_seconds = true\n", ["feeds.toml:2", "watch.alert_timeout_seconds"]),
]


@pytest.mark.parametrize(("text", "expected"), BAD, ids=[str(i) for i in range(len(BAD))])
def test_a_bad_watch_table_names_file_line_and_key(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    for words in expected:
        assert words in message, message


def test_the_command_line_exits_2_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('[watch]\ncompanies = ["Intel"]\nalert_comand = ["true"]\n')
    result = CliRunner().invoke(cli, ["--config", str(path), "--db", str(tmp_path / "x.db"), "watch", "list"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"layoffs-tui: {path}:3: unknown key 'watch.alert_comand'; did you mean 'alert_command'? "
        "Valid keys: alert_command, alert_timeout_seconds, companies.\n"
    )
