"""Words that report job cuts, and the traps that look like them.

A cue is a place in a sentence where the text says jobs go: "lays off", "job cuts", "cut 500
jobs", "were let go", "out of work". Generic verbs (cut, slash, trim, reduce ...) only count when a
job word follows (so interest-rate and cost cuts don't). A cue is dropped when it is negated or
denied ("no layoffs", "denied reports of layoffs"), or when "layoff" means a boxer's rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.extract.patterns import first_char_groups, top_level
from tui.extract.vocabulary import CUT_VERBS, EFFECT_VERBS, HEDGE_ALTERNATION, JOB_NOUNS, SHARE_WORDS

__all__ = ["DENIAL_TITLE", "JOB_NOUN", "TRAP_TITLE", "Cue", "denial_title", "find_cues", "negative_title"]

JOB_NOUN = first_char_groups(JOB_NOUNS)
"""Words for the people or posts cut; one group per first letter ("(?:cabin )?crew" is "cabin crew|crew")."""
_INTRINSIC = (
    r"lay(?:s|ing)?[\s-]+(?:them\s+|workers\s+|people\s+|staff\s+)?off|laid[\s-]+(?:\w+\s+)?off|"
    r"let(?:s|ting)?\s+(?:go\s+of|off)|were\s+let\s+go|was\s+let\s+go|be(?:en|ing)?\s+let\s+go|"
    r"are\s+let\s+go|is\s+let\s+go|g[eo]t\s+let\s+go|"
    r"los(?:e|es|t|ing)\s+(?:their|his|her|its|the)?\s*jobs?|out of (?:a )?work|made redundant|"
    r"pink[\s-]slips?|handing out pink slips"
)
_NOUN = (
    r"layoffs|lay-offs|lay offs|layoff|lay-off|job cuts?|job losses|job reductions?|jobs? cuts|staff cuts|"
    r"workforce reductions?|headcount reductions?|reductions? in (?:force|staff|workforce|headcount)|"
    r"redundancies|downsizing|retrenchments?|cuts to (?:its |the )?(?:staff|workforce|jobs)|warn notices?|"
    r"voluntary (?:redundancy|retirement|separation|exit)(?: scheme| programme| program| plan)?"
)
_GENERIC = (
    CUT_VERBS + r"|reductions?|scrap(?:s|ped|ping)?|terminat(?:e|es|ed|ing)|"
    r"lost|gone|go|at risk|on the line|threatened|in jeopardy|redundant|halv(?:e|es|ed|ing)|"
    r"restructur(?:e|es|ed|ing)|stop(?:s|ped|ping)? paying|affect(?:s|ed|ing)?|impact(?:s|ed|ing)?|"
    r"represent(?:s|ed|ing)?|amount(?:s|ed|ing)? to|equat(?:e|es|ed|ing) to|account(?:s|ed|ing)? for|"
    r"result(?:s|ed|ing)? in|lead(?:s|ing)? to|led to"
)


_top_level = top_level


def _by_first_letter(categories: dict[str, str]) -> str:
    """One alternation grouped by first letter, so each word start costs a few checks, not sixty.

    Each branch is a named group `<category>_<letter>`; `match.lastgroup` tells the category.
    """
    groups: dict[str, dict[str, list[str]]] = {}
    for category, pattern in categories.items():
        for alternative in _top_level(pattern):
            groups.setdefault(alternative[0], {}).setdefault(category, []).append(alternative[1:])
    branches = []
    for letter, cats in sorted(groups.items()):
        inner = "|".join(f"(?P<{cat}_{letter}>{'|'.join(alts)})" for cat, alts in cats.items())
        branches.append(f"{letter}(?:{inner})")
    return "|".join(branches)


_CUE = re.compile(
    rf"\b(?:{_by_first_letter({'intrinsic': _INTRINSIC, 'noun': _NOUN, 'generic': _GENERIC})})\b(?![.-]\w)"
)
"""Matched against lower-cased text: much faster than re.I over whole sentences."""
_CATEGORY = {name: name.partition("_")[0] for name in _CUE.groupindex}
"""Each branch's group name ("generic_c") to its category ("generic")."""
_JOB_AFTER = re.compile(rf"\b{JOB_NOUN}\b|%|\bper ?cent\b")
_BLOCK_OBJECT = re.compile(
    r"\b"
    + first_char_groups(
        r"rates?|prices?|costs?|spending|budgets?|production|output|forecasts?|outlook|guidance|emissions|"
        r"dividends?|tax(?:es)?|ties|players?|roster|fees|hours|pay|wages?|salar(?:y|ies)|shifts|losses|debt|"
        r"deficit|capacity|inventory|stake|investment|ribbon|deal|prison|sentence|charges|the cord|corners|"
        r"reports?|claims?|rumou?rs?|speculation|allegations?|suggestions?|lawsuits?|duty|duties|tariffs?|levy|"
        r"customs|appeal|motion|bid"
    )
    + r"\b"
)
_PASSIVE_AUX = frozenset(
    "will would could are were was is be been being to have had set expected likely also due".split()  # noqa: SIM905
)
_JOB_AT_END = re.compile(rf"\b{JOB_NOUN}$")


