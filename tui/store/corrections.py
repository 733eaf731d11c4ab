"""Manual corrections of the extractor's tags, and ``retag`` which must never undo them.

A manual event is stored with ``source = 'manual'``; removing an automatic event records the
company in ``event_removals`` so the next ``retag`` does not bring it back; a manual verdict on
the whole story lives in ``articles.layoff_manual`` (1 layoff, 0 not a layoff, NULL the extractor's).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlite_utils

from tui.errors import LayoffsError
from tui.store.cuts import rebuild_cuts, update_cuts
from tui.store.db import write_transaction
from tui.store.tags import ExtractionLike, Tagger, apply_tags, default_tagger

log = logging.getLogger(__name__)

HEADCOUNT_KINDS = ("exact", "approx", "vague", "percent_only", "none")
MAX_HEADCOUNT = 10_000_000
"""More than any employer has: a typo, refused rather than stored."""


class CorrectionError(LayoffsError):
    """A correction names an article or event that does not exist, or a value that makes no sense."""


def _article_month(db: sqlite_utils.Database, article_id: int) -> str:
    row = db.execute("SELECT month FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise CorrectionError(f"no article with id {article_id}; `layoffs-tui export --all` lists the ids")
    return row[0]


def _kind_for(headcount: int | None, percent: float | None, kind: str | None) -> str:
    if kind is not None:
        if kind not in HEADCOUNT_KINDS:
            raise CorrectionError(f"headcount kind must be one of {', '.join(HEADCOUNT_KINDS)}, not {kind!r}")
        return kind
    if headcount is not None:
        return "exact"
    return "percent_only" if percent is not None else "none"


def _check_figures(headcount: int | None, percent: float | None) -> None:
    if headcount is not None and headcount < 0:
        raise CorrectionError(f"headcount must be zero or more, not {headcount}")
    if headcount is not None and headcount > MAX_HEADCOUNT:
        raise CorrectionError(f"headcount {headcount:,} is more than any employer has; check the figure")
    if percent is not None and not 0 < percent <= 100:
        raise CorrectionError(f"percent must be between 0 and 100, not {percent}")


def add_manual_event(db: sqlite_utils.Database, article_id: int, company: str, headcount: int | None = None,
                     percent: float | None = None, parent: str | None = None,
                     headcount_kind: str | None = None) -> int:
    """Tag the article with a company cutting jobs; the story becomes a layoff story. Returns the event id.

    An event for the same company (automatic or manual) is replaced, so adding twice edits.
    """
    company = company.strip()
    if not company:
        raise CorrectionError("a company name is needed")
    _check_figures(headcount, percent)
    kind = _kind_for(headcount, percent, headcount_kind)
    with write_transaction(db):
        month = _article_month(db, article_id)
        db.execute("DELETE FROM events WHERE article_id = ? AND company = ? COLLATE NOCASE", [article_id, company])
        db.execute("DELETE FROM event_removals WHERE article_id = ? AND company = ? COLLATE NOCASE",
                   [article_id, company])
        cursor = db.execute(
            "INSERT INTO events (article_id, company, parent, headcount, headcount_kind, percent, evidence, "
            "source, month) VALUES (?, ?, ?, ?, ?, ?, 'added by hand', 'manual', ?)",
            [article_id, company, parent, headcount, kind, percent, month])
        db.execute("UPDATE articles SET layoff_manual = 1, layoff = 1 WHERE id = ?", [article_id])
        update_cuts(db)
        return int(cursor.lastrowid)


def edit_event(db: sqlite_utils.Database, event_id: int, *, company: str | None = None,
               headcount: int | None = None, percent: float | None = None,
               headcount_kind: str | None = None) -> None:
    """Change an event's figures or company; it becomes manual so ``retag`` keeps the edit."""
    _check_figures(headcount, percent)
    with write_transaction(db):
        row = db.execute("SELECT article_id, company, source FROM events WHERE id = ?", [event_id]).fetchone()
        if row is None:
            raise CorrectionError(f"no event with id {event_id}")
        article_id, old_company, source = row
        new_company = (company or old_company).strip()
        if source == "auto":
            # Keep retag from re-adding the automatic version beside the edited one.
            db.execute("INSERT OR IGNORE INTO event_removals (article_id, company) VALUES (?, ?)",
                       [article_id, old_company])
        db.execute(
            "UPDATE events SET company = ?, headcount = ?, percent = ?, headcount_kind = ?, source = 'manual' "
            "WHERE id = ?",
            [new_company, headcount, percent, _kind_for(headcount, percent, headcount_kind), event_id])
        update_cuts(db)


