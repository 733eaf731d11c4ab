"""Fetching one feed politely and defensively over a shared ``httpx.AsyncClient``.

Redirects are followed by hand (at most five, http(s) only, loops detected) so every hop is checked;
the body is streamed raw and inflated by ``tui.poll.inflate`` under a size cap; validators make the
request conditional; 429/503 with Retry-After become a "come back at" time. Every failure is a
``FetchError`` whose message a person understands. The overall per-feed deadline is the caller's
(``asyncio.timeout``): read timeouts alone do not stop a server that drips one byte a second.
"""

from __future__ import annotations

import email.utils
import http
import os
import ssl
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx

try:
    import sniffio  # noqa: F401
except ImportError:
    # httpcore tries ``import sniffio`` each time it makes a lock (several times per request), and
    # a failed import is not cached: a filesystem search each time, ~40% of a warm poll's CPU.
    # Newer anyio no longer installs sniffio; record its absence once so httpcore assumes asyncio.
    sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]

from tui import __version__
from tui.config import Settings
from tui.poll.clean import clean_line
from tui.poll.inflate import BodyError, Inflater, content_coding, describe_size

USER_AGENT = f"layoffs-tui/{__version__} (+https://github.com/layoffs-tui/layoffs-tui; feed reader)"
ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
MAX_BODY = 10 * 1024 * 1024
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = timedelta(hours=24)
"""A server asking for a longer pause gets a day: a typo in its header should not silence a feed."""
VALIDATOR_MAX = 512
_REDIRECTS = frozenset((301, 302, 303, 307, 308))
_KEPT_HEADERS = ("content-type", "content-location", "content-language", "etag", "last-modified")


class FetchError(Exception):
    """A feed could not be fetched; ``str()`` is the sentence shown to the user."""

    def __init__(self, message: str, http_status: int | None = None,
                 retry_after: datetime | None = None) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.retry_after = retry_after


@dataclass(frozen=True)
class Fetched:
    """The final response: 200 with a body, or 304."""

    status: int
    url: str
    """After redirects."""
    headers: dict[str, str]
    """Lower-case names; only those the parser and the validators need."""
    body: bytes = b""

    @property
    def etag(self) -> str | None:
        """The ETag to send back as If-None-Match; None when absent, too long or not printable."""
        return _validator(self.headers.get("etag"))

    @property
    def last_modified(self) -> str | None:
        """The Last-Modified to send back as If-Modified-Since; None when absent or unusable."""
        return _validator(self.headers.get("last-modified"))


def _validator(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if value and len(value) <= VALIDATOR_MAX and value.isprintable() else None


def make_client(settings: Settings, ssl_context: ssl.SSLContext | None = None,
                connections: int | None = None) -> httpx.AsyncClient:
    """A client with the poll's timeouts; redirects and decoding left to us."""
    timeout = httpx.Timeout(settings.timeout_seconds, connect=min(10.0, settings.timeout_seconds))
    connections = connections or settings.concurrency + 2
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections, keepalive_expiry=10.0)
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
    return httpx.AsyncClient(timeout=timeout, limits=limits, headers=headers, follow_redirects=False,
                             verify=ssl_context if ssl_context is not None else True)


class SiteClients:
    """One HTTP client per site (scheme, host and port), made on first use, closed together.

    httpx's connection pool looks at every connection it holds for every request it places: one client
    for a poll of 50 sites held up to 66 connections, and the look cost more CPU than the requests
    (200 feeds: 0.45 s of CPU with one client, 0.28 s with one per site; issue 14). A site never has
    more than ``PER_SITE`` feeds in flight, so its pool stays small. The clients share one TLS context
    (loading the CA certificates is 30 ms each time).
    """

    PER_SITE = 2

    def __init__(self, settings: Settings, urls: Iterable[str] = ()) -> None:
        self.settings = settings
        self.clients: dict[tuple[str, str, int | None], httpx.AsyncClient] = {}
        self.ssl_context: ssl.SSLContext | None = None
        self.remaining = Counter(self._site(url) for url in urls)
        """Feeds of each site not yet finished: a site's client (and its kept-alive connections) is
        closed after its last feed, so a poll of a thousand sites never holds a thousand idle sockets."""

    @staticmethod
    def _site(url: str) -> tuple[str, str, int | None]:
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            port = None
        return parts.scheme.lower(), (parts.hostname or "").lower(), port

    def for_url(self, url: str) -> httpx.AsyncClient:
        """The client of ``url``'s site."""
        site = self._site(url)
        client = self.clients.get(site)
        if client is None:
            if self.ssl_context is None:
                self.ssl_context = httpx.create_ssl_context()
            client = make_client(self.settings, self.ssl_context, connections=self.PER_SITE + 2)
            self.clients[site] = client
        return client

    async def finished(self, url: str) -> None:
        """One feed of ``url``'s site is done; after the site's last one its client is closed."""
        site = self._site(url)
        self.remaining[site] -= 1
        if self.remaining[site] <= 0 and (client := self.clients.pop(site, None)) is not None:
            await client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *_: object) -> None:
        clients, self.clients = list(self.clients.values()), {}
        for client in clients:
            await client.aclose()


