"""Feed polling: polite, bounded HTTP fetching, defensive parsing and storing. No Textual here.

``poll_feeds`` is what the app and ``layoffs-tui poll`` call; it reports a ``FeedResult`` per feed.
"""

from __future__ import annotations

from tui.poll.results import FeedResult, PollReport
from tui.poll.runner import poll_feeds

__all__ = ["FeedResult", "PollReport", "poll_feeds"]
