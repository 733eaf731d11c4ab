"""One row per guard in the extractor: each row fails when its guard is deleted.

A guard that no test notices when it is removed is untested. Every sentence here is written for
this test (no real article text) and aims at exactly one rule; the comment names the rule.
"""

from __future__ import annotations

import pytest

from tui.extract import extract


def _events(title: str, summary: str = "") -> set[tuple]:
    return {(e.company, e.headcount, e.headcount_kind, e.percent) for e in extract(title, summary).events}


NOT_LAYOFF = [
    # the trap-headline check (extractor.extract: a denial headline whose body states no figure)
    (
        "Quorvex denies it is planning layoffs",
        "Quorvex said the reports of layoffs at its Leeds office were wrong.",
    ),
    # the at-risk guard (cues: "at risk of" something other than losing jobs)
    ("Survey: nurses at risk of burnout", "Nurses at risk of burnout say shifts are too long."),
    # the furlough-scheme guard (cues: the UK's furlough scheme keeps jobs)
    ("Furlough scheme ends", "The furlough scheme supported 9 million workers, the Treasury said."),
    # the "make redundant" guard (cues: "redundant" alone is no cut)
    ("Data centre retires redundant servers", "Halvex Hosting switched off 400 redundant servers."),
    # denial headlines whose own layoff word is part of the denial (cues.DENIAL_TITLE)
    (
        "Layoffs the last resort at Tamberlane, says founder",
        "The founder said layoffs would be the last resort.",
    ),
    ("Corvane dismisses reports of mass layoffs", "Corvane told staff the reports were rumours."),
    # a strike over layoff plans is a strike (cues._BACKGROUND "over")
    ("Dockers strike over pay, layoff plans", "Dockers at Grenmouth port walked out over pay."),
    # "if their jobs are being cut" is a condition, not a cut (cues._NEGATION "if")
    ("Bank reviews 200 roles", "The bank will consult staff if their jobs are being cut."),
    # "doesn't expect layoffs" is a negation (cues._NEGATION contractions)
    ("Grenway doesn't expect layoffs this year", ""),
    # "cost-cutting" cuts costs (cues._BLOCK_BEFORE with a hyphen)
    ("More cost-cutting at Ostrava Media, but no layoffs", ""),
]


@pytest.mark.parametrize(("title", "summary"), NOT_LAYOFF)
def test_not_a_layoff(title: str, summary: str) -> None:
    result = extract(title, summary)
    assert result.layoff is False
    assert result.events == ()


