"""Sample feeds shipped in the package, and a database built from them for ``layoffs-tui demo``.

The demo goes through the real parser, store and extractor (only HTTP is skipped), so what a newcomer
and the screenshots see is what a real poll of these feeds would store.
"""

from __future__ import annotations

from datetime import datetime
from importlib import resources
from pathlib import Path

from tui.config import Config, FeedConfig
from tui.poll.parse import parse_feed
from tui.store import open_db, write_transaction
from tui.store.articles import store_entries
from tui.store.cuts import update_cuts
from tui.store.feeds import record_poll, sync_feeds
from tui.store.tags import Tagger, default_tagger

DEMO_FEEDS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    # (file, name, content type, tags)
    ("tech-cuts.rss", "Tech Cuts Weekly", "application/rss+xml; charset=utf-8", ("tech", "layoffs")),
    ("business-desk.atom", "Business Desk", "application/atom+xml; charset=utf-8", ("business",)),
    ("work-markets.rss", "Work & Markets", "application/rss+xml; charset=utf-8", ("work",)),
)
DEMO_URL = "https://example.com/demo/feeds/"


def demo_config() -> Config:
    """The demo's feed list (no file behind it: the demo never polls or edits it)."""
    feeds = tuple(FeedConfig(url=DEMO_URL + file, name=name, tags=tags) for file, name, _, tags in DEMO_FEEDS)
    return Config(path=None, feeds=feeds)


def demo_feed_bytes(file: str) -> bytes:
    """The bytes of one bundled sample feed."""
    return resources.files("tui.demo").joinpath("feeds", file).read_bytes()


def build_demo_db(db_path: Path, now: datetime, tagger: Tagger | None = None) -> None:
    """Create (or refresh) a database at ``db_path`` holding the sample feeds, tagged."""
    tagger = tagger or default_tagger()
    db = open_db(db_path)
    try:
        states = sync_feeds(db, demo_config().feeds)
        for file, _name, content_type, _tags in DEMO_FEEDS:
            url = DEMO_URL + file
            parsed = parse_feed(demo_feed_bytes(file), {"content-type": content_type}, url)
            with write_transaction(db):
                counts = store_entries(db, states[url].id, parsed.entries, now, tagger)
                status = "new" if counts.new else "unchanged"
                record_poll(db, states[url].id, now=now, status=status, http_status=200, title=parsed.title)
        update_cuts(db)
    finally:
        db.close()
