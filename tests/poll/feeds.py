"""Small RSS and Atom documents written for these tests."""

from __future__ import annotations

from xml.sax.saxutils import escape


def rss(*items: dict[str, str], title: str = "Test feed") -> bytes:
    """RSS 2.0; each item a dict of child elements (``title``, ``link``, ``guid``, ``description``,
    ``pubDate``), text escaped."""
    body = "".join(
        "<item>" + "".join(f"<{k}>{escape(v)}</{k}>" for k, v in item.items()) + "</item>" for item in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{escape(title)}'
            f"</title><link>https://example.org/</link><description>d</description>{body}</channel></rss>"
            ).encode()


def item(number: int, **extra: str) -> dict[str, str]:
    base = {"title": f"Story {number}", "link": f"https://example.org/{number}",
            "guid": f"urn:test:{number}", "description": f"<p>Body of story <b>{number}</b></p>",
            "pubDate": "Tue, 05 Mar 2024 10:00:00 GMT"}
    return base | extra


def atom(*entries: dict[str, str], title: str = "Atom test") -> bytes:
    body = "".join(
        "<entry>" + "".join(
            f'<link href="{escape(v)}"/>' if k == "link"
            else f'<summary type="html">{escape(v)}</summary>' if k == "summary"
            else f"<{k}>{escape(v)}</{k}>" for k, v in e.items())
        + "</entry>" for e in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:feed</id><updated>2024-03-05T10:00:00Z</updated>"
            f"{body}</feed>").encode()