def story_companies(db: sqlite_utils.Database, article_id: int) -> list[str]:
    """The companies the story is tagged with now, in the order they were found."""
    return [row[0] for row in db.execute(
        "SELECT company FROM events WHERE article_id = ? GROUP BY company ORDER BY min(id)", [article_id])]


def remove_company(db: sqlite_utils.Database, article_id: int, company: str, *other_names: str) -> list[str]:
    """Remove the company's events from the article and keep ``retag`` from adding them again; returns
    the names removed, as they were stored.

    ``other_names`` are other spellings to try (what the user typed beside its canonical form). A
    company the story is not tagged with is a ``CorrectionError`` that lists the companies it has,
    so a typo never passes as done.
    """
    wanted = {name.strip().casefold() for name in (company, *other_names) if name.strip()}
    with write_transaction(db):
        _article_month(db, article_id)
        present = story_companies(db, article_id)
        matched = [name for name in present if name.casefold() in wanted]
        if not matched:
            tagged = f"its companies: {', '.join(present)}" if present else "it has no companies tagged"
            raise CorrectionError(f"article {article_id} has no event for {company.strip()!r}; {tagged}")
        for name in matched:
            db.execute("DELETE FROM events WHERE article_id = ? AND company = ?", [article_id, name])
            db.execute("INSERT OR IGNORE INTO event_removals (article_id, company) VALUES (?, ?)",
                       [article_id, name])
        update_cuts(db)
        return matched


def set_not_layoff(db: sqlite_utils.Database, article_id: int, value: bool = True,
                   tagger: Tagger | None = None) -> None:
    """Mark the story as not a layoff story (its automatic events go), or undo that mark.

    Undoing runs the extractor (``tagger``, default the installed one) over the story again, so its
    automatic companies come back at once rather than at the next ``retag``; the manual removals and
    manual events it holds still win.
    """
    if value:
        with write_transaction(db):
            _article_month(db, article_id)
            db.execute("DELETE FROM events WHERE article_id = ? AND source = 'auto'", [article_id])
            db.execute("UPDATE articles SET layoff_manual = 0, layoff = 0 WHERE id = ?", [article_id])
            update_cuts(db)
        return
    extraction = _extract_again(db, article_id, tagger or default_tagger())
    with write_transaction(db):
        month = _article_month(db, article_id)
        db.execute("UPDATE articles SET layoff_manual = NULL, layoff = layoff_auto WHERE id = ?", [article_id])
        if extraction is not None:
            apply_tags(db, article_id, extraction, month)
        update_cuts(db)


def _extract_again(db: sqlite_utils.Database, article_id: int, tagger: Tagger) -> ExtractionLike | None:
    """The extractor's answer for one stored article (outside any transaction: it may take a while);
    None when the article is gone (the caller says so) or the extractor fails on it (the verdict is
    still restored, and ``retag`` can try again)."""
    row = db.execute("SELECT title, summary_html, text, published FROM articles WHERE id = ?",
                     [article_id]).fetchone()
    if row is None:
        return None
    title, summary_html, text, published = row
    try:
        return tagger(title, summary_html or text, published)
    except Exception:  # one story the extractor cannot read must not block the undo
        log.exception("the extractor failed on article %s; its tags come back at the next retag", article_id)
        return None


@dataclass
class RetagCounts:
    """What a retag changed, for the command's summary."""

    articles: int = 0
    layoffs: int = 0
    events: int = 0
    failed: list[int] = field(default_factory=list)
    """Ids of articles the extractor failed on; they keep the tags they had."""
    cuts: int = 0
    """Cuts after the rebuild that ends every retag."""


RETAG_BATCH = 500


def retag_all(db: sqlite_utils.Database, tagger: Tagger, version: str | None = None,
              progress: Callable[[int, int], None] | None = None) -> RetagCounts:
    """Run the extractor over every stored article; manual corrections survive.

    Batches of a few hundred articles per transaction keep the write lock short, so a poll or the
    app can write in between.
    """
    counts = RetagCounts()
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    last_id = 0
    while True:
        batch = db.execute(
            "SELECT id, title, summary_html, text, published, month FROM articles WHERE id > ? ORDER BY id "
            "LIMIT ?", [last_id, RETAG_BATCH]).fetchall()
        if not batch:
            break
        with write_transaction(db):
            for article_id, title, summary_html, text, published, month in batch:
                counts.articles += 1
                try:
                    extraction = tagger(title, summary_html or text, published)
                except Exception:  # noqa: BLE001 - one story the extractor cannot read must not stop a retag
                    counts.failed.append(article_id)
                    continue
                if apply_tags(db, article_id, extraction, month, version):
                    counts.layoffs += 1
        last_id = batch[-1][0]
        if progress is not None:
            progress(counts.articles, total)
    counts.events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    counts.cuts = rebuild_cuts(db)
    return counts
