"""Who cuts and how many: one row per headline or short story, each testing a rule or a trap.

Rows give the expected events as (company, headcount, headcount_kind, percent); the order of
events does not matter. Sentences are written for these tests in the way wire copy, trade press
and round-ups phrase job cuts.
"""

from __future__ import annotations

import pytest

from tui.extract import extract

E = tuple  # (company, headcount, kind, percent)

CASES = [
    # --- subjects of cue verbs, headline forms -------------------------------------------------
    ("Acme Robotics lays off 120 workers", "", [E(("Acme Robotics", 120, "exact", None))]),
    ("Brightline Foods to cut 300 jobs", "", [E(("Brightline Foods", 300, "exact", None))]),
    ("Northwind Bank Plans To Axe 1,200 Roles", "", [E(("Northwind Bank", 1200, "exact", None))]),
    ("Third Wave Coffee lays off 50 staff", "", [E(("Third Wave Coffee", 50, "exact", None))]),
    ("Hutchinson Foundry will lay off 85 employees", "", [E(("Hutchinson Foundry", 85, "exact", None))]),
    ("Zephyr Health Laying Off 200 More", "", [E(("Zephyr Health", 200, "exact", None))]),
    ("Quantix announces 75 layoffs", "", [E(("Quantix", 75, "exact", None))]),
    ("Quantix layoffs: 75 jobs go", "", [E(("Quantix", 75, "exact", None))]),
    ("Orbital Apps slashes a third of its workforce", "", [E(("Orbital Apps", None, "percent_only", 33.3))]),
    ("Game studio Nightjar trims staff by 15%", "", [E(("Nightjar", None, "percent_only", 15.0))]),
    (
        "Section9 has laid off about a quarter of its employees",
        "",
        [E(("Section9", None, "percent_only", 25.0))],
    ),
    ("Orbit 9 Layoffs: Team Cut By Half", "", [E(("Orbit 9", None, "percent_only", 50.0))]),
    ("Crestline Steel to eliminate 450 positions", "", [E(("Crestline Steel", 450, "exact", None))]),
    ("Veridian Energy shedding 2,000 jobs", "", [E(("Veridian Energy", 2000, "exact", None))]),
    ("Pemberton Media confirms redundancies", "", [E(("Pemberton Media", None, "none", None))]),
    ("WaPo lays off 20 staffers", "", [E(("The Washington Post", 20, "exact", None))]),
    # --- known companies: canonical names and merged entities ------------------------------------
    ("Alphabet to cut 12,000 jobs", "", [E(("Google", 12000, "exact", None))]),
    (
        "Facebook parent to lay off 11,000",
        "Facebook will lay off 11,000 employees.",
        [E(("Meta", 11000, "exact", None))],
    ),
    ("Twitter lays off half its staff", "", [E(("Twitter", None, "percent_only", 50.0))]),
    (
        "X Corp. cuts 200 more",
        "X Corp. cut 200 more employees on Friday.",
        [E(("Twitter", 200, "exact", None))],
    ),
    ("General Motors Co. to lay off 1,300", "", [E(("General Motors", 1300, "exact", None))]),
    ("Salesforce Inc cutting 10% of workforce", "", [E(("Salesforce", None, "percent_only", 10.0))]),
    # --- units with their own cut keep their parent ----------------------------------------------
    ("LinkedIn cutting 668 jobs", "", [E(("LinkedIn", 668, "exact", None))]),
    ("Microsoft's LinkedIn to cut 716 jobs", "", [E(("LinkedIn", 716, "exact", None))]),
    ("Verily lays off 15% of staff", "", [E(("Verily", None, "percent_only", 15.0))]),
    ("Twitch to lay off 35% of its workforce", "", [E(("Twitch", None, "percent_only", 35.0))]),
    # --- figures: every common form -------------------------------------------------------------
    ("Kestrel Air cuts 1'200 jobs", "", [E(("Kestrel Air", 1200, "exact", None))]),
    (
        "Bergmann Werke streicht 1.500 Stellen: Bergmann Werke to cut 1.500 jobs",
        "",
        [E(("Bergmann Werke", 1500, "exact", None))],
    ),
    ("Nimbus Cloud lays off 12K workers", "", [E(("Nimbus Cloud", 12000, "exact", None))]),
    ("Saffron Tech to lay off 3,00,000 workers", "", [E(("Saffron Tech", 300000, "exact", None))]),
    ("Lumen Dairy lays off nineteen workers", "", [E(("Lumen Dairy", 19, "exact", None))]),
    ("Lumen Dairy lays off two dozen workers", "", [E(("Lumen Dairy", 24, "exact", None))]),
    ("Harbor Freightlines to cut a thousand jobs", "", [E(("Harbor Freightlines", 1000, "exact", None))]),
    (
        "Harbor Freightlines to cut around a thousand jobs",
        "",
        [E(("Harbor Freightlines", 1000, "approx", None))],
    ),
    ("Coral Systems lays off one in ten employees", "", [E(("Coral Systems", None, "percent_only", 10.0))]),
    ("Coral Systems cuts a tenth of its staff", "", [E(("Coral Systems", None, "percent_only", 10.0))]),
    ("Coral Systems cuts eight per cent of its staff", "", [E(("Coral Systems", None, "percent_only", 8.0))]),
    ("Coral Systems to cut 8 percent of workforce", "", [E(("Coral Systems", None, "percent_only", 8.0))]),
    ("Coral Systems to cut 1.17 million jobs", "", [E(("Coral Systems", 1170000, "exact", None))]),
    # --- qualifiers and kinds --------------------------------------------------------------------
    ("Delmar Foods to cut about 400 jobs", "", [E(("Delmar Foods", 400, "approx", None))]),
    ("Delmar Foods to cut nearly 400 jobs", "", [E(("Delmar Foods", 400, "approx", None))]),
    ("Delmar Foods to cut more than 400 jobs", "", [E(("Delmar Foods", 400, "approx", None))]),
    ("Delmar Foods to cut up to 400 jobs", "", [E(("Delmar Foods", 400, "approx", None))]),
    ("Delmar Foods to cut as many as 400 jobs", "", [E(("Delmar Foods", 400, "approx", None))]),
    ("Delmar Foods to cut over 400 jobs", "", [E(("Delmar Foods", 400, "approx", None))]),
    ("Delmar Foods lays off hundreds", "", [E(("Delmar Foods", None, "vague", None))]),
    ("Delmar Foods lays off several hundred workers", "", [E(("Delmar Foods", None, "vague", None))]),
    ("Delmar Foods cuts thousands of jobs", "", [E(("Delmar Foods", None, "vague", None))]),
    ("Delmar Foods to cut 200 to 300 jobs", "", [E(("Delmar Foods", None, "vague", None))]),
    ("Delmar Foods to cut between 200 and 300 jobs", "", [E(("Delmar Foods", None, "vague", None))]),
    ("Delmar Foods announces job cuts", "", [E(("Delmar Foods", None, "none", None))]),
    ("Delmar Foods to lay off 400, or 5% of its staff", "", [E(("Delmar Foods", 400, "exact", 5.0))]),
    (
        "Delmar Foods cuts 10% of workforce",
        "Delmar Foods will lay off about 600 employees, or 10% of its workforce.",
        [E(("Delmar Foods", 600, "approx", 10.0))],
    ),
    (
        "Delmar Foods lays off staff",
        "Delmar Foods cut less than 5 percent of its workforce.",
        [E(("Delmar Foods", None, "percent_only", 5.0))],
    ),
    # --- number traps -----------------------------------------------------------------------------
    (
        "Pinecrest Labs lays off 150",
        "Pinecrest Labs laid off 150 of its 7,500 employees.",
        [E(("Pinecrest Labs", 150, "exact", None))],
    ),
    (
        "Pinecrest Labs cuts jobs",
        "Pinecrest Labs will cut 300 jobs, leaving it with 2,100 employees.",
        [E(("Pinecrest Labs", 300, "exact", None))],
    ),
    (
        "Pinecrest Labs cuts jobs",
        "Pinecrest Labs, which employs about 9,000 people, said it would cut 250 jobs.",
        [E(("Pinecrest Labs", 250, "exact", None))],
    ),
    (
        "Pinecrest Labs to cut 500 jobs",
        "The cuts are smaller than last year's reduction of 2,200 workers. Pinecrest Labs has already laid off 1,000 people.",
        [E(("Pinecrest Labs", 500, "exact", None))],
    ),
    (
        "Pinecrest Labs to cut 500 jobs",
        "Pinecrest Labs will also offer buyouts to 3,000 employees.",
        [E(("Pinecrest Labs", 500, "exact", None))],
    ),
    (
        "Pinecrest Labs to cut 500 jobs",
        "Meanwhile, Pinecrest Labs added 800 jobs at its new plant.",
        [E(("Pinecrest Labs", 500, "exact", None))],
    ),
    (
        "Pinecrest Labs to cut 500 jobs by 2026",
        "The cuts will save $120 million a year.",
        [E(("Pinecrest Labs", 500, "exact", None))],
    ),
    (
        "Pinecrest Labs announces layoffs",
        "Pinecrest Labs will cut 2,000 jobs. It will cut 810 production jobs at the Dayton plant.",
        [E(("Pinecrest Labs", 2000, "exact", None))],
    ),
    (
        "Pinecrest Labs closes stores",
        "Pinecrest Labs will close 45 stores and lay off 600 workers.",
        [E(("Pinecrest Labs", 600, "exact", None))],
    ),
    (
        "Pinecrest Labs lays off staff",
        "Pinecrest Labs, 45, laid off 30 workers on Tuesday.",
        [E(("Pinecrest Labs", 30, "exact", None))],
    ),
    (
        "Pinecrest Labs lays off 30",
        "The 30 workers had been with the firm for 10 years.",
        [E(("Pinecrest Labs", 30, "exact", None))],
    ),
    (
        "Pinecrest Labs to cut 500 jobs",
        "Pinecrest Labs said 300 open roles will not be filled.",
        [E(("Pinecrest Labs", 500, "exact", None))],
    ),
    # --- "the company" in the body refers to the headline's company ------------------------------
    (
        "Marlow Freight announces restructuring",
        "The company will lay off 240 drivers and staff.",
        [E(("Marlow Freight", 240, "exact", None))],
    ),
    (
        "Marlow Freight in turmoil",
        "The logistics firm said it is cutting about 8% of its workforce.",
        [E(("Marlow Freight", None, "percent_only", 8.0))],
    ),
    (
        "Marlow Freight update",
        "Marlow Freight said on Monday it would cut 90 jobs.",
        [E(("Marlow Freight", 90, "exact", None))],
    ),
    (
        "Job cuts at Marlow Freight",
        "About 90 workers will be laid off, the company said.",
        [E(("Marlow Freight", 90, "approx", None))],
    ),
    (
        "Marlow Freight news",
        "Several hundred workers were let go by Marlow Freight last week.",
        [E(("Marlow Freight", None, "vague", None))],
    ),
    # --- sources and trackers are never events ---------------------------------------------------
    ("Halcyon Games lays off 60, Bloomberg reports", "", [E(("Halcyon Games", 60, "exact", None))]),
    (
        "Halcyon Games layoffs",
        "Halcyon Games laid off 60 employees, according to Reuters.",
        [E(("Halcyon Games", 60, "exact", None))],
    ),
    (
        "Halcyon Games layoffs",
        "TechCrunch reported that the studio laid off 60 people.",
        [E(("Halcyon Games", 60, "exact", None))],
    ),
    ("Tech layoffs top 50,000", "Layoffs.fyi counts 50,000 tech workers laid off this year.", []),
    (
        "Job cuts rise",
        "Employers announced 55,000 job cuts in May, according to Challenger, Gray & Christmas.",
        [],
    ),
    # --- industry totals are not events ----------------------------------------------------------
    ("Startups have fired 23,000 people this year", "", []),
    ("IT companies have let off almost 7,500 workers overall", "", []),
    ("Tech industry lost 168,000 jobs in 2023", "", []),
    ("Banks shed 60,000 jobs in first half", "", []),
    # --- round-ups -------------------------------------------------------------------------------
    (
        "Layoffs this week",
        (
            "Crescent Bio laid off 45 employees. Vela Robotics cut 30% of its staff. "
            "Meanwhile Opaline Pay laid off about 120 people."
        ),
        [
            E(("Crescent Bio", 45, "exact", None)),
            E(("Vela Robotics", None, "percent_only", 30.0)),
            E(("Opaline Pay", 120, "approx", None)),
        ],
    ),
    (
        "Layoff tracker",
        "Cab aggregator Roda, food app Mensa, and e-tailer Kirana have also slashed their workforces.",
        [
            E(("Roda", None, "none", None)),
            E(("Mensa", None, "none", None)),
            E(("Kirana", None, "none", None)),
        ],
    ),
    (
        "Layoff round-up",
        "Led by Brightpath, which fired almost 1,500 people, edtech startups have laid off 8,500 staff.",
        [E(("Brightpath", 1500, "approx", None))],
    ),
    (
        "Layoff round-up",
        "Lumio, a startup backed by Sequoia, had fired 70 per cent of its staff.",
        [E(("Lumio", None, "percent_only", 70.0))],
    ),
    (
        "Layoff round-up",
        "Tandem Health\nThe telehealth startup laid off 80 employees, about 12% of its workforce.",
        [E(("Tandem Health", 80, "exact", 12.0))],
    ),
    (
        "Layoffs at Google and Amazon",
        "Recent layoffs at Google and Amazon suggest more cuts to come.",
        [E(("Google", None, "none", None)), E(("Amazon", None, "none", None))],
    ),
    # --- parents and units -------------------------------------------------------------------------
    (
        "Twitch lays off hundreds amid Amazon cuts",
        (
            "More than 400 Twitch workers were affected by Amazon's layoffs. The company cut 9,000 jobs across its "
            "Amazon Web Services and Twitch divisions."
        ),
        [E(("Twitch", 400, "approx", None)), E(("Amazon", 9000, "exact", None))],
    ),
    (
        "More cuts in streaming",
        "Hundreds of roles were eliminated from its Audible and Twitch units.",
        [E(("Audible", None, "vague", None)), E(("Twitch", None, "vague", None))],
    ),
    (
        "Amazon to cut 9,000 more jobs",
        "The company will lay off 9,000 employees, particularly in AWS and Twitch.",
        [E(("Amazon", 9000, "exact", None))],
    ),
    # --- history and other companies in the story --------------------------------------------------
    (
        "Vantor Semiconductor to cut 700 jobs",
        "Vantor made a similar move in 2019, cutting around 1,600 jobs. Rival Kestrel Chips hired 300 engineers.",
        [E(("Vantor Semiconductor", 700, "exact", None))],
    ),
    (
        "Vantor Semiconductor lays off hundreds",
        "It pales in comparison to the 16,000 people who lost their jobs in 2016.",
        [E(("Vantor Semiconductor", None, "vague", None))],
    ),
    (
        "Vantor Semiconductor lays off 70",
        "The company outsourced the work to Infosys, which will hire 40.",
        [E(("Vantor Semiconductor", 70, "exact", None))],
    ),
    (
        "Orion Motors to cut 1,100 jobs at Ohio plant",
        "Orion Motors said it plans to lay off about 1,100 workers. There are currently 3,144 workers at the plant.",
        [E(("Orion Motors", 1100, "approx", None))],
    ),
    (
        "Halden Group plans 221 and 62 layoffs at two plants",
        "Halden Group notified the states of 221 and 62 layoffs, respectively.",
        [E(("Halden", 283, "exact", None))],
    ),
    # --- HTML and entities in summaries ------------------------------------------------------------
    (
        "Ferris &amp; Lowe to cut jobs",
        "<p>Ferris &amp; Lowe will lay off <b>about 300</b> workers.</p>",
        [E(("Ferris & Lowe", 300, "approx", None))],
    ),
    (
        "Update",
        "<div><p>Brava Telecom said it would cut 1,000 jobs &mdash; roughly 6% of staff.</p></div>",
        [E(("Brava Telecom", 1000, "exact", 6.0))],
    ),
]


def _events(title: str, summary: str) -> set[tuple]:
    return {(e.company, e.headcount, e.headcount_kind, e.percent) for e in extract(title, summary).events}


@pytest.mark.parametrize(("title", "summary", "expected"), CASES)
def test_events(title: str, summary: str, expected: list[tuple]) -> None:
    assert _events(title, summary) == set(expected)
