"""Following one story: its topic (what "the company" means), its mentions, and the events they fold into.

A story names an organisation, then says "the company" or "the startup"; round-ups move from one
heading to the next. The topic is the latest organisation a sentence opened with or cut jobs; the
mentions of one organisation (headline, body, figures) fold into one event at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tui.extract.commonness import zipf
from tui.extract.companies import Org, clean_name, find_known, lookup
from tui.extract.figures import Judged
from tui.extract.linking import Ref
from tui.extract.model import Event
from tui.extract.names import NAME_AT_START, headline_only_words, valid_name
from tui.extract.sentences import Sentence

__all__ = ["Story", "fold", "title_case", "topic_from"]

_START_TOPIC = re.compile(
    r"\.?(?:\s*(?:,\s*(?:a|an|the|[A-Z][\w.-]*'s)\b|:|\s+\()|\s+(?!(?:said|says|told|added|wrote|noted|explained|reports?|reported)\b)"
    r"[a-z])"
)
_VERB_NEXT = re.compile(
    r"(?:'s|,|:|\s+\(|\s+(?:has|have|had|is|was|will|would|to|said|says|plans|planned|announced|announces|"
    r"confirmed|confirms|could|may|might|also|just|reportedly|on|in|at|last|this|\w+(?:s|ed)\b))"
)
_HEADLINE_VERBS = frozenset(
    "to will is are was has have plans plan offers offer announces announce confirms confirm says reports "  # noqa: SIM905
    "cuts cut lays laying slashes slash axes axe sheds shed trims trim eliminates eliminate eyes mulls "
    "considers weighs begins starts launches unveils closes shuts hits faces sees warns seeks makes "
    "reveals sells buys posts files reaches agrees names hires freezes pauses exits quits moves".split()
)
_CORPORATE = frozenset(
    "motor motors company co corp corporation inc group holdings holding international global worldwide "  # noqa: SIM905
    "technologies technology platforms industries enterprises plc ltd limited ag sa nv se llc oyj asa "
    "airlines airways air bank banking financial communications telecom telecommunications "
    "pharmaceuticals pharma labs laboratories systems solutions services software consulting networks "
    "electronics semiconductor semiconductors brands & and the".split()
)
"""Words after a known name that still name the same entity ("Ford Motor Company", "Nokia Oyj")."""
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_PLURAL_VERB = re.compile(r"\s+(?:are|were|have|do|say)\b")
"""A capitalised plural noun opening a sentence ("Notices were sent") is not a company."""


@dataclass
class _Mention:
    """One sentence saying an organisation cuts jobs, with what it says about how many."""

    order: int
    value: float | None
    kind: str
    subset: bool
    percent: float | None
    share: bool
    pct_subset: bool
    evidence: str
    aside: bool = False
    """From a relative clause (", which cut 18,000 jobs in January,"): used only when nothing firmer is said."""


@dataclass
class _Company:
    """An organisation cutting jobs in this story, and every mention of it."""

    name: str
    parent: str | None
    mentions: list[_Mention] = field(default_factory=list)


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    """Names that differ only in case, spaces or punctuation are one company ("Section 4", "Section4")."""
    return _NOT_ALNUM.sub("", name.lower())


class Story:
    """What is known so far while reading one story."""

    def __init__(self, is_person=None, body: str = "", text: str = "") -> None:
        self._is_person = is_person
        self._body = body
        self._text = text
        self._people: dict[str, bool] = {}
        self.companies: dict[str, _Company] = {}
        self.seen: list[str] = []
        self._topic: Ref | None = None
        self.pending: list[Sentence] = []
        """Sentences without cues read since the topic was last set; their openings are checked lazily."""
        self.order = 0
        self.aggregate = False
        """The current sentence names a tracker (Layoffs.fyi, Challenger): its counts are an industry's."""
        self.clause_refs: tuple[Ref, ...] = ()
        """Who the sentence's previous cue was about: the subject of a participle (", cutting 20 roles")."""
        self.aggregate_cue = False
        """The cue just read had an industry for subject ("employers plan to cut staff")."""
        self.previous = ""
        """The previous sentence: its organisations are what "All have cut" or "Both laid off" means."""
        self.bracketed: set[str] = set()
        """Names with their own bracketed figure in the current sentence."""

    def person(self, name: str) -> bool:
        """Whether a name is a person in this story (asked rarely, so computed on demand and kept)."""
        if name not in self._people:
            self._people[name] = bool(self._is_person and self._is_person(name))
        return self._people[name]

    def confirmed(self, name: str) -> bool:
        """A name from a Title Case headline that is a name: the body writes it with the same capitals,
        or (a bare headline) it holds a word that is not everyday English ("Video Game" is not)."""
        if self._body.strip():
            return name in self._body or name.replace("'", "\u2019") in self._body
        return not headline_only_words(name)

    def common_noun(self, ref: Ref, sentence: str) -> bool:
        """An unknown one-word name opening its sentence that the story also writes in small letters
        ("Steelmaking in Wales ends ..." beside "cease primary steelmaking"): a word, not a firm."""
        if ref.org is not None or " " in ref.name or sentence[: ref.start].strip(" \"'*"):
            return False
        word, text = ref.name.lower(), self._text
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and (
                end == len(text) or not (text[end].isalnum() or text[end] == "-")
            ):
                return True
            at = text.find(word, at + 1)
        return False

    @property
    def topic(self) -> Ref | None:
        """The organisation "the company" means now: the latest one a sentence opened with or cut jobs."""
        while self.pending:
            sentence = self.pending.pop()
            known = [k for k in find_known(sentence.text[:80]) if k[2].role != "tracker"]
            found = topic_from(sentence, known)
            if found:
                self._topic = found
                self.pending.clear()
        return self._topic

    @topic.setter
    def topic(self, ref: Ref | None) -> None:
        self._topic = ref
        self.pending.clear()

    def canonical(self, ref: Ref) -> tuple[str, str | None]:
        """Known organisations by their data; unknown ones merged with a longer name seen before."""
        if ref.org is not None:
            return ref.org.name, ref.org.parent
        org = lookup(ref.name)
        if org:
            return org.name, org.parent
        head = _known_in_name(ref.name)
        if head and head[0][0] == 0 and not head[0][2].role and head[0][2].listed:
            rest = ref.name[head[0][1] :].split()
            if rest and not all(w.lower().strip(".,") in _CORPORATE for w in rest):
                # "Sony Interactive Entertainment": a unit named with its own cut stays itself, under its parent
                return self._seen(ref.name), head[0][2].name
            return head[0][2].name, head[0][2].parent  # "Ford Motor", "Sony Group": the same entity
        return self._seen(ref.name), None

    def _seen(self, name: str) -> str:
        """An unknown name merged with the same or a longer name seen before in this story."""
        key = _key(name)
        for seen in self.seen:
            if _key(seen) == key or seen.lower().startswith(name.lower() + " "):
                return seen
            if " " not in name and seen.endswith(" " + name) and zipf(name.lower()) >= 3.5:
                return seen  # "Tampa Bay Times", then "The Times": the short form of the same title
            if name.lower().startswith(seen.lower() + " ") and all(
                w.lower().strip(".,") in _CORPORATE for w in name[len(seen) :].split()
            ):
                return seen  # "Acme Widgets", then "Acme Widgets Technology Solutions": one company
            if _same_but_initials(name, seen):
                return seen  # "Sainsbury's", then "J Sainsbury": one company
        self.seen.append(name)
        return name

    def add(
        self, ref: Ref, job: Judged | None, pct: Judged | None, evidence: str, aside: bool = False
    ) -> None:
        name, parent = self.canonical(ref)
        key = _key(name)
        company = self.companies.get(key)
        if company is None:
            company = self.companies[key] = _Company(name, parent)
        self.order += 1
        fig = job.fig if job else None
        company.mentions.append(
            _Mention(
                self.order,
                fig.value if fig else None,
                fig.kind if fig else "none",
                bool(job and job.subset),
                pct.fig.value if pct else None,
                bool(pct and pct.fig.share),
                bool(pct and pct.subset),
                evidence,
                aside,
            )
        )


