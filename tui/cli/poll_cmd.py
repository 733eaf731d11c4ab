"""Placeholder until the poller lands (owned by the polling work)."""
import click


@click.command("poll")
def poll_command() -> None:
    """Poll every enabled feed once."""
    raise click.ClickException("not built yet")
