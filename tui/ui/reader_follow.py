"""The reader follows the table's cursor: the highlighted story shows a moment after the cursor stops.

Moving down a list with j fires a cursor change per row; loading each row's story would keep a worker
busy with stories the user only passed over. The load waits ``FOLLOW_DELAY`` after the last move
(debounced), and a story that arrives for a row the cursor has left is dropped, so the reader always
shows the row the keys (o, t, x) act on.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

FOLLOW_DELAY = 0.15
"""Seconds the cursor must rest on a row before its story is loaded."""


class ReaderFollower:
    """Decides which story the reader loads; ``node`` lends its timers (the main screen)."""

    def __init__(self, node: Any, load: Callable[[int], None], clear: Callable[[], None]) -> None:
        self._node = node
        self._load = load
        self._clear = clear
        self._timer: Any = None
        self.wanted: int | None = None
        """The story the reader should show now; answers for any other are stale."""

    @property
    def pending(self) -> bool:
        """True while a move waits out the delay (tests and screenshots wait for it)."""
        return self._timer is not None

    def follow(self, article_id: int | None) -> None:
        """The cursor is on ``article_id`` now (None: the table is empty): show it once it rests."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._node.set_timer(FOLLOW_DELAY, partial(self._rested, article_id))

    def show_now(self, article_id: int) -> None:
        """Load ``article_id`` at once (Enter, or a refresh of the story shown)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.wanted = article_id
        self._load(article_id)

    def accepts(self, article_id: int) -> bool:
        """Whether a loaded story is the one wanted (a slower, older load is not)."""
        return article_id == self.wanted

    def _rested(self, article_id: int | None) -> None:
        self._timer = None
        if article_id is None:
            self.wanted = None
            self._clear()
        elif article_id != self.wanted:
            self.show_now(article_id)