@lru_cache(maxsize=4096)
def _known_in_name(name: str) -> tuple[tuple[int, int, Org], ...]:
    """find_known over an organisation's name (a pure function of a short name, so kept)."""
    return tuple(find_known(name))


_INITIAL = re.compile(r"(?:[A-Z]\.?){1,3}")


def _same_but_initials(a: str, b: str) -> bool:
    """Two names that differ only by leading initials ("J Sainsbury", "Sainsbury")."""
    wa, wb = clean_name(a).split(), clean_name(b).split()
    if len(wa) == len(wb):
        return False
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    extra = long_[: len(long_) - len(short)]
    return long_[len(extra) :] == short and all(_INITIAL.fullmatch(w) for w in extra)


def title_case(sentence: Sentence) -> bool:
    """A headline where most words are capitalised, so capitals say nothing about names."""
    if not sentence.title:
        return False
    words = [w for w in sentence.text.split() if w[:1].isalpha()]
    return len(words) > 2 and sum(w[0].isupper() for w in words) > 0.7 * len(words)


def _title_case_opening(run: str) -> Ref | None:
    """The name opening a Title Case headline: its capitalised words up to the first headline verb."""
    words = run.split()
    for i, word in enumerate(words):
        if word.lower() in _HEADLINE_VERBS:
            name = valid_name(" ".join(words[:i])) if i else None
            if name:
                org = lookup(name)
                return None if org and org.role else Ref(name, 0, org)
            return None
    return None


