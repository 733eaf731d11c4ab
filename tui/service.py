"""The one typed door from the UI to the database: plain records in, plain records out.

The app holds one ``LayoffsService``; screens and the app's helpers call its methods from thread
workers. Each call uses its thread's own SQLite connection (``thread_db``), so no connection is shared
between threads and nothing in ``tui/ui`` opens one, runs SQL or calls a store function (a test
enforces it). The records the UI shows are re-exported here (``__all__``): the UI imports them from
this module, never from ``tui.store``, so this file is the whole list of what the UI may ask.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, wait
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.config import Config
from tui.store import corrections
from tui.store.changes import ChangeWatcher
from tui.store.cut_queries import CutRow, CutStory
from tui.store.cut_view import (
    CUT_PAGE_SIZE,
    CutPage,
    MonthTotal,
    cut_page,
    cut_pane_counts,
    cut_timeline,
    other_sources,
    stories_of_cut,
    with_cut_headcounts,
)
from tui.store.db import QueryCancelled, cancellable, schema_behind, store_error
from tui.store.facets import CompanyFacet, MonthFacet, PaneCounts, pane_counts
from tui.store.feeds import PollOutcome, removed_feeds
from tui.store.filters import Filter
from tui.store.queries import (
    PAGE_SIZE,
    ArticleDetail,
    ArticlePage,
    ArticleRow,
    EventRow,
    FeedRow,
    StoryFigure,
    article_detail,
    article_page,
    feed_rows,
    set_read,
    set_starred,
    thread_db,
)
from tui.store.summary import StoreSummary, store_summary

__all__ = [
    "FIRST_FILTER",
    "PAGE_SIZE",
    "ArticleDetail",
    "ArticlePage",
    "ArticleRow",
    "CompanyFacet",
    "CutPage",
    "CutRow",
    "CutStory",
    "EventRow",
    "FeedList",
    "FeedRow",
    "Filter",
    "LayoffsService",
    "MonthFacet",
    "MonthTotal",
    "PaneCounts",
    "PollOutcome",
    "StoreSummary",
    "StoryFigure",
]

FIRST_FILTER = Filter()
"""What the main screen shows when the app opens, and so what ``make_app`` counts ahead."""

Stopped = Callable[[], bool]
"""True once the caller no longer wants the answer (a worker superseded by the next key)."""


@dataclass(frozen=True)
class FeedList:
    """The feeds screen's rows and how many stored feeds the feed list no longer names."""

    rows: list[FeedRow]
    removed: int


