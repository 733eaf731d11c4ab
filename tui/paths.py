"""Where the feed list and the database live by default (XDG, via platformdirs).

On first run without a user feed list, the bundled ``feeds.toml`` is copied to the user config dir,
so the user has a commented file to edit; the caller tells the user where it went.
"""

from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path

import platformdirs

from tui.errors import ConfigError

APP_NAME = "layoffs-tui"
CONFIG_ENV = "LAYOFFS_TUI_CONFIG"
DB_ENV = "LAYOFFS_TUI_DB"


def default_config_path() -> Path:
    """The user's feed list: ``$XDG_CONFIG_HOME/layoffs-tui/feeds.toml``."""
    return Path(platformdirs.user_config_dir(APP_NAME)) / "feeds.toml"


def default_cache_dir() -> Path:
    """Derived data that can always be rebuilt: ``$XDG_CACHE_HOME/layoffs-tui``."""
    return Path(platformdirs.user_cache_dir(APP_NAME))


def default_db_path() -> Path:
    """The database: ``$XDG_DATA_HOME/layoffs-tui/layoffs.db``."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "layoffs.db"


def bundled_feeds_text() -> str:
    """The feed list shipped inside the package."""
    return resources.files("tui").joinpath("feeds.toml").read_text(encoding="utf-8")


def ensure_user_config(path: Path) -> bool:
    """Create ``path`` from the bundled feed list when it does not exist; True when created."""
    if path.exists():
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with resources.as_file(resources.files("tui").joinpath("feeds.toml")) as bundled:
            tmp = path.with_name(path.name + ".tmp")
            shutil.copyfile(bundled, tmp)
            os.replace(tmp, path)
    except OSError as error:
        raise ConfigError(f"{path}: cannot create your feed list ({error.strerror or error}); "
                          "pass one with --config PATH") from None
    return True