def topic_from(
    sentence: Sentence, known: list[tuple[int, int, Org]], is_title_case: bool | None = None
) -> Ref | None:
    """A heading, or a sentence that opens with an organisation, sets what later anaphors mean.

    `is_title_case`: title_case(sentence) when the caller has it already.
    """
    text = sentence.text
    if known and text[: known[0][0]].strip() in ("", "The", "the") and not known[0][2].role:
        return Ref(known[0][2].name, known[0][0], known[0][2])
    m = NAME_AT_START.match(text)
    if m and (title_case(sentence) if is_title_case is None else is_title_case):
        return _title_case_opening(m.group(1))
    run = m.group(1).removeprefix("The ") if m else ""
    if m and " " not in run and not sentence.heading and not _VERB_NEXT.match(text, m.end()):
        return None  # "Coffee chain to cut ...": one capitalised word then a noun is a description
    if (
        m
        and (sentence.heading or _START_TOPIC.match(text, m.end()))
        and not _PLURAL_VERB.match(text, m.end())
    ):
        name = valid_name(m.group(1))
        org = lookup(name) if name else None
        if name and not (org and org.role):
            return Ref(name, m.start(1), org)
    return None


MAX_HEADCOUNT = 2_500_000
"""More jobs than the largest employers have: a garbled or hostile figure, not a cut."""


def _plausible_headcount(value: float) -> bool:
    """Finite, positive and below MAX_HEADCOUNT ("cut 99999999999999999999 jobs" is noise, not data)."""
    return 0 < value <= MAX_HEADCOUNT


def fold(company: _Company) -> Event:
    """One event from every mention of a company: the earliest firm figure wins, headline first, except
    that an exact figure within 15% of a hedged one is the same cut stated precisely ("nearly 300" in
    the headline, "287" in the body)."""
    ms = company.mentions
    numeric = [m for m in ms if m.value is not None and _plausible_headcount(m.value)]
    chosen = next(
        (m for m in numeric if not m.subset and not m.aside),
        next((m for m in numeric if not m.subset), numeric[0] if numeric else None),
    )
    pcts = [m for m in ms if m.percent is not None and 0 < m.percent <= 100]
    pct = next(
        (m for m in pcts if not m.share and not m.pct_subset),
        next((m for m in pcts if not m.pct_subset), pcts[0] if pcts else None),
    )
    percent = pct.percent if pct else None
    if chosen and chosen.kind == "approx":
        # "more than 400" in the headline, "447" in the body: the body's exact figure for the same cut
        exact = next(
            (
                m
                for m in numeric
                if m.kind == "exact"
                and not m.subset
                and not m.aside
                and abs(m.value - chosen.value) <= 0.15 * chosen.value
            ),
            None,
        )
        if exact is not None:
            chosen = exact
    if chosen:
        headcount = round(chosen.value)
        same = [m for m in numeric if m.value == chosen.value]
        kind = "approx" if any(m.kind == "approx" for m in same) else chosen.kind
        evidence = chosen.evidence
    else:
        headcount = None
        vague = next((m for m in ms if m.kind == "vague"), None)
        if vague is not None:
            kind = "vague"
        elif percent is not None:
            kind = "percent_only"
        else:
            kind = "none"
        # The sentence that gave the figure ("several hundred", "10%") is the evidence, not the headline.
        evidence = (vague if vague is not None else pct or ms[0]).evidence
    if percent is not None and percent == int(percent):
        percent = float(int(percent))
    return Event(company.name, company.parent, headcount, kind, percent, evidence)
