"""Case-insensitive patterns run as plain patterns over lower-cased text.

`re.IGNORECASE` makes the regex engine fold every character it compares, several times slower
than a plain match. For text whose only cased characters are ASCII letters, a case-insensitive
pattern over the text finds exactly what the same pattern, with its literal letters lower-cased
and without the flag, finds over `text.lower()` (same length, same positions). `foldable(text)`
says when that holds; callers keep the original pattern for any other text.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["foldable", "lowered"]

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def lowered(pattern: re.Pattern) -> re.Pattern:
    """`pattern` without re.IGNORECASE, its literal letters lower-cased (escapes such as \\S kept)."""
    src = pattern.pattern
    out = []
    i = 0
    while i < len(src):
        char = src[i]
        if char == "\\":
            out.append(src[i : i + 2])
            i += 2
            continue
        if src.startswith("(?P<", i) or src.startswith("(?P=", i):
            close = src.index(">" if src[i + 3] == "<" else ")", i)
            out.append(src[i : close + 1])  # group names as written
            i = close + 1
            continue
        out.append(char.lower())
        i += 1
    return re.compile("".join(out), pattern.flags & ~re.IGNORECASE)


@lru_cache(maxsize=512)
def _uncased(char: str) -> bool:
    return char.lower() == char == char.upper() and char.casefold() == char


def foldable(text: str) -> bool:
    """True when every cased character of `text` is an ASCII letter (so `lowered` patterns are exact)."""
    return text.isascii() or all(_uncased(c) for c in _NON_ASCII.findall(text))
