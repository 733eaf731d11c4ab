"""Turning a feed item's title and summary into sentences.

Feed summaries hold HTML, entities and typographic quotes; the rules downstream want plain text
cut into sentences, with short heading lines (round-ups put company names there) marked.
Everything here is regex work compiled once, because the extractor must run thousands of stories
a second.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

__all__ = ["Sentence", "clean", "split"]

_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|br|div|li|ul|ol|h[1-6]|tr|table|blockquote|section|article)\b[^>]*>", re.IGNORECASE
)
_ANY_TAG = re.compile(r"<[^>]{0,500}>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]{2,}|[\t\u00a0\u2009\u202f]")
_REPLACEMENTS = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00ad", ""))
_BOUNDARY = re.compile(r"""[.!?][.!?]*["')\]]*\s+(?=["'(\[]?[A-Z0-9])""")
"""[.!?]+ written with a leading character class, so the engine skips ahead to punctuation."""
_LAST_WORD = re.compile(r"([A-Za-z.]+)[.!?]+[\"')\]]*\s+$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st co inc corp ltd jr sr no vs gen gov sen rep jan feb mar apr jun jul aug sep sept oct nov dec"  # noqa: SIM905
    " mt ft approx est dept univ bros".split()
)
_GLUED = re.compile(r"(?<=[a-z]{2})(?=(?:A|The) [a-z])")
"""Scraped text loses the space between a heading or caption and the next sentence ("GallowayA quarter")."""


def _reglue(text: str) -> str:
    """Put back the lost space before a glued "A"/"The"; a quick search first, the substitution only on a hit."""
    return _GLUED.sub(" ", text) if _GLUE_HINT.search(text) else text


_GLUE_HINT = re.compile(r"A (?<=[a-z]{2}A )|The (?<=[a-z]{2}The )")
"""Where _GLUED may match (it also wants a small letter next); opening with "A" or "T" lets the engine skip ahead."""


_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]{2,}(?:[ ,/]+[A-Z][A-Za-z.'-]*){0,3}"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\([A-Za-z .&'-]{2,30}\)|[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]+){0,2})"
    r"\s*[-\u2013\u2014:]+\s*(?=\S)"
)
"""A wire dateline ("BERLIN (Reuters) -", "NEW YORK (AP) —"): a place, never an employer."""
_LINKED_STORY = re.compile(
    r"^(?:read more|read also|also read|related|related stories|see also|recommended|more on this|"
    r"you may also like|also see|don't miss|must read|trending)\s*[:|-]",
    re.IGNORECASE,
)
"""An inline link to another story ("Read More: X puts 12,000 jobs at risk"): not this story's text."""
_BASED_AFTER_STATE = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?), ([A-Z][a-z]{1,5}\.?|[A-Z]{2}|(?:[A-Z]\.){1,3})-(based|headquartered)\b"
)
"""'Lewes, Del.-based X', 'Austin, Texas-based X': one place adjective, so the comma does not end the name."""


_LIST_ITEM = re.compile(
    r"^\**((?:[A-Z0-9][\w&.'+]*|[a-z]+[A-Z][\w&.'+]*)(?:\s+(?:&\s+|of\s+)?(?:[A-Z0-9][\w&.'+-]*)){0,4})\**"
    r"\s*(?:[\u2013\u2014:]|\s-)\s+(?=\S)"
)
"""A round-up's list entry ("Lyft: about 700 jobs", "Milkrun - Shutdown leading to 400 job losses"):
the name is a heading for the rest of the line."""


def _paragraph(para: str) -> str:
    """A paragraph without a leading dateline, with a 'City, State-based' adjective written as one word."""
    if para[:1].isupper() and (
        " -" in para[:40] or "\u2014" in para[:40] or "\u2013" in para[:40] or ":" in para[:40]
    ):
        dateline = _DATELINE.match(para)
        if dateline and not dateline.group().rstrip(" -:\u2013\u2014").isdigit():
            para = para[dateline.end() :]
    if "-based" in para or "-headquartered" in para:
        para = _BASED_AFTER_STATE.sub(r"\1-\3", para)
    return para


