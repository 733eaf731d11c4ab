"""Exports stream: memory does not grow with the number of stories, and the bytes are what the whole
documents would be."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from tui.export import FORMATS, render, select_stories, write_export
from tui.store import open_db, write_transaction
from tui.store.filters import Filter


def many_stories(path: Path, count: int, months: int) -> Path:
    """``count`` stories spread evenly over ``months`` months."""

    def month(n: int) -> str:
        return f"{2000 + n % months // 12}-{1 + n % months % 12:02d}"

    db = open_db(path)
    with write_transaction(db):
        db.execute("INSERT INTO feeds (id, url, name) VALUES (1, 'https://f.example/rss', 'F')")
        db.conn.executemany(
            "INSERT INTO articles (id, feed_id, guid, title, link, text, published, fetched_at, month, layoff) "
            "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, 1)",
            [
                (
                    n,
                    f"g{n}",
                    f"Acme Robotics cuts {n} jobs in story {n}",
                    f"https://f.example/{n}",
                    "body " * 50,
                    f"{month(n)}-05T10:00:00Z",
                    "2024-12-31T00:00:00Z",
                    month(n),
                )
                for n in range(1, count + 1)
            ],
        )
        db.conn.executemany(
            "INSERT INTO events (article_id, company, headcount, headcount_kind, evidence, month) "
            "VALUES (?, 'Acme Robotics', ?, 'exact', 'Acme Robotics cuts jobs', ?)",
            [(n, n, month(n)) for n in range(1, count + 1)],
        )
    db.conn.close()
    return path


def peak_memory(db_path: Path, fmt: str, out: Path) -> int:
    db = open_db(db_path)
    tracemalloc.start()
    try:
        write_export(db, Filter(), fmt, out)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        db.conn.close()


@pytest.fixture(scope="module")
def sizes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """1,000 and 8,000 stories, 50 a month (the digest holds a month while it groups it)."""
    folder = tmp_path_factory.mktemp("many")
    return many_stories(folder / "small.db", 1_000, 20), many_stories(folder / "large.db", 8_000, 160)


@pytest.mark.parametrize("fmt", FORMATS)
def test_memory_does_not_grow_with_the_stories(tmp_path: Path, sizes: tuple[Path, Path], fmt: str) -> None:
    small = peak_memory(sizes[0], fmt, tmp_path / f"small.{fmt}")
    large = peak_memory(sizes[1], fmt, tmp_path / f"large.{fmt}")
    # Holding every story (as exports did) made the peak grow with them: about 8x here.
    assert large < small * 1.5, (small, large)
    assert (tmp_path / f"large.{fmt}").stat().st_size > 7 * (tmp_path / f"small.{fmt}").stat().st_size


def test_streamed_json_is_the_bytes_of_the_whole_array(db) -> None:
    stories = select_stories(db, Filter(layoffs_only=False))
    assert (
        render(stories, "json")
        == json.dumps([s.as_dict() for s in stories], ensure_ascii=False, indent=2) + "\n"
    )
    assert render([], "json") == "[]\n"


@pytest.mark.parametrize(
    "flt",
    [Filter(), Filter(layoffs_only=False), Filter(companies=("Amazon",)), Filter(months=("2024-03",)),
     Filter(search="cuts")],
    ids=lambda flt: flt.describe(),
)
def test_a_csv_file_is_the_bytes_the_stories_render_to(db, tmp_path: Path, flt: Filter) -> None:
    """The export writes CSV straight from the rows (no record per story): the same bytes, whatever the
    filter, events or none, percents stored as REAL, formula-like text."""
    db.execute("UPDATE articles SET title = '=cmd' WHERE id = 1")
    db.execute("UPDATE events SET percent = 10.0 WHERE id = (SELECT min(id) FROM events)")
    written = write_export(db, flt, "csv", tmp_path / "out.csv")
    stories = select_stories(db, flt)
    assert written == len(stories)
    assert (tmp_path / "out.csv").read_bytes() == render(stories, "csv").encode()
