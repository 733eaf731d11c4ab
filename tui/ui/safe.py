"""Feed text is data, never markup: one place that cleans it and wraps it for display.

Everything that came from a feed (titles, names, text, links, errors) goes through ``clean`` before it
reaches a widget, and is handed over as a ``rich.text.Text`` (which never parses markup), so a title
such as ``[@click=app.quit]`` shows literally and no escape sequence reaches the terminal. The store
strips most of this already; being defensive here costs nothing.
"""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")
"""C0 (except tab and newline), DEL, C1, and the invisible/bidi controls that can reorder a line."""
_ESCAPE_SEQ = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.)?")


def clean(value: object, *, single_line: bool = False) -> str:
    """The text without escape sequences or control characters; one line when ``single_line``."""
    if value is None:
        return ""
    text = _ESCAPE_SEQ.sub("", str(value))
    text = _CONTROL.sub("", text)
    if single_line:
        text = " ".join(text.split())
    return text


def plain(value: object, style: str = "", *, single_line: bool = True, limit: int | None = None) -> Text:
    """A ``Text`` of cleaned feed data; markup in it stays literal."""
    text = clean(value, single_line=single_line)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return Text(text, style=style, no_wrap=single_line, overflow="ellipsis" if single_line else "fold")
