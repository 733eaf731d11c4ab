"""Tagging in a worker process, after parsing there.

The extractor costs far more than parsing on a layoff-heavy feed (tenths of a millisecond per
story), so on a cold poll it is most of the CPU. It runs where the parsing runs, in the worker
processes, and only on the entries the store will insert or update: the runner parses, looks up the
stored fingerprints of the identities the document holds, and sends back only what is new or
changed. The store thread then only writes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from tui.models import EntryRecord
from tui.published import published_for

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


def tag_entries(entries: Sequence[EntryRecord], fetched: datetime) -> dict[str, Any]:
    """Extractions of ``entries`` by guid; an entry the extractor fails on is left out (the store
    thread tags it again and logs the failure)."""
    extract = _extractor()
    if extract is None:
        return {}
    extractions = {}
    for entry in entries:
        try:
            extractions[entry.guid] = extract(entry.title, entry.summary_html or entry.text,
                                              published_for(entry, fetched))
        except Exception:  # noqa: BLE001, S112 - the store thread retries it and logs the failure
            continue
    return extractions


def ready_to_tag() -> bool:
    """Import the extractor and load its data now (a worker started ahead of the first feed's body does
    this while the poll still waits on the network); False when it is not installed."""
    extract = _extractor()
    if extract is None:
        return False
    from tui.extract import preload

    preload()
    return True
