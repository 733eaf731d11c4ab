"""The grouping rule as tables of cases: pure functions, no database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tui.cuts import CutFigure, Report, group_reports, story_key, summarise

START = datetime(2024, 1, 10, 9, tzinfo=UTC)


def report(
    number: int,
    company: str,
    day: float,
    headcount: int | None = None,
    kind: str | None = None,
    percent: float | None = None,
    *,
    parent: str | None = None,
    link: str | None = None,
) -> Report:
    """Story ``number`` (article id too) about ``company``, ``day`` days after START."""
    if kind is None:
        kind = "exact" if headcount is not None else "percent_only" if percent is not None else "none"
    return Report(
        event_id=number,
        article_id=number,
        company=company,
        parent=parent,
        published=START + timedelta(days=day),
        story=story_key(link or f"https://n{number}.example/s", number),
        figure=CutFigure(headcount, kind, percent),
    )


def cuts_of(reports: list[Report], **options) -> list[list[int]]:
    """The grouping as sorted lists of article ids, sorted."""
    return sorted(sorted(r.article_id for r in group) for group in group_reports(reports, **options))


CASES = [
    (
        "one cut reported by several outlets in wording that varies",
        [
            report(1, "Google", 0, 12000),
            report(2, "Google", 0.2, 12000, "approx"),
            report(3, "Google", 1, 12000),
            report(4, "Google", 2, None, "vague"),
            report(5, "Google", 3, None, percent=6),
        ],
        [[1, 2, 3, 4, 5]],
    ),
    (
        "figures within 10% agree: 1,000 / about 1,000 / nearly 1,000 / 1,050 / 950",
        [
            report(1, "Acme", 0, 1000),
            report(2, "Acme", 1, 1000, "approx"),
            report(3, "Acme", 1, 1050),
            report(4, "Acme", 2, 950),
        ],
        [[1, 2, 3, 4]],
    ),
    (
        "a later round months later is a new cut, even with the same figure",
        [report(1, "Google", 0, 12000), report(2, "Google", 1, 12000), report(3, "Google", 120, 12000)],
        [[1, 2], [3]],
    ),
    (
        "a clearly different figure in the same week is a new cut",
        [
            report(1, "Meta", 0, 10000),
            report(2, "Meta", 2, 3600),
            report(3, "Meta", 3, 10000, "approx"),
            report(4, "Meta", 3, 3600),
        ],
        [[1, 3], [2, 4]],
    ),
    (
        "a unit is its own cut beside its parent's",
        [
            report(1, "Amazon", 0, 9000),
            report(2, "Twitch", 0, 500, parent="Amazon"),
            report(3, "Amazon", 1, 9000),
            report(4, "Twitch", 1, 500, "approx", parent="Amazon"),
        ],
        [[1, 3], [2, 4]],
    ),
    (
        "a round-up's events join each company's own cut",
        [
            report(1, "Google", 0, 12000),
            report(2, "Meta", 0, 11000),
            report(3, "Spotify", 1, None, percent=6),
            report(10, "Google", 3, 12000),
            report(10, "Meta", 3, 11000, "approx"),
            report(10, "Spotify", 3, None, percent=6),
        ],
        [[1, 10], [2, 10], [3, 10]],
    ),
    (
        "percents that disagree are two cuts when no headcount is given",
        [
            report(1, "Spotify", 0, None, percent=6),
            report(2, "Spotify", 2, None, percent=17),
            report(3, "Spotify", 3, None, percent=6),
        ],
        [[1, 3], [2]],
    ),
    (
        "percents a point apart agree",
        [report(1, "Telstra", 0, None, percent=8), report(2, "Telstra", 1, None, percent=9)],
        [[1, 2]],
    ),
    (
        "a vague report joins the nearest cut of its company",
        [report(1, "Intel", 0, 5000), report(2, "Intel", 20, 195), report(3, "Intel", 21, None, "vague")],
        [[1], [2, 3]],
    ),
    (
        "a report prefers the cut whose figure it repeats over the nearer one",
        [report(1, "Intel", 0, 5000), report(2, "Intel", 9, 195), report(3, "Intel", 10, 5000, "approx")],
        [[1, 3], [2]],
    ),
    (
        "company names compare ignoring case",
        [report(1, "eBay", 0, 1000), report(2, "EBAY", 1, 1000)],
        [[1, 2]],
    ),
    (
        "the same link in two feeds is one story, whatever figure each summary gave",
        [
            report(1, "Bosch", 0, 5500, link="https://www.news.example/bosch/?utm_source=rss"),
            report(2, "Bosch", 0.1, 3000, link="https://news.example/bosch#top"),
        ],
        [[1, 2]],
    ),
    (
        "a cut spans at most the window: follow-ups after it start a new cut",
        [report(1, "Nissan", 0, 9000), report(2, "Nissan", 20, 9000), report(3, "Nissan", 35, 9000)],
        [[1, 2], [3]],
    ),
    (
        "the same figure 32 days after the first story is a new cut",
        [report(1, "Nissan", 0, 9000), report(2, "Nissan", 10, 9000), report(3, "Nissan", 32, 9000)],
        [[1, 2], [3]],
    ),
    (
        "stories arriving out of date order group the same",
        [
            report(3, "Nissan", 2, 9000),
            report(1, "Nissan", 0, 9000, "approx"),
            report(2, "Nissan", 1, None, "vague"),
        ],
        [[1, 2, 3]],
    ),
]


@pytest.mark.parametrize(
    ("reports", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_grouping(reports: list[Report], expected: list[list[int]]) -> None:
    assert cuts_of(reports) == expected


def test_merge_group_holds_reports_together_against_the_rule() -> None:
    reports = [report(1, "Meta", 0, 10000), report(2, "Meta", 2, 3600), report(3, "Meta", 90, 500)]
    merges = {(1, "meta"): 7, (2, "meta"): 7, (3, "meta"): 7}
    assert cuts_of(reports, merge_groups=merges) == [[1, 2, 3]]


def test_a_story_split_off_stands_alone_and_takes_no_other() -> None:
    reports = [report(1, "Meta", 0, 10000), report(2, "Meta", 1, 10000), report(3, "Meta", 2, 10000)]
    assert cuts_of(reports, alone={(2, "meta")}) == [[1, 3], [2]]
    assert cuts_of(reports, alone={(1, "meta")}) == [[1], [2, 3]]


BEST = [
    (
        "exact beats approximate, whatever the order",
        [CutFigure(1000, "approx"), CutFigure(1040, "exact"), CutFigure(1000, "approx")],
        CutFigure(1040, "exact"),
    ),
    (
        "approximate beats vague",
        [CutFigure(None, "vague"), CutFigure(500, "approx")],
        CutFigure(500, "approx"),
    ),
    (
        "among exact figures the one most stories give",
        [CutFigure(1000, "exact"), CutFigure(1050, "exact"), CutFigure(1050, "exact")],
        CutFigure(1050, "exact"),
    ),
    (
        "a tie goes to the earliest story",
        [CutFigure(1050, "exact"), CutFigure(1000, "exact")],
        CutFigure(1050, "exact"),
    ),
    (
        "the percent is kept beside a headcount",
        [CutFigure(12000, "exact"), CutFigure(None, "percent_only", 6.0)],
        CutFigure(12000, "exact", 6.0),
    ),
    (
        "vague over percent only, the percent kept",
        [CutFigure(None, "percent_only", 10.0), CutFigure(None, "vague")],
        CutFigure(None, "vague", 10.0),
    ),
    (
        "percent only",
        [CutFigure(None, "percent_only", 10.0), CutFigure()],
        CutFigure(None, "percent_only", 10.0),
    ),
    ("nothing stated", [CutFigure(), CutFigure()], CutFigure()),
]


@pytest.mark.parametrize(("figures", "best"), [case[1:] for case in BEST], ids=[case[0] for case in BEST])
def test_best_figure(figures: list[CutFigure], best: CutFigure) -> None:
    from tui.cuts import best_figure

    assert best_figure(figures) == best


def test_summary_counts_a_link_in_two_feeds_once_and_takes_the_usual_name() -> None:
    reports = [
        report(2, "Twitch", 1, 500, parent="Amazon", link="https://a.example/t"),
        report(1, "Twitch", 0, 400, "approx", parent="Amazon"),
        report(3, "Twitch", 1.5, 500, link="https://a.example/t/?utm_medium=x"),
    ]
    summary = summarise(reports)
    assert (summary.company, summary.parent, summary.sources, summary.first_article_id) == (
        "Twitch",
        "Amazon",
        2,
        1,
    )
    assert summary.figure == CutFigure(500, "exact")
    assert summary.announced == START and summary.month == "2024-01"


@pytest.mark.parametrize(
    ("link", "key"),
    [
        ("https://www.Example.com/a/b/?utm_source=rss&id=3#top", "example.com/a/b?id=3"),
        ("http://example.com/a/b?id=3&fbclid=x", "example.com/a/b?id=3"),
        ("https://example.com/a/b?b=2&a=1", "example.com/a/b?a=1&b=2"),
        ("https://WWW.Example.com/a/b/", "example.com/a/b"),
        ("http://example.com", "example.com"),
        ("https://example.com:8443/a", "example.com:8443/a"),
        ("", "article:7"),
        (None, "article:7"),
    ],
)
def test_story_key(link: str | None, key: str) -> None:
    assert story_key(link, 7) == key
