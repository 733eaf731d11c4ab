"""``layoffs-tui`` (no command) and ``layoffs-tui demo``: open the app.

Textual is imported only here, when the app is really opened, so the other commands start fast and
the domain modules never pull it in.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import click

from tui.cli.context import CliContext
from tui.config import Config
from tui.timeutil import utcnow


def run_app(ctx: CliContext) -> None:
    """Open the app on the user's database with their feed list; it polls in the background."""
    config = ctx.config()
    from tui.keymap import check_key_clashes, check_key_ids
    from tui.ui.keys import binding_ids, binding_scopes

    check_key_ids(config, binding_ids())
    check_key_clashes(config, binding_scopes())
    db_path = ctx.resolved_db_path
    ctx.db().conn.close()  # creates and migrates the database now, so its errors are ours, not the app's
    from tui.ui import make_app

    make_app(config, db_path, created_config=ctx.created_config).run()


def demo_config() -> Config:
    """The demo's feed list: the sample feeds, read-only (the demo never polls)."""
    try:
        from tui.demo import demo_config as bundled  # type: ignore[attr-defined]
    except ImportError:
        return Config(path=None)
    return bundled()


@click.command("demo")
@click.option(
    "--keep",
    "keep",
    type=click.Path(file_okay=False, path_type=Path),
    help="Build the demo database in this folder and keep it (default: a temporary folder).",
)
def demo_command(keep: Path | None) -> None:
    """Open the app on a database built from sample feeds shipped in the package; no network needed."""
    from tui.demo import build_demo_db

    now: datetime = utcnow()
    with tempfile.TemporaryDirectory(prefix="layoffs-tui-demo-") as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db_path = folder / "demo.db"
        if db_path.exists():
            db_path.unlink()
        build_demo_db(db_path, now)
        from tui.ui import make_app

        make_app(demo_config(), db_path, now=now, poll_on_start=False, allow_poll=False, title="demo").run()