def status_text(code: int, reason: str = "") -> str:
    """"HTTP 404 Not Found": the standard phrase, else the server's (cleaned)."""
    try:
        phrase = http.HTTPStatus(code).phrase
    except ValueError:
        phrase = clean_line(reason, 60)
    return f"HTTP {code} {phrase}".strip()


def retry_after(value: str | None, now: datetime) -> datetime | None:
    """Retry-After as seconds or an HTTP date, capped at a day; None when absent or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        until = now + timedelta(seconds=min(int(value[:9]), int(MAX_RETRY_AFTER.total_seconds())))
    else:
        try:
            until = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if until.tzinfo is None:
            until = until.replace(tzinfo=UTC)
    return max(now, min(until.astimezone(UTC), now + MAX_RETRY_AFTER)).replace(microsecond=0)


def _os_reason(error: BaseException) -> str:
    """The operating system's words for the failure buried in an exception chain ("connection refused")."""
    seen: BaseException | None = error
    for _ in range(10):
        if seen is None:
            break
        if isinstance(seen, OSError) and seen.errno:
            return os.strerror(seen.errno).lower()
        for inner in getattr(seen, "exceptions", ()):  # anyio's happy-eyeballs group
            if isinstance(inner, OSError) and inner.errno:
                return os.strerror(inner.errno).lower()
        seen = seen.__cause__ or seen.__context__
    return ""


def describe_transport_error(error: httpx.TransportError, timeout: float) -> str:
    """httpx's exceptions as sentences."""
    text = str(error) or type(error).__name__
    lowered = text.lower()
    if isinstance(error, httpx.ConnectTimeout):
        return f"timed out connecting after {min(10.0, timeout):g} s"
    if isinstance(error, httpx.TimeoutException):
        return f"timed out after {timeout:g} s"
    if isinstance(error, httpx.ConnectError):
        lowered += " " + _os_reason(error)
        if "refused" in lowered:
            return "could not connect (connection refused)"
        if "name or service not known" in lowered or "nodename nor servname" in lowered \
                or "temporary failure in name resolution" in lowered or "no address" in lowered:
            return "host not found (DNS lookup failed)"
        if "certificate" in lowered or "ssl" in lowered:
            return f"TLS error: {clean_line(text, 200)}"
        reason = _os_reason(error)
        return f"could not connect ({reason or clean_line(text, 200)})"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server broke the connection ({clean_line(text, 200)})"
    if isinstance(error, httpx.UnsupportedProtocol):
        return "not an http(s) URL"
    return f"network error ({clean_line(text, 200)})"


async def _read_body(response: httpx.Response, limit: int) -> bytes:
    try:
        inflater = Inflater(content_coding(response.headers.get("content-encoding")), limit)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and inflater.coding is None and int(declared) > limit:
            raise BodyError(f"body larger than {describe_size(limit)}")
        parts = [inflater.feed(chunk) async for chunk in response.aiter_raw(65536)]
        parts.append(inflater.finish())
    except BodyError as error:
        raise FetchError(str(error), response.status_code) from None
    return b"".join(parts)


def _next_hop(current: str, response: httpx.Response, visited: list[str]) -> str:
    location = response.headers.get("location", "").strip()
    if not location:
        raise FetchError(f"{status_text(response.status_code)} without a Location to follow",
                         response.status_code)
    target = urljoin(current, location)
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"redirected to a non-http(s) URL ({clean_line(target, 120)})", response.status_code)
    if target in visited:
        raise FetchError(f"redirect loop ({' → '.join(visited[visited.index(target):] + [target])})",
                         response.status_code)
    if len(visited) > MAX_REDIRECTS:
        raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})", response.status_code)
    return target


async def fetch(client: httpx.AsyncClient, url: str, *, etag: str | None, last_modified: str | None,
                now: datetime, timeout: float, max_body: int = MAX_BODY) -> Fetched:
    """GET ``url`` conditionally; returns the 200 or 304, raises ``FetchError`` for anything else."""
    conditional = {}
    if etag:
        conditional["If-None-Match"] = etag
    if last_modified:
        conditional["If-Modified-Since"] = last_modified
    visited = [url]
    current = url
    while True:
        try:
            request = client.build_request("GET", current, headers=conditional)
            response = await client.send(request, stream=True)
        except httpx.TransportError as error:
            raise FetchError(describe_transport_error(error, timeout)) from None
        except httpx.InvalidURL as error:
            raise FetchError(f"invalid URL ({clean_line(str(error), 120)})") from None
        try:
            code = response.status_code
            if code in _REDIRECTS:
                current = _next_hop(current, response, visited)
                visited.append(current)
                continue
            headers = {name: response.headers[name] for name in _KEPT_HEADERS if name in response.headers}
            if code == 304:
                return Fetched(304, current, headers)
            if code in (429, 503):
                until = retry_after(response.headers.get("retry-after"), now)
                wait = f"; asked to wait until {until:%Y-%m-%d %H:%M:%S} UTC" if until else ""
                raise FetchError(status_text(code, response.reason_phrase) + wait, code, until)
            if code >= 400 or code < 200 or code in (204, 205, 206) or 300 <= code < 400:
                raise FetchError(status_text(code, response.reason_phrase), code)
            try:
                body = await _read_body(response, max_body)
            except httpx.TransportError as error:
                raise FetchError(describe_transport_error(error, timeout), code) from None
            return Fetched(code, current, headers, body)
        finally:
            await response.aclose()
