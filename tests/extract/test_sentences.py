"""Cleaning and splitting summaries: HTML, entities, abbreviations, round-up headings, glued text."""

from __future__ import annotations

import pytest

from tui.extract.sentences import clean, split

CLEAN = [
    ("<p>Ferris &amp; Lowe</p>", "Ferris & Lowe"),
    ("Jobs&nbsp;cut", "Jobs cut"),
    ("It\u2019s \u201cdifficult\u201d", 'It\'s "difficult"'),
    ("<script>var x = 1;</script>Text", "Text"),
    ("a<br>b", "a\nb"),
    ("Scott GallowayA quarter of staff", "Scott Galloway A quarter of staff"),
    ("LinkedIn and YouTube", "LinkedIn and YouTube"),
]


@pytest.mark.parametrize(("raw", "expected"), CLEAN)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw).strip() == expected


SPLIT = [
    ("General Motors Co. said it would cut jobs. The cuts start in May.", 2),
    ("Sites in Washington, N.C., and Blue Ash, Oh., are affected. More follow.", 2),
    ("The U.S. unit cut 200 jobs. Europe was spared!", 2),
    ("Mr. Smith said 4.7 per cent of staff go. Nothing else.", 2),
    ("One line without a stop", 1),
]


@pytest.mark.parametrize(("summary", "count"), SPLIT)
def test_split_sentences(summary: str, count: int) -> None:
    assert len([s for s in split("", summary) if not s.title]) == count


def test_title_first_and_headings_marked() -> None:
    sentences = split("Layoffs this week", "<p>Acme Robotics</p><p>The startup laid off 20 people.</p>")
    assert sentences[0].title and sentences[0].text == "Layoffs this week"
    assert sentences[1].heading and sentences[1].text == "Acme Robotics"
    assert not sentences[2].heading
