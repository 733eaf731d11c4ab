"""``--company NAME`` as the user types it, turned into the canonical names events are stored under.

The extractor knows the aliases (Facebook -> Meta, Alphabet -> Google); when it cannot be imported
the name is matched, ignoring case, against the names already stored, else kept as typed. A parent
needs no expansion here: ``Filter.companies`` already matches ``events.parent``, so "Amazon"
selects Twitch's events too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import sqlite_utils


def _extractor_canonical() -> Callable[[str], tuple[str, str | None]] | None:
    """``tui.extract.canonical_company`` when the extractor provides it, else None."""
    try:
        from tui.extract import canonical_company
    except ImportError:  # the extractor is optional here: fall back to the stored names
        return None
    return canonical_company


def stored_company_names(db: sqlite_utils.Database) -> list[str]:
    """Every company and parent name the events table holds."""
    return [row[0] for row in db.execute(
        "SELECT company FROM events UNION SELECT parent FROM events WHERE parent IS NOT NULL")]


def resolve_companies(db: sqlite_utils.Database, names: Iterable[str]) -> tuple[str, ...]:
    """Canonical names for ``names``, in order, without duplicates."""
    canonical = _extractor_canonical()
    stored: dict[str, str] | None = None
    resolved: list[str] = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        if canonical is not None:
            name = canonical(name)[0] or name
        if stored is None:
            stored = {stored_name.casefold(): stored_name for stored_name in stored_company_names(db)}
        name = stored.get(name.casefold(), name)
        if name not in resolved:
            resolved.append(name)
    return tuple(resolved)
