"""Is it a layoff story at all? One row per headline (and optional summary), traps included.

The traps are what make the extractor useful: denials, pledges, hiring, relocation, strikes,
union votes, rate cuts, roster cuts, a boxer's layoff, cost cuts, executive exits, earnings.
"""

from __future__ import annotations

import pytest

from tui.extract import extract

LAYOFF = [
    ("Acme Robotics lays off 120 workers", ""),
    ("Brightline Foods to cut 300 jobs as demand slows", ""),
    ("Northwind Bank axes 1,200 roles in restructuring", ""),
    ("Retailer Hollis & Webb sheds 80 staff", ""),
    ("Carmaker announces 4,000 job cuts across Europe", ""),
    ("Layoffs hit Pemberton Media newsroom", ""),
    ("Pemberton Media confirms redundancies", ""),
    ("Hundreds of workers let go at Crestline Steel", ""),
    ("Crestline Steel to eliminate 450 positions", ""),
    ("Orbital Apps slashes a third of its workforce", ""),
    ("Game studio Nightjar trims staff by 15%", ""),
    ("Tech layoffs: startups cut another 20,000 jobs in March", ""),
    ("", "Quillon Labs said on Monday it would reduce its workforce by about 10 percent."),
    ("Update on the chip sector", "Vantor Semiconductor laid off 700 employees last week."),
    ("Staff at Redgate Mills lose their jobs as plant closes", ""),
    ("Harlow Insurance workforce reduction affects 250", ""),
    (
        "Company denies mass layoffs but confirms 40 roles will go",
        "Kestrel Air denied reports of 1,000 layoffs, but confirmed that 40 roles will be cut.",
    ),
    ("Tesla to lay off more than 10% of global staff", ""),
    ("Meta begins fresh round of layoffs", ""),
    ("Google parent Alphabet fires 12,000 employees", ""),
    ("Stocks rise amid layoffs at Meta", ""),
]

NOT_LAYOFF = [
    ("Apple denies report of retail layoffs", "Apple said reports of layoffs at its stores were false."),
    ("Costco rules out layoffs despite slowdown", ""),
    ("Airline pledges no layoffs this year", "The carrier said it would not lay off any staff in 2024."),
    ("Delta says it will avoid layoffs with voluntary leave", ""),
    ("Amazon to hire 150,000 seasonal workers", "The company will add 150,000 jobs for the holidays."),
    ("Insurer relocates 1,500 jobs to Texas", "The company is moving 1,500 positions to its Dallas campus."),
    ("Nurses strike at three hospitals", "About 7,000 nurses walked out on Monday."),
    ("Warehouse workers vote to unionize", "Workers voted 120-80 to join the union."),
    (
        "Fed cuts interest rates by a quarter point",
        "The Federal Reserve cut its benchmark rate by 0.25 percentage points.",
    ),
    ("Bank of England cuts rates to 4.75%", ""),
    (
        "Chiefs cut veteran linebacker before season opener",
        "The team cut the 31-year-old as it trimmed its roster to 53 players.",
    ),
    ("Eagles release two players in roster cuts", ""),
    (
        "Boxer returns to the ring after a two-year layoff",
        "The former champion ends his layoff against a late replacement.",
    ),
    ("Fighter shakes off 18-month layoff with knockout win", ""),
    ("Startup cuts costs by moving to cheaper cloud", "The company cut cloud spending by 40%."),
    ("Toyota raises full-year profit forecast", "Operating profit rose 20% to 1.2 trillion yen."),
    ("Chief executive of Hartwell Group steps down", "The CEO, 61, resigned after 12 years."),
    ("Microsoft beats revenue expectations", "Revenue rose 17% to $43 billion."),
    ("Ford to invest $700 million in Ontario plant, keeping 2,800 jobs", ""),
    (
        "New factory will create 3,000 jobs in Wisconsin",
        "The plant is expected to create 3,000 jobs by 2027.",
    ),
    ("Retailer cuts prices on 500 products", ""),
    ("City council cuts ribbon on new library", ""),
    ("Union members walk out over pay", "Some 13% of the union's 146,000 members are on strike."),
    ("Microsoft beats revenue expectations amid industry layoffs", "Revenue rose 17% to $43 billion."),
    ("Shares rise despite job cuts across the sector", "The index closed 2% higher."),
]


@pytest.mark.parametrize(("title", "summary"), LAYOFF)
def test_layoff_story(title: str, summary: str) -> None:
    assert extract(title, summary).layoff is True


@pytest.mark.parametrize(("title", "summary"), NOT_LAYOFF)
def test_not_a_layoff_story(title: str, summary: str) -> None:
    result = extract(title, summary)
    assert result.layoff is False
    assert result.events == ()


ODD_INPUTS = [
    "",
    " ",
    "<p></p>",
    "&amp;&lt;",
    "\u0130stanbul \u015eirketi 500 i\u015f\u00e7iyi i\u015ften \u00e7\u0131kard\u0131",
    "X" * 5000,
    "<" * 100,
    "1,000,000,000,000 jobs cut",
    "Layoffs" * 200,
    "(((( lays off 5 ))))",
    "$$$ 12K%",
    "lay off 1.2.3.4 workers",
]


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_input_never_raises(text: str) -> None:
    result = extract(text, text)
    assert isinstance(result.layoff, bool)
    assert all(
        e.headcount_kind in ("exact", "approx", "vague", "percent_only", "none") for e in result.events
    )
