"""Figures as the tables show them: "12,000", "~1,000", "some", "10%", "hundreds" (display belongs to the
UI; the store hands over the numbers and kinds)."""

from __future__ import annotations

from tui.service import CutRow, StoryFigure


def cut_headcount(cut: CutRow) -> str:
    """The best figure: exact as is, approximate with "~", vague as "some", none (or percent only) empty."""
    if cut.headcount is not None:
        return ("~" if cut.headcount_kind == "approx" else "") + f"{cut.headcount:,}"
    return "some" if cut.headcount_kind == "vague" else ""


def cut_percent(cut: CutRow) -> str:
    """``10%`` (as given), or empty."""
    return f"{cut.percent:g}%" if cut.percent is not None else ""


def story_figure_text(figure: StoryFigure) -> str:
    """A story row's Jobs cell: the headcount ("~" when approximate), else the percent, else the vague
    figure's magnitude ("hundreds", or "some"), else empty."""
    if figure.headcount is not None:
        return ("~" if figure.approx else "") + f"{figure.headcount:,}"
    if figure.percent is not None:
        return f"{figure.percent:g}%"
    if figure.vague is not None:
        return figure.vague or "some"
    return ""
