"""``layoffs-tui export --cuts`` through click on a real database: columns, formats, filters, neutralising."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.cuts.conftest import GOOGLE_AND_TWITCH, new_db, store
from tui.cli import cli
from tui.store.corrections import add_manual_event


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "export.db"
    db = new_db(path)
    store(db, GOOGLE_AND_TWITCH)
    db.close()
    return path


@pytest.fixture
def run(db_path: Path, tmp_path: Path):
    config = tmp_path / "feeds.toml"
    config.write_text("")

    def invoke(*args: str):
        return CliRunner().invoke(
            cli, ["--config", str(config), "--db", str(db_path), "export", "--cuts", *args]
        )

    return invoke


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_header_is_exactly_the_contract(run) -> None:
    result = run()
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "cut_id,company,parent,announced,month,headcount,headcount_kind,percent,sources,first_url"
    )
    from tui.export.cuts import render_cuts_csv

    assert render_cuts_csv([]) == (
        "cut_id,company,parent,announced,month,headcount,headcount_kind,percent,sources,first_url\r\n"
    )


def test_csv_one_row_per_cut_newest_first(run) -> None:
    rows = csv_rows(run().stdout)[1:]
    assert [row[1:] for row in rows] == [
        [
            "Google",
            "",
            "2024-04-10T12:00:00Z",
            "2024-04",
            "1000",
            "exact",
            "",
            "1",
            "https://news2.example/g3",
        ],
        [
            "Amazon",
            "",
            "2024-01-25T12:00:00Z",
            "2024-01",
            "9000",
            "exact",
            "",
            "1",
            "https://news2.example/r1",
        ],
        [
            "Twitch",
            "Amazon",
            "2024-01-22T12:00:00Z",
            "2024-01",
            "500",
            "exact",
            "",
            "1",
            "https://news1.example/t1",
        ],
        [
            "Google",
            "",
            "2024-01-20T12:00:00Z",
            "2024-01",
            "12000",
            "exact",
            "",
            "3",
            "https://www.wire.example/google-cuts?utm_source=one",
        ],
    ]
    assert len({row[0] for row in rows}) == 4


def test_json_cuts_carry_their_stories_once_each(run) -> None:
    cuts = json.loads(run("--format", "json").stdout)
    google = cuts[-1]
    assert list(google) == [
        "cut_id",
        "company",
        "parent",
        "announced",
        "month",
        "headcount",
        "headcount_kind",
        "percent",
        "sources",
        "stories",
    ]
    assert google["sources"] == len(google["stories"]) == 3
    assert list(google["stories"][0]) == ["id", "published", "title", "url", "feed"]
    assert [story["feed"] for story in google["stories"]] == ["One", "One", "Two"]


def test_jsonl_is_one_cut_a_line(run) -> None:
    lines = run("--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["company"] for line in lines] == ["Google", "Amazon", "Twitch", "Google"]


def test_markdown_lists_cuts_by_month_with_links(run) -> None:
    text = run("--format", "md").stdout
    assert text.startswith("# Layoffs: cuts\n\n4 cuts, 2 months.\n\n## 2024-04\n")
    assert "### Twitch (Amazon) · 2024-01-22 · 500 jobs · 1 source" in text
    assert "- 2024-01-21 · [Google lays off about 12,000 workers](https://news1.example/g2) · _One_" in text


@pytest.mark.parametrize(
    ("args", "companies"),
    [
        (("--company", "Alphabet"), ["Google", "Google"]),
        (("--company", "Amazon"), ["Amazon", "Twitch"]),
        (("--company", "twitch"), ["Twitch"]),
        (("--month", "2024-04"), ["Google"]),
        (("--since", "2024-01-21", "--until", "2024-01-25"), ["Amazon", "Twitch"]),
    ],
)
def test_the_story_filters_apply(run, args, companies) -> None:
    result = run("--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["company"] for line in result.stdout.splitlines()] == companies


def test_a_company_no_story_names_is_an_error_with_cuts_too(run) -> None:
    """Issue 10: an export that quietly holds nothing would look like a fact."""
    result = run("--company", "Nobody")
    assert result.exit_code == 2
    assert result.stderr.startswith("layoffs-tui: --company 'Nobody': no stored story names this company")


def test_formula_like_cells_are_neutralised(run, db_path) -> None:
    from tui.store import open_db

    db = open_db(db_path)
    article = db.execute("SELECT id FROM articles WHERE guid = 't1'").fetchone()[0]
    add_manual_event(db, article, '=HYPERLINK("http://evil.example")', headcount=5)
    rows = csv_rows(run("--month", "2024-01").stdout)
    assert ['\'=HYPERLINK("http://evil.example")'] == [row[1] for row in rows if "evil" in row[1]]
    companies = [
        json.loads(line)["company"]
        for line in run("--format", "jsonl", "--month", "2024-01").stdout.splitlines()
    ]
    assert '=HYPERLINK("http://evil.example")' in companies  # JSON keeps the stored value


def test_output_file_and_its_message(run, tmp_path) -> None:
    out = tmp_path / "cuts.csv"
    result = run("-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Wrote 4 cuts to {out}\n"
    assert out.read_text(encoding="utf-8").startswith("cut_id,company,")


def test_cuts_with_all_is_a_usage_error(run) -> None:
    result = run("--all")
    assert result.exit_code == 2
    assert "--cuts lists job cuts, --all every article: give one of them" in result.stderr
    assert "Traceback" not in result.output
