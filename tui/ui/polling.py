"""Background polling for the app: on start, every interval and on ``r``.

The app owns one ``PollRunner``. The poll runs through the service in an app thread worker, on an
event loop of its own (see ``_run``); its results arrive as ``FeedPolled`` messages, which the app hands
to the runner, and are drawn at most ten times a second, so a 200-feed poll never makes the keys wait.
One poll at a time (``exclusive`` in the "poll" group).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.timer import Timer

from tui.errors import LayoffsError
from tui.service import PollOutcome
from tui.timeutil import to_iso
from tui.ui.messages import AlertsGiven, ArticlesChanged, FeedPolled, PollFinished, PollStarted
from tui.ui.poll_status import PollStatus

if TYPE_CHECKING:
    from tui.config import Config
    from tui.ui.app import LayoffsApp

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


class PollRunner:
    """The app's polls: started by the schedule or ``r``, run in a worker, drawn as they progress."""

    def __init__(self, app: LayoffsApp, poller: Poller | None = None) -> None:
        self.app = app
        self.poller = poller
        """Replaces ``tui.poll.poll_feeds`` (tests, bench); None: the real poller."""
        self.running = False
        """True while a poll runs (for the palette and the tests)."""
        self.unrecorded: dict[str, PollOutcome] = {}
        """Outcomes the database refused to store (a full disk), by URL, for the feeds screen to show;
        a feed's entry goes once a later outcome is stored."""
        self._done = 0
        self._total = 0
        self._last: Any = None
        self._pending: list[Any] = []
        self._flush: Timer | None = None

    def poll_due(self) -> None:
        """The timer's poll (and the one on start): only feeds whose own interval has passed, quietly."""
        if self.app.allow_poll and not self.running and self.app.config.enabled_feeds:
            self.start(only_due=True)

    def start(self, *, only_due: bool) -> None:
        """Start the poll worker, or say why not."""
        app = self.app
        if not app.allow_poll:
            app.notify("Polling is off in the demo: its feeds are samples shipped in the package.")
            return
        if self.running:
            app.notify("A poll is already running.")
            return
        if not app.config.enabled_feeds:
            app.notify("No enabled feeds to poll; press F to add one.")
            return
        self.running = True
        self._done, self._total = 0, len(app.config.enabled_feeds)
        self._last, self._pending = None, []
        self._flush = app.set_interval(PROGRESS_PERIOD, self._flush_progress)
        ensure_resource_tracker()
        app.run_worker(
            partial(self._run, app.config, only_due),
            name="run_poll",
            group="poll",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def _run(self, config: Config, only_due: bool) -> None:
        """The poll, in a worker thread, through the service (on its own event loop there).

        ``poll_feeds`` keeps SQL and parsing off its loop, but its HTTP work (200 feeds: about a second
        of CPU) would still share the app's loop; on a loop of its own the app's keys are answered at
        once. Results come back as messages (``post_message`` is thread-safe).
        """
        service, post = self.app.service, self.app.post_message
        if only_due:
            try:
                config = service.due_config(config, self.app.now())
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
            report = service.poll(config, now=self.app.now, on_result=on_result, poller=self.poller)
        except LayoffsError as error:
            post(PollFinished(None, str(error)))
            return
        post(PollFinished(report))
        self._give_alerts(post)

    def _give_alerts(self, post: Callable[[Any], object]) -> None:
        """After the poll, in its worker: the watched companies' new cuts (once per cut, as
        ``layoffs-tui poll`` gives them), the user's ``alert_command`` run for each, and both reported."""
        from tui.watch.command import run_alert_commands

        watch = self.app.config.watch
        try:
            alerts = self.app.service.alerts_after_poll(watch.companies)
        except LayoffsError as error:
            post(AlertsGiven([], [f"the watchlist could not be checked: {error}"]))
            return
        failures = run_alert_commands(watch, alerts)
        if alerts or failures:
            post(AlertsGiven(alerts, failures))

    # -- the worker's messages, handed over by the app -------------------------------------------

    def alerts_given(self, message: AlertsGiven) -> None:
        """One notification per alert, kept until seen (a click dismisses it); command failures warn."""
        for alert in message.alerts:
            self.app.notify(alert.message, title="Watched company cuts jobs", timeout=ALERT_SECONDS)
        for failure in message.failures:
            self.app.notify(failure, title="Alert command", severity="warning", timeout=ALERT_SECONDS)

    def started(self, message: PollStarted) -> None:
        """Reset the progress line on every screen that shows one."""
        for status in self._statuses():
            status.started(message.total)

    def feed_polled(self, message: FeedPolled) -> None:
        """Noted now, shown by ``_flush_progress`` at most every ``PROGRESS_PERIOD``."""
        self._done, self._total, self._last = message.done, message.total, message.result
        self._pending.append(message.result)
        self._remember_unrecorded(message.result)
        if getattr(message.result, "new", 0) or getattr(message.result, "updated", 0):
            self.app.post_message(ArticlesChanged())

    def _remember_unrecorded(self, result: Any) -> None:
        url = getattr(result, "url", None)
        if url is None:
            return
        if getattr(result, "recorded", True):
            self.unrecorded.pop(url, None)
        else:
            self.unrecorded[url] = PollOutcome(
                to_iso(self.app.now()), result.status, result.error, result.http_status
            )

    def _flush_progress(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        for status in self._statuses():
            status.progressed(self._done, self._total, self._last)
        from tui.ui.feeds_screen import FeedsScreen

        screen = self.app.screen
        if isinstance(screen, FeedsScreen):
            for result in pending:
                screen.feed_polled(result)

    def finished(self, message: PollFinished) -> None:
        """Hide the progress and report the outcome; a quiet (nothing due) poll says nothing."""
        self.end()
        if message.quiet:
            return
        app = self.app
        if message.report is None:
            app.notify(message.error or "The poll failed.", severity="error")
            return
        failed = int(getattr(message.report, "failed", 0))
        app.notify(
            poll_message(message.report),
            title="Poll finished",
            severity="warning" if failed else "information",
        )
        app.post_message(ArticlesChanged())
        app.reload_feeds_screens()

    def end(self) -> None:
        """Back to idle: stop the progress timer, hide the bars."""
        self.running = False
        if self._flush is not None:
            self._flush.stop()
            self._flush = None
        self._pending = []
        for status in self._statuses():
            status.finished()

    def _statuses(self) -> list[PollStatus]:
        """The progress lines of every screen on the stack."""
        found: list[PollStatus] = []
        for screen in self.app.screen_stack:
            found += list(screen.query(PollStatus))
        return found
