"""``packed_rows`` gives what ``fetchall`` gives, in one step: the same values, types and order."""

from __future__ import annotations

from pathlib import Path

from tui.store import open_db
from tui.store.packed import packed_rows


def test_packed_rows_match_a_plain_fetch(tmp_path: Path) -> None:
    db = open_db(tmp_path / "packed.db")
    db.execute("CREATE TABLE t (name TEXT, parent TEXT, n INTEGER, share REAL)")
    rows = [
        ('Wayne "Enterprises"', None, 3, 0.5),
        ("Zoë's Café \\ Ünits", "Wayne", 2**53 + 1, None),
        ("Acme\nCorp", "", 0, -1.25),
    ]
    db.conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", rows)
    sql = "SELECT name AS name, parent AS parent, n AS n, share AS share FROM t WHERE n >= ? ORDER BY n DESC"
    plain = [list(row) for row in db.execute(sql, [0]).fetchall()]
    packed = packed_rows(db, sql, [0], ("name", "parent", "n", "share"))
    assert packed == plain
    assert [type(value) for value in packed[0]] == [type(value) for value in plain[0]]


def test_no_rows_is_an_empty_list(tmp_path: Path) -> None:
    db = open_db(tmp_path / "packed.db")
    db.execute("CREATE TABLE t (name TEXT)")
    assert packed_rows(db, "SELECT name AS name FROM t", [], ("name",)) == []
