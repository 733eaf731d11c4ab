"""What the main screen shows: the facet panes, the filter line, the table (stories or cuts), the reader.

The filter is one reactive ``Filter``; every change asks the service for the new rows, then the panes'
counts (``MainLoader``'s thread workers), which come back as ``ArticlesLoaded`` / ``FacetsLoaded``.
Results for a filter that is no longer current are dropped, so fast typing never shows stale rows. The
keys' actions are ``MainScreen``'s.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker

from tui.service import FIRST_FILTER, PAGE_SIZE, Filter
from tui.ui.article_table import ArticleTable
from tui.ui.companies_pane import CompaniesPane
from tui.ui.empty_state import empty_lines
from tui.ui.facet_pane import FacetPane
from tui.ui.filter_bar import FilterBar
from tui.ui.footer import FittedFooter
from tui.ui.main_loader import MainLoader
from tui.ui.messages import ArticleLoaded, ArticlesLoaded, EmptyExplained, FacetsLoaded, MarksStored
from tui.ui.months_pane import MonthsPane
from tui.ui.poll_status import PollStatus
from tui.ui.reader_follow import ReaderFollower
from tui.ui.reader_pane import ReaderPane
from tui.ui.sidebar import NARROW_WIDTH, Sidebar
from tui.ui.watching import watch_test

if TYPE_CHECKING:
    from tui.ui.app import LayoffsApp


class BrowseScreen(Screen[None]):
    """Stories (or cuts) by company and month, the one under the cursor in the reader."""

    flt: reactive[Filter] = reactive(FIRST_FILTER, init=False, repaint=False)
    """What the table shows; the panes count under every filter but their own."""

    def __init__(self) -> None:
        super().__init__()
        self.facets_ready = False
        """True once the panes show the current filter's counts (tests, bench)."""
        self.articles_ready = False
        """True once the table shows the current filter's first page."""
        self.articles_shown_at = 0.0
        """``perf_counter()`` when the table last took a new page (the bench times from keys to this)."""
        self.facets_ready_for: Filter | None = None
        """The filter the panes (and the total) were last counted for."""
        self._counted_total = 0
        self.feed_names: dict[int, str] = {}
        """Names of the feeds chosen as a filter, to say the filter in words."""
        self.loader = MainLoader(self)
        """Asks the service for what this screen shows, in thread workers."""
        self.follower = ReaderFollower(self, self.loader.article, lambda: self.reader.clear())
        """Shows the story under the cursor in the reader once the cursor rests."""

    @property
    def layoffs_app(self) -> LayoffsApp:
        """``self.app`` typed as ``LayoffsApp``, for its config, database and clock."""
        return cast("LayoffsApp", self.app)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Sidebar(id="sidebar"):
                yield CompaniesPane(id="companies")
                yield MonthsPane(id="months")
            with Vertical(id="content"):
                yield FilterBar(id="filter-bar")
                yield Input(placeholder="Search titles and text…", id="search")
                yield ArticleTable(id="articles")
                yield ReaderPane(id="reader")
        yield PollStatus(id="poll-status")
        yield FittedFooter()

    def on_resize(self, event: events.Resize) -> None:
        """Below ``NARROW_WIDTH`` columns the sidebar is a drawer (``c`` and ``M`` open it)."""
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    def on_mount(self) -> None:
        """The search box stays hidden until asked for; the first load starts here."""
        self.query_one("#search", Input).display = False
        self.query_one(PollStatus).display = False
        self.set_focus(self.table)
        self.show_watched()
        self.reload("filter")

    # -- widgets ---------------------------------------------------------------------------------

    @property
    def table(self) -> ArticleTable:
        """The story list; only valid once the screen is mounted."""
        return self.query_one(ArticleTable)

    @property
    def reader(self) -> ReaderPane:
        """The pane that shows the chosen story."""
        return self.query_one(ReaderPane)

    @property
    def poll_status(self) -> PollStatus:
        """The progress line, shown only while a poll runs."""
        return self.query_one(PollStatus)

    # -- loading ---------------------------------------------------------------------------------

    def watch_flt(self, flt: Filter) -> None:
        """Load what the new filter selects; the filter line changes with the rows, in the same repaint
        (a repaint of the line alone, now, would make the rows' repaint wait for the next frame)."""
        self.reload("filter")

    def reload(self, reason: str = "refresh") -> None:
        """Reload the table and the panes for the current filter ("refresh" keeps the cursor)."""
        self.articles_ready = self.facets_ready = False
        limit = max(PAGE_SIZE, self.table.row_count) if reason == "refresh" else PAGE_SIZE
        self.loader.articles(self.flt, reason, 0, limit, cuts=self.table.showing_cuts)
        if reason == "refresh" and self.reader.detail is not None:
            self.follower.show_now(self.reader.detail.id)

    def on_marks_stored(self, message: MarksStored) -> None:
        """The database holds the marks now: show them."""
        for article_id in message.article_ids:
            self.table.update_marks(article_id, is_read=message.is_read, starred=message.starred)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Worker messages do not bubble: this screen's failures go to the app's one handler."""
        self.layoffs_app.worker_failed(event)

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        """Show a page unless the filter changed since it was asked for; "more" appends."""
        if message.flt != self.flt or message.cuts != self.table.showing_cuts:
            return  # an older filter's (or the other view's) answer
        if message.reason == "more":
            self.table.show_page(message.page, "more")
            if not self.facets_ready:  # not counted yet: page on while pages come back full
                self.table.total = max(self.table.total, message.page.total)
            return
        total = message.page.total if message.page.counted else None
        self.table.show_page(message.page, message.reason)
        if total is None and self.facets_ready_for == message.flt:
            self.table.total = self._counted_total  # a refresh: the count of this filter is known
            total = self._counted_total
        if not message.page.rows:
            self.explain_empty(message.flt)
        self._show_filter(message.flt, total)
        self.articles_ready = True
        self.articles_shown_at = time.perf_counter()
        if not message.cuts:
            service = self.layoffs_app.service
            if (ahead := service.counted_ahead(message.flt)) is not None:  # counted at the app's start
                self.on_facets_loaded(FacetsLoaded(message.flt, ahead, cuts=False))
                return
            if service.counting_ahead(message.flt):
                self.loader.facets(message.flt, cuts=False)  # its worker only waits for them: no query competes
                return
        # The panes' counts are asked for once the table has its rows on screen, so their (heavier)
        # queries never compete with the one the user is waiting for.
        self.call_after_refresh(self.loader.facets, message.flt, cuts=message.cuts)

    def on_facets_loaded(self, message: FacetsLoaded) -> None:
        """Refill every facet pane, marking the current choice; stale answers are dropped."""
        if message.flt != self.flt or message.cuts != self.table.showing_cuts:
            return
        counts = message.counts
        for pane in self.query(FacetPane):
            pane.show_counts(counts, self.flt)
        self.table.total = counts.total
        self._show_filter(message.flt, counts.total)
        self.facets_ready = True
        self.facets_ready_for, self._counted_total = message.flt, counts.total

    def _show_filter(self, flt: Filter, total: int | None) -> None:
        """The filter line, counting what the table shows (stories or cuts)."""
        self.query_one(FilterBar).show(flt, total, self.feed_names, self.table.source.noun)

    def explain_empty(self, flt: Filter) -> None:
        """Ask why the table is empty (what is stored, how the feeds fared)."""
        self.loader.explain_empty(flt, [feed.url for feed in self.layoffs_app.config.enabled_feeds])

    def on_empty_explained(self, message: EmptyExplained) -> None:
        """Say in the table why it is empty (nothing stored yet, feeds failing, a filter hiding all)."""
        if message.flt == self.flt and not self.table.row_count:
            polling = self.poll_status.display
            created = self.layoffs_app.created_config
            self.table.show_empty(
                empty_lines(message.flt, message.summary, polling=polling, created_config=created)
            )

    def on_poll_status_changed(self, message: PollStatus.Changed) -> None:
        """A poll started or ended: an empty table's explanation changes with it."""
        if not self.table.row_count:
            self.explain_empty(self.flt)

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        """Show the story the reader worker loaded (None if it is gone), unless the cursor left it."""
        if self.follower.accepts(message.article_id):
            self.reader.show(message.detail, message.others)

    def on_article_table_highlighted(self, message: ArticleTable.Highlighted) -> None:
        """The reader follows the cursor (debounced), so o, t and x act on the story it shows."""
        self.follower.follow(message.article_id)

    # -- choosing --------------------------------------------------------------------------------

    def on_facet_pane_chosen(self, message: FacetPane.Chosen) -> None:
        """Filter to the pane's value (a company, a month), or to all of them when "All" is chosen."""
        self.flt = self.flt.but(**{message.field: (message.value,) if message.value else ()})
        self._back_to_the_stories_if_narrow()

    def _back_to_the_stories_if_narrow(self) -> None:
        """On a narrow screen the sidebar is a drawer: once a choice is made, the stories get the width."""
        if self.has_class("-narrow"):
            self.set_focus(self.table)

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        """Filter as the user types; the exclusive loader drops superseded queries."""
        self.flt = self.flt.but(search=event.value.strip())

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        """Enter goes back to the list; the search stays applied."""
        self.set_focus(self.table)

    def on_article_table_more_wanted(self, message: ArticleTable.MoreWanted) -> None:
        """The cursor neared the end of the loaded rows: load the next page."""
        self.loader.more(self.flt, message.offset, cuts=self.table.showing_cuts)

    def on_article_table_cut_chosen(self, message: ArticleTable.CutChosen) -> None:
        """Enter on a cut: a list of its stories; Enter there reads one here."""
        from tui.ui.cut_stories_screen import CutStoriesScreen

        row = self.table.rows_by_id.get(message.cut_id)
        title = row.company if row is not None else f"cut {message.cut_id}"
        self.app.push_screen(CutStoriesScreen(message.cut_id, title), self._read_chosen_story)

    def _read_chosen_story(self, article_id: int | None) -> None:
        """The story chosen in a cut's list goes to the reader."""
        if article_id is not None:
            self.follower.show_now(article_id)
            self.loader.write_read([article_id], True)

    def on_article_table_article_chosen(self, message: ArticleTable.ArticleChosen) -> None:
        """Enter: show the story in the reader and mark it read."""
        article_id = message.article_id
        self.follower.show_now(article_id)
        row = self.table.rows_by_id.get(article_id)
        if row is not None and not row.is_read:
            self.loader.write_read([article_id], True)

    # -- the watchlist ---------------------------------------------------------------------------

    def show_watched(self) -> None:
        """Mark the watched companies in the Companies pane (after start and after each watch edit)."""
        entries = tuple(self.layoffs_app.config.watch.companies)
        self.query_one(CompaniesPane).set_watched(entries, watch_test(entries))
