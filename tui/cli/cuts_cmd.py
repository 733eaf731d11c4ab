"""``layoffs-tui cuts``: list cuts, show one with its stories, merge cuts and split a story off by hand.

Merges and splits are kept by ``retag`` (see ``tui.store.cut_corrections``). A cut or article that does
not exist is a usage error: one line on stderr, exit 2.
"""

from __future__ import annotations

from datetime import date

import click

from tui.cli.context import CliContext, pass_context
from tui.cli.export_cmd import Day, _months
from tui.export import resolve_companies
from tui.export.markdown import headcount_text
from tui.store.cut_corrections import CutError, merge_cuts, split_story
from tui.store.cut_queries import CutRow, cut_stories, get_cut, select_cuts
from tui.store.cuts import update_cuts
from tui.store.filters import Filter


def _figure(cut: CutRow) -> str:
    """ "12,000 jobs (6%)", "about 1,000 jobs", "10% of staff", "a vague figure", "no figure"."""
    if cut.headcount is None and cut.percent is None:
        return "a vague figure" if cut.headcount_kind == "vague" else "no figure"
    return headcount_text(
        {"headcount": cut.headcount, "percent": cut.percent, "headcount_kind": cut.headcount_kind}
    )


def _line(cut: CutRow) -> str:
    name = f"{cut.company} ({cut.parent})" if cut.parent else cut.company
    sources = f"{cut.sources} {'source' if cut.sources == 1 else 'sources'}"
    return f"{cut.cut_id:>6}  {cut.announced[:10]}  {name}  ·  {_figure(cut)}  ·  {sources}"


@click.group("cuts")
def cuts_group() -> None:
    """Job cuts: one company's reduction however many stories report it.

    \b
    Examples:
      layoffs-tui cuts list --company Google
      layoffs-tui cuts show 12
      layoffs-tui cuts merge 12 15      (cut 15 becomes part of cut 12)
      layoffs-tui cuts split 12 340     (story 340 leaves cut 12 for a cut of its own)
    """


@cuts_group.command("list")
@click.option(
    "--company",
    "companies",
    multiple=True,
    metavar="NAME",
    help="Only this company's cuts (any alias; a parent includes its units). Repeatable.",
)
@click.option(
    "--month",
    "months",
    multiple=True,
    metavar="YYYY-MM",
    callback=_months,
    help="Only cuts first reported in this month. Repeatable.",
)
@click.option("--since", type=Day(), help="Only cuts first reported on or after this day (UTC).")
@click.option("--until", type=Day(), help="Only cuts first reported on or before this day (UTC).")
@click.option(
    "--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many cuts."
)
@pass_context
def list_command(
    obj: CliContext,
    companies: tuple[str, ...],
    months: tuple[str, ...],
    since: date | None,
    until: date | None,
    limit: int,
) -> None:
    """List cuts, newest first: id, first reported, company, figure, sources."""
    db = obj.db()
    update_cuts(db)
    flt = Filter(companies=resolve_companies(db, companies), months=months, since=since, until=until)
    cuts = select_cuts(db, flt, limit=limit)
    for cut in cuts:
        click.echo(_line(cut))
    if not cuts:
        click.echo("no cuts match", err=True)


@cuts_group.command("show")
@click.argument("cut_id", type=int)
@pass_context
def show_command(obj: CliContext, cut_id: int) -> None:
    """One cut and its stories (article id, date, feed, title, link)."""
    db = obj.db()
    update_cuts(db)
    cut = get_cut(db, cut_id)
    if cut is None:
        raise CutError(f"no cut with id {cut_id}; `layoffs-tui cuts list` shows the ids")
    click.echo(_line(cut))
    for story in cut_stories(db, [cut_id])[cut_id]:
        click.echo(f"  {story.id:>6}  {story.published[:10]}  {story.feed}  {story.title}  {story.url or ''}")


@cuts_group.command("merge")
@click.argument("target", type=int)
@click.argument("others", type=int, nargs=-1, required=True)
@pass_context
def merge_command(obj: CliContext, target: int, others: tuple[int, ...]) -> None:
    """Merge the OTHERS cuts into cut TARGET (one cut the grouping took for several); retag keeps it."""
    if target in others:
        raise click.UsageError(f"cut {target} cannot be merged into itself")
    sources = merge_cuts(obj.db(), target, others)
    click.echo(f"cut {target}: merged {', '.join(map(str, others))}; {sources} sources")


@cuts_group.command("split")
@click.argument("cut_id", type=int)
@click.argument("article_id", type=int)
@pass_context
def split_command(obj: CliContext, cut_id: int, article_id: int) -> None:
    """Take story ARTICLE_ID out of cut CUT_ID into a cut of its own; retag keeps it."""
    new_cut = split_story(obj.db(), cut_id, article_id)
    click.echo(f"article {article_id}: now cut {new_cut}, apart from cut {cut_id}")
