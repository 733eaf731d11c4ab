"""``--company NAME`` as the user types it, turned into the canonical names events are stored under.

The extractor knows the aliases (Facebook -> Meta, Alphabet -> Google); when it cannot be imported
the name is matched, ignoring case, against the names already stored. A parent
needs no expansion here: ``Filter.companies`` already matches ``events.parent``, so "Amazon"
selects Twitch's events too.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import sqlite_utils

from tui.errors import LayoffsError


class _Extractor:
    """The extractor's name knowledge, when it can be imported; else each name stands for itself."""

    def __init__(self) -> None:
        try:
            from tui.extract import canonical_company, company_aliases
        except ImportError:  # the extractor is optional here: fall back to the stored names
            self._canonical = self._aliases = None
        else:
            self._canonical, self._aliases = canonical_company, company_aliases

    def canonical(self, name: str) -> str:
        """The canonical company name, or ``name`` itself when unknown or without the extractor."""
        return (self._canonical(name)[0] or name) if self._canonical else name

    def names(self, name: str) -> set[str]:
        """``name``, its canonical form and every alias."""
        names = {name, self.canonical(name)}
        if self._aliases:
            names |= set(self._aliases(name))
        return names


def stored_company_names(db: sqlite_utils.Database) -> list[str]:
    """Every company and parent name the events table holds."""
    return [row[0] for row in db.execute(
        "SELECT company FROM events UNION SELECT parent FROM events WHERE parent IS NOT NULL")]


class UnknownCompanyError(LayoffsError):
    """``--company`` names no company any stored story is tagged with (a typo, or nothing stored yet)."""


def resolve_companies(db: sqlite_utils.Database, names: Iterable[str]) -> tuple[str, ...]:
    """The names to filter on for ``names``, in order, without duplicates.

    Each typed name gives its canonical form plus every stored name that is the same company:
    equal ignoring case to the name, its canonical form or an alias, or with the same canonical
    form (so "Nestle" finds events stored as "Nestlé" by an older extractor). Failing that, the
    start of one stored name stands for it ("Vandelay" for "Vandelay Industries", as the app's pane
    cuts it). A name that matches nothing stored is an ``UnknownCompanyError`` with the closest
    stored names: an export that quietly holds nothing would look like a fact.
    """
    extractor = _Extractor()
    known = stored_company_names(db)
    stored = [(name, extractor.canonical(name).casefold()) for name in known]
    resolved: list[str] = []
    for raw in names:
        typed = raw.strip()
        if not typed:
            continue
        wanted = {name.casefold() for name in extractor.names(typed)}
        matches = [name for name, canonical in stored if name.casefold() in wanted or canonical in wanted]
        found = [extractor.canonical(typed), *matches] if matches else [_by_prefix(typed, known)]
        for name in found:
            if name not in resolved:
                resolved.append(name)
    return tuple(resolved)


def _by_prefix(typed: str, known: list[str]) -> str:
    """The one stored name that starts with ``typed``; else an error naming the closest ones."""
    starts = sorted({name for name in known if name.casefold().startswith(typed.casefold())}, key=str.casefold)
    if len(starts) == 1:
        return starts[0]
    if starts:
        shown = ", ".join(starts[:8]) + (", …" if len(starts) > 8 else "")
        raise UnknownCompanyError(f"--company {typed!r} could be {len(starts)} companies: {shown}; "
                                  "give more of the name")
    folded = {name.casefold(): name for name in known}
    close = [folded[name] for name in difflib.get_close_matches(typed.casefold(), list(folded), n=3, cutoff=0.6)]
    if close:
        hint = "did you mean " + " or ".join(repr(name) for name in close) + "?"
    elif known:
        hint = f"{len(set(known))} companies are stored; the app's Companies pane lists them"
    else:
        hint = "no story is tagged with a company yet; run `layoffs-tui poll` first"
    raise UnknownCompanyError(f"--company {typed!r}: no stored story names this company; {hint}")
