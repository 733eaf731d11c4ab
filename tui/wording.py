"""How the program says things, written once: plurals, figures of a cut, a feed's last poll.

The command line, the exports and the app all speak of the same things (a cut of "hundreds of
jobs", a feed that was "not modified"); each phrase is built here so they never say it two ways.
No Textual here: the domain uses it too.
"""

from __future__ import annotations

import re


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 feed``, ``2 feeds``, ``3 layoff stories`` (give ``plural_form`` when "s" is wrong)."""
    return f"{count:,} {singular if count == 1 else (plural_form or singular + 's')}"


STATUS_WORDS = {
    "new": "new articles",
    "updated": "updated",
    "unchanged": "no change",
    "not_modified": "not modified",
    "skipped": "asked to wait",
    "error": "failed",
}
"""A feed's last poll as words; the database keeps the names (``tui.poll.results.STATUSES``)."""


def status_words(status: str | None) -> str:
    """``not_modified`` -> "not modified"; an unknown status as it is, and "never polled" for none."""
    if not status:
        return "never polled"
    return STATUS_WORDS.get(status, status)


_MAGNITUDE = re.compile(r"\b(hundred|thousand|dozen)s?\b", re.IGNORECASE)


def vague_magnitude(evidence: str | None) -> str | None:
    """The order of magnitude a vague figure states: "several hundred" and "hundreds of" both give
    "hundreds"; None when the sentence names none."""
    match = _MAGNITUDE.search(evidence or "")
    return match.group(1).lower() + "s" if match else None


def cut_phrase(headcount: int | None, kind: str, percent: float | None, evidence: str | None = None) -> str:
    """What one company cuts, in the words the reader and the Markdown digest share: "about 1,000 jobs",
    "1,200 jobs (8% of staff)", "10% of staff", "hundreds of jobs", "an unstated number of jobs";
    "" when the story gives no figure at all."""
    share = f"{percent:g}% of staff" if percent is not None else ""
    if headcount is not None:
        jobs = f"{'about ' if kind == 'approx' else ''}{headcount:,} {'job' if headcount == 1 else 'jobs'}"
        return f"{jobs} ({share})" if share else jobs
    if share:
        return share
    if kind == "vague":
        return f"{vague_magnitude(evidence) or 'an unstated number'} of jobs"
    return ""
