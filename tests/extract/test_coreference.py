"""What "the company", "it" and "the startup" refer to, and who speaks."""

from __future__ import annotations

import pytest

from tui.extract import extract

ROWS = [
    (
        "Norvik Logistics trims global workforce",
        "Norvik Logistics announced Monday that it is eliminating approximately 5% of its global workforce.",
        [("Norvik Logistics", None, "percent_only", 5.0)],
    ),
    (
        "Retailer cuts corporate roles",
        "The Seattle-based retailer Pine & Co said it would cut about 1,000 corporate roles.",
        [("Pine", 1000, "approx", None)],
    ),
    (
        "Memo: Zentro to reduce headcount",
        "In a memo to staff, CEO Jane Doe said Zentro would reduce headcount by about 12%.",
        [("Zentro", None, "percent_only", 12.0)],
    ),
    (
        "Widget maker layoffs",
        "Acmetrix, the maker of widgets, said Tuesday it would lay off 200 workers.",
        [("Acmetrix", 200, "exact", None)],
    ),
    (
        "Acmetrix shares jump on job cut plan",
        "Shares of Acmetrix rose 5% after the company said it would cut 1,000 jobs.",
        [("Acmetrix", 1000, "exact", None)],
    ),
    (
        "Job cuts",
        "Acmetrix will cut 150 positions and Borelia Labs will shed 80.",
        [("Acmetrix", 150, "exact", None), ("Borelia Labs", 80, "exact", None)],
    ),
    (
        "Layoffs continue",
        "Borelia Labs is the latest startup to lay off staff, cutting 40 people.",
        [("Borelia Labs", 40, "exact", None)],
    ),
    (
        "Borelia Labs lays off 40 as it pivots to AI",
        "The company said the layoffs affect about 40 people, roughly a third of its team.",
        [("Borelia Labs", 40, "approx", 33.3)],
    ),
    (
        "Report: Borelia Labs plans layoffs",
        "Borelia Labs is planning to lay off a significant portion of its workforce, according to people familiar.",
        [("Borelia Labs", None, "none", None)],
    ),
    (
        "Job losses mount in the auto sector",
        "Carmakers have announced 35,000 job cuts this year, according to a tally by the consultancy.",
        [],
    ),
    (
        "Unemployment claims rise",
        "Layoffs rose in March as companies announced 90,000 job cuts, Challenger said.",
        [],
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), ROWS)
def test_coreference(title: str, summary: str, expected: list[tuple]) -> None:
    events = extract(title, summary).events
    assert {(e.company, e.headcount, e.headcount_kind, e.percent) for e in events} == set(expected)
