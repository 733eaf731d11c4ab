"""The domain modules never import Textual: they are usable (and fast to start) without a terminal."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

DOMAIN_MODULES = [
    "tui.config",
    "tui.store",
    "tui.store.queries",
    "tui.store.filters",
    "tui.store.corrections",
    "tui.poll",
    "tui.extract",
    "tui.export",
    "tui.feedlist",
    "tui.opml",
    "tui.demo",
    "tui.cli",
    "tui.cli.app_cmd",
]


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_domain_module_does_not_import_textual(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} does not exist yet")
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
