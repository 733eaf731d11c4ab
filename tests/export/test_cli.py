"""``layoffs-tui export`` through click, against a real database and real files in tmp_path."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from tui.cli import cli


@pytest.fixture
def run(db_path, tmp_path):
    config = tmp_path / "feeds.toml"
    config.write_text("")

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["--config", str(config), "--db", str(db_path), "export", *args])

    return invoke


def _ids(output: str) -> list[int]:
    return [json.loads(line)["id"] for line in output.splitlines()]


class TestExportCommand:
    def test_default_is_csv_on_stdout(self, run):
        result = run()
        assert result.exit_code == 0, result.output
        rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
        assert rows[0][:3] == ["article_id", "published", "month"]
        assert [row[0] for row in rows[1:]] == ["2", "2", "1", "3", "4"]

    @pytest.mark.parametrize(("args", "ids"), [
        ((), [2, 1, 3, 4]),
        (("--all",), [2, 1, 5, 3, 4]),
        (("--month", "2024-02"), [3, 4]),
        (("--month", "2024-02", "--month", "2024-03"), [2, 1, 3, 4]),
        (("--since", "2024-03-01"), [2, 1]),
        (("--until", "2024-02-20"), [3, 4]),
        (("--since", "2024-03-05", "--until", "2024-03-05"), [1]),
        (("--company", "Amazon"), [2]),
        (("--company", "twitch"), [2]),
        (("--company", "google", "--company", "Nestlé"), [1, 4]),
        (("--company", "Goo"), [1]),  # the start of one stored name is that company (issue 10)
        (("--company", "nest"), [4]),
        (("--company", "Ama"), [2]),  # a parent, by its start, includes its unit
    ])
    def test_filters(self, run, args, ids):
        result = run("--format", "jsonl", *args)
        assert result.exit_code == 0, result.output
        assert _ids(result.stdout) == ids

    @pytest.mark.parametrize(("company", "ids"), [("Facebook", [2]), ("Nestle", [4]), ("AMAZON", [2])])
    def test_aliases_through_the_extractor(self, run, company, ids):
        result = run("--format", "jsonl", "--company", company)
        assert result.exit_code == 0, result.output
        assert _ids(result.stdout) == ids

    def test_output_file(self, run, tmp_path):
        out = tmp_path / "digest.md"
        result = run("--format", "md", "-o", str(out))
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").startswith("# Layoffs digest")
        assert f"Wrote 4 stories to {out}" in result.stderr
        assert result.stdout == ""

    @pytest.mark.parametrize(("args", "message"), [
        (("--month", "2024-13"), "'2024-13' is not a month; write it as YYYY-MM"),
        (("--month", "March"), "write it as YYYY-MM"),
        (("--since", "05/03/2024"), "YYYY-MM-DD"),
        (("--since", "2024-03-05", "--until", "2024-03-01"), "is after --until"),
        (("--format", "xlsx"), "'xlsx' is not one of"),
    ])
    def test_usage_errors_exit_2(self, run, args, message):
        result = run(*args)
        assert result.exit_code == 2
        assert message in result.stderr
        assert "Traceback" not in result.output

    @pytest.mark.parametrize(("company", "message"), [
        ("Gogle", "--company 'Gogle': no stored story names this company; did you mean 'Google'?"),
        ("Nonexistent Co", ("--company 'Nonexistent Co': no stored story names this company; 5 companies are "
                           "stored; the app's Companies pane lists them")),
    ])
    def test_a_company_that_matches_nothing_stored_is_an_error(self, run, company, message):
        """Issue 10: these exported a header only and exited 0."""
        result = run("--company", company)
        assert result.exit_code == 2
        assert result.stderr == f"layoffs-tui: {message}\n"
        assert result.stdout == ""

    def test_a_start_shared_by_several_companies_asks_for_more(self, run, db_path):
        from tui.store import open_db

        db = open_db(db_path)
        db.execute("INSERT INTO events (article_id, company, headcount_kind, month) VALUES (1, 'Metro AG', 'none', "
                   "'2024-03')")
        db.close()
        result = run("--company", "Met")
        assert result.exit_code == 2
        assert "--company 'Met' could be 2 companies: Meta, Metro AG; give more of the name" in result.stderr

    def test_unwritable_path_is_one_clear_line(self, run, tmp_path):
        blocker = tmp_path / "file.txt"
        blocker.write_text("x")
        result = run("-o", str(blocker / "out.csv"))
        assert result.exit_code == 2
        assert result.stderr.startswith("layoffs-tui: ")
        assert "is a file, not a folder" in result.stderr
        assert result.stderr.count("\n") == 1

    def test_help_names_the_default_format(self, run):
        result = CliRunner().invoke(cli, ["export", "--help"])
        assert result.exit_code == 0
        assert "default: csv" in result.output
