"""Asks for a feed's URL (and an optional name) to add to the feed list."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from tui.config import is_http_url
from tui.ui.form_dialog import FormDialog


class AddFeedDialog(FormDialog[tuple[str, str | None] | None]):
    """Dismisses with (url, name or None), or None when cancelled."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Add a feed"
            yield Label("URL (http or https)")
            yield Input(placeholder="https://example.com/feed.xml", id="url")
            yield Label("Name (optional)")
            yield Input(id="name")
            yield Label("", id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Add", id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        """Start in the URL field, the only one required."""
        self.query_one("#url", Input).focus()

    def _submit(self, button: str | None = None) -> None:
        url = self.query_one("#url", Input).value.strip()
        if not is_http_url(url):
            self.show_error("Enter an http:// or https:// URL.")
            return
        name = self.query_one("#name", Input).value.strip() or None
        self.finish((url, name))
