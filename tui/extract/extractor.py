"""The extractor: is this a layoff story, which organisations cut, and how many jobs.

Orchestration only: sentences.py cuts the text, cues.py finds where jobs go, figures.py judges
the numbers, linking.py finds who cuts. This module follows the story from sentence to sentence
(the headline's company is what "the company" means later; a heading names the next round-up
entry), then folds every mention of one organisation into one event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.extract.companies import Org, find_known, lookup
from tui.extract.cues import find_cues, negative_title
from tui.extract.figures import Judged, _history, judge_figures
from tui.extract.linking import Ref, find_subject, org_in_span
from tui.extract.model import Event, Extraction
from tui.extract.names import NAME_AT_START, valid_name
from tui.extract.sentences import Sentence, split

__all__ = ["extract"]

_AGG_CONTEXT = re.compile(
    r"\b(?:companies|firms|startups|industry|sector|employers|overall|in total|total job cuts|nationwide|"
    r"across the (?:country|industry|sector)|trackers?|so far this year|this year alone|per month|a month|economy)\b",
    re.IGNORECASE,
)
_START_TOPIC = re.compile(
    r"\s*(?:,\s*(?:a|an|the)\b|:|\s+\()|\s+(?!(?:said|says|told|added|wrote|noted|explained|reports?|reported)\b)[a-z]"
)
_VERB_NEXT = re.compile(
    r"(?:'s|,|:|\s+\(|\s+(?:has|have|had|is|was|will|would|to|said|says|plans|planned|announced|announces|"
    r"confirmed|confirms|could|may|might|also|just|reportedly|on|in|at|last|this|\w+(?:s|ed)\b))"
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_IT_END = re.compile(r"\bit\s*$")
_ITS = re.compile(r"\bits\b")
_PLURAL_VERB = re.compile(r"\s+(?:are|were|have|do|say)\b")
"""A capitalised plural noun opening a sentence ("Notices were sent") is not a company."""
_SPEAKER = re.compile(r"\.?,?\s+(?:said|says|told|added|noted|explained|announced|confirmed)\b")
_CONFIRM = re.compile(r"\b(?:confirm\w*|but|however|though|instead)\b", re.IGNORECASE)


@dataclass
class _Mention:
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
    name: str
    parent: str | None
    mentions: list[_Mention] = field(default_factory=list)


def _key(name: str) -> str:
    return _NOT_ALNUM.sub("", name.lower())


class _Story:
    """What is known so far while reading one story."""

    def __init__(self) -> None:
        self.companies: dict[str, _Company] = {}
        self.seen: list[str] = []
        self._topic: Ref | None = None
        self.pending: list[Sentence] = []
        """Sentences without cues read since the topic was last set; their openings are checked lazily."""
        self.order = 0

    @property
    def topic(self) -> Ref | None:
        """The organisation "the company" means now: the latest one a sentence opened with or cut jobs."""
        while self.pending:
            sentence = self.pending.pop()
            known = [k for k in find_known(sentence.text[:80]) if k[2].role != "tracker"]
            found = _topic_from(sentence, known)
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
        org = ref.org or lookup(ref.name)
        if org:
            return org.name, org.parent
        head = find_known(ref.name)
        if head and head[0][0] == 0 and not head[0][2].role and head[0][2].listed:
            return head[0][2].name, head[0][2].parent  # "Sony Interactive Entertainment" is Sony's
        key = _key(ref.name)
        for seen in self.seen:
            if _key(seen) == key or seen.lower().startswith(ref.name.lower() + " "):
                return seen, None
        self.seen.append(ref.name)
        return ref.name, None

    def add(self, ref: Ref, job: Judged | None, pct: Judged | None, evidence: str, aside: bool = False) -> None:
        name, parent = self.canonical(ref)
        company = self.companies.setdefault(_key(name), _Company(name, parent))
        self.order += 1
        fig = job.fig if job else None
        company.mentions.append(_Mention(
            self.order, fig.value if fig else None, fig.kind if fig else "none", bool(job and job.subset),
            pct.fig.value if pct else None, bool(pct and pct.fig.share), bool(pct and pct.subset), evidence, aside,
        ))


def _pick(judged: list[Judged], cue, want_pct: bool, lo: int, hi: int) -> Judged | None:
    """The nearest unused figure of the wanted sort, on the side the cue's form points to.

    Figures are looked for between the neighbouring cues (lo, hi), so "X cut 10%, while Y laid off
    11,000" gives Y its own number.
    """
    right = [j for j in judged if not j.used and (j.pct if want_pct else j.job) and cue.end <= j.fig.start < hi
             and j.fig.start - cue.end <= (130 if want_pct else 110)]
    left = [j for j in judged if not j.used and (j.pct if want_pct else j.job) and lo <= j.fig.start
            and j.fig.end <= cue.start and cue.start - j.fig.end <= (130 if want_pct else 90)]
    sides = (right, left[::-1]) if cue.form == "active" else (left[::-1], right)
    for side in sides:
        if side:
            side[0].used = True
            return side[0]
    return None


def _resolve(text: str, pos: int, known: list[tuple[int, int, Org]], story: _Story) -> Ref | None:
    """What "the company" or "it" at `pos` refers to: an earlier employer in the sentence, else the topic."""
    before = [Ref(o.name, a, o) for a, b, o in known if b <= pos and not o.role]
    ref = before[-1] if before else None
    if ref is None and _IT_END.search(text, max(0, pos - 4), pos):
        m = NAME_AT_START.match(text)  # "Brava Telecom said it would cut": people are not "it"
        name = valid_name(m.group(1)) if m and _SPEAKER.match(text, m.end()) else None
        ref = Ref(name, m.start(1)) if name else None
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


def _topic_from(sentence: Sentence, known: list[tuple[int, int, Org]]) -> Ref | None:
    """A heading, or a sentence that opens with an organisation, sets what later anaphors mean."""
    text = sentence.text
    if known and text[:known[0][0]].strip() in ("", "The", "the") and not known[0][2].role:
        return Ref(known[0][2].name, known[0][0], known[0][2])
    m = NAME_AT_START.match(text)
    if m and " " not in m.group(1) and not sentence.heading and not _VERB_NEXT.match(text, m.end()):
        return None  # "Coffee chain to cut ...": one capitalised word then a noun is a description
    if m and (sentence.heading or _START_TOPIC.match(text, m.end())) and not _PLURAL_VERB.match(text, m.end()):
        name = valid_name(m.group(1))
        org = lookup(name) if name else None
        if name and not (org and org.role):
            return Ref(name, m.start(1), org)
    return None


def _title_case(sentence: Sentence) -> bool:
    """A headline where most words are capitalised."""
    if not sentence.title:
        return False
    words = [w for w in sentence.text.split() if w[:1].isalpha()]
    return len(words) > 2 and sum(w[0].isupper() for w in words) > 0.7 * len(words)


def _fold(company: _Company) -> Event:
    """One event from every mention of a company: the earliest firm figure wins, headline first."""
    ms = company.mentions
    numeric = [m for m in ms if m.value is not None]
    chosen = next((m for m in numeric if not m.subset and not m.aside),
                  next((m for m in numeric if not m.subset), numeric[0] if numeric else None))
    pcts = [m for m in ms if m.percent is not None]
    pct = next((m for m in pcts if not m.share and not m.pct_subset),
               next((m for m in pcts if not m.pct_subset), pcts[0] if pcts else None))
    percent = pct.percent if pct else None
    if chosen:
        headcount = round(chosen.value)
        same = [m for m in numeric if m.value == chosen.value]
        kind = "approx" if any(m.kind == "approx" for m in same) else chosen.kind
        evidence = chosen.evidence
    else:
        headcount = None
        if any(m.kind == "vague" for m in ms):
            kind = "vague"
        elif percent is not None:
            kind = "percent_only"
        else:
            kind = "none"
        evidence = (pct or ms[0]).evidence
    if percent is not None and percent == int(percent):
        percent = float(int(percent))
    return Event(company.name, company.parent, headcount, kind, percent, evidence)


def extract(title: str, summary: str = "", published: str | None = None) -> Extraction:
    """Tag one story. `summary` may hold HTML; `published` (ISO date) helps date earlier rounds."""
    sentences = split(title or "", summary or "")
    year = int(published[:4]) if published and published[:4].isdigit() else None
    story = _Story()
    valid_cue = title_valid = title_negated = confirmed = False
    for sentence in sentences:
        text = sentence.text
        cues, negated = find_cues(text)
        if not cues and not sentence.title:
            story.pending.append(sentence)  # it may only set the topic: look at it if a later cue needs it
            continue
        known = [k for k in find_known(text) if k[2].role != "tracker"]
        topic = _topic_from(sentence, known)
        if topic:
            story.topic = topic
        if sentence.title:
            title_valid, title_negated = bool(cues), negated
        if not cues:
            continue

        caps = _title_case(sentence)

        def org_at(start: int, end: int, anchored: bool = False, known_only: bool = False,
                   _t=text, _k=known, _caps=caps) -> str | None:
            ref = org_in_span(_t, _k, start, end, anchored)
            # In a Title Case headline every word looks like a name: only known organisations count.
            return ref.name if ref and (ref.org or not (_caps or known_only)) else None

        judged = judge_figures(text, year, org_at, [(c.start, c.end) for c in cues])
        for k, cue in enumerate(cues):
            lo = cues[k - 1].end if k else 0
            hi = cues[k + 1].start if k + 1 < len(cues) else len(text)
            if _history(text, cue.start, cue.end, year):
                continue
            valid_cue = True
            subject = find_subject(text, cue, known)
            if subject.aggregate:
                continue
            job, pct = _pick(judged, cue, False, lo, hi), _pick(judged, cue, True, lo, hi)
            refs = list(subject.refs)
            structural = bool(refs)
            if subject.anaphor is not None:
                ref = _resolve(text, subject.anaphor, known, story)
                refs = [ref] if ref else []
            if job and job.bound:
                bound = next((r for r in refs if r.name == job.bound), None)
                if bound is None:
                    story.add(Ref(job.bound, job.fig.start, lookup(job.bound)), job, None, text)
                    job = None
            if not refs and (job or pct) and not _AGG_CONTEXT.search(text):
                before = [Ref(o.name, a, o) for a, b, o in known if b <= cue.start and not o.role]
                refs = before[:1] or ([story.topic] if story.topic else [])
            if (job or pct) and not confirmed and _CONFIRM.search(text):
                confirmed = True
            for ref in refs:
                org = ref.org or lookup(ref.name)
                if org and org.role and not structural:
                    continue
                shared = len(refs) == 1 or (job is not None and job.fig.value is None)
                story.add(ref, job if shared else None, pct if len(refs) == 1 else None, text, subject.relative)
            if refs and not (refs[-1].org and refs[-1].org.role):
                story.topic = refs[-1]
        if sentence.title and story.topic is None and known:
            first = next((k for k in known if not k[2].role), None)
            if first:
                story.topic = Ref(first[2].name, first[0], first[2])
    title_negative = (negative_title(title or "") or title_negated) and not title_valid
    if title_negative and not confirmed:
        return Extraction(False, ())
    events = tuple(_fold(c) for c in story.companies.values())
    return Extraction(valid_cue or bool(events), events)
