"""``layoffs-tui poll``: one headless poll, a line per feed on stderr, the summary on stdout.

Exit 0 when every feed answered (200, 304, or skipped because the server asked us to wait), 1 when
any failed (the others are still stored), 2 for a usage or config error (raised as ``LayoffsError``).
Then the watchlist's alerts (``tui.watch``): a line each on stdout, and the ``alert_command`` run for
each; with ``--alerts`` those lines are all that is printed, for cron to mail.
SIGTERM (cron's ``timeout``, a service stop) ends the poll as Ctrl-C does: the parse workers are shut
down, what was stored stays, and the exit status is 143.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from typing import TypeVar

import click

from tui.cli.context import CliContext, pass_context
from tui.poll import FeedResult, poll_feeds
from tui.watch.alerts import alerts_after_poll
from tui.watch.command import run_alert_commands

T = TypeVar("T")


class Terminated(Exception):
    """SIGTERM arrived while the poll ran."""


async def until_terminated(start: Callable[[], Awaitable[T]]) -> T:
    """Run ``start()`` and cancel it on SIGTERM, so its ``finally`` blocks stop the workers; raises
    ``Terminated`` then."""
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(start())
    loop.add_signal_handler(signal.SIGTERM, task.cancel)
    try:
        return await task
    except asyncio.CancelledError:
        if task.cancelled() and not asyncio.current_task().cancelling():  # type: ignore[union-attr]
            raise Terminated from None
        raise
    finally:
        loop.remove_signal_handler(signal.SIGTERM)


@click.command("poll")
@click.option("--quiet", "-q", is_flag=True, help="No line per feed, only the summary (and failures).")
@click.option(
    "--alerts",
    "alerts_only",
    is_flag=True,
    help="Print only the alerts for watched companies, one line each (for cron); same exit status.",
)
@pass_context
def poll_command(context: CliContext, quiet: bool, alerts_only: bool) -> None:
    """Poll every enabled feed once and store what is new.

    Prints a line per feed on stderr and a summary line on stdout, then a line per alert: a new cut
    of a watched company (`layoffs-tui watch add NAME`), or a new figure for one. Exit status: 0 when
    every feed answered, 1 when any feed failed, 2 for a usage or configuration error.
    """
    config = context.config()
    if not config.enabled_feeds and not alerts_only:
        click.echo(f"No enabled feeds in {context.resolved_config_path}; add one with "
                   "'layoffs-tui feeds add URL'.", err=True)

    def report(result: FeedResult) -> None:
        if not alerts_only and (not quiet or result.status == "error"):
            click.echo(result.line(), err=True)

    try:
        summary = asyncio.run(until_terminated(lambda: poll_feeds(config, context.resolved_db_path,
                                                                  on_result=report)))
    except Terminated:
        click.echo("layoffs-tui: poll stopped (SIGTERM); the feeds that had answered are stored", err=True)
        raise SystemExit(128 + signal.SIGTERM) from None
    if not alerts_only:
        click.echo(summary.summary_line())
    # Even with nothing watched: the check keeps its mark up with the store, so a company watched later
    # is not alerted on every cut stored meanwhile.
    alerts = alerts_after_poll(context.resolved_db_path, config.watch.companies)
    for alert in alerts:
        click.echo(alert.message)
    for failure in run_alert_commands(config.watch, alerts):
        click.echo(f"layoffs-tui: {failure}", err=True)
    if not summary.ok:
        raise SystemExit(1)
