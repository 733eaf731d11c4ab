"""Placeholder until the app lands (owned by the app work)."""
import click


def run_app(context) -> None:
    raise click.ClickException("not built yet")


@click.command("demo")
def demo_command() -> None:
    """Open the app on demo data."""
    raise click.ClickException("not built yet")
