"""Score the extractor on a labelled JSONL file the way users and the judge do: through
`layoffs-tui extract`, then ../shared/eval/score_extract.py with floors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import require_shared
from tui.cli import cli

SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score_extract.py"


def assert_floors(cases: Path, tmp_path: Path, floors: dict[str, float]) -> str:
    """Run the extract command over ``cases`` and the scorer with ``--min`` floors; returns its summary."""
    require_shared()
    assert cases.exists() and SCORER.exists(), (cases, SCORER)
    result = CliRunner().invoke(cli, ["extract", str(cases)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.jsonl"
    out.write_text(result.stdout, encoding="utf-8")
    args = [arg for name, value in floors.items() for arg in ("--min", f"{name}={value}")]
    run = subprocess.run(
        [sys.executable, str(SCORER), str(cases), str(out), "--errors", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout.strip().splitlines()[-1]
