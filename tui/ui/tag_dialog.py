"""Correct a story's tags: add an event, edit one, or remove one; stored as manual by the app.

The dialog only collects what the user wants; the app applies it through ``tui.store.corrections``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tui.store.queries import ArticleDetail
from tui.ui.safe import clean

NEW = -1
"""The Select value for "a new event"."""


@dataclass(frozen=True)
class TagEdit:
    """What the user asked for: ``kind`` is "add", "edit" or "remove"."""

    kind: str
    article_id: int
    company: str
    event_id: int | None = None
    headcount: int | None = None
    percent: float | None = None


class TagDialog(ModalScreen[TagEdit | None]):
    """Choose an event (or "new"), then company, headcount and percent; Save, Remove or Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel_dialog")]

    def __init__(self, detail: ArticleDetail) -> None:
        super().__init__()
        self.detail = detail

    def compose(self) -> ComposeResult:
        options = [("New event", NEW)] + [
            (clean(event.company, single_line=True)[:40], event.id) for event in self.detail.events
        ]
        with Vertical(classes="dialog") as box:
            box.border_title = "Tags"
            yield Static(Text(clean(self.detail.title, single_line=True)[:200], style="bold"))
            yield Select(
                options,
                value=self.detail.events[0].id if self.detail.events else NEW,
                allow_blank=False,
                id="event",
            )
            yield Label("Company")
            yield Input(id="company")
            with Horizontal(classes="numbers"):
                with Vertical():
                    yield Label("Headcount")
                    yield Input(id="headcount", type="integer")
                with Vertical():
                    yield Label("Percent")
                    yield Input(id="percent", type="number")
            yield Label("", id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Remove event", id="remove", variant="error")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        """Fill the fields from the first choice and start in the company."""
        self._fill()
        self.query_one("#company", Input).focus()

    def on_select_changed(self) -> None:
        """Choosing another event refills the fields with its values."""
        self._fill()

    def _chosen(self) -> int:
        value = self.query_one("#event", Select).value
        return value if isinstance(value, int) else NEW

    def _fill(self) -> None:
        """Put the chosen event's values in the fields (empty for a new one)."""
        chosen = self._chosen()
        event = next((e for e in self.detail.events if e.id == chosen), None)
        self.query_one("#company", Input).value = clean(event.company, single_line=True) if event else ""
        self.query_one("#headcount", Input).value = str(event.headcount) if event and event.headcount else ""
        self.query_one("#percent", Input).value = f"{event.percent:g}" if event and event.percent else ""
        self.query_one("#remove", Button).disabled = event is None

    def _edit(self, kind: str) -> TagEdit | None:
        company = self.query_one("#company", Input).value.strip()
        if not company:
            self.query_one("#error", Label).update("A company name is needed.")
            return None
        headcount_text = self.query_one("#headcount", Input).value.strip()
        percent_text = self.query_one("#percent", Input).value.strip()
        try:
            headcount = int(headcount_text) if headcount_text else None
            percent = float(percent_text) if percent_text else None
        except ValueError:
            self.query_one("#error", Label).update("Headcount and percent must be numbers.")
            return None
        chosen = self._chosen()
        if kind == "save":
            kind = "add" if chosen == NEW else "edit"
        return TagEdit(kind, self.detail.id, company, None if chosen == NEW else chosen, headcount, percent)

    def on_input_submitted(self) -> None:
        """Enter saves; invalid fields keep the dialog open with a message."""
        if (edit := self._edit("save")) is not None:
            self.dismiss(edit)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save, Remove or Cancel; Save adds a new event or edits the chosen one."""
        if event.button.id == "cancel":
            self.dismiss(None)
        elif (edit := self._edit("save" if event.button.id == "save" else "remove")) is not None:
            self.dismiss(edit)

    def action_cancel(self) -> None:
        self.dismiss(None)
