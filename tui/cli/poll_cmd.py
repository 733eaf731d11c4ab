"""``layoffs-tui poll``: one headless poll, a line per feed on stderr, the summary on stdout.

Exit 0 when every feed answered (200, 304, or skipped because the server asked us to wait), 1 when
any failed (the others are still stored), 2 for a usage or config error (raised as ``LayoffsError``).
"""

from __future__ import annotations

import asyncio

import click

from tui.cli.context import CliContext, pass_context
from tui.poll import FeedResult, poll_feeds


@click.command("poll")
@click.option("--quiet", "-q", is_flag=True, help="No line per feed, only the summary (and failures).")
@pass_context
def poll_command(context: CliContext, quiet: bool) -> None:
    """Poll every enabled feed once and store what is new.

    Prints a line per feed on stderr and a summary line on stdout. Exit status: 0 when every feed
    answered, 1 when any feed failed, 2 for a usage or configuration error.
    """
    config = context.config()
    if not config.enabled_feeds:
        click.echo(f"No enabled feeds in {context.resolved_config_path}; add one with "
                   "'layoffs-tui feeds add URL'.", err=True)

    def report(result: FeedResult) -> None:
        if not quiet or result.status == "error":
            click.echo(result.line(), err=True)

    summary = asyncio.run(poll_feeds(config, context.resolved_db_path, on_result=report))
    click.echo(summary.summary_line())
    if not summary.ok:
        raise SystemExit(1)
