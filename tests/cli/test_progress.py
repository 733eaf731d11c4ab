"""Long commands draw a progress bar on a terminal and stay quiet when piped (cron, ``| tee``)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.demo import build_demo_db


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    build_demo_db(path, datetime(2024, 9, 1, tzinfo=UTC))
    return path


def on_a_terminal(*args: str) -> tuple[str, str]:
    """Run ``layoffs-tui ARGS`` with stderr on a pseudo-terminal; (stdout, what the terminal showed)."""
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "tui", *args], stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal's other end closed: the command is done
            break
        if not chunk:
            break
        shown += chunk
    stdout, _ = process.communicate(timeout=60)
    os.close(master)
    assert process.returncode == 0, shown
    return stdout.decode(), shown.decode()


def test_retag_draws_a_bar_on_a_terminal(db_path: Path) -> None:
    stdout, shown = on_a_terminal("--db", str(db_path), "retag")
    assert stdout.startswith("retagged 30 articles")
    assert "Retagging" in shown and "30/30" in shown


def test_retag_is_quiet_when_piped(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "retag"])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith("retagged 30 articles")


def test_export_to_a_file_draws_a_bar_on_a_terminal(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    _, shown = on_a_terminal("--db", str(db_path), "export", "--all", "--format", "jsonl", "-o", str(out))
    assert "Exporting" in shown and "30/30" in shown
    assert len(out.read_text(encoding="utf-8").splitlines()) == 30


def test_export_to_stdout_is_quiet_when_piped(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "export", "--all", "--format", "jsonl"])
    assert result.exit_code == 0 and result.stderr == ""
    assert len(result.stdout.splitlines()) == 30
