"""What a watched name covers: the company it names, that company's other names, and its units.

"Alphabet" watches Google (one entity, two names); "Amazon" watches Amazon and its units (Twitch,
Audible...), since the extractor files a unit's cut under the unit with the parent beside it. The
company data belongs to the extractor (``tui.extract``); without it a name stands for itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

NEAR_MISS_CUTOFF = 0.75
"""How alike (difflib ratio, ignoring case) a name must be to be offered as "did you mean"."""


@lru_cache(maxsize=4096)
def _canonical(name: str) -> str:
    try:
        from tui.extract import canonical_company
    except ImportError:  # the extractor is optional for reading a store: each name stands for itself
        return name
    return canonical_company(name)[0] or name


def _aliases(name: str) -> set[str]:
    try:
        from tui.extract import company_aliases
    except ImportError:
        return {name}
    return company_aliases(name)


def _units(name: str) -> set[str]:
    try:
        from tui.extract import units_of
    except ImportError:
        return set()
    return units_of(name)


def _is_known(canonical: str) -> bool:
    try:
        from tui.extract.companies import lookup
    except ImportError:
        return False
    return lookup(canonical) is not None


@lru_cache(maxsize=1)
def known_company_names() -> tuple[str, ...]:
    """Every name in the extractor's company data (canonical names and aliases), for near misses."""
    from tui.extract import known_names  # late, as above: a poll without a watchlist never loads it

    return known_names()


@dataclass(frozen=True)
class WatchedCompany:
    """One watchlist entry, resolved."""

    entry: str
    """As written in feeds.toml."""
    canonical: str
    """The extractor's name for it, the one cuts are stored under."""
    aliases: tuple[str, ...]
    """Other names of the same entity (sorted), without the canonical one."""
    units: tuple[str, ...]
    """Known units (their cuts carry this company as parent), sorted."""
    known: bool
    """In the extractor's company data."""
    names: frozenset[str]
    """Every name above, casefolded: what a cut's company or parent is compared to."""

    def covers(self, company: str, parent: str | None = None) -> bool:
        """True when a cut of ``company`` (with ``parent``) is one this entry watches."""
        return any(
            name.casefold() in self.names or _canonical(name).casefold() in self.names
            for name in (company, parent)
            if name
        )

    def describe(self) -> str:
        """ "Google (also Alphabet, Alphabet Inc); units: DeepMind, Fitbit" or just "Intel"."""
        text = self.canonical
        others = [alias for alias in self.aliases if alias.casefold() != self.entry.casefold()]
        if self.canonical.casefold() != self.entry.casefold():
            others = [self.entry, *others]
        if others:
            text += f" (also {', '.join(dict.fromkeys(others))})"
        if self.units:
            text += f"; units: {', '.join(self.units)}"
        return text


def resolve(entry: str) -> WatchedCompany:
    """The companies ``entry`` watches, through the extractor's names, aliases and units."""
    entry = entry.strip()
    canonical = _canonical(entry)
    aliases = sorted(_aliases(canonical) - {canonical})
    units = sorted(_units(canonical))
    unit_names = {alias for unit in units for alias in _aliases(unit)}
    names = {entry, canonical, *aliases, *units, *unit_names}
    return WatchedCompany(
        entry=entry,
        canonical=canonical,
        aliases=tuple(aliases),
        units=tuple(units),
        known=_is_known(canonical),
        names=frozenset(name.casefold() for name in names),
    )


def same_company(a: str, b: str) -> bool:
    """Two watchlist entries for one company ("Alphabet" and "Google"), ignoring case."""
    return (
        a.strip().casefold() == b.strip().casefold()
        or resolve(a).canonical.casefold() == resolve(b).canonical.casefold()
    )


def near_miss(entry: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``entry`` (ignoring case) when it is close enough to be a typo, else None."""
    by_folded: dict[str, str] = {}
    for name in candidates:
        by_folded.setdefault(name.casefold(), name)
    by_folded.pop(entry.strip().casefold(), None)
    close = difflib.get_close_matches(entry.strip().casefold(), list(by_folded), n=1, cutoff=NEAR_MISS_CUTOFF)
    return by_folded[close[0]] if close else None
