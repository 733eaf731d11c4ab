"""The Textual app: wires screens, keys, polling and edits together; the work lives elsewhere.

Build it with ``tui.ui.make_app`` (the CLI, the tests and the screenshot script share that factory).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from tui.config import Config
from tui.service import LayoffsService
from tui.ui.commands import LayoffsCommands
from tui.ui.editing import StoryEditor
from tui.ui.failures import failure_text
from tui.ui.feed_list_edits import FeedListEditor
from tui.ui.gc_tuning import SETTLED_AFTER_S, freeze_start_up
from tui.ui.keys import APP_BINDINGS
from tui.ui.main_screen import MainScreen
from tui.ui.messages import (
    AlertsGiven,
    ArticlesChanged,
    DatabaseChanged,
    FeedPolled,
    PollFinished,
    PollStarted,
)
from tui.ui.polling import Poller, PollRunner

RELOAD_DELAY = 2.0
"""Seconds between table reloads while a poll brings new stories in (a final one follows the poll)."""
SCHEDULE_TICK_SECONDS = 60.0
"""How often the app looks for feeds whose interval has passed."""
CHANGE_CHECK_SECONDS = 2.0
"""How often the app asks SQLite whether another program wrote (a cron poll): microseconds each time."""


class LayoffsApp(App[None]):
    """Browse layoff stories by company and month while feeds poll in the background."""

    CSS_PATH = "app.tcss"
    TITLE = "layoffs-tui"
    BINDINGS = APP_BINDINGS
    COMMANDS = App.COMMANDS | {LayoffsCommands}

    def __init__(
        self,
        config: Config,
        db_path: Path,
        *,
        now: Callable[[], datetime],
        poll_on_start: bool = True,
        poller: Poller | None = None,
        open_url: Callable[[str], Any] | None = None,
        title: str | None = None,
        allow_poll: bool = True,
        created_config: Path | None = None,
        service: LayoffsService | None = None,
    ) -> None:
        super().__init__()
        self.created_config = created_config
        """The feed list this run created from the bundled one (first run), to say where it is."""
        self.config = config
        self.db_path = db_path
        self.now = now
        """The clock; fixed in tests and screenshots."""
        self.poll_on_start = poll_on_start and allow_poll
        self.allow_poll = allow_poll
        """False in the demo: its feeds are samples with no server behind them."""
        self._reload_timer: Timer | None = None
        self.service = service or LayoffsService(db_path)
        """The one door to the database: every screen and helper asks it, from thread workers."""
        self.polls = PollRunner(self, poller)
        """Starts polls and shows their progress."""
        self.story_editor = StoryEditor(self, open_url or _open_in_browser)
        """Opens links, corrects tags, exports."""
        self.feed_list = FeedListEditor(self)
        """Edits feeds.toml (feeds, the watchlist)."""
        if title:
            self.sub_title = title

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """As ``App.notify`` but literal by default: our messages carry feed names, URLs and paths."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def get_default_screen(self) -> MainScreen:
        """The main screen is the bottom of the stack; ``main`` relies on that."""
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        """The main screen (always at the bottom of the stack)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def on_mount(self) -> None:
        """Apply the user's ``[keys]`` and, when asked, start the poll schedule."""
        self.set_timer(SETTLED_AFTER_S, freeze_start_up)
        self.set_keymap(self.config.key_map)
        self.watch_changes()  # the baseline, now: a write made before the first look would go unnoticed
        self.set_interval(CHANGE_CHECK_SECONDS, self.watch_changes)
        if self.created_config is not None:
            self.notify(
                f"Created your feed list at {self.created_config} from the bundled one; edit it, or press F, "
                "to choose your feeds.",
                title="First run",
                timeout=30,
            )
        if self.poll_on_start:
            # Each feed has its own interval: poll what is due now, then look again every minute.
            self.call_after_refresh(self.poll_due_feeds)
            self.set_interval(SCHEDULE_TICK_SECONDS, self.poll_due_feeds)

    def action_help(self) -> None:
        """Show every key."""
        from tui.ui.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.config.key_map))

    def action_feeds(self) -> None:
        """Show the feeds screen."""
        from tui.ui.feeds_screen import FeedsScreen

        if not isinstance(self.screen, FeedsScreen):
            self.push_screen(FeedsScreen())

    # -- polls -----------------------------------------------------------------------------------

    @property
    def polling(self) -> bool:
        """True while a poll runs."""
        return self.polls.running

    def action_poll(self) -> None:
        """Poll every enabled feed now, in the background."""
        self.polls.start(only_due=False)

    def poll_due_feeds(self) -> None:
        """The schedule's poll: the feeds whose interval has passed, quietly."""
        self.polls.poll_due()

    def on_poll_started(self, message: PollStarted) -> None:
        self.polls.started(message)

    def on_feed_polled(self, message: FeedPolled) -> None:
        self.polls.feed_polled(message)

    def on_poll_finished(self, message: PollFinished) -> None:
        self.polls.finished(message)

    def on_alerts_given(self, message: AlertsGiven) -> None:
        self.polls.alerts_given(message)

    def reload_feeds_screens(self) -> None:
        """The feed list or the feeds' states changed: the feeds screen (if open) reads them again."""
        from tui.ui.feeds_screen import FeedsScreen

        for screen in self.screen_stack:
            if isinstance(screen, FeedsScreen):
                screen.reload()

    # -- changes ---------------------------------------------------------------------------------

    def on_articles_changed(self, message: ArticlesChanged) -> None:
        """Stories changed: reload the main screen soon (at most every ``RELOAD_DELAY``) keeping its place."""
        if not self.polling:
            self._reload_now()
        elif self._reload_timer is None:
            self._reload_timer = self.set_timer(RELOAD_DELAY, self._reload_now)

    @work(thread=True, exclusive=True, group="changes", exit_on_error=False)
    def watch_changes(self) -> None:
        """Ask SQLite whether another program committed since the last look (``DatabaseChanged``)."""
        if self.service.changed():
            self.post_message(DatabaseChanged())

    def on_database_changed(self) -> None:
        """A cron poll (or another command) wrote: refresh as an in-app poll does, keeping the cursor.
        During the app's own poll its reloads already follow."""
        if self.polling:
            return
        self.post_message(ArticlesChanged())
        self.reload_feeds_screens()

    def on_unmount(self) -> None:
        """The watcher's connection closes with the app."""
        self.service.close()

    def _reload_now(self) -> None:
        if self._reload_timer is not None:
            self._reload_timer.stop()
            self._reload_timer = None
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is not None:  # None: the app is closing, and a change noticed late has no screen to refresh
            main.reload("refresh")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The app's own workers; the screens hand theirs to ``worker_failed`` (these do not bubble)."""
        self.worker_failed(event)

    def worker_failed(self, event: Worker.StateChanged) -> None:
        """The one place worker errors surface: what could not be done and why, as a notification."""
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        if event.worker.group == "poll":
            self.polls.end()
        self.notify(failure_text(event.worker, self.service), title="Error", severity="error")


def _open_in_browser(url: str) -> bool:
    """The default opener: the standard library's, which runs the browser with an argv, never a shell.
    False when no browser could be started."""
    import webbrowser

    return webbrowser.open(url, new=2)
