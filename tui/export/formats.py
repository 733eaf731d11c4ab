"""CSV, JSON and JSON Lines: the machine-readable exports.

CSV goes to spreadsheets, so every text cell a spreadsheet would evaluate as a formula is
neutralised; JSON goes to pandas and scripts, so it keeps the stored values untouched.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

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
    """One row per event; a story without events is one row with the event columns empty.

    The text others wrote (title, link, feed name, company) is neutralised; the other cells are our
    own numbers, ISO dates and words, which never start a formula (neutralising every cell was a
    fifth of a million-story export's time)."""
    for story in stories:
        article_id, published, month = story.id, story.published, story.month
        title, url, feed = neutralise(story.title), neutralise(story.url or ""), neutralise(story.feed)
        if not story.events:
            yield [article_id, published, month, "", "", "", "", title, url, feed]
        for event in story.events:
            yield [article_id, published, month, neutralise(event["company"]), _blank(event["headcount"]),
                   event["headcount_kind"], _blank(event["percent"]), title, url, feed]


def _blank(value: Any) -> Any:
    return "" if value is None else value


def write_csv(stories: Iterable[Story], out: TextIO) -> None:
    """RFC 4180: a header row, CRLF line ends, fields quoted when they need it; row by row."""
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(stories))


def write_json(stories: Iterable[Story], out: TextIO) -> None:
    """An array of stories, indented for people; UTF-8 text, not ``\\u`` escapes; story by story, the
    same bytes ``json.dumps(list, indent=2)`` would give."""
    first = True
    for story in stories:
        out.write("[\n  " if first else ",\n  ")
        out.write(json.dumps(story.as_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def write_jsonl(stories: Iterable[Story], out: TextIO) -> None:
    """One story a line, for streaming tools (``jq -c``, ``pandas.read_json(lines=True)``)."""
    out.writelines(json.dumps(story.as_dict(), ensure_ascii=False) + "\n" for story in stories)


def _rendered(write: Callable[[Iterable[Story], TextIO], None], stories: Iterable[Story]) -> str:
    out = io.StringIO(newline="")
    write(stories, out)
    return out.getvalue()


def render_csv(stories: Iterable[Story]) -> str:
    """``write_csv`` into a string."""
    return _rendered(write_csv, stories)


def render_json(stories: Iterable[Story]) -> str:
    """``write_json`` into a string."""
    return _rendered(write_json, stories)


def render_jsonl(stories: Iterable[Story]) -> str:
    """``write_jsonl`` into a string."""
    return _rendered(write_jsonl, stories)
