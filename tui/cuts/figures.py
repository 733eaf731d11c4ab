"""When two reports' figures can be the same cut, and which figure a cut shows.

Agreement (``figures_agree``): two headcounts agree when they differ by at most 10% of the larger
("1,000", "about 1,000", "nearly 1,000" and "1,050" all agree; 1,000 and 1,500 do not). When either
side has no headcount, two percents agree when within 10% of the larger or one point apart ("10%"
and "11%"). A side with nothing to compare (vague, percent only against a headcount, none) agrees
with anything: "hundreds of jobs" can be any cut's figure.

The best figure (``best_figure``), the rule the README repeats: the most precise kind wins, exact
over approximate over vague over percent only over none; among reports of that kind, the headcount
most stories give; a tie goes to the earliest story. The percent is the one most stories give,
whatever their headcount (a tie: the earliest). With no headcount the kind says what the stories
said: vague when one said "hundreds", else percent only when one gave a percent, else none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

HEADCOUNT_TOLERANCE = 0.10
"""Two headcounts within this share of the larger are one figure told two ways."""
PERCENT_POINTS = 1.0
"""Two percents this close (in points) agree even when 10% apart relatively ("4%" and "5%")."""
KIND_RANK = {"exact": 0, "approx": 1, "vague": 2, "percent_only": 3, "none": 4}
"""Precision order of ``headcount_kind``: lower is more precise."""


@dataclass(frozen=True)
class CutFigure:
    """A headcount as a story (or a cut) states it; the fields and kinds of the extractor's events."""

    headcount: int | None = None
    headcount_kind: str = "none"
    percent: float | None = None


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def headcounts_agree(a: int, b: int) -> bool:
    """Within ``HEADCOUNT_TOLERANCE`` of the larger."""
    return _close(a, b, HEADCOUNT_TOLERANCE)


def percents_agree(a: float, b: float) -> bool:
    """Within 10% of the larger, or ``PERCENT_POINTS`` apart."""
    return _close(a, b, HEADCOUNT_TOLERANCE) or abs(a - b) <= PERCENT_POINTS


def figures_agree(a: CutFigure, b: CutFigure) -> bool:
    """True when ``a`` and ``b`` can be the same cut's figure (the module docstring has the rule)."""
    if a.headcount is not None and b.headcount is not None:
        return headcounts_agree(a.headcount, b.headcount)
    if a.percent is not None and b.percent is not None:
        return percents_agree(a.percent, b.percent)
    return True


def _modal(values: Sequence[float]) -> float:
    """The value given most often; a tie goes to the first (``values`` is in date order)."""
    counts = Counter(values)
    return max(values, key=lambda value: (counts[value], -values.index(value)))


def best_figure(figures: Sequence[CutFigure]) -> CutFigure:
    """The figure a cut shows, from one figure per story in date order (see the module docstring)."""
    counted = [figure for figure in figures if figure.headcount is not None]
    percents = [figure.percent for figure in figures if figure.percent is not None]
    percent = _modal(percents) if percents else None
    if counted:
        rank = min(KIND_RANK.get(figure.headcount_kind, 4) for figure in counted)
        best = [figure for figure in counted if KIND_RANK.get(figure.headcount_kind, 4) == rank]
        headcount = int(_modal([figure.headcount for figure in best if figure.headcount is not None]))
        kind = next(figure.headcount_kind for figure in best if figure.headcount == headcount)
        return CutFigure(headcount, kind, percent)
    if any(figure.headcount_kind == "vague" for figure in figures):
        return CutFigure(None, "vague", percent)
    return CutFigure(None, "percent_only" if percent is not None else "none", percent)
