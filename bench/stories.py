"""Synthetic news stories that read like a business feed and that the extractor really tags.

Each story comes with what the extractor should find in it (its layoff verdict and events), so the
synthetic database can be written without running the extractor, and ``check`` can measure how often
the extractor agrees (``python bench/synthetic.py --check 2000``). The text has a realistic shape for
the full-text index: a few hundred everyday words, numbers, places, and a long tail of rarer words
(product and people names), so prefix searches expand as they would over real articles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

STEMS_A = [
    "Tal",
    "Quel",
    "Vex",
    "Mar",
    "Orv",
    "Bren",
    "Dun",
    "Kes",
    "Hal",
    "Nor",
    "Cal",
    "Pel",
    "Zan",
    "Lum",
    "Fen",
    "Gar",
    "Ros",
    "Tir",
    "Wex",
    "Yar",
    "Bel",
    "Cor",
    "Dav",
    "Em",
    "Jor",
    "Lin",
    "Mor",
]
STEMS_B = [
    "dor",
    "mar",
    "ana",
    "avel",
    "ane",
    "ton",
    "more",
    "trel",
    "den",
    "via",
    "ora",
    "ix",
    "wick",
    "ford",
    "ara",
    "eno",
    "ley",
    "stead",
    "ova",
    "ent",
]
KINDS = [
    "Foods",
    "Logistics",
    "Software",
    "Bank",
    "Health",
    "Motors",
    "Energy",
    "Media",
    "Retail",
    "Robotics",
    "Insurance",
    "Pharma",
    "Networks",
    "Airlines",
    "Systems",
    "Games",
    "Labs",
    "Capital",
]
UNITS = [
    ("YouTube", "Google"),
    ("Verily", "Google"),
    ("Waymo", "Google"),
    ("Fitbit", "Google"),
    ("Instagram", "Meta"),
    ("WhatsApp", "Meta"),
    ("Twitch", "Amazon"),
    ("Audible", "Amazon"),
    ("Zappos", "Amazon"),
    ("Whole Foods", "Amazon"),
    ("LinkedIn", "Microsoft"),
    ("GitHub", "Microsoft"),
    ("Xbox", "Microsoft"),
    ("Slack", "Salesforce"),
    ("Tableau", "Salesforce"),
    ("TikTok", "ByteDance"),
    ("Indeed", "Recruit Holdings"),
    ("Glassdoor", "Recruit Holdings"),
    ("Riot Games", "Tencent"),
    ("Cruise", "General Motors"),
    ("ESPN", "Disney"),
    ("NBCUniversal", "Comcast"),
    ("Flipkart", "Walmart"),
    ("DeepMind", "Google"),
    ("Oculus", "Meta"),
    ("Ring", "Amazon"),
    ("Activision Blizzard", "Microsoft"),
    ("MGM Studios", "Amazon"),
    ("Chevrolet", "General Motors"),
    ("Credit Suisse", "UBS"),
]
"""Real units the extractor files under their parent (its company list knows them)."""

PLACES = [
    "Ohio",
    "Texas",
    "Oregon",
    "Dublin",
    "Toronto",
    "Berlin",
    "Austin",
    "Seattle",
    "Manchester",
    "Lyon",
    "Warsaw",
    "Bangalore",
    "Singapore",
    "Melbourne",
    "Denver",
    "Atlanta",
    "Phoenix",
    "Leeds",
]
SECTORS = [
    "cloud",
    "advertising",
    "streaming",
    "payments",
    "mortgage",
    "freight",
    "semiconductor",
    "battery",
    "subscription",
    "hardware",
    "consulting",
    "insurance",
    "wholesale",
    "pharmacy",
    "logistics",
    "gaming",
    "grocery",
    "aviation",
    "software",
    "analytics",
    "security",
]
REASONS = [
    "slowing demand",
    "falling advertising revenue",
    "a costly restructuring",
    "weaker orders",
    "rising interest rates",
    "a shift toward artificial intelligence",
    "a pending merger",
    "declining subscriptions",
    "pressure from investors",
    "a slump in home sales",
    "higher borrowing costs",
    "tariffs on imported parts",
    "a drop in freight volumes",
]
TEAMS = [
    "engineering",
    "sales",
    "marketing",
    "customer support",
    "recruiting",
    "operations",
    "design",
    "finance",
    "product",
    "research",
    "retail stores",
    "warehouse",
]
MOVES = ["rose", "fell", "slipped", "climbed", "dropped", "gained", "edged up", "edged down"]
PERIODS = ["first quarter", "second quarter", "third quarter", "fourth quarter", "fiscal year", "half year"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "June", "July", "September", "October", "November"]
ECONOMY = [
    "Central bank holds rates steady as inflation eases",
    "Oil prices climb as producers extend output curbs",
    "Retail sales beat forecasts in the holiday season",
    "Home prices cool as mortgage rates stay high",
    "Factory orders rebound after a weak summer",
    "Consumer confidence slips to a six-month low",
    "Container shipping rates jump on canal delays",
    "Regulators propose new rules for crypto exchanges",
    "Startup funding recovers as investors return to software",
    "Electric car sales slow in Europe as subsidies end",
]
CUT_TITLES = [
    "{co} to cut {n:,} jobs, citing {reason}",
    "{co} lays off {n:,} workers amid {reason}",
    "{co} plans about {n:,} layoffs",
    "{co} will eliminate {n:,} positions in {sector} unit",
    "{co} slashes {n:,} roles after {reason}",
]
PERCENT_TITLES = ["{co} cuts {pct}% of staff in restructuring", "{co} to lay off {pct}% of its workforce"]
VAGUE_TITLES = ["{co} lays off hundreds in {sector} business", "{co} cuts several hundred jobs"]
OTHER_TITLES = [
    "{co} reports {adj} {period} revenue",
    "{co} opens new {sector} hub in {place}",
    "{co} names new chief executive",
    "{co} shares {move} after {period} results",
    "{co} launches {tail} {sector} platform",
    "{co} wins contract to supply {sector} services",
]
ADJECTIVES = ["strong", "weak", "record", "mixed", "better-than-expected", "disappointing"]


def _company_names(rng: random.Random, count: int) -> list[str]:
    """Invented two-word names ("Taldor Foods"): unknown to the extractor, found by their shape."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        stem = rng.choice(STEMS_A) + rng.choice(STEMS_B)
        if stem in seen:
            continue
        seen.add(stem)
        names.append(f"{stem} {rng.choice(KINDS)}")
    return names


