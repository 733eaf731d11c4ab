"""What the main screen asks the service, in thread workers: pages of rows, the panes' counts, one story,
read and star marks, why the table is empty.

Each answer comes back to the screen as a message (``ArticlesLoaded``, ``FacetsLoaded``…). The loads of
one kind are exclusive: a newer filter's load cancels the older one, which stops its query half-way.
Worker names are what ``failures.WHAT_FAILED`` words ("Could not load the stories: …").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from tui.service import Filter, LayoffsService
from tui.ui.messages import ArticleLoaded, ArticlesLoaded, EmptyExplained, FacetsLoaded, MarksStored

if TYPE_CHECKING:
    from tui.ui.browse_screen import BrowseScreen


def _stopped() -> Callable[[], bool]:
    """True once the worker running this call is cancelled (a newer load replaced it)."""
    worker = get_current_worker()
    return lambda: worker.is_cancelled


class MainLoader:
    """Starts the main screen's workers; the screen handles the messages they post."""

    def __init__(self, screen: BrowseScreen) -> None:
        self.screen = screen

    @property
    def service(self) -> LayoffsService:
        return self.screen.layoffs_app.service

    def _run(self, work: Callable[[], None], name: str, group: str, *, exclusive: bool = True) -> None:
        self.screen.run_worker(
            work, name=name, group=group, thread=True, exclusive=exclusive, exit_on_error=False
        )

    def articles(self, flt: Filter, reason: str, offset: int, limit: int, *, cuts: bool) -> None:
        """A page of rows for ``flt``: stories uncounted (the total comes with the panes' counts) and
        stopped half-way when the next key supersedes it; cuts counted (the cuts table is small)."""
        self._run(partial(self._articles, flt, reason, offset, limit, cuts), "load_articles", "articles")

    def _articles(self, flt: Filter, reason: str, offset: int, limit: int, cuts: bool) -> None:
        if cuts:
            page = self.service.cut_page(flt, offset, limit)
            self.screen.post_message(ArticlesLoaded(flt, page, reason))
        elif (stories := self.service.article_page(flt, offset, limit, stopped=_stopped())) is not None:
            self.screen.post_message(ArticlesLoaded(flt, stories, reason))

    def more(self, flt: Filter, offset: int, *, cuts: bool) -> None:
        """The next page, appended when it arrives."""
        self._run(partial(self._more, flt, offset, cuts), "load_more", "more")

    def _more(self, flt: Filter, offset: int, cuts: bool) -> None:
        page = self.service.cut_page(flt, offset) if cuts else self.service.article_page(flt, offset)
        if page is not None:
            self.screen.post_message(ArticlesLoaded(flt, page, "more"))

    def facets(self, flt: Filter, *, cuts: bool) -> None:
        """The panes' counts, each under every filter but its own, and the filter's total; stopped as soon
        as a newer filter replaces this one."""
        self._run(partial(self._facets, flt, cuts), "load_facets", "facets")

    def _facets(self, flt: Filter, cuts: bool) -> None:
        counts = self.service.pane_counts(flt, cuts=cuts, stopped=_stopped())
        if counts is not None:
            self.screen.post_message(FacetsLoaded(flt, counts, cuts=cuts))

    def article(self, article_id: int) -> None:
        """One article with its events for the reader, and the other stories of its cut."""
        self._run(partial(self._article, article_id), "load_article", "reader")

    def _article(self, article_id: int) -> None:
        detail = self.service.article(article_id)
        others = self.service.other_sources(article_id) if detail is not None else []
        self.screen.post_message(ArticleLoaded(article_id, detail, others))

    def write_read(self, article_ids: list[int], value: bool) -> None:
        """Store read marks; the table shows them once stored (``MarksStored``)."""
        self._run(partial(self._write_read, article_ids, value), "write_read", "writes", exclusive=False)

    def _write_read(self, article_ids: list[int], value: bool) -> None:
        self.service.set_read(article_ids, value)
        self.screen.post_message(MarksStored(article_ids, is_read=value))

    def write_star(self, article_id: int, value: bool) -> None:
        """Store a star; the table shows it once stored."""
        self._run(partial(self._write_star, article_id, value), "write_star", "writes", exclusive=False)

    def _write_star(self, article_id: int, value: bool) -> None:
        self.service.set_starred(article_id, value)
        self.screen.post_message(MarksStored([article_id], starred=value))

    def explain_empty(self, flt: Filter, enabled_urls: list[str]) -> None:
        """What is stored and how the feeds fared, so the empty table can say why it is empty."""
        self._run(partial(self._explain_empty, flt, enabled_urls), "explain_empty", "empty")

    def _explain_empty(self, flt: Filter, enabled_urls: list[str]) -> None:
        self.screen.post_message(EmptyExplained(flt, self.service.summary(enabled_urls)))
