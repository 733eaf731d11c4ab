"""Company knowledge: canonical names, aliases, parents, and which names are news outlets.

The bundled data (data/companies.json) covers names that recur in layoff news; anything else is
found from sentence structure in linking.py and only cleaned here. Lookups are dictionary hits
over word tokens rather than one giant regex alternation, which keeps extraction fast.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "Org",
    "canonical_company",
    "clean_name",
    "company_aliases",
    "find_known",
    "is_common",
    "known_names",
    "lookup",
    "units_of",
]

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9&.'+-]*[A-Za-z0-9+]|[A-Za-z0-9]|&")
_LEGAL = re.compile(
    r"(?:[\s,]+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|PLC|plc|AG|SA|S\.A|NV|N\.V|"
    r"SE|GmbH|Oyj|AB|ASA|Pty|LP|L\.P|Holdings|Group)\.?)+$",
    re.IGNORECASE,
)
_GLUED = re.compile(r" ([A-Z][\w.]*)")
_THE_OR_POSSESSIVE = re.compile(r"^(?:the|The|THE)\s+|'s$")
_CANDIDATE = re.compile(r"[A-Z0-9][\w&.'+-]*")
"""Tokens that can open a known name: capitalised, digits, or "eBay"/"iRobot" style."""
_NEXT_TOKEN = re.compile(r"[ ,]{1,2}(?<!, ,)([A-Za-z0-9][A-Za-z0-9&.'+-]*[A-Za-z0-9+]|[A-Za-z0-9]|&)")


_OFFICE_AFTER = re.compile(r" (?:Minister|Ministry|Secretary|Department|Commissioner|Committee)\b")


@dataclass(frozen=True)
class Org:
    """A known organisation."""

    name: str
    parent: str | None = None
    role: str = ""
    """"" for employers, "media" for news outlets (usually a source), "tracker" (never an employer)."""
    listed: bool = True
    """False for names taken only from tracker lists (no aliases or parents known)."""


def _norm(token: str) -> str:
    """Typographic apostrophes as plain ones, so "Byju’s" and "Byju's" match."""
    return token.replace("\u2019", "'")


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, Org], dict[str, set[str]], dict[str, set[str]], frozenset[str]]:
    """Alias index, aliases per canonical name, units per parent, common words. Loaded once."""
    base = resources.files("tui.extract") / "data"
    raw = json.loads((base / "companies.json").read_text(encoding="utf-8"))
    common = frozenset(
        w
        for line in (base / "common_words.txt").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
        for w in line.split()
    )
    index: dict[str, Org] = {}
    aliases: dict[str, set[str]] = {}
    units: dict[str, set[str]] = {}
    for entry in raw["entities"]:
        org = Org(entry["name"], entry.get("parent"), entry.get("role", ""))
        names = [entry["name"], *entry.get("aliases", [])]
        aliases[org.name] = set(names)
        if org.parent:
            units.setdefault(org.parent, set()).add(org.name)
        for name in names:
            index.setdefault(" ".join(_norm(t) for t in _TOKEN.findall(name)), org)
    for name in raw["startups"]:
        key = " ".join(_TOKEN.findall(name))
        if key.lower() not in common and key not in index:
            index[key] = Org(name, listed=False)
            aliases[name] = {name}
    return index, aliases, units, common


@lru_cache(maxsize=1)
def _firsts() -> dict[str, int]:
    """For each first word of a known name (possessive stripped too), the most words a name starting so has."""
    firsts: dict[str, int] = {}
    for key in _data()[0]:
        words = key.split(" ")
        firsts[words[0]] = max(firsts.get(words[0], 0), len(words))
    return firsts


@lru_cache(maxsize=1)
def _lower_firsts() -> tuple[str, ...]:
    """First words of known names that start with a small letter ("eBay"), looked for with `in`."""
    return tuple(
        sorted(
            {
                first
                for first in _firsts()
                if first[:1].islower() and (first.lower() != first or "." in first or "-" in first)
            }
        )
    )


def is_common(word: str) -> bool:
    """True for words that alone never name an organisation ("The", "Tech", "Plans", "CEO")."""
    return word.lower().rstrip(".") in _data()[3]


@lru_cache(maxsize=4096)
def lookup(name: str) -> Org | None:
    """The known organisation for a name as written, or None."""
    index = _data()[0]
    key = " ".join(_norm(t) for t in _TOKEN.findall(name))
    org = index.get(key)
    if org is None and key.endswith("'s"):
        org = index.get(key[:-2])
    if org is None:
        cleaned = clean_name(name)
        org = index.get(" ".join(_TOKEN.findall(cleaned)))
    return org


_CANDIDATE_START = re.compile(r"[A-Z0-9](?<![\w&.'+-].)[\w&.'+-]*")
"""_CANDIDATE where a name may open: never right after a letter, digit or name punctuation (the class
comes first so the engine can skip ahead to it)."""


_CAPITAL_START = re.compile(r"[A-Z](?<![\w&.'+-].)[\w&.'+-]*")
"""_CANDIDATE_START's capitalised tokens (the same tokens, without those opening with a digit)."""


@lru_cache(maxsize=1)
def _digit_firsts() -> tuple[str, ...]:
    """First words of known names that open with a digit ("3M", "23andMe"), looked for with `in`."""
    return tuple(sorted(first for first in _firsts() if first[:1].isdigit()))


