"""`layoffs-tui extract`: JSON Lines in, one answer per line out, bad lines answered in place."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tui.cli.extract_cmd import extract_command


def _run(tmp_path: Path, lines: list[str]) -> list[dict]:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(extract_command, [str(source)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_one_answer_per_line_in_order(tmp_path: Path) -> None:
    out = _run(
        tmp_path,
        [
            json.dumps(
                {
                    "id": "a",
                    "title": "Acme Robotics lays off 120 workers",
                    "summary": "<p>Cuts &amp; more.</p>",
                }
            ),
            json.dumps(
                {"id": 7, "title": "Fed cuts interest rates", "published": "2024-01-01", "extra": True}
            ),
        ],
    )
    assert [o["id"] for o in out] == ["a", 7]
    assert out[0]["layoff"] is True
    assert out[0]["events"] == [
        {
            "company": "Acme Robotics",
            "parent": None,
            "headcount": 120,
            "headcount_kind": "exact",
            "percent": None,
            "evidence": "Acme Robotics lays off 120 workers",
        }
    ]
    assert out[1] == {"id": 7, "layoff": False, "events": []}


def test_malformed_lines_get_errors_and_the_run_goes_on(tmp_path: Path) -> None:
    out = _run(
        tmp_path,
        [
            "{not json",
            "[1, 2]",
            json.dumps({"id": "x"}),
            json.dumps({"id": "y", "title": 42}),
            "",
            json.dumps({"id": "z", "title": "Twitch lays off 35% of staff"}),
        ],
    )
    assert len(out) == 6  # one answer per input line, the blank one included
    assert all(o["id"] is None for o in out[:5])
    assert out[0]["error"].startswith("line 1: not JSON")
    assert out[1]["error"] == "line 2: expected a JSON object, got list"
    assert out[2]["error"] == "line 3: no title"
    assert out[3]["error"] == "line 4: title is int, not a string"
    assert out[4]["error"] == "line 5: empty line"
    assert out[5]["id"] == "z" and out[5]["events"][0]["parent"] == "Amazon"


def test_bytes_and_values_json_cannot_carry_are_answered_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": 1, "title": "ok"}\n'
        b'\xff{"id": 2, "title": "x"}\n'
        b'{"id": NaN, "title": "a"}\n'
        b'{"id": 1e999, "title": "a"}\n'
        b'{"id": "s\\ud800", "title": "Acme to cut 1,200 jobs \\ud800"}\n'
    )
    result = CliRunner().invoke(extract_command, [str(path)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]  # every line is strict JSON
    assert [o.get("error", "")[:18] for o in out] == [
        "",
        "line 2: not UTF-8 ",
        "line 3: not JSON: ",
        "line 4: not JSON: ",
        "",
    ]
    assert out[4]["id"] == "s\ufffd" and out[4]["events"][0]["headcount"] == 1200


def test_reads_stdin_by_default() -> None:
    result = CliRunner().invoke(
        extract_command, [], input=json.dumps({"id": 1, "title": "GM to cut 500 jobs"}) + "\n"
    )
    assert result.exit_code == 0
    assert json.loads(result.output)["events"][0]["company"] == "General Motors"


def test_has_help_text() -> None:
    result = CliRunner().invoke(extract_command, ["--help"])
    assert result.exit_code == 0 and "JSON Lines" in result.output
