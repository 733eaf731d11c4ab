"""Fixtures for the app's tests: a small database, the app built by the real factory, a settle helper."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.message import Message
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from tests.ui.sample_db import build_sample_db, sample_config
from tui.config import Config
from tui.ui import make_app
from tui.ui.app import LayoffsApp

NOW = datetime(2024, 3, 29, 9, 0, tzinfo=UTC)
"""The fixed clock of every UI test and snapshot."""
SIZE = (120, 36)


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    return build_sample_db(tmp_path / "sample.db")


@pytest.fixture
def app_factory(sample_db: Path) -> Callable[..., LayoffsApp]:
    """Builds the app over the sample database; keyword arguments go to ``make_app``."""

    def build(config: Config | None = None, **kwargs: object) -> LayoffsApp:
        kwargs.setdefault("poll_on_start", False)
        kwargs.setdefault("now", NOW)
        return make_app(config or sample_config(), sample_db, **kwargs)  # type: ignore[arg-type]

    return build


class Recorder:
    """Collects the messages the app posts (``run_test(message_hook=...)``)."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def __call__(self, message: Message) -> None:
        self.messages.append(message)

    def of(self, kind: type) -> list:
        return [message for message in self.messages if isinstance(message, kind)]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


async def settle(pilot: Pilot, *, timeout: float = 30.0) -> None:
    """Wait until the workers are done and their messages handled (no sleeps, no fixed rounds:
    on a loaded machine a worker may take many pauses)."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive worker replaced by a newer one
            pass
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers):
            main = getattr(app, "main", None)
            if main is None or (main.articles_ready and main.facets_ready and not main.follower.pending):
                await pilot.pause()
                return
    raise AssertionError("the app did not settle")


def titles(app: LayoffsApp) -> list[str]:
    """The titles the table shows, in order."""
    return app.main.table.titles()
