"""Placeholder until tagging commands land."""
import click


@click.command("retag")
def retag_command() -> None:
    """Re-run the extractor."""
    raise click.ClickException("not built yet")


@click.command("tag")
def tag_command() -> None:
    """Correct tags."""
    raise click.ClickException("not built yet")
