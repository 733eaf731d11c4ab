"""What every command needs: where the feed list and the database are, loaded on demand."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import click
import sqlite_utils

from tui.config import Config, load_config
from tui.errors import StoreError
from tui.paths import default_config_path, default_db_path, ensure_user_config
from tui.store import open_db
from tui.store.db import schema_behind


@dataclass
class CliContext:
    """Global options, resolved; stored as the click context's ``obj``."""

    config_path: Path | None = None
    """None: the XDG default, created from the bundled list on first use."""
    db_path: Path | None = None
    created_config: Path | None = None
    """The feed list this run created from the bundled one (the first run), so the app can say where."""
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
                self.created_config = path
                click.echo(f"Created your feed list at {path} from the bundled one; edit it to add feeds.",
                           err=True)
            self._config = load_config(path)
        return self._config

    def db(self) -> sqlite_utils.Database:
        """A new connection for this thread; the database is created when it does not exist (poll, app),
        and upgraded to this version's schema (said on stderr first, as it can take a while)."""
        if schema_behind(self.resolved_db_path):
            click.echo(f"Upgrading the database at {self.resolved_db_path} to this version (a minute or two "
                       "for a million stories)…", err=True)
        return open_db(self.resolved_db_path)

    def stored_db(self) -> sqlite_utils.Database:
        """A connection to a database that must exist already: commands that read or correct what is
        stored (export, tag, retag) never create an empty one, which would pass a typo in ``--db`` as
        "nothing stored"."""
        self.require_db()
        return self.db()

    def require_db(self) -> None:
        """``StoreError`` (exit 2) when there is no database at the path, saying which and what to do."""
        path = self.resolved_db_path
        if path.is_file():
            return
        if path.exists():
            raise StoreError(f"{path}: not a database file (a folder?); pass the database file with --db PATH")
        if self.db_path is not None:
            raise StoreError(f"{path}: no database here; check --db (or LAYOFFS_TUI_DB), or create one with "
                             f"`layoffs-tui --db {path} poll`")
        raise StoreError(f"nothing is stored yet: no database at {path}; run `layoffs-tui poll` first "
                         "(or `layoffs-tui demo` to look around)")


pass_context = click.make_pass_decorator(CliContext)
