"""Wire-copy phrasing: one headline and first paragraph per row, as agencies and trade press write them.

Each row checks the whole answer (layoff decision and events). Numbers and names here are written
for the test; the phrasing follows how job-cut stories are usually worded.
"""

from __future__ import annotations

import pytest

from tui.extract import extract

ROWS = [
    (
        "Streamly to cut 1,500 jobs, about 17% of workforce",
        (
            "Streamly SA said on Monday it would cut about 1,500 jobs, or 17% of its workforce, as the music "
            "streaming company reins in costs."
        ),
        [("Streamly", 1500, "approx", 17.0)],
    ),
    (
        "Cisco to lay off more than 4,000 employees in restructuring",
        "Cisco Systems Inc. will lay off over 4,000 employees, or about 5% of its staff, according to a filing.",
        [("Cisco", 4000, "approx", 5.0)],
    ),
    (
        "Toymaker to cut 1,100 more jobs as sales slump",
        (
            "Brickland Toys Inc. said on Monday it would cut about 1,100 jobs, or nearly 20% of its workforce, "
            "after it previously eliminated 800 positions."
        ),
        [("Brickland Toys", 1100, "approx", 20.0)],
    ),
    (
        "Paramount to lay off 3% of its US workforce",
        "Paramount Global is laying off 3% of its U.S. workforce.",
        [("Paramount", None, "percent_only", 3.0)],
    ),
    (
        "Bank job cuts continue",
        "Wells Fargo has cut about 2,000 jobs in the latest quarter, bringing its headcount to 226,000.",
        [("Wells Fargo", 2000, "approx", None)],
    ),
    (
        "Layoffs at Chatterbox",
        (
            "Chatterbox is laying off 17% of its workforce, or 170 people, its chief executive "
            "told employees in a memo."
        ),
        [("Chatterbox", 170, "exact", 17.0)],
    ),
    (
        "Dating app to lay off 30% of its workforce",
        "Dating app operator Swipely Inc will lay off about 350 employees, or 30% of its workforce.",
        [("Swipely", 350, "approx", 30.0)],
    ),
    (
        "Intel plans thousands of job cuts",
        "Intel Corp is planning to lay off thousands of employees, Bloomberg News reported.",
        [("Intel", None, "vague", None)],
    ),
    (
        "Fitness firm to cut about 15% of staff",
        (
            "Pedalon Interactive will cut about 400 jobs, or 15% of its workforce. The layoffs come after the company "
            "cut 2,800 jobs in February 2022."
        ),
        [("Pedalon Interactive", 400, "approx", 15.0)],
    ),
    (
        "Barclays to cut 5,000 jobs",
        "Barclays Plc plans to cut as many as 5,000 jobs this year.",
        [("Barclays", 5000, "approx", None)],
    ),
    (
        "Retail giant lays off hundreds of corporate workers",
        "Walmart Inc is laying off hundreds of corporate employees, the retailer said on Tuesday.",
        [("Walmart", None, "vague", None)],
    ),
    (
        "Tech layoffs: Microsoft, Salesforce and SAP cut jobs",
        (
            "Microsoft said it would cut 10,000 jobs. Salesforce said it would lay off about 10% of its staff. "
            "SAP plans to cut up to 3,000 roles."
        ),
        [
            ("Microsoft", 10000, "exact", None),
            ("Salesforce", None, "percent_only", 10.0),
            ("SAP", 3000, "approx", None),
        ],
    ),
    (
        "Job cuts at Citigroup",
        "Citigroup Inc. will eliminate 20,000 jobs over the next two years. The bank employs about 240,000 people.",
        [("Citigroup", 20000, "exact", None)],
    ),
    (
        "Philips to cut 6,000 more jobs",
        "Dutch health technology company Philips said on Monday it would cut a further 6,000 jobs worldwide by 2025.",
        [("Philips", 6000, "exact", None)],
    ),
    (
        "Coffee chain to cut 40 jobs",
        "Third Wave Coffee has laid off around 40 employees across its offices.",
        [("Third Wave Coffee", 40, "approx", None)],
    ),
    (
        "Consultancy to cut 19,000 jobs",
        "Accenture Plc will cut 19,000 jobs, or 2.5% of its workforce, and lower its revenue forecast.",
        [("Accenture", 19000, "exact", 2.5)],
    ),
    (
        "Bank to shed 1,000 staff",
        "The bank, which employs 50,000, said 1,000 roles would go by the end of the year.",
        [],
    ),
    ("Local mill to close, 150 jobs lost", "", []),
    ("Layoffs in 2023: a look back", "Last year, Meta cut 21,000 jobs and Amazon cut 27,000.", []),
    ("Infosys sacks 400 trainees after assessments", "", [("Infosys", 400, "exact", None)]),
    ("Byju's to let go of 2,500 employees", "", [("Byju's", 2500, "exact", None)]),
    ("Retrenchment at Paytm: 1,000 employees let go", "", [("Paytm", 1000, "exact", None)]),
    ("Jaguar Land Rover to axe 2,000 UK jobs", "", [("Jaguar Land Rover", 2000, "exact", None)]),
    ("HSBC to cut 35,000 jobs as profits plunge 53%", "", [("HSBC", 35000, "exact", None)]),
    ("Boeing to lay off 10% of workforce, about 17,000 people", "", [("Boeing", 17000, "approx", 10.0)]),
    (
        "Hospital to lay off 120 nurses",
        "St Mary's Health System will lay off 120 nurses next month.",
        [("St Mary's Health System", 120, "exact", None)],
    ),
    ("Google fires 28 workers over protest", "", [("Google", 28, "exact", None)]),
    ("Amazon lays off 'several hundred' in devices unit", "", [("Amazon", None, "vague", None)]),
    ("Up to 2,000 jobs at risk at Siemens", "", [("Siemens", 2000, "approx", None)]),
    ("Activision Blizzard lays off 1,900", "", [("Activision Blizzard", 1900, "exact", None)]),
]

