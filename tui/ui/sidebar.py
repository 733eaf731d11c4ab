"""The Companies and Months panes' column; on a narrow screen, a drawer that opens while in use.

At 80 columns a 30-cell sidebar would leave the story titles a few cells wide. Below
``NARROW_WIDTH`` the main screen has the ``-narrow`` class and the sidebar is hidden (app.tcss) until
one of its panes takes the focus (``c``, ``M``); it closes again when the focus leaves it.
"""

from __future__ import annotations

from textual import events
from textual.containers import Vertical

NARROW_WIDTH = 100
"""Screens narrower than this keep the sidebar closed unless it has the focus."""


class Sidebar(Vertical):
    """Opens (class ``-open``) while one of its panes has the focus."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A pane of the sidebar took the focus: open (it matters only on a narrow screen)."""
        self.add_class("-open")

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """The focus left the pane; close unless it went to the other pane (``call_after_refresh``: the
        new focus is known only then)."""
        self.call_after_refresh(self._close_unless_focused)

    def _close_unless_focused(self) -> None:
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors:
            self.remove_class("-open")
