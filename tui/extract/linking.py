"""Who cuts: the organisation a layoff cue belongs to, read from sentence structure.

For each cue the subject is found by walking left over auxiliaries ("plans to", "will", "has
already"), appositives (", a Sequoia-backed startup,") and relative pronouns (", which"); then
"X's layoffs", "let go by X", "layoffs at X" and units "from its X division". A subject may be an
anaphor ("the company", "it"), a list ("Ola, Oyo and Meesho"), or a generic plural ("startups",
"IT companies") that marks an industry total, never an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.extract.companies import Org
from tui.extract.cues import Cue
from tui.extract.lowered import lowered
from tui.extract.names import NAME_AT_END, NAME_AT_START, valid_name
from tui.extract.numbers import word_number
from tui.extract.vocabulary import HEDGE_WORDS

__all__ = [
    "AGGREGATE",
    "ANAPHOR",
    "FACILITY_AFTER",
    "Ref",
    "Subject",
    "find_subject",
    "name_ending_at",
    "org_in_span",
]

_AUX = frozenset(
    "has have had will would could can may might must should shall is are was were be been being to also already "  # noqa: SIM905
    "just now further reportedly officially again plans plan planned planning intends intend aims aim expects "
    "expect expected set going poised said says announced announces announce confirmed confirms decided decides "
    "began begins begun started starts recently quietly soon ultimately still likely then today yesterday "
    "monday tuesday wednesday thursday friday saturday sunday abruptly quickly formally continue continues "
    "continued once wants prepares preparing prepared needs forced this last week month on makes made make "
    "unveiled unveils ordered orders carried carries out announcing confirming revealed reveals disclosed "
    "discloses laying begins moves moved move look looks looking seeks seeking agreed agrees decides tells "
    "told memo staff in january february march april june july august september october november december "
    "late early earlier last week's handed hands handing issued issues issuing sent sends sending gave gives "
    "giving served serves all both commenced commences initiated initiates launched launches undertook "
    "undertakes conducted conducts implemented implements executed executes enacted underwent facing faces face "
    "alone signalled signaled signals flagged flags warned warns outlined outlines detailed details unveiled "
    '" “ ”'.split()
)
_NOUN_STRIP = (
    frozenset(
        "a an the significant sweeping major massive mass new fresh further additional more another wave round "  # noqa: SIM905
        "rounds of series deep large big widespread planned expected proposed latest recent first second third "
        "hundreds thousands several dozens than job jobs "
        "hit by struck affected impacted file files filed filing "
        "its their more sizable sizeable big-scale large-scale % percent per cent comprehensive substantial small "
        "minor limited targeted global company-wide companywide organisation-wide organization-wide broad broader "
        "steep painful heavy".split()
    )
    | HEDGE_WORDS
)
_TOKENS = re.compile(r"\d[\d,.]*\d|[\w&.'+%-]+|[^\w\s]")
ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|startup|studio|bank|lender|carmaker|car maker|"
    r"automaker|auto maker|retailer|group|giant|chipmaker|conglomerate|business|maker|manufacturer|publisher|"
    r"newspaper|outlet|platform|network|insurer|airline|carrier|operator|provider|developer|employer|"
    r"organi[sz]ation|corporation|brand|parent|outfit|chain|service|app|site|telco|bank|producer|supplier|"
    r"broadcaster|station|paper|agency|university|hospital|school|government|council|charity)\s*$|\bit\s*$|"
    r"\b[A-Z][a-z]+'s\s+(?:(?:largest|biggest|second-largest|leading|top|oldest|main|no\.? ?1)\s+)(?:[\w-]+\s+){0,2}?"
    r"(?:company|firm|bank|lender|carmaker|automaker|retailer|airline|maker|producer|group|employer|insurer|"
    r"telco|operator|publisher|broadcaster|supermarket|chain|university)\s*$",
    re.IGNORECASE,
)
AGGREGATE = re.compile(
    r"\b(?:companies|firms|startups|start-ups|employers|businesses|carriers|banks|lenders|retailers|automakers|"
    r"carmakers|giants|industry|sector|players|makers|outfits|organi[sz]ations|corporations|others|many|several|"
    r"some|they|we|tech|industries|sectors|economy|country|nation)'?\s*$",
    re.IGNORECASE,
)
_JOBS_END = re.compile(
    r"\b(?:workers|employees|staff|people|positions|roles|jobs|staffers|members|personnel)\s*$", re.IGNORECASE
)
_APPOSITIVE = re.compile(
    r"\s*(?:a|an|the|one|which|who|whose|based|known|itself|now|formerly|once|owned|backed|part|headquartered|"
    r"founded|launched|maker|parent|owner|operator|home|currently|recently|majority|wholly|jointly|partly|"
    r"previously|acquired|bought|purchased|controlled|run|operated|financed|funded|supported|valued|listed)\b",
    re.IGNORECASE,
)
_COORD_LEFT = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
    r"(?:(?!(?:by|to|according|led|of|from|with|for|in|at|on|said|says|as|than|after|before|including|like|such|"
    r"while|whereas|but)\b)[a-z][\w-]*\s+){0,4}$"
)
"""A list before the subject ("Ola, Oyo and Meesho"); never across "according to X, led by Y"."""
_COORD_RIGHT = re.compile(r"(?:\s+[a-z][\w-]*){0,3}\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_RIGHT = re.compile(
    r"(?:\s+[\w'-]+){0,4}?\s+(by|at|from|across|within|in|hit|hits|strike|strikes)\s+(?:(its|the)\s+)?",
    re.IGNORECASE,
)
FACILITY_AFTER = re.compile(
    r"\s+(?:[a-z]+(?:ing|ed)?\s+)?(?:plant|factory|facility|site|office|store|mill|"
    r"warehouse|campus|hub|location|branch|headquarters)s?\b",
    re.IGNORECASE,
)
_ANAPHOR_LOW = lowered(ANAPHOR)
_ANAPHOR_LAST = frozenset(
    "company firm startup studio bank lender carmaker automaker maker retailer group giant chipmaker "  # noqa: SIM905
    "conglomerate business manufacturer publisher newspaper outlet platform network insurer airline carrier "
    "operator provider developer employer organisation organization corporation brand parent outfit chain "
    "service app site telco producer supplier broadcaster station paper agency university hospital school "
    "government council charity it".split()
)
"""The last word of every ANAPHOR match (letters only)."""
_AGGREGATE_LAST = frozenset(
    "companies firms startups employers businesses carriers banks lenders retailers automakers carmakers "  # noqa: SIM905
    "giants industry sector players makers outfits organisations organizations corporations others many "
    "several some they we tech industries sectors economy country nation".split()
)
"""AGGREGATE's words made of letters only ("start-ups" is not)."""


