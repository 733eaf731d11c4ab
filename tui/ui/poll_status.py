"""The poll progress line: a bar and the latest feed's state, shown only while a poll runs."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from tui.ui.safe import clean


class PollStatus(Horizontal):
    """Hidden when idle; ``started``/``feed_done``/``finished`` drive it."""

    def compose(self) -> ComposeResult:
        yield Label("Polling", id="poll-label")
        yield ProgressBar(total=1, show_eta=False, id="poll-bar")

    def started(self, total: int) -> None:
        """A poll of ``total`` feeds began."""
        self.display = True
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 1), progress=0)
        self.query_one("#poll-label", Label).update(Text(f"Polling {total} feeds"))

    def feed_done(self, result: Any, done: int, total: int) -> None:
        """One feed answered: move the bar and say which and how."""
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        name = clean(getattr(result, "name", "") or getattr(result, "url", ""), single_line=True)[:40]
        status = clean(getattr(result, "status", ""), single_line=True)
        failed = bool(getattr(result, "error", None))
        label = Text(f"Polling {done}/{total} · ")
        label.append(name)
        label.append(f" {status}", style="red" if failed else "green")
        self.query_one("#poll-label", Label).update(label)

    def finished(self) -> None:
        """The poll ended: hide."""
        self.display = False
