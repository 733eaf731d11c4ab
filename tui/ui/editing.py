"""What the app does on the user's behalf: open a link, correct tags, export, edit the feed list.

Each writes through a domain module (``tui.store.corrections``, ``tui.export``, ``tui.feedlist``) in a
thread worker with its own connection. Errors a user can meet (``LayoffsError``) are shown in the dialog
that asked for the work, which stays open with what was typed; without a dialog they become
notifications. Mixed into ``LayoffsApp``.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work

from tui.config import is_http_url, load_config
from tui.errors import LayoffsError
from tui.store.filters import Filter
from tui.store.queries import article_detail, thread_db
from tui.ui.messages import ArticlesChanged, ExportWritten
from tui.ui.safe import clean
from tui.wording import plural

if TYPE_CHECKING:
    from tui.config import Config
    from tui.ui.tag_dialog import TagEdit


class EditingMixin:
    """Actions with side effects; results come back as notifications and ``ArticlesChanged``."""

    config: Config
    db_path: Path
    now: Callable[[], datetime]
    open_url: Callable[[str], Any]

    # -- the browser ---------------------------------------------------------------------------

    @work(thread=True, group="browser", exit_on_error=False)
    def open_article_link(self, article_id: int) -> None:
        """Open the article's link with the browser opener: http(s) only, never through a shell."""
        detail = article_detail(thread_db(self.db_path), article_id)
        link = (detail.link or "").strip() if detail else ""
        if not is_http_url(link):
            self._notify_from_thread("This story has no http(s) link to open.", "warning")
            return
        shown = clean(link, single_line=True)
        try:
            opened = self.open_url(link) is not False  # webbrowser.open answers False when no browser runs
        except (webbrowser.Error, OSError):  # a browser command that cannot run: say so, keep going
            opened = False
        if opened:
            self._notify_from_thread(f"Opened {shown[:80]}", "information")
            return
        self.call_from_thread(self.copy_to_clipboard, link)  # type: ignore[attr-defined]
        self.call_from_thread(
            self.notify,  # type: ignore[attr-defined]
            f"No browser could be started. The link (also sent to the clipboard, if your terminal "
            f"allows it):\n{shown}",
            severity="warning",
            timeout=30,
        )

    def _notify_from_thread(self, text: str, severity: str) -> None:
        self.call_from_thread(self.notify, text, severity=severity)  # type: ignore[attr-defined]

    # -- tags ----------------------------------------------------------------------------------

    def edit_tags(self, article_id: int) -> None:
        """Open the tag dialog for the article (loaded in a thread first)."""
        self._load_for_tags(article_id)

    @work(thread=True, group="tags", exit_on_error=False)
    def _load_for_tags(self, article_id: int) -> None:
        detail = article_detail(thread_db(self.db_path), article_id)
        if detail is not None:
            self.call_from_thread(self._push_tag_dialog, detail)  # type: ignore[attr-defined]

    def _push_tag_dialog(self, detail: Any) -> None:
        from tui.ui.tag_dialog import TagDialog

        self.push_screen(TagDialog(detail, apply=self._store_tag_edit), self._tag_edit_stored)  # type: ignore[attr-defined]

    def _store_tag_edit(self, edit: TagEdit) -> None:
        """Runs in the tag dialog's worker thread; a ``CorrectionError`` keeps the dialog open with it."""
        from tui.store import corrections

        db = thread_db(self.db_path)
        if edit.kind == "add":
            corrections.add_manual_event(db, edit.article_id, edit.company, edit.headcount, edit.percent)
        elif edit.kind == "edit" and edit.event_id is not None:
            corrections.edit_event(
                db, edit.event_id, company=edit.company, headcount=edit.headcount, percent=edit.percent
            )
        elif edit.kind == "remove":
            corrections.remove_company(db, edit.article_id, edit.company)

    def _tag_edit_stored(self, edit: TagEdit | None) -> None:
        if edit is not None:
            self.notify(f"Tags saved ({edit.kind} {clean(edit.company, single_line=True)[:40]})")  # type: ignore[attr-defined]
            self.post_message(ArticlesChanged())  # type: ignore[attr-defined]

    @work(thread=True, group="writes", exit_on_error=False)
    def set_not_layoff(self, article_id: int, is_layoff_now: bool) -> None:
        """Mark a layoff story not a layoff, or undo that mark on a story that is not one."""
        from tui.store import corrections

        try:
            corrections.set_not_layoff(thread_db(self.db_path), article_id, value=is_layoff_now)
        except LayoffsError as error:
            self._notify_from_thread(str(error), "error")
            return
        self._notify_from_thread(
            "Marked not a layoff" if is_layoff_now else "Layoff mark restored", "information"
        )
        self.post_message(ArticlesChanged())  # type: ignore[attr-defined]

    # -- export --------------------------------------------------------------------------------

    def export(self, flt: Filter) -> None:
        """Ask for a format and a path, then write what ``flt`` shows (a failed write keeps the dialog open)."""
        from tui.export import FORMATS, default_export_path
        from tui.ui.export_dialog import ExportDialog

        def write(answer: tuple[str, Path]) -> None:
            from tui.export import write_export

            fmt, path = answer
            count = write_export(thread_db(self.db_path), flt, fmt, path)
            self.post_message(ExportWritten(path, count))  # type: ignore[attr-defined]

        self.push_screen(
            ExportDialog(flt, FORMATS, lambda fmt: default_export_path(fmt, self.now()), apply=write)  # type: ignore[attr-defined]
        )

    def on_export_written(self, message: ExportWritten) -> None:
        """The export ran in a worker; say how many stories went where."""
        self.notify(
            f"Wrote {message.count} "
            + ("story" if message.count == 1 else "stories")  # type: ignore[attr-defined]
            + f" to {message.path}",
            title="Export",
        )

    # -- the feed list -------------------------------------------------------------------------

    def _feed_list_path(self) -> Path | None:
        if self.config.path is None:
            self.notify("This feed list cannot be edited (demo).", severity="warning")  # type: ignore[attr-defined]
        return self.config.path

    def _after_feed_edit(self, what: str) -> None:
        """Reload the config from the edited file, refresh the feeds screen, say what happened."""
        assert self.config.path is not None
        try:
            self.config = load_config(self.config.path)
        except LayoffsError as error:
            self.notify(str(error), severity="error")  # type: ignore[attr-defined]
            return
        if what:
            self.notify(what)  # type: ignore[attr-defined]
        from tui.ui.feeds_screen import FeedsScreen

        for screen in self.screen_stack:  # type: ignore[attr-defined]
            if isinstance(screen, FeedsScreen):
                screen.reload()

    def _edit_feed_list(self, edit: Callable[[], Any], what: str) -> None:
        try:
            edit()
        except LayoffsError as error:
            self.notify(str(error), severity="error")  # type: ignore[attr-defined]
            return
        self._after_feed_edit(what)

    def toggle_watch(self, company: str) -> None:
        """Watch ``company`` or stop watching it, in feeds.toml; the Companies pane marks it."""
        path = self._feed_list_path()
        if path is None:
            return
        from tui.feedlist.watchlist import toggle_watched

        outcome: list[tuple[bool, str]] = []
        self._edit_feed_list(lambda: outcome.append(toggle_watched(path, company)), "")
        if outcome:
            watching, entry = outcome[0]
            self.notify(
                f"Watching {entry}: a poll that brings a cut of it alerts you."
                if watching
                else f"No longer watching {entry}."
            )  # type: ignore[attr-defined]
            self.main.show_watched()  # type: ignore[attr-defined]

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
                self._after_feed_edit(f"Added {answer[0]}")

        self.push_screen(AddFeedDialog(apply=add), added)  # type: ignore[attr-defined]

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
                self._edit_feed_list(lambda: feedlist.remove_feed(path, url), f"Removed {url}{kept}")

        question = Text("Remove this feed from the feed list?\n")
        question.append(clean(url, single_line=True), style="bold")
        self.push_screen(ConfirmDialog(question), answered)  # type: ignore[attr-defined]

    def enable_feed(self, url: str, enabled: bool) -> None:
        """Enable or disable the feed in feeds.toml."""
        from tui import feedlist

        path = self._feed_list_path()
        if path is not None:
            self._edit_feed_list(
                lambda: feedlist.set_enabled(path, url, enabled),
                ("Enabled " if enabled else "Disabled ") + url,
            )
