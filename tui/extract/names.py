"""Unknown organisations found from how a sentence is built.

Most employers in layoff news are in no list ("Section4", "Hutchinson Technology", "Third Wave
Coffee"). Where the sentence structure says "this is the one cutting" (subject of "lays off", "at X",
"let go by X"), a run of capitalised words is taken as a name, after stripping headline words,
roles and nationalities that are capitalised without naming anyone.
"""

from __future__ import annotations

import re

from tui.extract.companies import clean_name, is_common

__all__ = ["NAME_AT_END", "NAME_AT_START", "valid_name"]

_WORD = r"(?:[A-Z][\w&'.+-]*[\w+]|[A-Z]|\d+[A-Za-z][\w-]*|[a-z]+[A-Z][\w-]*)"
_RUN = rf"{_WORD}(?:\s+(?:&\s+)?(?:{_WORD}|\d+(?![\d,.]*\d)\b))*"
NAME_AT_END = re.compile(rf"({_RUN})\s*$")
NAME_AT_START = re.compile(rf"^\s*({_RUN})")
_ROLES = frozenset(
    "ceo cfo coo cto chief chairman chairwoman founder co-founder cofounder president director executive manager "
    "head spokesperson spokesman spokeswoman analyst analysts minister secretary governor mayor senator official "
    "mr mrs ms dr sir professor prof editor reporter he she they we i you".split()
)

_TRAIL_STOP = frozenset(
    "layoffs layoff lay-offs lay-off jobs job cuts cut workers employees staff staffers plans plan says said to "
    "the a an and of in at for on by is are was were will amid after more news report update announces announced "
    "announce confirms confirmed lays laying laid slashes slashing axes trims sheds cutting reportedly also just "
    "now today ceo he she it they his her its their".split()
)
_ADJECTIVE = re.compile(r"-(?:linked|related|driven|led|backed|based|owned|focused|hit|wide|style|like|era)$", re.I)


def valid_name(run: str) -> str | None:
    """The organisation name in a capitalised run, or None when it is headline words, a role or a person."""
    words = run.replace("\u2019", "'").split()
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    if any(w.lower().strip(".,") in _ROLES for w in words):
        return None
    while words and is_common(words[0]):
        words.pop(0)
    while words and (words[-1].lower() in _TRAIL_STOP or words[-1] == "&"):
        words.pop()
    if not words or all(is_common(w) for w in words):
        return None
    if len(words) == 1 and _ADJECTIVE.search(words[0]):
        return None
    name = clean_name(" ".join(words))
    if len(name) < 2 or not re.search(r"[A-Za-z]", name):
        return None
    return name
