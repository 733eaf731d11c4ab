"""Parsing and tagging together, in a worker process.

The extractor costs far more than parsing on a layoff-heavy feed (tenths of a millisecond per
story), so on a cold poll it is most of the CPU. It runs where the parsing runs, in the worker
processes, and only on the entries the store will insert or update (``known`` holds the stored
fingerprints); the store thread then only writes.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import Any

from tui.poll.parse import ParsedFeed, parse_feed
from tui.store.articles import needs_tagging, published_for

log = logging.getLogger(__name__)
_extract: Any = None


def _extractor() -> Any:
    """The extractor, imported once per worker; None when it is not installed."""
    global _extract
    if _extract is None:
        try:
            from tui.extract import extract
        except Exception as error:  # noqa: BLE001 - missing, or broken mid-edit: store untagged, never fail
            log.warning("the extractor cannot be loaded (%s); articles are stored untagged", error)
            _extract = False
        else:
            _extract = extract
    return _extract or None


def parse_and_tag(body: bytes, headers: dict[str, str], url: str, known: dict[str, str] | None,
                  fetched: datetime) -> ParsedFeed:
    """``parse_feed``, plus extractions for new or changed entries when ``known`` is given."""
    parsed = parse_feed(body, headers, url)
    extract = _extractor() if known is not None else None
    if extract is None or parsed.error:
        return parsed
    extractions = {}
    for entry in parsed.entries:
        if needs_tagging(entry, known):
            try:
                extractions[entry.guid] = extract(entry.title, entry.summary_html or entry.text,
                                                  published_for(entry, fetched))
            except Exception:  # noqa: BLE001, S112 - the store thread retries it and logs the failure
                continue
    return replace(parsed, extractions=extractions)