def _job_before_passive(before: str) -> bool:
    """A job noun, then only auxiliaries, right before the cue ("1,000 roles are expected to be ___")."""
    words = before.split()
    i = len(words)
    while i and words[i - 1] in _PASSIVE_AUX:
        i -= 1
    return bool(i) and bool(_JOB_AT_END.search(" ".join(words[max(0, i - 2) : i])))


_NEGATION = re.compile(
    r"\b"
    + first_char_groups(
        r"no|not|n't|never|deny|denies|denied|denying|rules? out|ruled out|ruling out|without|avoid(?:s|ed|ing)?|"
        r"instead of|rather than|pledge[sd]?|won't|no plans? to|no intention|spare[sd]?|halt(?:s|ed)?|"
        r"reverse[sd]?|rescind(?:s|ed)?|prevent(?:s|ed)?|if|unless|whether|refus(?:e|es|ed|ing) to|doesn't|"
        r"don't|didn't|isn't|aren't|wasn't|weren't|wouldn't|hasn't|haven't"
    )
    + r"\b|\bno-$"
)
"""Searched in the clause tail before a cue (at most 40 characters back to a comma or full stop)."""
_PASSIVE_LAST = re.compile(rf"(?:{JOB_NOUN}|will|would|could|are|were|was|is|be|been|being|also|to)")
_BARE_COUNT = re.compile(
    rf"\s+(?:(?:{HEDGE_ALTERNATION}|another|an additional|a further)\s+)*\d[\d,.]*k?(?:\s+(?:more|additional|others|worldwide|globally)\b|\s*[,;:]|\.(?!\d)|\s*$|"
    r"\s+(?:in|at|across|as|after|from|by|amid|this|next|on|over)\b)"
)
"""A bare count after a cut verb, as headlines write it ("Meta to cut 10,000", "cutting 9,000 more")."""
_MAKE_REDUNDANT = re.compile(r"\bma(?:ke|kes|king|de)\s+(?:[\w,%'-]+\s+){0,8}$")
_RESTRUCTURE_COUNT = re.compile(
    rf"\s+(?:(?:programme|program|plan|drive|exercise)\s+)?(?:(?:affecting|impacting|covering|of|that will affect|"
    rf"which will affect|to affect)\s+)?(?:(?:{HEDGE_ALTERNATION})\s+)?(?:\d[\d,.]*k?|hundreds|thousands|dozens|"
    rf"several (?:hundred|thousand|dozen))\s+(?:of\s+)?(?:[a-z-]+\s+)?{JOB_NOUN}\b"
)
"""A count of posts right after "restructure"/"restructuring": a cut, however softly worded."""
_RISK_OF_LOSS = re.compile(
    r" of (?:redundanc|being (?:made redundant|laid off|let go|cut)|losing their jobs|job loss|lay-?off)"
)
"""'at risk of redundancy': the one 'at risk of ...' that puts jobs at risk."""
_SHARE_OF_STAFF = re.compile(
    rf"\s+(?:(?:{HEDGE_ALTERNATION})\s+)?(?:(?:\d[\d.]*|[a-z]+(?:[\s-][a-z]+)?)\s*(?:%|per ?cent|percent)|"
    rf"{SHARE_WORDS})\s+of\s+(?:the|its|their|our|[a-z][\w&.-]*'s)\s+(?:[\w'-]+\s+){{0,3}}?{JOB_NOUN}\b"
)
"""'affect 11% of its total workforce', 'affect almost a fifth of its staff': a share of the staff."""
_BLOCK_BEFORE = re.compile(
    r"\b(?:rate|interest|price|cost|pay|salary|wage|tax|budget|spending|production|output|dividend|benefit|"
    r"bonus|fare|fee|capacity|emission|service|power|supply)[\s-]+$"
)
_GO_ELSEWHERE = re.compile(
    r"\s+(?:on|back|home|ahead|through|into|up|down|out|unpaid|without|for|to (?:work|the|a|court))\b"
)
_WINDOW_END = re.compile(r"[.;:!?a](?:(?<=[.;:!?])(?!\d)|(?<=a)(?<!\w.)nd (?:will|to|is|has)\b)")
"""The same as r"[.;:!?](?!\\d)|\\band (?:will|to|is|has)\\b", opening with a character class so the engine skips ahead."""
_PASSIVE_WORD = re.compile(r"(?:were|was|be|been|being|are|is|get|got|lose|lost|losing|out)\b")
_BE_BEFORE = re.compile(r"\b(?:were|was|be|been|being|are|is|get|got)\s+$")
_NEGATION_AFTER = re.compile(
    r"^[^,;.]{0,30}\b(?:denied|ruled out|unfounded|not planned|false|rumou?rs?|(?:are|is|were) (?:over|done|behind "
    r"us|complete|finished)|have ended|has ended|(?:are|is|were|was|would be) (?:not|never) (?:a |the )?(?:solution|"
    r"answer|option|necessary|needed|planned|on the table)|(?:would be|is|are|was) the (?:absolute )?last (?:thing|resort))\b"
)
_BACKGROUND = re.compile(
    r"\b(?:amid|despite|during|over(?!\s+(?:\d|a |an |about|nearly|half))|against)\s+(?:[\w,-]+\s+){0,3}$"
)
_TREND_AFTER = re.compile(
    r"[\s-]+(?:trend|wave|spree|season|tracker|fears?|concerns?|worries|anxiety|threat)\b"
)
"""'bucks the tech layoff trend', 'layoff fears': talk about layoffs, not a cut."""
_BOXER = re.compile(
    r"(?:\b(?:his|her|long|lengthy|extended|injury|year-long|months-long|\d+-(?:year|month|week)|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)[\s-](?:year|month|week)s?)\s+$)"
)
TRAP_TITLE = re.compile(
    r"\b(?:den(?:y|ies|ied)|rules? out|no[\s-]lay-?offs?|no[\s-]job[\s-]cuts|pledges?|strikes?|striking|"
    r"walk(?:out|s out|ed out)|unioni[sz]e|union votes?|hiring|to hire|will hire|hires|relocat\w*|"
    r"interest rates?|rates?\s+cuts?|cuts?\s+(?:interest\s+)?rates?|create[sd]?\s+[\d,]+|creat\w* jobs|"
    r"new jobs|adds? [\d,]+ jobs|steps down|resigns?|dismiss(?:es|ed)? (?:reports?|rumou?rs?|claims?)|"
    r"last (?:thing|resort)|not (?:a|the) solution|recruit\w*|needs? [\d,]+ (?:\w+ )?(?:staff|workers|people)|"
    r"bucks? (?:the )?(?:\w+ )*?trend|surveys?|poll|could be (?:sacking|cutting|laying off|planning)|"
    r"report suggests)\b"
)


