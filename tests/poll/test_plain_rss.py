"""The plain RSS 2.0 reader gives exactly what feedparser gives, or declines.

feedparser stays the parser of record: wherever ``read_plain_rss`` accepts a document, the records
stored from it must equal those feedparser's reading gives. Checked on feedparser's own test corpus
(the documents it accepts there) and on generated documents full of the cases feedparser treats
specially: entities, CDATA, markup in titles, double-encoded UTF-8, Windows-1252 controls, relative
and query-string links, permalink guids, letter case, dates of every shape.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

import feedparser
import pytest

from tests.poll.corpus import corpus_files, expected_headers
from tui.poll import parse as parse_module
from tui.poll import plainrss
from tui.poll.doctype import strip_declarations
from tui.poll.parse import ParsedFeed, parse_feed
from tui.poll.plainrss import read_plain_rss

BASE = "http://feeds.example.org/news/rss.xml"
READ_FIELDS = ("title", "link", "summary", "id", "author", "published_parsed", "updated_parsed")


def by_feedparser(body: bytes, headers: dict[str, str], url: str, monkeypatch: pytest.MonkeyPatch) -> ParsedFeed:
    with monkeypatch.context() as patch:
        patch.setattr(plainrss, "read_plain_rss", lambda *_: None)
        return parse_feed(body, headers, url)


def differences(body: bytes, headers: dict[str, str]) -> list[tuple[str, Any, Any]] | None:
    """None when the plain reader declines; else the fields where it and feedparser differ."""
    document = strip_declarations(body)
    given = {k: v for k, v in headers.items() if k in ("content-type", "content-location", "content-language")}
    ours = read_plain_rss(document, given)
    if ours is None:
        return None
    theirs = feedparser.parse(io.BytesIO(document), response_headers=given, sanitize_html=False,
                              resolve_relative_uris=False)
    found: list[tuple[str, Any, Any]] = []
    if len(ours["entries"]) != len(theirs.entries):
        found.append(("entries", len(ours["entries"]), len(theirs.entries)))
    if ours["feed"].get("title") != theirs.feed.get("title"):
        found.append(("feed title", ours["feed"].get("title"), theirs.feed.get("title")))
    for mine, reference in zip(ours["entries"], theirs.entries):
        for key in READ_FIELDS:
            if mine.get(key) != dict.get(reference, key):
                found.append((key, mine.get(key), dict.get(reference, key)))
        if [link.get("href") for link in mine.get("links", ())] != [
                link.get("href") for link in reference.get("links", ())]:
            found.append(("links", mine.get("links"), reference.get("links")))
        if [(c.get("type"), c.get("value")) for c in mine.get("content", ())] != [
                (c.get("type"), c.get("value")) for c in reference.get("content", ())]:
            found.append(("content", mine.get("content"), reference.get("content")))
        if (mine.get("summary_detail") or {}).get("type") != (reference.get("summary_detail") or {}).get("type"):
            found.append(("summary type", mine.get("summary_detail"), reference.get("summary_detail")))
    return found


def test_feedparsers_own_corpus_reads_alike(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = shared_dir / "peer" / "feedparser-tests"
    accepted, differing = 0, {}
    for path in corpus_files(root):
        data = path.read_bytes()
        headers = dict(expected_headers(data), **{"content-location": f"{BASE}/{path.name}"})
        found = differences(data, headers)
        if found is None:
            continue
        accepted += 1
        url = headers["content-location"]
        if found or parse_feed(data, headers, url) != by_feedparser(data, headers, url, monkeypatch):
            differing[path.name] = found
    assert differing == {}
    assert accepted >= 250  # the corpus holds about 280 RSS 2.0 documents of the shape read


TEXTS = (
    "Plain words", "  padded  ", "", "Fish &amp; chips", "&lt;b&gt;Bold&lt;/b&gt; news", "<![CDATA[<p>Para</p>]]>",
    "<![CDATA[AT&T cuts]]>", "Caf\u00c3\u00a9 closes", "Caf\u00e9 closes", "dash &#150; here", "&#8220;quoted&#8221;",
    "x &lt; y &amp;&amp; z", "tag &lt;notahtmltag&gt;x&lt;/notahtmltag&gt;", "&amp;copy; 2024", "\u00e2\u0080\u0099 mangled",
    "line\r\nbreak", "\u65e5\u672c\u8a9e", "&amp;nbsp;spaced",
)
LINKS = (
    "https://example.com/a", "/relative/path", "story.html", "https://example.com/?a=1&amp;b=2",
    "https://example.com/?a=1&amp;amp;b=2", "  https://example.com/pad  ", "", "javascript:alert(1)",
    "https://ex\u00e4mple.com/\u00fc", "//cdn.example.com/x", "?q=1&amp;copy=2",
)
DATES = (
    "Mon, 04 Mar 2024 09:00:00 GMT", "Tue, 5 Mar 2024 10:00:00 +0100", "2024-03-06T11:00:00Z", "06 Mar 2024",
    "garbage", "", "Wed, 31 Feb 2024 10:00:00 GMT", "Sun, 10 Mar 2024 25:61:00 EST",
)
AUTHORS = ("Jane Doe", "jane@example.com (Jane Doe)", "Jane Doe <jane@example.com>", "", "  J. Smith ")
PERMALINK = ("", ' isPermaLink="false"', ' isPermaLink="true"', ' isPermaLink="True"', ' ispermalink="false"')
CONTENT_TYPES = ("application/rss+xml", "application/xml", "text/xml; charset=utf-8", "application/rss+xml; charset=UTF-8")


def _element(rng: random.Random, name: str, value: str) -> str:
    tag = rng.choice((name, name.upper(), name.capitalize())) if rng.random() < 0.15 else name
    return f"<{tag}>{value}</{tag}>"


DECLARATIONS = (
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"', ' xmlns:content="http://purl.org/rss/1.0/modules/content/"',
    ' xmlns:atom="http://www.w3.org/2005/Atom"', ' xmlns:media="http://search.yahoo.com/mrss/"',
    ' xmlns:wfw="http://wellformedweb.org/CommentAPI/"', ' xmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
    ' xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"',
)


def _extensions(rng: random.Random) -> list[str]:
    """Item elements of the common extensions, each in the shape real feeds use."""
    found = []
    if rng.random() < 0.4:
        found.append(f"<dc:creator>{rng.choice(AUTHORS)}</dc:creator>")
    if rng.random() < 0.3:
        found.append(f"<dc:date>{rng.choice(DATES)}</dc:date>")
    if rng.random() < 0.5:
        found.append(f"<content:encoded>{rng.choice(TEXTS)}</content:encoded>")
    if rng.random() < 0.3:
        found.append(f'<enclosure url="{rng.choice(LINKS)}" length="10" type="image/JPEG"/>')
    if rng.random() < 0.3:
        found.append(f'<media:thumbnail url="{rng.choice(LINKS)}" width="100"/>')
    if rng.random() < 0.2:
        found.append('<media:content url="https://example.com/a.jpg" medium="image"/>')
    if rng.random() < 0.3:
        found += [f"<comments>{rng.choice(LINKS)}</comments>", f"<wfw:commentRss>{rng.choice(LINKS)}</wfw:commentRss>",
                  "<slash:comments>3</slash:comments>"]
    if rng.random() < 0.2:
        found.append(f'<category domain="https://example.com/tags">{rng.choice(TEXTS)}</category>')
    return found


def generated_document(rng: random.Random) -> bytes:
    channel = [_element(rng, "title", rng.choice(TEXTS))] if rng.random() < 0.9 else []
    channel += [_element(rng, name, rng.choice(TEXTS)) for name in ("description", "language") if rng.random() < 0.5]
    channel.append(_element(rng, "link", rng.choice(LINKS)))
    if rng.random() < 0.4:
        channel.append(f'<atom:link href="{rng.choice(LINKS)}" rel="self" type="application/rss+xml"/>')
    if rng.random() < 0.3:
        channel.append("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>1</sy:updateFrequency>")
    if rng.random() < 0.4:
        channel.append(f"<image><url>{rng.choice(LINKS)}</url><title>{rng.choice(TEXTS)}</title>"
                       f"<link>{rng.choice(LINKS)}</link><width>144</width></image>")
    for _ in range(rng.randint(0, 6)):
        fields = []
        if rng.random() < 0.9:
            fields.append(_element(rng, "title", rng.choice(TEXTS)))
        if rng.random() < 0.8:
            fields.append(_element(rng, "link", rng.choice(LINKS)))
        if rng.random() < 0.8:
            fields.append(_element(rng, "description", rng.choice(TEXTS)))
        if rng.random() < 0.7:
            fields.append(f"<guid{rng.choice(PERMALINK)}>{rng.choice(LINKS + ('item-1', 'tag:x,2024:1'))}</guid>")
        if rng.random() < 0.7:
            fields.append(_element(rng, "pubDate", rng.choice(DATES)))
        if rng.random() < 0.4:
            fields.append(_element(rng, "author", rng.choice(AUTHORS)))
        fields += [_element(rng, "category", rng.choice(TEXTS)) for _ in range(rng.randint(0, 2))]
        fields += [field for field in _extensions(rng) if not (field.startswith("<dc:creator") and any(
            f.lower().startswith("<author") for f in fields))]
        rng.shuffle(fields)
        channel.append(f"<item>{''.join(fields)}</item>")
    if rng.random() < 0.3:
        channel.reverse()
    prolog = rng.choice(('<?xml version="1.0" encoding="utf-8"?>\n', "", '<?xml version="1.0"?>'))
    return f'{prolog}<rss version="2.0"{"".join(DECLARATIONS)}><channel>{"".join(channel)}</channel></rss>'.encode()


def test_generated_documents_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(14)
    accepted, differing = 0, []
    for number in range(600):
        body = generated_document(rng)
        headers = {"content-type": rng.choice(CONTENT_TYPES), "content-location": BASE}
        found = differences(body, headers)
        if found is None:
            continue
        accepted += 1
        if found or parse_feed(body, headers, BASE) != by_feedparser(body, headers, BASE, monkeypatch):
            differing.append((number, body.decode(), found))
    assert differing == []
    assert accepted >= 350


@pytest.mark.parametrize("body", [
    pytest.param('<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><item>'
                 "<itunes:author>A</itunes:author></item></channel></rss>", id="another namespace"),
    pytest.param('<rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel/></rss>',
                 id="default namespace"),
    pytest.param('<rss version="2.0" xmlns:content="http://purl.org/dc/elements/1.1/" '
                 'xmlns:c="http://purl.org/rss/1.0/modules/content/"><channel><item><c:encoded>Body</c:encoded>'
                 "</item></channel></rss>", id="feedparser's prefix bound to another namespace"),
    pytest.param('<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
                 '<item xmlns:dc="http://search.yahoo.com/mrss/"><title>A</title></item>'
                 "<item><dc:creator>Jane</dc:creator></item></channel></rss>", id="a prefix rebound inside"),
    pytest.param('<rss version="2.0" xmlns:dc="http://www.w3.org/2005/Atom" xmlns:d="http://purl.org/dc/elements/1.1/">'
                 "<channel><item><d:creator>Jane</d:creator></item></channel></rss>", id="dc bound to atom"),
    pytest.param('<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item>'
                 "<dc:title>A</dc:title></item></channel></rss>", id="an element read as the title"),
    pytest.param('<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><item>'
                 '<atom:link rel="alternate" href="https://a.example/"/></item></channel></rss>', id="item atom link"),
    pytest.param('<rss version="2.0"><channel><item><source url="https://a.example/">A</source></item></channel></rss>',
                 id="unknown element"),
    pytest.param('<rss version="2.0"><channel><item><title type="html">A</title></item></channel></rss>',
                 id="attribute"),
    pytest.param('<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><item>'
                 '<media:content url="a.jpg" base="https://b.example/"/></item></channel></rss>', id="base attribute"),
    pytest.param('<rss version="2.0"><channel><item><title>A <b>b</b></title></item></channel></rss>',
                 id="nested element"),
    pytest.param('<rss version="2.0"><channel><item><title>A</title><title>B</title></item></channel></rss>',
                 id="repeated field"),
    pytest.param('<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><author>A</author>'
                 "<dc:creator>B</dc:creator></item></channel></rss>", id="author twice"),
    pytest.param('<rss version="2.0"><channel><title>A</title><title>B</title></channel></rss>',
                 id="repeated channel title"),
    pytest.param('<rss version="2.0"><channel><textInput><title>A</title></textInput></channel></rss>',
                 id="text input"),
    pytest.param('<rss version="0.91"><channel><item><title>A</title></item></channel></rss>', id="rss 0.91"),
    pytest.param('<rss version="2.0"><channel/><channel/></rss>', id="two channels"),
    pytest.param('<!DOCTYPE rss [<!ENTITY x "y">]><rss version="2.0"><channel><item><title>&x;</title>'
                 "</item></channel></rss>", id="doctype"),
    pytest.param('<rss version="2.0"><channel><item><title>&nbsp;</title></item></channel></rss>',
                 id="undefined entity"),
    pytest.param('<rss version="2.0"><channel><item><title>A</item></channel></rss>', id="broken xml"),
    pytest.param('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title></entry></feed>', id="atom"),
    pytest.param('<rss version="2.0" xml:base="http://a.example/"><channel/></rss>', id="xml:base"),
])
def test_anything_else_is_left_to_feedparser(body: str) -> None:
    assert read_plain_rss(body.encode(), {"content-type": "application/rss+xml", "content-location": BASE}) is None


def test_encodings_are_decided_as_feedparser_decides_them() -> None:
    """feedparser's own encoding detection runs first: a Latin-1 document reads alike, and one it flags
    (text/xml without a charset is US-ASCII, so the byte for "é" is an error) is left to it."""
    body = ('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><item><title>Caf\u00e9</title>'
            "</item></channel></rss>").encode("iso-8859-1")
    assert differences(body, {"content-type": "application/xml", "content-location": BASE}) == []
    assert read_plain_rss(body, {"content-type": "application/xml"})["entries"] == [{"title": "Caf\u00e9"}]
    assert read_plain_rss(body, {"content-type": "text/xml", "content-location": BASE}) is None


def test_the_poll_reads_plain_rss_without_feedparser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of it all: a plain RSS 2.0 feed never reaches feedparser's slow path."""
    def refuse(*_: object) -> None:
        raise AssertionError("feedparser was used for a plain RSS 2.0 document")

    monkeypatch.setattr(parse_module, "feedparse", refuse)
    body = (b'<rss version="2.0"><channel><title>Wire</title><item><title>Acme to cut 200 jobs</title>'
            b"<link>/acme</link><guid>acme-1</guid><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate>"
            b"<description>&lt;p&gt;Acme will cut 200 jobs.&lt;/p&gt;</description></item></channel></rss>")
    parsed = parse_feed(body, {"content-type": "application/rss+xml"}, BASE)
    assert parsed.title == "Wire"
    [entry] = parsed.entries
    assert (entry.title, entry.link, entry.guid, entry.text) == (
        "Acme to cut 200 jobs", "http://feeds.example.org/acme", "http://feeds.example.org/news/acme-1",
        "Acme will cut 200 jobs.")


def test_a_failure_of_the_reader_leaves_the_document_to_feedparser(monkeypatch: pytest.MonkeyPatch) -> None:
    """A case the reader does not foresee must cost speed, never the feed."""
    def broken(*_: object) -> None:
        raise KeyError("unforeseen")

    monkeypatch.setattr(plainrss._Reader, "start", broken)
    body = b'<rss version="2.0"><channel><item><title>Acme cuts 20 jobs</title></item></channel></rss>'
    assert read_plain_rss(body, {"content-type": "application/rss+xml"}) is None
    assert [entry.title for entry in parse_feed(body, {"content-type": "application/rss+xml"}, BASE).entries] == [
        "Acme cuts 20 jobs"]
