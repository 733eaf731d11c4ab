"""The UI asks the database through one typed service (STYLE.md 11): no screen, widget or helper in
``tui/ui`` imports the store, the export, the poller or the alerts, or opens a connection; and the app's
helpers reach the app through its type, not through mixins that need ``type: ignore``."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest
from textual.app import App

import tui.service
from tui.service import Filter, LayoffsService
from tui.ui.app import LayoffsApp

UI_DIR = Path(__file__).resolve().parents[2] / "tui" / "ui"
DOMAIN_DOORS = ("tui.store", "tui.export", "tui.poll", "tui.watch.alerts")
"""Modules that read or write the database: only ``tui.service`` imports them for the UI."""
CONNECTION_NAMES = {"thread_db", "open_db", "cancellable", "ChangeWatcher"}


def imported_modules(tree: ast.AST) -> list[str]:
    """Every module a file imports, at its top or inside a function."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def names_used(tree: ast.AST) -> set[str]:
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)} | {
        node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
    }


@pytest.mark.parametrize("path", sorted(UI_DIR.glob("*.py")), ids=lambda p: p.name)
def test_ui_module_asks_the_service_not_the_store(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    doors = [name for name in imported_modules(tree) if name.startswith(DOMAIN_DOORS)]
    assert not doors, f"{path.name} imports {doors}: ask tui.service.LayoffsService instead"
    connections = names_used(tree) & CONNECTION_NAMES
    assert not connections, f"{path.name} uses {sorted(connections)}: only the service opens connections"


def test_the_checks_see_a_store_import_and_a_connection() -> None:
    """The test above would catch the code this design removed (guards no test notices are defects)."""
    old = ast.parse(
        "def load(self):\n"
        "    from tui.store.queries import article_detail, thread_db\n"
        "    return article_detail(thread_db(self.db_path), 1)\n"
    )
    assert [name for name in imported_modules(old) if name.startswith(DOMAIN_DOORS)]
    assert names_used(old) & CONNECTION_NAMES == {"thread_db"}


def test_the_service_exports_every_record_it_names() -> None:
    missing = [name for name in tui.service.__all__ if not hasattr(tui.service, name)]
    assert not missing


def test_the_app_is_an_app_without_mixins() -> None:
    """Polls and edits are helper objects the app owns (``polls``, ``story_editor``, ``feed_list``),
    typed through ``LayoffsApp``: nothing needs ``type: ignore`` to reach the app."""
    assert LayoffsApp.__bases__ == (App,)
    for name in ("polling.py", "editing.py", "feed_list_edits.py"):
        text = (UI_DIR / name).read_text(encoding="utf-8")
        assert "type: ignore" not in text, name


def test_a_superseded_count_comes_back_as_none(sample_db: Path) -> None:
    """The panes' counts of a filter the user has left are dropped, not posted (``stopped``)."""
    service = LayoffsService(sample_db)
    try:
        assert service.pane_counts(Filter(), cuts=False, stopped=lambda: True) is None
        counts = service.pane_counts(Filter(), cuts=False, stopped=lambda: False)
        assert counts is not None and counts == service.pane_counts(Filter(), cuts=False)
        assert service.article_page(Filter(), stopped=lambda: False) == service.article_page(Filter())
    finally:
        service.close()


def test_the_service_notices_another_programs_write_until_closed(sample_db: Path) -> None:
    service = LayoffsService(sample_db)
    assert service.changed() is False  # the first look is the baseline
    with sqlite3.connect(sample_db) as other:
        other.execute("UPDATE articles SET is_read = 1 WHERE id = 1")
    assert service.changed() is True
    assert service.changed() is False
    service.close()
    with sqlite3.connect(sample_db) as other:
        other.execute("UPDATE articles SET is_read = 0 WHERE id = 1")
    assert service.changed() is False
