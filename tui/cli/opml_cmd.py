"""``layoffs-tui opml export / import``: move the feed list to and from other feed readers."""

from __future__ import annotations

from pathlib import Path

import click

from tui.atomic import atomic_write_text, describe_write_error
from tui.cli.context import CliContext, pass_context
from tui.cli.feeds_cmd import editable_config_path
from tui.errors import ExportError
from tui.opml import export_opml, import_opml
from tui.wording import plural


@click.group("opml")
def opml_group() -> None:
    """OPML 2.0 import and export of the feed list; tags travel as the category attribute."""


@opml_group.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write to FILE (atomically) instead of stdout.")
@pass_context
def export_command(obj: CliContext, output: Path | None) -> None:
    """Write the feed list as OPML 2.0, for another feed reader to import."""
    text = export_opml(obj.config())
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        atomic_write_text(output.expanduser(), text)
    except OSError as error:
        raise ExportError(describe_write_error(output, error)) from None
    click.echo(f"Wrote {plural(len(obj.config().feeds), 'feed')} to {output}", err=True)


@opml_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_context
def import_command(obj: CliContext, file: Path) -> None:
    """Add the feeds listed in an OPML FILE (OPML 1.0 or 2.0, from any reader) to the feed list.

    Feeds already listed are skipped; folders of nested outlines become tags. A malformed FILE
    changes nothing.
    """
    path = editable_config_path(obj)
    result = import_opml(path, file.read_bytes(), source=str(file))
    for feed in result.added:
        click.echo(f"  added    {feed.name} ({feed.url})")
    for new in result.skipped_duplicates:
        click.echo(f"  skipped  {new.name or new.url} ({new.url}): already in the feed list")
    for url in result.skipped_invalid:
        click.echo(f"  skipped  {url}: not an http(s) feed address")
    click.echo(f"Added {plural(len(result.added), 'feed')} to {path}; skipped {len(result.skipped_duplicates)} "
               "already listed" + (f" and {len(result.skipped_invalid)} invalid." if result.skipped_invalid else "."))
