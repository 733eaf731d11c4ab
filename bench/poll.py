"""Benchmark: ``layoffs-tui poll`` against newsboat 2.21 on the same locally served feeds.

    /tmp/venv/bin/python bench/poll.py            # all three scenarios, both readers
    /tmp/venv/bin/python bench/poll.py --only warm --no-newsboat

Scenarios (the floors of issue 2): *cold* (200 feeds x 50 items, 50 ms latency, empty database and
cache), *warm* (1000 feeds x 20 items after a first poll: every feed answers 304) and *refetch*
(the same 1000 feeds, the server now ignoring validators and resending the same bytes). Both readers
run as real programs in a subprocess (``layoffs-tui --config C --db D poll``; ``newsboat -x reload``
with its own urls, cache and config files). Peak memory is the summed RSS of the process and its
children, sampled from /proc. Feeds are spread over many loopback addresses; the server runs in its
own process (bench/feedserver.py).

Last run (2 cores, Python 3.11, newsboat 2.21 with its default single reload thread):
    cold     200x50  @50 ms  layoffs-tui 5.18 s, peak 148 MB | newsboat 13.36 s | 0.39x (floor 0.6x)
    warm     1000x20 @0 ms   layoffs-tui 1.68 s, peak  49 MB | newsboat 14.45 s | 0.12x (floor 0.25x)
    refetch  1000x20 @0 ms   layoffs-tui 1.80 s, peak  49 MB | newsboat 13.89 s | 0.13x (floor 0.25x)
With ``--newsboat-threads 8`` newsboat's cold poll drops to 3.1 s (ours 5.3 s: feedparser and the
extractor, about 0.3 ms a layoff story, are the CPU); warm and refetch stay at 0.11x and 0.14x.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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
    return Run(seconds, peak / 2**20, returncode)


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

    def __init__(self, urls: list[str], workdir: Path, layoffs: str, newsboat_threads: int) -> None:
        self.dir = workdir
        self.layoffs = layoffs
        (workdir / "feeds.toml").write_text("".join(f'[[feeds]]\nurl = "{u}"\nname = "f{n}"\n\n'
                                                    for n, u in enumerate(urls)))
        (workdir / "urls").write_text("\n".join(urls) + "\n")
        # newsboat's default is one reload thread; --newsboat-threads gives it our concurrency.
        (workdir / "newsboat.conf").write_text(f"reload-threads {newsboat_threads}\n")
        self.env = dict(os.environ, HOME=str(workdir))

    def ours(self) -> Run:
        return timed([self.layoffs, "--config", str(self.dir / "feeds.toml"), "--db", str(self.dir / "l.db"),
                      "poll", "--quiet"], self.env)

    def newsboat(self) -> Run:
        return timed(["newsboat", "-x", "reload", "-u", str(self.dir / "urls"), "-c", str(self.dir / "cache.db"),
                      "-C", str(self.dir / "newsboat.conf")], self.env)


def scenario(name: str, feeds: int, items: int, latency_ms: float, args: argparse.Namespace) -> dict:
    server = Server(feeds, items, latency_ms, args.addresses, args.port)
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    readers = Readers(server.urls(), workdir, args.layoffs, args.newsboat_threads)
    use_newsboat = not args.no_newsboat and shutil.which("newsboat")
    try:
        if name != "cold":  # warm and refetch start from a polled database and cache
            readers.ours()
            if use_newsboat:
                readers.newsboat()
            server.mode(ignore_validators=name == "refetch")
        ours = readers.ours()
        theirs = readers.newsboat() if use_newsboat else None
    finally:
        server.close()
        shutil.rmtree(workdir, ignore_errors=True)
    row = {"scenario": name, "feeds": feeds, "items": items, "latency_ms": latency_ms,
           "layoffs_s": round(ours.seconds, 3), "layoffs_peak_mb": round(ours.peak_mb, 1),
           "layoffs_exit": ours.returncode}
    if theirs:
        row |= {"newsboat_s": round(theirs.seconds, 3), "newsboat_peak_mb": round(theirs.peak_mb, 1),
                "ratio": round(ours.seconds / theirs.seconds, 3)}
    return row


SCENARIOS = {"cold": (200, 50, 50.0), "warm": (1000, 20, None), "refetch": (1000, 20, None)}
FLOORS = {"cold": 0.6, "warm": 0.25, "refetch": 0.25}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=sorted(SCENARIOS), action="append")
    parser.add_argument("--no-newsboat", action="store_true")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="for warm and refetch (cold uses 50)")
    parser.add_argument("--addresses", type=int, default=50, help="loopback addresses to spread feeds over")
    parser.add_argument("--port", type=int, default=18080)
    beside = Path(sys.executable).parent / "layoffs-tui"
    parser.add_argument("--layoffs", default=str(beside) if beside.exists() else shutil.which("layoffs-tui"),
                        help="the layoffs-tui executable")
    parser.add_argument("--newsboat-threads", type=int, default=1,
                        help="newsboat's reload-threads (its default is 1; layoffs-tui fetches 8 at once)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    rows = []
    for name in args.only or list(SCENARIOS):
        feeds, items, latency = SCENARIOS[name]
        row = scenario(name, feeds, items, args.latency_ms if latency is None else latency, args)
        rows.append(row)
        verdict = ""
        if "ratio" in row:
            verdict = "meets" if row["ratio"] <= FLOORS[name] else "MISSES"
            verdict = f"ratio {row['ratio']:.3f} ({verdict} the {FLOORS[name]}x floor)"
        print(f"{name:8} {feeds}x{items} latency {row['latency_ms']:g} ms: layoffs-tui {row['layoffs_s']:.2f} s "
              f"peak {row['layoffs_peak_mb']:.0f} MB"
              + (f" | newsboat {row['newsboat_s']:.2f} s peak {row['newsboat_peak_mb']:.0f} MB | {verdict}"
                 if "ratio" in row else ""), flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