class LayoffsService:
    """Answers the app's questions about one database and does its writes."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._changes = ChangeWatcher(db_path)
        self._ahead: tuple[Filter, Future[PaneCounts | None]] | None = None
        """``count_ahead``'s filter and its counts, until they are taken."""
        self._ahead_lock = threading.Lock()
        """The app's thread and a worker may both reach for the counts counted ahead; one gets them."""

    # -- the stories table and the panes -------------------------------------------------------

    def article_page(
        self, flt: Filter, offset: int = 0, limit: int = PAGE_SIZE, *, stopped: Stopped | None = None
    ) -> ArticlePage | None:
        """A page of stories for ``flt``, uncounted (the panes count); None when ``stopped()`` turned
        True on the way, so a page superseded by the next key stops half-way."""
        db = thread_db(self.db_path)
        if stopped is None:
            return article_page(db, flt, offset=offset, limit=limit, with_total=False)
        try:
            with cancellable(db, stopped):
                return article_page(db, flt, offset=offset, limit=limit, with_total=False)
        except QueryCancelled:
            return None

    def cut_page(self, flt: Filter, offset: int = 0, limit: int = CUT_PAGE_SIZE) -> CutPage:
        """A page of the cuts table for ``flt``."""
        return cut_page(thread_db(self.db_path), flt, offset, limit)

    def pane_counts(self, flt: Filter, *, cuts: bool, stopped: Stopped | None = None) -> PaneCounts | None:
        """The panes' counts, each under every filter but its own, and the filter's total. In the cuts
        view cuts and their jobs; in the stories view stories, with each company's jobs summed over its
        cuts (never its stories). None when ``stopped()`` turned True on the way."""
        if not cuts and (ahead := self._take_ahead(flt)) is not None:
            wait([ahead])  # being counted ahead: wait for those rather than count twice
            if ahead.exception() is None and (counted := ahead.result()) is not None:
                return counted
        db = thread_db(self.db_path)
        if cuts:
            return cut_pane_counts(db, flt)
        if stopped is None:
            return with_cut_headcounts(db, flt, pane_counts(db, flt))
        try:
            with cancellable(db, stopped):
                counts = pane_counts(db, flt)
        except QueryCancelled:
            return None
        return None if stopped() else with_cut_headcounts(db, flt, counts)

    def count_ahead(self, flt: Filter) -> None:
        """Start counting the stories view's panes for ``flt`` now, in a thread of its own.

        The app calls it as it starts, before Textual has drawn anything: the counts' queries then run
        beside the start-up's Python instead of after the first page is on screen, and are ready with
        it (issue 11: the panes' counts 0.5 s after start at a million articles). The change watch takes
        its baseline first, so a commit made after these counts were read is noticed and refreshed.
        """
        future: Future[PaneCounts | None] = Future()
        with self._ahead_lock:
            if self._ahead is not None and self._ahead[0] == flt:
                return  # counting already
            self._ahead = (flt, future)

        def count() -> None:
            try:
                future.set_result(self._count_ahead(flt))
            except Exception as error:  # noqa: BLE001 - the taker counts again, and says a failure
                future.set_exception(error)

        threading.Thread(target=count, name="count-ahead", daemon=True).start()

    def _count_ahead(self, flt: Filter) -> PaneCounts | None:
        """None when there is nothing to count yet: no database, or one the app's first load migrates
        (which can take minutes at a million stories, and is said first)."""
        if not self.db_path.is_file() or schema_behind(self.db_path):
            return None
        self._changes.take_baseline()
        return self._count(flt)

    def _count(self, flt: Filter) -> PaneCounts:
        db = thread_db(self.db_path)
        return with_cut_headcounts(db, flt, pane_counts(db, flt))

    def counted_ahead(self, flt: Filter) -> PaneCounts | None:
        """``count_ahead``'s counts for ``flt`` if they are ready now (once; None otherwise, and then
        ``pane_counts`` waits for them). Never waits, so the app's thread may ask."""
        with self._ahead_lock:
            ahead = self._ahead
            if ahead is None or ahead[0] != flt or not ahead[1].done() or ahead[1].exception() is not None:
                return None
            self._ahead = None
        return ahead[1].result()

    def counting_ahead(self, flt: Filter) -> bool:
        """Whether ``count_ahead`` is still counting ``flt`` (a worker asking now only waits for it)."""
        with self._ahead_lock:
            return self._ahead is not None and self._ahead[0] == flt and not self._ahead[1].done()

    def _take_ahead(self, flt: Filter) -> Future[PaneCounts | None] | None:
        """The counts being counted ahead for ``flt``, if any (taken: later calls count afresh)."""
        with self._ahead_lock:
            ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] == flt:
            return ahead[1]
        return None

    def summary(self, enabled_urls: Iterable[str]) -> StoreSummary:
        """What is stored and how the enabled feeds fared (why the table is empty)."""
        return store_summary(thread_db(self.db_path), enabled_urls)

    # -- one story, one cut ----------------------------------------------------------------------

    def article(self, article_id: int) -> ArticleDetail | None:
        """One article with its events (None when it is gone)."""
        return article_detail(thread_db(self.db_path), article_id)

    def other_sources(self, article_id: int) -> list[CutStory]:
        """The other outlets' stories of the cut(s) an article reports."""
        return other_sources(thread_db(self.db_path), article_id)

    def cut_stories(self, cut_id: int) -> list[CutStory]:
        """The stories of one cut, oldest first."""
        return stories_of_cut(thread_db(self.db_path), cut_id)

    def timeline(self, flt: Filter) -> list[MonthTotal]:
        """Cuts and jobs cut per month for ``flt``, oldest first."""
        return cut_timeline(thread_db(self.db_path), flt)

    # -- the reader's marks and corrections ------------------------------------------------------

    def set_read(self, article_ids: Sequence[int], value: bool) -> None:
        """Mark stories read (or unread)."""
        set_read(thread_db(self.db_path), article_ids, value)

    def set_starred(self, article_id: int, value: bool) -> None:
        """Star a story (or unstar it)."""
        set_starred(thread_db(self.db_path), article_id, value)

    def add_event(self, article_id: int, company: str, headcount: int | None, percent: float | None) -> None:
        """A manual event on a story; ``CorrectionError`` (a ``LayoffsError``) says what is wrong."""
        corrections.add_manual_event(thread_db(self.db_path), article_id, company, headcount, percent)

    def edit_event(self, event_id: int, company: str, headcount: int | None, percent: float | None) -> None:
        """Correct one event's company and figures (kept across ``retag``)."""
        corrections.edit_event(
            thread_db(self.db_path), event_id, company=company, headcount=headcount, percent=percent
        )

    def remove_company(self, article_id: int, company: str) -> None:
        """The story does not name ``company`` after all."""
        corrections.remove_company(thread_db(self.db_path), article_id, company)

    def set_not_layoff(self, article_id: int, value: bool) -> None:
        """Mark a story not a layoff (``value`` True) or undo that mark."""
        corrections.set_not_layoff(thread_db(self.db_path), article_id, value=value)

    # -- export ----------------------------------------------------------------------------------

    @property
    def export_formats(self) -> tuple[str, ...]:
        """Every format the export writes; the first is the default."""
        from tui.export import FORMATS

        return FORMATS

    def default_export_path(self, fmt: str, now: datetime) -> Path:
        """Where the export dialog proposes to write."""
        import tui.export

        return tui.export.default_export_path(fmt, now)

    def export(self, flt: Filter, fmt: str, path: Path, *, cuts: bool = False) -> int:
        """Write what ``flt`` selects (stories, or one row per cut) as ``fmt`` to ``path``; how many rows
        were written. ``ExportError`` says why a path cannot be written."""
        db = thread_db(self.db_path)
        if cuts:
            from tui.export.cuts import write_cuts_export

            return write_cuts_export(db, flt, fmt, path)
        from tui.export import write_export

        return write_export(db, flt, fmt, path)

    # -- feeds and polls -------------------------------------------------------------------------

    def feed_list(self, config: Config, unrecorded: Mapping[str, PollOutcome]) -> FeedList:
        """The feeds screen's rows (``unrecorded``: outcomes the database refused, by URL)."""
        db = thread_db(self.db_path)
        removed = removed_feeds(db, (feed.url for feed in config.feeds))
        return FeedList(feed_rows(db, config, unrecorded=dict(unrecorded)), len(removed))

    def due_config(self, config: Config, now: datetime) -> Config:
        """``config`` narrowed to the feeds whose interval has passed."""
        from tui.poll.schedule import due_config

        return due_config(config, self.db_path, now)

    def poll(
        self,
        config: Config,
        *,
        now: Callable[[], datetime],
        on_result: Callable[[Any], None],
        poller: Callable[..., Any] | None = None,
    ) -> Any:
        """Poll ``config``'s enabled feeds into the database on an event loop of this thread's own;
        ``poller`` replaces ``tui.poll.poll_feeds`` (tests, bench). Returns the poll's report."""
        if poller is None:
            from tui.poll import poll_feeds

            poller = poll_feeds
        return asyncio.run(poller(config, self.db_path, now=now, on_result=on_result))

    def alerts_after_poll(self, companies: Sequence[str]) -> list[Any]:
        """The watched companies' new cuts (or new figures), once each."""
        from tui.watch.alerts import alerts_after_poll

        return alerts_after_poll(self.db_path, companies)

    # -- the database itself ---------------------------------------------------------------------

    def changed(self) -> bool:
        """Whether another program committed since the last call (False on the first)."""
        return self._changes.changed()

    def close(self) -> None:
        """Stop watching for changes (the app is closing)."""
        self._changes.close()

    def failure_reason(self, error: BaseException) -> str | None:
        """What a failed worker's error means for this database ("the disk is full"), if it is one of
        the store's; None otherwise."""
        problem = store_error(self.db_path, error)
        return str(problem) if problem is not None else None
