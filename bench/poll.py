"""Benchmark: ``layoffs-tui poll`` against newsboat 2.21 on the same locally served feeds, in one run.

    .venv/bin/python bench/poll.py                          # 200x50 at 50 ms, cold and warm, 3 runs each
    .venv/bin/python bench/poll.py --size 1000x20           # the large set
    .venv/bin/python bench/poll.py --phase warm --newsboat-threads 8 --repeats 5

The setting of issue 14: feeds spread over 50 loopback addresses (50 sites, bench/feedserver.py in its own
process), 10% of the items layoff stories the extractor tags, 50 ms latency per request, every feed with a
real ETag. *cold* polls into an empty database and cache; *warm* polls again after a first poll, every feed
answering 304; *refetch* is warm with the server ignoring validators and resending the same bytes. Each
phase is run ``--repeats`` times, the readers taking turns (ours, newsboat 8 threads, newsboat 1 thread) so
a load from elsewhere falls on all of them; the medians are compared. newsboat runs with ``reload-threads``
of 8 and of 1 (its default) in its config. Both readers run as real programs in a subprocess
(``layoffs-tui --config C --db D poll``; ``newsboat -x reload`` with its own urls, cache and config files).
Peak memory is the summed RSS of the process and its children, sampled from /proc every 50 ms (the
highest over the runs).

Floors (issue 14), against newsboat with 8 threads in the same run: cold <= 1.0x, warm <= 0.5x; peak
memory <= 250 MB. The last measured figures are in the README's benchmark section.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    cpu_seconds: float
    """User and system CPU of the process and the children it waited for (a load from elsewhere
    stretches the wall time of a CPU-bound poll, much less its CPU time)."""


def _tree(pid: int) -> list[int]:
    pids, stack = [], [pid]
    while stack:
        current = stack.pop()
        pids.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                stack += [int(child) for child in
                          Path(f"/proc/{current}/task/{task}/children").read_text().split()]
        except OSError:
            continue
    return pids


def _rss(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
    return total


def timed(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall time and peak summed RSS of ``command`` and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _rss(_tree(process.pid)))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    returncode = process.wait()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Run(seconds, peak / 2**20, returncode, cpu)


class Server:
    """bench/feedserver.py in its own process."""

    def __init__(self, feeds: int, items: int, latency_ms: float, addresses: int, port: int) -> None:
        self.feeds, self.addresses, self.port = feeds, addresses, port
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "feedserver.py"), "--feeds", str(feeds), "--items", str(items),
             "--latency-ms", str(latency_ms), "--addresses", str(addresses), "--port", str(port)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "ready"

    def urls(self) -> list[str]:
        return [f"http://127.0.0.{2 + n % self.addresses}:{self.port}/feed/{n}.xml" for n in range(self.feeds)]

    def mode(self, ignore_validators: bool) -> None:
        import urllib.request

        word = "ignore" if ignore_validators else "honor"
        urllib.request.urlopen(f"http://127.0.0.2:{self.port}/__mode/{word}").read()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.terminate()
        self.process.wait()


class Readers:
    """A fresh layoffs-tui database and a fresh newsboat cache over the same URLs."""

    def __init__(self, urls: list[str], workdir: Path, layoffs: str, concurrency: int | None) -> None:
        self.dir = workdir
        self.layoffs = layoffs
        settings = f"[settings]\nconcurrency = {concurrency}\n\n" if concurrency else ""
        (workdir / "feeds.toml").write_text(settings + "".join(f'[[feeds]]\nurl = "{u}"\nname = "f{n}"\n\n'
                                                               for n, u in enumerate(urls)))
        (workdir / "urls").write_text("\n".join(urls) + "\n")
        self.env = dict(os.environ, HOME=str(workdir))

    def reset(self, reader: str) -> None:
        """Forget what ``reader`` stored, for the next cold run."""
        for name in ("l.db", "l.db-wal", "l.db-shm") if reader == "layoffs-tui" else (f"{reader}.db",):
            (self.dir / name).unlink(missing_ok=True)

    def run(self, reader: str) -> Run:
        """One poll by ``reader``: "layoffs-tui" or "newsboat-N" (N reload threads)."""
        if reader == "layoffs-tui":
            return timed([self.layoffs, "--config", str(self.dir / "feeds.toml"), "--db",
                          str(self.dir / "l.db"), "poll", "--quiet"], self.env)
        threads = int(reader.split("-")[1])
        conf = self.dir / f"{reader}.conf"
        conf.write_text(f"reload-threads {threads}\n")
        return timed(["newsboat", "-x", "reload", "-u", str(self.dir / "urls"), "-c", str(self.dir / f"{reader}.db"),
                      "-C", str(conf)], self.env)


def phase(name: str, feeds: int, items: int, latency_ms: float, args: argparse.Namespace) -> dict:
    """Medians of ``args.repeats`` polls per reader in one phase, the readers taking turns."""
    server = Server(feeds, items, latency_ms, args.addresses, args.port)
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    readers = Readers(server.urls(), workdir, args.layoffs, args.concurrency)
    names = ["layoffs-tui"]
    if not args.no_newsboat and shutil.which("newsboat"):
        names += [f"newsboat-{threads}" for threads in args.newsboat_threads]
    runs: dict[str, list[Run]] = {reader: [] for reader in names}
    try:
        if name != "cold":  # warm and refetch start from a polled database and cache
            for reader in names:
                readers.run(reader)
            server.mode(ignore_validators=name == "refetch")
        for _ in range(args.repeats):
            for reader in names:
                if name == "cold":
                    readers.reset(reader)
                runs[reader].append(readers.run(reader))
    finally:
        server.close()
        shutil.rmtree(workdir, ignore_errors=True)
    row: dict = {"phase": name, "feeds": feeds, "items": items, "latency_ms": latency_ms,
                 "addresses": args.addresses, "repeats": args.repeats}
    for reader, done in runs.items():
        row[reader] = {"median_s": round(statistics.median(r.seconds for r in done), 3),
                       "runs_s": [round(r.seconds, 3) for r in done],
                       "cpu_s": round(statistics.median(r.cpu_seconds for r in done), 3),
                       "peak_mb": round(max(r.peak_mb for r in done), 1),
                       "failed_runs": sum(1 for r in done if r.returncode != 0)}
    ours = row["layoffs-tui"]["median_s"]
    for reader in names[1:]:
        row[f"ratio_{reader}"] = round(ours / row[reader]["median_s"], 3)
    return row


SIZES = {"15x50": (15, 50), "200x50": (200, 50), "1000x20": (1000, 20)}
FLOORS = {"cold": 1.0, "warm": 0.5, "refetch": 0.5}
"""Against newsboat with 8 reload threads (issue 14)."""
MEMORY_FLOOR_MB = 250


def describe(row: dict) -> str:
    """One line a person reads: medians, peaks and ratios, with the floor's verdict."""
    ours = row["layoffs-tui"]
    line = (f"{row['phase']:8} {row['feeds']}x{row['items']} @{row['latency_ms']:g} ms: layoffs-tui "
            f"{ours['median_s']:.2f} s (runs {', '.join(f'{s:.2f}' for s in ours['runs_s'])}) "
            f"cpu {ours['cpu_s']:.2f} s peak {ours['peak_mb']:.0f} MB")
    if ours["failed_runs"]:
        line += f" [{ours['failed_runs']} runs exited non-zero]"
    for key in [k for k in row if k.startswith("ratio_")]:
        reader = key.removeprefix("ratio_")
        line += f" | {reader} {row[reader]['median_s']:.2f} s (cpu {row[reader]['cpu_s']:.2f} s): {row[key]:.2f}x"
        if reader == "newsboat-8":
            floor = FLOORS[row["phase"]]
            line += f" ({'meets' if row[key] <= floor else 'MISSES'} the {floor}x floor)"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(SIZES), action="append",
                        help="feeds x items (default 200x50; repeat the option for several)")
    parser.add_argument("--phase", choices=sorted(FLOORS), action="append", help="default: cold and warm")
    parser.add_argument("--repeats", type=int, default=3, help="polls per reader and phase; medians are compared")
    parser.add_argument("--no-newsboat", action="store_true")
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--addresses", type=int, default=50, help="loopback addresses (sites) to spread feeds over")
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--concurrency", type=int, help="layoffs-tui's [settings] concurrency (default: its own)")
    beside = Path(sys.executable).parent / "layoffs-tui"
    parser.add_argument("--layoffs", default=str(beside) if beside.exists() else shutil.which("layoffs-tui"),
                        help="the layoffs-tui executable")
    parser.add_argument("--newsboat-threads", type=int, nargs="+", default=[8, 1],
                        help="newsboat reload-threads to compare with (default: 8 and its default 1)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    rows = []
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    for size in args.size or ["200x50"]:
        feeds, items = SIZES[size]
        for name in args.phase or ["cold", "warm"]:
            row = phase(name, feeds, items, args.latency_ms, args)
            rows.append(row)
            print(describe(row), flush=True)
    peak = max(row["layoffs-tui"]["peak_mb"] for row in rows)
    print(f"layoffs-tui peak memory {peak:.0f} MB ({'meets' if peak <= MEMORY_FLOOR_MB else 'MISSES'} the "
          f"{MEMORY_FLOOR_MB} MB floor); load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
