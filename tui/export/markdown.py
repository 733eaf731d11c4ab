"""The Markdown digest: stories grouped by month (newest first), then by company, with links.

Titles come from feeds, so they are escaped (a title cannot inject a link, a heading or HTML), and
only http(s) URLs become links.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any, TextIO

from tui.config import is_http_url
from tui.export.stories import Story
from tui.wording import cut_phrase

NO_COMPANY = "No company named"
"""The group for stories without events (industry totals, or any article under ``--all``)."""

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!])")
_URL_UNSAFE = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"}


def escape(text: str) -> str:
    """Feed text as literal Markdown: specials backslash-escaped, line breaks folded to spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def link(title: str, url: str | None) -> str:
    """``[title](url)`` for an http(s) URL; the bare title otherwise (no ``javascript:`` links)."""
    text = escape(title) or "(untitled)"
    if not url or not is_http_url(url):
        return text
    safe = "".join(_URL_UNSAFE.get(char, char) for char in url.strip())
    return f"[{text}]({safe})"


def headcount_text(event: dict[str, Any]) -> str:
    """"about 1,000 jobs", "12,000 jobs (10% of staff)", "10% of staff", "hundreds of jobs": the reader's
    words (``tui.wording.cut_phrase``)."""
    return cut_phrase(event.get("headcount"), event.get("headcount_kind") or "none", event.get("percent"),
                      event.get("evidence"))


def _company_label(event: dict[str, Any]) -> str:
    parent = event.get("parent")
    return f"{event['company']} ({parent})" if parent else str(event["company"])


def _line(story: Story, event: dict[str, Any] | None) -> str:
    parts = [story.published[:10], link(story.title, story.url)]
    if event is not None and (count := headcount_text(event)):
        parts.append(count)
    if story.feed:
        parts.append(f"_{escape(story.feed)}_")
    return "- " + " · ".join(parts)


def _month_lines(month: str, groups: dict[str, list[str]]) -> list[str]:
    """One month's section: companies A to Z, the stories without a company last."""
    lines = [f"## {month}", ""]
    order = sorted((label for label in groups if label != NO_COMPANY), key=str.casefold)
    if NO_COMPANY in groups:
        order.append(NO_COMPANY)
    for label in order:
        lines += [f"### {escape(label)}", "", *groups[label], ""]
    return lines


def write_markdown(stories: Iterable[Story], out: TextIO, totals: tuple[int, int]) -> None:
    """The digest, a month at a time: stories come newest first, so each month's are together and
    only one month is held while it is grouped by company. ``totals`` is (stories, months), known
    ahead (``count_stories``) because the digest says them first."""
    count, month_count = totals
    lines = ["# Layoffs digest", ""]
    if not count:
        out.write("\n".join(lines + ["_No stories match._", ""]))
        return
    summary = (f"{count} {'story' if count == 1 else 'stories'}, "
               f"{month_count} {'month' if month_count == 1 else 'months'}.")
    out.write("\n".join([*lines, summary, ""]) + "\n")
    month: str | None = None
    groups: dict[str, list[str]] = {}
    written = False
    for story in stories:
        if story.month != month:
            if month is not None:
                out.write(("\n" if written else "") + "\n".join(_month_lines(month, groups)))
                written = True
            month, groups = story.month, {}
        if not story.events:
            groups.setdefault(NO_COMPANY, []).append(_line(story, None))
        seen: set[str] = set()
        for event in story.events:
            label = _company_label(event)
            if label not in seen:  # the same company twice in a story is one line
                seen.add(label)
                groups.setdefault(label, []).append(_line(story, event))
    if month is not None:
        out.write(("\n" if written else "") + "\n".join(_month_lines(month, groups)))


def render_markdown(stories: Iterable[Story]) -> str:
    """The digest as a string; stories keep their order (newest first) inside each company."""
    stories = list(stories)
    out = io.StringIO()
    write_markdown(stories, out, (len(stories), len({story.month for story in stories})))
    return out.getvalue()
