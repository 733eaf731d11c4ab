"""Correct a story's tags: add an event, edit one, or remove one; stored as manual by the app.

The dialog only collects what the user wants; the app applies it through the service.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from tui.service import ArticleDetail
from tui.ui.form_dialog import Apply, FormDialog
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


class TagDialog(FormDialog[TagEdit | None]):
    """Choose an event (or "new"), then company, headcount and percent; Save, Remove or Esc.

    With ``apply`` the edit is stored while the dialog stays open: a refused one (a percent over
    100, a company the story does not have) is shown here with the fields as typed.
    """

    def __init__(self, detail: ArticleDetail, apply: Apply | None = None) -> None:
        super().__init__(apply)
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
            self.show_error("A company name is needed.")
            return None
        headcount_text = self.query_one("#headcount", Input).value.strip()
        percent_text = self.query_one("#percent", Input).value.strip()
        try:
            headcount = int(headcount_text) if headcount_text else None
            percent = float(percent_text) if percent_text else None
        except ValueError:
            self.show_error("Headcount and percent must be numbers.")
            return None
        chosen = self._chosen()
        if kind == "save":
            kind = "add" if chosen == NEW else "edit"
        return TagEdit(kind, self.detail.id, company, None if chosen == NEW else chosen, headcount, percent)

    def _submit(self, button: str | None = None) -> None:
        """Enter or Save adds a new event or edits the chosen one; Remove removes it. Invalid fields keep
        the dialog open with a message."""
        if (edit := self._edit("remove" if button == "remove" else "save")) is not None:
            self.finish(edit)
