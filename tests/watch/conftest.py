"""Fixtures for the watchlist's tests: the poller's live local feed server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.poll.server import FeedServer


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running
