"""The extractor: is this a layoff story, which organisations cut, and how many jobs.

Orchestration only: sentences.py cuts the text, cues.py finds where jobs go, figures.py judges
the numbers, linking.py finds who cuts. This module follows the story from sentence to sentence
(the headline's company is what "the company" means later; a heading names the next round-up
entry), then folds every mention of one organisation into one event.
"""

from __future__ import annotations

import re

from tui.extract.companies import Org, find_known, lookup
from tui.extract.cues import JOB_NOUN, Cue, denial_title, find_cues, negative_title
from tui.extract.figures import Judged, is_history, judge_figures
from tui.extract.linking import FACILITY_AFTER as _FACILITY_AFTER
from tui.extract.linking import Ref, Subject, find_subject, name_ending_at, org_in_span
from tui.extract.lowered import foldable, lowered
from tui.extract.model import Extraction
from tui.extract.names import headline_only_words, valid_name
from tui.extract.numbers import Figure, find_figures
from tui.extract.people import person_named
from tui.extract.relations import drop_parent_echoes, merge_units, merge_variants, relate
from tui.extract.sentences import split
from tui.extract.story import Story, fold, title_case, topic_from
from tui.extract.vocabulary import EFFECT_VERBS, HEDGE_ALTERNATION

__all__ = ["extract"]

_AGG_CONTEXT = re.compile(
    r"\b(?:companies|firms|startups|industry|sector|employers|overall|in total|total job cuts|nationwide|"
    r"across the (?:country|industry|sector)|trackers?|so far this year|this year alone|per month|a month|economy|"
    r"counts?|counted|tall(?:y|ied)|together|combined|between them|according to (?:data|figures)|so far|to date|"
    r"tech (?:jobs|workers|employees))\b",
    re.IGNORECASE,
)
_AGG_CONTEXT_LOW = lowered(_AGG_CONTEXT)
_IT_END = re.compile(r"\bit\s*$")
_ITS = re.compile(r"\bits\b")
_SAID_IT = re.compile(
    r"\.?,?\s+(?:said|says|told \w+|noted|explained|announced|confirmed)(?:\s+on)?(?:\s+\w+day)?(?:\s+that)?\s+it\s*$"
)
_STAFF_AFTER = re.compile(rf"(?:'s?)?\s+(?:[a-z-]+\s+)?{JOB_NOUN}\b", re.IGNORECASE)
_CONFIRM = re.compile(r"\b(?:confirm\w*|but|however|though|instead)\b", re.IGNORECASE)


def _pick(judged: list[Judged], cue, lo: int, hi: int) -> tuple[Judged | None, Judged | None]:
    """The nearest unused job count and the nearest unused share, each on the side the cue's form points to.

    Figures are looked for between the neighbouring cues (lo, hi), so "X cut 10%, while Y laid off
    11,000" gives Y its own number. A figure is a count or a share, never both, so one pass over the
    figures (in text order) finds both: for each sort, the first on the right and the last on the left.
    """
    cue_start, cue_end = cue.start, cue.end
    job_right = job_left = pct_right = pct_left = None
    for j in judged:
        if j.used:
            continue
        if j.job:
            right_reach, left_reach = 110, 90
        elif j.pct:
            right_reach, left_reach = 130, 130
        else:
            continue
        fig = j.fig
        right = cue_end <= fig.start < hi and fig.start - cue_end <= right_reach
        left = lo <= fig.start and fig.end <= cue_start and cue_start - fig.end <= left_reach
        if j.job:
            if right and job_right is None:
                job_right = j
            if left:
                job_left = j
        else:
            if right and pct_right is None:
                pct_right = j
            if left:
                pct_left = j
    active = cue.form == "active"
    job = (job_right or job_left) if active else (job_left or job_right)
    pct = (pct_right or pct_left) if active else (pct_left or pct_right)
    if job is not None:
        job.used = True
    if pct is not None:
        pct.used = True
    return job, pct


