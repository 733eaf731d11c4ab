"""Redirects, compression, slow and oversized bodies, dead ports: the transport's failure modes."""

from __future__ import annotations

import gzip
import socket
import zlib

import pytest

from tests.poll.conftest import make_config
from tests.poll.feeds import item, rss
from tests.poll.helpers import only, rows, run_poll
from tests.poll.server import FeedServer, Reply, static

BODY = rss(item(1), item(2))
RSS = {"Content-Type": "application/rss+xml"}


def redirect(to: str, status: int = 301):
    return lambda seen: Reply(status, b"", {"Location": to})


def test_redirects_are_followed(server: FeedServer, db_path) -> None:
    server.routes["/old"] = redirect("/older", 301)
    server.routes["/older"] = redirect(server.url("/feed"), 307)
    server.routes["/feed"] = static(BODY)
    result = only(run_poll(make_config(server.url("/old")), db_path))
    assert (result.status, result.new) == ("new", 2)


def test_a_redirect_loop_is_an_error(server: FeedServer, db_path) -> None:
    server.routes["/a"] = redirect("/b")
    server.routes["/b"] = redirect("/a")
    result = only(run_poll(make_config(server.url("/a")), db_path))
    assert result.status == "error" and result.error.startswith("redirect loop (")


def test_more_than_five_redirects_is_an_error(server: FeedServer, db_path) -> None:
    for hop in range(7):
        server.routes[f"/r{hop}"] = redirect(f"/r{hop + 1}")
    server.routes["/r7"] = static(BODY)
    result = only(run_poll(make_config(server.url("/r0")), db_path))
    assert result.error == "too many redirects (more than 5)"
    for hop in range(2):  # five hops are fine
        server.routes[f"/s{hop}"] = redirect(f"/s{hop + 1}")
    server.routes["/s2"] = static(BODY)
    assert only(run_poll(make_config(server.url("/s0")), db_path)).status == "new"


def test_a_redirect_to_another_scheme_is_refused(server: FeedServer, db_path) -> None:
    server.routes["/f"] = redirect("file:///etc/passwd")
    result = only(run_poll(make_config(server.url("/f")), db_path))
    assert result.error.startswith("redirected to a non-http(s) URL")


@pytest.mark.parametrize("coding, packed", [
    ("gzip", gzip.compress(BODY)),
    ("deflate", zlib.compress(BODY)),
    ("deflate", zlib.compress(BODY)[2:-4]),  # raw deflate, as some servers send it
], ids=["gzip", "zlib-deflate", "raw-deflate"])
def test_compressed_bodies(server: FeedServer, db_path, coding: str, packed: bytes) -> None:
    server.routes["/f"] = lambda seen: Reply(200, packed, RSS | {"Content-Encoding": coding})
    assert only(run_poll(make_config(server.url("/f")), db_path)).new == 2


def test_stacked_encodings_are_refused(server: FeedServer, db_path) -> None:
    packed = gzip.compress(gzip.compress(BODY))
    server.routes["/f"] = lambda seen: Reply(200, packed, RSS | {"Content-Encoding": "gzip, gzip"})
    result = only(run_poll(make_config(server.url("/f")), db_path))
    assert result.error == "the body is encoded several times (gzip, gzip); refusing it"


def test_a_gzip_bomb_stops_at_the_cap(server: FeedServer, db_path) -> None:
    bomb = gzip.compress(b"<rss>" + b" " * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 100_000
    server.routes["/f"] = lambda seen: Reply(200, bomb, RSS | {"Content-Encoding": "gzip"})
    result = only(run_poll(make_config(server.url("/f")), db_path))
    assert result.error == "body larger than 10 MB"


def test_an_oversized_body_is_refused(server: FeedServer, db_path) -> None:
    huge = b"<rss>" + b"x" * (10 * 1024 * 1024)
    server.routes["/f"] = lambda seen: Reply(200, huge, RSS)
    assert only(run_poll(make_config(server.url("/f")), db_path)).error == "body larger than 10 MB"


def test_a_slow_drip_is_cut_off_by_the_deadline(server: FeedServer, db_path) -> None:
    server.routes["/f"] = lambda seen: Reply(200, BODY, RSS, drip_seconds=0.05)
    result = only(run_poll(make_config(server.url("/f"), timeout=0.5), db_path))
    assert result.error == "timed out after 0.5 s"
    assert result.elapsed < 2


def test_a_dead_port_fails_and_the_others_are_stored(server: FeedServer, db_path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/feed"
    server.routes["/f"] = static(BODY)
    report = run_poll(make_config(dead, server.url("/f")), db_path)
    by_url = {result.url: result for result in report.results}
    assert by_url[dead].error == "could not connect (connection refused)"
    assert by_url[server.url("/f")].new == 2
    assert (report.failed, report.ok) == (1, False)
    assert rows(db_path, "SELECT last_status, last_error FROM feeds WHERE url = ?", dead) == [
        ("error", "could not connect (connection refused)")]


def test_http_errors_read_as_sentences(server: FeedServer, db_path) -> None:
    result = only(run_poll(make_config(server.url("/nothing-here")), db_path))
    assert (result.status, result.http_status, result.error) == ("error", 404, "HTTP 404 Not Found")
