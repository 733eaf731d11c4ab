"""Editing the ``[watch]`` table of the user's feeds.toml: add and remove a watched company.

Like the feed edits (``tui.feedlist``), the file is edited with tomlkit, so comments, order and
formatting elsewhere stay byte for byte, and the result is validated before it atomically replaces
the file. The names are kept as the user typed them; ``tui.watch.names`` resolves them when used.
"""

from __future__ import annotations

from pathlib import Path

import tomlkit
from tomlkit.items import Table

from tui.config import Config
from tui.errors import FeedListError
from tui.feedlist import _load, _save
from tui.watch.names import near_miss, same_company

__all__ = ["add_watched", "remove_watched", "toggle_watched"]


def _watch_table(doc: tomlkit.TOMLDocument) -> Table:
    """The ``[watch]`` table, appended at the end of the file when there is none."""
    table = doc.get("watch")
    if table is None:
        table = tomlkit.table()
        doc.append("watch", table)
    return table


def add_watched(path: Path, name: str) -> tuple[str, bool]:
    """Watch ``name``; returns (the entry that watches it, whether the file changed).

    An entry for the same company ("Google" when "Alphabet" is watched, or the same name in another
    case) leaves the file as it is. The file is created when it does not exist.
    """
    path = Path(path)
    name = " ".join(name.split())
    if not name:
        raise FeedListError("give a company name to watch, such as `layoffs-tui watch add Intel`")
    _text, config, doc = _load(path, missing_ok=True)
    for entry in config.watch.companies:
        if same_company(entry, name):
            return entry, False
    table = _watch_table(doc)
    if "companies" in table:
        table["companies"].append(name)
    else:
        table.add("companies", [name])
    _save(path, doc.as_string())
    return name, True


def remove_watched(path: Path, name: str) -> tuple[str, Config]:
    """Stop watching ``name`` (as written, ignoring case, or another name of the same company); returns
    the entry removed and the config as it now is. ``FeedListError`` naming what is watched otherwise."""
    path = Path(path)
    _text, config, doc = _load(path)
    watched = config.watch.companies
    matches = [
        index for index, entry in enumerate(watched) if entry.casefold() == name.strip().casefold()
    ] or [index for index, entry in enumerate(watched) if same_company(entry, name)]
    if not matches:
        if not watched:
            raise FeedListError(f"{path}: {name.strip()!r} is not watched; nothing is watched yet")
        close = near_miss(name, watched)
        hint = f"did you mean {close!r}? " if close else ""
        raise FeedListError(f"{path}: {name.strip()!r} is not watched; {hint}watched: {', '.join(watched)}")
    del doc["watch"]["companies"][matches[0]]
    return watched[matches[0]], _save(path, doc.as_string())


def toggle_watched(path: Path, name: str) -> tuple[bool, str]:
    """Watch ``name``, or stop watching it when an entry already covers the same company (the app's
    watch key); returns (watched now, the entry added or removed)."""
    _text, config, _doc = _load(Path(path), missing_ok=True)
    if any(same_company(entry, name) for entry in config.watch.companies):
        entry, _config = remove_watched(path, name)
        return False, entry
    entry, _changed = add_watched(path, name)
    return True, entry
