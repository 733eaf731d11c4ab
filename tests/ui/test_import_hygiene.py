"""The domain modules never import Textual: they are usable (and fast to start) without a terminal."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

DOMAIN_MODULES = [
    "tui.config",
    "tui.keymap",
    "tui.wording",
    "tui.store",
    "tui.store.queries",
    "tui.store.filters",
    "tui.store.corrections",
    "tui.poll",
    "tui.extract",
    "tui.export",
    "tui.atomic",
    "tui.feedlist",
    "tui.opml",
    "tui.demo",
    "tui.cli",
    "tui.cli.app_cmd",
]


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_domain_module_does_not_import_textual(module: str) -> None:
    assert importlib.util.find_spec(module) is not None, f"{module} is gone: update DOMAIN_MODULES"
    code = (
        f"import sys, {module}\n"
        "bad = sorted(name for name in sys.modules if name == 'textual' or name.startswith('textual.'))\n"
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"


UI_DIR = Path(__file__).resolve().parents[2] / "tui" / "ui"
FORBIDDEN_IN_UI = re.compile(
    r"^\s*(?:import|from)\s+(?:sqlite3|sqlite_utils|httpx|feedparser)\b"
    r"|\b(?:SELECT|INSERT|UPDATE|DELETE)\s+(?:\w+|\*)\s+(?:FROM|INTO|SET)\b"
    r"|\.execute\(",
    re.MULTILINE,
)


@pytest.mark.parametrize("path", sorted(UI_DIR.glob("*.py")), ids=lambda p: p.name)
def test_ui_holds_no_sql_and_no_http(path: Path) -> None:
    """STYLE.md: the UI asks the domain; SQL lives in tui.store, HTTP in tui.poll."""
    found = FORBIDDEN_IN_UI.findall(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name}: {found}"
