"""Cuts: one company's job reduction announced at one time, however many stories report it.

Pure functions and plain records, no I/O: ``tui.store.cuts`` reads events from SQLite, asks this
package which cut each belongs to and writes the answer back. See README "Cuts" for the rules.
"""

from __future__ import annotations

from tui.cuts.figures import HEADCOUNT_TOLERANCE, best_figure, figures_agree
from tui.cuts.grouping import WINDOW_DAYS, Group, Grouper, group_reports
from tui.cuts.links import story_key
from tui.cuts.model import CutFigure, CutSummary, Report, summarise

__all__ = [
    "HEADCOUNT_TOLERANCE",
    "WINDOW_DAYS",
    "CutFigure",
    "CutSummary",
    "Group",
    "Grouper",
    "Report",
    "best_figure",
    "figures_agree",
    "group_reports",
    "story_key",
    "summarise",
]
