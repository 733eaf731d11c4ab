"""Layoff extraction: pure functions from a story's text to who cuts how many jobs.

No I/O and no UI imports, so the poller, `retag`, the CLI and tests can all call it in any thread.
Bump EXTRACTOR_VERSION whenever the rules or the company data change, so `retag` knows stored
tags are stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    "lookup",
    "preload",
    "units_of",
]

EXTRACTOR_VERSION = "5"

_HOMES = {
    "canonical_company": "tui.extract.companies", "company_aliases": "tui.extract.companies",
    "known_names": "tui.extract.companies", "lookup": "tui.extract.companies", "units_of": "tui.extract.companies",
    "extract": "tui.extract.extractor", "Event": "tui.extract.model", "Extraction": "tui.extract.model",
}
"""The names above load on first use: the store stamps ``EXTRACTOR_VERSION`` on every tagged article,
and the polling process (whose stories are tagged in the workers) must not import the extractor, its
regular expressions and data, to read it: 0.2 s of a cold poll's busiest process."""


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'tui.extract' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_HOMES[name]), name)


def preload() -> None:
    """Load the extractor's data (companies, places, word frequencies) now rather than on the first
    story that needs it: for benchmarks and for worker processes that should pay once, up front."""
    from tui.extract.commonness import preload as preload_commonness
    from tui.extract.companies import lookup

    lookup("Google")
    preload_commonness()