def _may_end_with(low: str, end: int, words: frozenset[str]) -> bool:
    """False only when the last word before `end` in lower-cased `low` (trailing spaces and one
    apostrophe dropped) is all letters and not in `words`: then ANAPHOR or AGGREGATE cannot match there."""
    e = end
    while e > 0 and low[e - 1].isspace():
        e -= 1
    if e and low[e - 1] == "'":
        e -= 1
    word = low[low.rfind(" ", 0, e) + 1 : e]
    return not word.isalpha() or word in words


_AGGREGATE_LOW = lowered(AGGREGATE)
_JOBS_END_LOW = lowered(_JOBS_END)
_RIGHT_LOW = lowered(_RIGHT)
_ACRONYM_AFTER = re.compile(r"\s*\((?:[A-Z][\w&.]{1,9})\)\s*$")
"""A short form in brackets after a name: the name ends before it."""
_POSSESSIVE_LOWER = re.compile(r"(?:'s?)?\s+[a-z]")
_POSSESSIVE = re.compile(r"'s?\s+(?:[\w-]+\s+){0,2}$")


@dataclass(frozen=True)
class Ref:
    """An organisation named in a sentence: known (org set) or found from structure (name only)."""

    name: str
    start: int
    org: Org | None = None

    def __init__(self, name: str, start: int, org: Org | None = None) -> None:
        # Written out (the dataclass keeps it): a frozen dataclass's own __init__ is twice as slow.
        d = self.__dict__
        d["name"], d["start"], d["org"] = name, start, org


