"""The read queries the app asks: facets, a page of rows, one article, the feed list, read/star marks.

Every query is built on ``filters.where()`` so the panes, the table and the export agree on what a
filter means, and every query that can grow with the data carries a LIMIT: the UI pages, it never
loads a whole table. The functions take a ``sqlite_utils.Database`` opened by the caller's thread
(connections are not shared between threads) and return plain frozen records, so the UI holds no SQL.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlite_utils

from tui.config import Config
from tui.store.counting import count_articles, counted_conditions, has_search
from tui.store.db import open_db, write_transaction
from tui.store.feeds import FeedStatus, PollOutcome, feed_statuses
from tui.store.filters import Filter, where
from tui.store.search import search_rows
from tui.wording import vague_magnitude

PAGE_SIZE = 200
"""Rows per page of the article table; the table asks for the next page near its end."""


_local = threading.local()


def thread_db(path: Path | str) -> sqlite_utils.Database:
    """This thread's own connection to ``path``, opened once and reused.

    The app's thread workers run on a small pool of reused threads; a connection per (thread, path)
    saves reopening for every query while never sharing a connection between threads.
    """
    cache: dict[str, sqlite_utils.Database] | None = getattr(_local, "dbs", None)
    if cache is None:
        cache = _local.dbs = {}
    key = str(path)
    db = cache.get(key)
    if db is None:
        db = cache[key] = open_db(path)
    return db


@dataclass(frozen=True)
class EventRow:
    """One layoff event as the reader shows it."""

    id: int
    company: str
    parent: str | None
    headcount: int | None
    headcount_kind: str
    percent: float | None
    evidence: str
    source: str


@dataclass(frozen=True)
class StoryFigure:
    """What a row's Jobs cell reports, before the UI words it ("1,200", "~1,000", "10%", "hundreds"):
    the known headcounts summed, failing that the largest percent, failing that a vague figure."""

    headcount: int | None = None
    approx: bool = False
    """Any of the summed headcounts is approximate."""
    percent: float | None = None
    vague: str | None = None
    """A vague figure's magnitude ("hundreds", "dozens"), "" when it states none; None: no vague figure."""


@dataclass(frozen=True)
class ArticleRow:
    """One row of the article table."""

    id: int
    published: str
    title: str
    feed: str
    is_read: bool
    starred: bool
    layoff: bool
    companies: tuple[str, ...]
    """The story's companies; the first is the one ``figure`` is about (the filtered one, if any)."""
    figure: StoryFigure
    """The first company's figure (display is the UI's: ``tui.ui.figures``)."""
    published_known: bool = True
    """False when the feed gave no date: ``published`` is then the time we fetched it."""


@dataclass(frozen=True)
class ArticlePage:
    """A page of rows and how many rows the filter matches in all."""

    rows: tuple[ArticleRow, ...]
    total: int
    offset: int
    counted: bool = True
    """False when ``total`` was not counted (only what is known: the rows so far, +1 if more may follow)."""


@dataclass(frozen=True)
class ArticleDetail:
    """Everything the reader pane shows about one article."""

    id: int
    title: str
    feed: str
    published: str
    link: str | None
    author: str | None
    text: str
    is_read: bool
    starred: bool
    layoff: bool
    layoff_manual: int | None
    events: tuple[EventRow, ...] = field(default=())
    published_known: bool = True
    """False when the feed gave no date: ``published`` is then the time we fetched it."""


@dataclass(frozen=True)
class FeedRow:
    """A feed as the feeds screen lists it: what the config says and what the last poll did."""

    url: str
    name: str
    enabled: bool
    last_polled_at: str | None
    last_status: str | None
    last_error: str | None
    http_status: int | None
    articles: int
    feed_id: int | None = None
    """The ``feeds`` row id (None before the feed's first poll), for a feed filter."""


