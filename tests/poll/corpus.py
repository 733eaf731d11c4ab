"""Reading feedparser's test corpus (../shared/peer/feedparser-tests): files and the headers they expect.

Each file opens with a comment holding ``Header: Name: value`` lines, the HTTP headers feedparser's own
suite serves it with; files that start with a BOM or are UTF-16/32 are decoded first to read them.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

HEADER_LINE = re.compile(r"^Header:\s+([^:]+):(.*)$", re.MULTILINE)
_DECODINGS = (
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"),
)


def corpus_files(root: Path) -> list[Path]:
    """Every feed file under ``root`` (README and licence excluded), sorted."""
    return sorted(path for path in root.rglob("*") if path.is_file()
                  and path.name not in ("README.md", "LICENSE-feedparser"))


def expected_headers(data: bytes) -> dict[str, str]:
    """The response headers a file asks to be served with; Content-Type defaults to application/xml."""
    codec = next((codec for prefix, codec in _DECODINGS if data.startswith(prefix)), "utf-8")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    headers = {name.strip().lower(): value.strip() for name, value in HEADER_LINE.findall(text[:8192])}
    headers.setdefault("content-type", "application/xml")
    return headers
