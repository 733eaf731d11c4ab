"""Stories per second for the extractor in one process, over the dev cases repeated.

Run: python bench/extract.py [--seconds N]. The floor (issue 3) is 2,000 stories/s; the figure
printed last is wall-clock stories/s, the line before it the same per CPU-second (steadier when
other processes share the machine).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.extract import extract

CASES = ROOT.parent / "shared" / "fixtures" / "dev_cases.jsonl"
FALLBACK = [
    {
        "title": "Acme Widgets to lay off 1,200 workers",
        "summary": "<p>The company said about 8% of staff go.</p>",
    },
    {"title": "Fed cuts interest rate", "summary": "The central bank cut rates by a quarter point."},
]


def load() -> list[dict]:
    """The dev cases when the shared fixtures are there, else two built-in stories."""
    if CASES.exists():
        return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return FALLBACK


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0, help="how long to run (default 3)")
    args = parser.parse_args()
    stories = load()
    extract(stories[0]["title"], stories[0].get("summary", ""))  # load company data outside the timing
    done, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < args.seconds:
        for story in stories:
            extract(story["title"], story.get("summary", ""), story.get("published"))
        done += len(stories)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    # CPU time is printed too: on a busy machine wall-clock throughput understates the extractor.
    print(
        f"{done} stories in {elapsed:.2f}s wall, {cpu:.2f}s CPU: {done / cpu:,.0f} stories/s per CPU-second"
    )
    print(f"{done / elapsed:,.0f} stories/s")


if __name__ == "__main__":
    main()
