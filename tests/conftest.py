"""Fixtures every test package shares."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["tests.diskfull"]
"""``full_disk``: a disk that refuses SQLite's writes, for every test package."""

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the repository (CI has it too); tests that need it skip without it."""
    require_shared()
    return SHARED


def require_shared() -> None:
    """Skip without ../shared, except in CI (LAYOFFS_TUI_REQUIRE_SHARED=1), where a skip would hide
    the extractor's floors and the feed corpus: there it fails."""
    if SHARED.is_dir():
        return
    if os.environ.get("LAYOFFS_TUI_REQUIRE_SHARED"):
        pytest.fail(f"{SHARED} is missing, and LAYOFFS_TUI_REQUIRE_SHARED is set")
    pytest.skip("../shared is not beside the repository")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's config, data or cache directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("LAYOFFS_TUI_CONFIG", raising=False)
    monkeypatch.delenv("LAYOFFS_TUI_DB", raising=False)
