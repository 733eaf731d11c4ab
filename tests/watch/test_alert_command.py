"""``alert_command``: the user's program run once per alert with the alert as JSON on stdin, without a
shell and with a timeout; its failures reported on stderr in one line, never failing the poll."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from tests.poll.feeds import item, rss
from tests.poll.server import FeedServer, static
from tui.cli import cli

RECORDER = """\
import sys
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(sys.stdin.read())
"""


def script(tmp_path: Path, name: str, code: str) -> Path:
    path = tmp_path / name
    path.write_text(code)
    return path


def poll_with(
    server: FeedServer, tmp_path: Path, command: list[str], timeout: float = 5
) -> tuple[Path, object]:
    server.routes["/news"] = static(
        rss(
            item(1, title="Intel to cut about 15,000 jobs", pubDate="Tue, 05 Mar 2024 10:00:00 GMT"),
            item(2, title="Siemens to cut 5% of its staff", pubDate="Wed, 06 Mar 2024 10:00:00 GMT"),
        )
    )
    config = tmp_path / "feeds.toml"
    config.write_text(
        '[watch]\ncompanies = ["Intel", "Siemens"]\n'
        f"alert_command = {json.dumps(command)}\nalert_timeout_seconds = {timeout}\n\n"
        f'[[feeds]]\nname = "news"\nurl = "{server.url("/news")}"\n'
    )

    def poll():
        return CliRunner().invoke(
            cli, ["--config", str(config), "--db", str(tmp_path / "layoffs.db"), "poll", "--alerts"]
        )

    return config, poll


def test_runs_once_per_alert_with_the_alert_as_json(server: FeedServer, tmp_path: Path) -> None:
    out = tmp_path / "received.jsonl"
    recorder = script(tmp_path, "record.py", RECORDER)
    _config, poll = poll_with(server, tmp_path, [sys.executable, str(recorder), str(out)])
    result = poll()
    assert result.exit_code == 0, result.output
    assert result.stdout == "Intel: about 15,000 jobs, 1 source\nSiemens: 5% of staff, 1 source\n"
    assert result.stderr == ""
    received = [json.loads(line) for line in out.read_text().splitlines()]
    assert received == [
        {
            "company": "Intel",
            "parent": None,
            "headcount": 15000,
            "headcount_kind": "approx",
            "percent": None,
            "sources": 1,
            "announced": "2024-03-05T10:00:00Z",
            "month": "2024-03",
            "cut_id": received[0]["cut_id"],
            "first_url": "https://example.org/1",
            "message": "Intel: about 15,000 jobs, 1 source",
            "change": "new",
        },
        {
            "company": "Siemens",
            "parent": None,
            "headcount": None,
            "headcount_kind": "percent_only",
            "percent": 5,
            "sources": 1,
            "announced": "2024-03-06T10:00:00Z",
            "month": "2024-03",
            "cut_id": received[1]["cut_id"],
            "first_url": "https://example.org/2",
            "message": "Siemens: 5% of staff, 1 source",
            "change": "new",
        },
    ]
    assert received[0]["cut_id"] != received[1]["cut_id"]
    assert poll().stdout == ""
    assert len(out.read_text().splitlines()) == 2  # not run again: nothing new


def test_a_failing_command_is_reported_and_the_poll_still_exits_0(server: FeedServer, tmp_path: Path) -> None:
    failing = script(
        tmp_path,
        "fail.py",
        "import sys\nsys.stdin.read()\nprint('boom:  no\\nnetwork', file=sys.stderr)\nsys.exit(3)\n",
    )
    _config, poll = poll_with(server, tmp_path, [sys.executable, str(failing)])
    result = poll()
    assert result.exit_code == 0
    assert result.stdout == "Intel: about 15,000 jobs, 1 source\nSiemens: 5% of staff, 1 source\n"
    lines = result.stderr.splitlines()
    assert len(lines) == 2  # one line per failed run
    assert lines[0].startswith(
        f"layoffs-tui: alert command {sys.executable!r} (watch.alert_command), for cut "
    )
    assert lines[0].endswith("(Intel): failed with exit status 3: network")
    assert "Traceback" not in result.output


def test_a_missing_program_is_reported(server: FeedServer, tmp_path: Path) -> None:
    _config, poll = poll_with(server, tmp_path, [str(tmp_path / "no-such-notifier"), "--flag"])
    result = poll()
    assert result.exit_code == 0 and result.stdout.count("\n") == 2
    assert result.stderr.count("not found (nor on PATH); give its full path in feeds.toml\n") == 2


def test_a_program_that_is_not_executable_is_reported(server: FeedServer, tmp_path: Path) -> None:
    plain = script(tmp_path, "notify.sh", "#!/bin/sh\nexit 0\n")
    _config, poll = poll_with(server, tmp_path, [str(plain)])
    result = poll()
    assert result.exit_code == 0 and result.stderr.count("not executable") == 2


def test_no_shell_is_involved(server: FeedServer, tmp_path: Path) -> None:
    recorder = script(tmp_path, "record.py", RECORDER)
    literal = tmp_path / "out $(echo injected) *.jsonl"
    _config, poll = poll_with(server, tmp_path, [sys.executable, str(recorder), str(literal)])
    assert poll().exit_code == 0
    assert literal.exists() and len(literal.read_text().splitlines()) == 2  # the argument went through whole
    assert [path.name for path in tmp_path.glob("out*")] == [literal.name]


def test_a_slow_command_is_stopped_at_the_timeout(server: FeedServer, tmp_path: Path) -> None:
    slow = script(tmp_path, "slow.py", "import time\ntime.sleep(30)\n")
    _config, poll = poll_with(server, tmp_path, [sys.executable, str(slow)], timeout=0.5)
    started = time.monotonic()
    result = poll()
    assert time.monotonic() - started < 10
    assert result.exit_code == 0
    assert result.stdout == "Intel: about 15,000 jobs, 1 source\nSiemens: 5% of staff, 1 source\n"
    assert result.stderr.count("stopped after 0.5 s (watch.alert_timeout_seconds)\n") == 2


def test_a_timeout_also_stops_what_the_command_started(server: FeedServer, tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    starter = script(
        tmp_path,
        "starter.py",
        "import os, subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(pids)!r}, 'a').write(f'{{child.pid}}\\n{{os.getpid()}}\\n')\n"
        "time.sleep(60)\n",
    )
    _config, poll = poll_with(server, tmp_path, [sys.executable, str(starter)], timeout=1)
    assert poll().exit_code == 0
    for pid in map(int, pids.read_text().split()):
        deadline = time.monotonic() + 5
        while Path(f"/proc/{pid}").exists() and "Z" not in _state(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not Path(f"/proc/{pid}").exists() or "Z" in _state(pid), f"process {pid} outlived the timeout"


def _state(pid: int) -> str:
    """The process state letter from /proc (Z: a zombie, already dead)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return "Z"
