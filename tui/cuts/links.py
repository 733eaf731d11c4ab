"""A story's identity across feeds: the same link in two feeds is one story.

Feeds decorate links with tracking parameters (``utm_source``), fragments, ``www.`` and a
trailing slash; none of that makes a different story, so all of it is dropped from the key.
"""

from __future__ import annotations

import functools
from urllib.parse import parse_qsl, urlencode, urlsplit

TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "ncid",
        "cmpid",
        "taid",
        "ref",
        "ref_src",
        "src",
        "smid",
        "sr_share",
        "guccounter",
        "guce_referrer",
        "guce_referrer_sig",
        "__twitter_impression",
    }
)
"""Query parameters that say where a reader came from, not which story it is (plus every ``utm_*``)."""


def _tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKING_PARAMS


@functools.lru_cache(maxsize=65_536)
def story_key(link: str | None, article_id: int) -> str:
    """``example.com/a/b?id=3`` for any spelling of that link; ``article:ID`` for an article without one.

    Cached: a poll reads the same stored cuts' links again for each feed it writes.
    """
    text = (link or "").strip()
    if not text:
        return f"article:{article_id}"
    scheme_end = text.find("://")
    if scheme_end > 0 and not any(mark in text for mark in "?#@\\"):  # the usual link: no parsing needed
        host, _, path = text[scheme_end + 3 :].partition("/")
        return host.lower().removeprefix("www.") + ("/" + path).rstrip("/") if host else text.lower()
    parts = urlsplit(text)
    if not parts.netloc:
        return text.rstrip("/").lower() or f"article:{article_id}"
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(
        sorted(
            (name, value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
            if not _tracking(name)
        )
    )
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{query}" if query else "")
