"""The app's edits of feeds.toml: add, remove, enable or disable a feed, watch a company.

The app owns one ``FeedListEditor``. Each edit goes through ``tui.feedlist`` (the file, not the
database), then the app reads the config again and the feeds screen shows the change. A feed list that
cannot be read or written becomes a notification that says why; the demo's list cannot be edited.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from tui.config import load_config
from tui.errors import LayoffsError
from tui.ui.safe import clean
from tui.wording import plural

if TYPE_CHECKING:
    from tui.ui.app import LayoffsApp


class FeedListEditor:
    """Edits of the app's feed list, each followed by a reload of the config."""

    def __init__(self, app: LayoffsApp) -> None:
        self.app = app

    def _feed_list_path(self) -> Path | None:
        if self.app.config.path is None:
            self.app.notify("This feed list cannot be edited (demo).", severity="warning")
        return self.app.config.path

    def _after_edit(self, path: Path, what: str) -> None:
        """Reload the config from the edited file, refresh the feeds screen, say what happened."""
        try:
            self.app.config = load_config(path)
        except LayoffsError as error:
            self.app.notify(str(error), severity="error")
            return
        if what:
            self.app.notify(what)
        self.app.reload_feeds_screens()

    def _edit(self, path: Path, edit: Callable[[], object], what: str) -> bool:
        """Run ``edit``; say why it failed, or reload and say ``what``. True when it was done."""
        try:
            edit()
        except LayoffsError as error:
            self.app.notify(str(error), severity="error")
            return False
        self._after_edit(path, what)
        return True

    def toggle_watch(self, company: str) -> None:
        """Watch ``company`` or stop watching it, in feeds.toml; the Companies pane marks it."""
        path = self._feed_list_path()
        if path is None:
            return
        from tui.feedlist.watchlist import toggle_watched

        outcome: list[tuple[bool, str]] = []
        if self._edit(path, lambda: outcome.append(toggle_watched(path, company)), "") and outcome:
            watching, entry = outcome[0]
            self.app.notify(
                f"Watching {entry}: a poll that brings a cut of it alerts you."
                if watching
                else f"No longer watching {entry}."
            )
            self.app.main.show_watched()

    def add_feed(self) -> None:
        """Ask for a URL and a name and add the feed to feeds.toml."""
        from tui import feedlist
        from tui.ui.add_feed_dialog import AddFeedDialog

        path = self._feed_list_path()
        if path is None:
            return

        def add(answer: tuple[str, str | None]) -> None:
            url, name = answer
            feedlist.add_feed(path, url, name=name)

        def added(answer: tuple[str, str | None] | None) -> None:
            if answer is not None:
                self._after_edit(path, f"Added {answer[0]}")

        self.app.push_screen(AddFeedDialog(apply=add), added)

    def remove_feed(self, url: str, stored: int = 0) -> None:
        """Remove the feed from feeds.toml after a yes; its ``stored`` articles stay, and the message says so."""
        from tui import feedlist
        from tui.ui.confirm_dialog import ConfirmDialog

        path = self._feed_list_path()
        if path is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                kept = f"; its {plural(stored, 'stored article')} stay in the database" if stored else ""
                self._edit(path, lambda: feedlist.remove_feed(path, url), f"Removed {url}{kept}")

        question = Text("Remove this feed from the feed list?\n")
        question.append(clean(url, single_line=True), style="bold")
        self.app.push_screen(ConfirmDialog(question), answered)

    def enable_feed(self, url: str, enabled: bool) -> None:
        """Enable or disable the feed in feeds.toml."""
        from tui import feedlist

        path = self._feed_list_path()
        if path is not None:
            self._edit(
                path,
                lambda: feedlist.set_enabled(path, url, enabled),
                ("Enabled " if enabled else "Disabled ") + url,
            )
