"""Several organisations in one story or sentence; parents, units and canonical names in context."""

from __future__ import annotations

import pytest

from tui.extract import extract

ROWS = [
    (
        "Layoffs roundup",
        "Amazon, which cut 18,000 jobs in January, is now cutting 9,000 more.",
        [("Amazon", None, 9000, "exact", None)],
    ),
    (
        "Layoffs roundup",
        "Salesforce cut 10% of staff, while Meta laid off 11,000 people.",
        [("Salesforce", None, None, "percent_only", 10.0), ("Meta", None, 11000, "exact", None)],
    ),
    (
        "Layoffs roundup",
        "Stripe laid off 14% of its workforce and Lyft cut 13%.",
        [("Stripe", None, None, "percent_only", 14.0), ("Lyft", None, None, "percent_only", 13.0)],
    ),
    (
        "Layoffs roundup",
        "The cuts at Stripe, which laid off 1,120 people, follow those at Lyft.",
        [("Stripe", None, 1120, "exact", None)],
    ),
    (
        "Twitter layoffs",
        "Elon Musk's Twitter laid off half of its 7,500 employees on Friday.",
        [("Twitter", None, None, "percent_only", 50.0)],
    ),
    (
        "Meta to cut more jobs",
        "Meta Platforms Inc, the parent company of Facebook, said it would cut 10,000 more jobs.",
        [("Meta", None, 10000, "exact", None)],
    ),
    (
        "Meta layoffs",
        "Facebook-parent Meta said on Tuesday it would lay off 11,000 employees, or 13% of its workforce.",
        [("Meta", None, 11000, "exact", 13.0)],
    ),
    (
        "YouTube layoffs",
        "YouTube is laying off 100 employees, Google said.",
        [("YouTube", "Google", 100, "exact", None)],
    ),
    (
        "Instagram cuts 60 jobs",
        "Meta-owned Instagram is cutting 60 technical program managers.",
        [("Instagram", "Meta", 60, "exact", None)],
    ),
    (
        "Alphabet's Verily cuts 15% of staff",
        "Verily, Alphabet's life sciences unit, is laying off about 15% of its workforce, or 240 people.",
        [("Verily", "Google", 240, "exact", 15.0)],
    ),
    (
        "Twitch cuts 35% of staff",
        "Amazon-owned Twitch will lay off 500 employees, about 35% of its workforce.",
        [("Twitch", "Amazon", 500, "exact", 35.0)],
    ),
    (
        "Jobs go at GM",
        "General Motors said it would cut 1,000 salaried jobs. The automaker employs 167,000 people.",
        [("General Motors", None, 1000, "exact", None)],
    ),
    (
        "Ford cuts",
        "Ford Motor Co plans to cut 3,200 jobs. Ford previously cut 3,000 jobs in 2022.",
        [("Ford", None, 3200, "exact", None)],
    ),
    (
        "Sony to cut 900 PlayStation jobs",
        "Sony Interactive Entertainment will lay off about 900 employees, or 8% of its global headcount.",
        [
            ("Sony Interactive Entertainment", "Sony", 900, "approx", 8.0)
        ],  # a unit with its own cut keeps its name
    ),
    ("Meta to cut 10,000 in new round", "", [("Meta", None, 10000, "exact", None)]),
    ("Brightline Foods to cut 300 jobs", "", [("Brightline Foods", None, 300, "exact", None)]),
    ("Musk lays off Twitter staff", "", [("Twitter", None, None, "none", None)]),
    ("Musk fires 50 Twitter engineers", "", [("Twitter", None, 50, "exact", None)]),
    ("Amazon lays off Twitch staff", "", [("Twitch", "Amazon", None, "none", None)]),
]


@pytest.mark.parametrize(("title", "summary", "expected"), ROWS)
def test_roundups_and_units(title: str, summary: str, expected: list[tuple]) -> None:
    events = extract(title, summary).events
    assert {(e.company, e.parent, e.headcount, e.headcount_kind, e.percent) for e in events} == set(expected)


@pytest.mark.parametrize(
    "title", ["Fed to cut 25 basis points", "Retailer to cut 100 stores", "Bank cuts 2025 forecast"]
)
def test_bare_counts_only_when_they_can_be_jobs(title: str) -> None:
    assert extract(title).layoff is False
