"""Errors a user can meet: each carries a message that says what, where and what to do.

The command line prints these on stderr and exits 2; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class LayoffsError(Exception):
    """Base of every error caused by the user's input or environment, not by our code."""

    exit_code = 2


class ConfigError(LayoffsError):
    """feeds.toml cannot be read or does not follow the schema."""


class StoreError(LayoffsError):
    """The database cannot be opened or written (locked, read-only, disk full)."""

    fault: str | None = None
    """The cause in a few words ("the disk is full") when SQLite gave one."""


class ExportError(LayoffsError):
    """An export cannot be written where the user asked."""


class FeedListError(LayoffsError):
    """An edit of the feed list was refused (duplicate URL, unknown feed, bad URL)."""
