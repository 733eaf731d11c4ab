"""Background polling for the app: on start, every interval and on ``r``.

``poll_feeds`` runs in a thread worker on an event loop of its own (see ``run_poll``); its results
arrive as ``FeedPolled`` messages and are drawn at most ten times a second, so a 200-feed poll never
makes the keys wait. One poll at a time (``exclusive`` in the "poll" group).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work

from tui.errors import LayoffsError
from tui.store.feeds import PollOutcome
from tui.timeutil import to_iso
from tui.ui.messages import AlertsGiven, ArticlesChanged, FeedPolled, PollFinished, PollStarted

if TYPE_CHECKING:
    from tui.config import Config

log = logging.getLogger(__name__)
PROGRESS_PERIOD = 0.1
"""Seconds between redraws of the progress bar and the feeds screen during a poll."""

ALERT_SECONDS = 7 * 24 * 3600.0
"""An alert's notification stays until seen: clicked away, or a week."""

Poller = Callable[..., Awaitable[Any]]
"""``tui.poll.poll_feeds`` or a stand-in with its signature (tests, bench)."""


def poll_message(report: Any) -> str:
    """ "3 new layoff stories, 1 feed failed" (or "No new layoff stories"), and why the database refused
    results when it did ("…, 185 feeds failed: the disk is full")."""
    layoffs = int(getattr(report, "new_layoffs", 0))
    failed = int(getattr(report, "failed", 0))
    head = (
        (f"{layoffs} new layoff " + ("story" if layoffs == 1 else "stories"))
        if layoffs
        else "No new layoff stories"
    )
    if failed:
        head += f", {failed} feed{'s' if failed != 1 else ''} failed"
    faults = tuple(getattr(report, "faults", ()))
    if faults:
        head += ": " + "; ".join(faults)  # "the disk is full": the reason, not only the count
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
    except (OSError, ValueError) as error:  # the poller then parses in a thread instead
        log.warning("cannot start the multiprocessing resource tracker: %s", error)
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
    unrecorded_polls: dict[str, PollOutcome]
    """Outcomes the database refused to store (a full disk), by URL, for the feeds screen to show;
    a feed's entry goes once a later outcome is stored."""

    def action_poll(self) -> None:
        """Poll every enabled feed now, in the background."""
        self.start_poll(only_due=False)

    def poll_due_feeds(self) -> None:
        """The timer's poll (and the one on start): only feeds whose own interval has passed, quietly."""
        if getattr(self, "allow_poll", True) and not self.polling and self.config.enabled_feeds:
            self.start_poll(only_due=True)

    def start_poll(self, *, only_due: bool) -> None:
        """Start the poll worker, or say why not."""
        if not getattr(self, "allow_poll", True):
            self.notify("Polling is off in the demo: its feeds are samples shipped in the package.")  # type: ignore[attr-defined]
            return
        if self.polling:
            self.notify("A poll is already running.")  # type: ignore[attr-defined]
            return
        if not self.config.enabled_feeds:
            self.notify("No enabled feeds to poll; press F to add one.")  # type: ignore[attr-defined]
            return
        self.polling = True
        self._poll_done = 0
        self._poll_total = len(self.config.enabled_feeds)
        self._poll_last: Any = None
        self._poll_pending: list[Any] = []
        self._poll_flush = self.set_interval(PROGRESS_PERIOD, self._flush_progress)  # type: ignore[attr-defined]
        ensure_resource_tracker()
        self.run_poll(self.config, only_due)

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def run_poll(self, config: Config, only_due: bool = False) -> None:
        """The poll, on its own event loop in this worker thread.

        ``poll_feeds`` keeps SQL and parsing off its loop, but its HTTP work (200 feeds: about a second
        of CPU) would still share the app's loop; on a loop of its own the app's keys are answered at
        once. Results come back as messages (``post_message`` is thread-safe).
        """
        poller = self.poller
        if poller is None:
            from tui.poll import poll_feeds

            poller = poll_feeds
        post = self.post_message  # type: ignore[attr-defined]
        if only_due:
            from tui.poll.schedule import due_config

            try:
                config = due_config(config, self.db_path, self.now())
            except LayoffsError as error:
                post(PollFinished(None, str(error)))
                return
            if not config.enabled_feeds:
                post(PollFinished(None, quiet=True))  # nothing is due: no poll, nothing to say
                return
        post(PollStarted(len(config.enabled_feeds)))
        done = 0

        def on_result(result: Any) -> None:
            nonlocal done
            done += 1
            post(FeedPolled(result, done, len(config.enabled_feeds)))

        try:
            report = asyncio.run(poller(config, self.db_path, now=self.now, on_result=on_result))
        except LayoffsError as error:
            post(PollFinished(None, str(error)))
            return
        post(PollFinished(report))
        self._give_alerts(post)

    def _give_alerts(self, post: Callable[[Any], object]) -> None:
        """After the poll, in its worker: the watched companies' new cuts (once per cut, as
        ``layoffs-tui poll`` gives them), the user's ``alert_command`` run for each, and both reported."""
        from tui.watch.alerts import alerts_after_poll
        from tui.watch.command import run_alert_commands

        watch = self.config.watch
        try:
            alerts = alerts_after_poll(self.db_path, watch.companies)
        except LayoffsError as error:
            post(AlertsGiven([], [f"the watchlist could not be checked: {error}"]))
            return
        failures = run_alert_commands(watch, alerts)
        if alerts or failures:
            post(AlertsGiven(alerts, failures))

    def on_alerts_given(self, message: AlertsGiven) -> None:
        """One notification per alert, kept until seen (a click dismisses it); command failures warn."""
        for alert in message.alerts:
            self.notify(alert.message, title="Watched company cuts jobs", timeout=ALERT_SECONDS)  # type: ignore[attr-defined]
        for failure in message.failures:
            self.notify(failure, title="Alert command", severity="warning", timeout=ALERT_SECONDS)  # type: ignore[attr-defined]

    def on_poll_started(self, message: PollStarted) -> None:
        """Reset the progress line on every screen that shows one."""
        for status in self._poll_statuses():
            status.started(message.total)

    def on_feed_polled(self, message: FeedPolled) -> None:
        """Noted now, shown by ``_flush_progress`` at most every ``PROGRESS_PERIOD``."""
        self._poll_done = message.done
        self._poll_total = message.total
        self._poll_last = message.result
        self._poll_pending.append(message.result)
        self._remember_unrecorded(message.result)
        if getattr(message.result, "new", 0) or getattr(message.result, "updated", 0):
            self.post_message(ArticlesChanged())  # type: ignore[attr-defined]

    def _remember_unrecorded(self, result: Any) -> None:
        url = getattr(result, "url", None)
        if url is None:
            return
        if getattr(result, "recorded", True):
            self.unrecorded_polls.pop(url, None)
        else:
            self.unrecorded_polls[url] = PollOutcome(
                to_iso(self.now()), result.status, result.error, result.http_status
            )

    def _flush_progress(self) -> None:
        if not self._poll_pending:
            return
        pending, self._poll_pending = self._poll_pending, []
        for status in self._poll_statuses():
            status.progressed(self._poll_done, self._poll_total, self._poll_last)
        from tui.ui.feeds_screen import FeedsScreen

        screen = self.screen  # type: ignore[attr-defined]
        if isinstance(screen, FeedsScreen):
            for result in pending:
                screen.feed_polled(result)

    def on_poll_finished(self, message: PollFinished) -> None:
        """Hide the progress and report the outcome; a quiet (nothing due) poll says nothing."""
        self._end_poll()
        if message.quiet:
            return
        if message.report is None:
            self.notify(message.error or "The poll failed.", severity="error")  # type: ignore[attr-defined]
            return
        failed = int(getattr(message.report, "failed", 0))
        self.notify(
            poll_message(message.report),
            title="Poll finished",  # type: ignore[attr-defined]
            severity="warning" if failed else "information",
        )
        self.post_message(ArticlesChanged())  # type: ignore[attr-defined]
        from tui.ui.feeds_screen import FeedsScreen

        for screen in self.screen_stack:  # type: ignore[attr-defined]
            if isinstance(screen, FeedsScreen):
                screen.reload()

    def _end_poll(self) -> None:
        """Back to idle: stop the progress timer, hide the bars."""
        self.polling = False
        flush = getattr(self, "_poll_flush", None)
        if flush is not None:
            flush.stop()
            self._poll_flush = None
        self._poll_pending = []
        for status in self._poll_statuses():
            status.finished()

    def _poll_statuses(self) -> list[Any]:
        from tui.ui.poll_status import PollStatus

        found = []
        for screen in self.screen_stack:  # type: ignore[attr-defined]
            found += list(screen.query(PollStatus))
        return found
