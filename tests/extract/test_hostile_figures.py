"""Figures no cut can have are noise (garbled or hostile text), never an event's headcount or percent."""

from __future__ import annotations

import pytest

from tui.extract import extract


@pytest.mark.parametrize(
    ("title", "headcount", "percent"),
    [
        ("Acme will cut 99999999999999999999 jobs", None, None),
        ("Initech will cut " + "9" * 320 + " jobs", None, None),  # float('inf') once parsed
        ("Acme cuts 120% of its staff", None, None),
        ("Acme cuts 0 jobs", None, None),
        ("Acme cuts 3,00,000 jobs", 300_000, None),  # large, and real
        ("Acme cuts 1,200 jobs, or 100% of its staff as it closes", 1200, 100.0),
    ],
)
def test_absurd_figures_are_dropped(title: str, headcount: int | None, percent: float | None) -> None:
    events = extract(title).events
    assert len(events) == 1
    assert (events[0].headcount, events[0].percent) == (headcount, percent)
