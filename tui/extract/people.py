"""People are not employers: "Musk lays off ..." names a person, and the cut belongs to a company.

A name is a person when it opens with a common given name (a bundled list), when the story has
named the person in full before, or when a role stands before it ("chief executive Dan Clancy").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from tui.extract.companies import lookup


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    text = (resources.files("tui.extract") / "data" / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


_ROLE = (
    r"(?:CEO|C\.E\.O\.|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|[Ff]ounder|[Cc]o-?founder|[Pp]resident|[Cc]hairman|"
    r"[Cc]hairwoman|[Bb]oss|[Cc]hief|[Ss]pokes(?:man|woman|person)|[Mm]inister|[Hh]ead)"
)


def person_named(name: str, text: str) -> bool:
    """True when `name` is a person in `text`: a common given name and a surname ("Elon Musk"), the
    surname alone once the story has named the person in full, or a name right after a role
    ("chief executive Dan Clancy"). Known organisations are never people."""
    if lookup(name):
        return False
    words = name.split()
    given = _given_names()
    if len(words) in (2, 3) and words[0].lower() in given:
        return True
    if text.find(" " + words[-1]) == -1:
        return False  # never after another word: neither "Elon Musk" nor "chief executive Musk"
    full_name, after_role = _person_patterns(words[-1])
    for m in full_name.finditer(text):
        if m.group(1).lower() in given:
            return True
    return bool(after_role.search(text))


@lru_cache(maxsize=1024)
def _person_patterns(surname: str) -> tuple[re.Pattern, re.Pattern]:
    """person_named's patterns for one surname: a given name before it, a role before it.

    "\\b([A-Z][a-z]+)" is written "([A-Z](?<!\\w.)[a-z]+)" (the same matches) so that the engine can skip
    ahead to capitals.
    """
    last = re.escape(surname)
    return (
        re.compile(rf"([A-Z](?<!\w.)[a-z]+)\s+(?:[A-Z]\.\s+)?{last}\b"),
        re.compile(rf"\b{_ROLE}\s+(?:[A-Z][a-z]+\s+){{0,2}}{last}\b"),
    )
