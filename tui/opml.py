"""OPML 2.0 export and import of the feed list, so it moves to and from other feed readers.

Export writes one ``<outline type="rss">`` per feed with the tags in ``category`` (comma-separated,
as OPML 2.0 defines it). Import reads what other readers write: OPML 1.0 and 2.0, flat
(newsboat's ``newsboat -e``) or nested in folders (Feedly, Inoreader), where each enclosing folder
becomes a tag. The file comes from elsewhere, so it is parsed with expat with any DOCTYPE or
entity declaration refused (no entity expansion bombs, no external entities), and nothing is
written unless the whole file parses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from tui.config import Config, FeedConfig, is_http_url
from tui.errors import FeedListError
from tui.feedlist import NewFeed, add_feeds

__all__ = ["ImportResult", "export_opml", "import_opml", "parse_opml"]


@dataclass(frozen=True)
class ImportResult:
    """What ``import_opml`` did to the feed list."""

    added: list[FeedConfig]
    skipped_duplicates: list[NewFeed]
    """Feeds whose URL was already listed (or listed twice in the OPML)."""
    skipped_invalid: list[str] = field(default_factory=list)
    """``xmlUrl`` values that are not http(s) addresses, which we cannot poll."""


def export_opml(config: Config, title: str = "layoffs-tui feeds") -> str:
    """The feed list as an OPML 2.0 document (UTF-8 text with its XML declaration).

    Every feed is exported, enabled or not: OPML has no standard way to say "paused".
    """
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    for feed in config.feeds:
        attributes = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        tags = [tag.replace(",", " ").strip() for tag in feed.tags]
        if any(tags):
            attributes["category"] = ",".join(tag for tag in tags if tag)
        ET.SubElement(body, "outline", attributes)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


class _Refused(Exception):
    """Raised from inside expat when the document declares a DOCTYPE or entities."""


class _OutlineReader:
    """Collects feed outlines from expat events, remembering the folders they sit in."""

    def __init__(self) -> None:
        self.root: str | None = None
        self.in_body = False
        self.folders: list[str | None] = []
        self.feeds: list[NewFeed] = []
        self.invalid: list[str] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        """Record a feed outline inside ``<body>``; an outline without ``xmlUrl`` is a folder whose title
        becomes a tag."""
        if self.root is None:
            self.root = name
        if name == "body":
            self.in_body = True
        if name != "outline" or not self.in_body:
            return
        attrs = {key.lower(): value.strip() for key, value in attributes.items()}
        label = attrs.get("title") or attrs.get("text") or ""
        url = attrs.get("xmlurl", "")
        if not url:
            self.folders.append(label or None)  # a folder; its name tags the feeds inside it
            return
        self.folders.append(None)
        if not is_http_url(url):
            self.invalid.append(url)
            return
        tags = [folder for folder in self.folders if folder]
        for category in attrs.get("category", "").split(","):
            if category.strip().strip("/"):
                tags.append(category.strip().strip("/"))
        self.feeds.append(NewFeed(url=url, name=label or None, tags=tuple(dict.fromkeys(tags))))

    def end(self, name: str) -> None:
        """Leave a folder (or the body), so later feeds stop getting its tag."""
        if name == "outline" and self.in_body and self.folders:
            self.folders.pop()
        elif name == "body":
            self.in_body = False


def _refuse(*_args: object) -> None:
    raise _Refused


def parse_opml(data: str | bytes, source: str = "the OPML file") -> tuple[list[NewFeed], list[str]]:
    """The feeds an OPML document lists, and the ``xmlUrl`` values that are not http(s).

    ``FeedListError`` for anything that is not a well-formed OPML document, or that declares a
    DOCTYPE or entities.
    """
    if isinstance(data, str):
        raw, parser = data.encode("utf-8"), expat.ParserCreate(encoding="utf-8")
    else:
        raw, parser = data, expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    reader = _OutlineReader()
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    try:
        parser.Parse(raw, True)
    except _Refused:
        raise FeedListError(f"{source}: refused: the OPML declares a DOCTYPE or entities, which feed "
                            "readers never need; nothing was imported") from None
    except expat.ExpatError as error:
        reason = expat.ErrorString(error.code)
        raise FeedListError(f"{source}:{error.lineno}: not valid XML ({reason}); nothing was imported") from None
    if reader.root != "opml":
        raise FeedListError(f"{source}: not an OPML document (it starts with <{reader.root}>, not <opml>); "
                            "nothing was imported")
    return reader.feeds, reader.invalid


def import_opml(path_to_feeds_toml: Path, opml_text_or_bytes: str | bytes,
                *, source: str = "the OPML file") -> ImportResult:
    """Merge the feeds of an OPML document into the feed list at ``path_to_feeds_toml``.

    Feeds already listed (same URL, compared with ``url_identity``) are skipped, as are repeats
    within the OPML; nested outlines' folder names and ``category`` become tags. Everything is
    added in one atomic, validated write, after the existing entries; a malformed document
    raises ``FeedListError`` and changes nothing. ``source`` names the OPML in messages.
    """
    feeds, invalid = parse_opml(opml_text_or_bytes, source)
    added, skipped = add_feeds(Path(path_to_feeds_toml), feeds, skip_duplicates=True)
    return ImportResult(added=added, skipped_duplicates=skipped, skipped_invalid=invalid)
