"""Which cut a report belongs to: the grouping rule, and corrections made by hand.

The rule: a report joins a cut of the same company (compared ignoring case; a unit such as Twitch
is its own company, so its cut stands beside its parent's) when

1. it is the same story (same ``story_key``) as one already in the cut — always; or
2. the cut's first and last reports and this one all fall within ``WINDOW_DAYS``, and its figure
   agrees with the figure of at least one report in the cut (``figures.figures_agree``; a report
   with no comparable figure agrees with any cut).

Among several cuts that qualify, one whose reports give the very same headcount wins, then one whose
figures merely agree, then one that has nothing to compare; then the nearest in time. Otherwise the
report starts a new cut: a later round (months on, or a clearly different figure) is a new cut.

Corrections by hand, kept across ``retag`` because they name reports by (article, company), not by
event or cut ids: reports in one *merge group* share a cut whatever the rule says; a report *split
off* stands alone (no other report joins it by the rule, and it joins none).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from tui.cuts.figures import headcounts_agree, percents_agree
from tui.cuts.links import story_key
from tui.cuts.model import Report

WINDOW_DAYS = 30
"""A cut's reports span at most this many days: follow-ups for weeks join, a round months later does not."""

_SAME_FIGURE, _AGREES, _NOTHING_TO_COMPARE = 0, 1, 2


@dataclass(eq=False)
class Group:
    """A cut being built: its reports and what placing the next report needs to know."""

    company: str
    """The first report's company, casefolded: the name the cut is found by."""
    first: datetime
    last: datetime
    cut_id: int | None = None
    """The stored cut's id; None for a cut this run created."""
    alone: bool = False
    """A story split off by hand: the rule adds nothing to it."""
    reports: list[Report] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)
    headcounts: set[int] = field(default_factory=set)
    percents: set[float] = field(default_factory=set)
    changed: bool = False
    """A report joined during this run, so the stored summary is out of date."""
    links: tuple[tuple[str | None, int], ...] = ()
    """(link, article id) of a stored cut's stories, turned into ``stories`` only if a report asks."""
    complete: bool = True
    """False for a stored cut seeded from its figures alone: ``reports`` holds only this run's reports."""
    indexed: bool = False

    def add(self, report: Report) -> None:
        """Take ``report`` in and widen the dates and figures it spans."""
        self.reports.append(report)
        self.stories.add(report.story)
        self.first = min(self.first, report.published)
        self.last = max(self.last, report.published)
        if report.figure.headcount is not None:
            self.headcounts.add(report.figure.headcount)
        if report.figure.percent is not None:
            self.percents.add(report.figure.percent)

    def has_story(self, story: str) -> bool:
        """True when ``story`` (a ``story_key``) is one of the cut's stories."""
        if self.links:
            self.stories.update(story_key(link, article_id) for link, article_id in self.links)
            self.links = ()
        return story in self.stories

    def agreement(self, report: Report) -> int | None:
        """How well the report's figure fits (lower is better); None when it contradicts every report."""
        headcount, percent = report.figure.headcount, report.figure.percent
        if headcount is not None and self.headcounts:
            if headcount in self.headcounts:
                return _SAME_FIGURE
            return _AGREES if any(headcounts_agree(headcount, other) for other in self.headcounts) else None
        if percent is not None and self.percents:
            return _AGREES if any(percents_agree(percent, other) for other in self.percents) else None
        return _NOTHING_TO_COMPARE

    def days_from(self, moment: datetime) -> float:
        """0 inside the cut's dates, else the days to the nearer end."""
        if self.first <= moment <= self.last:
            return 0.0
        nearer = self.first if moment < self.first else self.last
        return abs((moment - nearer).total_seconds()) / 86400


@dataclass(frozen=True)
class StoredCut:
    """What placing a report needs to know of a stored cut, without its reports."""

    cut_id: int
    company: str
    first: datetime
    last: datetime
    headcounts: frozenset[int]
    percents: frozenset[float]
    links: tuple[tuple[str | None, int], ...]
    """(link, article id) of each report: its ``story_key``, worked out only when needed."""
    alone: bool = False
    merge_groups: frozenset[int] = frozenset()


