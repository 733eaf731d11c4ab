"""The poll progress line: a bar and the latest feed's state, shown only while a poll runs.

One line drawn from a non-layout reactive: during a 200-feed poll it changes many times a second,
and a ``Label``/``ProgressBar`` pair re-laid out the whole screen on each change (~30 ms each).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.ui.safe import clean
from tui.wording import status_words

BAR_WIDTH = 30


def progress_line(done: int, total: int, result: Any | None) -> Text:
    """``Polling 12/200 ━━━━━━╺━━━━━━━  Tech Cuts new``."""
    total = max(total, 1)
    filled = round(BAR_WIDTH * min(done, total) / total)
    line = Text(f"Polling {done}/{total} ", style="bold")
    line.append("━" * filled, style="green")
    line.append("━" * (BAR_WIDTH - filled), style="dim")
    if result is not None:
        name = clean(getattr(result, "name", "") or getattr(result, "url", ""), single_line=True)[:40]
        status = status_words(clean(getattr(result, "status", ""), single_line=True))
        failed = bool(getattr(result, "error", None))
        line.append("  ")
        line.append(name)
        line.append(f" {status}", style="red" if failed else "green")
    return line


class PollStatus(Widget):
    """Hidden when idle; ``started``/``progressed``/``finished`` drive it."""

    DEFAULT_CSS = "PollStatus { height: 1; }"

    line: reactive[Text] = reactive(Text, layout=False)

    class Changed(Message):
        """A poll started (``running``) or ended: a screen may say something else while one runs."""

        def __init__(self, running: bool) -> None:
            super().__init__()
            self.running = running

    def render(self) -> Text:
        """The ``Text`` set by ``started`` and ``progressed``, never parsed as markup."""
        return self.line

    def started(self, total: int) -> None:
        """A poll of ``total`` feeds began."""
        self.display = True
        self.line = progress_line(0, total, None)
        self.post_message(self.Changed(True))

    def progressed(self, done: int, total: int, result: Any | None) -> None:
        """Some feeds answered: move the bar and say which feed answered last, and how."""
        self.line = progress_line(done, total, result)

    def finished(self) -> None:
        """The poll ended: hide."""
        if self.display:
            self.post_message(self.Changed(False))
        self.display = False
