"""Placeholder until the extractor lands (owned by the extractor work)."""
import click


@click.command("extract")
def extract_command() -> None:
    """Run the extractor."""
    raise click.ClickException("not built yet")
