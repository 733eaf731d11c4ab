"""Golden tests: each format from the small real database in conftest.py."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tui.errors import ExportError
from tui.export import CSV_COLUMNS, FORMATS, render, select_stories
from tui.export.formats import neutralise
from tui.store.filters import Filter
from tui.store.queries import article_page

GOLDEN_CSV = (
    "article_id,published,month,company,headcount,headcount_kind,percent,title,url,feed\r\n"
    '2,2024-03-10T08:00:00Z,2024-03,Twitch,500,exact,,"Twitch and Meta cut staff, ""again""",'
    'https://biz.example/twitch-meta,"Biz, Daily"\r\n'
    '2,2024-03-10T08:00:00Z,2024-03,Meta,,percent_only,10,"Twitch and Meta cut staff, ""again""",'
    'https://biz.example/twitch-meta,"Biz, Daily"\r\n'
    '1,2024-03-05T12:00:00Z,2024-03,Google,1000,approx,,"Google cuts about 1,000 jobs",'
    "https://tech.example/google,Tech News\r\n"
    '3,2024-02-20T09:30:00Z,2024-02,,,,,"\'=HYPERLINK(""http://evil.example"") tech layoffs hit 50,000",'
    "https://tech.example/total,Tech News\r\n"
    "4,2024-02-01T00:00:00Z,2024-02,Nestlé,1000,exact,,Nestlé réduit 1 000 postes à Zürich — 日本,"
    'https://biz.example/nestle,"Biz, Daily"\r\n'
)

GOLDEN_MD = """\
# Layoffs digest

4 stories, 2 months.

## 2024-03

### Google

- 2024-03-05 · [Google cuts about 1,000 jobs](https://tech.example/google) · about 1,000 jobs · _Tech News_

### Meta

- 2024-03-10 · [Twitch and Meta cut staff, "again"](https://biz.example/twitch-meta) · 10% of staff · _Biz, Daily_

### Twitch (Amazon)

- 2024-03-10 · [Twitch and Meta cut staff, "again"](https://biz.example/twitch-meta) · 500 jobs · _Biz, Daily_

## 2024-02

### Nestlé

- 2024-02-01 · [Nestlé réduit 1 000 postes à Zürich — 日本](https://biz.example/nestle) · 1,000 jobs · _Biz, Daily_

### No company named

- 2024-02-20 · [=HYPERLINK("http://evil.example") tech layoffs hit 50,000](https://tech.example/total) · _Tech News_
"""

STORY_2 = {
    "id": 2, "published": "2024-03-10T08:00:00Z", "month": "2024-03", "title": 'Twitch and Meta cut staff, "again"',
    "url": "https://biz.example/twitch-meta", "feed": "Biz, Daily", "layoff": True,
    "events": [
        {"company": "Twitch", "parent": "Amazon", "headcount": 500, "headcount_kind": "exact", "percent": None,
         "evidence": "Twitch cuts 500 jobs.", "source": "auto"},
        {"company": "Meta", "parent": None, "headcount": None, "headcount_kind": "percent_only", "percent": 10,
         "evidence": "Meta cuts 10% of staff.", "source": "manual"},
    ],
}


class TestSelection:
    def test_layoff_stories_newest_first(self, db):
        assert [story.id for story in select_stories(db, Filter())] == [2, 1, 3, 4]

    def test_all_includes_non_layoff_articles(self, db):
        assert [story.id for story in select_stories(db, Filter(layoffs_only=False))] == [2, 1, 5, 3, 4]

    def test_same_published_time_orders_as_the_app_table(self, db):
        """Ties by the later stored first, as the app lists them (and as the index gives them)."""
        db.execute("UPDATE articles SET published = '2024-03-10T08:00:00Z' WHERE id = 1")
        assert [story.id for story in select_stories(db, Filter())][:2] == [2, 1]
        page = article_page(db, Filter())
        assert [row.id for row in page.rows] == [story.id for story in select_stories(db, Filter())]

    def test_parent_includes_units_and_lists_only_their_events(self, db):
        stories = select_stories(db, Filter(companies=("Amazon",)))
        assert [story.id for story in stories] == [2]
        assert [event["company"] for event in stories[0].events] == ["Twitch"]

    def test_month_and_date_range(self, db):
        from datetime import date

        assert [s.id for s in select_stories(db, Filter(months=("2024-02",)))] == [3, 4]
        assert [s.id for s in select_stories(db, Filter(since=date(2024, 3, 5), until=date(2024, 3, 5)))] == [1]


