"""The feeds screen and a background poll against a local HTTP server while the user moves around."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, Recorder, settle, titles
from tui.config import load_config
from tui.ui.feeds_screen import FeedsScreen
from tui.ui.messages import FeedPolled, PollFinished, PollStarted

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local news</title><link>http://127.0.0.1/</link>
<item><title>Globex cuts 300 jobs at its Springfield plant</title><guid>globex-1</guid>
<link>https://local.example/globex</link><pubDate>Fri, 29 Mar 2024 08:00:00 GMT</pubDate>
<description>Globex said on Friday it will cut 300 jobs at its Springfield plant.</description></item>
<item><title>Initech lays off 120 workers</title><guid>initech-1</guid>
<link>https://local.example/initech</link><pubDate>Fri, 29 Mar 2024 07:00:00 GMT</pubDate>
<description>Initech is laying off 120 workers, the company said.</description></item>
</channel></rss>"""


class FeedHandler(BaseHTTPRequestHandler):
    """/feed.rss answers the RSS above; anything else is a 404."""

    def do_GET(self) -> None:
        if self.path == "/feed.rss":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(RSS)))
            self.send_header("ETag", '"v1"')
            self.end_headers()
            self.wfile.write(RSS)
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed_server() -> Iterator[str]:
    """A real HTTP server on 127.0.0.1; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def write_feed_list(path: Path, base: str) -> Path:
    path.write_text(
        "# my feeds\n[settings]\ntimeout_seconds = 5\n\n"
        f'[[feeds]]\nname = "Local news"\nurl = "{base}/feed.rss"\n\n'
        f'[[feeds]]\nname = "Broken"\nurl = "{base}/missing.rss"\n',
        encoding="utf-8",
    )
    return path


async def test_poll_brings_new_rows_without_moving_the_cursor(
    app_factory, feed_server: str, tmp_path: Path, recorder: Recorder
) -> None:
    config = load_config(write_feed_list(tmp_path / "feeds.toml", feed_server))
    app = app_factory(config)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await settle(pilot)
        await pilot.press("l")  # every article, so the test does not depend on the extractor
        await settle(pilot)
        await pilot.press("j", "j")
        selected = app.main.table.selected_id
        await pilot.press("r")
        for key in ("j", "k", "c", "j", "a"):  # the user keeps moving while feeds are fetched
            await pilot.press(key)
        await pilot.press("k")
        selected = app.main.table.selected_id
        deadline = time.monotonic() + 60
        while not recorder.of(PollFinished) and time.monotonic() < deadline:
            await pilot.pause()
        await settle(pilot)
        assert recorder.of(PollStarted)[0].total == 2
        assert len(recorder.of(FeedPolled)) == 2
        report = recorder.of(PollFinished)[0].report
        assert report.new == 2 and report.failed == 1
        assert "Globex cuts 300 jobs at its Springfield plant" in titles(app)
        assert app.main.table.selected_id == selected  # the cursor stayed on the same story
        assert any("1 feed failed" in n.message for n in app._notifications)


async def test_feeds_screen_lists_status_and_errors(app_factory, recorder: Recorder) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        assert [row.name for row in screen.rows] == ["Tech Cuts", "Business Desk", "Work Markets"]
        broken = screen.rows[2]
        assert broken.last_status == "error" and broken.last_error == "timed out after 20 s"
        table = screen.query_one("#feeds")
        statuses = [str(table.get_cell(row.url, "status")) for row in screen.rows]
        assert statuses == ["new articles", "new articles", "failed"]  # words, not not_modified (issue 10)
        await pilot.press("G", "i")  # the whole error, which the table cuts
        await pilot.pause()
        assert any(
            "timed out after 20 s" in n.message and n.title == "Work Markets" for n in app._notifications
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main


async def test_enter_on_a_feed_shows_its_stories(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("j", "enter")  # Business Desk
        await settle(pilot)
        assert app.screen is app.main
        assert titles(app) == [
            "Twitch lays off 35% of staff",
            "LinkedIn cuts 10% of recruiting staff",
            "[bold]Hostile[/] title [@click=app.quit]click[/] red",
        ]
        assert "feed: Business Desk" in app.main.query_one("#filter-bar").text
        await pilot.press("escape")
        await settle(pilot)
        assert len(titles(app)) == 9


async def test_choosing_a_feed_clears_the_other_filters(app_factory) -> None:
    """Issue 10: Enter on a feed kept an earlier company filter (2 of the feed's stories shown)."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "j", "enter")  # Amazon
        await settle(pilot)
        await pilot.press("slash", *"cuts", "enter")
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("j", "enter")  # Business Desk
        await settle(pilot)
        assert app.main.flt.companies == () and app.main.flt.search == ""
        assert len(titles(app)) == 3
        assert app.main.query_one("#filter-bar").text.startswith("Filter feed: Business Desk · layoff stories")
        assert not app.main.query_one("#search").display


async def test_feeds_screen_adds_disables_and_removes(app_factory, tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(
        '# keep me\n[[feeds]]\nname = "Tech Cuts"\nurl = "https://news.example.com/tech.rss"\n',
        encoding="utf-8",
    )
    app = app_factory(load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"https://new.example.com/rss", "tab", *"New one", "enter")
        await settle(pilot)
        assert [feed.name for feed in app.config.feeds] == ["Tech Cuts", "New one"]
        assert "# keep me" in path.read_text(encoding="utf-8")
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        assert [row.name for row in screen.rows] == ["Tech Cuts", "New one"]
        await pilot.press("space")  # the cursor is on Tech Cuts
        await settle(pilot)
        assert not app.config.feeds[0].enabled
        await pilot.press("j", "d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert [feed.name for feed in app.config.feeds] == ["Tech Cuts"]
        assert [row.name for row in screen.rows] == ["Tech Cuts"]  # gone from the screen too
        assert any(n.message == "Removed https://new.example.com/rss" for n in app._notifications)
        assert str(screen.query_one("#feeds-title").render()).startswith("Feeds: 1 (0 enabled, 0 failing)")


async def test_the_feeds_screen_lists_the_feed_list_not_every_stored_feed(app_factory, tmp_path: Path) -> None:
    """A feed removed earlier (by the CLI, or before a restart) keeps its stories but leaves the screen."""
    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nname = "Tech Cuts"\nurl = "https://news.example.com/tech.rss"\n', encoding="utf-8")
    app = app_factory(load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert [row.name for row in screen.rows] == ["Tech Cuts"]
        title = str(screen.query_one("#feeds-title").render())
        assert title.startswith("Feeds: 1 (1 enabled, 0 failing)")
        assert "2 removed feeds' stories are still stored" in title
        await pilot.press("d", "y")
        await settle(pilot)
        assert screen.rows == []
        assert any(
            n.message == "Removed https://news.example.com/tech.rss; its 4 stored articles stay in the database"
            for n in app._notifications
        )
        assert "3 removed feeds' stories are still stored" in str(screen.query_one("#feeds-title").render())


@pytest.mark.parametrize(("interval_minutes", "polled"), [(30, True), (24 * 60, False)])
async def test_on_start_only_due_feeds_are_polled(app_factory, recorder: Recorder, interval_minutes: int,
                                                  polled: bool) -> None:
    """The sample feeds were polled 23 hours before the clock: due at 30 minutes, not at a day."""
    import dataclasses

    from tests.ui.sample_db import sample_config
    from tui.config import Settings
    from tui.poll import PollReport

    calls: list[list[str]] = []

    async def stand_in(config, db_path, **kwargs):
        calls.append([feed.name for feed in config.enabled_feeds])
        return PollReport(())

    config = dataclasses.replace(sample_config(), settings=Settings(interval_minutes=interval_minutes))
    app = app_factory(config, poll_on_start=True, poller=stand_in)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        deadline = time.monotonic() + 30
        while not recorder.of(PollFinished) and time.monotonic() < deadline:
            await pilot.pause()
        await settle(pilot)
        finished = recorder.of(PollFinished)[0]
        if polled:
            assert calls == [[feed.name for feed in config.feeds]]
            assert recorder.of(PollStarted)[0].total == len(config.feeds)
        else:
            assert calls == [] and finished.quiet and not recorder.of(PollStarted)
            assert not app._notifications


async def test_a_refused_feed_keeps_the_add_dialog_and_what_was_typed(app_factory, tmp_path: Path) -> None:
    from tui.ui.add_feed_dialog import AddFeedDialog

    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nname = "Tech Cuts"\nurl = "https://news.example.com/tech.rss"\n', encoding="utf-8")
    app = app_factory(load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"https://news.example.com/tech.rss", "tab", *"Again", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AddFeedDialog)
        assert "is already in the feed list as 'Tech Cuts'" in str(dialog.query_one("#error").render())
        assert dialog.query_one("#name").value == "Again"
        assert [feed.name for feed in app.config.feeds] == ["Tech Cuts"]
