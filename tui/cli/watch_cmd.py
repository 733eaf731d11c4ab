"""``layoffs-tui watch``: the companies whose cuts a poll alerts on, kept in feeds.toml's ``[watch]``.

The edits are ``tui.feedlist.watchlist``; names resolve through ``tui.watch.names``. A name that matches
nothing known or stored is still accepted (its first cut may not be in yet), with a note and the
closest name when there is one; removing a name that is not watched is an error (exit 2).
"""

from __future__ import annotations

import click

from tui.cli.context import CliContext, pass_context
from tui.cli.feeds_cmd import editable_config_path
from tui.feedlist.watchlist import add_watched, remove_watched
from tui.store.watch import cut_companies
from tui.watch.names import WatchedCompany, known_company_names, near_miss, resolve


def _stored(obj: CliContext) -> list[tuple[str, str | None, int]]:
    """Companies with stored cuts; none when there is no database yet (never created just to look)."""
    if not obj.resolved_db_path.exists():
        return []
    db = obj.db()
    try:
        return cut_companies(db)
    finally:
        db.close()


def _cuts_of(company: WatchedCompany, stored: list[tuple[str, str | None, int]]) -> int:
    return sum(count for name, parent, count in stored if company.covers(name, parent))


def _coverage(company: WatchedCompany, stored: list[tuple[str, str | None, int]]) -> str:
    """ "Google (also Alphabet); units: ... · 3 cuts stored", or "matches nothing stored yet"."""
    cuts = _cuts_of(company, stored)
    # A name the company data does not know is shown as the store spells it ("dunlow foods" finds "Dunlow Foods").
    described = (
        company.describe()
        if company.known
        else ", ".join(dict.fromkeys(name for name, parent, _ in stored if company.covers(name, parent)))
    )
    if cuts:
        return f"{described} · {cuts} {'cut' if cuts == 1 else 'cuts'} stored"
    if company.known:
        return f"{described} · no cuts stored yet"
    return "matches nothing stored yet"


@click.group("watch")
def watch_group() -> None:
    """Companies you follow: a poll alerts when one of them cuts jobs.

    \b
    Examples:
      layoffs-tui watch add Intel
      layoffs-tui watch add Alphabet     (watches Google and its units)
      layoffs-tui watch list
      layoffs-tui watch remove Intel
      layoffs-tui poll --alerts          (only the alerts: for cron)
    """


@watch_group.command("add")
@click.argument("name")
@pass_context
def add_command(obj: CliContext, name: str) -> None:
    """Watch the company NAME (any of its names; a parent includes its units)."""
    path = editable_config_path(obj)
    entry, changed = add_watched(path, name)
    company = resolve(entry)
    stored = _stored(obj)
    if not changed:
        click.echo(f"Already watching {entry!r}: {_coverage(company, stored)}")
        return
    click.echo(f"Watching {entry!r} in {path}: {_coverage(company, stored)}")
    if not company.known and not _cuts_of(company, stored):
        names = [*{name for row in stored for name in row[:2] if name}, *known_company_names()]
        close = near_miss(entry, names)
        hint = (
            f"; did you mean {close!r}? (`layoffs-tui watch remove {entry!r}` undoes this)" if close else ""
        )
        click.echo(f"note: {entry!r} matches no company stored yet or known{hint}", err=True)


@watch_group.command("remove")
@click.argument("name")
@pass_context
def remove_command(obj: CliContext, name: str) -> None:
    """Stop watching NAME (as listed, or another name of the same company)."""
    path = editable_config_path(obj)
    entry, _config = remove_watched(path, name)
    click.echo(f"No longer watching {entry!r} in {path}")


@watch_group.command("list")
@pass_context
def list_command(obj: CliContext) -> None:
    """Each watched name, what it covers, and how many of its cuts are stored."""
    config = obj.config()
    if not config.watch.companies:
        click.echo(
            f"Nothing watched in {obj.resolved_config_path}; add a company with `layoffs-tui watch add NAME`."
        )
        return
    stored = _stored(obj)
    for entry in config.watch.companies:
        click.echo(f"{entry}: {_coverage(resolve(entry), stored)}")
    count = len(config.watch.companies)
    click.echo(f"{count} {'company' if count == 1 else 'companies'} watched in {obj.resolved_config_path}")
