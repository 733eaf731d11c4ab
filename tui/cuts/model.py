"""The records grouping works on: a report (one story's event) and a cut's summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tui.cuts.figures import CutFigure, best_figure


@dataclass(frozen=True)
class Report:
    """One story reporting one company's cut: an ``events`` row with its article's date and link."""

    event_id: int
    article_id: int
    company: str
    parent: str | None
    published: datetime
    """UTC; the article's published date (the fetch date when the feed gave none)."""
    story: str
    """``story_key`` of the article's link: two feeds carrying one link are one story."""
    figure: CutFigure

    @property
    def key(self) -> tuple[int, str]:
        """(article id, company casefolded): how manual merges and splits name a report, since event ids
        change on every retag."""
        return self.article_id, self.company.casefold()


@dataclass(frozen=True)
class CutSummary:
    """What a cut keeps about itself, derived from its reports by ``summarise``."""

    company: str
    parent: str | None
    announced: datetime
    """The first report's published date."""
    last_reported: datetime
    figure: CutFigure
    sources: int
    """Distinct stories (a link in two feeds counts once)."""
    first_article_id: int

    @property
    def month(self) -> str:
        """``YYYY-MM`` of ``announced``."""
        return self.announced.strftime("%Y-%m")


def _chronological(reports: Sequence[Report]) -> list[Report]:
    return sorted(reports, key=lambda report: (report.published, report.article_id, report.event_id))


def _first_per_story(reports: Sequence[Report]) -> list[Report]:
    """One report per story, the earliest, so a story carried by three feeds votes once."""
    seen: dict[str, Report] = {}
    for report in _chronological(reports):
        seen.setdefault(report.story, report)
    return list(seen.values())


def _most_common(values: Sequence[str]) -> str:
    """The most frequent value; a tie goes to the one seen first (``values`` is in date order)."""
    counts = Counter(values)
    return max(values, key=lambda value: (counts[value], -values.index(value)))


def summarise(reports: Sequence[Report]) -> CutSummary:
    """A cut's summary from its reports (at least one).

    The company is the name most stories use (a tie: the first story's), the parent the one most
    stories give that company, the figure ``best_figure`` over one report per story.
    """
    if not reports:
        raise ValueError("a cut needs at least one report")
    ordered = _chronological(reports)
    stories = _first_per_story(ordered)
    company = _most_common([report.company for report in stories])
    parents = [report.parent for report in stories if report.company == company and report.parent]
    return CutSummary(
        company=company,
        parent=_most_common(parents) if parents else None,
        announced=ordered[0].published,
        last_reported=ordered[-1].published,
        figure=best_figure([report.figure for report in stories]),
        sources=len(stories),
        first_article_id=ordered[0].article_id,
    )
