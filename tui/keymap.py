"""The ``[keys]`` table of feeds.toml checked against the app's bindings.

Only the app knows its binding ids and default keys (``tui.ui.keys``); it hands them to these checks,
which stay free of Textual so the command line can refuse a bad table before the screen opens.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tui.config import Config, config_error, suggest_key
from tui.errors import ConfigError


def check_key_ids(config: Config, valid: set[str]) -> None:
    """Refuse a ``[keys]`` entry that names no binding (a typo would silently remap nothing).

    The ids belong to the app, so the app's command calls this with its own list.
    """
    for key, _ in config.keys:
        if key not in valid:
            raise config_error(config, f"unknown binding id 'keys.{key}'; {suggest_key(key, valid)}", "keys", key)


KEY_SPELLINGS = {"?": "question_mark", "/": "slash", " ": "space", "esc": "escape", "return": "enter"}
"""Characters and short names as the terminal reports the key, so "?" and "question_mark" compare equal."""


def _key_names(keys: str) -> list[str]:
    return [KEY_SPELLINGS.get(key.strip(), key.strip()) for key in keys.split(",") if key.strip()]


def check_key_clashes(config: Config, scopes: Iterable[Mapping[str, str]]) -> None:
    """Refuse ``[keys]`` that give one key to two actions working together: one would lose it silently.

    ``scopes`` holds, for each screen, its binding ids and their default keys (the app knows them);
    a remapped id takes the user's keys there. The message names both ids.
    """
    user = dict(config.keys)
    order = {binding_id: number for number, (binding_id, _) in enumerate(config.keys)}
    for scope in scopes:
        owners: dict[str, str] = {}
        for binding_id in sorted(scope, key=lambda i: (i not in user, order.get(i, 0))):
            for key in _key_names(user.get(binding_id, scope[binding_id])):
                other = owners.setdefault(key, binding_id)
                if other != binding_id:
                    raise _clash(config, user, order, key, other, binding_id)


def _clash(config: Config, user: dict[str, str], order: dict[str, int], key: str, first: str,
           second: str) -> ConfigError:
    if first in user and second in user:
        later = max(first, second, key=lambda i: order[i])
        one, two = sorted((first, second))
        return config_error(config, f"keys.{one} and keys.{two} both use the key '{key}'; give one of them "
                            "another key", "keys", later)
    mine, theirs = (first, second) if first in user else (second, first)
    return config_error(config, f"keys.{mine} = '{user[mine]}' is already the key of {theirs}; give {mine} another key, "
                          f"or remap {theirs} too", "keys", mine)
