"""The open app notices what another program wrote (a cron poll) and shows it, keeping the cursor."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

from tests.ui.conftest import SIZE, settle, titles
from tests.ui.test_feeds_and_poll import feed_server, write_feed_list

__all__ = ["feed_server"]


async def wait_for(pilot, condition, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    assert condition()


async def test_a_poll_from_another_process_shows_up_in_the_open_app(
    app_factory, sample_db: Path, feed_server: str, tmp_path: Path
) -> None:
    feeds = write_feed_list(tmp_path / "feeds.toml", feed_server)
    app = app_factory()  # the app's own feed list: it never polls these feeds itself
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l", "j", "j")  # every article, so the test does not depend on the extractor
        await settle(pilot)
        selected = app.main.table.selected_id
        before = len(titles(app))
        cron = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "tui", "--config", str(feeds), "--db", str(sample_db), "poll", "-q"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "2 new articles" in cron.stdout, cron.stderr
        await wait_for(pilot, lambda: "Globex cuts 300 jobs at its Springfield plant" in titles(app))
        await settle(pilot)
        assert len(titles(app)) == before + 2
        assert app.main.table.selected_id == selected  # the cursor stayed on the same story


async def test_a_change_noticed_while_the_app_closes_is_ignored(app_factory) -> None:
    """The change watch can report another program's write after the screens are gone (a race seen in
    the full suite: StopIteration from looking for the main screen); it must not crash the exit."""
    from tui.ui.main_screen import MainScreen
    from tui.ui.messages import ArticlesChanged

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert not [screen for screen in app.screen_stack if isinstance(screen, MainScreen)]
    app.on_articles_changed(ArticlesChanged())  # no screen to refresh: nothing happens
