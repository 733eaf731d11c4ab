"""The feeds screen: every feed with its last poll, status and error; add, remove, enable, disable.

Edits go through ``tui.feedlist`` (the app does them and reloads the config); while a poll runs,
each feed's line shows its state as it answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import Worker

from tui.service import FeedRow
from tui.ui.feed_table import FeedTable
from tui.ui.footer import FittedFooter
from tui.ui.keys import FEEDS_BINDINGS
from tui.ui.messages import FeedsLoaded
from tui.ui.poll_status import PollStatus
from tui.ui.safe import clean, plain
from tui.wording import status_words

if TYPE_CHECKING:
    from tui.ui.app import LayoffsApp


class FeedsScreen(Screen):
    """Lists the feeds; a, d, Space act on the one under the cursor."""

    BINDINGS = FEEDS_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[FeedRow] = []
        self.loaded = False

    @property
    def layoffs_app(self) -> LayoffsApp:
        """``self.app`` typed as ``LayoffsApp``, for its config, database and feed edits."""
        return cast("LayoffsApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="feeds-title")
        yield FeedTable(id="feeds")
        yield PollStatus(id="feeds-poll-status")
        yield FittedFooter()

    def on_mount(self) -> None:
        """The rows (and the columns, laid out for the width) come from ``load_rows``."""
        self.query_one(PollStatus).display = False
        self.query_one(FeedTable).focus()
        self.reload()

    def reload(self) -> None:
        """Read the feed rows again (after an edit or a poll)."""
        self.load_rows()

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def load_rows(self) -> None:
        """Read the feed rows in a thread with its own connection; they come back as ``FeedsLoaded``."""
        app = self.layoffs_app
        feeds = app.service.feed_list(app.config, app.polls.unrecorded)
        self.post_message(FeedsLoaded(feeds.rows, feeds.removed))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Worker messages do not bubble: this screen's failures go to the app's one handler."""
        self.layoffs_app.worker_failed(event)

    def on_feeds_loaded(self, message: FeedsLoaded) -> None:
        """Refill the table, keeping the cursor on the same feed, and update the title's counts."""
        self.rows = message.rows
        self.query_one(FeedTable).show(message.rows, self.layoffs_app.now())
        enabled = sum(1 for row in message.rows if row.enabled)
        failing = sum(1 for row in message.rows if row.last_error)
        config_path = self.layoffs_app.config.path
        title = Text(f"Feeds: {len(message.rows)} ({enabled} enabled, {failing} failing)", style="bold")
        title.append(
            f"   {config_path}" if config_path else "   (demo: the feed list is read-only)", style="dim"
        )
        if message.removed:
            feeds = "1 removed feed's" if message.removed == 1 else f"{message.removed} removed feeds'"
            title.append(f"   {feeds} stories are still stored", style="dim")
        self.query_one("#feeds-title", Static).update(title)
        self.loaded = True

    @property
    def selected_url(self) -> str | None:
        """The feed under the cursor."""
        return self.query_one(FeedTable).selected_url

    def feed_polled(self, result: Any) -> None:
        """A feed answered during a poll: show its state at once."""
        table = self.query_one(FeedTable)
        url = getattr(result, "url", None)
        if url is None or url not in table.rows:
            return
        failed = bool(getattr(result, "error", None))
        table.update_cell(
            url, "status", plain(status_words(getattr(result, "status", "")), "red" if failed else "green")
        )
        table.update_cell(url, "polled", Text("just now", style="dim"))
        table.update_cell(url, "error", plain(getattr(result, "error", "") or "", "red"))

    def _selected_row(self) -> FeedRow | None:
        url = self.selected_url
        return next((row for row in self.rows if row.url == url), None)

    def action_show_feed(self) -> None:
        """Back to the main screen, showing this feed's stories only (Esc there clears it)."""
        row = self._selected_row()
        if row is None:
            return
        if row.feed_id is None:
            self.app.notify("This feed has not been polled yet: no stories.", severity="warning")
            return
        self.app.pop_screen()
        self.layoffs_app.main.show_feed(row.feed_id, row.name)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter in the table (its own binding comes first): the feed's stories."""
        event.stop()
        self.action_show_feed()

    def action_feed_info(self) -> None:
        """The feed's whole status and error, which the table cuts to fit."""
        row = self._selected_row()
        if row is None:
            return
        lines = [
            clean(row.url, single_line=True),
            f"last poll: {row.last_polled_at or 'never'} · {status_words(row.last_status)}"
            + (f" (HTTP {row.http_status})" if row.http_status else ""),
        ]
        if row.last_error:
            lines.append(clean(row.last_error, single_line=True))
        self.app.notify(
            "\n".join(lines),
            title=clean(row.name, single_line=True),
            markup=False,
            severity="error" if row.last_error else "information",
            timeout=10,
        )

    def action_add_feed(self) -> None:
        """Ask for a feed and add it to feeds.toml."""
        self.layoffs_app.feed_list.add_feed()

    def action_remove_feed(self) -> None:
        """Remove the feed under the cursor from feeds.toml, after a yes."""
        if (row := self._selected_row()) is not None:
            self.layoffs_app.feed_list.remove_feed(row.url, row.articles)

    def action_toggle_feed(self) -> None:
        """Enable or disable the feed under the cursor in feeds.toml."""
        url = self.selected_url
        row = next((row for row in self.rows if row.url == url), None)
        if row is not None:
            self.layoffs_app.feed_list.enable_feed(row.url, not row.enabled)

    def action_close(self) -> None:
        self.app.pop_screen()
