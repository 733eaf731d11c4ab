"""Every example in the README is true: its commands run and print what it shows (issue 10).

The README's console sessions run in sandboxes (``tests/readme.py``); its feeds.toml example must load;
its key table, schema table and poll statuses must be the program's. A block this test cannot run is
listed in ``NOT_RUN`` with the reason, so a new example is never skipped without a word.
``python -m tests.readme --update`` rewrites the shown outputs from the program after a change.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.readme import (
    NOT_RUN,
    README,
    REPO,
    console_blocks,
    fenced_blocks,
    indented_blocks,
    matches,
    run_block,
)

TEXT = README.read_text(encoding="utf-8")

def test_every_example_is_run_or_says_why_not() -> None:
    for block in fenced_blocks(TEXT):
        assert block.lang in ("console", "toml") or block.first_line in NOT_RUN, (
            f"a ```{block.lang} block this test does not run: {block.first_line}"
        )
    for first_line in indented_blocks(TEXT):
        assert first_line in NOT_RUN, f"an indented example this test does not run: {first_line}"
    assert console_blocks(TEXT), "no console example found: has the README's format changed?"


@pytest.mark.parametrize("block", console_blocks(TEXT), ids=lambda block: block.first_line[2:50])
def test_a_console_example_prints_what_the_readme_shows(block, tmp_path: Path) -> None:
    for step, actual in run_block(block, tmp_path, TEXT):
        assert matches(step.shown, actual), (
            f"README: $ {step.command}\n--- the README shows:\n" + "\n".join(step.shown)
            + "\n--- the program prints:\n" + "\n".join(actual)
            + "\n(python -m tests.readme --update rewrites the README's outputs)"
        )


def test_the_feeds_toml_example_loads_with_its_keys() -> None:
    from tui.config import parse_config
    from tui.keymap import check_key_clashes, check_key_ids
    from tui.ui.keys import binding_ids, binding_scopes

    example = next(block for block in fenced_blocks(TEXT) if block.lang == "toml")
    config = parse_config(example.text)
    assert [feed.name for feed in config.feeds] == ["Tech layoffs"] and config.feeds[0].interval_minutes == 60
    check_key_ids(config, binding_ids())
    check_key_clashes(config, binding_scopes())


def _table(heading: str) -> list[list[str]]:
    """The rows of the Markdown table whose header starts with ``heading``, as cells."""
    lines = TEXT.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(heading))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def test_the_key_table_is_the_apps_keys() -> None:
    from tui.ui.keys import APP_BINDINGS, KEY_NAMES, MAIN_BINDINGS, vim_bindings

    bindings = {b.id: b for b in [*APP_BINDINGS, *MAIN_BINDINGS, *vim_bindings("d", "u", "f", "l")] if b.id}
    listed: set[str] = set()
    for keys_cell, _, ids_cell in _table("| key | what it does | binding id |"):
        keys, ids = re.findall(r"`([^`]+)`", keys_cell), re.findall(r"`([^`]+)`", ids_cell)
        for key, binding_id in zip(keys, ids):
            assert binding_id in bindings, f"the README names a binding id the app lacks: {binding_id}"
            assert KEY_NAMES.get(bindings[binding_id].key, bindings[binding_id].key) == key, binding_id
            listed.add(binding_id)
    assert listed == set(bindings), f"keys the README's table lacks: {sorted(set(bindings) - listed)}"


def test_the_schema_table_is_the_databases(tmp_path: Path) -> None:
    from tui.store import open_db

    db = open_db(tmp_path / "x.db")
    for table_cell, columns_cell in _table("| table | columns |"):
        table = table_cell.strip("`")
        # A column opens each comma-separated item; notes in parentheses or after a colon are prose.
        documented = set(re.findall(r"(?:^|,\s*)`(\w+)`", re.sub(r"\([^()]*\)", "", columns_cell)))
        actual = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        assert documented == actual, (table, documented ^ actual)
    indexes = re.search(r"^Indexes: (.+?)\n\n", TEXT, re.MULTILINE | re.DOTALL).group(1)
    documented = set(re.findall(r"`(\w+\([\w, ]+\))`", indexes))
    columns = re.compile(r"\((.+)\)")
    actual = set()
    for table, sql in db.execute("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"):
        actual.add(f"{table}({columns.search(sql).group(1)})")
    assert documented == actual, documented ^ actual


def test_the_poll_statuses_are_the_programs() -> None:
    from tui.poll.results import STATUSES

    for sentence in re.findall(r"(?:ends in one of|`last_status` \()([^.)]+)", TEXT):
        assert tuple(re.findall(r"`(\w+)`", sentence)) == STATUSES, sentence


def test_ci_runs_what_the_readme_says() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/pip install --quiet '.[test]'" in ci and ".venv/bin/python -m pytest -q" in ci
    assert "python3 -m venv .venv" in ci
