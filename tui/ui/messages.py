"""App-level messages: facts in the past tense, posted by workers and handled by the app or a screen.

Workers run in threads; ``post_message`` is thread-safe, so results travel back to the event loop
only through these.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.message import Message

from tui.service import (
    ArticleDetail,
    ArticlePage,
    CutPage,
    CutStory,
    FeedRow,
    Filter,
    PaneCounts,
    StoreSummary,
)


class ArticlesLoaded(Message):
    """A page of the article table for ``flt`` is ready.

    ``reason`` is "filter" (a new filter: cursor to the top), "more" (the next page, appended) or
    "refresh" (the same filter after a poll or a correction: keep the cursor and the scroll).
    """

    def __init__(self, flt: Filter, page: ArticlePage | CutPage, reason: str) -> None:
        super().__init__()
        self.flt = flt
        self.page = page
        self.reason = reason
        self.cuts = isinstance(page, CutPage)
        """True for a page of the cuts view."""


class FacetsLoaded(Message):
    """The Companies and Months panes' lines, and the filter's total, for ``flt`` are ready."""

    def __init__(self, flt: Filter, counts: PaneCounts, *, cuts: bool = False) -> None:
        super().__init__()
        self.flt = flt
        self.counts = counts
        self.cuts = cuts
        """True when the counts are of cuts (the cuts view)."""


class EmptyExplained(Message):
    """Why the table for ``flt`` is empty: the counts of what is stored and how the feeds fared."""

    def __init__(self, flt: Filter, summary: StoreSummary) -> None:
        super().__init__()
        self.flt = flt
        self.summary = summary


class ArticleLoaded(Message):
    """The reader's article (with its events) is ready; None when it no longer exists."""

    def __init__(
        self, article_id: int, detail: ArticleDetail | None, others: Sequence[CutStory] = ()
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.detail = detail
        self.others = others
        """The other outlets' stories of the article's cut ("also reported by")."""


class MarksStored(Message):
    """Read or star marks were written; the table shows them only now, so it never shows a mark the
    database does not hold (a full disk refuses the write, and the failure is said instead)."""

    def __init__(
        self, article_ids: list[int], *, is_read: bool | None = None, starred: bool | None = None
    ) -> None:
        super().__init__()
        self.article_ids = article_ids
        self.is_read = is_read
        self.starred = starred


class ArticlesChanged(Message):
    """Stored articles changed (a poll, a correction): every view reloads, keeping its place."""


class DatabaseChanged(Message):
    """Another program (a cron poll, ``layoffs-tui tag``) committed to the database."""


class PollStarted(Message):
    """A poll of ``total`` feeds began."""

    def __init__(self, total: int) -> None:
        super().__init__()
        self.total = total


class FeedPolled(Message):
    """One feed of the running poll answered (or failed); ``result`` is a ``tui.poll.FeedResult``."""

    def __init__(self, result: Any, done: int, total: int) -> None:
        super().__init__()
        self.result = result
        self.done = done
        self.total = total


class PollFinished(Message):
    """The poll ended; ``report`` is a ``tui.poll.PollReport`` or None when it could not run.

    ``quiet``: a timed poll found no feed due and did not run; nothing to tell the user.
    """

    def __init__(self, report: Any, error: str | None = None, *, quiet: bool = False) -> None:
        super().__init__()
        self.report = report
        self.error = error
        self.quiet = quiet


class AlertsGiven(Message):
    """A poll brought cuts of watched companies (``alerts``); ``failures``: the alert command's."""

    def __init__(self, alerts: Sequence[Any], failures: Sequence[str]) -> None:
        super().__init__()
        self.alerts = alerts
        self.failures = failures


class FeedsLoaded(Message):
    """The feeds screen's rows are ready; ``removed`` feeds are no longer listed but their stories stay."""

    def __init__(self, rows: list[FeedRow], removed: int = 0) -> None:
        super().__init__()
        self.rows = rows
        self.removed = removed
