"""Turning a fetched body into clean ``EntryRecord``s with feedparser.

Runs in a worker (process or thread), never on the event loop. feedparser is always given bytes
wrapped in ``BytesIO`` (a str may be taken as a URL or a path and read), with the HTTP headers that
decide the encoding. Its HTML sanitizer and URI resolution are switched off: they are about half its
cost and we keep plain text, not HTML. Plain RSS 2.0 documents are read by ``tui.poll.plainrss``, which
gives the same result about six times faster, and declines anything else.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tui.models import EntryRecord
from tui.poll.clean import (
    AUTHOR_MAX,
    GUID_MAX,
    HTML_MAX,
    clean_line,
    clean_text,
    clean_url,
    html_to_text,
)
from tui.poll.doctype import strip_declarations

MAX_ENTRIES = 10_000
"""Entries kept from one document, the newest by date; a 10 MB body of empty items would otherwise be
hundreds of thousands of rows. The poll result says when a feed held more (README, "How polling
behaves")."""
EARLIEST_YEAR = 1990
LATEST_YEAR = 2200
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class ParsedFeed:
    """What the poller stores from one document."""

    title: str
    entries: tuple[EntryRecord, ...]
    error: str | None = None
    """Set when the document is not a feed at all (an HTML page, garbage): the poll fails."""
    extractions: dict[str, Any] | None = None
    """Tags computed in the worker, by guid (see ``tui.poll.tagging``)."""
    total_entries: int = 0
    """Items in the document; more than ``len(entries)`` when ``MAX_ENTRIES`` cut it."""


def parse_feed(body: bytes, headers: dict[str, str], url: str) -> ParsedFeed:
    """Parse ``body`` as served with ``headers`` (lower-case names) from ``url``."""
    from tui.poll.plainrss import read_plain_rss  # late: a warm poll (all 304) never imports feedparser

    response_headers = {k: v for k, v in headers.items()
                        if k in ("content-type", "content-location", "content-language")}
    response_headers.setdefault("content-location", url)
    document = strip_declarations(body)
    result = read_plain_rss(document, response_headers) or feedparse(document, response_headers)
    raw_entries = result.get("entries", [])
    entries = tuple(_entries(_newest(raw_entries, MAX_ENTRIES)))
    if not entries and not result.get("version"):
        return ParsedFeed(title="", entries=(), error=_not_a_feed(body, headers, result))
    return ParsedFeed(title=clean_line(result.get("feed", {}).get("title")), entries=entries,
                      total_entries=len(raw_entries))


def feedparse(document: bytes, response_headers: dict[str, str]) -> Any:
    """feedparser's reading of ``document``: the parser of record, for every feed not plain RSS 2.0."""
    import feedparser

    return feedparser.parse(io.BytesIO(document), response_headers=response_headers,
                            sanitize_html=False, resolve_relative_uris=False)


def _newest(raw_entries: list[Any], limit: int) -> list[Any]:
    """At most ``limit`` entries, the newest by date (undated ones count as oldest), in the feed's order."""
    if len(raw_entries) <= limit:
        return raw_entries
    oldest = datetime.min.replace(tzinfo=UTC)
    ranked = sorted(range(len(raw_entries)), key=lambda i: _published(raw_entries[i]) or oldest, reverse=True)
    return [raw_entries[i] for i in sorted(ranked[:limit])]


def _not_a_feed(body: bytes, headers: dict[str, str], result: Any) -> str:
    if not body.strip():
        return "not a feed (the response was empty)"
    if "html" in headers.get("content-type", "").lower() or _HTML_START.match(body[:4096]):
        return "not a feed (got an HTML page)"
    problem = result.get("bozo_exception")
    if problem is not None:
        detail = clean_line(str(problem), 200)
        return f"not a feed (broken XML: {detail})" if detail else "not a feed (broken XML)"
    return "not a feed (no RSS or Atom elements found)"


def _published(entry: Any) -> datetime | None:
    """The entry's date in UTC, or None when it has none or an absurd one."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = dict.get(entry, key)  # not entry.get: feedparser warns on its legacy key mapping
        if not parsed:
            continue
        try:
            moment = datetime(*parsed[:6], tzinfo=UTC)
        except (TypeError, ValueError, OverflowError):
            continue
        if EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
            return moment
    return None


def _link(entry: Any) -> str | None:
    link = clean_url(entry.get("link"))
    if link:
        return link
    for candidate in entry.get("links", ()):
        if candidate.get("rel", "alternate") == "alternate" and (link := clean_url(candidate.get("href"))):
            return link
    return None


def _body(entry: Any) -> tuple[str, str]:
    """(summary as given, plain text): the fuller of content and summary."""
    summary = entry.get("summary") or ""
    kind = (entry.get("summary_detail") or {}).get("type", "text/html")
    for content in entry.get("content", ()):
        value = content.get("value") or ""
        if len(value) > len(summary):
            summary, kind = value, content.get("type", "text/html")
    summary = summary[:HTML_MAX]
    text = clean_text(summary) if kind == "text/plain" else html_to_text(summary)
    return clean_text(summary, HTML_MAX), text


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(part) for part in parts).encode("utf-8", "replace")).hexdigest()[:16]


def _entries(raw_entries: list[Any]) -> list[EntryRecord]:
    """Clean records with an identity unique within the document.

    Identity is the entry id, else the link, else the title, else a hash of the content. Entries
    that collide on it within one document but differ are all kept: the later ones get a content
    hash appended (and a counter when even that is equal), so nothing feedparser found is lost.
    """
    records: list[EntryRecord] = []
    used: set[str] = set()
    for raw in raw_entries:
        title = clean_line(raw.get("title"))
        link = _link(raw)
        summary_html, text = _body(raw)
        published = _published(raw)
        raw_id = clean_line(raw.get("id"), 100_000)
        if len(raw_id) > GUID_MAX:
            raw_id = "sha1:" + _digest(raw_id)
        guid = raw_id or link or (f"title:{title}" if title else "") or f"hash:{_digest(summary_html)}"
        if guid in used:
            guid = f"{guid}#{_digest(title, link, summary_html, published)}"
            base, number = guid, 2
            while guid in used:
                guid, number = f"{base}-{number}", number + 1
        used.add(guid)
        records.append(EntryRecord(
            guid=guid, title=title, link=link, author=clean_line(raw.get("author"), AUTHOR_MAX) or None,
            text=text, summary_html=summary_html, published=published))
    return records
