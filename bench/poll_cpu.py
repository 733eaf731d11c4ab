"""Where a real cold poll's CPU goes, per process and thread (issue 14).

    .venv/bin/python bench/poll_cpu.py                   # 200 feeds x 50 items, 3 cold polls
    .venv/bin/python bench/poll_cpu.py --size 1000x20 --repeats 1

``bench/poll_stages.py`` times the poll's stages one after another in one process; this runs the real
``layoffs-tui poll`` on bench/poll.py's feeds (50 sites, 50 ms latency, 10% layoff stories) and reads
the CPU time of every thread of the poll and its workers from /proc while it runs: the event loop
(HTTP, the command line's start-up), the other threads of the poll (the store thread's SQLite and
Python, the process pool's manager), and the parse workers (start-up, parsing, extraction). The busiest process bounds the wall time on any
number of cores; the sum bounds it on few.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from poll import SIZES, Readers, Server, _tree

TICK = os.sysconf("SC_CLK_TCK")


def _thread_cpu(pids: list[int], seen: dict[tuple[int, int], tuple[str, float]]) -> None:
    for pid in pids:
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                name = Path(f"/proc/{pid}/task/{task}/comm").read_text().strip()
                fields = Path(f"/proc/{pid}/task/{task}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            seen[(pid, int(task))] = (name, (int(fields[11]) + int(fields[12])) / TICK)


def one_poll(readers: Readers) -> tuple[float, dict[str, float]]:
    """Wall seconds and CPU seconds by role of one cold poll."""
    readers.reset("layoffs-tui")
    command = [readers.layoffs, "--config", str(readers.dir / "feeds.toml"), "--db", str(readers.dir / "l.db"),
               "poll", "--quiet"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=readers.env)
    seen: dict[tuple[int, int], tuple[str, float]] = {}
    while process.poll() is None:
        _thread_cpu(_tree(process.pid), seen)
        time.sleep(0.02)
    wall = time.perf_counter() - started
    roles: dict[str, float] = defaultdict(float)
    for (pid, task), (_, cpu) in seen.items():
        if pid == process.pid:
            role = ("poll: main thread (start-up, HTTP on the event loop)" if task == process.pid
                    else "poll: other threads (the store thread's SQLite, the pool's)")
        else:
            role = "parse workers (start-up, parsing, extraction)"
        roles[role] += cpu
    return wall, roles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(SIZES), default="200x50")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--port", type=int, default=18081)
    beside = Path(sys.executable).parent / "layoffs-tui"
    parser.add_argument("--layoffs", default=str(beside))
    args = parser.parse_args()
    feeds, items = SIZES[args.size]
    server = Server(feeds, items, 50.0, 50, args.port)
    workdir = Path(tempfile.mkdtemp(prefix="bench-cpu-"))
    try:
        readers = Readers(server.urls(), workdir, args.layoffs, None)
        polls = [one_poll(readers) for _ in range(args.repeats)]
    finally:
        server.close()
    print(f"{args.size} cold, {args.repeats} polls, medians; load average {os.getloadavg()[0]:.2f}")
    print(f"  {'wall':60} {statistics.median(w for w, _ in polls):5.2f} s")
    for role in sorted({role for _, roles in polls for role in roles}):
        print(f"  {role:60} {statistics.median(roles.get(role, 0.0) for _, roles in polls):5.2f} s CPU")
    print(f"  {'all':60} {statistics.median(sum(roles.values()) for _, roles in polls):5.2f} s CPU")


if __name__ == "__main__":
    main()
