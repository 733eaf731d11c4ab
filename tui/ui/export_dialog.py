"""Export what the filters show: choose a format and a path (a default path is filled in)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from tui.service import Filter
from tui.ui.form_dialog import Apply, FormDialog
from tui.ui.safe import clean


class ExportDialog(FormDialog[tuple[str, Path] | None]):
    """Dismisses with (format, path), or None when cancelled."""

    def __init__(
        self,
        flt: Filter,
        formats: tuple[str, ...],
        default_path: Callable[[str], Path],
        apply: Apply | None = None,
        *,
        cuts: bool = False,
    ) -> None:
        super().__init__(apply)
        self.flt = flt
        self.cuts = cuts
        """One row per cut (the cuts view) instead of one per story."""
        self.formats = formats
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Export cuts" if self.cuts else "Export"
            what = "The cuts the filters show: " if self.cuts else "What the filters show: "
            yield Static(Text(what + clean(self.flt.describe(), single_line=True), style="dim"))
            yield Label("Format")
            yield Select(
                [(fmt, fmt) for fmt in self.formats], value=self.formats[0], allow_blank=False, id="format"
            )
            yield Label("Write to")
            yield Input(str(self.default_path(self.formats[0])), id="path")
            yield Label("", id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Export", id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        """Follow the format in the default path until the user edits it."""
        box = self.query_one("#path", Input)
        defaults = {str(self.default_path(fmt)) for fmt in self.formats}
        if isinstance(event.value, str) and box.value in defaults:
            box.value = str(self.default_path(event.value))

    def _submit(self, button: str | None = None) -> None:
        fmt = self.query_one("#format", Select).value
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self.show_error("Enter the file to write.")
        elif isinstance(fmt, str):
            self.finish((fmt, Path(path).expanduser()))
