"""A synthetic database for the benchmarks: N articles, companies with units, months, feeds; plain SQL, fast.

Deterministic (seeded), so figures compare between runs.
"""

from __future__ import annotations

import random
from pathlib import Path

from tui.store import open_db

WORDS = [
    "market",
    "shares",
    "rose",
    "fell",
    "company",
    "plan",
    "said",
    "quarter",
    "revenue",
    "staff",
    "office",
    "strategy",
    "growth",
    "cost",
    "report",
    "analysts",
    "customers",
    "product",
    "cloud",
    "retail",
    "bank",
    "factory",
    "workers",
    "union",
    "hiring",
    "data",
]


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
    if path.exists():
        path.unlink()
    db = open_db(path)
    names = [f"Company {i:03d}" for i in range(companies)]
    parents = {names[i]: names[i % 30] for i in range(270, companies)}  # 30 units under 30 parents
    month_list = [f"{2022 + m // 12}-{m % 12 + 1:02d}" for m in range(months)]
    db.execute("BEGIN IMMEDIATE")
    db.conn.executemany(
        "INSERT INTO feeds (id, url, name, last_status) VALUES (?, ?, ?, 'new')",
        [(i + 1, f"https://feed{i}.example.com/rss", f"Feed {i}") for i in range(feeds)],
    )
    article_rows = []
    event_rows = []
    for article_id in range(1, articles + 1):
        month = rng.choice(month_list)
        day = rng.randint(1, 28)
        published = f"{month}-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
        layoff = rng.random() < 0.7
        company = rng.choice(names)
        title = (
            f"{company} cuts {rng.randint(10, 5000):,} jobs"
            if layoff
            else " ".join(rng.choices(WORDS, k=7)).capitalize()
        )
        text = " ".join(rng.choices(WORDS, k=40))
        article_rows.append(
            (
                article_id,
                rng.randint(1, feeds),
                f"g{article_id}",
                title,
                f"https://example.com/a/{article_id}",
                text,
                published,
                published,
                month,
                int(rng.random() < 0.5),
                int(layoff),
                int(layoff),
            )
        )
        if layoff:
            for name in {company, *(rng.sample(names, 1) if rng.random() < 0.2 else [])}:
                count = rng.choice([None, rng.randint(10, 5000)])
                event_rows.append(
                    (
                        article_id,
                        name,
                        parents.get(name),
                        count,
                        "exact" if count else "vague",
                        None,
                        f"{name} cuts jobs.",
                        month,
                    )
                )
    db.conn.executemany(
        "INSERT INTO articles (id, feed_id, guid, title, link, text, published, fetched_at, month, is_read, "
        "layoff, layoff_auto) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        article_rows,
    )
    db.conn.executemany(
        "INSERT INTO events (article_id, company, parent, headcount, headcount_kind, percent, evidence, "
        "source, month) VALUES (?, ?, ?, ?, ?, ?, ?, 'auto', ?)",
        event_rows,
    )
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.conn.close()
    return path
