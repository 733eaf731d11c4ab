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
