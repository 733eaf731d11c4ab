"""A synthetic database for the benchmarks: N articles of realistic text, companies with units, months,
feeds; written with plain SQL, fast, through the app's own schema (so its triggers and indexes apply).

Deterministic (seeded), so figures compare between runs. Stories come from ``bench/stories.py`` with the
tags the extractor gives them; ``--check N`` runs the real extractor over N of them and says how often it
agrees, so ``retag`` timings on this data measure real work.

    python bench/synthetic.py --check 2000
    python bench/synthetic.py --db /tmp/bench.db --articles 1000000
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.stories import StoryMaker
from tui.store import open_db

START = datetime(2022, 1, 1, tzinfo=UTC)
BATCH = 20_000
LAYOFF_SHARE = 0.7
"""As in the earlier benchmarks: most stored stories are layoff stories, the heavy case for the panes."""


def _published(rng: random.Random, index: int, articles: int, months: int) -> datetime:
    """Newer articles have higher ids, as a poller stores them, with a few days of jitter and some
    backfill (a new feed's first poll brings older items)."""
    span = timedelta(days=months * 365.25 / 12)
    moment = START + span * (index / max(1, articles))
    moment -= timedelta(hours=rng.uniform(0, 72))
    if rng.random() < 0.05:
        moment -= timedelta(days=rng.uniform(0, 30))
    return max(START, moment)


def company_names(*, companies: int = 300, seed: int = 7) -> list[str]:
    """The companies ``build_synthetic_db`` writes with the same arguments, in the same order."""
    return StoryMaker(random.Random(seed), companies).companies


def build_synthetic_db(
    path: Path,
    *,
    articles: int = 100_000,
    companies: int = 300,
    months: int = 36,
    feeds: int = 50,
    seed: int = 7,
) -> Path:
    """Write the database at ``path`` (replacing it) and return the path."""
    rng = random.Random(seed)
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    maker = StoryMaker(rng, companies)
    db = open_db(path)
    db.execute("BEGIN IMMEDIATE")
    db.conn.executemany(
        "INSERT INTO feeds (id, url, name, last_status) VALUES (?, ?, ?, 'new')",
        [(i + 1, f"https://feed{i}.example.com/rss", f"Feed {i}") for i in range(feeds)],
    )
    article_rows: list[tuple] = []
    event_rows: list[tuple] = []

    def flush() -> None:
        db.conn.executemany(
            "INSERT INTO articles (id, feed_id, guid, title, link, text, published, fetched_at, month, "
            "is_read, starred, layoff, layoff_auto, extractor_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'synthetic')",
            article_rows,
        )
        db.conn.executemany(
            "INSERT INTO events (article_id, company, parent, headcount, headcount_kind, percent, evidence, "
            "source, month) VALUES (?, ?, ?, ?, ?, ?, ?, 'auto', ?)",
            event_rows,
        )
        article_rows.clear()
        event_rows.clear()

    for article_id in range(1, articles + 1):
        moment = _published(rng, article_id, articles, months)
        published = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        month = published[:7]
        story = maker.story(LAYOFF_SHARE)
        article_rows.append(
            (
                article_id,
                rng.randint(1, feeds),
                f"g{article_id}",
                story.title,
                f"https://example.com/a/{article_id}",
                story.text,
                published,
                published,
                month,
                int(rng.random() < 0.5),
                int(rng.random() < 0.01),
                int(story.layoff),
                int(story.layoff),
            )
        )
        for event in story.events:
            event_rows.append(
                (
                    article_id,
                    event.company,
                    event.parent,
                    event.headcount,
                    event.kind,
                    event.percent,
                    event.evidence,
                    month,
                )
            )
        if len(article_rows) >= BATCH:
            flush()
    flush()
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return path


def check(count: int, seed: int = 11) -> dict:
    """Run ``layoffs-tui extract`` over ``count`` stories; how often it finds what the story says."""
    maker = StoryMaker(random.Random(seed))
    stories = [maker.story(LAYOFF_SHARE) for _ in range(count)]
    lines = "".join(
        json.dumps({"id": i, "title": s.title, "summary": s.text}) + "\n" for i, s in enumerate(stories)
    )
    out = subprocess.run(
        [sys.executable, "-m", "tui", "extract"],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
        cwd=HERE.parent,
    )
    verdicts = companies = figures = layoffs = 0
    for story, line in zip(stories, out.stdout.splitlines(), strict=True):
        found = json.loads(line)
        verdicts += found["layoff"] == story.layoff
        if not story.layoff:
            continue
        layoffs += 1
        got = {(e["company"], e["parent"]) for e in found["events"]}
        want = {(e.company, e.parent) for e in story.events}
        companies += got == want
        got_figures = {(e["company"], e["headcount"], e["headcount_kind"]) for e in found["events"]}
        figures += got_figures == {(e.company, e.headcount, e.kind) for e in story.events}
    return {
        "stories": count,
        "verdict_agrees": round(verdicts / count, 4),
        "companies_agree": round(companies / max(1, layoffs), 4),
        "figures_agree": round(figures / max(1, layoffs), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--check", type=int, metavar="N", help="run the extractor over N stories and compare")
    args = parser.parse_args()
    if args.check:
        print(json.dumps(check(args.check)))
        return
    if args.db is None:
        parser.error("--db is needed to build")
    began = time.perf_counter()
    build_synthetic_db(args.db, articles=args.articles)
    print(json.dumps({"build_s": round(time.perf_counter() - began, 1)}))


if __name__ == "__main__":
    main()