EVENTS = [
    # the confirm exception: a denial that confirms a smaller cut is a layoff story
    (
        "Falkreach denies 2,000 job cuts report",
        "Falkreach denied the report, but confirmed that 150 jobs will be cut.",
        {("Falkreach", 150, "exact", None)},
    ),
    # the given-name person check (people.person_named): a person is never the employer
    (
        "Lindqvist Shipping to cut jobs",
        "Mary Jo Whitcombe lays off 60 staff at Lindqvist Shipping.",
        {("Lindqvist Shipping", 60, "exact", None)},
    ),
    # the places-of-work check (names._PLACES_OF_WORK): a plant's name is not an employer
    (
        "Dunmore Plant to shed 300 jobs",
        "Harwick Foods said 300 jobs will go at the Dunmore Plant.",
        {("Harwick Foods", 300, "exact", None)},
    ),
    # the facility check (linking._FACILITY_AFTER): "at Tillbury assembly plant" is a place, not who cuts
    ("Layoffs at assembly plant", "500 workers were laid off at Tillbury assembly plant.", set()),
    # a wire dateline is a place (sentences._DATELINE)
    (
        "Quillmark to cut 250 jobs",
        "TILBURG (Reuters) - The company said it will cut 250 jobs.",
        {("Quillmark", 250, "exact", None)},
    ),
    # an inline link to another story lends it nothing (sentences._LINKED_STORY)
    (
        "Brenholt to cut 90 jobs",
        "Brenholt will cut 90 jobs.\nRead more: Sallow Foods to cut 4,000 jobs",
        {("Brenholt", 90, "exact", None)},
    ),
    # a round-up's list entry names its firm (sentences._LIST_ITEM)
    (
        "Who is cutting jobs this week",
        "Tavrick - around 200 staff made redundant after a failed sale.\nMoorcombe: 45 roles cut.",
        {("Tavrick", 200, "approx", None), ("Moorcombe", 45, "exact", None)},
    ),
    # nationalities and places are no employers (commonness.is_place_or_people)
    (
        "Research: 30,000 Canadians lost their jobs",
        "About 30,000 Canadians lost their jobs in the quarter, and Pemrose Bank cut 400 jobs.",
        {("Pemrose Bank", 400, "exact", None)},
    ),
    # a sentence opening with an everyday word is no firm (commonness.is_everyday_word, Story.topic)
    (
        "Grindel Games cuts staff",
        (
            "Grindel Games is restructuring. Normally, the studio ships two games a year. "
            "The company will lay off 20% of its staff."
        ),
        {("Grindel Games", None, "percent_only", 20.0)},
    ),
    # a Title Case headline's unknown name must appear in the body (Story.confirmed)
    (
        "Coastal Fisheries Shuts Down Processing Unit, Region Sees More Layoffs",
        "Harbourline said it would close its processing unit, with 80 job losses.",
        {("Harbourline", 80, "exact", None)},
    ),
    # a one-word opening that the story also writes in small letters is a word (Story.common_noun)
    (
        "Shipbuilding sheds 600 jobs as Tarrow yard closes",
        "The end of shipbuilding at the yard means Calderwood Marine will cut 600 jobs.",
        {("Calderwood Marine", 600, "exact", None)},
    ),
    (
        "Steelmaking in Tarrow ends with 600 job losses",
        "The end of steelmaking at the works means Calderwood Steel will cut 600 jobs.",
        {("Calderwood Steel", 600, "exact", None)},
    ),
    # a descriptor inside a capitalised run is cut off (names._DESCRIPTOR, _ADJECTIVE)
    (
        "Freight-maker Oxley to cut 725 jobs",
        "",
        {("Oxley", 725, "exact", None)},
    ),
    # "X and Y both laid off 1,100" gives each the figure (extractor._EACH)
    (
        "Crypto cuts",
        "Velnor and Quastra both laid off approximately 1,100 people.",
        {("Velnor", 1100, "approx", None), ("Quastra", 1100, "approx", None)},
    ),
    # "1000 and 260 staff respectively" gives each its own (extractor._respective_counts)
    (
        "Fintech cuts",
        "Velnor and Quastra have laid off staff, 1000 and 260 staff respectively.",
        {("Velnor", 1000, "exact", None), ("Quastra", 260, "exact", None)},
    ),
    # a share stated after the cut is its percent (cues._SHARE_OF_STAFF)
    (
        "Tarnwick to cut 1,000 jobs",
        "Tarnwick is cutting 1,000 jobs. The move will affect about 11% of its total workforce.",
        {("Tarnwick", 1000, "exact", 11.0)},
    ),
    # "equating to 11,000 jobs" is a count, not a level reached (figures._TOTAL_BEFORE)
    (
        "Halden Telecom to axe a tenth of staff",
        "Halden Telecom will axe a tenth of its staff, equating to 11,000 jobs.",
        {("Halden Telecom", 11000, "exact", 10.0)},
    ),
    # a count in brackets after the staff it counts (figures._JOBS_BRACKET_BEFORE)
    (
        "Magazine cuts staff",
        "Brightwater Weekly laid off most of its staff (around 100) in January.",
        {("Brightwater Weekly", 100, "approx", None)},
    ),
    # "had laid off" is an earlier round (figures.HISTORY)
    (
        "Ferngate trims 3% of staff",
        "Ferngate cut 3% of its staff. In 2020, the company had laid off 520 employees.",
        {("Ferngate", None, "percent_only", 3.0)},
    ),
    # the staff's employer named before the cue (extractor._staff_at)
    ("Workers at Dunlow Foods brace as 220 job cuts begin", "", {("Dunlow Foods", 220, "exact", None)}),
    # "in half" is a share of the staff (figures._IN_HALF_BEFORE)
    ("Tollring slashes its workforce in half", "", {("Tollring", None, "percent_only", 50.0)}),
    # a five-digit number of jobs is vague (numbers._FIGURE)
    ("Brauwerk to cut a five-digit number of jobs", "", {("Brauwerk", None, "vague", None)}),
    # a unit named with its count keeps the share after it (extractor: job.bound)
    (
        "Newspaper cuts",
        "The business will axe as many as 40 jobs at Wexford Weekly, about half of the workforce.",
        {("Wexford Weekly", 40, "approx", 50.0)},
    ),
    # ", which made 1,900 roles redundant" after an earlier round is that round (figures.is_history)
    (
        "Studio closes",
        (
            "Quellstone will cut 90 jobs. It comes months after Quellstone announced layoffs at Ardent, "
            "which made 1,900 roles redundant."
        ),
        {("Quellstone", 90, "exact", None)},
    ),
    # a sentence opening "X, Indonesia's largest ..." makes X what "the company" means (story._START_TOPIC)
    (
        "Plant closures",
        "Marsden Textiles, Britain's oldest weaver, shut two mills. The company said 400 jobs will go.",
        {("Marsden Textiles", 400, "exact", None)},
    ),
    # a list entry that opens with its verb is the entry's cut; the next verb phrase's "vacant" is its own
    (
        "Who is cutting staff",
        "Halloway University\n- Laid off ~120 employees and eliminated ~120 vacant positions to close a budget gap.",
        {("Halloway University", 120, "approx", None)},
    ),
    # a description, a number word or a group of workers is no firm (names.valid_name)
    ("Los Angeles-based startup lays off 50", "", set()),
    ("Nineteen staff were laid off at Orwell Press", "", {("Orwell Press", 19, "exact", None)}),
    ("Machinists lost their jobs at Tarvel Works", "", {("Tarvel Works", None, "none", None)}),
    # "affecting hundreds of jobs" is a cut; the sentence's opening firm makes it (cues, extractor effect verbs)
    (
        "Halden Retail to close 30 shops, affecting hundreds of jobs",
        "",
        {("Halden Retail", None, "vague", None)},
    ),
    # members of a list of cutters (extractor._members)
    (
        "Retail job cuts",
        "Retailers like Nordstrom and Macy's are among 40 companies planning layoffs this month.",
        {("Nordstrom", None, "none", None), ("Macy's", None, "none", None)},
    ),
    (
        "Tech job cuts this week",
        "Among the names making headlines for job cuts are Intel, Cisco and Dell.",
        {("Intel", None, "none", None), ("Cisco", None, "none", None), ("Dell", None, "none", None)},
    ),
    # a ticker in brackets and "Inc." do not break a list of names (sentences._TICKER, linking._LEGAL_DOT)
    (
        "Two firms cut jobs",
        "Microsoft Corporation (NASDAQ:MSFT), Alphabet Inc. (NASDAQ:GOOG) and Quorra announced fresh layoffs.",
        {("Microsoft", None, "none", None), ("Google", None, "none", None), ("Quorra", None, "none", None)},
    ),
    # a description between "at" and the name (linking._DESCRIBED), never a plant or a place
    (
        "Studio cuts",
        "There were layoffs at developer studio Brackenfell Games this week.",
        {("Brackenfell Games", None, "none", None)},
    ),
    ("Plant to close", "Job cuts are planned at plant outside Marlow.", set()),
    # "All have announced cuts" after a sentence listing firms (extractor._ALL_OF_THEM)
    (
        "Banking round-up",
        "Chief among them are Barclays and HSBC. All have announced significant job cuts.",
        {("Barclays", None, "none", None), ("HSBC", None, "none", None)},
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), EVENTS)
def test_events(title: str, summary: str, expected: set[tuple]) -> None:
    result = extract(title, summary)
    assert result.layoff is True
    assert _events(title, summary) == expected
