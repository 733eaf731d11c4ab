"""A real HTTP server on 127.0.0.1 for the poller's tests: routes answer with real bytes and headers.

A route is a function of the request (``Seen``) returning a ``Reply``; ``conditional`` builds the usual
one (200 with validators, 304 when the client's validators match). Every request is recorded so
tests can assert what the poller sent.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self


@dataclass
class Seen:
    """A request as the server saw it."""

    path: str
    headers: dict[str, str]


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    drip_seconds: float = 0.0
    """Send the body one byte at a time with this pause: the slow-drip server."""


Route = Callable[[Seen], Reply]


def static(body: bytes, status: int = 200, **headers: str) -> Route:
    hdrs = {"Content-Type": "application/rss+xml; charset=utf-8"} | {k.replace("_", "-"): v
                                                                      for k, v in headers.items()}
    return lambda seen: Reply(status, body, hdrs)


def conditional(body: bytes, etag: str | None = None, last_modified: str | None = None,
                content_type: str = "application/rss+xml; charset=utf-8") -> Route:
    """200 with the validators, or 304 when the request carries a matching one."""

    def route(seen: Seen) -> Reply:
        headers = {"Content-Type": content_type}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        if (etag and seen.headers.get("if-none-match") == etag) or (
                last_modified and not etag and seen.headers.get("if-modified-since") == last_modified):
            return Reply(304, b"", {k: v for k, v in headers.items() if k != "Content-Type"})
        return Reply(200, body, headers)

    return route


class FeedServer:
    """ThreadingHTTPServer on an ephemeral port in a daemon thread."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else headers and body, written apart, wait on a delayed ACK

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                server.seen.append(seen)
                route = server.routes.get(self.path.split("?")[0])
                reply = route(seen) if route else Reply(404, b"not here", {"Content-Type": "text/plain"})
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.status != 304 and "Content-Length" not in reply.headers:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                try:
                    if reply.drip_seconds:
                        for index in range(len(reply.body)):
                            self.wfile.write(reply.body[index:index + 1])
                            self.wfile.flush()
                            time.sleep(reply.drip_seconds)
                    elif reply.status != 304:
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class QuietServer(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hung up on purpose (timeouts, size caps) is not news

        self.httpd = QuietServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_to(self, path: str) -> list[Seen]:
        return [seen for seen in self.seen if seen.path == path]

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
