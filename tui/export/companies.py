"""``--company NAME`` as the user types it, turned into the canonical names events are stored under.

The extractor knows the aliases (Facebook -> Meta, Alphabet -> Google); when it cannot be imported
the name is matched, ignoring case, against the names already stored, else kept as typed. A parent
needs no expansion here: ``Filter.companies`` already matches ``events.parent``, so "Amazon"
selects Twitch's events too.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils


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


def resolve_companies(db: sqlite_utils.Database, names: Iterable[str]) -> tuple[str, ...]:
    """The names to filter on for ``names``, in order, without duplicates.

    Each typed name gives its canonical form plus every stored name that is the same company:
    equal ignoring case to the name, its canonical form or an alias, or with the same canonical
    form (so "Nestle" finds events stored as "Nestlé" by an older extractor).
    """
    extractor = _Extractor()
    stored = [(name, extractor.canonical(name).casefold()) for name in stored_company_names(db)]
    resolved: list[str] = []
    for raw in names:
        typed = raw.strip()
        if not typed:
            continue
        wanted = {name.casefold() for name in extractor.names(typed)}
        matches = [name for name, canonical in stored if name.casefold() in wanted or canonical in wanted]
        for name in (extractor.canonical(typed), *matches):
            if name not in resolved:
                resolved.append(name)
    return tuple(resolved)
