"""Tables of cases for the pure helpers: cleaning, decompression, Retry-After, DOCTYPE stripping."""

from __future__ import annotations

import gzip
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from tui.poll.clean import clean_line, clean_text, clean_url, html_to_text
from tui.poll.doctype import strip_declarations
from tui.poll.http import retry_after
from tui.poll.inflate import BodyError, Inflater, content_coding
from tui.poll.results import FeedResult, PollReport

NOW = datetime(2024, 3, 6, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("raw, clean", [
    ("plain", "plain"),
    ("\x1b[31mred\x1b[0m", "[31mred [0m"),
    ("a\u202eb\u2066c\u2069", "a b c"),
    ("two\nlines\r\n", "two lines"),
    ("csi \x9b2J", "csi 2J"),
    ("  many   spaces\t", "many spaces"),
    (None, ""),
])
def test_clean_line(raw, clean) -> None:
    assert clean_line(raw) == clean


def test_clean_line_caps() -> None:
    assert len(clean_line("x" * 5000)) == 1000


def test_clean_text_keeps_lines_drops_controls() -> None:
    assert clean_text("a\r\nb\x00c\x07\td") == "a\nbc\td"


@pytest.mark.parametrize("url, kept", [
    ("https://example.org/a", "https://example.org/a"),
    ("HTTP://EXAMPLE.org", "HTTP://EXAMPLE.org"),
    ("javascript:alert(1)", None),
    ("data:text/html,hi", None),
    ("/relative", None),
    ("https://" + "a" * 3000, None),
    ("", None),
])
def test_clean_url(url, kept) -> None:
    assert clean_url(url) == kept


@pytest.mark.parametrize("html, text", [
    ("<p>One</p><p>Two &amp; three</p>", "One\n\nTwo & three"),
    ("no markup &lt;here&gt;", "no markup <here>"),
    ("<script>evil()</script><style>x{}</style>kept", "kept"),
    ("a<br>b", "a\nb"),
    ("<b>unclosed <i>tags", "unclosed tags"),
    ("", ""),
])
def test_html_to_text(html, text) -> None:
    assert html_to_text(html) == text


@pytest.mark.parametrize("header, expected", [
    (None, None), ("", None), ("identity", None), ("gzip", "gzip"), ("x-gzip", "gzip"), ("Deflate", "deflate"),
])
def test_content_coding(header, expected) -> None:
    assert content_coding(header) == expected


@pytest.mark.parametrize("header", ["gzip, gzip", "gzip, deflate", "br", "zstd", "compress"])
def test_content_coding_refused(header) -> None:
    with pytest.raises(BodyError):
        content_coding(header)


def test_inflater_is_bounded_and_handles_members() -> None:
    two_members = gzip.compress(b"a" * 10) + gzip.compress(b"b" * 10)
    inflater = Inflater("gzip", 100)
    assert inflater.feed(two_members) + inflater.finish() == b"a" * 10 + b"b" * 10
    with pytest.raises(BodyError, match="body larger than 1 KB"):
        Inflater("gzip", 1024).feed(gzip.compress(b"z" * 100_000))
    with pytest.raises(BodyError, match="corrupt"):
        Inflater("gzip", 1024).feed(b"\x1f\x8bnot really gzip")


@pytest.mark.parametrize("header, until", [
    ("120", datetime(2024, 3, 6, 12, 2, tzinfo=UTC)),
    ("Wed, 06 Mar 2024 13:00:00 GMT", datetime(2024, 3, 6, 13, 0, tzinfo=UTC)),
    ("Mon, 01 Jan 2024 00:00:00 GMT", NOW),  # in the past: now
    ("99999999", datetime(2024, 3, 7, 12, 0, tzinfo=UTC)),  # capped at a day
    ("soon", None),
    ("", None),
])
def test_retry_after(header, until) -> None:
    assert retry_after(header, NOW) == until


@pytest.mark.parametrize("body, expected", [
    (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss/>', b'<?xml version="1.0"?><!DOCTYPE rss ><rss/>'),
    (b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd"><rss/>',
     b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd"><rss/>'),
    (b'<!ENTITY stray "x"><rss/>', b"<rss/>"),
    (b"<rss><![CDATA[<!DOCTYPE inside>]]></rss>", b"<rss><![CDATA[<!DOCTYPE inside>]]></rss>"),
])
def test_strip_declarations(body, expected) -> None:
    assert strip_declarations(body) == expected


def test_strip_declarations_in_utf16() -> None:
    body = '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE r [<!ENTITY a "b">]><rss/>'.encode("utf-16")
    assert strip_declarations(body).decode("utf-16") == '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE r ><rss/>'


def _result(status: str, new: int = 0, layoffs: int = 0) -> FeedResult:
    return FeedResult(url="u", name="n", status=status, http_status=200, new=new, updated=0,
                      new_layoffs=layoffs, error="boom" if status == "error" else None, elapsed=0.1)


def test_summary_line() -> None:
    report = PollReport((_result("new", 3, 1), _result("not_modified"), _result("error")))
    assert report.summary_line() == "3 feeds: 2 answered, 3 new articles (1 layoff story), 1 failed"
    assert (report.new, report.new_layoffs, report.failed, report.ok) == (3, 1, 1, False)
    assert PollReport(()).summary_line() == "0 feeds: 0 answered, 0 new articles"


def test_summary_line_says_why_the_database_refused_results() -> None:
    refused = FeedResult(url="u", name="n", status="error", http_status=304, new=0, updated=0, new_layoffs=0,
                         error="could not store it: db: the disk is full; ...", elapsed=0.1, recorded=False,
                         fault="the disk is full")
    report = PollReport((refused, refused, _result("new", 2)))
    assert report.summary_line() == "3 feeds: 1 answered, 2 new articles, 2 failed: the disk is full"


def test_the_poller_never_imports_textual() -> None:
    code = "import sys, tui.poll, tui.cli.poll_cmd; print('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_entries_per_document_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.poll.feeds import item, rss
    from tui.poll import parse

    monkeypatch.setattr(parse, "MAX_ENTRIES", 3)
    parsed = parse.parse_feed(rss(*(item(n) for n in range(5))), {"content-type": "application/rss+xml"},
                              "http://127.0.0.1/f")
    assert [entry.title for entry in parsed.entries] == ["Story 0", "Story 1", "Story 2"]
    assert parsed.total_entries == 5


def test_the_cap_keeps_the_newest_items_wherever_the_feed_lists_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10: "kept the newest 10,000" must be true of a feed that lists oldest first, too."""
    from tests.poll.feeds import item, rss
    from tui.poll import parse

    monkeypatch.setattr(parse, "MAX_ENTRIES", 3)
    items = [item(n, pubDate=f"Tue, {n + 1:02d} Mar 2024 10:00:00 GMT") for n in range(5)]  # oldest first
    parsed = parse.parse_feed(rss(*items, item(9, pubDate="")), {"content-type": "application/rss+xml"},
                              "http://127.0.0.1/f")
    assert [entry.title for entry in parsed.entries] == ["Story 2", "Story 3", "Story 4"]  # in the feed's order
    assert parsed.total_entries == 6


def test_a_capped_feed_says_so_in_its_result(monkeypatch: pytest.MonkeyPatch, server, db_path) -> None:
    from tests.poll.conftest import make_config
    from tests.poll.feeds import item, rss
    from tests.poll.helpers import only, run_poll
    from tests.poll.server import static
    from tui.poll import parse

    monkeypatch.setattr(parse, "MAX_ENTRIES", 3)
    server.routes["/big"] = static(rss(*(item(n) for n in range(5))))
    result = only(run_poll(make_config(server.url("/big")), db_path))
    assert (result.status, result.new) == ("new", 3)
    assert result.note == "kept the newest 3 of 5 items"
    assert result.line().startswith("feed0: 3 new articles; kept the newest 3 of 5 items [")


def test_the_command_line_starts_without_the_extractor() -> None:
    """A warm poll (all 304) never needs the extractor: the parse workers tag, and only new stories.
    Importing it with the command line was a fifth of such a poll's time (issue 14)."""
    code = "import sys, tui.cli; print('tui.extract' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_parse_workers_start_without_the_http_client_and_the_store() -> None:
    """A parse worker imports what parsing and tagging need, not httpx and sqlite-utils: 0.15 s of CPU
    per worker on every cold poll (issue 14)."""
    code = ("import sys, tui.poll.workers, tui.poll.tagging; "
            "print(sorted(m for m in ('httpx', 'sqlite_utils', 'tui.store') if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "[]"
