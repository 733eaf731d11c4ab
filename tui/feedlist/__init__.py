"""Editing the user's feeds.toml in place: add, remove, enable and disable a feed.

The feed list is the user's own file, full of their comments and their order, so it is never
re-written from parsed data: tomlkit (which keeps every byte it does not change) edits it, and every
byte outside the changed entry stays as it was. Each edit is checked by parsing the result with
``tui.config.parse_config`` before the file is replaced atomically, so a refused or failed edit
leaves the file untouched. The command line (``layoffs-tui feeds``), OPML import and the app's
feeds screen all go through these functions.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import tomlkit
from tomlkit import TOMLDocument
from tomlkit.items import AoT, Table

from tui.atomic import atomic_write_text, describe_write_error
from tui.config import Config, FeedConfig, feed_name_from_url, is_http_url, parse_config, url_identity
from tui.errors import ConfigError, FeedListError
from tui.feedlist import tomledit

__all__ = ["NewFeed", "add_feed", "add_feeds", "find_feed", "remove_feed", "set_enabled"]


@dataclass(frozen=True)
class NewFeed:
    """A feed to add; ``name`` None means "derive it from the URL's host"."""

    url: str
    name: str | None = None
    tags: tuple[str, ...] = ()


def _read(path: Path, *, missing_ok: bool = False) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        if missing_ok:
            return ""
        raise FeedListError(f"{path}: no such file; create it with `layoffs-tui feeds add URL`") from None
    except UnicodeDecodeError as error:
        raise FeedListError(f"{path}: not UTF-8 (byte {error.start}); save it as UTF-8") from None
    except OSError as error:
        raise FeedListError(f"{path}: cannot read: {error.strerror}") from None


def _load(path: Path, *, missing_ok: bool = False) -> tuple[str, Config, TOMLDocument]:
    """The text, its validated config, and the tomlkit document, which must round-trip exactly."""
    text = _read(path, missing_ok=missing_ok)
    config = parse_config(text, path)  # an invalid file is reported (with its line) and not edited
    doc = tomlkit.parse(text)
    if doc.as_string() != text:  # pragma: no cover - tomlkit guarantees this; refuse rather than reformat
        raise FeedListError(f"{path}: cannot be edited without reformatting it; edit it by hand")
    return text, config, doc


def _entries(path: Path, config: Config, doc: TOMLDocument) -> AoT | None:
    """The ``[[feeds]]`` array, lined up one to one with ``config.feeds``."""
    feeds = doc.get("feeds")
    if feeds is None:
        return None
    if not isinstance(feeds, AoT) or len(feeds) != len(config.feeds):
        raise FeedListError(f"{path}: the feeds are not written as [[feeds]] tables in one run; "
                            "edit this file by hand")
    return feeds


def find_feed(config: Config, name_or_url: str) -> int:
    """The index of the feed named ``name_or_url`` (exact, then ignoring case) or with that URL."""
    wanted = name_or_url.strip()
    if is_http_url(wanted):
        identity = url_identity(wanted)
        matches = [i for i, feed in enumerate(config.feeds) if url_identity(feed.url) == identity]
    else:
        matches = [i for i, feed in enumerate(config.feeds) if feed.name == wanted] or [
            i for i, feed in enumerate(config.feeds) if feed.name.casefold() == wanted.casefold()]
    where = config.path or "the feed list"
    if len(matches) > 1:
        urls = ", ".join(config.feeds[i].url for i in matches)
        raise FeedListError(f"{where}: {len(matches)} feeds are named {wanted!r} ({urls}); give the URL instead")
    if not matches:
        close = difflib.get_close_matches(wanted, [feed.name for feed in config.feeds], n=1, cutoff=0.5)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise FeedListError(f"{where}: no feed named or at {wanted!r}; {hint}"
                            "`layoffs-tui feeds list` shows them all")
    return matches[0]


def _save(path: Path, text: str) -> Config:
    """Validate the new text as a feed list, then replace the file atomically."""
    try:
        config = parse_config(text, path)
    except ConfigError as error:  # pragma: no cover - a bug in the edit; the file stays untouched
        raise FeedListError(f"the edit was refused, nothing was changed: {error}") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
    except OSError as error:
        raise FeedListError(describe_write_error(path, error)) from None
    return config


def _clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tag.strip() for tag in tags if tag.strip()))


def _check_new(path: Path, feed: NewFeed, taken: dict[str, FeedConfig], names: set[str]) -> None:
    url = feed.url.strip()
    if not is_http_url(url):
        raise FeedListError(f"{url!r} is not a feed address: it must start with http:// or https:// "
                            "and name a host")
    if (existing := taken.get(url_identity(url))) is not None:
        raise FeedListError(f"{path}: {url} is already in the feed list as {existing.name!r}")
    name = (feed.name or "").strip() or feed_name_from_url(url)
    if name.casefold() in names:
        raise FeedListError(f"{path}: a feed named {name!r} already exists; choose another with --name")


def add_feeds(path: Path, feeds: Sequence[NewFeed], *, skip_duplicates: bool = False
              ) -> tuple[list[FeedConfig], list[NewFeed]]:
    """Append feeds in one atomic write; returns (added, skipped duplicates).

    A bad URL is always refused (``FeedListError``, nothing written). A URL already listed is
    refused too, unless ``skip_duplicates`` (OPML import), when it is skipped and returned.
    A name already taken is refused; with ``skip_duplicates`` it gets " (2)", " (3)"… instead.
    The file is created when it does not exist.
    """
    path = Path(path)
    _text, config, doc = _load(path, missing_ok=True)
    aot = _entries(path, config, doc)
    taken = {url_identity(feed.url): feed for feed in config.feeds}
    names = {feed.name.casefold() for feed in config.feeds}
    added: list[NewFeed] = []
    skipped: list[NewFeed] = []
    for feed in feeds:
        url, name = feed.url.strip(), (feed.name or "").strip() or feed_name_from_url(feed.url.strip())
        if skip_duplicates and is_http_url(url):
            if url_identity(url) in taken:
                skipped.append(feed)
                continue
            base, number = name, 2
            while name.casefold() in names:
                name, number = f"{base} ({number})", number + 1
        feed = NewFeed(url=url, name=name, tags=_clean_tags(feed.tags))
        _check_new(path, feed, taken, names)
        taken[url_identity(url)] = FeedConfig(url=url, name=name)
        names.add(name.casefold())
        added.append(feed)
    if not added:
        return [], skipped
    if aot is None:
        aot = tomlkit.aot()
        doc.append("feeds", aot)
    for feed in added:
        table = tomlkit.table()
        table.add("name", feed.name)
        table.add("url", feed.url)
        if feed.tags:
            table.add("tags", list(feed.tags))
        aot.append(table)
        tomledit.separate(doc, aot[-1])
    new_config = _save(path, doc.as_string())
    return list(new_config.feeds[len(config.feeds):]), skipped


def add_feed(path: Path, url: str, name: str | None = None, tags: Sequence[str] = ()) -> FeedConfig:
    """Append one feed to the feed list at ``path`` and return it as the program will read it.

    ``FeedListError`` (nothing written) when the URL is not http(s), is already listed (compared
    with ``url_identity``), or the name is taken. Comments and order elsewhere stay byte for byte.
    """
    added, _skipped = add_feeds(path, [NewFeed(url=url, name=name, tags=tuple(tags))])
    return added[0]


def remove_feed(path: Path, name_or_url: str) -> FeedConfig:
    """Delete the feed named ``name_or_url`` (or with that URL); returns what was removed.

    Only the entry's header and keys (and the blank lines right after them) go; every comment
    stays. ``FeedListError`` when no feed matches or a name matches several.
    """
    path = Path(path)
    _text, config, doc = _load(path)
    index = find_feed(config, name_or_url)
    aot = _entries(path, config, doc)
    assert aot is not None  # find_feed found a feed, so there are entries
    _save(path, tomledit.cut_entry(doc, aot[index]))
    return config.feeds[index]


def set_enabled(path: Path, name_or_url: str, enabled: bool) -> FeedConfig:
    """Enable or disable a feed; returns it as it now is. The file is not written when nothing changes.

    An existing ``enabled`` key keeps its place and comment; a missing one is added as the entry's
    last key only when disabling (enabled is the default).
    """
    path = Path(path)
    _text, config, doc = _load(path)
    index = find_feed(config, name_or_url)
    if config.feeds[index].enabled == enabled:
        return config.feeds[index]
    aot = _entries(path, config, doc)
    assert aot is not None
    table: Table = aot[index]
    if "enabled" in table:
        table["enabled"] = enabled
        text = doc.as_string()
    else:
        text = tomledit.insert_after_entry(doc, table, f"enabled = {'true' if enabled else 'false'}")
    return _save(path, text).feeds[index]
