"""Where a cold poll's seconds go, stage by stage, on bench/poll.py's feeds (issue 14).

    .venv/bin/python bench/poll_stages.py                 # 200 feeds x 50 items, 10% layoff stories
    .venv/bin/python bench/poll_stages.py --feeds 1000 --items 20 --profile /tmp/stages

A real poll overlaps its stages (fetching on the event loop, parsing and extraction in worker
processes, SQL in the store thread), so its profile is spread over several processes and threads.
This runs the same functions the poll runs, one stage after another in one process, on the bytes
bench/feedserver.py serves, and times each: the CPU each stage costs, which the overlapped poll
shares out over 2 cores. ``--profile DIR`` also writes a cProfile file per stage (``pstats``).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from feedserver import feed_document

from tui.config import FeedConfig
from tui.poll.parse import parse_feed
from tui.poll.storing import write_feed
from tui.poll.tagging import tag_entries
from tui.store.articles import article_fingerprints, needs_tagging
from tui.store.cuts import group_new_events
from tui.store.db import open_db
from tui.store.feeds import sync_feeds

NOW = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


def staged(name: str, function: Callable[[], Any], profile_dir: Path | None, seconds: dict[str, float]) -> Any:
    """Run one stage, timed (and profiled when asked)."""
    profiler = cProfile.Profile() if profile_dir else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    result = function()
    if profiler:
        profiler.disable()
    seconds[name] = time.perf_counter() - started
    if profiler and profile_dir:
        profiler.dump_stats(profile_dir / f"{name}.prof")
    return result


def fetch_floor(feeds: int, concurrency: int, latency_ms: float, addresses: int) -> float:
    """The least wall time fetching can take: rounds of ``concurrency`` requests (2 per site) of ``latency_ms``."""
    in_flight = min(concurrency, 2 * addresses, feeds)
    return -(-feeds // in_flight) * latency_ms / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--addresses", type=int, default=50)
    parser.add_argument("--profile", type=Path, help="write a cProfile file per stage into this folder")
    args = parser.parse_args()
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    bodies = [feed_document(n, args.items) for n in range(args.feeds)]
    headers = {"content-type": "application/rss+xml; charset=utf-8"}
    urls = [f"http://127.0.0.{2 + n % args.addresses}:1/feed/{n}.xml" for n in range(args.feeds)]
    seconds: dict[str, float] = {}
    import feedparser  # noqa: F401 - imported once, as each worker does before its first job

    import tui.extract  # noqa: F401

    parsed = staged("parse (feedparser and cleaning)",
                    lambda: [parse_feed(body, headers, url) for body, url in zip(bodies, urls, strict=True)],
                    args.profile, seconds)
    with tempfile.TemporaryDirectory(prefix="poll-stages-") as folder:
        db = open_db(Path(folder) / "stages.db")
        states = sync_feeds(db, [FeedConfig(url=url, name=f"f{n}") for n, url in enumerate(urls)])

        def lookups() -> list[list[Any]]:
            wanted = []
            for feed, url in zip(parsed, urls, strict=True):
                known = article_fingerprints(db, states[url].id, [entry.guid for entry in feed.entries])
                wanted.append([entry for entry in feed.entries if needs_tagging(entry, known)])
            return wanted

        wanted = staged("lookup of stored fingerprints", lookups, args.profile, seconds)
        extractions = staged("extraction", lambda: [tag_entries(entries, NOW) for entries in wanted],
                             args.profile, seconds)

        def store() -> None:
            for feed, url, found in zip(parsed, urls, extractions, strict=True):
                feed = type(feed)(title=feed.title, entries=feed.entries, extractions=found,
                                  total_entries=feed.total_entries)
                write_feed(db, states[url].id, feed, now=NOW, tagger=None, http_status=200, etag='"x"',
                           last_modified=None, body_hash="0")

        staged("storing (rows, FTS, events)", store, args.profile, seconds)
        staged("grouping of cuts", lambda: group_new_events(db), args.profile, seconds)
        stored = db.execute("SELECT count(*), sum(layoff) FROM articles").fetchone()
        db.close()
    total = sum(seconds.values())
    print(f"{args.feeds} feeds x {args.items} items: {stored[0]} articles, {stored[1]} layoff stories")
    for name, value in seconds.items():
        print(f"  {name:34} {value:6.2f} s  {100 * value / total:4.0f}%")
    print(f"  {'CPU, all stages':34} {total:6.2f} s")
    for concurrency in (8, 32):
        floor = fetch_floor(args.feeds, concurrency, args.latency_ms, args.addresses)
        print(f"  fetch wait at least, {concurrency:2} at once    {floor:6.2f} s (network, overlapped with the rest)")
    if args.profile:
        for name in seconds:
            print(f"\n== {name}")
            pstats.Stats(str(args.profile / f"{name}.prof")).sort_stats("tottime").print_stats(8)


if __name__ == "__main__":
    main()