class TestGolden:
    def test_formats_are_the_contract(self):
        assert FORMATS == ("csv", "json", "jsonl", "md")

    def test_csv(self, db):
        assert render(select_stories(db, Filter()), "csv") == GOLDEN_CSV

    def test_csv_parses_back_with_the_exact_header(self, db):
        rows = list(csv.reader(io.StringIO(GOLDEN_CSV, newline="")))
        assert tuple(rows[0]) == CSV_COLUMNS == ("article_id", "published", "month", "company", "headcount",
                                                 "headcount_kind", "percent", "title", "url", "feed")
        assert len(rows) == 6 and all(len(row) == 10 for row in rows)

    def test_json_round_trips(self, db):
        stories = select_stories(db, Filter())
        data = json.loads(render(stories, "json"))
        assert [story["id"] for story in data] == [2, 1, 3, 4]
        assert data[0] == STORY_2
        assert data == [story.as_dict() for story in stories]
        assert data[2]["events"] == []
        assert data[3]["title"] == "Nestlé réduit 1 000 postes à Zürich — 日本"
        assert "日本" in render(stories, "json")  # UTF-8, not \\u escapes

    def test_jsonl_is_one_story_a_line(self, db):
        text = render(select_stories(db, Filter()), "jsonl")
        lines = text.splitlines()
        assert text.endswith("\n") and len(lines) == 4
        assert json.loads(lines[0]) == STORY_2
        assert [json.loads(line)["id"] for line in lines] == [2, 1, 3, 4]

    def test_markdown_digest(self, db):
        assert render(select_stories(db, Filter()), "md") == GOLDEN_MD

    def test_empty_selection(self, db):
        stories = select_stories(db, Filter(months=("1999-01",)))
        assert render(stories, "csv") == "article_id,published,month,company,headcount,headcount_kind," \
                                         "percent,title,url,feed\r\n"
        assert render(stories, "json") == "[]\n"
        assert render(stories, "jsonl") == ""
        assert "_No stories match._" in render(stories, "md")

    def test_unknown_format(self, db):
        with pytest.raises(ExportError, match="csv, json, jsonl, md"):
            render([], "xlsx")


class TestFormulaNeutralising:
    @pytest.mark.parametrize(("cell", "expected"), [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Layoffs = bad", "Layoffs = bad"),
        ("", ""),
        (1000, 1000),
        (10.5, 10.5),
    ])
    def test_cells(self, cell, expected):
        assert neutralise(cell) == expected

    @pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
    def test_titles_companies_and_feeds_in_the_csv(self, db, start):
        db.execute("UPDATE articles SET title = ? WHERE id = 1", [start + "cmd|' /C calc'!A0"])
        db.execute("UPDATE events SET company = ? WHERE article_id = 1", [start + "Evil"])
        db.execute("UPDATE feeds SET name = ? WHERE id = 1", [start + "Feed"])
        db.execute("UPDATE articles SET link = ? WHERE id = 1", [start + "HYPERLINK(1)"])
        rows = list(csv.reader(io.StringIO(render(select_stories(db, Filter()), "csv"), newline="")))
        google = next(row for row in rows if row[0] == "1")
        assert google[7] == "'" + start + "cmd|' /C calc'!A0"
        assert google[3] == "'" + start + "Evil"
        assert google[8] == "'" + start + "HYPERLINK(1)"
        assert google[9] == "'" + start + "Feed"

    def test_json_keeps_the_text_as_stored(self, db):
        data = json.loads(render(select_stories(db, Filter()), "json"))
        assert data[2]["title"].startswith("=HYPERLINK(")


class TestMarkdownSafety:
    def test_markup_in_titles_is_escaped_and_only_http_links(self, db):
        db.execute("UPDATE articles SET title = ?, link = ? WHERE id = 1",
                   ["[click](http://evil) *bold* <b>", "javascript:alert(1)"])
        db.execute("UPDATE articles SET link = ? WHERE id = 2", ["https://biz.example/a (b)"])
        text = render(select_stories(db, Filter()), "md")
        assert r"- 2024-03-05 · \[click\](http://evil) \*bold\* \<b\> · about 1,000 jobs" in text
        assert "javascript:" not in text
        assert "(https://biz.example/a%20%28b%29)" in text


class TestHeadcountWords:
    @pytest.mark.parametrize(("event", "text"), [
        ({"headcount": 12000, "headcount_kind": "exact", "percent": None}, "12,000 jobs"),
        ({"headcount": 1000, "headcount_kind": "approx", "percent": None}, "about 1,000 jobs"),
        ({"headcount": 1000, "headcount_kind": "exact", "percent": 10}, "1,000 jobs (10% of staff)"),
        ({"headcount": None, "headcount_kind": "percent_only", "percent": 12.5}, "12.5% of staff"),
        ({"headcount": None, "headcount_kind": "vague", "percent": None, "evidence": "Acme cut hundreds of jobs"},
         "hundreds of jobs"),  # the reader's words too (issue 10: it said "hundreds jobs", this "number not stated")
        ({"headcount": None, "headcount_kind": "vague", "percent": None}, "an unstated number of jobs"),
        ({"headcount": None, "headcount_kind": "none", "percent": None}, ""),
    ])
    def test_cases(self, event, text):
        from tui.export.markdown import headcount_text

        assert headcount_text(event) == text


def test_search_filter_goes_through_where(db):
    assert [story.id for story in select_stories(db, Filter(search="nestl"))] == [4]
    assert [story.id for story in select_stories(db, Filter(search="apple", layoffs_only=False))] == [5]
