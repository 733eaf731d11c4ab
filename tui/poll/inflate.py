"""Decompressing a response body ourselves, in bounded steps, with a cap on the result.

httpx would decompress without limit, so a 10 KB gzip bomb could become gigabytes in memory. We read
the raw bytes and inflate them with zlib's ``max_length`` so no step yields more than the cap allows.
Only one encoding is accepted: "gzip, gzip" (stacked encodings) is refused rather than unwrapped.
"""

from __future__ import annotations

import zlib


class BodyError(Exception):
    """The body cannot be accepted; the message is for a person."""


def describe_size(limit: int) -> str:
    """10485760 -> "10 MB"."""
    if limit >= 1 << 20 and limit % (1 << 20) == 0:
        return f"{limit >> 20} MB"
    if limit >= 1 << 10 and limit % (1 << 10) == 0:
        return f"{limit >> 10} KB"
    return f"{limit} bytes"


def content_coding(header: str | None) -> str | None:
    """The single coding named by Content-Encoding (None for identity); refuses the rest."""
    codings = [part.strip().lower() for part in (header or "").split(",")]
    codings = [coding for coding in codings if coding and coding != "identity"]
    if not codings:
        return None
    if len(codings) > 1:
        raise BodyError(f"the body is encoded several times ({', '.join(codings)}); refusing it")
    coding = {"x-gzip": "gzip"}.get(codings[0], codings[0])
    if coding not in ("gzip", "deflate"):
        raise BodyError(f"the server used a compression we did not ask for ({coding})")
    return coding


class Inflater:
    """Feeds raw chunks in, gets decoded bytes out; raises ``BodyError`` past ``limit`` bytes."""

    def __init__(self, coding: str | None, limit: int) -> None:
        self.coding = coding
        self.limit = limit
        self.size = 0
        self.decoder: zlib._Decompress | None = None  # type: ignore[name-defined]

    def _new_decoder(self, first: bytes) -> zlib._Decompress:  # type: ignore[name-defined]
        if self.coding == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # "deflate" should be zlib-wrapped (RFC 9110) but some servers send a raw stream.
        wrapped = len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def _count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self.limit:
            raise BodyError(f"body larger than {describe_size(self.limit)}")
        return piece

    def feed(self, data: bytes) -> bytes:
        """Decode one chunk as it arrives, so an oversized body (or a decompression bomb) is refused
        before it is all in memory."""
        if self.coding is None:
            return self._count(data)
        out: list[bytes] = []
        while data:
            if self.decoder is None:
                self.decoder = self._new_decoder(data)
            try:
                out.append(self._count(self.decoder.decompress(data, self.limit - self.size + 1)))
            except zlib.error as error:
                raise BodyError(f"the {self.coding} body is corrupt ({error})") from None
            if self.decoder.eof:
                # A gzip stream may hold several members back to back; anything else after the end
                # of a deflate stream is ignored.
                rest = self.decoder.unused_data
                data = rest if self.coding == "gzip" and rest.startswith(b"\x1f\x8b") else b""
                self.decoder = None
            else:
                data = self.decoder.unconsumed_tail
        return b"".join(out)

    def finish(self) -> bytes:
        """Whatever the decoder still holds; call once after the last chunk."""
        if self.decoder is None:
            return b""
        try:
            return self._count(self.decoder.flush())
        except zlib.error as error:
            raise BodyError(f"the {self.coding} body is corrupt ({error})") from None
