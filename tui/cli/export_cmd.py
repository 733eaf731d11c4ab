"""Placeholder until export lands (owned by the export work)."""
import click


@click.command("export")
def export_command() -> None:
    """Export tagged stories."""
    raise click.ClickException("not built yet")
