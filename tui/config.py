"""feeds.toml: loaded with tomllib and validated into typed, frozen settings.

Every error names the file, the line (where it can be found) and the key, and suggests the
closest valid key, because a user editing TOML by hand mostly makes typos.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tui.errors import ConfigError
from tui.watch.settings import WatchConfig, validate_watch

DEFAULT_INTERVAL_MINUTES = 30
DEFAULT_CONCURRENCY = 64
DEFAULT_TIMEOUT_SECONDS = 20.0


@dataclass(frozen=True)
class FeedConfig:
    """One feed the user wants polled."""

    url: str
    name: str
    tags: tuple[str, ...] = ()
    enabled: bool = True
    interval_minutes: int | None = None
    """Overrides the global interval for this feed when set."""


@dataclass(frozen=True)
class Settings:
    """The ``[settings]`` table; every key is optional."""

    interval_minutes: int = DEFAULT_INTERVAL_MINUTES
    concurrency: int = DEFAULT_CONCURRENCY
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS


@dataclass(frozen=True)
class Config:
    """The whole feed list as the program uses it."""

    path: Path | None
    settings: Settings = field(default_factory=Settings)
    feeds: tuple[FeedConfig, ...] = ()
    keys: tuple[tuple[str, str], ...] = ()
    """User key remaps from ``[keys]``: (binding id, key) pairs."""
    watch: WatchConfig = field(default_factory=WatchConfig)
    """``[watch]``: the companies followed and the alert command."""

    @property
    def enabled_feeds(self) -> tuple[FeedConfig, ...]:
        """The feeds a poll should fetch; disabled ones stay in the file but are skipped."""
        return tuple(feed for feed in self.feeds if feed.enabled)

    @property
    def key_map(self) -> dict[str, str]:
        """``[keys]`` as a dict for ``App.set_keymap``; a fresh copy, so callers may change it."""
        return dict(self.keys)


SETTINGS_RANGES: dict[str, tuple[float, float]] = {
    "interval_minutes": (1, 7 * 24 * 60),
    "concurrency": (1, 64),
    "timeout_seconds": (1, 600),
}
"""Bounds that keep a typo (or nan, inf) from disabling timeouts or flooding servers."""

TOP_KEYS = {"settings": dict, "feeds": list, "keys": dict, "watch": dict}
SETTINGS_KEYS: dict[str, tuple[type, ...]] = {
    "interval_minutes": (int,),
    "concurrency": (int,),
    "timeout_seconds": (int, float),
}
FEED_KEYS: dict[str, tuple[type, ...]] = {
    "name": (str,),
    "url": (str,),
    "tags": (list,),
    "enabled": (bool,),
    "interval_minutes": (int,),
}
TYPE_NAMES = {int: "an integer", float: "a number", str: "a string", list: "a list", bool: "true or false",
              dict: "a table"}


_BAD_HOST_CHARS = re.compile(r"[\s<>\"{}|\\^`]")


def is_http_url(url: str) -> bool:
    """True for an absolute http(s) URL with a valid host and port: the only kind we fetch or open."""
    try:
        parts = urlsplit(url.strip())
        port_ok = parts.port is None or parts.port > 0  # .port raises ValueError past 65535
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme.lower() in ("http", "https") and bool(host) and port_ok \
        and not _BAD_HOST_CHARS.search(host)


def url_identity(url: str) -> str:
    """A URL folded for duplicate detection: scheme and host are case-insensitive."""
    parts = urlsplit(url.strip())
    netloc = parts.netloc.lower()
    path = parts.path or "/"
    return f"{parts.scheme.lower()}://{netloc}{path}" + (f"?{parts.query}" if parts.query else "")


def feed_name_from_url(url: str) -> str:
    """A readable default name when the user gave none: host (without ``www.``) and path.

    The path is kept because several feeds often come from one host (a site's sections).
    """
    parts = urlsplit(url)
    host = (parts.hostname or url).removeprefix("www.")
    path = parts.path.rstrip("/")
    name = f"{host}{path}" if path else host
    return name if len(name) <= 60 else name[:59] + "…"


class _Locator:
    """Finds the line of a key in the raw TOML text, for messages; tomllib gives no positions."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def _table_start(self, table: str, index: int | None) -> int:
        header = re.compile(rf"^\s*\[\[\s*{table}\s*\]\]" if index is not None else rf"^\s*\[\s*{table}\s*\]")
        seen = -1
        for number, line in enumerate(self.lines):
            if header.match(line):
                seen += 1
                if index is None or seen == index:
                    return number
        return -1

    def line_of(self, table: str | None, key: str | None, index: int | None = None) -> int | None:
        """1-based line of ``key`` in ``table`` (the ``index``-th ``[[table]]``), else the table's header
        line; None when not found."""
        start = self._table_start(table, index) if table else 0
        if start < 0:
            return None
        if key is None:
            return start + 1
        pattern = re.compile(rf"^\s*(\[\[?\s*)?[\"']?{re.escape(key)}[\"']?\s*(=|\]\]?)")
        for number in range(start + (1 if table else 0), len(self.lines)):
            line = self.lines[number]
            if table and number > start and re.match(r"^\s*\[", line):
                break
            if pattern.match(line):
                return number + 1
        return start + 1 if table else None


SYNONYMS = {"title": "name", "link": "url", "href": "url", "xmlurl": "url", "disabled": "enabled",
            "category": "tags", "categories": "tags", "interval": "interval_minutes", "timeout": "timeout_seconds",
            "feed": "feeds"}
"""Keys other readers use for the same thing: a better hint than spelling distance."""


def _suggest(key: str, valid: list[str] | set[str] | dict) -> str:
    """"did you mean 'name'? Valid keys: ...": the closest valid key by spelling, or through another
    reader's word for it, misspelt or not ("titel" is "title", which is our "name")."""
    words = {word: word for word in valid}
    words |= {other: ours for other, ours in SYNONYMS.items() if ours in valid and other not in words}
    close = difflib.get_close_matches(key.lower(), list(words), n=1, cutoff=0.5)
    hint = f"did you mean '{words[close[0]]}'?" if close else ""
    return f"{hint} Valid keys: {', '.join(sorted(valid))}.".strip()


class _Validator:
    """Turns the parsed TOML document into ``Config``, raising one clear ``ConfigError``."""

    def __init__(self, path: Path | None, text: str) -> None:
        self.path = path
        self.where_file = str(path) if path else "<feeds.toml>"
        self.locate = _Locator(text)

    def fail(self, message: str, table: str | None = None, key: str | None = None,
             index: int | None = None) -> ConfigError:
        """A ``ConfigError`` prefixed with ``file:line``; returned, not raised, so callers write
        ``raise self.fail(...)`` and type checkers see the exit."""
        line = self.locate.line_of(table, key, index)
        where = f"{self.where_file}:{line}" if line else self.where_file
        return ConfigError(f"{where}: {message}")

    def unknown_key(self, label: str, key: str, valid: dict[str, Any], table: str) -> ConfigError:
        """An unknown key in ``[table]``, with the closest valid one."""
        return self.fail(f"unknown key '{label}.{key}'; {_suggest(key, valid)}", table, key)

    def check_type(self, value: Any, types: tuple[type, ...], label: str, table: str | None, key: str,
                   index: int | None = None) -> None:
        """Refuse a value of the wrong type; a bool does not pass as a number (TOML ``true`` is not 1)."""
        ok = isinstance(value, types) and not (bool not in types and isinstance(value, bool))
        if not ok:
            raise self.fail(f"{label} must be {TYPE_NAMES[types[0]]}, not {value!r}", table, key, index)

    def config(self, doc: dict[str, Any]) -> Config:
        """The whole document: top-level tables first, so an unknown one is named before its contents are
        checked."""
        for key, value in doc.items():
            if key not in TOP_KEYS:
                raise self.fail(f"unknown table '{key}'; {_suggest(key, TOP_KEYS)}", None, key)
            if not isinstance(value, TOP_KEYS[key]):
                kind = "[[feeds]] entries" if key == "feeds" else f"a [{key}] table"
                raise self.fail(f"'{key}' must be {kind}", None, key)
        settings = self.settings(doc.get("settings", {}))
        feeds = tuple(self.feed(entry, index) for index, entry in enumerate(doc.get("feeds", [])))
        self.check_duplicates(feeds)
        keys = self.keys(doc.get("keys", {}))
        watch = validate_watch(doc.get("watch", {}), self)
        return Config(path=self.path, settings=settings, feeds=feeds, keys=keys, watch=watch)

    def settings(self, table: dict[str, Any]) -> Settings:
        """``[settings]``: known keys, right types, finite values within ``SETTINGS_RANGES``."""
        for key, value in table.items():
            if key not in SETTINGS_KEYS:
                raise self.fail(f"unknown key 'settings.{key}'; {_suggest(key, SETTINGS_KEYS)}", "settings", key)
            self.check_type(value, SETTINGS_KEYS[key], f"settings.{key}", "settings", key)
            low, high = SETTINGS_RANGES[key]
            if not (math.isfinite(value) and low <= value <= high):
                raise self.fail(f"settings.{key} must be between {low} and {high}, not {value!r}", "settings", key)
        return Settings(**{k: (float(v) if k == "timeout_seconds" else v) for k, v in table.items()})

    def feed(self, entry: Any, index: int) -> FeedConfig:
        """One ``[[feeds]]`` entry; ``index`` is its position, used to point at the right table in
        messages."""
        label = f"feeds[{index}]"
        if not isinstance(entry, dict):
            raise self.fail(f"{label} must be a [[feeds]] table", "feeds", None, index)
        for key, value in entry.items():
            if key not in FEED_KEYS:
                raise self.fail(f"unknown key '{key}' in {label}; {_suggest(key, FEED_KEYS)}", "feeds", key, index)
            self.check_type(value, FEED_KEYS[key], f"{label}.{key}", "feeds", key, index)
        if "url" not in entry:
            raise self.fail(f"{label} has no 'url'; every feed needs url = \"https://...\"", "feeds", None, index)
        url = entry["url"].strip()
        if not is_http_url(url):
            raise self.fail(f"{label}.url must be an http:// or https:// URL, not {url!r}", "feeds", "url", index)
        tags = entry.get("tags", [])
        if not all(isinstance(tag, str) for tag in tags):
            raise self.fail(f"{label}.tags must be a list of strings", "feeds", "tags", index)
        interval = entry.get("interval_minutes")
        low, high = SETTINGS_RANGES["interval_minutes"]
        if interval is not None and not low <= interval <= high:
            raise self.fail(f"{label}.interval_minutes must be between {low} and {high}, not {interval}",
                            "feeds", "interval_minutes", index)
        name = entry.get("name", "").strip() or feed_name_from_url(url)
        return FeedConfig(url=url, name=name, tags=tuple(tags), enabled=entry.get("enabled", True),
                          interval_minutes=interval)

    def check_duplicates(self, feeds: tuple[FeedConfig, ...]) -> None:
        """Two entries for one feed would poll it twice; compared by ``url_identity``, so the case of the
        scheme or host does not hide a duplicate."""
        seen: dict[str, int] = {}
        for index, feed in enumerate(feeds):
            identity = url_identity(feed.url)
            if identity in seen:
                raise self.fail(f"feeds[{index}].url {feed.url!r} duplicates feeds[{seen[identity]}]; "
                                "remove one of them", "feeds", "url", index)
            seen[identity] = index

    def keys(self, table: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        """``[keys]`` values must be non-empty strings; the ids are checked later by ``check_key_ids``, since
        only the app knows them."""
        for key, value in table.items():
            if not isinstance(value, str) or not value.strip():
                raise self.fail(f"keys.{key} must be a key name such as \"ctrl+r\" or \"j,down\"", "keys", key)
        return tuple((key, value) for key, value in table.items())


def parse_config(text: str, path: Path | None = None) -> Config:
    """Validate the text of a feeds.toml; ``path`` is only used in messages."""
    where = str(path) if path else "<feeds.toml>"
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{where}: not valid TOML: {error}") from None
    return _Validator(path, text).config(doc)


def load_config(path: Path) -> Config:
    """Read and validate feeds.toml at ``path``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file; create it or pass --config PATH") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 (byte {error.start}); save it as UTF-8") from None
    return parse_config(text, path)


def config_error(config: Config, message: str, table: str | None, key: str | None) -> ConfigError:
    """A ``ConfigError`` for a problem found after loading (``tui.keymap``), pointing at ``key``'s line in
    ``table`` of the file ``config`` came from, as every other feeds.toml message does."""
    text = config.path.read_text(encoding="utf-8") if config.path and config.path.exists() else ""
    return _Validator(config.path, text).fail(message, table, key)


def suggest_key(key: str, valid: Iterable[str]) -> str:
    """"did you mean 'quit'? Valid keys: ..." for a key that is none of ``valid``."""
    return _suggest(key, set(valid))
