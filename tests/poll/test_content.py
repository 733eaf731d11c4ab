"""What comes back is not always a feed: HTML, broken XML, hostile documents, odd identities."""

from __future__ import annotations

import asyncio
import time

from tests.poll.conftest import make_config
from tests.poll.feeds import atom, item, rss
from tests.poll.helpers import NOW, only, rows, run_poll
from tests.poll.server import FeedServer, static
from tui.poll import poll_feeds

HTML = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"


def test_an_html_page_is_not_a_feed(server: FeedServer, db_path) -> None:
    server.routes["/f"] = static(HTML, Content_Type="text/html; charset=utf-8")
    result = only(run_poll(make_config(server.url("/f")), db_path))
    assert (result.status, result.http_status, result.error) == ("error", 200, "not a feed (got an HTML page)")


def test_broken_xml_is_not_a_feed(server: FeedServer, db_path) -> None:
    server.routes["/f"] = static(b"\x00\x01<<<this is &&& not xml at all>>>")
    result = only(run_poll(make_config(server.url("/f")), db_path))
    assert result.status == "error" and result.error.startswith("not a feed")


def test_a_truncated_feed_still_gives_its_entries(server: FeedServer, db_path) -> None:
    server.routes["/f"] = static(rss(item(1), item(2))[:-40])
    result = only(run_poll(make_config(server.url("/f")), db_path))
    assert (result.status, result.new) == ("new", 2)


def test_duplicate_and_missing_guids_keep_every_entry(server: FeedServer, db_path) -> None:
    body = rss(
        item(1, guid="urn:same", title="First with the guid"),
        item(2, guid="urn:same", title="Second with the guid"),
        {"title": "No guid", "link": "https://example.org/x", "description": "one"},
        {"title": "No guid again", "link": "https://example.org/x", "description": "two"},
        {"title": "Only a title"},
        {"title": "Only a title"},
        {"description": "Neither link nor title"},
    )
    server.routes["/f"] = static(body)
    config = make_config(server.url("/f"))
    assert only(run_poll(config, db_path)).new == 7
    guids = [guid for (guid,) in rows(db_path, "SELECT guid FROM articles ORDER BY id")]
    assert guids[0] == "urn:same" and guids[2] == "https://example.org/x" and len(set(guids)) == 7
    # The same document, served again as new bytes, adds nothing: identities are stable.
    server.routes["/f"] = static(body + b"\n")
    again = only(run_poll(config, db_path))
    assert (again.new, again.updated) == (0, 0)
    assert rows(db_path, "SELECT count(*) FROM articles") == [(7,)]


def test_atom_entries_and_html_summaries_become_plain_text(server: FeedServer, db_path) -> None:
    server.routes["/f"] = static(atom({"id": "urn:1", "title": "Cuts", "link": "https://example.org/a",
                                       "summary": "<p>Acme <b>cuts</b> 100 jobs &amp; more</p><script>x</script>",
                                       "updated": "2024-03-01T08:00:00Z"}),
                                 Content_Type="application/atom+xml")
    assert only(run_poll(make_config(server.url("/f")), db_path)).new == 1
    [(title, link, text, published, month)] = rows(
        db_path, "SELECT title, link, text, published, month FROM articles")
    assert (title, link, published, month) == ("Cuts", "https://example.org/a", "2024-03-01T08:00:00Z", "2024-03")
    assert text == "Acme cuts 100 jobs & more"


def test_hostile_text_is_defused(server: FeedServer, db_path) -> None:
    body = rss(
        item(1, title="Red\u009b31m alert \u202eevil\u202c ok", link="javascript:alert(1)"),
        item(2, title="Far future", pubDate="Sat, 01 Jan 2999 00:00:00 GMT"),
        item(3, title="Epoch", pubDate="Thu, 01 Jan 1970 00:00:00 GMT"),
    ).replace(b"Red", b"Red&#x1b;[31m")
    server.routes["/f"] = static(body)
    assert only(run_poll(make_config(server.url("/f")), db_path)).new == 3
    stored = rows(db_path, "SELECT title, link, published, published_known FROM articles ORDER BY id")
    title, link, _, _ = stored[0]
    assert "\x1b" not in title and "\x9b" not in title and "\u202e" not in title and "evil" in title
    assert link is None
    assert stored[1][2:] == ("2024-03-06T12:00:00Z", 0)  # the fetch time stands in
    assert stored[2][2:] == ("2024-03-06T12:00:00Z", 0)


def test_billion_laughs_is_harmless(server: FeedServer, db_path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10))
    body = (f'<?xml version="1.0"?>\n<!DOCTYPE rss [{entities}]>\n<rss version="2.0"><channel><title>t</title>'
            '<item><title>&lol9;</title><guid>g1</guid></item></channel></rss>').encode()
    server.routes["/f"] = static(body)
    started = time.monotonic()
    result = only(run_poll(make_config(server.url("/f")), db_path))
    assert time.monotonic() - started < 5
    assert result.status == "new"  # the declarations are removed, so the entity stays unexpanded text
    assert rows(db_path, "SELECT title FROM articles") == [("&lol9;",)]


def test_two_polls_into_one_database_both_complete(server: FeedServer, db_path) -> None:
    for number in range(12):
        server.routes[f"/f{number}"] = static(rss(*(item(number * 100 + k) for k in range(20))))
    config = make_config(*(server.url(f"/f{number}") for number in range(12)))

    async def both():
        return await asyncio.gather(*(poll_feeds(config, db_path, now=lambda: NOW, tagger=None,
                                                 parse_mode="thread") for _ in range(2)))

    first, second = asyncio.run(both())
    assert first.ok and second.ok
    assert first.new + second.new == 240
    assert rows(db_path, "SELECT count(*) FROM articles") == [(240,)]


def test_a_failed_write_fails_the_feed_not_the_poll(server: FeedServer, db_path, monkeypatch) -> None:
    import sqlite3

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr("tui.poll.runner.write_feed", locked)
    server.routes["/f"] = static(rss(item(1)))
    server.routes["/g"] = static(rss(item(2)), status=404)
    report = run_poll(make_config(server.url("/f"), server.url("/g")), db_path)
    errors = sorted(result.error for result in report.results)
    assert errors[0] == "HTTP 404 Not Found"
    assert errors[1].startswith("could not store it: ") and "busy" in errors[1]


def test_a_database_locked_at_the_start_is_a_store_error(server: FeedServer, db_path, monkeypatch) -> None:
    import sqlite3

    import pytest

    from tui.errors import StoreError
    from tui.store import db as store_db

    server.routes["/f"] = static(rss(item(1)))
    run_poll(make_config(server.url("/f")), db_path)
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="busy"):
            run_poll(make_config(server.url("/f"), server.url("/new")), db_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
