"""``layoffs-tui tag`` (manual corrections) and ``layoffs-tui retag`` (re-run the extractor)."""

from __future__ import annotations

import click

from tui.cli.context import CliContext, pass_context
from tui.cli.progress import progress_bar
from tui.store.corrections import (
    MAX_HEADCOUNT,
    add_manual_event,
    remove_company,
    retag_all,
    set_not_layoff,
    story_companies,
)
from tui.store.tags import default_tagger, extractor_version


def _canonical(name: str) -> tuple[str, str | None]:
    """The extractor's canonical name and parent for what the user typed ("Alphabet" -> "Google")."""
    from tui.extract import canonical_company

    return canonical_company(name)


@click.command("tag")
@click.argument("article_id", type=int)
@click.option("--add", "add", metavar="COMPANY", help="Tag the story with a company that cuts jobs.")
@click.option("--headcount", type=click.IntRange(min=0, max=MAX_HEADCOUNT), help="With --add: how many jobs.")
@click.option("--percent", type=click.FloatRange(min=0, max=100, min_open=True),
              help="With --add: the share of the workforce, in percent.")
@click.option("--remove", "remove", metavar="COMPANY", help="Remove a company's event from the story.")
@click.option("--not-layoff", is_flag=True, help="Mark the story as not a layoff story.")
@click.option("--auto", "auto", is_flag=True, help="Undo --not-layoff: let the extractor decide again.")
@pass_context
def tag_command(ctx: CliContext, article_id: int, add: str | None, headcount: int | None,
                percent: float | None, remove: str | None, not_layoff: bool, auto: bool) -> None:
    """Correct the tags of one article by hand; `retag` keeps these corrections.

    \b
    Examples:
      layoffs-tui tag 42 --add Alphabet --headcount 1000   (stored as Google)
      layoffs-tui tag 42 --remove Reuters
      layoffs-tui tag 42 --not-layoff
    """
    chosen = [flag for flag, value in (("--add", add), ("--remove", remove), ("--not-layoff", not_layoff),
                                       ("--auto", auto)) if value]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of --add, --remove, --not-layoff, --auto")
    if (headcount is not None or percent is not None) and not add:
        raise click.UsageError("--headcount and --percent go with --add")
    db = ctx.stored_db()
    if add:
        company, parent = _canonical(add)
        add_manual_event(db, article_id, company, headcount=headcount, percent=percent, parent=parent)
        click.echo(f"article {article_id}: tagged {company}" + (f" ({headcount:,})" if headcount else ""))
    elif remove:
        company, _ = _canonical(remove)
        removed = remove_company(db, article_id, remove, company)
        click.echo(f"article {article_id}: removed {', '.join(removed)}; retag will not add it back")
    elif not_layoff:
        set_not_layoff(db, article_id, True)
        click.echo(f"article {article_id}: marked not a layoff story")
    else:
        set_not_layoff(db, article_id, False)
        found = story_companies(db, article_id)
        click.echo(f"article {article_id}: the extractor decides again: "
                   + (f"a layoff story ({', '.join(found)})" if found else "no companies found"))


@click.command("retag")
@pass_context
def retag_command(ctx: CliContext) -> None:
    """Run the current extractor over every stored article; manual corrections survive.

    On a terminal a progress bar shows on stderr; piped, only the summary line is printed.
    """
    db = ctx.stored_db()
    with progress_bar("Retagging (then grouping cuts)") as progress:
        counts = retag_all(db, default_tagger(), extractor_version(), progress=progress)
    click.echo(f"retagged {counts.articles} articles: {counts.layoffs} layoff stories, {counts.events} events, "
               f"{counts.cuts} cuts")
    if counts.failed:
        shown = ", ".join(str(i) for i in counts.failed[:20]) + (" …" if len(counts.failed) > 20 else "")
        click.echo(f"the extractor failed on {len(counts.failed)} article(s), which keep their old tags: {shown}",
                   err=True)
        raise SystemExit(1)