@dataclass(frozen=True)
class Subject:
    """What a cue's subject is: organisations, an anaphor to resolve, or an industry total."""

    refs: tuple[Ref, ...] = ()
    anaphor: int | None = None
    aggregate: bool = False
    relative: bool = False
    """Found through ", which ..." or ", who ...": the cue is an aside about the organisation."""

    def __init__(
        self,
        refs: tuple[Ref, ...] = (),
        anaphor: int | None = None,
        aggregate: bool = False,
        relative: bool = False,
    ) -> None:
        # Written out (the dataclass keeps it): a frozen dataclass's own __init__ is twice as slow.
        d = self.__dict__
        d["refs"], d["anaphor"], d["aggregate"], d["relative"] = refs, anaphor, aggregate, relative


def org_in_span(
    text: str, known: list[tuple[int, int, Org]], start: int, end: int, anchored: bool = False
) -> Ref | None:
    """The first organisation in text[start:end]; with `anchored`, only one that starts right there."""
    for a, b, org in known:
        if start <= a < end and (not anchored or not text[start:a].strip()):
            return Ref(org.name, a, org)
    if not anchored:
        return None
    segment = text[start:end]
    m = NAME_AT_START.match(segment)
    if m is None:
        return None
    run, rest = m.group(1), segment[m.end() :]
    # "at Silicon Valley's biggest companies" and "at the Lansing plant" name places, not employers.
    possessive_of_noun = (run.endswith(("'s", "s'")) or rest.startswith("'")) and _POSSESSIVE_LOWER.match(
        rest
    )
    if possessive_of_noun or FACILITY_AFTER.match(rest):
        return None
    name = valid_name(run)
    return Ref(name, start + m.start(1)) if name else None


_LEGAL_DOT = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Bros|Cos)\.$")


def name_ending_at(text: str, end: int, known: list[tuple[int, int, Org]]) -> Ref | None:
    """An organisation whose name ends at `end` (known first, then a capitalised run)."""
    for a, b, org in known:
        if b <= end and not text[b:end].strip(" '."):
            return Ref(org.name, a, org)
    stop = end
    while stop > 0 and text[stop - 1] in " '":
        stop -= 1
    if stop > 1 and text[stop - 1] == "." and _LEGAL_DOT.search(text, max(0, stop - 6), stop):
        stop -= 1  # "Alphabet Inc., OrCam and Oda": the abbreviation's full stop ends no name
    start = (
        max(
            text.rfind(" ", 0, stop),
            text.rfind("\n", 0, stop),
            text.rfind("(", 0, stop),
            text.rfind('"', 0, stop),
        )
        + 1
    )
    word = text[start:stop]
    if not word or not (word[0].isupper() or word[0].isdigit() or word[1:2].isupper() or word[2:3].isupper()):
        return None  # the last word is not capitalised, so no name ends here: skip the costlier regex
    m = NAME_AT_END.search(text, max(0, end - 70), end)
    if m and m.end() >= end - 1:
        run_start = m.start(1)
        sentence_initial = not text[:run_start].strip(' "')
        name = valid_name(m.group(1))
        if name and not (sentence_initial and " " not in m.group(1) and text[m.end(1) : end].strip()):
            return Ref(name, run_start)
    return None


def _coordinated_left(text: str, first: Ref, known: list[tuple[int, int, Org]]) -> list[Ref]:
    """The subject and the organisations listed before it ("Ola, Oyo, and Meesho have cut")."""
    refs = [first]
    while True:
        m = _COORD_LEFT.search(text, max(0, refs[-1].start - 60), refs[-1].start)
        if not m or m.end() != refs[-1].start:
            break
        ref = name_ending_at(text, m.start(), known)
        if ref is None or ref.start >= refs[-1].start:
            break
        refs.append(ref)
    return refs[::-1]


