"""Benchmark of the app at 100,000 or 1,000,000 articles: first paint, pane counts, filter changes,
search keys, memory, the long commands, and key-press latency while a poll of 200 local feeds runs.

    python bench/ui.py [--articles 1000000] [--db KEEP.db] [--runs 3] [--skip poll] [--skip retag] [--skip cuts]

Each phase runs in its own process, so each peak RSS is that phase's alone:
  build    writes the synthetic database (bench/synthetic.py: realistic stories the extractor tags, 300
           companies with 30 units, 36 months); with --db it is kept and reused by later runs
  browse   opens the app headless (120x36): first paint and the panes' counts after start; chooses
           companies and months with real keys (filter change to repainted table, and to the panes'
           counts); types six searches a key at a time (each key to repainted table, and to the counts),
           then types them at 80 ms a key (the last key to the final table and counts)
  browse --cuts  the same company and month changes in the cuts view (``v``), its cuts grouped first
           when the database has none (issue 12's floor: p95 <= 50 ms at 100,000 articles)
  cli      layoffs-tui export --format csv, export --all --format jsonl and retag: seconds and peak RSS
  poll     polls 200 feeds served by bench/feedserver.py in another process, and times j/k presses
           until the cursor has moved, while the poll runs
With --runs N every figure is the median of N runs over the same database.

Goals at 1,000,000 articles (issue 11): search key to repainted table p95 <= 100 ms; pane counts after a
search key p50 <= 0.3 s; pane counts after start <= 0.5 s; company or month change p95 <= 30 ms; export
csv and export --all jsonl peak <= 150 MB, csv <= 10 s; retag's cost per article kept. The README's
benchmark table has the figures and the commands.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.ui_timing import (
    REFRESHES,
    filter_changes,
    percentile,
    record_refreshes,
    search_bursts,
    search_keys,
    wait_counts,
    wait_ready,
)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def search_words(db_path: Path) -> list[str]:
    """Words a reader would look for in the synthetic stories: common and rare, a company, two words."""
    import random

    from bench.stories import StoryMaker

    company = StoryMaker(random.Random(7)).companies[0].split()[0].lower()
    return ["cloud", "revenue", "restructuring", company, "dublin", "weaker orders"]


async def browse(db_path: Path, changes: int, spawned_at: float, cuts: bool = False) -> dict:
    if cuts:
        from tui.store import open_db
        from tui.store.cuts import rebuild_cuts

        db = open_db(db_path)
        if not db.execute("SELECT 1 FROM cuts LIMIT 1").fetchall():
            rebuild_cuts(db)
        db.close()
    started = time.perf_counter()
    from tui.config import Config
    from tui.ui import make_app

    record_refreshes()
    app = make_app(Config(path=None), db_path, poll_on_start=False)
    figures: dict = {}
    async with app.run_test(size=(120, 36)) as pilot:
        painted = await wait_ready(app)
        figures["first_paint_s"] = painted - started
        figures["process_start_to_first_paint_s"] = time.time() - (time.perf_counter() - painted) - spawned_at
        figures["rows_loaded"] = app.main.table.row_count
        figures["counts_after_start_s"] = await wait_counts(app) - started
        if cuts:  # the cuts view: its first page, then company and month changes only
            began = time.perf_counter()
            await pilot.press("v")
            figures = {"first_page_s": await wait_ready(app) - began, "cuts": app.main.table.total}
            await wait_counts(app)
            return figures | await filter_changes(app, pilot, changes) | {"peak_rss_mb": peak_rss_mb()}
        figures |= await filter_changes(app, pilot, changes)
        figures["final_filter"] = app.main.flt.describe()
        await pilot.press("escape")
        await wait_ready(app)
        await wait_counts(app)
        words = search_words(db_path)
        figures |= await search_keys(app, pilot, words)
        figures |= await search_bursts(app, pilot, words)
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


class FeedServer:
    """bench/feedserver.py in its own process (so it does not share our GIL)."""

    def __init__(
        self, feeds: int, items: int, latency_ms: float, addresses: int = 50, port: int = 18181
    ) -> None:
        self.feeds, self.addresses, self.port = feeds, addresses, port
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(HERE / "feedserver.py"),
                "--feeds",
                str(feeds),
                "--items",
                str(items),
                "--latency-ms",
                str(latency_ms),
                "--addresses",
                str(addresses),
                "--port",
                str(port),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "ready"

    def urls(self) -> list[str]:
        return [
            f"http://127.0.0.{2 + n % self.addresses}:{self.port}/feed/{n}.xml" for n in range(self.feeds)
        ]

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.terminate()
        self.process.wait()


async def poll_latency(db_path: Path, feeds: int, items: int, latency_ms: float) -> dict:
    from textual import events

    from tui.config import parse_config
    from tui.ui import make_app
    from tui.ui.messages import PollFinished

    server = FeedServer(feeds, items, latency_ms)
    try:
        toml = "".join(
            f'[[feeds]]\nurl = "{url}"\nname = "Bench {n}"\n\n' for n, url in enumerate(server.urls())
        )
        config = parse_config(toml)
        finished: list[float] = []

        def hook(message) -> None:
            if isinstance(message, PollFinished):
                finished.append(time.perf_counter())

        record_refreshes()
        app = make_app(config, db_path, poll_on_start=False)
        latencies: list[float] = []
        async with app.run_test(size=(120, 36), message_hook=hook) as pilot:
            await wait_ready(app)
            table = app.main.table
            poll_started = time.perf_counter()
            await pilot.press("r")
            key = "j"
            while not finished and time.perf_counter() - poll_started < 300:
                # A key as the terminal driver delivers it (pilot.press would also wait for the app
                # to be idle, which it never is while feeds arrive): timed until the cursor has moved
                # and the screen has been repainted.
                before = table.cursor_row
                began = time.perf_counter()
                app.post_message(events.Key(key, key))
                while table.cursor_row == before:
                    await asyncio.sleep(0.0005)
                moved = time.perf_counter()
                while not any(moment >= moved for moment in REFRESHES[-5:]):
                    await asyncio.sleep(0.0005)
                latencies.append((time.perf_counter() - began) * 1000)
                key = "k" if key == "j" else "j"
                await asyncio.sleep(0.03)  # a fast typist's pace
            report = None
            while app.polling:
                await pilot.pause()
            poll_seconds = (finished[0] if finished else time.perf_counter()) - poll_started
            while any(worker.is_running for worker in app.workers):
                await pilot.pause()
            report = app.main.table.total
        return {
            "poll_feeds": feeds,
            "poll_items_per_feed": items,
            "poll_seconds": poll_seconds,
            "keys_during_poll": len(latencies),
            "key_ms_p50": statistics.median(latencies) if latencies else None,
            "key_ms_p95": percentile(latencies, 0.95) if latencies else None,
            "key_ms_max": max(latencies) if latencies else None,
            "rows_after_poll": report,
            "peak_rss_mb": peak_rss_mb(),
        }
    finally:
        server.close()


def cli_cost(db_path: Path, command: str) -> dict:
    """One ``layoffs-tui`` command in this process: wall time and peak memory (output to a temp file)."""
    import shlex

    from tui.cli import cli, configure_logging

    configure_logging()
    with tempfile.TemporaryDirectory(prefix="layoffs-bench-out-") as tmp:
        args = ["--db", str(db_path), *shlex.split(command.replace("{out}", str(Path(tmp) / "out")))]
        began = time.perf_counter()
        stdout = sys.stdout
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the command's own output is not the figure
        try:
            cli.main(args=args, prog_name="layoffs-tui", standalone_mode=False)
        finally:
            sys.stdout.close()
            sys.stdout = stdout
        seconds = time.perf_counter() - began
    return {"seconds": seconds, "peak_rss_mb": peak_rss_mb()}


CLI_COMMANDS = {
    "export_csv": "export --format csv -o {out}",
    "export_all_jsonl": "export --all --format jsonl -o {out}",
    "retag": "retag",
}
"""The long commands: their time and peak memory (``retag`` also per article)."""


def run_phase(*args: str) -> dict:
    spawned = time.time()
    out = subprocess.run(
        [sys.executable, __file__, *args, "--spawned-at", repr(spawned)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        raise SystemExit(f"phase {args[0]} failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


def one_run(db: Path, args: argparse.Namespace) -> dict:
    """Every phase once over the database at ``db``."""
    figures = {
        f"browse_{k}": v
        for k, v in run_phase("browse", "--db", str(db), "--changes", str(args.changes)).items()
    }
    for name, command in CLI_COMMANDS.items():
        if name in args.skip:
            continue
        cost = run_phase("cli", "--db", str(db), "--command", command)
        figures[f"{name}_s"] = cost["seconds"]
        figures[f"{name}_peak_rss_mb"] = cost["peak_rss_mb"]
        if name == "retag":
            figures["retag_us_per_article"] = cost["seconds"] / args.articles * 1e6
    if "cuts" not in args.skip:
        cut_view = run_phase("browse", "--db", str(db), "--changes", str(args.changes), "--cuts")
        figures |= {f"cut_view_{k}": v for k, v in cut_view.items()}
    if "poll" not in args.skip:
        figures |= {
            f"poll_{k}": v
            for k, v in run_phase(
                "poll",
                "--db",
                str(db),
                "--feeds",
                str(args.feeds),
                "--items",
                str(args.items),
                "--latency-ms",
                str(args.latency_ms),
            ).items()
        }
    return figures


def medians(runs: list[dict]) -> dict:
    """Each figure's median over the runs (text figures from the last run)."""
    out: dict = {}
    for key in runs[-1]:
        values = [run[key] for run in runs if key in run]
        numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
        out[key] = statistics.median(numbers) if len(numbers) == len(values) else values[-1]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("phase", nargs="?", default="all", choices=["all", "build", "browse", "poll", "cli"])
    parser.add_argument("--db", type=Path, help="keep the database here; an existing one is reused")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1, help="repeat the phases; figures are medians")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["poll", "cuts", *CLI_COMMANDS],
        help="leave a measure out (repeatable)",
    )
    parser.add_argument("--changes", type=int, default=80)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--command", help="cli phase: the layoffs-tui arguments ({out}: a temp file)")
    parser.add_argument("--cuts", action="store_true", help="browse phase: in the cuts view")
    parser.add_argument("--spawned-at", type=float, default=0.0)
    args = parser.parse_args()
    if args.phase == "build":
        from bench.synthetic import build_synthetic_db

        began = time.perf_counter()
        build_synthetic_db(args.db, articles=args.articles)
        print(json.dumps({"build_s": time.perf_counter() - began}))
    elif args.phase == "browse":
        print(json.dumps(asyncio.run(browse(args.db, args.changes, args.spawned_at, args.cuts))))
    elif args.phase == "poll":
        print(json.dumps(asyncio.run(poll_latency(args.db, args.feeds, args.items, args.latency_ms))))
    elif args.phase == "cli":
        print(json.dumps(cli_cost(args.db, args.command)))
    else:
        with tempfile.TemporaryDirectory(prefix="layoffs-bench-") as tmp:
            db = args.db or Path(tmp) / "bench.db"
            figures: dict = {}
            if not db.exists():
                figures |= run_phase("build", "--db", str(db), "--articles", str(args.articles))
            figures |= medians([one_run(db, args) for _ in range(args.runs)])
        print(
            f"layoffs-tui UI bench: {args.articles:,} articles, 300 companies, 36 months, "
            f"median of {args.runs} ({os.cpu_count()} CPUs, Python {sys.version.split()[0]})"
        )
        for key, value in figures.items():
            print(f"  {key:40} {value:.3f}" if isinstance(value, float) else f"  {key:40} {value}")
        print(json.dumps(figures), file=sys.stderr if args.runs else sys.stdout)


if __name__ == "__main__":
    main()
