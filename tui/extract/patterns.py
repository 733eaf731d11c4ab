"""Rewriting alternations so the regex engine tries fewer branches, with the same matches.

An alternation such as "jobs?|employees?|workers?|..." is tried branch after branch at every
place a match may start. Grouped by first character ("j(?:obs?)|e(?:mployees?)|w(?:orkers?)"),
most branches fail at the first character, in one test. Branches that share a first character
keep their order, and branches with different first characters can never match at the same
place, so the grouped alternation finds exactly what the flat one finds.
"""

from __future__ import annotations

__all__ = ["first_char_groups", "top_level"]


def top_level(pattern: str) -> list[str]:
    """The alternatives of a pattern, split at '|' outside parentheses."""
    out, depth, start = [], 0, 0
    for i, char in enumerate(pattern):
        if char == "(" and pattern[i - 1 : i] != "\\":
            depth += 1
        elif char == ")" and pattern[i - 1 : i] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    return [*out, pattern[start:]]


def first_char_groups(alternation: str) -> str:
    """`alternation` ("a|b|c", every branch opening with a plain small letter or digit) as one group per
    first character (small letters only, so the grouping holds under re.IGNORECASE too)."""
    groups: dict[str, list[str]] = {}
    for branch in top_level(alternation):
        first = branch[:1]
        if not (first.islower() or first.isdigit()) or branch[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"branch {branch!r} does not open with a plain character")
        groups.setdefault(first, []).append(branch[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"
