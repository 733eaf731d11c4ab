"""Exporting tagged stories: selection, the four formats, and a file write that cannot leave half a file.

The CLI (``layoffs-tui export``) and the app's export dialog both call ``write_export`` with the
same ``Filter`` the app uses, so an export holds exactly what the filters show.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import platformdirs
import sqlite_utils

from tui.atomic import atomic_open, describe_write_error
from tui.errors import ExportError
from tui.export.companies import resolve_companies
from tui.export.formats import CSV_COLUMNS, write_csv, write_csv_story_rows, write_json, write_jsonl
from tui.export.markdown import render_markdown, write_markdown
from tui.export.stories import Story, count_stories, iter_stories, select_stories, story_rows
from tui.store.filters import Filter

__all__ = ["CSV_COLUMNS", "FORMATS", "Story", "default_export_path", "iter_stories", "render", "resolve_companies",
           "select_stories", "write_export"]

FORMATS = ("csv", "json", "jsonl", "md")
"""Every format ``render`` knows; the first is the default."""

_WRITERS: dict[str, Callable[[Iterable[Story], TextIO], None]] = {
    "csv": write_csv, "json": write_json, "jsonl": write_jsonl,
}


def render(stories: Iterable[Story], fmt: str) -> str:
    """The stories as text in ``fmt`` (one of ``FORMATS``); ``ExportError`` for an unknown format."""
    if fmt == "md":
        return render_markdown(stories)
    out = io.StringIO(newline="")
    _writer(fmt)(stories, out)
    return out.getvalue()


def _writer(fmt: str) -> Callable[[Iterable[Story], TextIO], None]:
    try:
        return _WRITERS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None


def _counted(stories: Iterator[Story], total: int,
             progress: Callable[[int, int], None] | None) -> Iterator[Story]:
    """``stories``, reporting ``progress(done, total)`` every few hundred."""
    done = 0
    for story in stories:
        yield story
        done += 1
        if progress is not None and done % 500 == 0:
            progress(done, total)
    if progress is not None:
        progress(done, total)


def write_export(db: sqlite_utils.Database, flt: Filter, fmt: str, path: Path | None,
                 stdout: TextIO | None = None, progress: Callable[[int, int], None] | None = None) -> int:
    """Write the stories ``flt`` selects as ``fmt``; returns how many stories were written.

    Stories stream from the database to the output as they are read, so memory stays flat however
    many there are (a million: tens of megabytes). With ``path`` None the text goes to ``stdout``
    (default ``sys.stdout``). A file is written to a temporary name in the same folder and renamed,
    so a failed export leaves no half file and an existing file is either replaced whole or
    untouched. An unwritable path raises ``ExportError`` with a message that names the path and what
    to do. ``progress(done, total)`` is told how far it got.
    """
    if fmt != "md":
        _writer(fmt)  # an unknown format fails before anything is read or written
    totals = count_stories(db, flt) if fmt == "md" or progress is not None else (0, 0)
    counter = [0]

    def stories() -> Iterator[Story]:
        for story in _counted(iter_stories(db, flt), totals[0], progress):
            counter[0] += 1
            yield story

    def rows() -> Iterator[tuple[Any, ...]]:
        """``story_rows``, counting the stories as ``stories()`` does."""
        story_id = None
        for row in story_rows(db, flt):
            if row[0] != story_id:
                story_id = row[0]
                counter[0] += 1
                if progress is not None and counter[0] % 500 == 0:
                    progress(counter[0], totals[0])
            yield row
        if progress is not None:
            progress(counter[0], totals[0])

    def write(out: TextIO) -> None:
        if fmt == "md":
            write_markdown(stories(), out, totals)
        elif fmt == "csv":  # straight from the rows: no record per story (a fifth of a million-story export)
            write_csv_story_rows(rows(), out)
        else:
            _writer(fmt)(stories(), out)

    if path is None:
        write(stdout or sys.stdout)
        return counter[0]
    path = Path(path).expanduser()
    try:
        with atomic_open(path) as out:
            write(out)
    except OSError as error:
        raise ExportError(describe_write_error(path, error)) from None
    return counter[0]


def default_export_path(fmt: str, now: date | datetime, folder: Path | None = None) -> Path:
    """Where the app proposes to save: ``~/Documents/layoffs-YYYY-MM-DD.<fmt>``.

    The documents folder is used when it exists (platformdirs), else the current directory;
    ``folder`` overrides both. An existing file is not proposed: ``-2``, ``-3``… is added instead.
    """
    if folder is None:
        documents = Path(platformdirs.user_documents_dir())
        folder = documents if documents.is_dir() else Path.cwd()
    stem = f"layoffs-{now.strftime('%Y-%m-%d')}"
    candidate = folder / f"{stem}.{fmt}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.{fmt}"
        number += 1
    return candidate
