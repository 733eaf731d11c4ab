"""Feed polling: polite, bounded HTTP fetching, defensive parsing and storing. No Textual here.

``poll_feeds`` is what the app and ``layoffs-tui poll`` call; it reports a ``FeedResult`` per feed.
The names are loaded on first use: the parse workers import ``tui.poll.workers`` and must not pay
for httpx and the store, which only the polling process needs (0.15 s of CPU per worker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.poll.results import FeedResult, PollReport
    from tui.poll.runner import poll_feeds

__all__ = ["FeedResult", "PollReport", "poll_feeds"]
_HOMES = {"FeedResult": "tui.poll.results", "PollReport": "tui.poll.results", "poll_feeds": "tui.poll.runner"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'tui.poll' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_HOMES[name]), name)
