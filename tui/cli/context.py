"""What every command needs: where the feed list and the database are, loaded on demand."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import click
import sqlite_utils

from tui.config import Config, load_config
from tui.paths import default_config_path, default_db_path, ensure_user_config
from tui.store import open_db


@dataclass
class CliContext:
    """Global options, resolved; stored as the click context's ``obj``."""

    config_path: Path | None = None
    """None: the XDG default, created from the bundled list on first use."""
    db_path: Path | None = None
    _config: Config | None = field(default=None, repr=False)

    @property
    def resolved_config_path(self) -> Path:
        """``--config`` if given, else the per-user default path."""
        return self.config_path or default_config_path()

    @property
    def resolved_db_path(self) -> Path:
        """``--db`` if given, else the per-user default path."""
        return self.db_path or default_db_path()

    def config(self) -> Config:
        """The validated feed list; on first run the bundled one is copied and the user told where."""
        if self._config is None:
            path = self.resolved_config_path
            if self.config_path is None and ensure_user_config(path):
                click.echo(f"Created your feed list at {path} from the bundled one; edit it to add feeds.",
                           err=True)
            self._config = load_config(path)
        return self._config

    def db(self) -> sqlite_utils.Database:
        """A new connection for this thread."""
        return open_db(self.resolved_db_path)


pass_context = click.make_pass_decorator(CliContext)
