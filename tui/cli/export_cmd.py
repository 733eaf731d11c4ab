"""``layoffs-tui export``: tagged stories as CSV, JSON, JSON Lines or a Markdown digest.

A thin layer over ``tui.export``: it turns options into a ``Filter`` and reports bad input as a
usage error (exit 2), never a traceback.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import click

from tui.cli.context import CliContext, pass_context
from tui.cli.progress import progress_bar
from tui.export import FORMATS, resolve_companies, write_export
from tui.export.cuts import write_cuts_export
from tui.store.filters import Filter

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class Day(click.ParamType):
    """A calendar day written ``YYYY-MM-DD``; the error says so in those words."""

    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> date:
        """Accept an ISO date (or a ``date`` default); anything else is a usage error with an example."""
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"{value!r} is not a day; write it as YYYY-MM-DD, e.g. 2024-03-05", param, ctx)


def _months(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """Each ``--month`` must be ``YYYY-MM``, checked here so the message names the bad value."""
    for value in values:
        if not _MONTH.match(value.strip()):
            raise click.BadParameter(f"{value!r} is not a month; write it as YYYY-MM, e.g. 2024-03",
                                     ctx=ctx, param=param)
    return tuple(dict.fromkeys(value.strip() for value in values))


@click.command("export")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=FORMATS[0], show_default=True,
              help="csv: one row per layoff event; json: an array of stories; jsonl: one story a line; "
                   "md: a digest by month, then company.")
@click.option("--company", "companies", multiple=True, metavar="NAME",
              help="Only stories about this company (any alias; a parent includes its units). Repeatable. "
                   "Only that company's events are listed.")
@click.option("--month", "months", multiple=True, metavar="YYYY-MM", callback=_months,
              help="Only stories published in this month. Repeatable.")
@click.option("--since", type=Day(),
              help="Only stories published on or after this day (UTC).")
@click.option("--until", type=Day(),
              help="Only stories published on or before this day (UTC).")
@click.option("--all", "all_articles", is_flag=True,
              help="Every stored article, not only layoff stories.")
@click.option("--cuts", "cuts", is_flag=True,
              help="One record per cut (a job cut however many stories report it), not per story.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write to FILE (atomically) instead of stdout.")
@pass_context
def export_command(obj: CliContext, fmt: str, companies: tuple[str, ...], months: tuple[str, ...],
                   since: date | None, until: date | None, all_articles: bool, cuts: bool,
                   output: Path | None) -> None:
    """Export tagged layoff stories (CSV by default) to stdout or -o FILE.

    \b
    Examples:
      layoffs-tui export --month 2024-03 -o march.csv
      layoffs-tui export --company Meta --format json
      layoffs-tui export --all --since 2024-01-01 --format jsonl
      layoffs-tui export --cuts --month 2024-03 -o march-cuts.csv
    """
    if since and until and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}",
                                 param_hint="'--since'")
    if cuts and all_articles:
        raise click.UsageError("--cuts lists job cuts, --all every article: give one of them")
    db = obj.stored_db()
    flt = Filter(companies=resolve_companies(db, companies), months=months, layoffs_only=not all_articles,
                 since=since, until=until)
    if cuts:
        count = write_cuts_export(db, flt, fmt, output)
        noun = "cut" if count == 1 else "cuts"
    else:
        # A bar on the terminal when the stories go elsewhere (a file, a pipe), never over them.
        with progress_bar("Exporting", when=output is not None or not sys.stdout.isatty()) as progress:
            count = write_export(db, flt, fmt, output, progress=progress)
        noun = "story" if count == 1 else "stories"
    if output is not None:
        click.echo(f"Wrote {count} {noun} to {output}", err=True)
