"""The cuts modules are domain code: they never import Textual (STYLE.md, "Two halves")."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "tui.cuts",
        "tui.store.cuts",
        "tui.store.cut_reports",
        "tui.store.cut_corrections",
        "tui.store.cut_queries",
        "tui.export.cuts",
        "tui.cli.cuts_cmd",
    ],
)
def test_cuts_modules_do_not_import_textual(module: str) -> None:
    code = f"import sys, {module}\nprint(','.join(sorted(n for n in sys.modules if n.split('.')[0] == 'textual')))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"


def test_the_grouping_package_needs_no_database() -> None:
    code = "import sys, tui.cuts\nprint(','.join(sorted(n for n in sys.modules if n.startswith(('sqlite', 'tui.store')))))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
