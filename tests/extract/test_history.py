"""Earlier rounds are history, not this story's event; the publication date dates bare years."""

from __future__ import annotations

import pytest

from tui.extract import extract

ROWS = [
    # title, summary, published, expected (company, headcount, kind)
    (
        "Acme Mills to cut 500 jobs",
        "Acme Mills cut 1,000 jobs in 2021.",
        "2023-05-01",
        [("Acme Mills", 500, "exact")],
    ),
    (
        "Acme Mills layoffs",
        "In 2021, Acme Mills cut 1,000 jobs. Now it will cut 500 more.",
        "2023-05-01",
        [("Acme Mills", 500, "exact")],
    ),
    (
        "Acme Mills layoffs",
        "Acme Mills will lay off 500 workers in 2024.",
        "2023-05-01",
        [("Acme Mills", 500, "exact")],
    ),
    ("Meta begins first round of layoffs", "", None, [("Meta", None, "none")]),
    (
        "Acme Mills to cut 500 jobs",
        "The company has already laid off 1,200 people since January.",
        None,
        [("Acme Mills", 500, "exact")],
    ),
    (
        "Acme Mills to cut 500 jobs",
        "That is in addition to the 700 job cuts announced in March.",
        None,
        [("Acme Mills", 500, "exact")],
    ),
    (
        "Acme Mills to cut 500 jobs",
        "The cuts are smaller than the 2,000 layoffs of a year ago.",
        None,
        [("Acme Mills", 500, "exact")],
    ),
    (
        "Acme Mills job cuts",
        "Acme Mills made a similar move in 2019, cutting 800 jobs.",
        None,
        [("Acme Mills", None, "none")],
    ),
    (
        "Acme Mills job cuts",
        "Last year, Acme Mills laid off 800 workers.",
        None,
        [("Acme Mills", None, "none")],
    ),
]


@pytest.mark.parametrize(("title", "summary", "published", "expected"), ROWS)
def test_history_is_not_the_event(
    title: str, summary: str, published: str | None, expected: list[tuple]
) -> None:
    events = extract(title, summary, published).events
    assert {(e.company, e.headcount, e.headcount_kind) for e in events} == set(expected)
