"""Exporting tagged stories: selection, the four formats, and a file write that cannot leave half a file.

The CLI (``layoffs-tui export``) and the app's export dialog both call ``write_export`` with the
same ``Filter`` the app uses, so an export holds exactly what the filters show.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

import platformdirs
import sqlite_utils

from tui.atomic import atomic_write_text, describe_write_error
from tui.errors import ExportError
from tui.export.companies import resolve_companies
from tui.export.formats import CSV_COLUMNS, render_csv, render_json, render_jsonl
from tui.export.markdown import render_markdown
from tui.export.stories import Story, select_stories
from tui.store.filters import Filter

__all__ = ["CSV_COLUMNS", "FORMATS", "Story", "default_export_path", "render", "resolve_companies",
           "select_stories", "write_export"]

FORMATS = ("csv", "json", "jsonl", "md")
"""Every format ``render`` knows; the first is the default."""

_RENDERERS: dict[str, Callable[[Iterable[Story]], str]] = {
    "csv": render_csv, "json": render_json, "jsonl": render_jsonl, "md": render_markdown,
}


def render(stories: Iterable[Story], fmt: str) -> str:
    """The stories as text in ``fmt`` (one of ``FORMATS``); ``ExportError`` for an unknown format."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return renderer(stories)


def write_export(db: sqlite_utils.Database, flt: Filter, fmt: str, path: Path | None,
                 stdout: TextIO | None = None) -> int:
    """Write the stories ``flt`` selects as ``fmt``; returns how many stories were written.

    With ``path`` None the text goes to ``stdout`` (default ``sys.stdout``). A file is written to a
    temporary name in the same folder and renamed, so a failed export leaves no half file and an
    existing file is either replaced whole or untouched. An unwritable path raises ``ExportError``
    with a message that names the path and what to do.
    """
    stories = select_stories(db, flt)
    text = render(stories, fmt)
    if path is None:
        (stdout or sys.stdout).write(text)
        return len(stories)
    path = Path(path).expanduser()
    try:
        atomic_write_text(path, text)
    except OSError as error:
        raise ExportError(describe_write_error(path, error)) from None
    return len(stories)


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
