"""The floors of issue 3 on the labelled dev cases, scored by the project's own scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.extract import extract

REPO = Path(__file__).resolve().parents[2]
CASES = REPO.parent / "shared" / "fixtures" / "dev_cases.jsonl"
SCORER = REPO.parent / "shared" / "eval" / "score_extract.py"
FLOORS = {"story_f1": 0.95, "company_f1": 0.90, "headcount_acc": 0.85, "percent_acc": 0.80}


def test_dev_cases_meet_the_floors(tmp_path: Path) -> None:
    if not CASES.exists() or not SCORER.exists():
        pytest.skip("../shared fixtures are not beside the repository")
    out = tmp_path / "out.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for line in CASES.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                result = extract(case["title"], case.get("summary", ""), case.get("published"))
                row = {
                    "id": case["id"],
                    "layoff": result.layoff,
                    "events": [e.to_dict() for e in result.events],
                }
                handle.write(json.dumps(row) + "\n")
    floors = [arg for name, value in FLOORS.items() for arg in ("--min", f"{name}={value}")]
    run = subprocess.run(
        [sys.executable, str(SCORER), str(CASES), str(out), "--errors", *floors],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_extractor_imports_no_io_or_ui() -> None:
    """The extractor is pure: importing it must not pull in Textual, HTTP or SQLite."""
    code = (
        "import sys, tui.extract; bad = [m for m in ('textual', 'httpx', 'sqlite3', 'sqlite_utils') "
        "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
