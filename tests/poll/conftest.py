"""Fixtures for the poller's tests: a live local server, a config builder and a database path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.poll.server import FeedServer
from tui.config import Config, FeedConfig, Settings


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "layoffs.db"


def make_config(*urls: str, timeout: float = 2.0, concurrency: int = 8) -> Config:
    """A config over ``urls`` with short timeouts, so failing cases end fast."""
    feeds = tuple(FeedConfig(url=url, name=f"feed{index}") for index, url in enumerate(urls))
    return Config(path=None, settings=Settings(concurrency=concurrency, timeout_seconds=timeout), feeds=feeds)
