"""Sentence structures that name the employer, for a company no list holds (found from structure only)."""

from __future__ import annotations

import pytest

from tui.extract import extract

M = "Marigold Software"

ROWS = [
    ("Layoffs Hit Marigold Software", "", [(M, None, "none", None)]),
    ("Marigold Software hit by layoffs", "", [(M, None, "none", None)]),
    ("Marigold Software to reduce headcount by 1,000", "", [(M, 1000, "exact", None)]),
    (
        "Marigold Software will shed about 5% of its 20,000-strong workforce",
        "",
        [(M, None, "percent_only", 5.0)],
    ),
    ("More cuts", "The layoffs affect 300 employees at Marigold Software.", [(M, 300, "exact", None)]),
    (
        "Marigold Software cuts",
        "Marigold Software said Tuesday that it will eliminate 1,000 positions.",
        [(M, 1000, "exact", None)],
    ),
    (
        "Restructuring",
        "Marigold Software, the parent of Tulip Apps, will cut 500 jobs.",
        [(M, 500, "exact", None)],
    ),
    ("Hundreds of Marigold Software employees laid off", "", [(M, None, "vague", None)]),
    ("About 1,000 jobs will be cut at Marigold Software", "", [(M, 1000, "approx", None)]),
    (
        "Marigold Software and Tulip Apps announce layoffs",
        "",
        [(M, None, "none", None), ("Tulip Apps", None, "none", None)],
    ),
    ("Marigold Software cuts 200 jobs in Germany, 100 in France", "", [(M, 200, "exact", None)]),
    ("Marigold Software layoffs: what we know", "", [(M, None, "none", None)]),
    (
        "Marigold Software is reportedly planning to cut 10% of its staff, according to The Information",
        "",
        [(M, None, "percent_only", 10.0)],
    ),
    (
        "Marigold Software eliminates 120 roles",
        "The cuts represent about 4% of the company's 3,000 employees.",
        [(M, 120, "exact", 4.0)],
    ),
    (
        "Marigold Software layoffs",
        "Marigold Software laid off 120 people on Tuesday. The company had 900 employees.",
        [(M, 120, "exact", None)],
    ),
    (
        "Marigold Software lays off 75 as funding dries up",
        "The startup, which raised $40 million in 2021, let go of 75 staff, or 30% of its team.",
        [(M, 75, "exact", 30.0)],
    ),
    (
        "Marigold Software workers to lose jobs",
        "Some 250 workers at Marigold Software will lose their jobs when the plant closes in March.",
        [(M, 250, "approx", None)],
    ),
    (
        "Pink slips at Marigold Software",
        "Marigold Software handed pink slips to 60 workers on Friday.",
        [(M, 60, "exact", None)],
    ),
    ("Marigold Software to make 300 redundancies", "", [(M, 300, "exact", None)]),
    ("300 redundancies at Marigold Software", "", [(M, 300, "exact", None)]),
    ("Marigold Software Lays Off 1,100 Hourly Workers", "", [(M, 1100, "exact", None)]),
    (
        "Section 9 Games confirms layoffs",
        "Section 9 Games, a mobile studio based in Austin, laid off a quarter of its staff.",
        [("Section 9 Games", None, "percent_only", 25.0)],
    ),
    ("Amazon's AWS to cut hundreds of jobs", "", [("Amazon Web Services", None, "vague", None)]),
    ("Bank of Ireland cuts 1,500 jobs", "", [("Bank of Ireland", 1500, "exact", None)]),
    ("University of Arizona to lay off 100 staff", "", [("University of Arizona", 100, "exact", None)]),
    ("Seattle-based Zulily lays off 300", "", [("Zulily", 300, "exact", None)]),
    ("Royal Mail to cut 10,000 jobs", "", [("Royal Mail", 10000, "exact", None)]),
    (
        "Struggling Carver Motor Offers Buyouts; Move Is Part of Global Plans to Cut 20,000 Jobs",
        "Carver Motor Co. is offering early retirement as part of a plan to cut 20,000 jobs worldwide.",
        [("Carver Motor", 20000, "exact", None)],
    ),
]

NOT_EVENTS = [
    ("Marigold Software's CEO says layoffs are over", ""),
    ("Marigold Software will not lay off employees, CEO says", ""),
    ("Marigold Software offers buyouts to 2,000 staff", ""),
    (
        "Marigold Software freezes hiring",
        "The company said it will pause hiring but has no plans for layoffs.",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), ROWS)
def test_employer_from_structure(title: str, summary: str, expected: list[tuple]) -> None:
    events = extract(title, summary).events
    assert {(e.company, e.headcount, e.headcount_kind, e.percent) for e in events} == set(expected)


@pytest.mark.parametrize(("title", "summary"), NOT_EVENTS)
def test_no_event(title: str, summary: str) -> None:
    result = extract(title, summary)
    assert result.layoff is False
    assert result.events == ()


def test_units_carry_their_parent() -> None:
    (event,) = extract("Amazon's AWS to cut hundreds of jobs").events
    assert event.parent == "Amazon"
