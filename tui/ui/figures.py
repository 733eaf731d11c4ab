"""A cut's figure as the tables show it: "12,000", "~1,000", "some", "10%" (display belongs to the UI)."""

from __future__ import annotations

from tui.service import CutRow


def cut_headcount(cut: CutRow) -> str:
    """The best figure: exact as is, approximate with "~", vague as "some", none (or percent only) empty."""
    if cut.headcount is not None:
        return ("~" if cut.headcount_kind == "approx" else "") + f"{cut.headcount:,}"
    return "some" if cut.headcount_kind == "vague" else ""


def cut_percent(cut: CutRow) -> str:
    """``10%`` (as given), or empty."""
    return f"{cut.percent:g}%" if cut.percent is not None else ""
