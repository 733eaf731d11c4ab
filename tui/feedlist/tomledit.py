"""Where a ``[[feeds]]`` entry sits in the user's text, found with tomlkit.

tomlkit keeps every byte of the file (comments, blank lines, key order, quoting), which is why the
feed list is edited with it rather than re-written from a parsed dict. It does, however, file the
comment lines that follow an entry under that entry, so deleting an entry through tomlkit would also
delete the next section's heading comment. We therefore ask tomlkit only *where* an entry's own
lines are (by rendering with two markers in its trivia) and cut exactly those lines from the text.
"""

from __future__ import annotations

import re

from tomlkit import TOMLDocument
from tomlkit.items import Item, Table

_START = "\x00layoffs-tui-entry-start\x00"
_END = "\x00layoffs-tui-entry-end\x00"
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")
_TRAILING_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+\Z")


def _last_key_item(table: Table) -> Item | None:
    keyed = [item for key, item in table.value.body if key is not None]
    return keyed[-1] if keyed else None


def entry_span(doc: TOMLDocument, table: Table) -> tuple[str, int, int]:
    """The rendered document and ``[start, end)`` of the entry's own text.

    ``start`` is where the ``[[feeds]]`` header's indentation begins; ``end`` is just past the line
    break of its last key. Comments and blank lines after the last key are not part of the span.
    """
    last = _last_key_item(table)
    holder = last.trivia if last is not None else table.trivia
    saved_indent, saved_trail = table.trivia.indent, holder.trail
    table.trivia.indent = saved_indent + _START
    holder.trail = saved_trail + _END
    try:
        rendered = doc.as_string()
    finally:
        table.trivia.indent = saved_indent
        holder.trail = saved_trail
    if rendered.count(_START) != 1 or rendered.count(_END) != 1:
        raise ValueError("could not locate the entry in the file")
    start = rendered.index(_START)
    rendered = rendered.replace(_START, "", 1)
    end = rendered.index(_END)
    rendered = rendered.replace(_END, "", 1)
    return rendered, start, end


def cut_entry(doc: TOMLDocument, table: Table) -> str:
    """The text without the entry: its header and keys go, with the blank lines right after it.

    Every comment stays, including one just above the header or just below the last key: a
    comment may head the next section, and we never delete what we cannot be sure belongs to
    the entry. At the end of the file the blank lines before the entry go too.
    """
    rendered, start, end = entry_span(doc, table)
    start = rendered.rfind("\n", 0, start) + 1  # the header line's start
    head, tail = rendered[:start], rendered[end:]
    blank = _BLANK_LINES.match(tail)
    if blank:
        tail = tail[blank.end():]
    if not tail:
        head = _TRAILING_BLANK_LINES.sub("\n", head)
    return head + tail


def insert_after_entry(doc: TOMLDocument, table: Table, line: str) -> str:
    """The text with ``line`` added as the entry's last key, indented like the key above it."""
    rendered, _start, end = entry_span(doc, table)
    last = _last_key_item(table)
    indent = last.trivia.indent if last is not None and last.trivia.indent.strip(" \t") == "" else ""
    head = rendered[:end]
    if head and not head.endswith("\n"):
        head += "\n"
    return head + indent + line + "\n" + rendered[end:]


def separate(doc: TOMLDocument, table: Table) -> None:
    """Give a newly appended entry one blank line above it (and below it, if anything follows)."""
    rendered, start, end = entry_span(doc, table)
    before, after = rendered[:start], rendered[end:]
    if before and not before.endswith("\n"):
        table.trivia.indent = "\n\n"
    elif before and not before.endswith("\n\n"):
        table.trivia.indent = "\n"
    if after.strip():
        last = _last_key_item(table)
        if last is not None:
            last.trivia.trail = last.trivia.trail.rstrip("\n") + "\n\n"
