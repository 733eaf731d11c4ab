"""The benchmark's load generator: N generated feeds served from many loopback addresses.

Runs as its own process (``python bench/feedserver.py ...``) so it does not compete with the client
for the GIL. One ``ThreadingHTTPServer`` per address (127.0.0.2, 127.0.0.3, ...), all on one port;
each feed has a real ETag and Last-Modified and answers 304 when they match, unless the server was
switched (``GET /__mode/ignore``) to ignore validators and resend the same bytes. An optional delay
before each answer stands in for network latency.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Mon, 04 Mar 2024 09:00:00 GMT"


_NAMES = ("Halden", "Corvane", "Brightmoor", "Tessaly", "Ardwick", "Fenmarch", "Lowther", "Quarrel")
_TRADES = ("Freight", "Systems", "Labs", "Foods", "Media", "Retail", "Energy", "Motors")
LAYOFF_SHARE = 0.1
"""Share of generated items that are layoff stories, as in a real news feed (issue 14)."""


def _is_layoff(index: int, share: float) -> bool:
    """Spread ``share`` of the items evenly over all feeds: item ``index`` counted over every feed."""
    return int((index + 1) * share) > int(index * share)


def _layoff_item(number: int, k: int) -> tuple[str, str]:
    """A story the extractor tags, with an event (a company it finds by name, a headcount, a share)."""
    company = f"{_NAMES[(number + k) % len(_NAMES)]} {_TRADES[(number * 3 + k) % len(_TRADES)]}"
    jobs = (k + 1) * 10
    return (f"{company} to cut {jobs} jobs in restructuring",
            (f"&lt;p&gt;{company} said on Monday it would cut about {jobs} jobs, or {k % 20 + 1}% of its "
            f"workforce, as part of a restructuring plan aimed at reducing costs after a difficult year. "
            f"&lt;a href=\"https://example.org/{number}/story-{k}\"&gt;Read more&lt;/a&gt; about the plan, "
            f"the markets it affects and what comes next.&lt;/p&gt;"))


def _other_item(number: int, k: int) -> tuple[str, str]:
    """A story of the same size with no word for job cuts (the extractor stops at its cue check)."""
    return (f"Company {number}-{k} opens a new office in Lisbon",
            (f"&lt;p&gt;The company said on Monday it would open a new office with room for about {(k + 1) * 10} "
            f"engineers, as part of a plan to grow its product teams after a strong year in its home market. "
            f"&lt;a href=\"https://example.org/{number}/story-{k}\"&gt;Read more&lt;/a&gt; about the plan, "
            f"the markets it serves and what comes next.&lt;/p&gt;"))


def feed_document(number: int, items: int, layoff_share: float = LAYOFF_SHARE) -> bytes:
    """An RSS 2.0 feed with ``items`` stories of realistic size (about 700 bytes each), ``layoff_share``
    of them layoff stories."""
    parts = [(f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
              f"<title>Bench feed {number}</title><link>https://example.org/{number}/</link>"
              f"<description>Generated feed {number}</description>")]
    for k in range(items):
        day = 1 + (number + k) % 28
        story = _layoff_item if _is_layoff(number * items + k, layoff_share) else _other_item
        title, description = story(number, k)
        parts.append(
            f"<item><title>{title}</title>"
            f"<link>https://example.org/{number}/story-{k}</link><guid isPermaLink=\"false\">bench-{number}-{k}</guid>"
            f"<pubDate>Mon, {day:02d} Jan 2024 10:{k % 60:02d}:00 GMT</pubDate>"
            f"<description>{description}</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class State:
    def __init__(self, feeds: int, items: int, latency: float, layoff_share: float) -> None:
        self.bodies = [feed_document(n, items, layoff_share) for n in range(feeds)]
        self.etags = ['"' + hashlib.sha1(body).hexdigest()[:16] + '"' for body in self.bodies]
        self.latency = latency
        self.ignore_validators = False
        self.requests = 0


def make_handler(state: State) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, *args: object) -> None:
            pass

        def reply(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path.startswith("/__mode/"):
                state.ignore_validators = self.path.endswith("ignore")
                return self.reply(200, b"ok", {})
            state.requests += 1
            if state.latency:
                time.sleep(state.latency)
            try:
                number = int(self.path.rsplit("/", 1)[-1].removesuffix(".xml"))
                body, etag = state.bodies[number], state.etags[number]
            except (ValueError, IndexError):
                return self.reply(404, b"no such feed", {"Content-Type": "text/plain"})
            validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
            if not state.ignore_validators and (self.headers.get("If-None-Match") == etag or (
                    not self.headers.get("If-None-Match")
                    and self.headers.get("If-Modified-Since") == LAST_MODIFIED)):
                self.send_response(304)
                for name, value in validators.items():
                    self.send_header(name, value)
                self.end_headers()
                return None
            headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
            return self.reply(200, body, headers if state.ignore_validators else headers | validators)

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, required=True)
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--addresses", type=int, default=50)
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--layoff-share", type=float, default=LAYOFF_SHARE)
    args = parser.parse_args()
    state = State(args.feeds, args.items, args.latency_ms / 1000, args.layoff_share)
    handler = make_handler(state)
    for index in range(args.addresses):
        server = ThreadingHTTPServer((f"127.0.0.{2 + index}", args.port), handler)
        server.daemon_threads = True
        server.request_queue_size = 128
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("ready", flush=True)
    sys.stdin.read()  # until the parent closes our stdin


if __name__ == "__main__":
    main()
