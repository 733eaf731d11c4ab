"""A fast reading of plain RSS 2.0 that gives exactly what feedparser gives, or declines.

feedparser is the parser of record, and most of a cold poll's CPU: its SAX handlers run Python code
for every element, attribute and text run, and keep state for every feed format there is. Many feeds
are plain RSS 2.0: ``rss > channel > item > title/link/description/guid/pubDate/author/category``,
no namespaces, no attributes but ``version`` and ``isPermaLink``. For those this module reads the
document with expat directly and computes each value the way feedparser's own code does (the same
helpers where feedparser has them: its encoding detection, URI joining, date parsing, its
Windows-1252 and double-encoded UTF-8 repairs, and its "looks like HTML" guess).

Anything outside that shape (a namespace, an attribute, a nested element, a DOCTYPE, a repeated
field, an encoding problem, broken XML) makes ``read_plain_rss`` return None and the caller uses
feedparser. ``tests/poll/test_plain_rss.py`` checks the two agree on every document of feedparser's
own test corpus this path accepts, and on generated documents full of the cases above.
"""

from __future__ import annotations

import re
from typing import Any
from xml.parsers import expat

from feedparser.datetimes import _parse_date
from feedparser.encodings import convert_to_utf8
from feedparser.html import _cp1252
from feedparser.sanitizer import replace_doctype
from feedparser.urls import _urljoin, make_safe_absolute_uri

CHANNEL_FIELDS = frozenset({
    "title", "link", "description", "language", "copyright", "pubdate", "lastbuilddate", "generator",
    "docs", "ttl", "category", "managingeditor", "webmaster",
})
"""Channel elements read here; each only sets feed-level data, never an entry's."""
ITEM_FIELDS = frozenset({"title", "link", "description", "guid", "pubdate", "author", "category"})
REPEATABLE = frozenset({"category"})
_QUERY_ENTITY = re.compile("&([A-Za-z0-9_]+);")


class _NotPlain(Exception):
    """The document is not plain RSS 2.0: feedparser reads it."""


def read_plain_rss(body: bytes, response_headers: dict[str, str]) -> dict[str, Any] | None:
    """feedparser's result (version, feed title, entries with the fields the poller reads) for a
    plain RSS 2.0 document, or None when the document is anything else."""
    if b"<rss" not in body[:4096] and b"<RSS" not in body[:4096]:
        return None
    detected: dict[str, Any] = {}
    data = convert_to_utf8(dict(response_headers), body, detected)
    if not detected.get("encoding") or detected.get("bozo"):
        return None
    version, data, entities = replace_doctype(data)
    if version or entities or re.search(rb"<!DOCTYPE", data[:4096], re.IGNORECASE):
        return None
    location = response_headers.get("content-location", "")
    base = make_safe_absolute_uri("", location) or make_safe_absolute_uri(location) or ""
    if base:
        settled = make_safe_absolute_uri(base, base) or base
        if (make_safe_absolute_uri(settled, settled) or settled) != settled:
            return None
        base = settled
    reader = _Reader(base)
    try:
        reader.read(data)
    except (_NotPlain, expat.ExpatError, ValueError):
        return None
    if reader.version is None:
        return None
    return {"version": "rss20", "feed": reader.feed, "entries": reader.entries}


def _repaired(text: str) -> str:
    """feedparser's last steps for every value: undo UTF-8 read as Latin-1, map C1 controls to cp1252."""
    try:
        text = text.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return text.translate(_cp1252)


class _Reader:
    """expat callbacks that keep only the shape ``rss > channel > (field | item > field)``."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.version: str | None = None
        self.feed: dict[str, Any] = {}
        self.entries: list[dict[str, Any]] = []
        self.path: list[str] = []
        self.text: list[str] = []
        self.channel_seen: set[str] = set()
        self.item_seen: set[str] = set()
        self.channels = 0
        self.permalink = True

    def read(self, data: bytes) -> None:
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.characters
        parser.StartDoctypeDeclHandler = self.refuse
        parser.EntityDeclHandler = self.refuse
        parser.Parse(data, True)

    def refuse(self, *_: object) -> None:
        raise _NotPlain

    def start(self, name: str, attrs: dict[str, str]) -> None:
        name = name.lower()
        depth = len(self.path)
        if ":" in name:
            raise _NotPlain
        attributes = {key.lower(): value for key, value in attrs.items()}
        if depth == 0:
            version = attributes.pop("version", "")
            if name != "rss" or attributes or not version.startswith("2."):
                raise _NotPlain
            self.version = version
        elif depth == 1:
            self.channels += 1
            if name != "channel" or attributes or self.channels > 1:
                raise _NotPlain
        elif depth == 2 and name == "item":
            if attributes:
                raise _NotPlain
            self.entries.append({})
            self.item_seen = set()
        elif depth == 2:
            self._field(name, attributes, CHANNEL_FIELDS, self.channel_seen)
        elif depth == 3 and self.path[-1] == "item":
            self._field(name, attributes, ITEM_FIELDS, self.item_seen)
            if name == "guid":
                self.permalink = attributes.get("ispermalink", "true") == "true"
        else:
            raise _NotPlain
        self.path.append(name)
        self.text = []

    def _field(self, name: str, attributes: dict[str, str], allowed: frozenset[str], seen: set[str]) -> None:
        if name not in allowed or name in seen:
            raise _NotPlain
        if attributes and not (name == "guid" and set(attributes) == {"ispermalink"}):
            raise _NotPlain
        if name not in REPEATABLE:
            seen.add(name)
        if name == "link" and len(self.path) == 3:
            self.entries[-1].setdefault("links", []).append({"rel": "alternate", "type": "text/html"})

    def characters(self, data: str) -> None:
        self.text.append(data)

    def end(self, name: str) -> None:
        name = self.path.pop()
        depth = len(self.path)
        if depth == 3:
            self._item_field(name, "".join(self.text).strip())
        elif depth == 2 and name == "title":
            self.feed["title"] = _repaired("".join(self.text).strip())
        self.text = []

    def _item_field(self, name: str, value: str) -> None:
        entry = self.entries[-1]
        if name == "title":
            entry["title"] = _repaired(value)
        elif name == "description":
            entry["summary"] = _repaired(value)
            entry["summary_detail"] = {"type": "text/html"}
        elif name == "link":
            if value:
                value = _urljoin(self.base, value)
            value = _QUERY_ENTITY.sub(r"&\g<1>", _repaired(value).replace("&amp;", "&"))
            entry["link"] = value
            if value:
                entry["links"][-1]["href"] = value
        elif name == "guid":
            if value and self.permalink:
                value = _urljoin(self.base, value)
            value = _repaired(value)
            entry["id"] = value
            if self.permalink:
                entry.setdefault("link", value)
            self.permalink = True
        elif name == "pubdate":
            value = _repaired(value)
            entry["published"] = value
            entry["published_parsed"] = _parse_date(value)
        elif name == "author":
            entry["author"] = _repaired(value)
