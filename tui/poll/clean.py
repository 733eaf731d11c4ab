"""Making feed text safe to store and show: control characters, bidi overrides, caps, HTML to text.

Everything in a feed is untrusted. A terminal interprets C0/C1 control characters (an ESC starts an
escape sequence) and a bidi override in a title can make it read backwards, so both go before the
text reaches the database; every field is capped so one absurd entry cannot bloat the store.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

TITLE_MAX = 1_000
AUTHOR_MAX = 200
LINK_MAX = 2_048
GUID_MAX = 1_024
TEXT_MAX = 20_000
HTML_MAX = 50_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""C0 and C1 controls except tab, newline and carriage return (DEL included)."""
_ONE_LINE_JUNK = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""Every control (newlines too), bidi marks, embeddings, overrides and isolates, line separators."""
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str | None, limit: int = TEXT_MAX) -> str:
    """Multi-line text: controls removed (tab and newline kept), CRLF folded, capped."""
    if not text:
        return ""
    text = _CONTROL.sub("", text[: limit * 2]).replace("\r\n", "\n").replace("\r", "\n")
    return text[:limit]


def clean_line(text: str | None, limit: int = TITLE_MAX) -> str:
    """A one-line field (title, author): every control and bidi override gone, spaces collapsed."""
    if not text:
        return ""
    text = _ONE_LINE_JUNK.sub(" ", text[: limit * 2])
    return _SPACES.sub(" ", text).strip()[:limit]


def clean_url(url: str | None) -> str | None:
    """An absolute http(s) URL or None: ``javascript:``, ``data:`` and relative leftovers are dropped."""
    if not url:
        return None
    url = _ONE_LINE_JUNK.sub("", url).strip()
    if len(url) > LINK_MAX:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


_BLOCKS = frozenset(["p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "hr", "dd", "dt"])
_SKIP = frozenset(("script", "style", "head", "title", "noscript", "template", "iframe", "object"))


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment; block elements become line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Start skipping inside script/style-like tags; a block tag becomes a line break."""
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        """Stop skipping (never below zero, for stray end tags); close a block with a line break."""
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        """Keep text unless inside a skipped tag."""
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str | None, limit: int = TEXT_MAX) -> str:
    """Plain text from an HTML summary: tags dropped, entities decoded, whitespace tidied."""
    if not html:
        return ""
    html = html[: HTML_MAX * 2]
    if "<" not in html:
        text = unescape(html) if "&" in html else html
    else:
        collector = _TextCollector()
        try:
            collector.feed(html)
            collector.close()
        except (AssertionError, ValueError):  # malformed markup the stdlib parser gives up on
            pass
        text = "".join(collector.parts)
    text = clean_text(text, limit * 2)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    return text[:limit]
