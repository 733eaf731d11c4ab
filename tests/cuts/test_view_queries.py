"""The cuts view's company filter: exact names, units under their parent, and found through the indexes
(the cuts view's filter change at 100,000 articles waits on this query)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from tests.cuts.conftest import new_db
from tui.store.cut_queries import cut_where
from tui.store.cut_view import cut_page
from tui.store.filters import Filter

CUTS = [
    ("Acme", None, "2024-01-05"),
    ("acme", None, "2024-01-06"),
    ("Acme Robotics", "Acme", "2024-02-01"),
    ("Globex", None, "2024-02-02"),
    ("Initech", "Globex", "2024-03-01"),
]


@pytest.fixture
def cuts_db(tmp_path: Path) -> sqlite_utils.Database:
    db = new_db(tmp_path / "cuts.db")
    for company, parent, day in CUTS:
        db.execute(
            "INSERT INTO cuts (company, parent, announced, last_reported, month, sources) VALUES (?, ?, ?, ?, ?, 1)",
            [company, parent, day, day, day[:7]],
        )
    return db


@pytest.mark.parametrize(
    ("companies", "expected"),
    [
        (("Acme",), ["Acme Robotics", "Acme"]),
        (("acme",), ["acme"]),
        (("Globex",), ["Initech", "Globex"]),
        (("Acme Robotics", "Globex"), ["Initech", "Globex", "Acme Robotics"]),
        (("Nobody",), []),
    ],
)
def test_company_filter_selects_the_company_and_its_units_exactly(cuts_db, companies, expected) -> None:
    page = cut_page(cuts_db, Filter(companies=companies))
    assert [row.company for row in page.rows] == expected
    assert page.total == len(expected)


def test_company_filter_searches_the_indexes_and_scans_no_cut(cuts_db) -> None:
    condition, params = cut_where(Filter(companies=("Acme",), months=("2024-01",)))
    plan = " | ".join(
        row[3]
        for row in cuts_db.execute(f"EXPLAIN QUERY PLAN SELECT c.id FROM cuts AS c WHERE {condition}", params)
    )
    assert "idx_cuts_company_announced" in plan and "idx_cuts_parent" in plan, plan
    assert "SCAN c" not in plan and "SCAN cuts" not in plan, plan
