"""Layoff extraction: pure functions from a story's text to who cuts how many jobs.

No I/O and no UI imports, so the poller, `retag`, the CLI and tests can all call it in any thread.
Bump EXTRACTOR_VERSION whenever the rules or the company data change, so `retag` knows stored
tags are stale.
"""

from __future__ import annotations

from tui.extract.companies import canonical_company, company_aliases, units_of
from tui.extract.extractor import extract
from tui.extract.model import Event, Extraction

__all__ = [
    "EXTRACTOR_VERSION",
    "Event",
    "Extraction",
    "canonical_company",
    "company_aliases",
    "extract",
    "units_of",
]

EXTRACTOR_VERSION = "4"
