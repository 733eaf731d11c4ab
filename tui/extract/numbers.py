"""Finding figures in a sentence: counts, percents and shares, with how firmly they are stated.

News writes the same number many ways (1,000 / 1'000 / 1.000 / 1K / 3,00,000 / "a thousand" /
"two dozen") and hedges it ("about", "more than", "hundreds of"). This module only reads the
figures; deciding which one is a layoff count is left to linking.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from tui.extract.lowered import lowered
from tui.extract.vocabulary import HEDGES

__all__ = ["Figure", "find_figures", "word_number"]

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}
_SHARES = {
    "half": 50.0,
    "third": 33.3,
    "quarter": 25.0,
    "fifth": 20.0,
    "tenth": 10.0,
    "sixth": 16.7,
    "eighth": 12.5,
    "thirds": 66.7,
    "quarters": 75.0,
    "fifths": 40.0,
}


def _literal_trie(words: list[str]) -> str:
    """An alternation of literal words grouped by first letter (cheaper for the regex engine)."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items()))


_W = _literal_trie([*_UNITS, "hundred", "thousand", "million", "billion", "dozen"])
_W_FIRST = _literal_trie(list(_UNITS))
_WORDNUM = rf"(?:an?[\s-]+(?:hundred|thousand|million|dozen)|(?:{_W_FIRST}))(?:[\s-]+(?:and[\s-]+)?(?:{_W}))*"
_DIGITS = (
    r"\d{1,2}(?:,\d{2})+,\d{3}"  # Indian grouping: 3,00,000
    r"|\d{1,3}(?:[,'\u2019]\d{3})+(?:\.\d+)?"  # 1,000 / 1'000
    r"|\d{1,3}(?:\.\d{3})+(?![\d])"  # 1.000 in European text
    r"|\d+(?:\.\d+)?"
)
_SCALE_SUFFIX = r"(?:\s*(?P<k>k)\b|\s+(?P<scale>million|billion|lakhs?|crores?|thousand|hundred)\b)?"
_PERCENT = r"(?P<pct>\s*%|\s*(?:per\s?cent|percent|pc)\b)?"
_FIGURE = re.compile(  # run on lower-cased text: case-insensitive matching is several times slower
    rf"\b(?=[\dadefhmnost])(?:(?P<vague>\b(?:tens of thousands|hundreds of thousands|several (?:hundred|thousand|dozen)|"
    rf"a few (?:hundred|thousand|dozen)|(?:many|some) hundreds?|hundreds|thousands|dozens|scores|"
    rf"(?:four|five|six|seven)[\s-](?:digit|figure) (?:number|sum|figure)|double[\s-]digit (?:number|percentage))\b)"
    rf"|(?P<share>\b(?:(?:a|one)[\s-]+(?:half|third|quarter|fifth|sixth|tenth|eighth)|half|"
    rf"(?:two|three|four)[\s-](?:thirds|quarters|fifths)|one[\s-]in[\s-](?P<inn>\d+|{_W}))\b)"
    rf"|(?P<num>(?<![\w.$\u00a3\u20ac\u00a5\u20b9])(?:{_DIGITS}))(?P<money_suffix>(?:m|mn|bn|b)\b)?{_SCALE_SUFFIX}{_PERCENT}(?![a-z])"
    rf"|(?P<word>\b{_WORDNUM}\b){_PERCENT.replace('pct', 'wpct')})",
)
assert list(_FIGURE.groupindex) == [
    "vague",
    "share",
    "inn",
    "num",
    "money_suffix",
    "k",
    "scale",
    "pct",
    "word",
    "wpct",
], "find_figures unpacks m.groups() in this order"
_WORD_SPLIT = re.compile(r"[\s-]+")
_EUROPEAN = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SEPARATORS = re.compile(r"[,'\u2019]")
_APPROX_1 = frozenset([h for h in HEDGES if " " not in h] + ["~", "c."])
_APPROX_2 = frozenset(h for h in HEDGES if h.count(" ") == 1)
_APPROX_3 = frozenset(h for h in HEDGES if h.count(" ") == 2)
_APPROX_LAST = _APPROX_1 | {phrase.rsplit(" ", 1)[-1] for phrase in _APPROX_2 | _APPROX_3}
"""The word each hedge ends with."""
_APPROX_AFTER = re.compile(r"^(?:\+|-plus\b|\s+or so\b|\s+odd\b)", re.IGNORECASE)
_RANGE_AFTER = re.compile(
    rf"^\s*(?:%|percent|per cent)?\s*(?:-|\u2013|\u2014|to|or)\s*(?:{_DIGITS})", re.IGNORECASE
)
_RANGE_BEFORE = re.compile(
    rf"(?:between\s+(?:{_DIGITS})\s*%?\s*and|(?:{_DIGITS})\s*%?\s*(?:-|\u2013|to|or))\s*$", re.IGNORECASE
)
_APPROX_AFTER_LOW = lowered(_APPROX_AFTER)
_RANGE_AFTER_LOW = lowered(_RANGE_AFTER)
_RANGE_BEFORE_LOW = lowered(_RANGE_BEFORE)
_MONEY_HINT = re.compile("[$\u00a3\u20ac\u00a5\u20b9RIUE]")
_MONEY_CHARS = frozenset("$\u00a3\u20ac\u00a5\u20b9RIUE")
"""_MONEY_HINT's characters, for a set test."""
_RANGE_HINT = re.compile("[-\u2013]|to|and|or")
_MONEY_BEFORE = re.compile(
    r"(?:[$\u00a3\u20ac\u00a5\u20b9]|\b(?:US|C|A|HK|S|NZ)\$|\bRs\.?|\bINR|\bUSD|\bEUR)\s*$"
)