_HEADING_END = re.compile(r"[.!?:;,\"']$")
_HEADING_PUNCT = ".!?:;,\"'"
"""_HEADING_END's characters: a paragraph (never holding a newline) ends with one of them or is a heading."""


@dataclass(frozen=True)
class Sentence:
    """A sentence with where it came from."""

    text: str
    heading: bool = False
    """A short line without final punctuation: in round-ups, the name of the next company."""
    title: bool = False
    item: bool = False
    """The text of a list entry after its name ("Milkrun - Shutdown leading to 400 job losses"): it
    opens with a description, and its subject is the entry's name."""

    def __init__(self, text: str, heading: bool = False, title: bool = False, item: bool = False) -> None:
        # Written out (the dataclass keeps it): a frozen dataclass's own __init__ is twice as slow.
        d = self.__dict__
        d["text"], d["heading"], d["title"], d["item"] = text, heading, title, item


_TICKER = re.compile(
    r"\s*\((?:(?:NASDAQ|Nasdaq|NYSE|LSE|TSX|ASX|NSE|BSE|OTC|TSE|HKEX|SGX|ETR|EPA|AMS|SIX|FRA)\s*:\s*[A-Z0-9.]{1,8}"
    r"|[A-Z][A-Z0-9.]{1,6},\s*Financial)\)"
)
"""A stock ticker in brackets after a name ("(NASDAQ:MSFT)", "(INTC, Financial)"): it splits a list of names."""
_TICKER_HINT = re.compile(r"\((?:[A-Z]{2,6}\s*:|[A-Z][A-Z0-9.]{1,6},\s*Financial\))")


def clean(text: str) -> str:
    """Plain text from a summary that may hold HTML; paragraph breaks kept as newlines."""
    if "<" in text:
        text = _SCRIPT.sub(" ", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _ANY_TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if "(" in text and _TICKER_HINT.search(text):
        text = _TICKER.sub("", text)
    ascii_only = text.isascii()  # then none of the typographic characters below is there
    if not ascii_only:
        for old, new in _REPLACEMENTS:
            if old in text:
                text = text.replace(old, new)
    if "A " in text or "The " in text:
        text = _reglue(text)
    if (
        "  " in text
        or "\t" in text
        or (not ascii_only and ("\u00a0" in text or "\u2009" in text or "\u202f" in text))
    ):
        text = _SPACES.sub(" ", text)
    return text


def _is_abbreviation(chunk: str) -> bool:
    """True when the full stop ending `chunk` belongs to an abbreviation ("Co.", "N.H.")."""
    match = _LAST_WORD.search(chunk, max(0, len(chunk) - 24))
    if not match:
        return False
    word = match.group(1)
    if "." in word.strip("."):
        return True  # initials such as U.S. or N.C.
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def split(title: str, summary: str) -> list[Sentence]:
    """The title as one sentence, then the summary's sentences in order."""
    out = [Sentence(clean(title).strip(), title=True)] if title.strip() else []
    for para in clean(summary).split("\n"):
        para = para.strip(" -*\u2022\t")
        if not para or _LINKED_STORY.match(para):
            continue
        para = _paragraph(para)
        item = _LIST_ITEM.match(para) if len(para) > 12 else None
        if item and item.end() < len(para):
            out.append(Sentence(item.group(1), heading=True))
            para = para[item.end() :]
            para = para[:1].upper() + para[1:]
            entry = True
        else:
            entry = False
        # a heading: capitalised, no final punctuation (_HEADING_END), at most six words
        if para[0].isupper() and para[-1] not in _HEADING_PUNCT and len(para.split(None, 6)) <= 6:
            out.append(Sentence(para, heading=True))
            continue
        start = 0
        for match in _BOUNDARY.finditer(para):
            chunk = para[start : match.end()]
            if _is_abbreviation(chunk):
                continue
            out.append(Sentence(chunk.strip(), item=entry and not start))
            start = match.end()
        rest = para[start:].strip()
        if rest:
            out.append(Sentence(rest, item=entry and not start))
    return out
