"""UTC timestamps as stored: ISO 8601 with a ``Z``, second precision, sortable as text."""

from __future__ import annotations

from datetime import UTC, datetime

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
"""Dates before this in a feed are noise (epoch zero, year 1): treated as unknown."""


def utcnow() -> datetime:
    """The default clock: aware UTC, whole seconds, so it round-trips through ``to_iso`` unchanged."""
    return datetime.now(UTC).replace(microsecond=0)


def to_iso(moment: datetime) -> str:
    """``2024-01-31T12:00:00Z``; naive datetimes are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str | None) -> datetime | None:
    """The inverse of ``to_iso``; None for None or text that is not a timestamp."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def month_of(moment: datetime) -> str:
    """``YYYY-MM`` in UTC, the key the month facet groups by."""
    return to_iso(moment)[:7]
