"""What is stored and how the feeds fared, in a few numbers: why the app's table is empty, say.

A newcomer offline sees an empty table; these numbers let the app say why (nothing polled yet,
every feed failed, the layoff filter hides the articles) instead of showing nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from tui.store.feeds import feed_statuses


@dataclass(frozen=True)
class StoreSummary:
    """Counts over the whole database and the feed list's enabled feeds."""

    articles: int
    """Every stored article, layoff story or not."""
    feeds: int
    """Enabled feeds in the feed list."""
    polled: int
    """Of those, polled at least once."""
    failing: int
    """Of those, failing on their last poll."""


def store_summary(db: sqlite_utils.Database, enabled_urls: Iterable[str]) -> StoreSummary:
    """The counts for the feeds at ``enabled_urls`` (the feed list decides which feeds count)."""
    articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    statuses = feed_statuses(db)
    urls = list(dict.fromkeys(enabled_urls))
    mine = [statuses[url] for url in urls if url in statuses]
    return StoreSummary(
        articles=articles,
        feeds=len(urls),
        polled=sum(1 for status in mine if status.last_polled_at),
        failing=sum(1 for status in mine if status.last_error),
    )
