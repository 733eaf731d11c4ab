"""Layoff extraction: pure functions from a story's text to who cuts how many jobs.

No I/O and no UI imports, so the poller, `retag`, the CLI and tests can all call it in any thread.
Bump EXTRACTOR_VERSION whenever the rules or the company data change, so `retag` knows stored
tags are stale.
"""

from __future__ import annotations

from tui.extract.commonness import preload as _preload_commonness
from tui.extract.companies import canonical_company, company_aliases, known_names, lookup, units_of
from tui.extract.extractor import extract
from tui.extract.model import Event, Extraction

__all__ = [
    "EXTRACTOR_VERSION",
    "Event",
    "Extraction",
    "canonical_company",
    "company_aliases",
    "extract",
    "known_names",
    "preload",
    "units_of",
]


def preload() -> None:
    """Load the extractor's data (companies, places, word frequencies) now rather than on the first
    story that needs it: for benchmarks and for worker processes that should pay once, up front."""
    lookup("Google")
    _preload_commonness()


EXTRACTOR_VERSION = "5"
