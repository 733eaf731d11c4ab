"""CSV, JSON and JSON Lines: the machine-readable exports.

CSV goes to spreadsheets, so every text cell a spreadsheet would evaluate as a formula is
neutralised; JSON goes to pandas and scripts, so it keeps the stored values untouched.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from tui.export.stories import EVENT_FIELDS, EVENT_START, Story, plain_number

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
        tail = _story_tail(story.title, story.url, story.feed)
        if not story.events:
            yield _csv_row(story.id, story.published, story.month, None, None, None, None, tail)
        for event in story.events:
            yield _csv_row(story.id, story.published, story.month, event["company"], event["headcount"],
                           event["headcount_kind"], event["percent"], tail)


def _story_tail(title: str, url: str | None, feed: str) -> tuple[Any, Any, Any]:
    return neutralise(title), neutralise(url or ""), neutralise(feed)


def _csv_row(article_id: int, published: str, month: str, company: str | None, headcount: int | None,
             kind: str | None, percent: float | None, tail: tuple[Any, Any, Any]) -> list[Any]:
    """A CSV row in ``CSV_COLUMNS`` order (event cells None: an event-less story's row)."""
    return [article_id, published, month, "" if company is None else neutralise(company), _blank(headcount),
            "" if kind is None else kind, _blank(plain_number(percent)), *tail]


def _blank(value: Any) -> Any:
    return "" if value is None else value


def write_csv(stories: Iterable[Story], out: TextIO) -> None:
    """RFC 4180: a header row, CRLF line ends, fields quoted when they need it; row by row."""
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(stories))


def write_csv_story_rows(rows: Iterable[tuple[Any, ...]], out: TextIO) -> None:
    """``write_csv`` straight from ``story_rows`` (the same bytes): a million-story export makes no
    story record and no event dict, a fifth of its time."""
    company, headcount, kind, percent = (EVENT_START + 1 + EVENT_FIELDS.index(name)
                                         for name in ("company", "headcount", "headcount_kind", "percent"))

    def lines() -> Iterator[list[Any]]:
        story_id, tail = None, ("", "", "")
        for row in rows:
            if row[0] != story_id:
                story_id, tail = row[0], _story_tail(row[3], row[4], row[5])
            yield _csv_row(row[0], row[1], row[2], row[company], row[headcount], row[kind], row[percent], tail)

    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(lines())


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
