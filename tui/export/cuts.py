"""``export --cuts``: one record per cut, in the four formats, with the columns of DESIGN.md ("Cuts").

The same ``Filter`` as the story export selects (company with aliases and units, month, date range,
all on the day a cut was first reported); CSV cells are neutralised as the story CSV's are.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

import sqlite_utils

from tui.atomic import atomic_write_text, describe_write_error
from tui.errors import ExportError
from tui.export.formats import neutralise
from tui.export.markdown import escape, headcount_text, link
from tui.store.cut_queries import CutRow, CutStory, cut_stories, select_cuts
from tui.store.cuts import update_cuts
from tui.store.filters import Filter

CUT_CSV_COLUMNS = (
    "cut_id",
    "company",
    "parent",
    "announced",
    "month",
    "headcount",
    "headcount_kind",
    "percent",
    "sources",
    "first_url",
)
"""The contract in DESIGN.md, in this order."""


@dataclass(frozen=True)
class CutRecord:
    """A cut and its stories, as every ``--cuts`` format writes it."""

    cut: CutRow
    stories: list[CutStory] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """``{cut_id, company, parent, announced, month, headcount, headcount_kind, percent, sources, stories}``."""
        fields = {name: getattr(self.cut, name) for name in CUT_CSV_COLUMNS if name != "first_url"}
        return fields | {"stories": [asdict(story) for story in self.stories]}


def select_cut_records(db: sqlite_utils.Database, flt: Filter) -> list[CutRecord]:
    """The cuts ``flt`` selects with their stories, newest first; waiting events are grouped first."""
    update_cuts(db)
    cuts = select_cuts(db, flt)
    stories = cut_stories(db, [cut.cut_id for cut in cuts])
    return [CutRecord(cut, stories.get(cut.cut_id, [])) for cut in cuts]


def _blank(value: Any) -> Any:
    return "" if value is None else value


def render_cuts_csv(records: Sequence[CutRecord]) -> str:
    """RFC 4180, one row per cut, formula-like text cells neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CUT_CSV_COLUMNS)
    for record in records:
        writer.writerow([neutralise(_blank(getattr(record.cut, name))) for name in CUT_CSV_COLUMNS])
    return out.getvalue()


def render_cuts_json(records: Sequence[CutRecord]) -> str:
    """An array of cuts, each with its stories."""
    return json.dumps([record.as_dict() for record in records], ensure_ascii=False, indent=2) + "\n"


def render_cuts_jsonl(records: Sequence[CutRecord]) -> str:
    """One cut a line."""
    return "".join(json.dumps(record.as_dict(), ensure_ascii=False) + "\n" for record in records)


def _figure(cut: CutRow) -> str:
    return headcount_text(
        {"headcount": cut.headcount, "percent": cut.percent, "headcount_kind": cut.headcount_kind}
    )


def render_cuts_markdown(records: Sequence[CutRecord]) -> str:
    """Cuts by month (newest first), each with its figure, its source count and its stories' links."""
    lines = ["# Layoffs: cuts", ""]
    if not records:
        return "\n".join([*lines, "_No cuts match._", ""])
    months: dict[str, list[CutRecord]] = {}
    for record in records:
        months.setdefault(record.cut.month, []).append(record)
    cuts_word = "cut" if len(records) == 1 else "cuts"
    months_word = "month" if len(months) == 1 else "months"
    lines += [f"{len(records)} {cuts_word}, {len(months)} {months_word}.", ""]
    for month in sorted(months, reverse=True):
        lines += [f"## {month}", ""]
        for record in months[month]:
            cut = record.cut
            name = f"{cut.company} ({cut.parent})" if cut.parent else cut.company
            parts = [
                escape(name),
                cut.announced[:10],
                _figure(cut),
                f"{cut.sources} {'source' if cut.sources == 1 else 'sources'}",
            ]
            lines += [f"### {' · '.join(part for part in parts if part)}", ""]
            for story in record.stories:
                feed = f" · _{escape(story.feed)}_" if story.feed else ""
                lines.append(f"- {story.published[:10]} · {link(story.title, story.url)}{feed}")
            lines.append("")
    return "\n".join(lines)


_RENDERERS: dict[str, Callable[[Sequence[CutRecord]], str]] = {
    "csv": render_cuts_csv,
    "json": render_cuts_json,
    "jsonl": render_cuts_jsonl,
    "md": render_cuts_markdown,
}


def write_cuts_export(
    db: sqlite_utils.Database, flt: Filter, fmt: str, path: Path | None, stdout: TextIO | None = None
) -> int:
    """Write the cuts ``flt`` selects as ``fmt`` to ``path`` (atomically) or ``stdout``; returns how many."""
    if fmt not in _RENDERERS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(_RENDERERS)}")
    records = select_cut_records(db, flt)
    text = _RENDERERS[fmt](records)
    if path is None:
        (stdout or sys.stdout).write(text)
        return len(records)
    path = Path(path).expanduser()
    try:
        atomic_write_text(path, text)
    except OSError as error:
        raise ExportError(describe_write_error(path, error)) from None
    return len(records)