def _resolve(text: str, pos: int, known: list[tuple[int, int, Org]], story: Story) -> Ref | None:
    """What "the company" or "it" at `pos` refers to: an earlier employer in the sentence, else the topic."""
    before = [Ref(o.name, a, o) for a, b, o in known if b <= pos and not o.role and not _aside(text, a)]
    ref = before[-1] if before else None
    if ref is None and _IT_END.search(text, max(0, pos - 4), pos):
        # "Brava Telecom said it would cut": the speaker of "it" is an organisation (people are "he"/"she").
        speech = _SAID_IT.search(text, max(0, pos - 60), pos)
        ref = name_ending_at(text, speech.start(), []) if speech else None
    ref = ref or story.topic
    if ref is None:
        return None
    units = [o for a, b, o in known if a > pos and o.parent and _ITS.search(text, pos, a)]
    if units:
        names = {u.name for u in units}
        org = ref.org or lookup(ref.name)
        if ref.name in names or (org and org.parent == units[0].parent):
            parent = lookup(units[0].parent)
            return Ref(units[0].parent, ref.start, parent)
    return ref


_ASIDE_BEFORE = re.compile(
    r"(?:\b(?:by|of|from|with|for|like|including|than|such as|as well as|or|rival|rivals|peers?|unlike|beyond|versus|vs)"
    r"|,\s*(?:a|an|the|its|currently|now|formerly|once|recently|owned|backed|part)\b[^,]*)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _aside(text: str, start: int) -> bool:
    """An organisation named after a preposition or inside an appositive ("Backed by Twitter, ...", ", a
    subsidiary of Tencent,", "rivals such as X"): it is not what "it" or a bare cut refers to."""
    return bool(_ASIDE_BEFORE.search(text, max(0, start - 60), start))


def _org_finder(text: str, known: list[tuple[int, int, Org]], title_case: bool):
    """`org_at(start, end, anchored, known_only)` for figures.judge_figures, bound to one sentence."""

    def org_at(start: int, end: int, anchored: bool = False, known_only: bool = False) -> str | None:
        ref = org_in_span(text, known, start, end, anchored)
        # In a Title Case headline every word looks like a name: only known organisations count.
        return ref.name if ref and (ref.org or not (title_case or known_only)) else None

    return org_at


def _staff_of(text: str, cue: Cue, known: list[tuple[int, int, Org]]) -> Ref | None:
    """A known organisation whose staff are the object of the cue ("lays off Twitter staff")."""
    for a, b, org in known:
        if cue.end <= a <= cue.end + 25 and not org.role and _STAFF_AFTER.match(text, b):
            between = text[cue.end : a].split()
            if len(between) <= 2 and all(w[:1].islower() or w[:1].isdigit() for w in between):
                return Ref(org.name, a, org)
    return None


_STAFF_WIDE = re.compile(
    rf"(?:'s?)?\s+(?:(?:{HEDGE_ALTERNATION})\s+)?(?:[\d,.]+\s+)?(?:[a-z-]+\s+)?{JOB_NOUN}\b"
)
_OBJECT_WORDS = re.compile(r"[a-z0-9%,.\s-]*")


def _staff_of_object(text: str, cue: Cue, known: list[tuple[int, int, Org]]) -> Ref | None:
    """A known organisation whose staff the cue's object counts ("lays off half of Twitter's 7,500 staff",
    "axes 11,000 jobs, 13% of Meta staff"): the employer when the subject is a person or unknown."""
    for a, b, org in known:
        if a > cue.end + 70:
            break
        if (
            cue.end <= a
            and not org.role
            and _STAFF_WIDE.match(text, b)
            and _OBJECT_WORDS.fullmatch(text, cue.end, a)
        ):
            return Ref(org.name, a, org)
    return None


def _is_person(ref: Ref, story: Story) -> bool:
    if ref.org is not None:
        return False
    return story.person(ref.name)


_BRACKET = re.compile(r"\s?\((?P<body>[^()]{1,40})\)")
_BRACKET_BODY = re.compile(
    rf"^\s*(?:(?:{HEDGE_ALTERNATION}|~)\s*)?"
    rf"(?P<fig>[\d][\d,.']*\s*(?:k|K)?)\s*(?P<pct>%|percent|per cent)?\s*(?:{JOB_NOUN})?\s*$",
    re.IGNORECASE,
)


def _bracketed(text: str, known: list[tuple[int, int, Org]], judged: list[Judged], story: Story) -> set[str]:
    """Figures in brackets after names in a sentence about cuts ("Google (12,000), Microsoft (10,000)"):
    each is that organisation's own count. Returns the names so a shared figure is not given to them too."""
    names: set[str] = set()
    for m in _BRACKET.finditer(text):
        body = _BRACKET_BODY.match(m.group("body"))
        if not body:
            continue
        offset = m.start("body")
        figs = [f for f in find_figures(m.group("body")) if not f.money and f.value is not None]
        if not figs:
            continue
        f = figs[0]
        if (
            not body.group("pct")
            and not f.percent
            and (f.value < 2 or (1900 <= f.value <= 2100 and "," not in m.group("body")))
        ):
            continue  # "(2019)": a year
        ref = name_ending_at(text, m.start(), known)
        if ref is None or (ref.org and ref.org.role):
            continue
        fig = Figure(f.start + offset, f.end + offset, f.value, f.kind, percent=f.percent, money=False)
        for j in judged:
            if j.fig.start < fig.end and fig.start < j.fig.end:
                j.used = True
        entry = Judged(fig, job=not fig.percent, pct=fig.percent)
        story.add(ref, None if fig.percent else entry, entry if fig.percent else None, text)
        names.add(ref.name)
    return names


def _read_cue(
    text: str,
    cue: Cue,
    bounds: tuple[int, int],
    known: list[tuple[int, int, Org]],
    judged: list[Judged],
    story: Story,
    low: str | None = None,
    headline_case: bool = False,
    heading: bool = False,
    entry: bool = False,
    sentence_title: bool = False,
) -> bool:
    """Record the mentions one cue makes; True when it came with a figure (for the denial rule).

    `low`: the text lower-cased, when lowered.foldable(text) holds (a faster path, same answer).
    `headline_case`: the sentence is a Title Case headline, where a capitalised run is a name only if
    the story's body writes it so too (story.confirmed). `heading`: a subheading, where a run of
    everyday words ("Which Companies Are Cutting") is no name either.
    """
    subject = find_subject(text, cue, known, low)
    if (
        not subject.refs
        and story.clause_refs
        and text[cue.start : cue.end].endswith("ing")
        and _PARTICIPLE_BEFORE.search(text, max(0, cue.start - 3), cue.start)
    ):
        subject = Subject(story.clause_refs)  # "X reduced its staff by 10%, cutting around 20 positions"
    effect = text[cue.start : cue.end].lower().startswith(EFFECT_VERBS)
    if (
        not subject.refs
        and subject.anaphor is None
        and story.previous
        and _ALL_OF_THEM.match(text, 0, cue.start)
    ):
        listed = tuple(Ref(o.name, a, o) for a, b, o in find_known(story.previous) if not o.role)
        if len(listed) > 1:
            subject = Subject(listed)  # "Chief among them are A, B and C. All have announced cuts"
    if subject.refs:
        kept = tuple(
            r
            for r in subject.refs
            if r.org
            or (
                not (effect and r.org is None and r.start > 0)
                and not (entry and r.start == 0)
                and (not headline_case or story.confirmed(r.name))
                and not story.common_noun(r, text)
                and not (heading and headline_only_words(r.name))
            )
        )
        if len(kept) < len(subject.refs):
            subject = Subject(kept, subject.anaphor, subject.aggregate, subject.relative)
    if subject.aggregate:
        story.aggregate_cue = True
        return False  # "startups have fired 23,000": an industry total
    job, pct = _pick(judged, cue, *bounds)
    refs = list(subject.refs)
    staff_of = _staff_of(text, cue, known)
    if staff_of and not (refs and refs[0].name == staff_of.name):
        refs, subject = (
            [staff_of],
            Subject((staff_of,)),
        )  # "Musk lays off Twitter staff": Twitter is the employer
    if not any(r.org for r in refs):
        persons = [r for r in refs if _is_person(r, story)]
        if not refs or persons or (len(refs) == 1 and " " not in refs[0].name):
            wide = _staff_of_object(text, cue, known)
            if wide:
                refs, subject = [wide], Subject((wide,))  # "Zuckerberg axes 11,000 jobs, 13% of Meta staff"
                persons = []
        if persons:
            refs = [
                r for r in refs if r not in persons
            ]  # "Elon Musk began laying off": a person is no employer
            if not refs:
                subject = Subject()
    structural = bool(refs)
    if subject.anaphor is not None:
        ref = _resolve(text, subject.anaphor, known, story)
        refs = [ref] if ref else []
    if job and job.bound and refs and not lookup(job.bound) and not subject.anaphor:
        job.bound = (
            None  # "Volkswagen to cut 1,200 jobs at Zwickau": an unknown name after the subject is a place
        )
    if job and job.bound and not any(r.name == job.bound for r in refs):
        # "400 Twitch workers"; "40 jobs at Pedestrian – about half of the workforce": the share is the unit's too
        own_pct = pct if pct is not None and len(refs) <= 1 and pct.fig.start > job.fig.start else None
        story.add(Ref(job.bound, job.fig.start, lookup(job.bound)), job, own_pct, text)
        job = None
        if own_pct is not None:
            pct = None
    if story.bracketed and (not refs or any(r.name in story.bracketed for r in refs)):
        return bool(job or pct)  # "Alphabet (12,000), Microsoft (10,000) ... announced 40,000": a total
    definite = (cue.form == "noun" and _DEFINITE_CUTS.match(text, 0, cue.start) is not None) or (
        cue.form != "noun" and not text[: cue.start].strip(" -*\u2022") and not sentence_title
    )  # "The job cuts will begin ...", or a list entry's "Cut ~48 positions ...": the topic's cut
    if (
        not refs
        and (job or pct or definite)
        and not story.aggregate
        and not (_AGG_CONTEXT.search(text) if low is None else _AGG_CONTEXT_LOW.search(low))
    ):
        before = [
            Ref(o.name, a, o)
            for a, b, o in known
            if b <= cue.start and not o.role and (not _aside(text, a) or _STAFF_AFTER.match(text, b))
        ]
        topic = story.topic
        if topic and any(r.name == topic.name for r in before):
            refs = [topic]
        else:
            speaker = None if before else (_speaker(text, cue.start, story) or _staff_at(text, cue.start))
            refs = before[:1] or ([speaker] if speaker else []) or ([topic] if topic else [])
    each = len(refs) > 1 and bool(_EACH.search(text, refs[-1].start, min(len(text), cue.end + 90)))
    split_counts = _respective_counts(text, cue.end, len(refs), job) if len(refs) > 1 and job else None
    for k, ref in enumerate(refs):
        org = ref.org or lookup(ref.name)
        if org and org.role == "tracker":
            continue  # Layoffs.fyi, Challenger: counters of cuts, never employers
        if org and org.role and not structural:
            continue  # a news outlet is an employer only as the subject of its own cuts
        shared = len(refs) == 1 or each or (job is not None and job.fig.value is None)
        own = split_counts[k] if split_counts else (job if shared else None)
        story.add(ref, own, pct if len(refs) == 1 or each else None, text, subject.relative)
    story.clause_refs = tuple(refs)
    if refs and not (refs[-1].org and refs[-1].org.role):
        story.topic = refs[-1]
    return bool(job or pct)


_ALL_OF_THEM = re.compile(
    r"\s*(?:all|both|each|they|all of them|both of them|they all|they both|each of them)\s+(?:\w+\s+){0,4}$",
    re.IGNORECASE,
)
"""A sentence whose subject points back at the organisations the previous sentence listed."""
_SPEAKER = re.compile(
    r"\s*(?:The\s+)?([A-Z][\w&.'-]*(?:\s+(?:&\s+)?[A-Z][\w&.'-]*){0,4})\s+(?:said|says|announced|announces|confirmed|"
    r"confirms|told|tells|revealed|reveals)\b"
)


def _speaker(text: str, cue_start: int, story: Story) -> Ref | None:
    """The organisation that opens the sentence by speaking ("Harwick Foods said 300 jobs will go"): with no
    other employer named, the one announcing the cut is the one making it. Never a person or an outlet."""
    m = _SPEAKER.match(text, 0, cue_start)
    if m is None:
        return None
    name = valid_name(m.group(1))
    if name is None or story.person(name):
        return None
    org = lookup(name)
    return None if org and org.role else Ref(name, m.start(1), org)


_PARTICIPLE_BEFORE = re.compile(r",\s*$")
_STAFF_AT = re.compile(
    r"\b(?i:workers|staff|employees|staffers|employees)\s+(?:at|of)\s+(?:the\s+)?([A-Z][\w&.'-]*(?:\s+(?:&\s+)?[A-Z][\w&.'-]*){0,4})"
)


def _staff_at(text: str, cue_start: int) -> Ref | None:
    """'Workers at Dunmore Foods brace as 220 job cuts begin': the staff's employer, named before the cue."""
    m = _STAFF_AT.search(text, 0, cue_start)
    if m is None or _FACILITY_AFTER.match(text, m.end()):
        return None  # "workers at the Canlubang factory": a place of work, not the employer
    name = valid_name(m.group(1))
    org = lookup(name) if name else None
    return None if name is None or (org and org.role) else Ref(name, m.start(1), org)


_DEFINITE_CUTS = re.compile(r"\s*(?:the|these|those|its|such)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
"""'The job cuts will begin ...', 'These layoffs ...': the cuts the story is about, the topic's."""
_EACH = re.compile(r"\b(?:both|each|apiece|all three|all four)\b")
"""'Kraken and Coinbase both laid off 1,100', '... laid off more than 100 employees each': one figure per name."""
_RESPECTIVELY = re.compile(r"(\d[\d,]*)\s+and\s+(\d[\d,]*)\s+(?:[\w-]+\s+)?(?:\w+),?\s+respectively")


def _respective_counts(text: str, cue_end: int, names: int, job: Judged) -> list[Judged] | None:
    """'Stripe and Plaid ... laid off staff, 1000 and 260 staff respectively': each name its own count."""
    m = _RESPECTIVELY.search(text, cue_end, cue_end + 120)
    if m is None or names != 2 or not (m.start() <= job.fig.start < m.end()):
        return None
    out = []
    for g in (1, 2):
        value = float(m.group(g).replace(",", ""))
        out.append(Judged(Figure(m.start(g), m.end(g), value, job.fig.kind), job=True))
    return out


_AMONG_BEFORE = re.compile(r"\b(?:are|is|were|was)\s+among\b")
"""'A and B are among nearly 100 companies planning layoffs': the names before it are members."""
_AMONG_AFTER = re.compile(r"\b[Aa]mong\s+(?:the|them|those)\b[^.;]{0,80}?\b(?:are|were|is)\s+")
"""'Among the names making headlines for job cuts are A, B and C': the names after it are members."""
_ON_THE_LIST = re.compile(
    r"\b(?:companies|firms|employers|names|retailers|businesses)\b[^.;]{0,30}\b(?:on|in)\s+the\s+list\s+"
    r"includ(?:e|es|ed|ing)\s+"
)
"""'Some of the companies on the list include A, B and C' (a list of cuts the story just named)."""


def _members(text: str, known: list[tuple[int, int, Org]], story: Story) -> None:
    """Known organisations named as members of a list of cutters: each an event without a figure.

    Only known names, and only two or more in the list: a list of firms in a layoff sentence is a
    round-up; one name is too weak to call it a cut without a verb of its own."""
    before = _AMONG_BEFORE.search(text)
    if before:
        span = (0, before.start())
    else:
        after = _AMONG_AFTER.search(text) or _ON_THE_LIST.search(text)
        if after is None:
            return
        span = (after.end(), len(text))
    members = [Ref(o.name, a, o) for a, b, o in known if span[0] <= a < span[1] and not o.role]
    if len(members) > 1:
        for ref in members:
            story.add(ref, None, None, text)


_NOT_LAYOFF = Extraction(False, ())


def extract(title: str, summary: str = "", published: str | None = None) -> Extraction:
    """Tag one story. `summary` may hold HTML; `published` (ISO date) helps date earlier rounds."""
    sentences = [(s, *find_cues(s.text)) for s in split(title or "", summary or "")]
    if not any(cues for _, cues, _ in sentences):
        return (
            _NOT_LAYOFF  # no word for job cuts anywhere: most of a feed stops here, before the costly passes
        )
    year = int(published[:4]) if published and published[:4].isdigit() else None
    story = Story(
        lambda name: person_named(name, f"{title}\n{summary}"), body=summary or "", text=f"{title}\n{summary}"
    )
    valid_cue = title_valid = title_negated = False
    title_text = None
    with_figures: list[str] = []  # sentences whose cues came with a figure: a denial may still confirm a cut
    for sentence, cues, negated in sentences:
        text = sentence.text
        if not cues and not sentence.title:
            if valid_cue and "includ" in text and _ON_THE_LIST.search(text):
                _members(
                    text, find_known(text), story
                )  # "Some of the companies on the list include A, B and C"
            story.previous = sentence.text
            story.pending.append(sentence)  # it may only set the topic: look at it if a later cue needs it
            continue
        everything = find_known(text)
        known = [k for k in everything if k[2].role != "tracker"]
        story.aggregate = len(known) < len(everything)  # a tracker's sentence counts an industry
        is_title_case = title_case(sentence)
        topic = topic_from(sentence, known, is_title_case)
        if (
            topic
            and topic.org is None
            and (
                story.person(topic.name)
                or (is_title_case and not story.confirmed(topic.name))
                or story.common_noun(topic, text)
                or (sentence.heading and headline_only_words(topic.name))
            )
        ):
            topic = None
        if topic:
            story.topic = topic
        if sentence.title:
            title_valid, title_negated = False, negated
            title_text = text
        org_at = _org_finder(text, known, is_title_case)
        low = text.lower() if cues and foldable(text) else None
        judged = judge_figures(text, year, org_at, [(c.start, c.end) for c in cues], low) if cues else []
        for j in judged:
            if any(a <= j.fig.start < b for a, b, _ in known):
                j.used = True  # "Channel Nine", "Studio 71": a number word inside a name is no figure
        story.bracketed = _bracketed(text, known, judged, story) if cues and "(" in text else set()
        if "mong " in text and any(not c.background for c in cues):
            _members(text, known, story)  # "A and B are among 100 companies planning layoffs"
        for k, cue in enumerate(cues):
            if is_history(text, cue.start, cue.end, year, low):
                continue
            bounds = (cues[k - 1].end if k else 0, cues[k + 1].start if k + 1 < len(cues) else len(text))
            mentions = story.order
            story.aggregate_cue = False
            if _read_cue(
                text,
                cue,
                bounds,
                known,
                judged,
                story,
                low,
                is_title_case,
                sentence.heading,
                sentence.item,
                sentence.title,
            ):
                with_figures.append(text)
            named = story.order > mentions  # "amid layoffs at Meta" still names who cuts
            valid_cue = valid_cue or not cue.background or named
            # a headline cue makes a layoff headline unless it is scenery or an industry's total
            title_valid = title_valid or (
                sentence.title and (named or not (cue.background or story.aggregate_cue))
            )
        story.previous = text
        story.clause_refs = ()
        if sentence.title and story.topic is None:
            first = next((k for k in known if not k[2].role), None)
            if first:
                story.topic = Ref(first[2].name, first[0], first[2])
    title_negative = (negative_title(title or "") or title_negated) and (
        not title_valid
        or (denial_title(title or "") and not (with_figures and with_figures[0] is title_text))
    )
    if title_negative and not any(_CONFIRM.search(text) for text in with_figures):
        return Extraction(False, ())  # a denial, pledge, strike or hiring story, unless it confirms a cut
    events = merge_units([fold(c) for c in story.companies.values()])
    if len(events) > 1:
        events = relate(events, f"{title}\n{summary}")
        events = drop_parent_echoes(events)
        events = merge_variants(events)
    return Extraction(valid_cue or bool(events), events)
