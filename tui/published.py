"""The date a story is stored under: its own, or the fetch time when it has none or an absurd one.

Apart from the store because the parse workers need it too (they give the extractor the date the
store will keep) and must not import the store.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.models import EntryRecord
from tui.timeutil import EARLIEST, month_of, to_iso

FUTURE_SLACK = timedelta(days=2)


def story_dates(entry: EntryRecord, fetched: datetime) -> tuple[str, int, str]:
    """(published, known flag, month): the fetch time stands in for a missing or absurd date."""
    published = entry.published
    # A date more than two days ahead is a feed's mistake (a wrong zone or year); left as is it would
    # pin the article to the top of every list for months.
    if published is None or published < EARLIEST or published > fetched + FUTURE_SLACK:
        return to_iso(fetched), 0, month_of(fetched)
    return to_iso(published), 1, month_of(published)


def published_for(entry: EntryRecord, fetched: datetime) -> str:
    """The published date as stored (and as the tagger is given it)."""
    return story_dates(entry, fetched)[0]
