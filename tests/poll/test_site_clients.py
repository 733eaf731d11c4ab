"""One HTTP client per site: small connection pools, one TLS context, all closed with the poll."""

from __future__ import annotations

import asyncio

from tui.config import Settings
from tui.poll.http import SiteClients


def test_each_site_has_its_own_client_and_they_close_together() -> None:
    async def run() -> None:
        async with SiteClients(Settings()) as clients:
            first = clients.for_url("https://news.example.org/a.xml")
            assert clients.for_url("https://NEWS.example.org/b.xml") is first
            assert clients.for_url("http://news.example.org/a.xml") is not first  # another scheme
            assert clients.for_url("https://news.example.org:8443/a.xml") is not first  # another port
            other = clients.for_url("https://wire.example.com/rss")
            assert other is not first
            pool = first._transport._pool  # type: ignore[attr-defined]
            assert pool._max_connections == SiteClients.PER_SITE + 2
            assert first._transport._pool._ssl_context is other._transport._pool._ssl_context  # type: ignore[attr-defined]
        assert first.is_closed and other.is_closed
        assert clients.clients == {}

    asyncio.run(run())


def test_a_url_with_a_broken_port_still_gets_a_client() -> None:
    async def run() -> None:
        async with SiteClients(Settings()) as clients:
            assert clients.for_url("http://example.org:99999999/feed") is not None

    asyncio.run(run())


def test_a_sites_client_closes_after_its_last_feed() -> None:
    """A poll of a thousand sites must not keep a thousand sites' idle connections open to the end."""
    urls = ["https://a.example/1", "https://a.example/2", "https://b.example/1"]

    async def run() -> None:
        async with SiteClients(Settings(), urls) as clients:
            a, b = clients.for_url(urls[0]), clients.for_url(urls[2])
            await clients.finished(urls[0])
            assert not a.is_closed and clients.for_url(urls[1]) is a  # one feed of a.example still to go
            await clients.finished(urls[1])
            assert a.is_closed and not b.is_closed
            assert list(clients.clients) == [("https", "b.example", None)]
        assert b.is_closed

    asyncio.run(run())
