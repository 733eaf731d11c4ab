"""``LayoffsService.count_ahead``: the panes' first counts, counted while the app is still starting.

They must be the counts a worker would have made, be handed over once, never be stale without the
change watch saying so, and never create or migrate a database on their own.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.ui.sample_db import build_sample_db
from tui.service import Filter, LayoffsService
from tui.store import open_db, write_transaction
from tui.store.schema import SCHEMA_VERSION


def ahead_done(service: LayoffsService) -> None:
    """Wait until the counts counted ahead are ready (tests only)."""
    assert service._ahead is not None
    service._ahead[1].result(timeout=10)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return build_sample_db(tmp_path / "layoffs.db")


def test_counted_ahead_are_the_counts_a_worker_would_make(sample: Path) -> None:
    service = LayoffsService(sample)
    service.count_ahead(Filter())
    ahead_done(service)
    assert service.counted_ahead(Filter(companies=("Amazon",))) is None  # another filter's
    counted = service.counted_ahead(Filter())
    fresh = LayoffsService(sample).pane_counts(Filter(), cuts=False)
    assert counted is not None and counted == fresh
    assert counted.total > 0 and counted.companies
    assert service.counted_ahead(Filter()) is None  # handed over once


def test_a_worker_asking_meanwhile_waits_for_them_then_later_asks_count_afresh(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.service

    counted: list[Filter] = []
    real = tui.service.pane_counts

    def counting(db, flt: Filter):
        counted.append(flt)
        return real(db, flt)

    monkeypatch.setattr(tui.service, "pane_counts", counting)
    service = LayoffsService(sample)
    service.count_ahead(Filter())
    first = service.pane_counts(Filter(), cuts=False)
    assert counted == [Filter()]  # the worker's question took the answer counted ahead
    assert first is not None and first.total > 0
    with write_transaction(open_db(sample)) as db:
        db.execute("UPDATE articles SET layoff = 0")
    after = service.pane_counts(Filter(), cuts=False)
    assert after is not None and after.total == 0  # not the answer counted ahead again
    assert len(counted) == 2


def test_a_commit_after_the_counts_were_read_is_noticed(sample: Path) -> None:
    """The change watch's baseline is taken before the counts are read: a poll committing between those
    counts and the app's first look at the watch still refreshes the panes."""
    service = LayoffsService(sample)
    service.count_ahead(Filter())
    ahead_done(service)
    with write_transaction(open_db(sample)) as db:
        db.execute("UPDATE articles SET is_read = 1")
    assert service.changed() is True
    service.close()


def test_a_failure_ahead_is_counted_again_by_the_taker(sample: Path) -> None:
    service = LayoffsService(sample)

    def failing(flt: Filter):
        raise sqlite3.OperationalError("database is locked")

    real = service._count
    service._count = failing  # type: ignore[method-assign]
    service.count_ahead(Filter())
    ahead_done_quietly = service._ahead
    assert ahead_done_quietly is not None
    ahead_done_quietly[1].exception(timeout=10)
    assert service.counted_ahead(Filter()) is None
    service._count = real  # type: ignore[method-assign]
    counts = service.pane_counts(Filter(), cuts=False)
    assert counts is not None and counts.total > 0


def test_no_database_yet_is_not_created_ahead(tmp_path: Path) -> None:
    path = tmp_path / "new" / "layoffs.db"
    service = LayoffsService(path)
    service.count_ahead(Filter())
    ahead_done(service)
    assert not path.exists()
    counts = service.pane_counts(Filter(), cuts=False)  # the app's own load creates it
    assert counts is not None and counts.total == 0 and path.exists()


def test_a_database_to_migrate_is_left_to_the_app(sample: Path) -> None:
    with sqlite3.connect(sample) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    service = LayoffsService(sample)
    service.count_ahead(Filter())
    ahead_done(service)
    with sqlite3.connect(sample) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1


def test_counting_ahead_says_whether_a_filter_is_still_being_counted(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    release = threading.Event()
    service = LayoffsService(sample)
    real = service._count

    def slow(flt: Filter):
        release.wait(10)
        return real(flt)

    monkeypatch.setattr(service, "_count", slow)
    service.count_ahead(Filter())
    assert service.counting_ahead(Filter())
    assert not service.counting_ahead(Filter(companies=("Amazon",)))
    release.set()
    ahead_done(service)
    assert not service.counting_ahead(Filter())