_DESCRIBED = re.compile(
    r"(?:(?!(?:plants?|factory|factories|facility|facilities|sites?|offices?|stores?|mills?|warehouses?|campus|hubs?|"
    r"branch|headquarters|outside|near|in|of|the|a|an|its|their|and|or|for|to)\b)[a-z][\w-]*\s+){1,3}(?=[A-Z0-9])"
)
"""Lower-case words describing the firm before its name ("developer studio", "games maker")."""


def _right(text: str, cue: Cue, known: list[tuple[int, int, Org]], low: str | None = None) -> list[Ref]:
    """Organisations after a passive or noun cue: "let go by X", "layoffs at X", "from its X unit"."""
    m = _RIGHT.match(text, cue.end) if low is None else _RIGHT_LOW.match(low, cue.end)
    if not m:
        return []
    prep, det = m.group(1).lower(), (m.group(2) or "").lower()
    if prep in ("hit", "hits", "strike", "strikes"):
        prep = "at"  # "Layoffs hit Acme" names the employer like "layoffs at Acme"
    start = m.end()
    if prep in ("by", "at") and not det:
        described = _DESCRIBED.match(text, start)
        if described:
            start = described.end()  # "layoffs at developer studio Creative Assembly"
    ref = (
        org_in_span(text, known, start, start + 80, anchored=True)
        if prep in ("by", "at") and not det
        else None
    )
    if ref is None:
        hit = next(((a, b, o) for a, b, o in known if a == start), None)
        if hit is None or (prep in ("in", "across", "within") and not (det == "its" and hit[2].parent)):
            return []
        ref = Ref(hit[2].name, hit[0], hit[2])
    refs = [ref]
    while True:
        end = next((b for a, b, o in known if a == refs[-1].start), refs[-1].start + len(refs[-1].name))
        c = _COORD_RIGHT.match(text[end:])
        if not c:
            break
        nxt = org_in_span(text, known, end + c.end(), end + c.end() + 80, anchored=True)
        if nxt is None:
            break
        refs.append(nxt)
    return refs


def _skip_back(left: str, toks: list[re.Match], form: str) -> int:
    """Index of the last token before the cue that is not an auxiliary ("plans to", "has already")
    or, for noun cues, part of the figure phrase ("announced a wave of", "makes 1,000")."""
    i = len(toks) - 1
    while i >= 0:
        w = toks[i].group().lower()
        if (
            len(w) <= 2
            and w.isdigit()
            and i > 0
            and toks[i - 1].group()[0].isupper()
            and left[toks[i - 1].end() : toks[i].start()] == " "
            and toks[i - 1].group().lower() not in _AUX
            and not toks[i - 1].group().endswith("'s")
            and not (i + 1 < len(toks) and toks[i + 1].group().startswith("%"))
        ):
            break  # "Singularity 6 Layoffs": the digit belongs to the name
        if w in ("and", "or", "to") and form == "noun" and i > 0 and toks[i - 1].group()[0].isdigit():
            i -= 1  # "221 and 62 layoffs"
            continue
        if w in _AUX or (form == "noun" and (w in _NOUN_STRIP or w[0].isdigit() or word_number(w))):
            i -= 1
            continue
        break
    return i


def _tokens_back(left: str, form: str) -> tuple[list[re.Match], int]:
    """The tokens of the last 90 characters before a cue, and _skip_back's index into them.

    Tokens never hold whitespace, so after a space the tokens are the same whichever earlier point
    the tokenizer started from: the last 40 or so characters are tokenized first, and all 90 only
    when the walk back reaches the first of those tokens (where it may look one token further).
    """
    lo = max(0, len(left) - 90)
    space = left.rfind(" ", lo, max(lo, len(left) - 40))
    if space >= lo:
        toks = list(_TOKENS.finditer(left, space + 1))
        i = _skip_back(left, toks, form)
        if i >= 1:
            return toks, i
    toks = list(_TOKENS.finditer(left, lo))
    return toks, _skip_back(left, toks, form)


_VERB_IN_OPENING = re.compile(
    r"\b(?:said|says|is|are|was|were|has|have|had|will|would|to|that|after|as|by|of|from|with|for|in|at|on)\b"
)
"""Words that end a sentence's opening noun phrase: a known name after one is no longer its subject."""


