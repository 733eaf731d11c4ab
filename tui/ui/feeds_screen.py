"""The feeds screen: every feed with its last poll, status and error; add, remove, enable, disable.

Edits go through ``tui.feedlist`` (the app does them and reloads the config); while a poll runs,
each feed's line shows its state as it answers.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker

from tui.store.queries import FeedRow, feed_rows, thread_db
from tui.timeutil import parse_iso
from tui.ui.keys import FEEDS_BINDINGS, vim_bindings
from tui.ui.messages import FeedsLoaded
from tui.ui.poll_status import PollStatus
from tui.ui.safe import clean, plain

if TYPE_CHECKING:
    from tui.ui.app import LayoffsApp


def ago(when: str | None, now: datetime) -> str:
    """``3h ago``; "never" for a feed not polled yet."""
    moment = parse_iso(when)
    if moment is None:
        return "never"
    seconds = max(0, int((now - moment).total_seconds()))
    for size, unit in ((86400, "d"), (3600, "h"), (60, "m")):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return "just now"


class FeedTable(DataTable):
    """The feeds, one per row, keyed by URL."""

    BINDINGS = vim_bindings("cursor_down", "cursor_up", "scroll_top", "scroll_bottom")


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
        yield FeedTable(id="feeds", cursor_type="row")
        yield PollStatus(id="feeds-poll-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Columns are set up once here; rows come from ``load_rows``."""
        table = self.query_one(FeedTable)
        for key, label, width in (
            ("on", "On", 2),
            ("name", "Name", 20),
            ("polled", "Last poll", 9),
            ("status", "Status", 12),
            ("articles", "Stories", 7),
            ("error", "Error", 22),
            ("url", "URL", 26),
        ):
            table.add_column(label, key=key, width=width)
        self.query_one(PollStatus).display = False
        table.focus()
        self.reload()

    def reload(self) -> None:
        """Read the feed rows again (after an edit or a poll)."""
        self.load_rows()

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def load_rows(self) -> None:
        """Read the feed rows in a thread with its own connection; they come back as ``FeedsLoaded``."""
        app = self.layoffs_app
        rows = feed_rows(thread_db(app.db_path), app.config, unrecorded=dict(app.unrecorded_polls))
        self.post_message(FeedsLoaded(rows))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Worker messages do not bubble: this screen's failures go to the app's one handler."""
        self.layoffs_app.worker_failed(event)

    def on_feeds_loaded(self, message: FeedsLoaded) -> None:
        """Refill the table, keeping the cursor on the same feed, and update the title's counts."""
        table = self.query_one(FeedTable)
        selected = self.selected_url
        now = self.layoffs_app.now()
        self.rows = message.rows
        table.clear()
        for row in message.rows:
            failed = bool(row.last_error)
            table.add_row(
                Text("✓" if row.enabled else "·", style="green" if row.enabled else "dim"),
                plain(row.name),
                Text(ago(row.last_polled_at, now), style="dim"),
                plain(
                    row.last_status or ("not in list" if not row.in_config else "—"), "red" if failed else ""
                ),
                Text(f"{row.articles:,}", justify="right"),
                plain(row.last_error or "", "red"),
                plain(row.url, "dim"),
                key=row.url,
            )
        if selected is not None and selected in {row.url for row in message.rows}:
            table.move_cursor(row=table.get_row_index(selected), animate=False)
        enabled = sum(1 for row in message.rows if row.enabled)
        failing = sum(1 for row in message.rows if row.last_error)
        config_path = self.layoffs_app.config.path
        title = Text(f"Feeds: {len(message.rows)} ({enabled} enabled, {failing} failing)", style="bold")
        title.append(
            f"   {config_path}" if config_path else "   (demo: the feed list is read-only)", style="dim"
        )
        self.query_one("#feeds-title", Static).update(title)
        self.loaded = True

    @property
    def selected_url(self) -> str | None:
        """The feed under the cursor."""
        table = self.query_one(FeedTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def feed_polled(self, result: Any) -> None:
        """A feed answered during a poll: show its state at once."""
        table = self.query_one(FeedTable)
        url = getattr(result, "url", None)
        if url is None or url not in table.rows:
            return
        failed = bool(getattr(result, "error", None))
        table.update_cell(url, "status", plain(getattr(result, "status", ""), "red" if failed else "green"))
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
            f"last poll: {row.last_polled_at or 'never'} · status: {row.last_status or '—'}"
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
        self.layoffs_app.add_feed()

    def action_remove_feed(self) -> None:
        """Remove the feed under the cursor from feeds.toml, after a yes."""
        if (url := self.selected_url) is not None:
            self.layoffs_app.remove_feed(url)

    def action_toggle_feed(self) -> None:
        """Enable or disable the feed under the cursor in feeds.toml."""
        url = self.selected_url
        row = next((row for row in self.rows if row.url == url), None)
        if row is not None:
            self.layoffs_app.enable_feed(row.url, not row.enabled)

    def action_close(self) -> None:
        self.app.pop_screen()
