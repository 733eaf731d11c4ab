"""A new article is stored with its tags: the verdict of an extraction without events goes into the
inserted row (issue 14: one statement instead of seven per story), and ends exactly where ``apply_tags``
puts it (the same columns, the same month counts, the same count of new layoff stories)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tui.models import EntryRecord
from tui.store import open_db, write_transaction
from tui.store.articles import store_entries
from tui.store.tags import apply_tags, extractor_version

NOW = datetime(2024, 3, 30, 12, tzinfo=UTC)


@dataclass(frozen=True)
class Event:
    company: str
    parent: str | None = None
    headcount: int | None = 120
    headcount_kind: str = "exact"
    percent: float | None = None
    evidence: str = "Acme cuts 120 jobs"


@dataclass(frozen=True)
class Extraction:
    layoff: Any
    events: Any


ENTRY = EntryRecord(guid="g1", title="Acme news", link=None, author=None, text="Acme news text",
                    summary_html="", published=datetime(2024, 3, 4, 9, tzinfo=UTC))


def stored(tmp_path: Path, extraction: Extraction | None, *, through_apply_tags: bool) -> dict[str, Any]:
    """What the database holds after storing ENTRY with ``extraction``: on insert, or (the reference)
    inserted untagged and then tagged by ``apply_tags``."""
    db = open_db(tmp_path / ("reference.db" if through_apply_tags else "insert.db"))
    db.execute("INSERT INTO feeds (url, name) VALUES ('https://a.example/rss', 'A')")
    with write_transaction(db):
        counts = store_entries(db, 1, [ENTRY], NOW, None, None if through_apply_tags else {"g1": extraction})
        new_layoffs = counts.new_layoffs
        if through_apply_tags and extraction is not None:
            try:
                new_layoffs = int(apply_tags(db, 1, extraction, "2024-03"))
            except (TypeError, AttributeError):
                db.execute("UPDATE articles SET extractor_version = NULL")  # what _tag's savepoint leaves
    article = db.execute("SELECT layoff, layoff_auto, layoff_manual, extractor_version FROM articles").fetchall()
    months = db.execute("SELECT layoff, month, stories FROM month_counts ORDER BY 1, 2").fetchall()
    events = db.execute("SELECT company, headcount FROM events").fetchall()
    companies = db.execute("SELECT layoff, name, stories FROM company_counts ORDER BY 1, 2").fetchall()
    db.close()
    return {"article": article, "months": months, "events": events, "companies": companies,
            "new_layoffs": new_layoffs}


@pytest.mark.parametrize(("extraction", "layoff"), [
    (Extraction(True, ()), 1),  # a layoff story the extractor found no company in
    (Extraction(False, ()), 0),  # most of a feed
    (Extraction(True, (Event("Acme"),)), 1),  # events: apply_tags as before
    (Extraction(True, None), 0),  # a broken tagger's result: stored untagged
    (None, 0),  # no tagger at all
])
def test_a_new_article_is_stored_as_apply_tags_would_tag_it(tmp_path: Path, extraction: Extraction | None,
                                                             layoff: int) -> None:
    on_insert = stored(tmp_path, extraction, through_apply_tags=False)
    assert on_insert == stored(tmp_path, extraction, through_apply_tags=True)
    assert on_insert["article"][0][0] == layoff and on_insert["new_layoffs"] == layoff
    assert on_insert["months"] == [(layoff, "2024-03", 1)]
    tagged = extraction is not None and extraction.events is not None
    assert on_insert["article"][0][3] == (extractor_version() if tagged else None)
