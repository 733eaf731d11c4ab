"""How the program says things, written once: plurals, figures of a cut, a feed's last poll.

The command line, the exports and the app all speak of the same things (a cut of "hundreds of
jobs", a feed that was "not modified"); each phrase is built here so they never say it two ways.
No Textual here: the domain uses it too.
"""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 feed``, ``2 feeds``, ``3 layoff stories`` (give ``plural_form`` when "s" is wrong)."""
    return f"{count:,} {singular if count == 1 else (plural_form or singular + 's')}"
