"""The one definition of "which articles": used by the app's panes, the export and the CLI.

A ``Filter`` combines company AND month AND search AND layoffs-only AND feed (and a date range for
exports). ``where()`` turns it into SQL over ``articles AS a``, so every query agrees on the meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tui.store.schema_scale import FTS_DAY


@dataclass(frozen=True)
class Filter:
    """Every field narrows; the empty filter with ``layoffs_only=False`` is every article."""

    companies: tuple[str, ...] = ()
    """Canonical names; a parent includes its units (events whose ``parent`` is the name)."""
    months: tuple[str, ...] = ()
    """``YYYY-MM``."""
    search: str = ""
    """Words the title or text must contain (FTS5, prefix match on the last word)."""
    layoffs_only: bool = True
    feed_ids: tuple[int, ...] = ()
    since: date | None = None
    until: date | None = None
    """Inclusive."""
    unread_only: bool = False
    starred_only: bool = False

    def but(self, **changes: object) -> Filter:
        """A copy with some fields changed (filters are immutable so panes can compare them)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self) -> str:
        """One line for the UI: what is filtered, in words."""
        parts = []
        if self.companies:
            parts.append("company: " + ", ".join(self.companies))
        if self.months:
            parts.append("month: " + ", ".join(self.months))
        if self.search:
            parts.append(f"search: {self.search}")
        if self.feed_ids:
            parts.append("feed: " + ", ".join(str(i) for i in self.feed_ids))
        if self.since:
            parts.append(f"since {self.since.isoformat()}")
        if self.until:
            parts.append(f"until {self.until.isoformat()}")
        if self.unread_only:
            parts.append("unread")
        if self.starred_only:
            parts.append("starred")
        parts.append("layoff stories" if self.layoffs_only else "all articles")
        return " · ".join(parts)


WORDS = re.compile(r"[^\W_]+", re.UNICODE)
"""Letters and digits, as FTS5's unicode61 tokenizer splits: each quoted word is one token, never a
phrase (the index keeps no positions, so it cannot answer phrases)."""


def fts_query(text: str) -> str | None:
    """User text as a safe FTS5 query: each word quoted (no syntax errors), the last one a prefix."""
    words = WORDS.findall(text)
    if not words:
        return None
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _placeholders(values: tuple[object, ...]) -> str:
    return ", ".join("?" for _ in values)


def where(flt: Filter, *, skip: str | None = None) -> tuple[str, list[object]]:
    """SQL condition over ``articles AS a`` and its parameters.

    ``skip`` leaves one dimension out ("companies" or "months"), so a pane's counts follow the
    *other* filters, as the Companies pane must when a company is already selected.
    """
    clauses: list[str] = []
    params: list[object] = []
    if flt.layoffs_only:
        clauses.append("a.layoff = 1")
    if flt.companies and skip != "companies":
        # story_companies files each story under its companies and units (kept from events by triggers):
        # the same as "an event's company or parent is one of these", from one index.
        clauses.append(f"a.id IN (SELECT article_id FROM story_companies WHERE name IN "
                       f"({_placeholders(flt.companies)}))")
        params += list(flt.companies)
    if flt.months and skip != "months":
        clauses.append(f"a.month IN ({_placeholders(flt.months)})")
        params += list(flt.months)
    if flt.feed_ids and skip != "feeds":
        clauses.append(f"a.feed_id IN ({_placeholders(flt.feed_ids)})")
        params += list(flt.feed_ids)
    if flt.since:
        clauses.append("a.published >= ?")
        params.append(flt.since.isoformat())
    if flt.until:
        clauses.append("a.published < ?")
        params.append((flt.until + timedelta(days=1)).isoformat())
    if flt.unread_only:
        clauses.append("a.is_read = 0")
    if flt.starred_only:
        clauses.append("a.starred = 1")
    query = fts_query(flt.search)
    if query:
        clauses.append(f"a.id IN (SELECT rowid % {FTS_DAY} FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(query)
    return (" AND ".join(clauses) or "1"), params
