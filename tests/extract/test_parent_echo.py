"""A parent credited with its unit's own cut is one event (the unit's), never a doubled headcount."""

from __future__ import annotations

import pytest

from tui.extract import extract

CASES = [
    # (title, summary, expected (company, parent, headcount) events in any order)
    (
        "PlayStation maker Sony cuts 900 jobs in gaming unit",
        "Sony Interactive Entertainment will cut about 900 jobs and close a studio in London.",
        {("Sony Interactive Entertainment", "Sony", 900)},
    ),
    (
        "Amazon to cut 500 jobs at Twitch",
        "Twitch, the streaming service, will lose 500 staff.",
        {("Twitch", "Amazon", 500)},
    ),
    (
        "Twitch lays off 500 amid Amazon cuts",
        "Amazon is cutting 9,000 jobs. Twitch will lay off 500 workers.",
        {("Twitch", "Amazon", 500), ("Amazon", None, 9000)},
    ),
    (
        "Alphabet cuts 12,000 jobs; Verily lays off 200",
        "Verily will cut 200 jobs.",
        {("Google", None, 12000), ("Verily", "Google", 200)},
    ),
    (
        "Microsoft's LinkedIn cuts 668 jobs",
        "LinkedIn is laying off 668 employees in its second round this year.",
        {("LinkedIn", "Microsoft", 668)},
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_parent_echo(title: str, summary: str, expected: set[tuple[str, str | None, int | None]]) -> None:
    result = extract(title, summary)
    assert result.layoff
    assert {(e.company, e.parent, e.headcount) for e in result.events} == expected
