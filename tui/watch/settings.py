"""The ``[watch]`` table of feeds.toml: the companies followed and the optional alert command.

Validated by ``tui.config`` with the same messages as the rest of the file (file:line, key, closest
key); this module holds the record and the rules so the feed list's validator stays about feeds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from tui.errors import ConfigError

DEFAULT_ALERT_TIMEOUT_SECONDS = 10.0
ALERT_TIMEOUT_RANGE = (0.1, 600.0)
"""Long enough for a chat webhook, short enough that a hung notifier cannot hold up cron's next poll."""

WATCH_KEYS: dict[str, tuple[type, ...]] = {
    "companies": (list,),
    "alert_command": (list,),
    "alert_timeout_seconds": (int, float),
}


@dataclass(frozen=True)
class WatchConfig:
    """``[watch]``: every key optional; an empty watchlist gives no alerts."""

    companies: tuple[str, ...] = ()
    """Names as the user wrote them; ``tui.watch.names`` resolves each to the companies it covers."""
    alert_command: tuple[str, ...] = ()
    """argv of a program run once per alert with the alert as JSON on stdin; never through a shell."""
    alert_timeout_seconds: float = DEFAULT_ALERT_TIMEOUT_SECONDS


class Checker(Protocol):
    """What ``validate_watch`` needs of ``tui.config``'s validator."""

    def fail(
        self, message: str, table: str | None = None, key: str | None = None, index: int | None = None
    ) -> ConfigError: ...

    def check_type(
        self,
        value: Any,
        types: tuple[type, ...],
        label: str,
        table: str | None,
        key: str,
        index: int | None = None,
    ) -> None: ...

    def unknown_key(self, label: str, key: str, valid: dict[str, Any], table: str) -> ConfigError: ...


def _strings(checker: Checker, value: list[Any], key: str, what: str) -> tuple[str, ...]:
    """A list of non-empty strings, each stripped; anything else names the key and what it should hold."""
    if not all(isinstance(item, str) and item.strip() for item in value):
        raise checker.fail(f"watch.{key} must be a list of {what}", "watch", key)
    return tuple(item.strip() for item in value)


def validate_watch(table: dict[str, Any], checker: Checker) -> WatchConfig:
    """``[watch]`` into a ``WatchConfig``: known keys, right types, a timeout within range."""
    for key, value in table.items():
        if key not in WATCH_KEYS:
            raise checker.unknown_key("watch", key, WATCH_KEYS, "watch")
        checker.check_type(value, WATCH_KEYS[key], f"watch.{key}", "watch", key)
    companies = _strings(checker, table.get("companies", []), "companies", 'company names, such as ["Intel"]')
    command = tuple(table.get("alert_command", []))
    if "alert_command" in table and not (
        all(isinstance(arg, str) for arg in command) and command and command[0].strip()
    ):
        raise checker.fail(
            "watch.alert_command must be a program and its arguments, such as "
            '["notify-send", "Layoffs"]; it is run without a shell',
            "watch",
            "alert_command",
        )
    timeout = table.get("alert_timeout_seconds", DEFAULT_ALERT_TIMEOUT_SECONDS)
    low, high = ALERT_TIMEOUT_RANGE
    if not (math.isfinite(timeout) and low <= timeout <= high):
        raise checker.fail(
            f"watch.alert_timeout_seconds must be between {low:g} and {high:g}, not {timeout!r}",
            "watch",
            "alert_timeout_seconds",
        )
    return WatchConfig(companies=companies, alert_command=command, alert_timeout_seconds=float(timeout))
