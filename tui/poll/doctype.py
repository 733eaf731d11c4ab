"""Removing DOCTYPE internal subsets and ENTITY declarations before feedparser sees a document.

feedparser keeps "safe" entity declarations and hands the rest to its parsers; its fallback (loose)
parser expands nested entities without limit, so a "billion laughs" document costs quadratic time
and memory. Feeds have no business declaring entities: we drop the internal subset ``[...]`` of the
DOCTYPE (keeping the public identifier, which feedparser reads to tell Netscape RSS 0.91 apart) and
any stray ``<!ENTITY>`` in the prolog. UTF-16/32 documents are decoded, cleaned and re-encoded the
same way so the trick cannot be smuggled past a byte-level regex.
"""

from __future__ import annotations

import codecs
import re

_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY\b.*?>", re.IGNORECASE | re.DOTALL)

_WIDE = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"),
)


def _wide_codec(body: bytes) -> str | None:
    for prefix, codec in _WIDE:
        if body.startswith(prefix):
            return codec
    return None


def _strip_prolog(body: bytes) -> bytes:
    """The byte-level work on an ASCII-compatible document."""
    first = _FIRST_ELEMENT.search(body)
    end = first.start() if first else len(body)
    head = body[:end]
    if b"<!" not in head:
        return body
    match = _DOCTYPE.search(head)
    if match:
        subset = head.find(b"[", match.end())
        close = head.find(b">", match.end())
        if subset != -1 and (close == -1 or subset < close):
            stop = head.rfind(b"]")
            tail = head.find(b">", stop) if stop > subset else -1
            head = head[:subset] + (head[tail:] if tail != -1 else b">")
    head = _ENTITY.sub(b"", head)
    return head + body[end:]


def strip_declarations(body: bytes) -> bytes:
    """``body`` without entity declarations in its prolog; unchanged when it has none."""
    codec = _wide_codec(body)
    if codec is None:
        return _strip_prolog(body) if b"<!" in body[:65536] else body
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        return body  # feedparser will find it undecodable too and parse nothing from it
    cleaned = _strip_prolog(text.encode("utf-8"))
    if len(cleaned) == len(text.encode("utf-8")):
        return body
    # "utf-16"/"utf-32" write a BOM again; the -le/-be codecs keep the BOM-less form.
    return cleaned.decode("utf-8").encode(codec)
