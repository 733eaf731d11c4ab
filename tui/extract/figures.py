"""Which figures in a sentence are job counts or workforce shares, and which are traps.

A sentence about cuts is full of other numbers: total staff ("of its 7,500 employees"), staff left
("to about 20,500 employees"), earlier rounds ("last year's cut of 2,200"), jobs created, buyouts,
money, years, ages, plant counts. Each figure is judged once per sentence from the words around it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from tui.extract.cues import JOB_NOUN
from tui.extract.lowered import lowered
from tui.extract.numbers import Figure, find_figures
from tui.extract.patterns import first_char_groups
from tui.extract.vocabulary import CUT_VERBS, HEDGE_ALTERNATION

__all__ = ["HISTORY", "Judged", "clause_of", "is_history", "judge_figures"]

_QUAL = rf"(?:(?:{HEDGE_ALTERNATION}|an?|another|an additional|additional|a further|further|the)\s+)*"
_NOT_JOBS_AFTER = re.compile(
    r"^\s*-?\s*(?:years?|months?|weeks?|days?|hours?|fold|x\b|st\b|nd\b|rd\b|th\b|a\.m|p\.m|am\b|pm\b|:\d|"
    r"-year|-month|-week|-day|plants?|factories|stores?|shops?|outlets|locations|offices|sites|cities|states|"
    r"countries|markets|branches|percent|per cent|points|shares|votes|games|miles|km|units|vehicles|cars|"
    r"models|products|SUVs|homes|customers|users|subscribers|members|contractors|temps|interns)\b",
    re.IGNORECASE,
)
_JOB_AFTER = re.compile(
    rf"^\s*(?:\+|-plus)?(?P<mid>(?:\s+(?!(?:of|in|at|by|for|to|from|per|with|on|over|this|last|next|a|an)\b)"
    rf"[\w'.&-]+){{0,3}}?)\s+{JOB_NOUN}\b",
    re.IGNORECASE,
)
_OF_TOTAL_AFTER = re.compile(
    rf"^\s+of\s+(?:the|its|their|[A-Z][\w&.-]*'s)\s+(?:[\d,.]+\s+)?(?:[\w'-]+\s+){{0,3}}?{JOB_NOUN}\b",
    re.IGNORECASE,
)
_IN_HALF_BEFORE = re.compile(rf"\b{JOB_NOUN}\s+(?:by\s+|in\s+)$", re.IGNORECASE)
"""'slashed the company's workforce in half': a share of the staff written after it."""
_CUT_NOUN_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:job losses|job cuts|layoffs|lay-offs|redundancies|job reductions)\b", re.IGNORECASE
)
"""'with 80 job losses': the figure counts the cut itself, not the staff a firm has."""
_JOBS_BRACKET_BEFORE = re.compile(rf"\b{JOB_NOUN}\s*\(\s*{_QUAL}$", re.IGNORECASE)
"""'laid off most of its staff (around 100)': a count in brackets right after the staff it counts."""
_OBJECT_BEFORE = re.compile(
    rf"\b(?:lay(?:s|ing)?[\s-]+off|laid[\s-]+off|letting|{CUT_VERBS}|reductions? of|layoffs? of|lay-?offs? of|"
    rf"cuts? of|loss of|let(?:s|ting)? go of|redundancies of)\s+[\"']?{_QUAL}$",
    re.IGNORECASE,
)
_GIVEN_TO = re.compile(
    rf"\b(?:slips|notices?|letters|warnings|emails|messages|notifications)\s+to\s+(?:(?:{HEDGE_ALTERNATION})\s+)?$",
    re.IGNORECASE,
)
"""Notices handed "to 60 workers" go to the people cut; other "to N" is a level reached."""
_NOT_STAFF_BEFORE = re.compile(
    r"\b(?:capacity|production|output|costs?|spending|sales|revenue|prices?|emissions|budgets?|expenses|debt|"
    r"stake|inventory|dividends?|capex|investments?|floor ?space|footprint|shares?)\s+(?:[a-z]+\s+){0,3}by\s+\S*\s*$",
    re.IGNORECASE,
)
"""'reduce production capacity by 20%': the share of something other than staff."""
_OR_PCT_BEFORE = re.compile(
    rf"\b{JOB_NOUN},?\s+or\s+(?:(?:{HEDGE_ALTERNATION})\s+)?$",
    re.IGNORECASE,
)
"""'1,100 people, or 30%': the count restated as a share of the workforce."""
_BY_BEFORE = re.compile(rf"\bby\s+{_QUAL}$", re.IGNORECASE)
_TOTAL_BEFORE = re.compile(
    rf"(?:\b(?:of|from)\s+(?:the|its|their|his|her|our|[A-Z][\w&.-]*'s)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"|\b(?:employs?|employed|employing|workforce of|staff of|headcount of|population of|has|have|had|with|"
    rf"currently|there are|there were|from|down to|numbered|numbering|totalled|totaling|totalling|stood at|stands at|reach(?:es|ed)?|remain(?:s|ing)?|leaving|left|total(?:s|led)?|"
    rf"(?<!up )(?<!equating )(?<!amounting )(?<!equal )(?<!equivalent )to|of a total)\s+{_QUAL})$",
    re.IGNORECASE,
)
_PCT_OF_WORKFORCE = re.compile(
    r"^\s*(?:of\s+(?:the|its|their|his|her|our|[A-Z][\w&.-]*'s)?\s*(?:[\w,.'-]+\s+){0,4}?"
    r"(?:workforces?|work force|staff|employees|workers|headcount|personnel|jobs|roles|positions|people|"
    r"employee base|team|payroll)\b"
    r"|(?:job\s+)?(?:reduction|cut|decrease|drop)s?\s+(?:in|of|to)\s+(?:the|its|their|our)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:workforces?|work force|staff|employees|workers|headcount|personnel|jobs|roles|positions|payroll)\b)",
    re.IGNORECASE,
)
_OTHER_CLAUSE = re.compile(
    r"\b"
    + first_char_groups(
        r"creat\w*|add(?:s|ed|ing)?|hir(?:e|es|ed|ing)|recruit\w*|retain\w*|retention|saved|saving (?:jobs|roles|positions)|save (?:jobs|roles|positions|the jobs)|open roles?|"
        r"vacan\w*|unfilled|no longer fill|transferr?\w*|relocat\w*|eligible|buyouts?|offered|on strike|picket\w*|"
        r"walked out|strikes?|union members|outsourc\w*"
    )
    + r"\b",
)
HISTORY = re.compile(
    r"\b"
    + first_char_groups(
        r"already|previous(?:ly)?|prior|last (?:year|quarter|autumn|spring|summer|fall|winter)'?s?|said last month|announced last month|confirmed last month|revealed last month|a year ago|years ago|in addition to|than the|"
        r"compared (?:with|to)|comparison|a similar|earlier (?:this (?:year|month|week)|round|cuts?|layoffs?)|"
        r"last round|previous round|since then|back in|had(?<!it had)(?<!they had) (?:already )?(?:laid off|cut|slashed|shed|let go|"
        r"eliminated|axed)|months after|weeks after|years after"
    )
    + r"\b",
)


def _may_be_history(clause: str) -> bool:
    """False when `clause` holds none of the words every HISTORY match holds (plain `in` tests first)."""
    return (
        "already" in clause
        or "previous" in clause
        or "prior" in clause
        or "last" in clause
        or "ago" in clause
        or "addition" in clause
        or "than the" in clause
        or "compar" in clause
        or "similar" in clause
        or "earlier" in clause
        or "since then" in clause
        or "back in" in clause
        or "had " in clause
        or "s after" in clause
    )


_HISTORY_OPENING = re.compile(r"(?:last year|a year ago|previously|in the past|back in \w+)\b", re.IGNORECASE)
"""A sentence that opens in the past ("Last year, Meta cut 21,000 jobs") is history throughout."""
_YEAR_OPENING = re.compile(r"in (?:\w+ )?((?:19|20)\d\d)\b", re.IGNORECASE)
_ING = re.compile(r"\s*\w+ing\b")
_RELATIVE = re.compile(r"\s*(?:which|who)\b")
_AT_NAME = re.compile(r"\s+(?:at|from|of)\s+(?!the\b|a\b|an\b|its\b)")
_YEAR_IN = re.compile(r"\b(?:in|of|during|and|since)\s+((?:19|20)\d\d)\b")
_SUBSET = re.compile(
    r"\bat (?:the|its|a|an|one)\s+(?:[\w'-]+\s+){0,3}?(?:plant|factory|facility|site|store|office|mill|"
    r"warehouse|campus|hub|location|branch)\b|\b(?:alone|of them|of which|of those|among them|where)\b|"
    r"\bof the (?:plant|factory|site|facility)'s\b|\bin (?:its|the) [\w\s-]{0,30}?(?:division|unit|segment)\b",
)
_CLAUSE_BREAK = re.compile(r"[;:()\u2013\u2014]|,(?!\d)| (?:- |wh(?:ile|ich|ereas) |but )")
_BREAK_AFTER_SPACE = re.compile(
    r"[;:()\u2013\u2014,\-wb](?:(?<=[;:()\u2013\u2014])|(?<=,)(?!\d)|(?<= -) |(?<= w)h(?:ile|ich|ereas) |(?<= b)ut )"
)
"""_CLAUSE_BREAK with the space-led breaks matched from the character after the space (see _breaks)."""


_NAME_NUMBER = re.compile(
    r"\b(?!(?:The|A|An|To|Of|In|At|By|For|And|Top|Over|Cut|Cuts|Off|Axe|Axes|Slash|Slashes|Trim|Trims|"
    r"Shed|Sheds|Lay|Lays|Laid|Eliminate|Eliminates|Fire|Fires|About|Around|Nearly|Almost|Some|"
    r"Another|More|Than|Up|Additional|Further|Reduce|Reduces)\b)[A-Z][a-z]\w*\s$"
)
_RESPECTIVELY = re.compile(
    rf"^(?:,\s*|\s+and\s+)(\d[\d,]*)\s+(?:(?:[\w-]+\s+)?{JOB_NOUN},?\s+respectively|{JOB_NOUN}\b)",
    re.IGNORECASE,
)
"""Two counts sharing one job noun ("221 and 62 layoffs, respectively") add up to one figure."""


_SUBJECT_OF_CUT = re.compile(
    rf"^(?:\s+(?:of\s+(?:(?:its|the|their)\s+)?)?{JOB_NOUN})?\s+(?:(?:are|were|will|would|could|may|might|is|be|now|also|"
    r"expected|set|likely|due|slated|poised|about|going|to)\s+){0,4}(?:lose|losing|lost|be\s+(?:laid off|cut|axed|"
    r"shed|eliminated|let go|made redundant|affected)|laid off|let go|made redundant|go\b|face the axe)",
    re.IGNORECASE,
)
"""A count that is the subject of a cut ("hundreds expected to lose jobs", "2,000 will be laid off")."""
_VAGUE_OF = re.compile(rf"\s+of(?P<mid>\s+(?:[\w-]+\s+){{0,2}}?){JOB_NOUN}\b", re.IGNORECASE)


class _Patterns:
    """The case-insensitive patterns of this module, as compiled or as run over lower-cased text."""

    def __init__(self, convert) -> None:
        self.NOT_JOBS_AFTER = convert(_NOT_JOBS_AFTER)
        self.JOB_AFTER = convert(_JOB_AFTER)
        self.OF_TOTAL_AFTER = convert(_OF_TOTAL_AFTER)
        self.IN_HALF_BEFORE = convert(_IN_HALF_BEFORE)
        self.CUT_NOUN_AFTER = convert(_CUT_NOUN_AFTER)
        self.JOBS_BRACKET_BEFORE = convert(_JOBS_BRACKET_BEFORE)
        self.OBJECT_BEFORE = convert(_OBJECT_BEFORE)
        self.GIVEN_TO = convert(_GIVEN_TO)
        self.NOT_STAFF_BEFORE = convert(_NOT_STAFF_BEFORE)
        self.OR_PCT_BEFORE = convert(_OR_PCT_BEFORE)
        self.BY_BEFORE = convert(_BY_BEFORE)
        self.TOTAL_BEFORE = convert(_TOTAL_BEFORE)
        self.PCT_OF_WORKFORCE = convert(_PCT_OF_WORKFORCE)
        self.RESPECTIVELY = convert(_RESPECTIVELY)
        self.SUBJECT_OF_CUT = convert(_SUBJECT_OF_CUT)
        self.VAGUE_OF = convert(_VAGUE_OF)
        self.HISTORY_OPENING = convert(_HISTORY_OPENING)
        self.YEAR_OPENING = convert(_YEAR_OPENING)


_AS_IS = _Patterns(lambda p: p)
_LOWER = _Patterns(lowered)
"""`_LOWER` over `low` (the lower-cased sentence, given when lowered.foldable holds), else `_AS_IS` over the text."""


@dataclass
class Judged:
    """A figure and what it may be in this sentence."""

    fig: Figure
    job: bool = False
    pct: bool = False
    subset: bool = False
    bound: str | None = None
    """An organisation named inside the count ("400 Twitch workers", "1,100 people at X")."""
    used: bool = False


@lru_cache(maxsize=64)
def _breaks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Clause breaks of a sentence, computed once: (starts, ends).

    The matches of _CLAUSE_BREAK, found with _BREAK_AFTER_SPACE: a break that opens with a space is
    matched from the character after it (the engine then skips ahead to break characters), its start
    moved back onto the space; one whose space ended the previous break is no break (as in a scan
    with _CLAUSE_BREAK, where that space is taken).
    """
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for m in _BREAK_AFTER_SPACE.finditer(text):
        a, b = m.span()
        if text[a] in "-wb":
            a -= 1
            if a < last:
                continue
        starts.append(a)
        ends.append(b)
        last = b
    return tuple(starts), tuple(ends)


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): bounded by commas, dashes, semicolons and 'while/but/which'."""
    starts, ends = _breaks(text)
    i = bisect_right(ends, start) - 1
    left = ends[i] if i >= 0 else 0
    j = bisect_left(starts, end)
    return left, (starts[j] if j < len(starts) else len(text))


def is_history(
    text: str,
    start: int,
    end: int,
    story_year: int | None,
    low: str | None = None,
    clause: tuple[int, int] | None = None,
) -> bool:
    """An earlier round: history words near the figure in its clause (or the clause an -ing phrase hangs on).

    `low`: the text lower-cased, when lowered.foldable(text) holds (a faster path, same answer);
    `clause`: clause_of(text, start, end) when the caller has it.
    """
    left, clause_right = clause_of(text, start, end) if clause is None else clause
    right = clause_right
    relative = left > 0 and (
        _RELATIVE.match(text, left, right)
        or text[max(0, left - 7) : left].rstrip().endswith(("which", "who"))
    )
    if relative:
        comma = text.rfind(
            ",", 0, left
        )  # ", which made 1,900 roles redundant": the clause it describes counts too
        left = clause_of(text, max(0, comma - 1), max(0, comma - 1))[0] if comma > 0 else 0
    elif left > 0 and _ING.match(text, left, right):
        left = clause_of(text, max(0, left - 2), max(0, left - 2))[0]  # the clause it hangs on counts too
    else:
        left, right = max(left, start - 55), min(right, end + 30)
    if low is None:
        pats, low_text = _AS_IS, text
        clause = text[left:right].lower()
    else:
        pats, low_text = _LOWER, low
        clause = low[left:right]
    if (_may_be_history(clause) and HISTORY.search(clause)) or pats.HISTORY_OPENING.match(low_text):
        return True
    opening = pats.YEAR_OPENING.match(low_text)
    if opening and story_year and int(opening.group(1)) < story_year:
        return True
    if story_year:
        # a year may close a longer clause ("cut 27,000 roles across the company in 2022 and 2023")
        tail_end = min(clause_right, end + 70)
        tail = text[left:tail_end]
        if "19" not in tail and "20" not in tail:
            return False
        years = _YEAR_IN.findall(tail.lower() if low is None else low[left:tail_end])
        return bool(years) and all(int(y) < story_year for y in years)
    return False


_NEXT_VERB_PHRASE = re.compile(r" (?:and|while|but|whereas) (?:\w+ )?(?:[a-z]+ed|removed|cut|made)\b")
"""Where a second verb phrase starts after a count ("... and eliminated 120 vacant roles")."""


def _context_rejects(judged: Judged, text: str, story_year: int | None, low: str | None) -> bool:
    """The costlier checks, run only on figures that could count: other clauses, history, subsets."""
    fig = judged.fig
    left, right = clause_of(text, fig.start, fig.end)
    a, b = max(left, fig.start - 50), min(right, fig.end + 45)
    # "laid off ~120 employees and eliminated ~120 vacant positions": the next phrase is not this one
    joined = _NEXT_VERB_PHRASE.search(text, fig.end, b)
    if joined:
        b = joined.start()
    window = text[a:b].lower() if low is None else low[a:b]
    if _OTHER_CLAUSE.search(window) or is_history(text, fig.start, fig.end, story_year, low, (left, right)):
        return True
    judged.subset = bool(_SUBSET.search(window))
    return False


def _classify(judged: Judged, text: str, org_at, low: str | None) -> int:
    """Cheap checks from the words right around a figure: sets job/pct; returns where to resume scanning."""
    fig = judged.fig
    b0 = fig.start - 45 if fig.start > 45 else 0
    before = text[b0 : fig.start]
    if low is None:
        pats, lbefore, lafter = _AS_IS, before, text[fig.end : fig.end + 70]
    else:
        pats, lbefore, lafter = _LOWER, low[b0 : fig.start], low[fig.end : fig.end + 70]
    if fig.percent:
        if fig.value is not None:
            judged.pct = bool(
                pats.PCT_OF_WORKFORCE.match(lafter)
                or pats.OBJECT_BEFORE.search(lbefore)
                or (pats.BY_BEFORE.search(lbefore) and not pats.NOT_STAFF_BEFORE.search(lbefore))
                or (
                    pats.OR_PCT_BEFORE.search(lbefore)
                    and not text[fig.end : fig.end + 70].lstrip().startswith("of")
                )
                or (fig.share and pats.IN_HALF_BEFORE.search(lbefore))
            )
        return -1
    if pats.NOT_JOBS_AFTER.match(lafter) or (fig.value is not None and fig.value < 2):
        return -1
    if (
        fig.value is not None
        and fig.value < 100
        and (text[fig.start : fig.end].isdigit() or text[fig.start].isupper())
        and _NAME_NUMBER.search(before)
    ):
        return -1  # "Singularity 6", "Section 4": part of a name
    job = pats.JOB_AFTER.match(lafter) or (pats.VAGUE_OF.match(lafter) if fig.kind == "vague" else None)
    if (
        fig.value is not None
        and 1900 <= fig.value <= 2100
        and "," not in text[fig.start : fig.end]
        and not job
    ):
        return -1  # a year
    total = pats.TOTAL_BEFORE.search(lbefore)
    if (
        total
        and not lbefore.lower().endswith(("up to ", "up to"))
        and not pats.GIVEN_TO.search(lbefore)
        and not (
            lbefore.lower().rstrip().endswith("with")
            and (pats.SUBJECT_OF_CUT.match(lafter) or pats.CUT_NOUN_AFTER.match(lafter))
        )
    ):
        return (
            -1
        )  # total staff, staff left, a level reached ("with 1,000 workers"; not "with 1,000 set to lose")
    resp = pats.RESPECTIVELY.match(lafter) if fig.value is not None else None
    if resp:
        total = fig.value + float(resp.group(1).replace(",", ""))
        judged.fig = Figure(fig.start, fig.end + resp.end(1), total, fig.kind)
        judged.job = True
        return fig.end + resp.end()
    if job:
        judged.job = True
        mid = job.group("mid")
        if mid.strip():
            # "400 Twitch workers" names the unit; an unknown capitalised word there is more often a place
            # or a product ("900 PlayStation jobs", "300 UK jobs"), except after "of" ("hundreds of X staff").
            judged.bound = org_at(
                fig.end + job.start("mid"),
                fig.end + job.start("mid") + len(mid),
                anchored=True,
                known_only=job.re is not pats.VAGUE_OF,
            )
        tail_start = fig.end + job.end()
        at = _AT_NAME.match(text[tail_start : tail_start + 60])
        if judged.bound is None and at:
            judged.bound = org_at(tail_start + at.end(), tail_start + 60, anchored=True)
    elif (
        pats.JOBS_BRACKET_BEFORE.search(lbefore)
        or pats.OF_TOTAL_AFTER.match(lafter)
        or pats.OBJECT_BEFORE.search(lbefore)
        or pats.BY_BEFORE.search(lbefore)
        or pats.SUBJECT_OF_CUT.match(lafter)
    ):
        judged.job = True  # "lay off 336", "four hundred of the 9,000 laid off", "reduce headcount by 1,000"
    return -1


def judge_figures(
    text: str,
    story_year: int | None,
    org_at,
    near: list[tuple[int, int]] | None = None,
    low: str | None = None,
) -> list[Judged]:
    """Judge the figures of a sentence. `org_at(start, end)` names an organisation inside a span, if any.

    With `near` (cue spans), figures too far from every cue to be picked are left unjudged. `low`: the
    text lower-cased, when lowered.foldable(text) holds (a faster path, same answer).
    """
    out: list[Judged] = []
    skip_until = -1
    for fig in find_figures(text, low):
        if fig.start < skip_until:
            continue
        judged = Judged(fig)
        out.append(judged)
        if fig.money:
            continue
        if near is not None:
            for a, b in near:
                if a - 140 <= fig.end and fig.start <= b + 140:
                    break
            else:
                continue
        skip_until = max(skip_until, _classify(judged, text, org_at, low))
        if (judged.job or judged.pct) and _context_rejects(judged, text, story_year, low):
            judged.job = judged.pct = False
            judged.bound = None
    return out