class Grouper:
    """Places reports into cuts one at a time, oldest first for the best result.

    Seed it with the stored cuts near the new reports (``seed``) for an incremental run, or with
    nothing for a rebuild. Cuts are indexed by company and by ``WINDOW_DAYS``-wide date buckets,
    so placing a report looks at a handful of cuts whatever the size of the store.
    """

    def __init__(
        self,
        *,
        merge_groups: Mapping[tuple[int, str], int] | None = None,
        alone: Collection[tuple[int, str]] = (),
        window_days: int = WINDOW_DAYS,
    ) -> None:
        self.window_days = window_days
        self.merge_groups = merge_groups or {}
        self.alone_keys = alone
        self.groups: list[Group] = []
        self._buckets: dict[tuple[str, int], list[Group]] = {}
        self._merged: dict[int, Group] = {}
        """Merge group -> the cut its first placed report is in."""

    def _bucket(self, moment: datetime) -> int:
        return moment.toordinal() // self.window_days

    def _put(self, group: Group, report: Report) -> Group:
        old_bucket = self._bucket(group.first) if group.indexed else None
        group.add(report)
        group.changed = True
        self._index(group, old_bucket)
        merge = self.merge_groups.get(report.key)
        if merge is not None:
            self._merged.setdefault(merge, group)
        return group

    def _index(self, group: Group, old_bucket: int | None) -> None:
        new_bucket = self._bucket(group.first)
        if old_bucket != new_bucket:
            if old_bucket is not None:
                self._buckets[(group.company, old_bucket)].remove(group)
            self._buckets.setdefault((group.company, new_bucket), []).append(group)
        group.indexed = True

    def seed_stored(self, stored: StoredCut) -> Group:
        """A stored cut known by its dates, figures and stories only (cheap to read): new reports can join
        it, and the store reads its reports only if one does."""
        group = Group(
            company=stored.company.casefold(),
            first=stored.first,
            last=stored.last,
            cut_id=stored.cut_id,
            alone=stored.alone,
            links=stored.links,
            headcounts=set(stored.headcounts),
            percents=set(stored.percents),
            complete=False,
        )
        self.groups.append(group)
        self._index(group, None)
        for merge in stored.merge_groups:
            self._merged.setdefault(merge, group)
        return group

    def seed(self, reports: Iterable[Report], cut_id: int | None = None, *, alone: bool = False) -> Group:
        """A stored cut and its reports, so new reports can join it; it counts as unchanged."""
        reports = list(reports)
        group = self._group(reports[0], cut_id=cut_id, alone=alone)
        for report in reports:
            self._put(group, report)
        group.changed = False
        return group

    def _group(self, report: Report, *, cut_id: int | None = None, alone: bool = False) -> Group:
        group = Group(
            company=report.company.casefold(),
            first=report.published,
            last=report.published,
            cut_id=cut_id,
            alone=alone,
        )
        self.groups.append(group)
        return group

    def _new(self, report: Report, *, alone: bool = False) -> Group:
        return self._put(self._group(report, alone=alone), report)

    def candidates(self, report: Report) -> list[Group]:
        """Cuts of the report's company whose first report is within the window of it."""
        company, bucket = report.company.casefold(), self._bucket(report.published)
        return [
            group
            for number in (bucket - 1, bucket, bucket + 1)
            for group in self._buckets.get((company, number), ())
        ]

    def add(self, report: Report) -> Group:
        """Place ``report``: with its merge group, alone when split off, else by the rule."""
        merge = self.merge_groups.get(report.key)
        if merge is not None and merge in self._merged:
            return self._put(self._merged[merge], report)
        nearby = self.candidates(report)
        same_story = [group for group in nearby if group.has_story(report.story)]
        if same_story:
            return self._put(same_story[0], report)
        if report.key in self.alone_keys:
            return self._new(report, alone=True)
        best: tuple[int, float] | None = None
        chosen: Group | None = None
        for group in nearby:
            if group.alone:
                continue
            span = (max(group.last, report.published) - min(group.first, report.published)).total_seconds()
            if span > self.window_days * 86400:
                continue
            fit = group.agreement(report)
            if fit is None:
                continue
            score = (fit, group.days_from(report.published))
            if best is None or score < best:
                best, chosen = score, group
        return self._put(chosen, report) if chosen is not None else self._new(report)


def chronological(reports: Iterable[Report]) -> list[Report]:
    """Oldest first (then by article and event id), the order that groups best."""
    return sorted(reports, key=lambda report: (report.published, report.article_id, report.event_id))


def group_reports(
    reports: Iterable[Report],
    *,
    merge_groups: Mapping[tuple[int, str], int] | None = None,
    alone: Collection[tuple[int, str]] = (),
    window_days: int = WINDOW_DAYS,
) -> list[list[Report]]:
    """Every report placed in a cut, from nothing: what ``retag`` rebuilds and the benchmark scores."""
    grouper = Grouper(merge_groups=merge_groups, alone=alone, window_days=window_days)
    for report in chronological(reports):
        grouper.add(report)
    return [group.reports for group in grouper.groups]
