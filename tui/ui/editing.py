"""What the app does to a story on the user's behalf: open its link, correct its tags, mark it not a
layoff, export what the filters show.

The app owns one ``StoryEditor``. Each write goes through the service in a thread worker (the form's
own worker when a dialog asked for it). Errors a user can meet (``LayoffsError``) are shown in the
dialog that asked for the work, which stays open with what was typed; without a dialog they become
notifications.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.notifications import SeverityLevel

from tui.config import is_http_url
from tui.errors import LayoffsError
from tui.service import ArticleDetail, Filter
from tui.ui.messages import ArticlesChanged
from tui.ui.safe import clean
from tui.wording import plural

if TYPE_CHECKING:
    from tui.ui.app import LayoffsApp
    from tui.ui.tag_dialog import TagEdit


class StoryEditor:
    """Actions with side effects on stories; results come back as notifications and ``ArticlesChanged``."""

    def __init__(self, app: LayoffsApp, open_url: Callable[[str], Any]) -> None:
        self.app = app
        self.open_url = open_url
        """The browser opener (``webbrowser.open``, or a stand-in in tests)."""

    def _in_thread(self, work: Callable[[], None], name: str, group: str) -> None:
        """Run ``work`` in an app thread worker; ``name`` says what failed, should it fail."""
        self.app.run_worker(work, name=name, group=group, thread=True, exit_on_error=False)

    def _notify_from_thread(self, text: str, severity: SeverityLevel, timeout: float | None = None) -> None:
        self.app.call_from_thread(self.app.notify, text, severity=severity, timeout=timeout)

    # -- the browser ---------------------------------------------------------------------------

    def open_article_link(self, article_id: int) -> None:
        """Open the article's link with the browser opener: http(s) only, never through a shell."""
        self._in_thread(partial(self._open_link, article_id), "open_article_link", "browser")

    def _open_link(self, article_id: int) -> None:
        detail = self.app.service.article(article_id)
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
        self.app.call_from_thread(self.app.copy_to_clipboard, link)
        self._notify_from_thread(
            f"No browser could be started. The link (also sent to the clipboard, if your terminal "
            f"allows it):\n{shown}",
            "warning",
            timeout=30,
        )

    # -- tags ----------------------------------------------------------------------------------

    def edit_tags(self, article_id: int) -> None:
        """Open the tag dialog for the article (loaded in a thread first)."""
        self._in_thread(partial(self._load_for_tags, article_id), "_load_for_tags", "tags")

    def _load_for_tags(self, article_id: int) -> None:
        detail = self.app.service.article(article_id)
        if detail is not None:
            self.app.call_from_thread(self._push_tag_dialog, detail)

    def _push_tag_dialog(self, detail: ArticleDetail) -> None:
        from tui.ui.tag_dialog import TagDialog

        self.app.push_screen(TagDialog(detail, apply=self._store_tag_edit), self._tag_edit_stored)

    def _store_tag_edit(self, edit: TagEdit) -> None:
        """Runs in the tag dialog's worker thread; a ``CorrectionError`` keeps the dialog open with it."""
        service = self.app.service
        if edit.kind == "add":
            service.add_event(edit.article_id, edit.company, edit.headcount, edit.percent)
        elif edit.kind == "edit" and edit.event_id is not None:
            service.edit_event(edit.event_id, edit.company, edit.headcount, edit.percent)
        elif edit.kind == "remove":
            service.remove_company(edit.article_id, edit.company)

    def _tag_edit_stored(self, edit: TagEdit | None) -> None:
        if edit is not None:
            self.app.notify(f"Tags saved ({edit.kind} {clean(edit.company, single_line=True)[:40]})")
            self.app.post_message(ArticlesChanged())

    def set_not_layoff(self, article_id: int, is_layoff_now: bool) -> None:
        """Mark a layoff story not a layoff, or undo that mark on a story that is not one."""
        self._in_thread(
            partial(self._store_not_layoff, article_id, is_layoff_now), "set_not_layoff", "writes"
        )

    def _store_not_layoff(self, article_id: int, is_layoff_now: bool) -> None:
        try:
            self.app.service.set_not_layoff(article_id, is_layoff_now)
        except LayoffsError as error:
            self._notify_from_thread(str(error), "error")
            return
        self._notify_from_thread(
            "Marked not a layoff" if is_layoff_now else "Layoff mark restored", "information"
        )
        self.app.post_message(ArticlesChanged())

    # -- export --------------------------------------------------------------------------------

    def export(self, flt: Filter, *, cuts: bool = False) -> None:
        """Ask for a format and a path, then write what ``flt`` shows, stories or (``cuts``) one row per
        cut; a failed write keeps the dialog open."""
        from tui.ui.export_dialog import ExportDialog

        service = self.app.service

        def write(answer: tuple[str, Path]) -> None:
            """In the dialog's worker thread: the export, then the notification (even when the dialog
            was closed meanwhile: the file is written)."""
            fmt, path = answer
            count = service.export(flt, fmt, path, cuts=cuts)
            what = plural(count, "cut") if cuts else plural(count, "story", "stories")
            self.app.call_from_thread(self.app.notify, f"Wrote {what} to {path}", title="Export")

        def default_path(fmt: str) -> Path:
            return service.default_export_path(fmt, self.app.now())

        self.app.push_screen(ExportDialog(flt, service.export_formats, default_path, apply=write, cuts=cuts))
