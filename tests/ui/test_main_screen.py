"""Pilot tests of the main screen: real keys, then what the table holds and what was posted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, Recorder, settle, titles
from tests.ui.sample_db import sample_config
from tui.config import Config
from tui.service import StoryFigure
from tui.ui.messages import ArticleLoaded, ArticlesLoaded, FacetsLoaded

ALL_LAYOFFS = 9
AMAZON = [
    "Amazon cuts 500 jobs in devices unit",
    "Twitch lays off 35% of staff",
    "Amazon and Google both announce cuts",
]


def stored(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


async def test_first_paint_shows_stored_stories(app_factory, recorder: Recorder) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await settle(pilot)
        assert len(titles(app)) == ALL_LAYOFFS
        assert titles(app)[0] == "Amazon cuts 500 jobs in devices unit"
        assert "Markets rally as hiring picks up" not in titles(app)  # not a layoff story
        companies = app.main.query_one("#companies").names
        assert companies[:3] == [None, "Amazon", "Twitch"]  # the unit under its parent
        assert app.main.query_one("#months").months == [None, "2024-03", "2024-02", "2024-01", "2023-12"]
        assert recorder.of(ArticlesLoaded)


async def test_the_first_counts_are_shown_with_the_first_page(app_factory, recorder: Recorder) -> None:
    """``make_app`` counts the panes while Textual starts (``LayoffsService.count_ahead``); once they
    are ready, the first page brings them along instead of asking a worker after its repaint."""
    app = app_factory()
    assert app.service._ahead is not None
    app.service._ahead[1].result(timeout=10)  # ready first, as when Textual's import is the slower
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await settle(pilot)
        assert app.main.facets_ready
        assert not recorder.of(FacetsLoaded)  # no worker was asked
        assert app.main.query_one("#companies").names[:3] == [None, "Amazon", "Twitch"]
        await pilot.press("c", "j", "enter")  # a filter change counts in a worker as before
        await settle(pilot)
        assert recorder.of(FacetsLoaded)


async def test_filter_by_company_includes_units(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "j", "enter")  # Companies pane, down to Amazon, choose
        await settle(pilot)
        assert titles(app) == AMAZON
        assert app.main.flt.companies == ("Amazon",)
        # The Months pane counts follow the company filter.
        assert app.main.query_one("#months").months == [None, "2024-03", "2024-02"]


async def test_filter_by_month(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M", "down", "enter")  # Months pane, 2024-03
        await settle(pilot)
        assert app.main.flt.months == ("2024-03",)
        assert titles(app) == [
            "Amazon cuts 500 jobs in devices unit",
            "Twitch lays off 35% of staff",
            "Google trims hundreds of roles in hardware",
        ]
        # The companies pane counts follow the month filter.
        assert app.main.query_one("#companies").names == [None, "Amazon", "Twitch", "Google"]


async def test_company_and_month_combine_and_escape_clears(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "j", "enter")
        await settle(pilot)
        await pilot.press("M", "j", "j", "enter")  # 2024-02 under Amazon
        await settle(pilot)
        assert titles(app) == ["Amazon and Google both announce cuts"]
        bar = app.main.query_one("#filter-bar").text
        assert "company: Amazon" in bar and "month: 2024-02" in bar and "1 story" in bar
        await pilot.press("escape")
        await settle(pilot)
        assert len(titles(app)) == ALL_LAYOFFS
        assert app.main.flt.companies == () and app.main.flt.months == ()


async def test_search_narrows_and_escape_clears(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"spotif")  # a prefix matches
        await settle(pilot)
        assert titles(app) == ["Spotify cuts 1,500 jobs, 17% of staff"]
        await pilot.press("enter")  # back to the table
        assert app.focused is app.main.table
        await pilot.press("escape")
        await settle(pilot)
        assert len(titles(app)) == ALL_LAYOFFS
        assert not app.main.query_one("#search").display


async def test_layoffs_toggle_shows_every_article(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert "Markets rally as hiring picks up" in titles(app)
        assert len(titles(app)) == ALL_LAYOFFS + 1


async def test_enter_reads_and_marks_read(app_factory, sample_db: Path, recorder: Recorder) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "enter")  # the Google story, unread
        await settle(pilot)
        loaded = recorder.of(ArticleLoaded)
        assert loaded and loaded[-1].article_id == 3
        text = app.main.reader.text()
        assert "Google trims hundreds of roles in hardware" in text
        assert "Google is cutting hundreds of roles across its hardware teams." in text  # the evidence
        assert app.main.table.rows_by_id[3].is_read
    assert stored(sample_db, "SELECT is_read FROM articles WHERE id = 3") == [(1,)]


async def test_mark_unread_and_star(app_factory, sample_db: Path) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "m", "s")  # Twitch (read) -> unread, starred
        await settle(pilot)
        row = app.main.table.rows_by_id[2]
        assert not row.is_read and row.starred
    assert stored(sample_db, "SELECT is_read, starred FROM articles WHERE id = 2") == [(0, 1)]


async def test_hostile_title_is_shown_literally(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"hostile", "enter")
        await settle(pilot)
        assert len(titles(app)) == 1
        shown = titles(app)[0]
        assert shown.startswith("[bold]Hostile[/] title [@click=app.quit]click[/]")
        assert "\x1b" not in shown
        await pilot.press("enter")
        await settle(pilot)
        text = app.main.reader.text()
        assert "[red]not red[/red]" in text and "\x1b" not in text and "\x07" not in text
        assert "Acme [Corp]" in text
        await pilot.click("#articles", offset=(60, 1))  # clicking the title must not run app.quit
        await pilot.pause()
        assert app.is_running
        assert "[bold]Hostile[/]" in app.export_screenshot()


async def test_open_link_uses_the_injected_opener(app_factory) -> None:
    opened: list[str] = []
    app = app_factory(open_url=opened.append)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
    assert opened == ["https://news.example.com/story/1"]


async def test_when_no_browser_starts_the_link_is_shown_not_claimed_opened(app_factory) -> None:
    """Issue 10, bug 4: ``webbrowser.open`` returns False when it finds no browser."""
    app = app_factory(open_url=lambda url: False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
    assert not any(message.startswith("Opened") for message in messages)
    assert any("No browser could be started" in m and "https://news.example.com/story/1" in m for m in messages)


async def test_a_link_that_is_not_http_is_never_opened(app_factory, sample_db: Path) -> None:
    with sqlite3.connect(sample_db) as conn:
        conn.execute("UPDATE articles SET link = 'javascript:alert(1)' WHERE id = 1")
    opened: list[str] = []
    app = app_factory(open_url=opened.append)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert any("no http(s) link" in n.message for n in app._notifications)
    assert opened == []


async def test_keys_can_be_remapped(sample_db: Path, app_factory) -> None:
    config = Config(path=None, feeds=sample_config().feeds, keys=(("toggle_layoffs", "z"), ("down", "n")))
    app = app_factory(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert app.main.table.cursor_row == 1
        await pilot.press("z")
        await settle(pilot)
        assert len(titles(app)) == ALL_LAYOFFS + 1


async def test_help_lists_the_keys(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        from tui.ui.help_screen import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main


async def test_command_palette_runs_actions(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Layoffs/all")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert not app.main.flt.layoffs_only


async def test_counts_still_being_counted_at_the_first_page_are_waited_for_at_once(
    app_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a busy machine the counts started by ``make_app`` may not be ready with the first page: the
    worker that waits for them starts with the page (it runs no query of its own), not after a repaint."""
    import threading

    from tui.service import LayoffsService
    from tui.ui.browse_screen import BrowseScreen
    from tui.ui.main_loader import MainLoader

    release = threading.Event()
    real_count = LayoffsService._count

    def slow_count(self: LayoffsService, flt):
        release.wait(10)
        return real_count(self, flt)

    monkeypatch.setattr(LayoffsService, "_count", slow_count)
    inside_page: list[bool] = []
    asked_in_page: list[bool] = []
    real_loaded, real_facets = BrowseScreen.on_articles_loaded, MainLoader.facets

    def loaded(self: BrowseScreen, message) -> None:
        inside_page.append(True)
        try:
            real_loaded(self, message)
        finally:
            inside_page.pop()

    def facets(self: MainLoader, flt, *, cuts: bool) -> None:
        asked_in_page.append(bool(inside_page))
        real_facets(self, flt, cuts=cuts)

    monkeypatch.setattr(BrowseScreen, "on_articles_loaded", loaded)
    monkeypatch.setattr(MainLoader, "facets", facets)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        while not app.main.articles_ready:
            await pilot.pause(0.01)
        assert not app.main.facets_ready
        release.set()
        await settle(pilot)
        assert asked_in_page[:1] == [True]
        assert app.main.facets_ready and app.main.query_one("#companies").names[:2] == [None, "Amazon"]