def _sentence_subject(left: str, known: list[tuple[int, int, Org]]) -> Ref | None:
    """The organisation the sentence opens with, for a second verb phrase joined by "and"."""
    for a, _b, org in known:
        if not left[:a].strip(" \"'"):
            return Ref(org.name, a, org)
        opening = left[:a]
        if not org.role and not _VERB_IN_OPENING.search(opening) and opening.count(",") == 0:
            return Ref(org.name, a, org)  # "Germany's automotive supplier Robert Bosch plans to ... and cut"
    m = NAME_AT_START.match(left)
    name = valid_name(m.group(1)) if m else None
    return Ref(name, m.start(1)) if name else None


def find_subject(text: str, cue: Cue, known: list[tuple[int, int, Org]], low: str | None = None) -> Subject:
    """The subject of one cue in one sentence.

    `low`: the text lower-cased, when lowered.foldable(text) holds (a faster path, same answer).
    """
    left = text[: cue.start]
    if low is None:
        anaphor, aggregate, jobs_end, low_left = ANAPHOR, AGGREGATE, _JOBS_END, left
    else:
        anaphor, aggregate, jobs_end, low_left = _ANAPHOR_LOW, _AGGREGATE_LOW, _JOBS_END_LOW, low
    if cue.form == "noun":
        pos = _POSSESSIVE.search(left, max(0, len(left) - 50))
        if pos:
            if aggregate.search(low_left, max(0, pos.start() - 40), pos.start() + 1) or left[
                : pos.start() + 2
            ].endswith("s'"):
                return Subject(aggregate=True)
            ref = name_ending_at(left, pos.start(), known)
            if ref:
                return Subject((ref,))
    toks, i = _tokens_back(left, cue.form)
    participle = (
        i >= 0
        and toks[i].group() == ","
        and cue.form == "active"
        and text[cue.start : cue.end].endswith("ing")
    )
    if participle or (i >= 0 and toks[i].group().lower() == "and" and cue.form != "noun"):
        first = _sentence_subject(left, known)  # "X will close 45 stores and lay off 600"
        if first:
            return Subject((first,))
    end = toks[i].end() if i >= 0 else 0
    if i >= 2 and toks[i].group().lower() in ("more", "others") and toks[i - 1].group().lower() == "and":
        end = toks[i - 1].start()  # "J.Crew, Nordstrom, Walmart, and more have made job cuts"
        while end > 0 and left[end - 1] in " ,":
            end -= 1
    relative = False
    if i >= 0 and toks[i].group().lower() in ("which", "who", "that"):
        end = toks[i].start()
        relative = left[:end].rstrip().endswith(",")
        while end > 0 and left[end - 1] in " ,":
            end -= 1
    acronym = _ACRONYM_AFTER.search(left, max(0, end - 16), end)
    if acronym:
        end = acronym.start()  # "The Australian National University (ANU) is proposing to cut"
    rem = left[:end]
    if (low is None or _may_end_with(low, end, _ANAPHOR_LAST)) and anaphor.search(
        low_left, max(0, end - 70), end
    ):
        return Subject(anaphor=end)
    stripped = rem.rstrip()
    if stripped.endswith(","):
        comma = stripped.rfind(",", 0, len(stripped) - 1)
        if comma > 0 and _APPOSITIVE.match(stripped[comma + 1 :]):
            end = comma
    ref = name_ending_at(left, end, known)
    if ref and ref.org is None and " " not in ref.name and AGGREGATE.fullmatch(ref.name):
        return Subject(aggregate=True)  # "Carmakers have announced 35,000 job cuts"
    if ref:
        return Subject(tuple(_coordinated_left(left, ref, known)), relative=relative)
    if (low is None or _may_end_with(low, end, _AGGREGATE_LAST)) and aggregate.search(
        low_left, max(0, end - 40), end
    ):
        return Subject(aggregate=True)
    if cue.form in ("passive", "noun") or jobs_end.search(low_left, 0, end) or end == 0:
        return Subject(tuple(_right(text, cue, known, low)))
    return Subject()
