"""Unknown organisations found from how a sentence is built.

Most employers in layoff news are in no list ("Section4", "Hutchinson Technology", "Third Wave
Coffee"). Where the sentence structure says "this is the one cutting" (subject of "lays off", "at X",
"let go by X"), a run of capitalised words is taken as a name, after stripping headline words,
roles and nationalities that are capitalised without naming anyone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.extract.commonness import all_everyday, is_everyday_word, is_place_or_people, zipf
from tui.extract.companies import clean_name, is_common, lookup
from tui.extract.numbers import word_number
from tui.extract.vocabulary import HEDGE_WORDS

__all__ = ["NAME_AT_END", "NAME_AT_START", "headline_only_words", "valid_name"]

_WORD = r"(?:[A-Z][\w&'.+-]*[\w+]|[A-Z]|\d+[A-Za-z][\w-]*|[a-z]+[A-Z][\w-]*)"
_INSTITUTION = (
    r"(?:Bank|University|College|Institute|Museum|Council|Society|Board|City|County|State|Government|"
    r"Department|Ministry|School|Academy|Chamber|Federation|Association|League|Church|Hospital|Port|"
    r"Republic|Commonwealth|Royal Bank)"
)
_RUN = (
    rf"(?:{_INSTITUTION}\s+of\s+(?:the\s+)?)?{_WORD}"
    rf"(?:\s+(?:&\s+|{_INSTITUTION}\s+of\s+(?:the\s+)?)?(?:{_WORD}|\d+(?![\d,.]*\d)\b(?!\s*%)))*"
)
"""Capitalised words, digits inside names ("Singularity 6"), "&", and "of" after institutions ("Bank of Ireland")."""
NAME_AT_END = re.compile(rf"({_RUN})\s*$")
NAME_AT_START = re.compile(rf"^\s*({_RUN})")
_ROLES = frozenset(
    "ceo cfo coo cto chief chairman chairwoman founder co-founder cofounder president director executive manager "  # noqa: SIM905
    "head spokesperson spokesman spokeswoman analyst analysts minister secretary governor mayor senator official "
    "mr mrs ms dr sir professor prof editor reporter he she they we i you".split()
)

_TRAIL_STOP = frozenset(
    "layoffs layoff lay-offs lay-off jobs job cuts cut workers employees staff staffers plans plan says said to "  # noqa: SIM905
    "the a an and of in at for on by is are was were will amid after more news report update announces announced "
    "announce confirms confirmed lays laying laid slashes slashing axes trims sheds cutting reportedly also just "
    "now today ceo he she it they his her its their notice notices filing filings".split()
)
_LETTER = re.compile("[A-Za-z]")
_LEAD_STOP = (
    frozenset(
        "the a an this that these those its their his her our your my meanwhile however also separately elsewhere "  # noqa: SIM905
        "likewise additionally similarly now today yesterday earlier later finally still then and but or so while "
        "struggling troubled embattled beleaguered ailing listed industrial careers career site firm company "
        "tech technology giant giants maker chipmaker carmaker automaker retailer lender bank insurer telco startup "
        "start-up studio publisher platform network operator provider developer group conglomerate rival rivals "
        "global local national international domestic regional dutch german french british english american canadian "
        "australian japanese chinese indian korean european asian african swiss swedish italian spanish irish israeli "
        "brazilian mexican russian us u.s. uk u.k. eu australia china india japan germany france britain america "
        "breaking exclusive update report watch live news opinion analysis peer peers competitor warn "
        "ceo cfo chief executive president founder co-founder chairman director head boss "
        "when after before as if because since although though where why how what who which "
        "january february march april may june july august september october november december "
        "monday tuesday wednesday thursday friday saturday sunday "
        "layoffs layoff lay-offs jobs job cuts workers employees staff more another further additional several "
        "hundreds thousands dozens".split()
    )
    | HEDGE_WORDS
)
_FUNCTION_WORDS = frozenset(
    "the a an this that these those its their his her our your my meanwhile however also separately elsewhere "  # noqa: SIM905
    "likewise additionally similarly now today yesterday earlier later finally still then and but or so while "
    "when after before as if because since although though where why how what who which".split()
)
"""_LEAD_STOP's words that are never part of a name, even before "News" or "University"."""
_TICKER = re.compile(r"[A-Z]{2,6}\.[A-Z]{1,2}")
"""A Reuters instrument code written after a name ("AMSJ.J")."""
_COLLECTIVES = frozenset(
    "union unions association federation confederation guild syndicate court tribunal parliament senate "  # noqa: SIM905
    "congress police".split()
)
"""Last words of workers' and trade bodies, courts and legislatures: quoted about cuts, never making them."""
_PLACES_OF_WORK = frozenset(
    "plant plants factory factories facility site office offices headquarters hq campus "  # noqa: SIM905
    "warehouse mill store stores hub center centre".split()
)
_ADJECTIVE = re.compile(
    r"-(?:linked|related|driven|led|backed|based|owned|focused|hit|wide|style|like|era|maker|owner|parent|"
    r"operator|giant|headquartered|listed|registered)$",
    re.IGNORECASE,
)
_DESCRIPTOR = frozenset(
    "company firm startup start-up giant maker carmaker automaker chipmaker retailer lender unicorn platform "  # noqa: SIM905
    "outlet developer publisher studio conglomerate operator provider".split()
)
"""A descriptor noun inside a run ("Largest Internet Company GoTo"): the name is what follows it."""
_NOT_A_WORD_NAME = re.compile(r"\d+(?:pc|k|m|mn|bn|st|nd|rd|th|s)?", re.IGNORECASE)
"""'20pc', '10k', '2020s': a figure, not a name."""


