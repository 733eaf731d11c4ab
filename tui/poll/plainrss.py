"""A fast reading of plain RSS 2.0 that gives exactly what feedparser gives, or declines.

feedparser is the parser of record, and most of a cold poll's CPU: its SAX handlers run Python code
for every element, attribute and text run, and keep state for every feed format there is. Most news
feeds are RSS 2.0 of one shape: ``rss > channel > item > title/link/description/guid/pubDate/...``,
with at most the common extensions (Dublin Core's creator and date, content:encoded, the Atom self
link, syndication, comment counts, enclosures, media thumbnails). For those this module reads the
document with expat directly and computes each value the way feedparser's own code does (the same
helpers where feedparser has them: its encoding detection, URI joining, date parsing, its
Windows-1252 and double-encoded UTF-8 repairs, and its "looks like HTML" guess).

Anything outside that shape (another namespace or element, an unexpected attribute, a nested element,
a DOCTYPE, a repeated field, an encoding problem, broken XML) makes ``read_plain_rss`` return None and the caller uses
feedparser. ``tests/poll/test_plain_rss.py`` checks the two agree on every document of feedparser's
own test corpus this path accepts, and on generated documents full of the cases above.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from xml.parsers import expat

from feedparser.datetimes import _parse_date
from feedparser.encodings import convert_to_utf8
from feedparser.html import _cp1252
from feedparser.sanitizer import replace_doctype
from feedparser.urls import _urljoin, make_safe_absolute_uri

log = logging.getLogger(__name__)

NAMESPACES = {
    "http://www.w3.org/2005/atom": "atom",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://wellformedweb.org/commentapi/": "wfw",
    "http://purl.org/rss/1.0/modules/slash/": "slash",
    "http://purl.org/rss/1.0/modules/syndication/": "sy",
    "http://search.yahoo.com/mrss/": "media",
    "http://search.yahoo.com/mrss": "media",
}
"""The namespaces read here (lower-cased, as feedparser matches them) and the prefix each stands for."""
CHANNEL_FIELDS = {
    "title": (), "link": (), "description": (), "language": (), "copyright": (), "pubdate": (),
    "lastbuilddate": (), "generator": (), "docs": (), "ttl": (), "category": ("domain",), "managingeditor": (),
    "webmaster": (), "image": (), "atom:link": ("href", "rel", "type"), "sy:updateperiod": (),
    "sy:updatefrequency": (), "sy:updatebase": (),
}
"""Channel elements read here, with the attributes each may carry; each only sets feed-level data."""
IMAGE_FIELDS = {"title": (), "url": (), "link": (), "width": (), "height": (), "description": ()}
ITEM_FIELDS = {
    "title": (), "link": (), "description": (), "guid": ("ispermalink",), "pubdate": (), "author": (),
    "dc:creator": (), "dc:date": (), "content:encoded": (), "category": ("domain",), "comments": (),
    "wfw:commentrss": (), "slash:comments": (), "enclosure": ("url", "length", "type"),
    "media:content": None, "media:thumbnail": None,
}
"""Item elements read here and their attributes (None: any but ``base`` and ``lang``, which feedparser
reads as xml:base and xml:lang)."""
_OWN_PREFIXES = frozenset(NAMESPACES.values())
REPEATABLE = frozenset({"category", "enclosure", "media:content", "media:thumbnail"})
SAME_FIELD = {"dc:creator": "author"}
"""Elements feedparser reads as another: an item with both is left to it."""
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
    except Exception:  # a case this reader does not foresee: feedparser, the parser of record, reads it
        log.warning("the plain RSS reader failed on a document; feedparser reads it", exc_info=True)
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
        self.image_seen: set[str] = set()
        self.item_seen: set[str] = set()
        self.channels = 0
        self.permalink = True

    def read(self, data: bytes) -> None:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.characters
        parser.StartNamespaceDeclHandler = self.namespace
        parser.StartDoctypeDeclHandler = self.refuse
        parser.EntityDeclHandler = self.refuse
        parser.Parse(data, True)

    def refuse(self, *_: object) -> None:
        raise _NotPlain

    def namespace(self, prefix: str | None, uri: str | None) -> None:
        """Only named prefixes for the namespaces read here (a default namespace changes every element),
        and none of feedparser's own prefixes bound to another of them: feedparser renames its prefix
        through a map of the document's prefixes that it never scopes ("xmlns:dc" bound to the content
        namespace anywhere turns every Dublin Core element of the document into an unknown one)."""
        known = NAMESPACES.get((uri or "").lower())
        if not prefix or known is None or (prefix in _OWN_PREFIXES and prefix != known):
            raise _NotPlain

    @staticmethod
    def _name(name: str) -> str:
        """"title", or "dc:creator" for an element of a known namespace, as feedparser names them."""
        uri, _, local = name.rpartition(" ")
        if not uri:
            return local.lower()
        prefix = NAMESPACES.get(uri.lower())
        if prefix is None:
            raise _NotPlain
        return f"{prefix}:{local.lower()}"

    def start(self, name: str, attrs: dict[str, str]) -> None:
        name = self._name(name)
        depth = len(self.path)
        attributes = {key.lower(): value for key, value in attrs.items()}
        if any(" " in key for key in attributes):  # xml:base, xml:lang, a namespaced attribute
            raise _NotPlain
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
        elif depth == 3 and self.path[-1] == "image":
            self._field(name, attributes, IMAGE_FIELDS, self.image_seen)
        elif depth == 3 and self.path[-1] == "item":
            self._field(name, attributes, ITEM_FIELDS, self.item_seen)
            self._item_start(name, attributes)
        else:
            raise _NotPlain
        self.path.append(name)
        self.text = []

    def _field(self, name: str, attributes: dict[str, str], allowed: dict[str, tuple[str, ...] | None],
               seen: set[str]) -> None:
        if name not in allowed:
            raise _NotPlain
        same = SAME_FIELD.get(name, name)
        if same in seen:
            raise _NotPlain
        permitted = allowed[name]
        if permitted is None:
            if "base" in attributes or "lang" in attributes:
                raise _NotPlain
        elif not set(attributes) <= set(permitted):
            raise _NotPlain
        if name not in REPEATABLE:
            seen.add(same)
        if name == "image":
            self.image_seen = set()

    def _item_start(self, name: str, attributes: dict[str, str]) -> None:
        entry = self.entries[-1]
        if name == "link":
            entry.setdefault("links", []).append({"rel": "alternate", "type": "text/html"})
        elif name == "guid":
            self.permalink = attributes.get("ispermalink", "true") == "true"
        elif name == "enclosure":  # feedparser keeps it among the links, its href not resolved
            enclosure = {"rel": "enclosure"}
            if attributes.get("url"):
                enclosure["href"] = attributes["url"]
            entry.setdefault("links", []).append(enclosure)

    def characters(self, data: str) -> None:
        self.text.append(data)

    def end(self, name: str) -> None:
        name = self.path.pop()
        depth = len(self.path)
        if depth == 3 and self.path[-1] == "item":
            self._item_field(name, "".join(self.text).strip())
        elif depth == 2 and name == "title":
            self.feed["title"] = _repaired("".join(self.text).strip())
        elif depth == 3 and self.path[-1] == "image":
            pass  # the feed's image: nothing the poller reads
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
        elif name in ("author", "dc:creator"):
            entry["author"] = _repaired(value)
        elif name == "dc:date":
            value = _repaired(value)
            entry["updated"] = value
            entry["updated_parsed"] = _parse_date(value)
        elif name == "content:encoded":  # feedparser's content, and the summary until a description says otherwise
            value = _repaired(value)
            entry.setdefault("content", []).append({"type": "text/html", "value": value})
            entry.setdefault("summary", value)