class Figure(NamedTuple):
    """A number as written, where it sits, and how it is hedged."""

    start: int
    end: int
    value: float | None
    """The number (a percent for percents and shares); None for vague amounts and ranges."""
    kind: str
    """exact, approx or vague."""
    percent: bool = False
    share: bool = False
    """A fraction in words ("a third", "one in ten"), weaker than a stated percent."""
    money: bool = False


@lru_cache(maxsize=4096)
def word_number(text: str) -> int | None:
    """The value of number words ("two dozen", "three hundred and fifty", "a thousand")."""
    total = current = 0
    seen = False
    for word in _WORD_SPLIT.split(text.lower()):
        if word in ("a", "an", "and"):
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _approx_before(before: str) -> bool:
    """A hedge ("about", "more than", "as many as") right before a figure; word sets beat a $-anchored regex."""
    return _approx_words(_last_words(before), before)


def _last_words(before: str) -> list[str]:
    """The last four words before a figure, lower-cased, an opening bracket or quote dropped ("(about")."""
    words = before.lower().rsplit(None, 4)[-4:]
    if words and words[-1][:1] in "([\"'":
        words[-1] = words[-1].lstrip("([\"'")
    return words


def _approx_words(words: list[str], before: str) -> bool:
    """_approx_before from the last (up to four) lower-cased words of `before`."""
    if words and words[-1] in ("a", "an"):
        words.pop()
    if not words:
        return False
    if words[-1] not in _APPROX_LAST and not before.endswith("~"):
        return False  # no hedge ends with this word
    if words[-1] in _APPROX_1 or before.endswith("~"):
        return True
    return " ".join(words[-2:]) in _APPROX_2 or " ".join(words[-3:]) in _APPROX_3


@lru_cache(maxsize=4096)
def _digits(text: str) -> float:
    """A digit string in any of the common groupings as a number."""
    if _EUROPEAN.fullmatch(text):
        return float(text.replace(".", ""))
    return float(_SEPARATORS.sub("", text))


def _money_before(before: str) -> bool:
    """A currency sign or code right before a number; a character test first because it is cheap."""
    return not _MONEY_CHARS.isdisjoint(before[-6:]) and bool(_MONEY_BEFORE.search(before))


def find_figures(text: str, low: str | None = None) -> list[Figure]:
    """Every figure in `text`, in order. Money is flagged, not dropped, so it is never taken as jobs.

    `low`: the text lower-cased, when lowered.foldable(text) holds (a faster path, same answer).
    """
    out: list[Figure] = []
    if low is None:
        lowered_text = text.lower()
        if len(lowered_text) != len(text):  # a few Unicode letters change length when lower-cased
            lowered_text = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        range_after, range_before, approx_after = _RANGE_AFTER, _RANGE_BEFORE, _APPROX_AFTER
        src = text
    else:
        lowered_text = src = low
        range_after, range_before, approx_after = _RANGE_AFTER_LOW, _RANGE_BEFORE_LOW, _APPROX_AFTER_LOW
    for m in _FIGURE.finditer(lowered_text):
        m_start, m_end = m.span()
        b0 = m_start - 40 if m_start > 40 else 0
        before = text[b0:m_start]
        vague, share, inn, num, money_suffix, k, scale, pct, word, wpct = m.groups()
        if vague:
            out.append(Figure(m_start, m_end, None, "vague"))
            continue
        if share:
            share = share.lower()
            if inn:
                denom = float(inn) if inn.isdigit() else word_number(inn)
                value = round(100.0 / denom, 1) if denom else None
            else:
                value = _SHARES.get(_WORD_SPLIT.split(share)[-1])
            kind = "approx" if _approx_before(before) else "exact"
            out.append(Figure(m_start, m_end, value, kind, percent=True, share=True))
            continue
        if num:
            scaled = k or scale
            # "1.170 million" is a decimal; "1.170 Stellen" is European grouping.
            value = float(num.replace(",", "")) if scaled and "," not in num else _digits(num)
            if k:
                value *= 1000
            elif scale:
                value *= _SCALES[scale.lower()]
            pct = bool(pct)
            money = bool(money_suffix) or _money_before(before)
        else:
            value = word_number(word)
            if value is None:
                continue
            pct = bool(wpct)
            money = _money_before(before)
        kind = "exact"
        after = src[m_end : m_end + 30]
        lbefore = before if low is None else low[b0:m_start]
        tail = before[-12:]
        ranged = (
            "-" in tail or "\u2013" in tail or "to" in tail or "and" in tail or "or" in tail
        ) and range_before.search(lbefore)  # _RANGE_HINT as plain `in` tests
        if (
            range_after.match(after)
            or ranged
            or (lbefore.lower().endswith("between ") and after.lower().startswith(" and "))
        ):
            kind, value = "vague", None
        elif _approx_words(_last_words(lbefore), before) or approx_after.match(after):
            kind = "approx"
        out.append(Figure(m_start, m_end, value, kind, pct, False, money))
    return out
