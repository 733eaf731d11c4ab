"""Plain records passed between the poller, the store and the extractor.

Kept free of any library so every half of the program can share them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class EntryRecord:
    """One feed entry, cleaned and ready to store (see ``tui.poll.parse``)."""

    guid: str
    """Identity within its feed: the entry id, else its link, else its title, else a content hash."""
    title: str
    link: str | None
    author: str | None
    text: str
    """Plain text derived from the summary or content (no HTML)."""
    summary_html: str
    """The summary as the feed gave it (capped), for the extractor's own cleaning."""
    published: datetime | None
    """UTC; None when the feed gave no usable date."""
