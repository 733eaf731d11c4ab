"""The main screen: Companies and Months panes, the filter line, the article table and the reader.

The filter is one reactive ``Filter``; every change starts thread workers (their own SQLite
connection each) that post ``ArticlesLoaded`` / ``FacetsLoaded`` back. Results for a filter that is no
longer current are dropped, so fast typing never shows stale rows.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, cast

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker, get_current_worker

from tui.service import PAGE_SIZE, Filter
from tui.ui.article_table import ArticleTable
from tui.ui.companies_pane import CompaniesPane
from tui.ui.empty_state import empty_lines
from tui.ui.filter_bar import FilterBar
from tui.ui.footer import FittedFooter
from tui.ui.keys import MAIN_BINDINGS
from tui.ui.messages import ArticleLoaded, ArticlesLoaded, EmptyExplained, FacetsLoaded, MarksStored
from tui.ui.months_pane import MonthsPane
from tui.ui.poll_status import PollStatus
from tui.ui.reader_follow import ReaderFollower
from tui.ui.reader_pane import ReaderPane
from tui.ui.row_sources import CUT_ROWS, STORY_ROWS
from tui.ui.sidebar import NARROW_WIDTH, Sidebar
from tui.ui.watching import watch_test, watched_companies

if TYPE_CHECKING:
    from tui.ui.app import LayoffsApp


class MainScreen(Screen):
    """Browse stories by company and month; read one; correct its tags."""

    BINDINGS = MAIN_BINDINGS

    flt: reactive[Filter] = reactive(Filter(), init=False, repaint=False)
    """What the table shows; the panes count under every filter but their own."""

    def __init__(self) -> None:
        super().__init__()
        self.facets_ready = False
        """True once the panes show the current filter's counts (tests, bench)."""
        self.articles_ready = False
        """True once the table shows the current filter's first page."""
        self.articles_shown_at = 0.0
        self.facets_ready_for: Filter | None = None
        """The filter the panes (and the total) were last counted for."""
        self._counted_total = 0
        self.feed_names: dict[int, str] = {}
        """Names of the feeds chosen as a filter, to say the filter in words."""
        """``perf_counter()`` when the table last took a new page (the bench times from keys to this)."""
        self.follower = ReaderFollower(self, self.load_article, lambda: self.reader.clear())
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
        self.load_articles(self.flt, reason, 0, limit)
        if reason == "refresh" and self.reader.detail is not None:
            self.follower.show_now(self.reader.detail.id)

    @work(thread=True, exclusive=True, group="articles", exit_on_error=False)
    def load_articles(self, flt: Filter, reason: str, offset: int, limit: int) -> None:
        """A page of rows for ``flt``, in a thread with its own connection; nothing is counted here (the
        total comes with the panes' counts), and a page superseded by the next key stops half-way.
        In the cuts view, a page of cuts from the service (counted: the cuts table is small)."""
        service = self.layoffs_app.service
        if self.table.showing_cuts:
            self.post_message(ArticlesLoaded(flt, service.cut_page(flt, offset, limit), reason))
            return
        worker = get_current_worker()
        page = service.article_page(flt, offset, limit, stopped=lambda: worker.is_cancelled)
        if page is not None:
            self.post_message(ArticlesLoaded(flt, page, reason))

    @work(thread=True, exclusive=True, group="more", exit_on_error=False)
    def load_more(self, flt: Filter, offset: int) -> None:
        """The next page, appended when it arrives."""
        service = self.layoffs_app.service
        page = service.cut_page(flt, offset) if self.table.showing_cuts else service.article_page(flt, offset)
        if page is not None:
            self.post_message(ArticlesLoaded(flt, page, "more"))

    @work(thread=True, exclusive=True, group="facets", exit_on_error=False)
    def load_facets(self, flt: Filter) -> None:
        """The panes' counts, each under every filter but its own, and the filter's total; in the
        background, stopped as soon as a newer filter replaces this one."""
        worker = get_current_worker()
        cuts = self.table.showing_cuts
        counts = self.layoffs_app.service.pane_counts(flt, cuts=cuts, stopped=lambda: worker.is_cancelled)
        if counts is not None:
            self.post_message(FacetsLoaded(flt, counts, cuts=cuts))

    @work(thread=True, exclusive=True, group="reader", exit_on_error=False)
    def load_article(self, article_id: int) -> None:
        """One article with its events for the reader, and the other stories of its cut."""
        service = self.layoffs_app.service
        detail = service.article(article_id)
        others = service.other_sources(article_id) if detail is not None else []
        self.post_message(ArticleLoaded(article_id, detail, others))

    @work(thread=True, group="writes", exit_on_error=False)
    def write_read(self, article_ids: list[int], value: bool) -> None:
        """Store read marks in a thread; the table shows them once stored (``MarksStored``)."""
        self.layoffs_app.service.set_read(article_ids, value)
        self.post_message(MarksStored(article_ids, is_read=value))

    @work(thread=True, group="writes", exit_on_error=False)
    def write_star(self, article_id: int, value: bool) -> None:
        """Store a star in a thread; the table shows it once stored."""
        self.layoffs_app.service.set_starred(article_id, value)
        self.post_message(MarksStored([article_id], starred=value))

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
        # The panes' counts are asked for once the table has its rows on screen, so their (heavier)
        # queries never compete with the one the user is waiting for.
        self.call_after_refresh(self.load_facets, message.flt)

    def on_facets_loaded(self, message: FacetsLoaded) -> None:
        """Refill the company and month panes, marking the current choice; stale answers are dropped."""
        if message.flt != self.flt or message.cuts != self.table.showing_cuts:
            return
        counts = message.counts
        selected_company = self.flt.companies[0] if self.flt.companies else None
        selected_month = self.flt.months[0] if self.flt.months else None
        self.query_one(CompaniesPane).show(counts.companies, counts.company_total, selected_company)
        self.query_one(MonthsPane).show(counts.months, counts.month_total, selected_month)
        self.table.total = counts.total
        self._show_filter(message.flt, counts.total)
        self.facets_ready = True
        self.facets_ready_for, self._counted_total = message.flt, counts.total

    def _show_filter(self, flt: Filter, total: int | None) -> None:
        """The filter line, counting what the table shows (stories or cuts)."""
        self.query_one(FilterBar).show(flt, total, self.feed_names, self.table.source.noun)

    @work(thread=True, exclusive=True, group="empty", exit_on_error=False)
    def explain_empty(self, flt: Filter) -> None:
        """What is stored and how the feeds fared, so the empty table can say why it is empty."""
        urls = [feed.url for feed in self.layoffs_app.config.enabled_feeds]
        self.post_message(EmptyExplained(flt, self.layoffs_app.service.summary(urls)))

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

    def on_companies_pane_company_chosen(self, message: CompaniesPane.CompanyChosen) -> None:
        """Filter to one company, or to all when "All" is chosen."""
        self.flt = self.flt.but(companies=(message.company,) if message.company else ())
        self._back_to_the_stories_if_narrow()

    def on_months_pane_month_chosen(self, message: MonthsPane.MonthChosen) -> None:
        """Filter to one month, or to all when "All" is chosen."""
        self.flt = self.flt.but(months=(message.month,) if message.month else ())
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
        self.load_more(self.flt, message.offset)

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
            self.write_read([article_id], True)

    def on_article_table_article_chosen(self, message: ArticleTable.ArticleChosen) -> None:
        """Enter: show the story in the reader and mark it read."""
        article_id = message.article_id
        self.follower.show_now(article_id)
        row = self.table.rows_by_id.get(article_id)
        if row is not None and not row.is_read:
            self.write_read([article_id], True)

    # -- actions ---------------------------------------------------------------------------------

    def show_feed(self, feed_id: int, name: str) -> None:
        """Only this feed's stories (chosen on the feeds screen): the other filters are cleared, so what
        shows is the feed's stories, not the few of them an earlier company or search left."""
        self.feed_names[feed_id] = name
        self._close_search()
        self.flt = Filter(layoffs_only=self.flt.layoffs_only, feed_ids=(feed_id,))

    def action_search(self) -> None:
        """Show the search box and type into it; the table follows each key."""
        box = self.query_one("#search", Input)
        box.display = True
        # Synchronously, not with focus() (which waits its turn in the queue): the keys typed right
        # after "/" must already land in the box.
        self.set_focus(box)

    def action_clear_filter(self) -> None:
        """Escape: back to every company, month and word (the layoffs/all choice stays)."""
        self._close_search()
        self.flt = Filter(layoffs_only=self.flt.layoffs_only)

    def _close_search(self) -> None:
        """Empty and hide the search box (without a filter change of its own)."""
        box = self.query_one("#search", Input)
        with box.prevent(Input.Changed):
            box.value = ""
        box.display = False
        if self.focused is box:
            self.set_focus(self.table)

    def action_toggle_cuts(self) -> None:
        """Switch the table between stories and cuts; the filter stays."""
        self.table.use_source(STORY_ROWS if self.table.showing_cuts else CUT_ROWS)
        self.follower.follow(None)
        self.reload("filter")

    # -- the watchlist ---------------------------------------------------------------------------

    def show_watched(self) -> None:
        """Mark the watched companies in the Companies pane (after start and after each watch edit)."""
        entries = tuple(self.layoffs_app.config.watch.companies)
        self.query_one(CompaniesPane).set_watched(entries, watch_test(entries))

    def _company_at_cursor(self) -> str | None:
        """The company ``w`` means: the Companies pane's highlighted line, else the cut's company, else
        the first company of the story under the cursor (or in the reader)."""
        pane = self.query_one(CompaniesPane)
        if self.focused is pane:
            return pane.highlighted_name
        row = (
            self.table.rows_by_id.get(self.table.selected_id) if self.table.selected_id is not None else None
        )
        if self.table.showing_cuts and row is not None:
            return row.company
        if self.focused is self.table and row is not None and row.companies:
            return row.companies[0]
        detail = self.reader.detail
        return detail.events[0].company if detail is not None and detail.events else None

    def action_toggle_watch(self) -> None:
        """Watch the company under the cursor, or stop watching it (feeds.toml's ``[watch]``)."""
        company = self._company_at_cursor()
        if company is None:
            self.app.notify("Choose a company (in the Companies pane, or a story naming one) to watch.")
            return
        self.layoffs_app.feed_list.toggle_watch(company)

    def action_toggle_watched_only(self) -> None:
        """Only the watched companies' stories (or cuts), or back to every company."""
        watched = watched_companies(self.layoffs_app.config.watch.companies)
        if not watched:
            self.app.notify("Nothing is watched yet: press w on a company to watch it.")
            return
        self.flt = self.flt.but(companies=() if self.flt.companies == watched else watched)

    def action_timeline(self) -> None:
        """The chart of cuts per month for the current filter."""
        from tui.ui.timeline_screen import TimelineScreen

        self.app.push_screen(TimelineScreen(self.flt))

    def action_toggle_layoffs(self) -> None:
        """Layoff stories only, or every article."""
        self.flt = self.flt.but(layoffs_only=not self.flt.layoffs_only)

    def action_toggle_unread(self) -> None:
        """Only unread stories, or all."""
        self.flt = self.flt.but(unread_only=not self.flt.unread_only)

    def action_toggle_read(self) -> None:
        """Mark the story under the cursor read or unread."""
        article_id = self.table.selected_article_id
        row = self.table.rows_by_id.get(article_id) if article_id is not None else None
        if row is None:
            return
        self.write_read([row.id], not row.is_read)

    def action_toggle_star(self) -> None:
        """Star or unstar the story under the cursor."""
        article_id = self.table.selected_article_id
        row = self.table.rows_by_id.get(article_id) if article_id is not None else None
        if row is None:
            return
        self.write_star(row.id, not row.starred)

    def action_open_link(self) -> None:
        """Open the story's link in the browser (http(s) only)."""
        article_id = self._current_article_id()
        if article_id is not None:
            self.layoffs_app.story_editor.open_article_link(article_id)

    def action_edit_tags(self) -> None:
        """Add, edit or remove an event of the story in the reader (or under the cursor)."""
        article_id = self._current_article_id()
        if article_id is not None:
            self.layoffs_app.story_editor.edit_tags(article_id)

    def action_toggle_not_layoff(self) -> None:
        """Mark the story not a layoff (or undo that)."""
        article_id = self._current_article_id()
        row = self.table.rows_by_id.get(article_id) if self.table.selected_article_id is not None else None
        layoff = row.layoff if row is not None else bool(self.reader.detail and self.reader.detail.layoff)
        if article_id is not None:
            self.layoffs_app.story_editor.set_not_layoff(article_id, layoff)

    def action_export(self) -> None:
        """Export what the filters show: the stories, or in the cuts view one row per cut."""
        self.layoffs_app.story_editor.export(self.flt, cuts=self.table.showing_cuts)

    def action_focus_pane(self, name: str) -> None:
        """Jump to a pane by name (synchronously, so the next keys already go there)."""
        self.set_focus(self.query_one(f"#{name}"))

    def _current_article_id(self) -> int | None:
        """The story under the cursor when the table has focus, else the one in the reader."""
        if (self.focused is not self.table or self.table.showing_cuts) and self.reader.detail is not None:
            return self.reader.detail.id
        return self.table.selected_article_id
