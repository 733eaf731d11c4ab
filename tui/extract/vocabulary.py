"""The extractor's words, each list written once: hedges, job nouns, share words.

Every rule that reads "about 1,000 jobs" or "nearly a fifth of its staff" builds its pattern from
these lists, so a hedge added here is understood by the cue finder, the figure judge, the subject
walker and the bracket reader alike (they had drifted apart when each module kept its own copy).
"""

from __future__ import annotations

__all__ = [
    "CUT_VERBS",
    "EFFECT_VERBS",
    "HEDGES",
    "HEDGE_ALTERNATION",
    "HEDGE_WORDS",
    "JOB_NOUNS",
    "SHARE_WORDS",
    "hedge_alternation",
]

HEDGES: tuple[str, ...] = (
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "under",
    "circa",
    "estimated",
    "an estimated",
    "more than",
    "up to",
    "close to",
    "at least",
    "upwards of",
    "just over",
    "just under",
    "fewer than",
    "less than",
    "north of",
    "well over",
    "nearly all",
    "as many as",
    "in excess of",
    "a little over",
    "a little under",
)
"""Words before a figure that make it approximate ("about 1,000", "more than 500", "up to 40%")."""

HEDGE_WORDS: frozenset[str] = frozenset(word for hedge in HEDGES for word in hedge.split())
"""Every word that occurs in a hedge: skipped when walking back from a cue to its subject."""

JOB_NOUNS = (
    r"jobs?|employees?|workers?|staff(?:ers)?|staff members|people|persons|positions?|roles?|posts?|"
    r"layoffs?|lay-?offs?|job cuts?|personnel|professionals|techies|engineers|headcount|workforces?|"
    r"work ?force|team members|associates|hires|employment|payrolls?|redundanc(?:y|ies)|trainees|pilots|"
    r"cabin crew|crew|nurses|teachers|journalists|reporters|editors|drivers|agents|managers|executives|"
    r"officers|doctors|miners|technicians|programmers|developers|designers|consultants|bankers|traders|"
    r"clerks|cashiers|faculty|civil servants|individuals"
)
"""Words for the people or posts cut, as a regex alternation (every branch opens with a small letter)."""

CUT_VERBS = (
    r"cut(?:s|ting)?|slash(?:es|ed|ing)?|ax(?:e|es|ed|ing)|trim(?:s|med|ming)?|shed(?:s|ding)?|"
    r"eliminat(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|fir(?:e|es|ed|ing)|sack(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|"
    r"retrench(?:es|ed|ing)?|furlough(?:s|ed|ing)?|let(?:s|ting)?\s+go"
)
"""Verbs that cut jobs when a count of jobs is their object ("cut 500 jobs", "let go 40 staff"), as a regex
alternation; lay off and its forms are phrases of their own (the cue finder's intrinsic cues)."""

EFFECT_VERBS = ("affect", "impact", "represent", "amount", "equat", "account", "result", "lead", "led")
"""Openings of the cue words that state an effect on jobs ("will affect 500 jobs", "result in 2,500 job
losses", "represent 8% of the workforce"): cues only with a count or share of staff after them, and
their subject is a decision or a closure, so only a known organisation before them is the employer."""

SHARE_WORDS = r"(?:a|one)[\s-](?:half|third|quarter|fifth|sixth|tenth|eighth)|half"
"""A share in words ("a fifth", "half"), as a regex alternation."""


def hedge_alternation(hedges: tuple[str, ...] = HEDGES) -> str:
    """The hedges as one regex alternation, longest first (so "more than" wins over "more"), spaces flexible."""
    ordered = sorted(hedges, key=len, reverse=True)
    return "|".join(h.replace(" ", r"\s+") for h in ordered)


HEDGE_ALTERNATION = hedge_alternation()
"""HEDGES as a regex alternation: "(?:(?:HEDGE_ALTERNATION)\\s+)?" reads an optional hedge."""
