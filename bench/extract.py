"""Stories per second for the extractor in one process, over the dev cases repeated.

Run: python bench/extract.py [--seconds N] [--mix 0.8]. The floor (issue 3) is 2,000 stories/s; the figure
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

from tui.extract import extract, preload

CASES = ROOT.parent / "shared" / "fixtures" / "dev_cases.jsonl"
FALLBACK = [
    {
        "title": "Acme Widgets to lay off 1,200 workers",
        "summary": "<p>The company said about 8% of staff go.</p>",
    },
    {"title": "Fed cuts interest rate", "summary": "The central bank cut rates by a quarter point."},
]


HELDOUT = ROOT / "tests" / "extract" / "heldout_cases.jsonl"
EVERYDAY = [
    # Ordinary feed items with no job-cut wording, the bulk of a real business/tech feed.
    (
        "Apple unveils thinner iPhone with new camera system",
        "The company showed the phone at its Cupertino event on Tuesday. Prices start at $799 and preorders open on Friday.",
    ),
    (
        "Oil prices climb as OPEC+ extends output curbs",
        "Brent crude rose 1.2% to $84.10 a barrel after the producer group said it would keep its policy in place through June.",
    ),
    (
        "Microsoft to invest $3.2 billion in Australian data centres",
        "The software company said the investment over two years would more than double its computing capacity in the country.",
    ),
    (
        "Shares in Nvidia hit record ahead of earnings",
        "<p>The chipmaker's stock rose 3% in early trading, giving it a market value above $3 trillion.</p>",
    ),
    (
        "Bank of England holds rates at 5.25%",
        "The Monetary Policy Committee voted 8-1 to keep Bank Rate unchanged, with one member preferring a quarter-point rise.",
    ),
    (
        "Tesla opens first showroom in India",
        "The carmaker's Mumbai store will sell the Model Y, priced at about 6 million rupees, the company said.",
    ),
    (
        "Spotify raises subscription prices in 50 markets",
        "The streaming service said its individual plan would cost $1 more a month from July.",
    ),
    (
        "Airbus delivers 67 jets in May, keeps annual target",
        "The planemaker said it remained on track to deliver about 820 aircraft this year despite supply chain strains.",
    ),
    (
        "Samsung profit beats forecasts on memory chip rebound",
        "Operating profit rose to 10.4 trillion won in the second quarter, the company estimated on Friday.",
    ),
    (
        "Man City win fourth straight Premier League title",
        "Phil Foden scored twice as City beat West Ham 3-1 on the final day at the Etihad Stadium.",
    ),
    (
        "EU fines Apple EUR 1.8 billion over music streaming",
        "The European Commission said the company had abused its dominant position by restricting rival apps.",
    ),
    (
        "Reliance Jio launches 5G in 100 more cities",
        "The telecom operator said the rollout brought its 5G network to more than 400 Indian cities.",
    ),
    (
        "Toyota recalls 50,000 vehicles over airbag fault",
        "The carmaker urged owners of older Corolla and RAV4 models not to drive them until repairs are made.",
    ),
    (
        "Amazon Prime Day sales top $14 billion, Adobe says",
        "Online spending in the US over the two-day event rose 11% from a year earlier, according to Adobe Analytics.",
    ),
    (
        "OpenAI releases new model for coding tasks",
        "The company said the model could write and test software with less supervision, and would be available to paid users first.",
    ),
    (
        "Qantas returns to profit as travel demand soars",
        "The airline reported an underlying profit before tax of A$2.47 billion for the year to June.",
    ),
    (
        "Unilever names new chief executive",
        "The consumer goods group said its finance chief would take over at the start of next month.",
    ),
    (
        "HSBC completes sale of Canadian unit",
        "The bank said it had closed the C$13.5 billion sale of its Canadian business to Royal Bank of Canada.",
    ),
    (
        "Bitcoin tops $70,000 as ETF inflows continue",
        "The cryptocurrency rose 4% on Monday, its highest level in two months.",
    ),
    (
        "Boeing Starliner docks with space station",
        "The capsule carried two NASA astronauts on its first crewed flight after years of delays.",
    ),
]


def load(mix: float | None = None) -> list[dict]:
    """The dev cases when the shared fixtures are there, else two built-in stories.

    With `mix` (a share of non-layoff stories, e.g. 0.8), the dev layoff stories are mixed with
    non-layoff ones, as a real feed is: the dev and held-out negatives (hard: they hold words such as
    "cut" or "layoff") and everyday items; every story is used once per round.
    """
    if not CASES.exists():
        return FALLBACK
    dev = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    if mix is None:
        return dev
    held = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    layoff = [c for c in dev if c["layoff"]]
    negatives = [c for c in dev + held if not c["layoff"]]
    negatives += [{"title": t, "summary": s} for t, s in EVERYDAY]
    want = round(len(layoff) * mix / (1 - mix))  # negatives for the wanted share
    cycled = [negatives[i % len(negatives)] for i in range(want)]
    return layoff + cycled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0, help="how long to run (default 3)")
    parser.add_argument(
        "--mix",
        type=float,
        default=None,
        metavar="SHARE",
        help="share of non-layoff stories, as a real feed has (e.g. 0.8); default: the dev cases as they are",
    )
    args = parser.parse_args()
    stories = load(args.mix)
    preload()  # company data, places and word frequencies load once, outside the timing
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
