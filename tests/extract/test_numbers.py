"""Figures as news writes them: digit groupings, number words, shares, percents, hedges."""

from __future__ import annotations

import pytest

from tui.extract.numbers import find_figures, word_number

FIGURES = [
    # text, value, kind, percent?, share?
    ("1,000", 1000, "exact", False, False),
    ("1'000", 1000, "exact", False, False),
    ("1\u2019000", 1000, "exact", False, False),
    ("1.000 Stellen", 1000, "exact", False, False),
    ("12K", 12000, "exact", False, False),
    ("12k", 12000, "exact", False, False),
    ("3,00,000", 300000, "exact", False, False),
    ("1,50,000", 150000, "exact", False, False),
    ("1.17 million", 1170000, "exact", False, False),
    ("1.170 million", 1170000, "exact", False, False),
    ("2.5K", 2500, "exact", False, False),
    ("2.5 lakh", 250000, "exact", False, False),
    ("336", 336, "exact", False, False),
    ("nineteen", 19, "exact", False, False),
    ("two dozen", 24, "exact", False, False),
    ("a thousand", 1000, "exact", False, False),
    ("four hundred", 400, "exact", False, False),
    ("three hundred and fifty", 350, "exact", False, False),
    ("seventy-five", 75, "exact", False, False),
    ("about 1,000", 1000, "approx", False, False),
    ("around a thousand", 1000, "approx", False, False),
    ("nearly 500", 500, "approx", False, False),
    ("more than 400", 400, "approx", False, False),
    ("as many as 1,100", 1100, "approx", False, False),
    ("up to 2,000", 2000, "approx", False, False),
    ("at least 60", 60, "approx", False, False),
    ("some 500", 500, "approx", False, False),
    ("1,000+", 1000, "approx", False, False),
    ("8%", 8, "exact", True, False),
    ("8 percent", 8, "exact", True, False),
    ("8 per cent", 8, "exact", True, False),
    ("eight per cent", 8, "exact", True, False),
    ("seven percent", 7, "exact", True, False),
    ("about 4.7 per cent", 4.7, "approx", True, False),
    ("a third", 33.3, "exact", True, True),
    ("a quarter", 25, "exact", True, True),
    ("half", 50, "exact", True, True),
    ("a tenth", 10, "exact", True, True),
    ("almost a tenth", 10, "approx", True, True),
    ("one in ten", 10, "exact", True, True),
    ("one in 10", 10, "exact", True, True),
    ("two-thirds", 66.7, "exact", True, True),
]

VAGUE = ["hundreds", "thousands", "several hundred", "a few hundred", "tens of thousands", "dozens"]


@pytest.mark.parametrize(("text", "value", "kind", "percent", "share"), FIGURES)
def test_figure_forms(text: str, value: float, kind: str, percent: bool, share: bool) -> None:
    figure = find_figures(text)[0]
    assert (figure.value, figure.kind, figure.percent, figure.share) == (
        pytest.approx(value),
        kind,
        percent,
        share,
    )


@pytest.mark.parametrize("text", VAGUE)
def test_vague_amounts(text: str) -> None:
    figure = find_figures(f"{text} of workers")[0]
    assert (figure.value, figure.kind) == (None, "vague")


@pytest.mark.parametrize("text", ["200 to 300", "200-300", "15\u201320%", "between 200 and 300"])
def test_ranges_are_vague(text: str) -> None:
    assert all(f.value is None and f.kind == "vague" for f in find_figures(text))


@pytest.mark.parametrize("text", ["$5 million", "\u00a3300m", "C$700 million", "\u20ac1.2bn", "$10m"])
def test_money_is_never_a_count(text: str) -> None:
    assert all(f.money or f.value is None for f in find_figures(text)) or not find_figures(text)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("a hundred", 100),
        ("twenty-one", 21),
        ("two thousand", 2000),
        ("one million", 1_000_000),
        ("twelve", 12),
        ("a dozen", 12),
    ],
)
def test_word_number(words: str, value: int) -> None:
    assert word_number(words) == value