DENIAL_TITLE = re.compile(
    r"\b(?:den(?:y|ies|ied)|rules? out|no[\s-]lay-?offs?|no[\s-]job[\s-]cuts|pledges?|dismiss(?:es|ed)? "
    r"(?:reports?|rumou?rs?|claims?)|last (?:thing|resort)|not (?:a|the) solution|could be (?:sacking|cutting|"
    r"laying off|planning)|report suggests)\b"
)
"""Trap headlines whose own layoff word is part of the denial ("Layoffs the last thing at Zoho"):
the headline's cue does not make it a layoff story; only a confirmed figure in the body can."""


@dataclass(frozen=True)
class Cue:
    """A place where the text says jobs go."""

    start: int
    end: int
    form: str
    """"active" (a figure may follow), "passive" (the figure precedes), or "noun"."""
    background: bool = False
    """ "amid layoffs", "despite job cuts": scenery for another story unless it names who cuts."""

    def __init__(self, start: int, end: int, form: str, background: bool = False) -> None:
        # Written out (the dataclass keeps it): a frozen dataclass's own __init__ is twice as slow.
        d = self.__dict__
        d["start"], d["end"], d["form"], d["background"] = start, end, form, background


def find_cues(text: str) -> tuple[list[Cue], bool]:
    """The valid cues in a sentence, and whether a negated or denied cue was seen."""
    cues: list[Cue] = []
    negated = False
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for m in _CUE.finditer(lowered):
        start, end = m.span()
        before = lowered[start - 60 if start > 60 else 0 : start]
        after = lowered[end : end + 90]
        word = m.group()
        category = _CATEGORY[m.lastgroup]
        if word == "at risk" and after.startswith(" of") and not _RISK_OF_LOSS.match(after):
            continue  # "workers at risk of burnout"; "at risk of redundancy" is a cut
        if word.startswith("furlough") and after.startswith((" scheme", " program", " pay", " support")):
            continue  # the UK's furlough scheme keeps jobs; only furloughing workers cuts them
        if category == "generic":
            last = before.rsplit(None, 1)[-1:]
            if word.startswith("restructur"):
                if not (_RESTRUCTURE_COUNT.match(after) or _SHARE_OF_STAFF.match(after)):
                    continue  # only "restructure 8,000 positions", "a restructuring affecting 8,000 jobs"
                form = "active"
            elif word == "redundant":
                if not (_MAKE_REDUNDANT.search(before) or _JOB_AT_END.search(before.rstrip())):
                    continue  # "redundant systems"; only "make/made ... redundant" cuts jobs
                form = "passive"
            elif word == "go" and _GO_ELSEWHERE.match(after):
                continue  # "workers to go on strike", "staff will go home"
            elif last and _PASSIVE_LAST.fullmatch(last[0]) and _job_before_passive(before):
                form = "passive"
            elif word.startswith(EFFECT_VERBS):
                if not (_RESTRUCTURE_COUNT.match(after) or _SHARE_OF_STAFF.match(after)):
                    continue  # only "affecting 1,250 jobs" or "100 people affected": an effect on a count of jobs
                form = "active"
            elif word in ("go", "gone", "at risk", "on the line", "threatened", "in jeopardy"):
                continue  # only "1,000 roles will go", never "the money will go to workers"
            elif _BLOCK_BEFORE.search(before[-24:]):
                continue  # "salary cuts of 20%", "rate cut by 25 basis points": something else is cut
            else:
                stop = _WINDOW_END.search(after)
                window = after[: stop.start()] if stop else after
                job = _JOB_AFTER.search(window)
                if job:  # the blocking object matters only before a job word
                    block = _BLOCK_OBJECT.search(window)
                    no_job = block is not None and block.start() < job.start()
                else:
                    no_job = True
                if no_job and not _BARE_COUNT.match(after):
                    continue
                form = "active"
        elif category == "noun":
            if word in ("layoff", "lay-off") and _BOXER.search(before):
                continue
            form = "noun"
        else:
            form = "passive" if _PASSIVE_WORD.match(word) or _BE_BEFORE.search(before[-12:]) else "active"
            if word.startswith(("lose", "lost", "losing", "out of", "made redundant")):
                form = "passive"
        tail = before[-40:]
        tail = tail[max(tail.rfind(", "), tail.rfind(";"), tail.rfind(". ")) + 1 :]  # not "1,000" or "1.5"
        if _NEGATION.search(tail) or _NEGATION_AFTER.search(after):
            negated = True
            continue
        background = form == "noun" and bool(_BACKGROUND.search(before[-30:]) or _TREND_AFTER.match(after))
        cues.append(Cue(start, end, form, background))
    return cues, negated


def denial_title(title: str) -> bool:
    """True when the headline denies or rules out cuts (see DENIAL_TITLE)."""
    return bool(DENIAL_TITLE.search(title.lower()))


def negative_title(title: str) -> bool:
    """True when the headline frames the story as a trap (denial, pledge, strike, hiring, rates ...)."""
    return bool(TRAP_TITLE.search(title.lower()))
