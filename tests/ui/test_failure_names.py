"""The failure handler's wording names real workers: a renamed worker would fall back to its raw name."""

from __future__ import annotations

import re
from pathlib import Path

from tui.ui.failures import WHAT_FAILED

UI = Path(__file__).resolve().parents[2] / "tui" / "ui"


def test_every_worded_failure_is_a_worker_that_exists() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in UI.glob("*.py") if path.name != "failures.py")
    missing = [name for name in WHAT_FAILED if not re.search(rf"\b{re.escape(name)}\b", source)]
    assert missing == []
