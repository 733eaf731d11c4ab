"""CSV, JSON and JSON Lines: the machine-readable exports.

CSV goes to spreadsheets, so every text cell a spreadsheet would evaluate as a formula is
neutralised; JSON goes to pandas and scripts, so it keeps the stored values untouched.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from tui.export.stories import Story

CSV_COLUMNS = ("article_id", "published", "month", "company", "headcount", "headcount_kind", "percent",
               "title", "url", "feed")
"""The contract in DESIGN.md, in this order."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What Excel, LibreOffice and Google Sheets take as the start of a formula (OWASP "CSV injection")."""


def neutralise(cell: Any) -> Any:
    """A text cell that would run as a formula gets a leading ``'``, which spreadsheets hide.

    Numbers are left alone: they come from our own columns and are never formulas.
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def csv_rows(stories: Iterable[Story]) -> Iterable[list[Any]]:
    """One row per event; a story without events is one row with the event columns empty."""
    for story in stories:
        head = [story.id, story.published, story.month]
        tail = [story.title, story.url or "", story.feed]
        if not story.events:
            yield head + ["", "", "", ""] + tail
        for event in story.events:
            yield head + [event["company"], _blank(event["headcount"]), event["headcount_kind"],
                          _blank(event["percent"])] + tail


def _blank(value: Any) -> Any:
    return "" if value is None else value


def render_csv(stories: Iterable[Story]) -> str:
    """RFC 4180: a header row, CRLF line ends, fields quoted when they need it."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for row in csv_rows(stories):
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


def render_json(stories: Iterable[Story]) -> str:
    """An array of stories, indented for people; UTF-8 text, not ``\\u`` escapes."""
    return json.dumps([story.as_dict() for story in stories], ensure_ascii=False, indent=2) + "\n"


def render_jsonl(stories: Iterable[Story]) -> str:
    """One story a line, for streaming tools (``jq -c``, ``pandas.read_json(lines=True)``)."""
    return "".join(json.dumps(story.as_dict(), ensure_ascii=False) + "\n" for story in stories)
