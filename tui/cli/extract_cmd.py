"""`layoffs-tui extract [FILE]`: the extractor over JSON Lines, one answer line per input line.

A thin shell over tui.extract (DESIGN.md, "Extractor I/O"): a bad line is answered with an error
object in its place and the run goes on, so one broken record never loses the rest of a batch.
"""

from __future__ import annotations

import json
from typing import IO

import click

__all__ = ["extract_command", "extract_line"]


class _NotJSON(ValueError):
    """A value JSON itself does not allow (NaN, Infinity, a number too large for a float)."""


def _reject_constant(name: str) -> float:
    raise _NotJSON(f"{name} is not allowed in JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _NotJSON(f"the number {text[:20]} is too large")
    return value


def _text(value: object) -> str:
    """A string safe to write as UTF-8: lone surrogates (from ``\\ud800`` escapes) become U+FFFD."""
    if not isinstance(value, str):
        return ""
    if not any("\ud800" <= char <= "\udfff" for char in value):
        return value
    return "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in value)


def _clean_id(value: object) -> object:
    return _text(value) if isinstance(value, str) else value


def extract_line(line: str, number: int) -> dict:
    """The output object for one input line."""
    if not line.strip():
        return {"id": None, "error": f"line {number}: empty line"}
    try:
        item = json.loads(line, parse_constant=_reject_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"line {number}: not JSON: {error.msg} (column {error.colno})"}
    except (_NotJSON, ValueError) as error:  # NaN, 1e999, an integer of thousands of digits
        return {"id": None, "error": f"line {number}: not JSON: {str(error)[:120]}"}
    if not isinstance(item, dict):
        return {"id": None, "error": f"line {number}: expected a JSON object, got {type(item).__name__}"}
    title = item.get("title")
    if not isinstance(title, str):
        problem = "no title" if title is None else f"title is {type(title).__name__}, not a string"
        return {"id": None, "error": f"line {number}: {problem}"}
    published = item.get("published")
    from tui.extract import extract  # late: every other command (a poll above all) starts without it

    result = extract(_text(title), _text(item.get("summary")), _text(published) if isinstance(published, str) else None)
    return {"id": _clean_id(item.get("id")), "layoff": result.layoff,
            "events": [e.to_dict() for e in result.events]}


def _decoded(raw: bytes, number: int) -> tuple[str | None, dict | None]:
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8"), None
    except UnicodeDecodeError as error:
        return None, {"id": None, "error": f"line {number}: not UTF-8 (byte {error.start + 1})"}


@click.command("extract")
@click.argument("file", type=click.File("rb"), default="-")
def extract_command(file: IO[bytes]) -> None:
    """Tag stories read as JSON Lines from FILE (default: stdin).

    Each input line is {"id", "title", "summary", "published"} (only title is required); each
    output line is {"id", "layoff", "events": [...]}, one per input line in the same order, or
    {"id": null, "error": "line N: ..."} for a line that is blank, not UTF-8, not JSON or has no
    title; the run goes on.
    """
    for number, raw in enumerate(file, 1):
        line, problem = _decoded(raw.rstrip(b"\r\n"), number)
        answer = problem or extract_line(line or "", number)
        click.echo(json.dumps(answer, ensure_ascii=False, allow_nan=False))
