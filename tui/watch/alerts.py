"""Alerts: a new cut of a watched company, or a new figure for one, once each.

``take_alerts`` is called after a poll (``layoffs-tui poll``; the app after its own) and returns the
alerts as plain records. What was alerted is kept in the database (``tui.store.alerts``), so a second
poll, another process or an app restart does not repeat an alert; a cut alerts again only when its
figure changes. A cut is *new* when its id is above the newest the previous check saw; a watched cut
stored before that (the company was watched later) is recorded silently, and alerts when its figure
changes from then on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import sqlite_utils

from tui.store.alerts import (
    CutState,
    alert_mark,
    newest_cut_id,
    record_cuts,
    set_alert_mark,
    unrecorded_cuts,
    vague_evidence,
)
from tui.store.cut_queries import get_cut
from tui.store.db import open_db, write_transaction
from tui.store.watch import cut_companies
from tui.timeutil import to_iso, utcnow
from tui.watch.names import WatchedCompany, resolve
from tui.watch.wording import figure_words, vague_words

JSON_FIELDS = (
    "company",
    "parent",
    "headcount",
    "headcount_kind",
    "percent",
    "sources",
    "announced",
    "month",
    "cut_id",
    "first_url",
)
"""The cut's fields an ``alert_command`` receives (README "Watchlist"), besides ``message`` and ``change``."""


@dataclass(frozen=True)
class Alert:
    """One cut of a watched company that is new, or whose figure changed, since the last check."""

    cut_id: int
    company: str
    parent: str | None
    headcount: int | None
    headcount_kind: str
    percent: float | int | None
    sources: int
    announced: str
    """The first story's published date, ISO 8601 UTC."""
    month: str
    first_url: str | None
    figure: str
    """The figure in words: "about 15,000 jobs"."""
    change: Literal["new", "figure"]
    previous: str | None = None
    """For a changed figure, the one alerted (or first seen) before, in words."""

    @property
    def message(self) -> str:
        """ "Intel: about 15,000 jobs, 3 sources"; a unit names its parent; a new figure says the old one."""
        name = f"{self.company} ({self.parent})" if self.parent else self.company
        sources = f"{self.sources} {'source' if self.sources == 1 else 'sources'}"
        was = f" (was {self.previous})" if self.previous else ""
        return f"{name}: {self.figure}, {sources}{was}"

    def as_json(self) -> dict[str, Any]:
        """What ``alert_command`` gets on stdin: the cut's fields, the message and the kind of change."""
        return {name: getattr(self, name) for name in JSON_FIELDS} | {
            "message": self.message,
            "change": self.change,
        }


def _watched_cuts(db: sqlite_utils.Database, watched: Sequence[WatchedCompany]) -> list[CutState]:
    """The watched companies' cuts never recorded or with a figure other than the recorded one."""

    def covered(company: str, parent: str | None) -> bool:
        return any(entry.covers(company, parent) for entry in watched)

    companies = {company for company, parent, _ in cut_companies(db) if covered(company, parent)}
    return [state for state in unrecorded_cuts(db, companies) if covered(state.company, state.parent)]


def _alert(db: sqlite_utils.Database, state: CutState) -> Alert | None:
    cut = get_cut(db, state.cut_id)
    if cut is None:  # pragma: no cover - read in the same transaction that found it
        return None
    kinds = {state.figure.headcount_kind, state.recorded.headcount_kind if state.recorded else None}
    vague = vague_words(vague_evidence(db, cut.cut_id)) if "vague" in kinds else None
    previous = figure_words(state.recorded, vague) if state.recorded is not None else None
    return Alert(
        cut_id=cut.cut_id,
        company=cut.company,
        parent=cut.parent,
        headcount=cut.headcount,
        headcount_kind=cut.headcount_kind,
        percent=cut.percent,
        sources=cut.sources,
        announced=cut.announced,
        month=cut.month,
        first_url=cut.first_url,
        figure=figure_words(state.figure, vague),
        change="figure" if state.recorded is not None else "new",
        previous=previous,
    )


def take_alerts(
    db: sqlite_utils.Database, companies: Sequence[str], *, now: Callable[[], datetime] = utcnow
) -> list[Alert]:
    """The alerts for the watched ``companies`` since the last check, oldest cut first, recorded as given.

    One write transaction: two processes polling at once (cron and the app) never give one alert twice.
    Call it after every poll, even with nothing watched, so the mark keeps up with the store.
    """
    watched = [resolve(name) for name in companies if name.strip()]
    with write_transaction(db):
        mark, newest = alert_mark(db), newest_cut_id(db)
        states = _watched_cuts(db, watched) if watched else []
        given = [state for state in states if state.recorded is not None or state.cut_id > mark]
        given_ids = {state.cut_id for state in given}
        record_cuts(db, [(state, state.cut_id in given_ids) for state in states], to_iso(now()))
        if newest != mark:
            set_alert_mark(db, newest)
        alerts = [alert for state in given if (alert := _alert(db, state)) is not None]
    return sorted(alerts, key=lambda alert: (alert.announced, alert.cut_id))


def alerts_after_poll(db_path: Path, companies: Sequence[str]) -> list[Alert]:
    """``take_alerts`` on a connection of its own, opened and closed here: what ``layoffs-tui poll`` calls
    after its poll, and what the app calls in a thread worker after its own (one connection per thread)."""
    db = open_db(db_path)
    try:
        return take_alerts(db, companies)
    finally:
        db.close()
