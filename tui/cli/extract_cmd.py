"""`layoffs-tui extract [FILE]`: the extractor over JSON Lines, one answer line per input line.

A thin shell over tui.extract (DESIGN.md, "Extractor I/O"): a bad line is answered with an error
object in its place and the run goes on, so one broken record never loses the rest of a batch.
"""

from __future__ import annotations

import json
from typing import IO

import click

from tui.extract import extract

__all__ = ["extract_command", "extract_line"]


def extract_line(line: str, number: int) -> dict:
    """The output object for one input line (already known not to be blank)."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"line {number}: not JSON: {error.msg} (column {error.colno})"}
    if not isinstance(item, dict):
        return {"id": None, "error": f"line {number}: expected a JSON object, got {type(item).__name__}"}
    title = item.get("title")
    if not isinstance(title, str):
        problem = "no title" if title is None else f"title is {type(title).__name__}, not a string"
        return {"id": None, "error": f"line {number}: {problem}"}
    summary = item.get("summary")
    published = item.get("published")
    result = extract(
        title,
        summary if isinstance(summary, str) else "",
        published if isinstance(published, str) else None,
    )
    return {"id": item.get("id"), "layoff": result.layoff, "events": [e.to_dict() for e in result.events]}


@click.command("extract")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
def extract_command(file: IO[str]) -> None:
    """Tag stories read as JSON Lines from FILE (default: stdin).

    Each input line is {"id", "title", "summary", "published"} (only title is required); each
    output line is {"id", "layoff", "events": [...]} in the same order, or {"id": null, "error"}
    for a malformed line. Blank lines are skipped.
    """
    for number, line in enumerate(file, 1):
        if not line.strip():
            continue
        click.echo(json.dumps(extract_line(line, number), ensure_ascii=False))
