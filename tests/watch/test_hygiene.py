"""The watchlist modules are domain code: they never import Textual (STYLE.md, "Two halves")."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "tui.watch.settings",
        "tui.watch.names",
        "tui.watch.wording",
        "tui.watch.alerts",
        "tui.watch.command",
        "tui.store.alerts",
        "tui.store.watch",
        "tui.feedlist.watchlist",
        "tui.cli.watch_cmd",
    ],
)
def test_watch_modules_do_not_import_textual(module: str) -> None:
    code = f"import sys, {module}\nprint(','.join(sorted(n for n in sys.modules if n.split('.')[0] == 'textual')))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"