@lru_cache(maxsize=1)
def _special_firsts() -> tuple[str, ...]:
    """_lower_firsts() and _digit_firsts(): openings that _CAPITAL_START does not find."""
    return _lower_firsts() + _digit_firsts()


@lru_cache(maxsize=8192)
def _opening(raw: str) -> tuple[str, int]:
    """(the token minus trailing punctuation, most words a known name opening with it has; 0 for none)."""
    first = raw.rstrip(".'-+&")
    if not first:
        return first, 0
    firsts = _firsts()
    return first, firsts.get(first) or (firsts.get(first[:-2]) if first.endswith("'s") else None) or 0


def find_known(text: str) -> list[tuple[int, int, Org]]:
    """Known organisations named in `text`: (start, end, org), longest names first, no overlaps.

    Only tokens that can open a name (capitalised, digits, "eBay"-style) start a lookup; the
    following words are read on demand, which keeps this cheap on long sentences.
    """
    index, _, _, common = _data()
    if "\u2019" in text:
        text = _norm(text)
    out: list[tuple[int, int, Org]] = []
    pos = 0
    for special in _special_firsts():
        if special in text:
            break
    else:
        # No name here opens with a digit or a small letter: capitalised tokens are the only openings
        # (and _CAPITAL_START never starts right after a word character or name punctuation).
        for m in _CAPITAL_START.finditer(text):
            start = m.start()
            if start < pos:
                continue
            raw = m.group()
            first, most = _opening(raw)
            if most:
                found = _known_at(text, start, raw, first, most, index, common)
                if found:
                    out.append(found)
                    pos = found[1]
        return out
    lowers = [lower for lower in _lower_firsts() if lower in text]
    if lowers:
        starts = [(m.start(), m.group()) for m in _CANDIDATE.finditer(text)]
        for lower in lowers:  # "eBay", "iRobot": names that open with a small letter
            starts.extend(
                (m.start(), m.group()) for m in re.finditer(rf"\b{re.escape(lower)}[\w&.'+-]*", text)
            )
            starts.sort()
    else:
        # a token right after a word character or name punctuation never opens a name (checked below)
        starts = [(m.start(), m.group()) for m in _CANDIDATE_START.finditer(text)]
    for start, raw in starts:
        if start < pos or (start and (text[start - 1].isalnum() or text[start - 1] in "_&.'+-")):
            continue
        first, most = _opening(raw)
        if not most:
            continue
        found = _known_at(text, start, raw, first, most, index, common)
        if found:
            out.append(found)
            pos = found[1]
    return out


def _known_at(
    text: str, start: int, raw: str, first: str, most: int, index: dict[str, Org], common: frozenset[str]
) -> tuple[int, int, Org] | None:
    """The known organisation whose name opens with token `raw` at `start` (longest name first), or None."""
    tokens = [(start, start + len(first), first)]
    while len(tokens) < most:
        nxt = _NEXT_TOKEN.match(text, tokens[-1][1])
        if nxt is None:
            break
        tokens.append((nxt.start(1), nxt.end(1), nxt.group(1)))
    hit = None
    for n in range(len(tokens), 0, -1):
        key = " ".join([t[2] for t in tokens[:n]]) if n > 1 else first
        org = index.get(key) or (index.get(key[:-2]) if key.endswith("'s") else None)
        if org:
            hit = (n, org)
            break
    if hit is None:
        return None
    n, org = hit
    if _OFFICE_AFTER.match(text, tokens[n - 1][1]):
        return None  # "Manpower Minister", "Labour Department": a government office, not the firm
    if n == 1 and first.lower().removesuffix("'s") in common:
        after = text[start + len(raw) : start + len(raw) + 30]
        glued = _GLUED.match(after)
        if glued and not _LEGAL.search(" " + glued.group(1)):
            return None  # "United Auto Workers" is not United Airlines
    return (tokens[0][0], tokens[n - 1][1], org)


def clean_name(name: str) -> str:
    """A name as written, minus a leading "The", a possessive and legal suffixes."""
    name = _norm(name).strip(" ,.;:\"'")
    name = _THE_OR_POSSESSIVE.sub("", name)
    cleaned = _LEGAL.sub("", name).strip(" ,").removesuffix(" &").removesuffix(" and").strip(" ,")
    return cleaned or name


def canonical_company(name: str) -> tuple[str, str | None]:
    """(canonical name, parent) for a user-typed name; unknown names come back cleaned, parent None."""
    org = lookup(name.strip())
    if org is None:
        lowered = {k.lower(): v for k, v in _data()[0].items()}
        org = lowered.get(" ".join(_TOKEN.findall(clean_name(name))).lower())
    if org is not None:
        return org.name, org.parent
    return clean_name(name), None


def company_aliases(name: str) -> set[str]:
    """Every known name of the entity `name` refers to (itself included), for filters and export."""
    canonical, _ = canonical_company(name)
    return set(_data()[1].get(canonical, {canonical})) | {canonical}


def known_names() -> tuple[str, ...]:
    """Every name in the company data (canonical names and their other names), sorted: for near misses."""
    aliases_by_name = _data()[1]
    return tuple(
        sorted({name for names in aliases_by_name.values() for name in names} | set(aliases_by_name))
    )


def units_of(parent: str) -> set[str]:
    """Canonical names of the known units whose parent is `parent` (Amazon -> Twitch, Audible ...)."""
    canonical, _ = canonical_company(parent)
    return set(_data()[2].get(canonical, set()))
