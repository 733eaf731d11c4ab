"""Relations between the organisations of one story: one company under two names, a unit and its parent.

Applied to the events after every sentence is read, so each rule sees the whole story: "X, which
operates Y" makes two names one company; "Y, the wind unit of X" and a parent credited with its
unit's own figure give the cut to the unit; a longer name of a cutting company is a unit only with
a figure of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tui.extract.companies import clean_name, lookup
from tui.extract.model import Event

_NAME = r"[A-Z0-9][\w&.'-]*(?:\s+[A-Z0-9][\w&.'-]*)*"
_OPERATOR_OF = re.compile(
    rf"({_NAME}),\s+(?:which|that)\s+(?:operates|owns|runs|trades as|does business as|is the parent of|"
    rf"is the owner of|is the operator of)\s+({_NAME})"
)
_PARENT_NAMED = re.compile(rf"({_NAME})(?:'s)?\s+(?:parent|parent company|owner|operator),?\s+({_NAME})")
"""'ShareChat parent Mohalla Tech', "Paytm's parent One97": the brand and its owner, one company here."""
_UNIT_OF = re.compile(
    rf"({_NAME}),\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){{0,4}}?(?:unit|subsidiary|division|arm|business|affiliate)\s+"
    rf"of\s+({_NAME})"
)

_OPERATOR_KEY = re.compile(
    r",\s+(?:which|that)\s+(?:operates|owns|runs|trades as|does business as|is the parent of|"
    r"is the owner of|is the operator of)\s+[A-Z0-9]"
)
"""The middle of every _OPERATOR_OF match."""
_PARENT_KEY = re.compile(r"\s(?:parent|parent company|owner|operator),?\s+[A-Z0-9]")
"""The middle of every _PARENT_NAMED match."""
_UNIT_WORDS = ("unit", "subsidiary", "division", "arm", "business", "affiliate")
_UNIT_OF_KEY = re.compile(r"(?:unit|subsidiary|division|arm|business|affiliate)\s+of\s")


def relate(events: tuple[Event, ...], text: str) -> tuple[Event, ...]:
    """Relations the story states between two organisations that both cut.

    "One97 Communications, which operates Paytm," makes the two names one company (a known name, else
    the first named, is kept; two known organisations stay apart); "Siemens Gamesa, the wind turbine unit of Siemens Energy, will cut 4,100" makes the
    parent's same figure (from "Siemens Energy to cut 4,100 jobs at wind unit") the unit's event.
    """
    if "," not in text:
        return events
    # Each relation needs its keyword: look for those first, the costly name patterns only where one is.
    operator = _OPERATOR_KEY.search(text) is not None
    parent_named = ("parent" in text or "owner" in text or "operator" in text) and _PARENT_KEY.search(
        text
    ) is not None
    unit_of = any(word in text for word in _UNIT_WORDS) and _UNIT_OF_KEY.search(text) is not None
    if not (operator or parent_named or unit_of):
        return events
    out = list(events)

    def find(name: str) -> int | None:
        org = lookup(name)
        target = org.name if org else clean_name(name)
        return next((i for i, e in enumerate(out) if e.company == target), None)

    operators = _OPERATOR_OF.finditer(text) if operator else ()
    for m in (*operators, *(_PARENT_NAMED.finditer(text) if parent_named else ())):
        a, b = find(m.group(1)), find(m.group(2))
        known_a, known_b = lookup(m.group(1)) is not None, lookup(m.group(2)) is not None
        if a is None or b is None or a == b or (known_a and known_b):
            continue
        keep, drop = (a, b) if known_a else (b, a) if known_b else sorted((a, b))
        first, other = out[keep], out[drop]
        out[keep] = replace(
            first,
            headcount=first.headcount if first.headcount is not None else other.headcount,
            headcount_kind=first.headcount_kind if first.headcount is not None else other.headcount_kind,
            percent=first.percent if first.percent is not None else other.percent,
        )
        del out[drop]
    for m in _UNIT_OF.finditer(text) if unit_of else ():
        unit, parent = find(m.group(1)), find(m.group(2))
        if unit is None or parent is None or unit == parent:
            continue
        u, p = out[unit], out[parent]
        if (
            p.headcount is None
            and p.percent is None
            or (p.headcount is not None and p.headcount == u.headcount)
        ):
            out[unit] = replace(u, parent=u.parent or p.company)
            del out[parent]
    return tuple(out)


def drop_parent_echoes(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """A parent credited with exactly its unit's figure is the same cut told twice.

    "PlayStation maker Sony cuts 900 jobs" over "Sony Interactive Entertainment will cut about 900"
    is one event, the unit's (parent Sony); counting both would double the headcount under Sony.
    Likewise a parent named with no figure at all beside its unit's figure ("Amazon to cut 500 jobs at
    Twitch"). Different figures ("Twitch 500 amid Amazon's 9,000") or vague ones stay separate events.
    """
    echoed = {e.parent for e in events if e.parent and e.headcount is not None}
    if not echoed:
        return events
    unit_counts = {(e.parent, e.headcount) for e in events if e.parent and e.headcount is not None}

    def echo(e: Event) -> bool:
        if e.company not in echoed:
            return False
        bare = e.headcount is None and e.percent is None and e.headcount_kind == "none"
        return bare or (e.company, e.headcount) in unit_counts

    hedged = {(e.company, e.headcount) for e in events if echo(e) and e.headcount_kind == "approx"}
    return tuple(
        replace(e, headcount_kind="approx")
        if (e.parent, e.headcount) in hedged and e.headcount_kind == "exact"
        else e
        for e in events
        if not echo(e)
    )


def merge_units(events: list[Event]) -> tuple[Event, ...]:
    """A longer name of a cutting company ("Acme Widgets Europe" beside "Acme") is a unit only with its own figure."""
    if len(events) < 2 or not any(e.parent for e in events):
        return tuple(events)
    by_name = {e.company: e for e in events}
    out = []
    for e in events:
        parent = by_name.get(e.parent) if e.parent else None
        if (
            parent is not None
            and e.company.startswith(e.parent + " ")
            and lookup(e.company) is None
            and (e.headcount, e.percent) in ((None, None), (parent.headcount, parent.percent))
        ):
            continue
        out.append(e)
    return tuple(out)


_ACRONYM = re.compile(r"[A-Z]{2,5}")
_CAMEL_PART = re.compile(r"[A-Z][a-z]+")
_CAMEL_PARTS = re.compile(r"(?:[A-Z][a-z]+){2,4}")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _same_name(short: str, long: str) -> bool:
    """`short` is `long` written shorter: its first or last words ("ZF" / "ZF Friedrichshafen",
    "Lufthansa" / "Deutsche Lufthansa"), or its initials ("JLR" / "Jaguar Land Rover")."""
    s, w = short.split(), long.split()
    if len(s) < len(w) and (w[: len(s)] == s or w[-len(s) :] == s):
        return True
    if len(s) == 1 and _CAMEL_PARTS.fullmatch(short):
        parts = _CAMEL_PART.findall(short)
        if len(parts) == len(w) and all(word.startswith(part) for part, word in zip(parts, w, strict=True)):
            return True  # "SingPost" / "Singapore Post", "FedEx" / "Federal Express"
    return bool(_ACRONYM.fullmatch(short)) and len(w) >= 2 and _initials(long) == short


def _bare(event: Event) -> bool:
    """An event with no figure at all: a name written once more, nothing said about how many."""
    return event.headcount is None and event.percent is None and event.headcount_kind == "none"


def merge_variants(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """One company written two ways in one story, each with the same cut, is one event.

    A headline's short form and the body's full name ("JLR" and "Jaguar Land Rover", "Lufthansa" and
    "Deutsche Lufthansa") give the same figure; a unit with a figure of its own ("Amazon Web Services"
    beside Amazon's 9,000) differs in its figure, or is a known organisation, and stays apart. The known
    name is kept, else the full name for initials, else the shorter; a hedged kind ("up to") wins over
    the same number stated flat (headlines drop hedges).
    """
    if len(events) < 2:
        return events
    out = list(events)
    i = 0
    while i < len(out):
        merged = False
        for j in range(len(out)):
            a, b = out[i], out[j]
            if i == j or a.parent or b.parent or not _same_name(a.company, b.company):
                continue
            same_count = a.headcount is not None and a.headcount == b.headcount
            same_share = a.headcount is None and b.headcount is None and a.percent is not None
            bare = _bare(a) or _bare(b)
            if not (same_count or (same_share and a.percent == b.percent) or bare):
                continue
            known_a, known_b = lookup(a.company), lookup(b.company)
            if known_a and known_b:
                continue
            initials = len(a.company.split()) == 1 and _initials(b.company) == a.company
            keep, other = (b, a) if known_b or (initials and not known_a) else (a, b)
            if bare and not (known_a or known_b):
                # "Sussex redundancies", then "The University of Sussex ... about 300": the full name, the figure
                full, short = (a, b) if len(a.company) > len(b.company) else (b, a)
                figures = short if _bare(full) else full
                keep, other = (
                    replace(
                        full,
                        headcount=figures.headcount,
                        headcount_kind=figures.headcount_kind,
                        percent=figures.percent,
                        evidence=figures.evidence,
                    ),
                    short,
                )
            kind = keep.headcount_kind
            if "approx" in (a.headcount_kind, b.headcount_kind):
                kind = "approx"
            out[i] = replace(
                keep,
                headcount_kind=kind,
                percent=keep.percent if keep.percent is not None else other.percent,
            )
            del out[j]
            merged = True
            break
        if not merged:
            i += 1
    return tuple(out)
