"""Conditional GET, unchanged bytes and Retry-After, against a real local server."""

from __future__ import annotations

from datetime import timedelta

from tests.poll.conftest import make_config
from tests.poll.feeds import item, rss
from tests.poll.helpers import NOW, feed_row, only, rows, run_poll
from tests.poll.server import FeedServer, Reply, conditional, static

BODY = rss(item(1), item(2))


def test_200_then_304_keeps_and_sends_the_validators(server: FeedServer, db_path) -> None:
    lm = "Tue, 05 Mar 2024 10:00:00 GMT"
    server.routes["/f"] = conditional(BODY, etag='"v1"', last_modified=lm)
    config = make_config(server.url("/f"))
    first = only(run_poll(config, db_path))
    assert (first.status, first.http_status, first.new) == ("new", 200, 2)
    assert (feed_row(db_path)["etag"], feed_row(db_path)["last_modified"]) == ('"v1"', lm)
    second = only(run_poll(config, db_path))
    assert (second.status, second.http_status, second.new) == ("not_modified", 304, 0)
    sent = server.requests_to("/f")[-1].headers
    assert (sent["if-none-match"], sent["if-modified-since"]) == ('"v1"', lm)
    assert rows(db_path, "SELECT count(*) FROM articles") == [(2,)]


def test_a_304_with_a_new_etag_updates_it(server: FeedServer, db_path) -> None:
    def route(seen):
        if seen.headers.get("if-none-match") in ('"v1"', '"v2"'):
            return Reply(304, b"", {"ETag": '"v2"'})
        return Reply(200, BODY, {"Content-Type": "application/rss+xml", "ETag": '"v1"'})

    server.routes["/f"] = route
    config = make_config(server.url("/f"))
    run_poll(config, db_path)
    assert only(run_poll(config, db_path)).status == "not_modified"
    assert feed_row(db_path)["etag"] == '"v2"'
    run_poll(config, db_path)
    assert server.requests_to("/f")[-1].headers["if-none-match"] == '"v2"'


def test_same_bytes_without_validators_are_not_parsed_again(server: FeedServer, db_path) -> None:
    server.routes["/f"] = static(BODY)
    config = make_config(server.url("/f"))
    assert only(run_poll(config, db_path)).new == 2
    again = only(run_poll(config, db_path))
    assert (again.status, again.new, again.updated) == ("unchanged", 0, 0)
    server.routes["/f"] = static(rss(item(1), item(2), item(3)))
    assert only(run_poll(config, db_path)).new == 1


def test_429_with_retry_after_skips_the_feed_until_then(server: FeedServer, db_path) -> None:
    server.routes["/f"] = static(b"slow down", status=429, Retry_After="120")
    config = make_config(server.url("/f"))
    first = only(run_poll(config, db_path))
    assert first.status == "error" and first.error.startswith("HTTP 429 Too Many Requests")
    assert feed_row(db_path)["retry_after_until"] == "2024-03-06T12:02:00Z"
    skipped = run_poll(config, db_path, now=NOW + timedelta(seconds=60))
    assert only(skipped).status == "skipped" and skipped.ok
    assert len(server.requests_to("/f")) == 1
    server.routes["/f"] = static(BODY)
    later = only(run_poll(config, db_path, now=NOW + timedelta(seconds=121)))
    assert (later.status, later.new) == ("new", 2)
    assert feed_row(db_path)["retry_after_until"] is None


def test_503_with_an_http_date(server: FeedServer, db_path) -> None:
    server.routes["/f"] = static(b"", status=503, Retry_After="Wed, 06 Mar 2024 13:00:00 GMT")
    result = only(run_poll(make_config(server.url("/f")), db_path))
    assert result.http_status == 503 and "until 2024-03-06 13:00:00 UTC" in result.error
    assert feed_row(db_path)["retry_after_until"] == "2024-03-06T13:00:00Z"


def test_user_agent_and_accept_encoding(server: FeedServer, db_path) -> None:
    server.routes["/f"] = static(BODY)
    run_poll(make_config(server.url("/f")), db_path)
    sent = server.requests_to("/f")[0].headers
    assert sent["user-agent"].startswith("layoffs-tui/") and "feed reader" in sent["user-agent"]
    assert sent["accept-encoding"] == "gzip, deflate"


def test_a_skipped_feed_lets_its_sites_client_close(server: FeedServer, db_path, monkeypatch) -> None:
    """A feed skipped for Retry-After counts as finished for its site, so the site's client (and its
    kept-alive connections) closes after the site's other feeds instead of at the end of the poll."""
    from tui.poll.http import SiteClients

    server.routes["/busy"] = static(b"", status=503, Retry_After="600")
    server.routes["/ok"] = static(BODY)
    config = make_config(server.url("/busy"), server.url("/ok"))
    run_poll(config, db_path)
    finished: list[str] = []
    real = SiteClients.finished

    async def spy(self: SiteClients, url: str) -> None:
        finished.append(url)
        await real(self, url)

    monkeypatch.setattr(SiteClients, "finished", spy)
    report = run_poll(config, db_path, now=NOW + timedelta(seconds=60))
    assert sorted(result.status for result in report.results) == ["skipped", "unchanged"]
    assert sorted(finished) == sorted([server.url("/busy"), server.url("/ok")])
