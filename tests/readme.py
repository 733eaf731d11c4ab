"""The README's examples, found and run: every ```console block is a session whose output must match.

Each console block runs in a sandbox of its own: a fresh home (``~`` in the README), its feed list
copied from the bundled one, and as its database the four stories of ``tests/export/conftest.py``
(the Cuts section's blocks: the six stories of ``tests/cuts/conftest.py``; see ``SETUPS``).
``$ layoffs-tui ...`` lines run through click's runner, ``$ echo '...' | layoffs-tui ...`` feeds the
echoed line to stdin, ``$ sqlite-utils ...`` runs the real program. The shown output is compared with
what the program prints (stdout and stderr as a terminal shows them): the sandbox's home is written
``~``, CSV's CRLF as a line end, and a line ``...`` in the README stands for any number of lines.

    python -m tests.readme --update   # rewrite the shown outputs from the program (blocks without ...)
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
ELLIPSIS = "..."

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass
class Block:
    """A fenced code block of the README."""

    lang: str
    text: str
    start: int
    """Offset of the block's text in the README (for ``--update``)."""

    @property
    def first_line(self) -> str:
        return self.text.splitlines()[0] if self.text else ""


@dataclass
class Step:
    """One ``$`` command of a console block and the output the README shows under it."""

    command: str
    shown: list[str] = field(default_factory=list)


def fenced_blocks(text: str) -> list[Block]:
    """Every fenced block, in order."""
    return [Block(m.group(1), m.group(2), m.start(2)) for m in _FENCE.finditer(text)]


def indented_blocks(text: str) -> list[str]:
    """Every indented (4-space) code block outside fences, as its first line."""
    outside = _FENCE.sub("", text)
    lines = outside.splitlines()
    blocks = []
    for number, line in enumerate(lines):
        previous = lines[number - 1] if number else ""
        if line.startswith("    ") and line.strip() and not previous.strip():
            blocks.append(line.strip())
    return blocks


def steps(block: Block) -> list[Step]:
    """The commands of a console block, each with the lines shown under it."""
    found: list[Step] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            found.append(Step(line[2:]))
        elif found:
            found[-1].shown.append(line)
    return found


class Sandbox:
    """A home, a working folder, a feed list and a database for one console block."""

    def __init__(self, root: Path) -> None:
        self.home = root / "home"
        self.work = root / "work"
        self.work.mkdir(parents=True)
        self.env = {
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "LAYOFFS_TUI_CONFIG": None,
            "LAYOFFS_TUI_DB": None,
            "COLUMNS": "200",
        }
        config = self.home / ".config" / "layoffs-tui" / "feeds.toml"
        config.parent.mkdir(parents=True)
        shutil.copyfile(REPO / "tui" / "feeds.toml", config)
        self.db_path = self.home / ".local" / "share" / "layoffs-tui" / "layoffs.db"
        self.db_path.parent.mkdir(parents=True)
        from tests.export.conftest import build_db

        build_db(self.db_path).close()
        (self.home / "newsboat-export.opml").write_text(NEWSBOAT_OPML, encoding="utf-8")

    def run(self, command: str) -> str:
        """What ``command`` prints, as the README would show it."""
        stdin = None
        if match := re.fullmatch(r"echo (.+?) \| (.+)", command):
            stdin = shlex.split(match.group(1))[0] + "\n"
            command = match.group(2)
        words = [str(self.home) + word[1:] if word.startswith("~") else word
                 for word in shlex.split(command, comments=True)]
        if words[0] == "layoffs-tui":
            output = self._layoffs_tui(words[1:], stdin)
        elif words[0] == "sqlite-utils":
            output = self._program(words, stdin)
        else:
            raise AssertionError(f"the README runs {words[0]!r}, which this test does not know how to run")
        return self._as_shown(output)

    def _layoffs_tui(self, args: list[str], stdin: str | None) -> str:
        from tui.cli import cli

        cwd = os.getcwd()
        os.chdir(self.work)
        try:
            result = CliRunner().invoke(cli, args, input=stdin, env=self.env, prog_name="layoffs-tui")
        finally:
            os.chdir(cwd)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.output

    def _program(self, words: list[str], stdin: str | None) -> str:
        program = Path(sys.executable).parent / words[0]
        env = {**os.environ, **{k: v for k, v in self.env.items() if v is not None}}
        done = subprocess.run([str(program), *words[1:]], input=stdin, capture_output=True, text=True,
                              cwd=self.work, env=env, timeout=60, check=False)
        return done.stdout + done.stderr

    def _as_shown(self, output: str) -> str:
        return output.replace("\r\n", "\n").replace(str(self.home), "~")


NEWSBOAT_OPML = """<?xml version="1.0"?>
<opml version="1.0"><head><title>newsboat - Exported Feeds</title></head><body>
<outline type="rss" xmlUrl="https://www.theverge.com/rss/index.xml" title="The Verge"/>
<outline type="rss" xmlUrl="https://example.org/jobs/feed.xml" title="Example jobs desk"/>
</body></opml>
"""
"""The OPML file the README imports: one feed the bundled list already has, one new."""

