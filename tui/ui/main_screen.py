"""The main screen: what the keys do over ``BrowseScreen`` (filters, the cuts view, marks, the reader's
story, the watchlist, export)."""

from __future__ import annotations

from textual.widgets import Input

from tui.service import Filter
from tui.ui.browse_screen import BrowseScreen
from tui.ui.companies_pane import CompaniesPane
from tui.ui.keys import MAIN_BINDINGS
from tui.ui.row_sources import CUT_ROWS, STORY_ROWS
from tui.ui.watching import watched_companies


class MainScreen(BrowseScreen):
    """Browse stories by company and month; read one; correct its tags."""

    BINDINGS = MAIN_BINDINGS

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
        self.loader.write_read([row.id], not row.is_read)

    def action_toggle_star(self) -> None:
        """Star or unstar the story under the cursor."""
        article_id = self.table.selected_article_id
        row = self.table.rows_by_id.get(article_id) if article_id is not None else None
        if row is None:
            return
        self.loader.write_star(row.id, not row.starred)

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
        on_table = article_id is not None and self.table.selected_article_id is not None
        row = self.table.rows_by_id.get(article_id) if on_table and article_id is not None else None
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
