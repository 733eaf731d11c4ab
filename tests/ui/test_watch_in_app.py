"""Pilot tests of the watchlist in the app: w watches the company under the cursor, the Companies pane
marks it, W shows only watched companies, and a poll bringing a watched company's new cut notifies."""

from __future__ import annotations

import time
from pathlib import Path

from tests.ui.conftest import SIZE, Recorder, settle
from tests.ui.sample_db import FEEDS
from tui.config import load_config
from tui.store import open_db
from tui.store.cuts import update_cuts
from tui.ui.messages import AlertsGiven, PollFinished
from tui.ui.polling import ALERT_SECONDS
from tui.watch.alerts import alerts_after_poll


def feed_list(tmp_path: Path, watch: str = "") -> Path:
    """A feeds.toml with the sample's feeds (and a ``[watch]`` table when given)."""
    path = tmp_path / "feeds.toml"
    feeds = "".join(f'[[feeds]]\nname = "{name}"\nurl = "{url}"\n\n' for url, name in FEEDS)
    path.write_text("# my feeds\n" + feeds + watch, encoding="utf-8")
    return path


def pane_lines(app) -> list[str]:
    pane = app.main.query_one("#companies")
    return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


async def test_w_watches_the_company_marks_it_and_W_filters(app_factory, tmp_path: Path) -> None:
    path = feed_list(tmp_path)
    app = app_factory(load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not any("◆" in line for line in pane_lines(app))
        await pilot.press("c", "j", "w")  # the Companies pane, Amazon, watch
        await settle(pilot)
        assert load_config(path).watch.companies == ("Amazon",)
        assert "# my feeds" in path.read_text(encoding="utf-8")  # the user's comments stay
        marked = [line.split("◆ ")[1].split()[0] for line in pane_lines(app) if "◆" in line]
        assert marked == ["Amazon", "Twitch"]  # its unit too
        await pilot.press("a", "W")  # the stories, then watched companies only
        await settle(pilot)
        assert app.main.flt.companies == ("Amazon",)
        await pilot.press("W")
        await settle(pilot)
        assert app.main.flt.companies == ()
        await pilot.press("c", "j", "w")  # again: no longer watched
        await settle(pilot)
        assert load_config(path).watch.companies == ()
        assert not any("◆" in line for line in pane_lines(app))


async def test_w_on_a_story_watches_its_company(app_factory, tmp_path: Path) -> None:
    path = feed_list(tmp_path)
    app = app_factory(load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "w")  # the second story: Twitch lays off 35% of staff
        await settle(pilot)
        assert load_config(path).watch.companies == ("Twitch",)


async def test_a_poll_bringing_a_watched_companys_cut_notifies_until_seen(
    app_factory, tmp_path: Path, sample_db: Path, recorder: Recorder
) -> None:
    path = feed_list(tmp_path, '[watch]\ncompanies = ["Alphabet"]\n')

    polls: list[int] = []

    async def poll_bringing_a_google_cut(config, db_path, **kwargs):
        """The first poll stores a new Google cut; the next ones bring nothing."""
        from tui.poll import PollReport

        polls.append(1)
        if len(polls) > 1:
            return PollReport(())
        db = open_db(db_path)
        with db.conn:
            cursor = db.execute(
                "INSERT INTO articles (feed_id, guid, title, link, text, published, fetched_at, month, layoff, "
                "layoff_auto) VALUES (1, 'g-new', 'Google to cut 12,000 jobs', 'https://news.example.com/g', "
                "'Google will cut 12,000 jobs.', '2024-06-03T08:00:00Z', '2024-06-03T08:00:00Z', '2024-06', 1, 1)"
            )
            db.execute(
                "INSERT INTO events (article_id, company, headcount, headcount_kind, evidence, source, month) "
                "VALUES (?, 'Google', 12000, 'exact', 'Google will cut 12,000 jobs.', 'auto', '2024-06')",
                [cursor.lastrowid],
            )
        update_cuts(db)
        db.close()
        return PollReport(())

    alerts_after_poll(sample_db, [])  # an earlier poll: the cuts stored before are not news
    app = app_factory(load_config(path), poller=poll_bringing_a_google_cut)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await settle(pilot)
        await pilot.press("r")
        deadline = time.monotonic() + 30
        while not recorder.of(PollFinished) and time.monotonic() < deadline:
            await pilot.pause()
        assert recorder.of(PollFinished), [n.message for n in app._notifications]
        await settle(pilot)
        given = recorder.of(AlertsGiven)
        assert [alert.message for alert in given[0].alerts] == ["Google: 12,000 jobs, 1 source"]
        alerts = [n for n in app._notifications if n.title == "Watched company cuts jobs"]
        assert [n.message for n in alerts] == ["Google: 12,000 jobs, 1 source"]
        assert alerts[0].timeout == ALERT_SECONDS
        await pilot.press("r")  # a second poll brings nothing new: no second alert
        deadline = time.monotonic() + 30
        while len(recorder.of(PollFinished)) < 2 and time.monotonic() < deadline:
            await pilot.pause()
        assert len(recorder.of(PollFinished)) == 2, [n.message for n in app._notifications]
        await settle(pilot)
        assert len(recorder.of(AlertsGiven)) == 1
