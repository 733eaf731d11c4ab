"""The floors of issue 3 on the labelled dev cases, scored by the project's own scorer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.extract.scoring import assert_floors

REPO = Path(__file__).resolve().parents[2]
CASES = REPO.parent / "shared" / "fixtures" / "dev_cases.jsonl"
FLOORS = {"story_f1": 0.95, "company_f1": 0.90, "headcount_acc": 0.85, "percent_acc": 0.80}


def test_dev_cases_meet_the_floors(tmp_path: Path) -> None:
    assert_floors(CASES, tmp_path, FLOORS)


def test_extractor_imports_no_io_or_ui() -> None:
    """The extractor is pure: importing it must not pull in Textual, HTTP or SQLite."""
    code = (
        "import sys, tui.extract; bad = [m for m in ('textual', 'httpx', 'sqlite3', 'sqlite_utils') "
        "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
