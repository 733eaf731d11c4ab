"""``ChangeWatcher``: another connection's commit is noticed once; no commit, no change."""

from __future__ import annotations

from pathlib import Path

from tui.store import open_db, write_transaction
from tui.store.changes import ChangeWatcher


def test_a_commit_by_another_connection_is_noticed_once(tmp_path: Path) -> None:
    path = tmp_path / "layoffs.db"
    other = open_db(path)
    watcher = ChangeWatcher(path)
    assert watcher.changed() is False  # the first look only takes the baseline
    assert watcher.changed() is False
    with write_transaction(other):
        other.execute("INSERT INTO feeds (url, name) VALUES ('https://a.example/rss', 'a')")
    assert watcher.changed() is True
    assert watcher.changed() is False
    other.execute("SELECT count(*) FROM feeds").fetchone()  # reading is not a change
    assert watcher.changed() is False
    watcher.close()
    other.conn.close()


def test_closing_while_a_worker_asks_waits_for_it_and_stays_closed(tmp_path: Path) -> None:
    """The app closes the watcher on exit while its thread worker may be asking: the close must wait for
    the statement in flight (closing a connection under a running statement crashed the interpreter),
    and a later question gets False instead of opening the database again."""
    import threading

    path = tmp_path / "layoffs.db"
    open_db(path).conn.close()
    watcher = ChangeWatcher(path)
    watcher.changed()
    inside, release = threading.Event(), threading.Event()
    real = watcher._data_version

    def slow_version() -> int:
        inside.set()
        release.wait(5)
        return real()

    watcher._data_version = slow_version  # type: ignore[method-assign]
    asking = threading.Thread(target=watcher.changed)
    asking.start()
    assert inside.wait(5)
    closing = threading.Thread(target=watcher.close)
    closing.start()
    closing.join(0.2)
    assert closing.is_alive(), "close() went ahead while a statement was running on the connection"
    release.set()
    asking.join(5)
    closing.join(5)
    assert not closing.is_alive()
    assert watcher.changed() is False
    assert watcher._db is None