def _tail_words(rng: random.Random, count: int) -> list[str]:
    """Rare lowercase words (product and project names), so the index has a long tail of terms."""
    syllables = [
        "ka",
        "lo",
        "mi",
        "ren",
        "tor",
        "va",
        "qui",
        "zen",
        "pra",
        "dal",
        "ne",
        "so",
        "tri",
        "bo",
        "sel",
        "ur",
        "fi",
        "gan",
        "ho",
        "ly",
        "mer",
        "pos",
        "ta",
        "ven",
        "wi",
        "xo",
        "yul",
    ]
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


@dataclass(frozen=True)
class Event:
    """What the extractor should find: the company, its parent, and the figures."""

    company: str
    parent: str | None
    headcount: int | None
    kind: str
    percent: float | None
    evidence: str


@dataclass(frozen=True)
class Story:
    """One synthetic article and the tags it should get."""

    title: str
    text: str
    layoff: bool
    events: tuple[Event, ...] = field(default=())


class StoryMaker:
    """Deterministic stories over a fixed cast of companies; ``companies`` lists them all."""

    def __init__(self, rng: random.Random, companies: int = 300, tail: int = 30_000) -> None:
        self.rng = rng
        units = UNITS[: min(30, companies // 10)]
        self.units = {unit: parent for unit, parent in units}
        self.companies = _company_names(rng, companies - len(units)) + [unit for unit, _ in units]
        self.tail = _tail_words(rng, tail)

    def _tail(self) -> str:
        """A tail word, Zipf-like: a few are common, most are rare."""
        index = min(len(self.tail) - 1, int(self.rng.paretovariate(1.1)) - 1)
        return (
            self.tail[(index * 7919) % len(self.tail)]
            if self.rng.random() < 0.5
            else self.tail[self.rng.randrange(len(self.tail))]
        )

    def _filler(self, co: str) -> list[str]:
        rng = self.rng
        sentences = [
            f"Shares of the company {rng.choice(MOVES)} {rng.randint(1, 9)}% in early trading.",
            (
                f"Revenue in the {rng.choice(PERIODS)} {rng.choice(MOVES)} to ${rng.randint(1, 90)}."
                f"{rng.randint(1, 9)} billion, below analysts' estimates."
            ),
            f"The {rng.choice(SECTORS)} business has struggled with {rng.choice(REASONS)}.",
            (
                f"Executives told employees in a memo on {rng.choice(DAYS)} that the changes would take "
                f"effect by {rng.choice(MONTHS)}."
            ),
            (
                f"The company employed about {rng.randint(2, 90) * 1000:,} people at the end of last year, "
                "according to its annual report."
            ),
            (
                f"Its {self._tail()} platform and the {self._tail()} project in {rng.choice(PLACES)} are not "
                "affected, a spokesperson said."
            ),
            f"Analysts said the move could save ${rng.randint(20, 900)} million a year.",
            f"The {rng.choice(SECTORS)} market has been under pressure since {rng.choice(MONTHS)}.",
        ]
        rng.shuffle(sentences)
        return sentences[: rng.randint(3, 6)]

    def layoff_story(self) -> Story:
        """A story of one company's cut (a fifth of them name a second company cutting too)."""
        rng = self.rng
        co = rng.choice(self.companies)
        parent = self.units.get(co)
        shape = rng.random()
        reason, sector = rng.choice(REASONS), rng.choice(SECTORS)
        if shape < 0.7:
            n = rng.choice([rng.randint(2, 99) * 10, rng.randint(1, 60) * 100, rng.randint(10, 300)])
            title = rng.choice(CUT_TITLES).format(co=co, n=n, reason=reason, sector=sector)
            kind = "approx" if "about" in title else "exact"
            event = Event(co, parent, n, kind, None, title)
        elif shape < 0.85:
            pct = rng.choice([5, 6, 8, 10, 12, 15, 20])
            title = rng.choice(PERCENT_TITLES).format(co=co, pct=pct)
            event = Event(co, parent, None, "percent_only", float(pct), title)
        else:
            title = rng.choice(VAGUE_TITLES).format(co=co, sector=sector)
            event = Event(co, parent, None, "vague", None, title)
        events = [event]
        body = [
            (
                f"{co} said on {rng.choice(DAYS)} the cuts would fall mainly on its {rng.choice(TEAMS)} "
                f"and {rng.choice(TEAMS)} teams."
            )
        ]
        if rng.random() < 0.2:
            other = rng.choice([name for name in self.companies if name != co])
            m = rng.randint(2, 40) * 25
            sentence = f"{other} also said it would cut {m:,} roles."
            body.append(sentence)
            events.append(Event(other, self.units.get(other), m, "exact", None, sentence))
        body += self._filler(co)
        return Story(title, " ".join(body), True, tuple(events))

    def other_story(self) -> Story:
        """Everyday business news: results, openings, the economy; no job cuts."""
        rng = self.rng
        if rng.random() < 0.3:
            title = rng.choice(ECONOMY)
            co = "The company"
        else:
            co = rng.choice(self.companies)
            title = rng.choice(OTHER_TITLES).format(
                co=co,
                adj=rng.choice(ADJECTIVES),
                period=rng.choice(PERIODS),
                sector=rng.choice(SECTORS),
                place=rng.choice(PLACES),
                move=rng.choice(MOVES),
                tail=self._tail(),
            )
        body = [s for s in self._filler(co) if "changes would take effect" not in s]
        return Story(title, " ".join(body), False)

    def story(self, layoff_share: float) -> Story:
        """A layoff story with probability ``layoff_share``, else everyday news."""
        return self.layoff_story() if self.rng.random() < layoff_share else self.other_story()
