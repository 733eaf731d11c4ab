"""The watchlist in the app: which company a key means, marking watched companies, the watched filter.

The file edits are ``tui.feedlist.watchlist``'s; the names are resolved by ``tui.watch.names`` (aliases
and units: watching Amazon marks Twitch too).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tui.watch.names import resolve

WatchTest = Callable[[str, "str | None"], bool]
"""Whether a company (with its parent) is watched."""


def watch_test(entries: Sequence[str]) -> WatchTest:
    """A test for the Companies pane's marks from the watched entries of feeds.toml."""
    watched = [resolve(entry) for entry in entries if entry.strip()]

    def covered(company: str, parent: str | None = None) -> bool:
        return any(item.covers(company, parent) for item in watched)

    return covered


def watched_companies(entries: Sequence[str]) -> tuple[str, ...]:
    """The names the "watched only" filter selects: each entry's canonical name (its units follow, as
    choosing a parent in the Companies pane shows its units)."""
    return tuple(dict.fromkeys(resolve(entry).canonical for entry in entries if entry.strip()))