SETUPS: dict[str, Callable[[Sandbox, str], None]] = {}
"""Extra files a block needs, by its first command (the README says in words what they hold)."""


def _misspelt_feed_list(sandbox: Sandbox, readme: str) -> None:
    """ "Misspell name as titel in the example above": the README's feeds.toml with that one change."""
    example = next(block for block in fenced_blocks(readme) if block.lang == "toml")
    (sandbox.work / "feeds.toml").write_text(example.text.replace("name = ", "titel = ", 1), encoding="utf-8")


SETUPS["layoffs-tui --config feeds.toml feeds list"] = _misspelt_feed_list


def _six_stories_in_four_cuts(sandbox: Sandbox, readme: str) -> None:
    """The Cuts section's database: the six stories of ``tests/cuts/conftest.py`` (GOOGLE_AND_TWITCH),
    tagged by the extractor and grouped as a poll groups them."""
    from tests.cuts.conftest import GOOGLE_AND_TWITCH, new_db, store

    sandbox.db_path.unlink()
    db = new_db(sandbox.db_path)
    store(db, GOOGLE_AND_TWITCH)
    db.close()


for _first in ("layoffs-tui cuts list", "layoffs-tui export --cuts",
               ('sqlite-utils ~/.local/share/layoffs-tui/layoffs.db "select company, sum(headcount) from cuts '
               'group by company order by 2 desc limit 5"')):
    SETUPS[_first] = _six_stories_in_four_cuts


def matches(shown: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``shown``, where a line ``...`` in ``shown`` stands for any lines."""
    if not shown:
        return not actual
    if shown[0] == ELLIPSIS:
        return any(matches(shown[1:], actual[skip:]) for skip in range(len(actual) + 1))
    return bool(actual) and shown[0] == actual[0] and matches(shown[1:], actual[1:])


def lines(text: str) -> list[str]:
    """Lines without trailing spaces, without trailing blank lines."""
    out = [line.rstrip() for line in text.splitlines()]
    while out and not out[-1]:
        out.pop()
    return out


NOT_RUN = {
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/layoffs-tui":
        "installs from the package index, then opens the app; .ci/run installs the same way",
    "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest -q":
        "is this test suite; .ci/run runs it (test_ci_runs_what_the_readme_says)",
    "*/30 * * * * layoffs-tui poll >> ~/layoffs-poll.log 2>&1": "a crontab line; poll is tested in tests/poll",
    "*/30 * * * * layoffs-tui poll --alerts": "a crontab line; poll --alerts is tested in tests/watch",
    "$ layoffs-tui poll --alerts": "polls the network; tests/watch/test_poll_alerts.py runs it against a local "
    "server and checks these lines",
    "layoffs-tui: alert command 'layoffs-ntfy' (watch.alert_command), for cut 5 (YouTube): not found (nor on "
    "PATH); give its full path in feeds.toml": "a message shown for its wording; tests/watch/test_alert_command.py "
    "makes a command fail the same way and checks the line",
    "#!/bin/sh": "a user's alert script posting to ntfy.sh over the internet; tests/watch/test_alert_command.py "
    "runs alert commands the same way (JSON on stdin, no shell)",
    "$ layoffs-tui extract ../shared/fixtures/dev_cases_more_world.jsonl > /tmp/out.jsonl":
        "scores the extractor on ../shared's labelled stories, as tests/extract's floors do; its output is "
        "the extractor's score, which the table below it reports",
}
"""Examples not run, by first line, with the reason; any other example is run."""


def console_blocks(readme: str) -> list[Block]:
    """The console sessions the test runs (every one not in ``NOT_RUN``)."""
    return [block for block in fenced_blocks(readme) if block.lang == "console" and block.first_line not in NOT_RUN]


def run_block(block: Block, root: Path, readme: str) -> Iterator[tuple[Step, list[str]]]:
    """Each step of ``block`` with the lines the program printed for it."""
    sandbox = Sandbox(root)
    block_steps = steps(block)
    setup = SETUPS.get(block_steps[0].command) if block_steps else None
    if setup is not None:
        setup(sandbox, readme)
    for step in block_steps:
        yield step, lines(sandbox.run(step.command))


def update(readme_path: Path = README) -> None:
    """Rewrite every console block's output from the program (blocks that elide lines are left)."""
    import tempfile

    readme = readme_path.read_text(encoding="utf-8")
    pieces: list[str] = []
    last = 0
    for number, block in enumerate(console_blocks(readme)):
        if any(ELLIPSIS in step.shown for step in steps(block)):
            print(f"left as written (it elides lines): {block.first_line}")
            continue
        with tempfile.TemporaryDirectory(prefix="readme-") as tmp:
            out = []
            for step, actual in run_block(block, Path(tmp) / str(number), readme):
                out += [f"$ {step.command}", *actual]
        pieces += [readme[last:block.start], "\n".join(out) + "\n"]
        last = block.start + len(block.text)
    readme_path.write_text("".join(pieces) + readme[last:], encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    update()
