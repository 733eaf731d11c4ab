"""The table of places and nationalities is built once per installation and kept in the user's cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.extract import commonness


@pytest.fixture
def fresh_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty cache directory and no table in memory; the in-memory table comes back afterwards."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    commonness._places_and_peoples.cache_clear()
    yield tmp_path / "cache" / "layoffs-tui"
    commonness._places_and_peoples.cache_clear()


def test_the_table_is_built_once_then_read(fresh_table: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = commonness._places_and_peoples()
    assert {"oregon", "canadians", "france"} <= built
    [cached] = fresh_table.glob("places-*.json")
    assert sorted(json.loads(cached.read_text(encoding="utf-8"))) == sorted(built)

    commonness._places_and_peoples.cache_clear()
    monkeypatch.setattr(commonness, "_build_places_and_peoples", lambda: pytest.fail("built again"))
    assert commonness._places_and_peoples() == built


@pytest.mark.parametrize("damage", ['["oreg', "[]", "{}", '"canada"', '["oregon", 3]', "[" * 100_000])
def test_a_damaged_cache_is_rebuilt(fresh_table: Path, damage: str) -> None:
    built = commonness._places_and_peoples()
    [cached] = fresh_table.glob("places-*.json")
    cached.write_text(damage, encoding="utf-8")
    commonness._places_and_peoples.cache_clear()
    assert commonness._places_and_peoples() == built
    assert sorted(json.loads(cached.read_text(encoding="utf-8"))) == sorted(built)


def test_a_cache_directory_that_cannot_be_made_costs_only_time(fresh_table: Path) -> None:
    fresh_table.parent.write_text("a file where the cache directory should be", encoding="utf-8")
    assert "oregon" in commonness._places_and_peoples()
    assert fresh_table.parent.is_file()


def test_the_cache_name_follows_the_data_it_came_from(fresh_table: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = commonness._places_cache_path()
    monkeypatch.setattr(commonness, "PLACES_CACHE_FORMAT", commonness.PLACES_CACHE_FORMAT + 1)
    assert commonness._places_cache_path() != before
    monkeypatch.setattr(commonness, "_KNOWN_PLACE", commonness._KNOWN_PLACE + 0.5)
    assert commonness._places_cache_path() != before
