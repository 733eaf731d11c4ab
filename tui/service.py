"""The one typed door from the UI to the domain: plain records in, plain records out.

The app holds one ``LayoffsService``; screens call its methods from thread workers. Each call uses
its thread's own SQLite connection (``thread_db``), so no connection is shared between threads and
no screen opens one itself. Started with the cuts view (issue 12); the older screens still call the
store functions directly and move here one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.store.cut_queries import CutStory
from tui.store.cut_view import (
    CutFacet,
    CutPage,
    MonthTotal,
    cut_facets,
    cut_page,
    cut_pane_counts,
    cut_timeline,
    other_sources,
    stories_of_cut,
    with_cut_headcounts,
)
from tui.store.facets import PaneCounts
from tui.store.filters import Filter
from tui.store.queries import thread_db


@dataclass
class LayoffsService:
    """Answers the app's questions about one database."""

    db_path: Path

    def cut_page(self, flt: Filter, offset: int = 0, limit: int = 200) -> CutPage:
        """A page of the cuts table for ``flt``."""
        return cut_page(thread_db(self.db_path), flt, offset, limit)

    def cut_stories(self, cut_id: int) -> list[CutStory]:
        """The stories of one cut, oldest first."""
        return stories_of_cut(thread_db(self.db_path), cut_id)

    def timeline(self, flt: Filter) -> list[MonthTotal]:
        """Cuts and jobs cut per month for ``flt``, oldest first."""
        return cut_timeline(thread_db(self.db_path), flt)

    def cut_facets(self, flt: Filter) -> list[CutFacet]:
        """Cut counts and cut headcount sums per company, under every filter but the company one."""
        return cut_facets(thread_db(self.db_path), flt)

    def pane_counts(self, flt: Filter, counts: PaneCounts | None) -> PaneCounts:
        """The panes' counts: in the cuts view (``counts`` None) cuts and their jobs; in the stories view
        ``counts`` (the stories') with each company's jobs summed over its cuts."""
        db = thread_db(self.db_path)
        return cut_pane_counts(db, flt) if counts is None else with_cut_headcounts(db, flt, counts)

    def other_sources(self, article_id: int) -> list[CutStory]:
        """The other outlets' stories of the cut(s) an article reports."""
        return other_sources(thread_db(self.db_path), article_id)
