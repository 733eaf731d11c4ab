"""The app at 80x24 and on a wide screen (issue 10: at 80x24 the Title column was 3 cells wide, the Feed
column off screen and the footer cut; at 160 columns the feeds screen cut errors at 22 cells)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets._footer import FooterKey

from tests.ui.conftest import settle
from tui.ui.feed_table import FeedTable, feed_columns
from tui.ui.table_lines import COLUMNS, column_widths

SMALL = (80, 24)


def widths(app) -> dict[str, int]:
    table = app.main.table
    return dict(zip([key for key, _, _ in COLUMNS], column_widths(table.scrollable_content_region.width)))


async def test_at_80x24_the_title_keeps_thirty_cells_and_the_sidebar_is_a_drawer(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        sidebar = app.main.query_one("#sidebar")
        assert not sidebar.display  # closed: the stories get the width
        assert widths(app)["title"] >= 30 and widths(app)["feed"] == 0
        assert "~500  Amazon cuts 500 jobs in devices…" in app.main.table.render_line(1).text  # 32 cells
        await pilot.press("c")  # c opens the drawer on the Companies pane
        await settle(pilot)
        assert sidebar.display and app.focused is app.main.query_one("#companies")
        await pilot.press("j", "enter")  # choosing closes it and gives the stories the focus
        await settle(pilot)
        assert app.main.flt.companies == ("Amazon",)
        assert app.focused is app.main.table and not sidebar.display
        await pilot.press("M")
        await settle(pilot)
        assert sidebar.display and app.focused is app.main.query_one("#months")
        await pilot.press("a")  # back to the stories without choosing: closed again
        await settle(pilot)
        assert not sidebar.display


async def test_the_footer_shows_the_most_used_keys_that_fit(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        keys = list(app.main.query(FooterKey))
        assert all(key.region.right <= 80 and key.region.width for key in keys), [k.region for k in keys]
        shown = {key.key_display for key in keys}
        assert {"?", "/", "esc", "l"} <= shown  # help first, then the filters
        assert len(keys) < 16  # some gave way
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        assert len(list(app.main.query(FooterKey))) == 16  # all fifteen keys, and the palette


async def test_the_sidebar_stays_open_on_a_wide_screen(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.main.query_one("#sidebar").display
        assert widths(app)["feed"] == 10 and widths(app)["title"] >= 30


async def test_the_feeds_screen_uses_the_width(app_factory, sample_db: Path) -> None:
    long_error = "certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)"
    with sqlite3.connect(sample_db) as conn:
        conn.execute("UPDATE feeds SET last_error = ? WHERE name = 'Work Markets'", [long_error])
    app = app_factory()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        table = app.screen.query_one(FeedTable)
        columns = {key: width for key, _, width in table._columns}
        assert columns["error"] >= 55 and columns["url"] >= len("https://markets.example.net/rss")
        assert long_error[:55] in str(table.get_cell("https://markets.example.net/rss", "error"))
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not table.has_column("url") and table.has_column("error")  # i shows the URL


def test_feed_columns_share_the_room_by_what_they_hold() -> None:
    assert [key for key, _, _ in feed_columns(77, [])] == [
        "on",
        "name",
        "polled",
        "status",
        "articles",
        "error",
    ]
    wide = {key: width for key, _, width in feed_columns(157, [])}
    assert wide["error"] + wide["url"] == 157 - (2 + 20 + 9 + 13 + 8) - 7 * 2
