"""The extractor's answer as plain frozen values.

Frozen dataclasses so an answer can be cached, compared in tests and shared between threads
without anyone mutating it behind the store's back.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["HEADCOUNT_KINDS", "Event", "Extraction"]

HEADCOUNT_KINDS = ("exact", "approx", "vague", "percent_only", "none")
"""How firmly the story states the number of jobs cut (DESIGN.md, "Extractor I/O")."""


@dataclass(frozen=True)
class Event:
    """One organisation cutting jobs in one story."""

    company: str
    """Canonical name: other names of the same entity merged, legal suffixes dropped."""
    parent: str | None
    """Canonical name of the parent when the company is a known unit (Twitch -> Amazon)."""
    headcount: int | None
    """Jobs cut as the story states them; None when vague, percent-only or unstated."""
    headcount_kind: str
    """One of HEADCOUNT_KINDS."""
    percent: float | None
    """Stated share of the workforce cut, in percent."""
    evidence: str
    """The sentence the figure (or the cut) came from, so a reader can check it."""

    def to_dict(self) -> dict:
        """The JSON shape of DESIGN.md; keys are part of the CLI contract."""
        return {
            "company": self.company,
            "parent": self.parent,
            "headcount": self.headcount,
            "headcount_kind": self.headcount_kind,
            "percent": self.percent,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class Extraction:
    """Whether a story reports job cuts, and at whom."""

    layoff: bool
    """The story reports job cuts (even when no employer is named, as in industry totals)."""
    events: tuple[Event, ...] = ()
