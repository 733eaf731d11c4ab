"""Export what the filters show: choose a format and a path (a default path is filled in)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tui.store.filters import Filter
from tui.ui.safe import clean


class ExportDialog(ModalScreen[tuple[str, Path] | None]):
    """Dismisses with (format, path), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel_dialog")]

    def __init__(self, flt: Filter, formats: tuple[str, ...], default_path: Callable[[str], Path]) -> None:
        super().__init__()
        self.flt = flt
        self.formats = formats
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Export"
            yield Static(
                Text("What the filters show: " + clean(self.flt.describe(), single_line=True), style="dim")
            )
            yield Label("Format")
            yield Select(
                [(fmt, fmt) for fmt in self.formats], value=self.formats[0], allow_blank=False, id="format"
            )
            yield Label("Write to")
            yield Input(str(self.default_path(self.formats[0])), id="path")
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

    def on_input_submitted(self) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        fmt = self.query_one("#format", Select).value
        path = self.query_one("#path", Input).value.strip()
        if isinstance(fmt, str) and path:
            self.dismiss((fmt, Path(path).expanduser()))

    def action_cancel(self) -> None:
        self.dismiss(None)
