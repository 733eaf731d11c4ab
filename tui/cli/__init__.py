"""The ``layoffs-tui`` command line: one click group, thin commands over the domain modules.

Errors a user can cause (``LayoffsError``) print one line on stderr and exit 2; tracebacks are for bugs.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from pathlib import Path

import click

from tui import __version__
from tui.cli.context import CliContext
from tui.errors import LayoffsError
from tui.store.db import store_error

COMMANDS = {
    "poll": ("tui.cli.poll_cmd", "poll_command"),
    "feeds": ("tui.cli.feeds_cmd", "feeds_group"),
    "opml": ("tui.cli.opml_cmd", "opml_group"),
    "export": ("tui.cli.export_cmd", "export_command"),
    "extract": ("tui.cli.extract_cmd", "extract_command"),
    "retag": ("tui.cli.tag_cmd", "retag_command"),
    "tag": ("tui.cli.tag_cmd", "tag_command"),
    "cuts": ("tui.cli.cuts_cmd", "cuts_group"),
    "watch": ("tui.cli.watch_cmd", "watch_group"),
    "demo": ("tui.cli.app_cmd", "demo_command"),
}
"""Each command lives in its own module, imported only when that command runs (or help lists it):
a cron poll does not pay for the export, cuts and feed-editing code (issue 14)."""


class LayoffsGroup(click.Group):
    """Turns our own errors into a clear message and exit status instead of a traceback; loads each
    command on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            import importlib

            module, attribute = COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        """Turn a ``LayoffsError`` (or SQLite's word for a full disk, a held lock) into one line on stderr
        and its exit code, and a closed pipe (``| head``) into a quiet exit, instead of a traceback."""
        try:
            return super().invoke(ctx)
        except LayoffsError as error:
            click.echo(f"layoffs-tui: {error}", err=True)
            ctx.exit(error.exit_code)
        except sqlite3.Error as error:  # a full disk or a held lock half-way through a command
            problem = store_error(ctx.obj.resolved_db_path if ctx.obj else "the database", error)
            if problem is None:
                raise
            click.echo(f"layoffs-tui: {problem}", err=True)
            ctx.exit(problem.exit_code)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)


@click.group(cls=LayoffsGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              envvar="LAYOFFS_TUI_CONFIG", help="Feed list (feeds.toml). Env: LAYOFFS_TUI_CONFIG.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              envvar="LAYOFFS_TUI_DB", help="SQLite database. Env: LAYOFFS_TUI_DB.")
@click.version_option(__version__, prog_name="layoffs-tui")
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None, db_path: Path | None) -> None:
    """A terminal news reader that tracks layoffs.

    Without a command, opens the app on the database and polls in the background.
    """
    ctx.obj = CliContext(config_path=config_path, db_path=db_path)
    if ctx.invoked_subcommand is None:
        from tui.cli.app_cmd import run_app

        run_app(ctx.obj)




class _NoTracebacks(logging.Formatter):
    """Warnings from the domain (a feed that failed oddly) as one line each; tracebacks only with
    LAYOFFS_TUI_DEBUG=1, since a server's or a user's fault must never print one."""

    def format(self, record: logging.LogRecord) -> str:
        """One line per record; the exception's type and message stand in for the traceback."""
        line = f"layoffs-tui: {record.getMessage()}"
        if record.exc_info and os.environ.get("LAYOFFS_TUI_DEBUG"):
            line += "\n" + self.formatException(record.exc_info)
        elif record.exc_info and record.exc_info[1] is not None:
            line += f" ({type(record.exc_info[1]).__name__}: {record.exc_info[1]})"
        return line


class _CurrentStderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time: inside the app, Textual's capture, so a
    warning never scribbles over the screen."""

    @property  # type: ignore[override]
    def stream(self):
        """Looked up on every write, so a later swap of ``sys.stderr`` is followed."""
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


def configure_logging() -> None:
    """Domain warnings go to stderr as one line each."""
    handler = _CurrentStderr()
    handler.setFormatter(_NoTracebacks())
    root = logging.getLogger("tui")
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if os.environ.get("LAYOFFS_TUI_DEBUG") else logging.WARNING)
    root.propagate = False


def main() -> None:
    """Console-script entry point."""
    configure_logging()
    cli(prog_name="layoffs-tui")
