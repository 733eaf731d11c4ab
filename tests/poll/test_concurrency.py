"""How many feeds are fetched at once: ``concurrency`` from feeds.toml (default ``DEFAULT_CONCURRENCY``),
never more than 2 per host. Issue 14 raised the default from 8: a warm poll is pure network wait."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.poll.feeds import item, rss
from tests.poll.server import FeedServer, Reply, Seen
from tui.config import DEFAULT_CONCURRENCY, load_config
from tui.poll import poll_feeds

HOLD_SECONDS = 0.4
"""How long each answer waits: long enough that every request the poller allows is in flight at once."""


class InFlight:
    """Counts the requests being answered at the same time, over every server."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = self.most = 0

    def route(self, seen: Seen) -> Reply:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(HOLD_SECONDS)
        with self.lock:
            self.now -= 1
        return Reply(200, rss(item(1)), {"Content-Type": "application/rss+xml"})


@pytest.fixture
def sites() -> Iterator[tuple[list[FeedServer], InFlight]]:
    """Twelve sites (127.0.0.2 to 127.0.0.13), each serving /a and /b slowly."""
    counter = InFlight()
    with ExitStack() as stack:
        servers = [stack.enter_context(FeedServer(host=f"127.0.0.{n}")) for n in range(2, 14)]
        for server in servers:
            server.routes["/a"] = server.routes["/b"] = counter.route
        yield servers, counter


def _config(tmp_path: Path, servers: list[FeedServer], paths: str, settings: str) -> Path:
    """feeds.toml with ``settings`` and a feed per server and path (each letter of ``paths``)."""
    urls = [f"http://{s.httpd.server_address[0]}:{s.port}/{p}" for s in servers for p in paths]
    path = tmp_path / "feeds.toml"
    path.write_text(settings + "".join(f'[[feeds]]\nurl = "{url}"\n' for url in urls))
    return path


def test_the_default_fetches_more_than_eight_sites_at_once(sites, tmp_path: Path) -> None:
    servers, counter = sites
    config = load_config(_config(tmp_path, servers, "a", ""))
    assert config.settings.concurrency == DEFAULT_CONCURRENCY >= 12
    report = asyncio.run(poll_feeds(config, tmp_path / "l.db", tagger=None, parse_mode="thread"))
    assert report.ok and len(report.results) == 12
    assert counter.most == 12  # every site at once (8 under the old default)


def test_concurrency_from_feeds_toml_caps_the_feeds_in_flight(sites, tmp_path: Path) -> None:
    servers, counter = sites
    config = load_config(_config(tmp_path, servers, "a", "[settings]\nconcurrency = 5\n\n"))
    report = asyncio.run(poll_feeds(config, tmp_path / "l.db", tagger=None, parse_mode="thread"))
    assert report.ok and counter.most == 5


def test_never_more_than_two_at_once_per_site(sites, tmp_path: Path) -> None:
    servers, counter = sites
    for path in ("/c", "/d"):
        servers[0].routes[path] = counter.route
    config = load_config(_config(tmp_path, servers[:1], "abcd", ""))
    report = asyncio.run(poll_feeds(config, tmp_path / "l.db", tagger=None, parse_mode="thread"))
    assert report.ok and len(report.results) == 4 and counter.most == 2
