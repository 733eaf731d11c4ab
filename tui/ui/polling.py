"""Background polling for the app: on start, every interval and on ``r``.

``poll_feeds`` is async (httpx) and keeps its SQL in its own store thread and its parsing in a
process pool, so it runs as an async worker on the app's loop; its callbacks arrive on the loop and
are turned into ``FeedPolled`` messages. One poll at a time (``exclusive`` in the "poll" group).
"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work

from tui.errors import LayoffsError
from tui.ui.messages import ArticlesChanged, FeedPolled, PollFinished, PollStarted

if TYPE_CHECKING:
    from tui.config import Config

Poller = Callable[..., Awaitable[Any]]
"""``tui.poll.poll_feeds`` or a stand-in with its signature (tests, bench)."""


def poll_message(report: Any) -> str:
    """"3 new layoff stories, 1 feed failed" (or "No new layoff stories")."""
    layoffs = int(getattr(report, "new_layoffs", 0))
    failed = int(getattr(report, "failed", 0))
    head = (f"{layoffs} new layoff " + ("story" if layoffs == 1 else "stories")) if layoffs else \
        "No new layoff stories"
    if failed:
        head += f", {failed} feed{'s' if failed != 1 else ''} failed"
    return head


def ensure_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real stderr.

    The poller parses in a "spawn" process pool. Inside a running Textual app ``sys.stderr`` is a
    capture object whose ``fileno()`` is -1, and the tracker (started lazily by the first pool)
    fails to spawn with "bad value(s) in fds_to_keep". Started once with the real stderr, it is
    simply reused by every later pool.
    """
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        if sys.__stderr__ is not None:
            sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    except Exception:  # noqa: BLE001 - without it the poller falls back to parsing in a thread
        pass
    finally:
        sys.stderr = saved


class PollingMixin:
    """The poll worker and the handlers of its messages; mixed into ``LayoffsApp``."""

    config: Config
    db_path: Path
    now: Callable[[], datetime]
    poller: Poller | None
    polling: bool = False
    """True while a poll runs (for the palette and the tests)."""

    def action_poll(self) -> None:
        """Poll every enabled feed now, in the background."""
        if self.polling:
            self.notify("A poll is already running.")  # type: ignore[attr-defined]
            return
        if not self.config.enabled_feeds:
            self.notify("No enabled feeds to poll; press F to add one.")  # type: ignore[attr-defined]
            return
        self.polling = True
        self.run_poll()

    @work(exclusive=True, group="poll", exit_on_error=False)
    async def run_poll(self) -> None:
        poller = self.poller
        if poller is None:
            from tui.poll import poll_feeds

            poller = poll_feeds
        config = self.config
        total = len(config.enabled_feeds)
        done = 0
        post = self.post_message  # type: ignore[attr-defined]

        def on_result(result: Any) -> None:
            nonlocal done
            done += 1
            post(FeedPolled(result, done, total))

        post(PollStarted(total))
        ensure_resource_tracker()
        try:
            report = await poller(config, self.db_path, now=self.now, on_result=on_result)
        except LayoffsError as error:
            post(PollFinished(None, str(error)))
            return
        post(PollFinished(report))

    def on_poll_started(self, message: PollStarted) -> None:
        for status in self._poll_statuses():
            status.started(message.total)

    def on_feed_polled(self, message: FeedPolled) -> None:
        for status in self._poll_statuses():
            status.feed_done(message.result, message.done, message.total)
        from tui.ui.feeds_screen import FeedsScreen

        for screen in self.screen_stack:  # type: ignore[attr-defined]
            if isinstance(screen, FeedsScreen):
                screen.feed_polled(message.result)
        if getattr(message.result, "new", 0) or getattr(message.result, "updated", 0):
            self.post_message(ArticlesChanged())  # type: ignore[attr-defined]

    def on_poll_finished(self, message: PollFinished) -> None:
        self.polling = False
        for status in self._poll_statuses():
            status.finished()
        if message.report is None:
            self.notify(message.error or "The poll failed.", severity="error")  # type: ignore[attr-defined]
            return
        failed = int(getattr(message.report, "failed", 0))
        self.notify(poll_message(message.report), title="Poll finished",  # type: ignore[attr-defined]
                    severity="warning" if failed else "information")
        self.post_message(ArticlesChanged())  # type: ignore[attr-defined]

    def _poll_statuses(self) -> list[Any]:
        from tui.ui.poll_status import PollStatus

        found = []
        for screen in self.screen_stack:  # type: ignore[attr-defined]
            found += list(screen.query(PollStatus))
        return found