@lru_cache(maxsize=4096)
def valid_name(run: str) -> str | None:
    """The organisation name in a capitalised run, or None when it is headline words, a role or a person."""
    words = run.replace("\u2019", "'").split()
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    if any(w.lower().strip(".,") in _ROLES for w in words):
        return None
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1].endswith("'s") and is_place_or_people(words[i - 1]):
            words = words[i:]  # "Canada's Bell Media", "Japan's Takeda"
            break
    for i in range(len(words) - 2, -1, -1):
        if words[i].lower() in _DESCRIPTOR:
            words = words[i + 1 :]  # "Indonesia's Largest Internet Company GoTo"
            break
    while words and _ADJECTIVE.search(words[0]) and len(words) > 1:
        words.pop(0)  # "Seattle-based Zulily"
    led = [i for i, w in enumerate(words[:-1]) if _ADJECTIVE.search(w)]
    if led:
        words = words[led[-1] + 1 :]  # "Bhavish Aggarwal-led Ola Electric", "Jeff Bezos-owned Blue Origin"
    while (
        words
        and not (len(words) > 1 and words[1] == "of")
        and (
            words[0].lower() in _LEAD_STOP
            or (len(words) > 1 and is_common(words[0]) and words[1].lower() in _LEAD_STOP)
        )
    ):
        if _generic_head(words[-1]) and words[0].lower() not in _FUNCTION_WORDS:
            break  # "Global News", "Australian National University": the leading words are part of the name
        words.pop(0)
    while words and (words[-1].lower() in _TRAIL_STOP or words[-1] == "&" or _TICKER.fullmatch(words[-1])):
        words.pop()  # "... Platinum AMSJ.J": a Reuters instrument code is not part of the name
    if len(words) > 1 and words[-1].lower() in _COLLECTIVES:
        return None  # "Progressive Workers Union", "State Workers Association": unions speak, they do not cut
    lettered = [w for w in words if _LETTER.search(w)]
    if not lettered or (len(lettered) < 2 and is_common(lettered[0])):
        return None
    if all(w.lower() in _LEAD_STOP or w.lower() in _TRAIL_STOP for w in words):
        return None
    if words[-1].lower() in _PLACES_OF_WORK:
        return None
    if _ADJECTIVE.search(words[-1]):  # "Los Angeles-based": a description with no name after it
        return None
    name = clean_name(" ".join(words))
    if len(name) < 2 or not _LETTER.search(name):
        return None
    if lookup(name) is None and _not_an_employer(name, words):
        return None
    return name


def _generic_head(word: str) -> bool:
    """A word that alone names a kind of organisation, not one ("News", "University", "Bank")."""
    return word[:1].isupper() and word[1:].islower() and is_everyday_word(word)


_PEOPLE_ENDINGS = ("ers", "ists", "ians", "ees", "ors")
"""Endings of nouns for people ("Footballers", "Machinists", "Librarians"): a group of workers, not a firm."""


def _not_an_employer(name: str, words: list[str]) -> bool:
    """A place, a nationality, a figure, or (alone) an everyday English word: never an unlisted employer."""
    if is_place_or_people(name):
        return True
    if len(words) == 1:
        word = words[0]
        lower = word.lower()
        return (
            bool(_NOT_A_WORD_NAME.fullmatch(word))
            or word_number(lower) is not None  # "Nineteen staff were laid off"
            or (word[1:].islower() and is_everyday_word(word))
            or (
                word[1:].islower() and lower.endswith(_PEOPLE_ENDINGS) and zipf(lower) >= 2.5
            )  # "Footballers"
        )
    return False


def headline_only_words(name: str) -> bool:
    """Every word of the name is everyday English: in a Title Case headline that says nothing ("Video Game")."""
    return all_everyday(name)
