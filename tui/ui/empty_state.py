"""What the story table says when it has no row to show: why, and what to do.

A first run offline, a feed list with nothing enabled, or a filter that hides every article all look
the same as an empty table; these lines tell them apart.
"""

from __future__ import annotations

from pathlib import Path

from tui.service import Filter, StoreSummary
from tui.wording import plural

DEMO_HINT = "No network? `layoffs-tui demo` opens the app on sample stories."


def empty_lines(
    flt: Filter, summary: StoreSummary, *, polling: bool, created_config: Path | None = None
) -> list[str]:
    """The table's message for ``flt`` matching nothing; the first line says what, the others why."""
    if summary.articles:
        if flt == Filter():
            return [
                f"No layoff stories among {plural(summary.articles, 'article')}.",
                "Press l to show every article.",
            ]
        shown = "layoff stories" if flt.layoffs_only else "articles"
        also = ", or l to look among every article" if flt.layoffs_only else ""
        return [f"No {shown} match this filter.", f"Press Esc to clear it{also}."]
    lines = ["Nothing is stored yet.", _why_nothing(summary, polling)]
    if summary.feeds:
        lines.append(DEMO_HINT)
    if created_config is not None:
        lines.append(
            f"Your feed list was created at {created_config}; edit it, or press F, to choose your feeds."
        )
    return lines


def _why_nothing(summary: StoreSummary, polling: bool) -> str:
    feeds = plural(summary.feeds, "feed")
    if not summary.feeds:
        return "Your feed list has no enabled feed: press F, then a to add one."
    if polling:
        return f"Polling {feeds} now (the line below shows how far): stories appear here as they arrive."
    if summary.failing and summary.failing == summary.polled == summary.feeds:
        every = "The feed" if summary.feeds == 1 else f"All {feeds}"
        return f"{every} failed on the last poll; is the network down? Press F to see why, r to try again."
    if summary.failing:
        return (
            f"{summary.failing} of {feeds} failed on the last poll (press F to see why) and the others held no "
            "stories; r polls again."
        )
    if not summary.polled:
        return "No feed has been polled yet: press r to poll now."
    return f"The {feeds} answered but held no stories; r polls again."
