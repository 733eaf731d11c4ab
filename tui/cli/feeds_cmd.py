"""Placeholder until feed-list editing lands (owned by the export work)."""
import click


@click.group("feeds")
def feeds_group() -> None:
    """Edit the feed list."""
