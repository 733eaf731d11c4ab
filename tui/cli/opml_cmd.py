"""Placeholder until OPML lands (owned by the export work)."""
import click


@click.group("opml")
def opml_group() -> None:
    """OPML import and export."""
