"""Company knowledge: canonical names, aliases, parents and units."""

from __future__ import annotations

import pytest

from tui.extract import canonical_company, company_aliases, units_of

CANONICAL = [
    ("Alphabet", ("Google", None)),
    ("Alphabet Inc.", ("Google", None)),
    ("google", ("Google", None)),
    ("Facebook", ("Meta", None)),
    ("Meta Platforms, Inc.", ("Meta", None)),
    ("X Corp.", ("Twitter", None)),
    ("Twitch", ("Twitch", "Amazon")),
    ("Audible", ("Audible", "Amazon")),
    ("AWS", ("Amazon Web Services", "Amazon")),
    ("LinkedIn", ("LinkedIn", "Microsoft")),
    ("Verily", ("Verily", "Google")),
    ("YouTube", ("YouTube", "Google")),
    ("Instagram", ("Instagram", "Meta")),
    ("WhatsApp", ("WhatsApp", "Meta")),
    ("General Motors Co.", ("General Motors", None)),
    ("GM", ("General Motors", None)),
    ("WaPo", ("The Washington Post", None)),
    ("Acme Widgets Ltd", ("Acme Widgets", None)),
    ("Hutchinson Technology Inc.", ("Hutchinson Technology", None)),
    ("The Frobnitz Company", ("Frobnitz", None)),
    ("  Gizmo Corp  ", ("Gizmo", None)),
]


@pytest.mark.parametrize(("name", "expected"), CANONICAL)
def test_canonical_company(name: str, expected: tuple[str, str | None]) -> None:
    assert canonical_company(name) == expected


def test_aliases_cover_other_names_of_the_entity() -> None:
    assert {"Google", "Alphabet"} <= company_aliases("alphabet")
    assert {"Meta", "Facebook"} <= company_aliases("Facebook")
    assert "Twitch" not in company_aliases("Amazon")  # units are their own entities


def test_units_of_parent() -> None:
    assert {"Twitch", "Audible", "Amazon Web Services"} <= units_of("Amazon")
    assert "LinkedIn" in units_of("Microsoft")
    assert units_of("Frobnitz") == set()