async def test_a_word_typed_past_its_stem_keeps_its_stories(app_factory) -> None:
    """"laying" is indexed as "lai": typed letter by letter, "layin" must not empty the table."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"layin")
        await settle(pilot)
        shown = titles(app)
        await pilot.press("g")
        await settle(pilot)
        assert shown and shown == titles(app)


async def test_keys_typed_right_after_slash_go_to_the_search(app_factory) -> None:
    """A paste or a fast typist: the keys arrive before the app has handled "/"."""
    from textual import events

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, char in [("slash", "/"), ("s", "s"), ("p", "p"), ("o", "o")]:
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert app.main.flt.search == "spo"
        assert titles(app) == ["Spotify cuts 1,500 jobs, 17% of staff"]
        assert not app.main.table.rows_by_id[10].starred  # "s" did not star a story on its way


async def test_the_table_pages_as_the_cursor_goes_down(app_factory, sample_db: Path) -> None:
    """450 more stories: the first page holds 200 (PAGE_SIZE); going to the end loads the rest."""
    from tui.store.queries import PAGE_SIZE

    with sqlite3.connect(sample_db) as conn:
        conn.executemany(
            "INSERT INTO articles (feed_id, guid, title, text, published, fetched_at, month, layoff) "
            "VALUES (1, ?, ?, '', ?, ?, '2023-11', 1)",
            [
                (
                    f"extra-{n}",
                    f"Extra story {n:03d}",
                    f"2023-11-{n % 28 + 1:02d}T00:00:00Z",
                    "2023-11-01T00:00:00Z",
                )
                for n in range(450)
            ],
        )
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.main.table
        assert table.row_count == PAGE_SIZE and table.total == ALL_LAYOFFS + 450
        for _ in range(5):
            await pilot.press("G")
            await settle(pilot)
        assert table.row_count == ALL_LAYOFFS + 450
        assert len(set(table.rows_by_id)) == table.row_count  # no story twice
        assert titles(app)[-1] == "Extra story 000"  # the oldest (2023-11-01, lowest id) last


async def test_the_jobs_cell_speaks_for_the_company_it_names(app_factory) -> None:
    """Issue 10, bug 6: "Amazon and Google both announce cuts" (Amazon 1,200, Google 1,000) showed
    2,200 beside Amazon's name, and filtered by Google, 1,000 beside Amazon's name."""
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = app.main.table.rows_by_id[6]
        assert (row.companies, row.figure) == (("Amazon", "Google"), StoryFigure(1200))
        app.main.flt = app.main.flt.but(companies=("Google",))
        await settle(pilot)
        row = app.main.table.rows_by_id[6]
        assert (row.companies, row.figure) == (("Google", "Amazon"), StoryFigure(1000))
        line = app.main.table._row_line(app.main.table.rows.index(row)).text
        assert "Google +1            1,000  Amazon and Google" in line


async def test_wording_the_reader_palette_and_help_share(app_factory) -> None:
    """Issue 10: "Google: hundreds jobs" in the reader, "key: question_mark" and Quit twice in the
    palette, a help section titled "Textual"."""
    from tui.ui.commands import LayoffsCommands
    from tui.ui.help_screen import help_table

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "enter")  # the Google story: a vague figure
        await settle(pilot)
        assert "• Google: hundreds of jobs" in app.main.reader.text()
        commands = LayoffsCommands(app.main)._commands()
        helps = {title: help_text for title, _, help_text in commands}
        assert helps["Help"] == "key: ?" and helps["Search"] == "key: /" and helps["Clear"] == "key: Esc"
        titles_offered = [title for title, _, _ in commands] + [c.title for c in app.get_system_commands(app.main)]
        assert titles_offered.count("Quit") == 1
    from rich.console import Console

    console = Console(width=100, record=True)
    console.print(help_table({}))
    text = console.export_text()
    assert "Other keys" in text and "Textual" not in text
    assert text.count("First / last") <= 1  # g/G listed once


async def test_an_undated_story_is_marked(app_factory, sample_db: Path) -> None:
    """Issue 10: a story the feed gave no date showed the fetch time as its date, unmarked."""
    with sqlite3.connect(sample_db) as conn:
        conn.execute("UPDATE articles SET published_known = 0 WHERE id = 2")
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.main.table
        assert table._row_line(1).text.startswith("    ~2024-03-21  Twitch")
        assert table._row_line(0).text.startswith(" ●   2024-03-28  Amazon")
        await pilot.press("j", "enter")
        await settle(pilot)
        assert "2024-03-21 14:30:00 (when we fetched it: the feed gave no date)" in app.main.reader.text()


async def test_the_reader_follows_the_cursor_and_the_keys_act_on_what_it_shows(app_factory, recorder: Recorder) -> None:
    """Issue 10: the reader kept an old story while o, t and x acted on the highlighted row."""
    opened: list[str] = []
    app = app_factory(open_url=opened.append)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await settle(pilot)
        assert app.main.reader.detail is not None and app.main.reader.detail.id == 1  # the first row, at once
        await pilot.press("enter")  # read it
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        assert app.main.reader.detail.id == 3 and app.main.table.selected_id == 3
        assert not app.main.table.rows_by_id[3].is_read  # following is not reading: Enter marks read
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://news.example.com/story/3"]


async def test_the_reader_waits_for_the_cursor_to_rest(app_factory, recorder: Recorder) -> None:
    """Eight rows passed in one burst load one story, the last one (debounced)."""
    from textual import events

    app = app_factory()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await settle(pilot)
        before = len(recorder.of(ArticleLoaded))
        for _ in range(8):
            app.post_message(events.Key("j", "j"))
        await settle(pilot)
        messages = {id(message): message for message in recorder.of(ArticleLoaded)[before:]}  # seen per hop
        loaded = [message.article_id for message in messages.values()]
        assert loaded == [app.main.table.selected_id] and app.main.reader.detail.id == loaded[0]


async def test_an_empty_table_empties_the_reader(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"nosuchword")
        await settle(pilot)
        assert app.main.table.row_count == 0 and app.main.reader.detail is None
