"""The key line at the bottom: the most used keys that fit the width, the rest one ``?`` away.

Textual's ``Footer`` shows every binding and cuts the line at the edge, so at 80 columns the last
keys (and the palette's ``^p``) were half shown. This footer ranks the keys (``FOOTER_ORDER``) and
shows, in their usual order, those that fit.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # what Footer.compose yields; not re-exported by Textual

from tui.ui.keys import APP_BINDINGS, FEEDS_BINDINGS, MAIN_BINDINGS

FOOTER_ORDER = (
    "help",
    "search",
    "clear_filter",
    "toggle_layoffs",
    "toggle_cuts",
    "timeline",
    "toggle_watch",
    "show_feed",
    "add_feed",
    "remove_feed",
    "toggle_feed",
    "close_feeds",
    "edit_tags",
    "open_link",
    "export",
    "feeds",
    "feed_info",
    "poll",
    "toggle_star",
    "toggle_read",
    "quit",
)
"""Binding ids, most used first: what a narrow footer keeps. ``?`` (the help, with every key) comes first."""


def _ranks() -> dict[str, int]:
    """Footer rank by action name (what a footer key knows of its binding)."""
    actions = {binding.id: binding.action for binding in (*APP_BINDINGS, *MAIN_BINDINGS, *FEEDS_BINDINGS)}
    return {
        actions[binding_id]: rank for rank, binding_id in enumerate(FOOTER_ORDER) if binding_id in actions
    }


def key_width(key: FooterKey) -> int:
    """Cells a compact footer key takes: the key, a space, the description, and its right margin."""
    return cell_len(key.key_display) + 1 + cell_len(key.description) + 1


def fitting(keys: Iterable[FooterKey], width: int, ranks: dict[str, int]) -> list[FooterKey]:
    """The best-ranked ``keys`` whose widths add up to at most ``width``, in their given order."""
    keys = list(keys)
    chosen: set[int] = set()
    used = 0
    for key in sorted(keys, key=lambda k: ranks.get(k.action, len(ranks))):
        if used + key_width(key) <= width:
            chosen.add(id(key))
            used += key_width(key)
    return [key for key in keys if id(key) in chosen]


class FittedFooter(Footer):
    """A compact ``Footer`` that drops the least used keys rather than cut the line."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._laid_out_for = 0

    def compose(self) -> ComposeResult:
        """Textual's keys, fewer of them when the width is short (all of them before it is known)."""
        widgets: list[Widget] = list(super().compose())
        width = self.size.width
        if not width:
            yield from widgets
            return
        palette = [w for w in widgets if w.has_class("-command-palette")]
        keys = [w for w in widgets if isinstance(w, FooterKey) and w not in palette]
        room = width - sum(key_width(w) for w in palette)
        if room < 0:  # not even the palette's ^p fits beside one key: the keys matter more
            palette, room = [], width
        yield from fitting(keys, room, _ranks())
        yield from palette

    def on_resize(self) -> None:
        """Lay the keys out again for the new width."""
        if self.size.width != self._laid_out_for:
            self._laid_out_for = self.size.width
            self.call_after_refresh(self.recompose)
