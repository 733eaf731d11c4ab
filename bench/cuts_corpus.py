"""A generated corpus for bench/cuts.py: job cuts, each reported by 1-8 stories, with the truth kept.

Written here, seeded, so runs compare. Companies are real names (units among them: Twitch under
Amazon, LinkedIn under Microsoft, Verily under Google) and invented ones ("Halvorsen Shipping").
Each company has one to four rounds months apart; a few have a second, clearly different cut
within days of the first (the hard case). A cut's stories state its figure in many ways — "1,040",
"about 1,000", "nearly 1,000", "10% of staff", "hundreds of", no figure — over a few days, with
follow-ups for up to three weeks; some are carried by two feeds under one link; round-ups name
two to four cuts of the past week.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

REAL = [
    "Salesforce",
    "Dropbox",
    "Zillow",
    "Spotify",
    "Shopify",
    "Intel",
    "Cisco",
    "IBM",
    "Dell",
    "PayPal",
    "eBay",
    "Snap",
    "Pinterest",
    "Lyft",
    "Uber",
    "Airbnb",
    "Netflix",
    "Disney",
    "Ford",
    "General Motors",
    "Nike",
    "Starbucks",
    "Boeing",
    "Walmart",
    "Citigroup",
    "Goldman Sachs",
    "Wells Fargo",
    "Unilever",
    "Siemens",
    "Bosch",
    "Volkswagen",
    "Nissan",
    "Panasonic",
    "Sony",
    "Ericsson",
    "Nokia",
    "Vodafone",
    "Telstra",
    "Coinbase",
    "Robinhood",
    "Twilio",
    "Zoom",
    "DocuSign",
    "Okta",
    "Oracle",
    "SAP",
    "Meta",
    "Google",
    "Amazon",
    "Microsoft",
    "Twitch",
    "LinkedIn",
    "Verily",
    "Peloton",
    "Wayfair",
    "Chegg",
    "Unacademy",
]
FIRST = [
    "Halvorsen",
    "Brightwater",
    "Northgate",
    "Kestrel",
    "Ambrose",
    "Corvid",
    "Lindqvist",
    "Marlow",
    "Pemberton",
    "Quillon",
    "Redfern",
    "Stellan",
    "Ashdown",
    "Bellweather",
    "Carrow",
    "Dunmore",
]
SECOND = ["Shipping", "Foods", "Bank", "Motors", "Pharma", "Logistics", "Software", "Energy"]
FILLER = [
    "The company said the move is part of a restructuring plan aimed at reducing costs.",
    "Executives pointed to slowing demand and higher interest rates.",
    "Affected employees will receive severance and help finding new roles.",
    "Shares rose slightly in early trading after the announcement.",
]


@dataclass
class Cut:
    """A true cut: who, when, how many."""

    number: int
    company: str
    announced: datetime
    headcount: int
    percent: int | None


@dataclass
class Story:
    """One article as a feed carries it, and the true cuts it reports."""

    guid: str
    feed: int
    title: str
    summary: str
    link: str
    published: datetime
    cuts: list[int] = field(default_factory=list)


def _figure(rng: random.Random) -> int:
    value = rng.choice([rng.randint(40, 400), rng.randint(300, 3000), rng.randint(2000, 20000)])
    return round(value, -1) if rng.random() < 0.6 else value


def _rounded(value: int) -> int:
    """Two significant figures, as "about 1,000" rounds 1,040."""
    digits = len(str(value)) - 2
    return round(value, -digits) if digits > 0 else value


def _title(rng: random.Random, company: str, cut: Cut, follow_up: bool) -> str:
    n, p = cut.headcount, cut.percent
    if follow_up:
        return rng.choice(
            [
                f"Workers at {company} brace as {n:,} job cuts begin",
                f"What {company}'s {n:,} layoffs mean for the industry",
                f"{company} layoffs: staff describe a tense week",
            ]
        )
    options = [
        f"{company} to cut {n:,} jobs",
        f"{company} lays off {n:,} employees",
        f"{company} will eliminate {n:,} positions",
        f"{company} lays off about {_rounded(n):,} workers",
        f"{company} to cut nearly {_rounded(n):,} jobs",
        f"Report: {company} planning to cut around {_rounded(n):,} roles",
        f"{company} confirms layoffs in restructuring",
    ]
    if p:
        options += [
            f"{company} cuts {n:,} jobs, or {p}% of its workforce",
            f"{company} to lay off {p}% of its staff",
            f"{company} to cut {p}% of workforce",
        ]
    if 100 <= n < 1000:
        options.append(f"{company} announces hundreds of job cuts")
    elif n >= 2000:
        options.append(f"{company} to cut thousands of jobs")
    return rng.choice(options)


def generate(seed: int = 12, *, feeds: int = 25) -> tuple[list[Cut], list[Story]]:
    """The true cuts and the stories reporting them, in no particular order."""
    rng = random.Random(seed)
    invented = rng.sample([f"{a} {b}" for a in FIRST for b in SECOND], 60)
    cuts: list[Cut] = []
    for company in REAL + invented:
        day = datetime(2023, 1, 2, tzinfo=UTC) + timedelta(days=rng.randint(0, 420), hours=rng.randint(6, 18))
        for _ in range(rng.choice([1, 2, 2, 3, 3, 4])):
            cuts.append(
                Cut(len(cuts), company, day, _figure(rng), rng.choice([None, None, rng.randint(3, 25)]))
            )
            if rng.random() < 0.06:  # a second, clearly different cut days later
                other = cuts[-1].headcount * rng.choice([3, 4]) // 1 + 7
                cuts.append(Cut(len(cuts), company, day + timedelta(days=rng.randint(4, 12)), other, None))
            day += timedelta(days=rng.randint(75, 220))
    stories: list[Story] = []
    for cut in cuts:
        for index in range(rng.choice([1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8])):
            follow_up = index > 0 and rng.random() < 0.15
            days = (
                rng.uniform(7, 21) if follow_up else (0 if index == 0 else rng.choice([0, 0.5, 1, 2, 3, 5]))
            )
            published = cut.announced + timedelta(days=days, minutes=rng.randint(0, 600))
            number = len(stories)
            link = f"https://outlet{rng.randint(1, 40)}.example/news/{number}"
            title = _title(rng, cut.company, cut, follow_up)
            story = Story(
                f"s{number}",
                rng.randint(1, feeds),
                title,
                f"{title}. {rng.choice(FILLER)}",
                link,
                published,
                [cut.number],
            )
            stories.append(story)
            if rng.random() < 0.15:  # the same link in a second feed, with a tracking parameter
                stories.append(
                    Story(
                        f"s{number}b",
                        rng.randint(1, feeds),
                        title,
                        story.summary,
                        f"{link}?utm_source=rss",
                        published + timedelta(minutes=30),
                        [cut.number],
                    )
                )
    by_week: dict[int, list[Cut]] = {}
    for cut in cuts:
        by_week.setdefault(cut.announced.toordinal() // 7, []).append(cut)
    for week, week_cuts in sorted(by_week.items()):
        named = {cut.company: cut for cut in week_cuts}
        if len(named) < 2 or rng.random() < 0.5:
            continue
        chosen = rng.sample(list(named.values()), min(len(named), rng.randint(2, 4)))
        parts = [
            f"{cut.company} cuts {cut.headcount:,} jobs"
            if not cut.percent or rng.random() < 0.5
            else f"{cut.company} cuts {cut.percent}% of staff"
            for cut in chosen
        ]
        title = f"Layoffs this week: {', '.join(parts[:-1])} and {parts[-1]}"
        published = max(cut.announced for cut in chosen) + timedelta(days=rng.uniform(0.5, 3))
        number = len(stories)
        stories.append(
            Story(
                f"s{number}",
                rng.randint(1, feeds),
                title,
                title + ".",
                f"https://tracker.example/week/{week}",
                published,
                [cut.number for cut in chosen],
            )
        )
    return cuts, stories
