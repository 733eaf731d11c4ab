"""The help: every key with its description, as remapped by the user's ``[keys]`` table."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.keys import APP_BINDINGS, FEEDS_BINDINGS, MAIN_BINDINGS, OTHER_KEYS, key_label, vim_bindings


def help_table(keymap: dict[str, str]) -> Table:
    """A two-column table of keys and what they do, grouped by where they work."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", min_width=12)
    table.add_column(min_width=24)
    table.add_column(style="dim")
    sections = [
        ("Everywhere", APP_BINDINGS),
        ("Main screen", MAIN_BINDINGS),
        ("Lists and reader", vim_bindings("", "", "", "")),
        ("Feeds screen", FEEDS_BINDINGS),
    ]
    for title, bindings in sections:
        table.add_row(Text(title, style="bold underline"), "", Text("id", style="underline"))
        for binding in bindings:
            table.add_row(
                key_label(binding, keymap), Text(binding.description or binding.action), binding.id or ""
            )
        table.add_row("", "", "")
    table.add_row(Text("Other keys", style="bold underline"), "", "")
    for key, what in OTHER_KEYS:
        table.add_row(key, what, "")
    return table


class HelpScreen(ModalScreen[None]):
    """Keys; any of Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="close_help")
    ]

    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes · remap a key by its id in the \\[keys] table of feeds.toml"
            yield Static(help_table(self.keymap), id="help-body")