def story_figure(events: Sequence[tuple[int | None, str, float | None, str]]) -> StoryFigure:
    """The Jobs cell's figure from (headcount, kind, percent, evidence) of one company's events in a story.

    Known headcounts are summed (approximate when any is); failing that, a percent; failing that, the
    magnitude a vague figure's evidence states ("hundreds"), so the cell says what the story says.
    """
    known = [(count, kind) for count, kind, _, _ in events if count is not None]
    if known:
        approx = any(kind == "approx" for _, kind in known)
        return StoryFigure(sum(count for count, _ in known), approx=approx)
    percents = [percent for _, _, percent, _ in events if percent is not None]
    if percents:
        return StoryFigure(percent=max(percents))
    for _, kind, _, evidence in events:
        if kind == "vague":
            return StoryFigure(vague=vague_magnitude(evidence) or "")
    return StoryFigure()


_ROW_COLUMNS = (
    "a.id, a.published, a.title, coalesce(f.name, ''), a.is_read, a.starred, a.layoff, a.published_known"
)


def _page_rows(db: sqlite_utils.Database, flt: Filter, offset: int, limit: int) -> list[tuple]:
    """The rows of one page, newest first, each from the index that gives them in that order: the
    search key's for a search, ``story_companies``' for one company, the articles' own otherwise."""
    if has_search(flt):
        return search_rows(db, flt, _ROW_COLUMNS, offset=offset, limit=limit)
    if len(flt.companies) == 1:
        clause, params = where(flt, skip="companies")
        # story_companies repeats each story's verdict and month, so its index finds a company's stories
        # of a month without visiting its other months (the articles' own conditions still hold).
        narrowing, narrowing_params = counted_conditions(flt, "c.")
        return db.execute(
            f"SELECT DISTINCT {_ROW_COLUMNS} FROM story_companies c "
            f"CROSS JOIN articles a ON a.id = c.article_id LEFT JOIN feeds f ON f.id = a.feed_id "
            f"WHERE c.name = ? AND {narrowing} AND {clause} ORDER BY c.published DESC, c.article_id DESC "
            f"LIMIT ? OFFSET ?",
            [flt.companies[0], *narrowing_params, *params, limit, offset],
        ).fetchall()
    clause, params = where(flt)
    return db.execute(
        f"SELECT {_ROW_COLUMNS} FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id WHERE {clause} "
        f"ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()


def article_page(
    db: sqlite_utils.Database,
    flt: Filter,
    *,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    with_total: bool = True,
) -> ArticlePage:
    """One page of the table, newest first; the companies and headcount of each row in one more query.

    Without ``with_total`` nothing is counted (the app counts in the background, with the panes):
    ``total`` is then the rows so far, plus one when the page is full and more may follow.
    """
    rows = _page_rows(db, flt, offset, limit)
    events: dict[int, list[tuple]] = {}
    ids = [row[0] for row in rows]
    if ids:
        marks = ", ".join("?" for _ in ids)
        chosen = set(flt.companies)
        for article_id, company, parent, count, kind, percent, evidence in db.execute(
            f"SELECT article_id, company, parent, headcount, headcount_kind, percent, evidence FROM events "
            f"WHERE article_id IN ({marks}) ORDER BY id",
            ids,
        ):
            mine = not chosen or company in chosen or parent in chosen
            events.setdefault(article_id, []).append((company, count, kind, percent, evidence, mine))
    page = []
    for article_id, published, title, feed, is_read, starred, layoff, known in rows:
        companies, figure = _lead_company(events.get(article_id, []))
        page.append(
            ArticleRow(
                article_id, published, title, feed, bool(is_read), bool(starred), bool(layoff), companies, figure,
                bool(known),
            )
        )
    if with_total:
        return ArticlePage(tuple(page), count_articles(db, flt), offset)
    more = 1 if len(page) == limit else 0
    return ArticlePage(tuple(page), offset + len(page) + more, offset, counted=False)


def _lead_company(story: list[tuple]) -> tuple[tuple[str, ...], StoryFigure]:
    """A row's companies, the one its Jobs cell speaks for first, and that company's figure.

    ``story`` holds (company, headcount, kind, percent, evidence, chosen) per event. The lead is a
    chosen company when a company filter is on (a round-up filtered by Acme shows Acme's figure beside
    Acme's name), else the first company with a number, else the first. The cell never sums
    different companies' cuts into one figure.
    """
    if not story:
        return (), StoryFigure()
    candidates = [event for event in story if event[5]] or story
    lead = next((e for e in candidates if e[1] is not None or e[3] is not None), None) or next(
        (e for e in candidates if e[2] == "vague"), candidates[0]
    )
    companies = tuple(dict.fromkeys([lead[0], *(event[0] for event in story)]))
    figure = story_figure([event[1:5] for event in story if event[0] == lead[0]])
    return companies, figure


def article_detail(db: sqlite_utils.Database, article_id: int) -> ArticleDetail | None:
    """One article with its events, or None when it is gone (a feed removed meanwhile)."""
    row = db.execute(
        "SELECT a.id, a.title, coalesce(f.name, ''), a.published, a.link, a.author, a.text, a.is_read, "
        "a.starred, a.layoff, a.layoff_manual, a.published_known FROM articles a "
        "LEFT JOIN feeds f ON f.id = a.feed_id "
        "WHERE a.id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    events = tuple(
        EventRow(*event)
        for event in db.execute(
            "SELECT id, company, parent, headcount, headcount_kind, percent, evidence, source FROM events "
            "WHERE article_id = ? ORDER BY id LIMIT 100",
            [article_id],
        )
    )
    (id_, title, feed, published, link, author, text, is_read, starred, layoff, manual, known) = row
    return ArticleDetail(
        id_,
        title,
        feed,
        published,
        link,
        author,
        text,
        bool(is_read),
        bool(starred),
        bool(layoff),
        manual,
        events,
        bool(known),
    )


def set_read(db: sqlite_utils.Database, article_ids: Sequence[int], value: bool = True) -> None:
    """Mark articles read or unread."""
    if not article_ids:
        return
    marks = ", ".join("?" for _ in article_ids)
    with write_transaction(db):
        db.execute(f"UPDATE articles SET is_read = ? WHERE id IN ({marks})", [int(value), *article_ids])


def set_starred(db: sqlite_utils.Database, article_id: int, value: bool) -> None:
    """Star or unstar one article."""
    with write_transaction(db):
        db.execute("UPDATE articles SET starred = ? WHERE id = ?", [int(value), article_id])


def feed_rows(db: sqlite_utils.Database, config: Config, *, limit: int = 5000,
              unrecorded: Mapping[str, PollOutcome] | None = None) -> list[FeedRow]:
    """Every feed of the feed list with its last poll; a feed removed from the list is not one of them
    (its stored stories stay, see ``feeds.removed_feeds``).

    ``unrecorded`` (by URL) are later outcomes the database refused to store (a full disk): they are
    shown instead of the stored ones, so a failing feed never looks fine.
    """
    stored = feed_statuses(db, limit=limit)
    unrecorded = unrecorded or {}

    def row(url: str, name: str, enabled: bool, status: FeedStatus | None) -> FeedRow:
        shown = (FeedRow(url, name, enabled, None, None, None, None, 0) if status is None else
                 FeedRow(url, name, enabled, status.last_polled_at, status.last_status,
                         status.last_error, status.http_status, status.articles, status.id))
        late = unrecorded.get(url)
        if late is None:
            return shown
        return replace(shown, last_polled_at=late.polled_at, last_status=late.status, last_error=late.error,
                       http_status=late.http_status)

    return [row(feed.url, feed.name, feed.enabled, stored.get(feed.url)) for feed in config.feeds[:limit]]


def feed_names(db: sqlite_utils.Database, *, limit: int = 5000) -> dict[int, str]:
    """Feed ids to names, to describe a feed filter in words."""
    return dict(db.execute("SELECT id, name FROM feeds ORDER BY name LIMIT ?", [limit]).fetchall())
