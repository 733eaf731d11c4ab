"""An alert's figure in words: "15,000 jobs", "about 15,000 jobs", "hundreds of jobs", "10% of staff".

A vague cut stores no number, so its words are read back from the sentence the extractor took it from,
with the extractor's own number reader (``tui.extract.numbers``), never a second list of vague words.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.cuts import CutFigure
from tui.export.markdown import headcount_text


def vague_words(sentences: Iterable[str]) -> str | None:
    """The first vague amount ("hundreds", "several thousand") the sentences state, lower-cased."""
    try:
        from tui.extract.numbers import find_figures
    except ImportError:  # without the extractor the figure stays "an unstated number"
        return None
    for sentence in sentences:
        lowered = sentence.lower()
        for figure in find_figures(lowered, lowered):
            if figure.kind == "vague":
                return lowered[figure.start : figure.end]
    return None


def figure_words(figure: CutFigure, vague: str | None = None) -> str:
    """The figure as a reader says it; ``vague``: the words of a vague figure, when known. A percent is
    shown as given (the store's readers turn ``10.0`` into ``10``)."""
    percent = figure.percent
    if figure.headcount is not None or figure.headcount_kind == "percent_only":
        return headcount_text(
            {"headcount": figure.headcount, "percent": percent, "headcount_kind": figure.headcount_kind}
        )
    if figure.headcount_kind == "vague":
        words = f"{vague} of jobs" if vague and vague.endswith("s") else f"{vague} jobs" if vague else None
        text = words or "an unstated number of jobs"
    elif percent is not None:
        return f"{percent}% of staff"
    else:
        text = "job cuts, no figure given"
    return text + (f" ({percent}% of staff)" if percent is not None else "")