NEGATIVE = [
    (
        "Stocks rally as Fed signals rate cuts",
        "Wall Street rose after the Federal Reserve said it could cut rates.",
    ),
    (
        "Amazon workers strike at Coventry warehouse",
        "Hundreds of Amazon workers walked out on Thursday over pay.",
    ),
    ("Company says no layoffs planned despite AI push", "Acme Corp said it has no plans to lay off staff."),
    (
        "Microsoft denies report it will cut 10,000 jobs",
        "A spokesperson said the report of 10,000 layoffs was false.",
    ),
    ("Google is hiring 1,000 engineers in India", ""),
    ("Boxer ready after long layoff", "He has not fought since 2022 and says the layoff helped him heal."),
    (
        "Unemployment rate falls to 3.7%",
        "Employers added 216,000 jobs in December, the Labor Department said.",
    ),
    ("Retailer plans to open 200 stores", "The chain will open 200 stores and hire 5,000 workers."),
    ("Apple cuts iPhone production", "Apple is cutting production of the iPhone 15 by 10%."),
    ("Streaming service cuts subscription price in 30 countries", ""),
    ("Employees are at risk of burnout, survey says", ""),
    ("Pilots strike at Lufthansa", "Lufthansa pilots walked out for 24 hours."),
]


@pytest.mark.parametrize(("title", "summary", "expected"), ROWS)
def test_wire_copy(title: str, summary: str, expected: list[tuple]) -> None:
    result = extract(title, summary)
    assert result.layoff is True
    assert {(e.company, e.headcount, e.headcount_kind, e.percent) for e in result.events} == set(expected)


@pytest.mark.parametrize(("title", "summary"), NEGATIVE)
def test_wire_copy_negatives(title: str, summary: str) -> None:
    result = extract(title, summary)
    assert result.layoff is False
    assert result.events == ()
