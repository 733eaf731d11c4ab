"""Every binding of the app in one place, each with a description and an ``id``.

The ``id`` is what a user writes in the ``[keys]`` table of feeds.toml to remap a key
(``poll = "ctrl+r"``); the help screen and the command palette read this same list, so what they
show is what the keys do.
"""

from __future__ import annotations

from textual.binding import Binding

APP_BINDINGS: list[Binding] = [
    Binding("question_mark", "help", "Help", id="help"),
    Binding("r", "poll", "Poll", id="poll"),
    Binding("F", "feeds", "Feeds", id="feeds"),
    Binding("q", "quit", "Quit", id="quit"),
]
"""Keys that work on every screen."""

MAIN_BINDINGS: list[Binding] = [
    # priority: checked before the key is queued to the focused pane, so what is typed right after
    # "/" (a paste, a fast typist) already goes into the search box.
    Binding("slash", "search", "Search", id="search", priority=True),
    Binding("escape", "clear_filter", "Clear", id="clear_filter"),
    Binding("v", "toggle_cuts", "Cuts/stories", id="toggle_cuts"),
    Binding("T", "timeline", "Timeline", id="timeline"),
    Binding("w", "toggle_watch", "Watch", id="toggle_watch"),
    Binding("W", "toggle_watched_only", "Watched only", id="toggle_watched_only", show=False),
    Binding("l", "toggle_layoffs", "Layoffs/all", id="toggle_layoffs"),
    Binding("u", "toggle_unread", "Unread only", id="toggle_unread", show=False),
    Binding("m", "toggle_read", "Read", id="toggle_read"),
    Binding("s", "toggle_star", "Star", id="toggle_star"),
    Binding("o", "open_link", "Open", id="open_link"),
    Binding("t", "edit_tags", "Tags", id="edit_tags"),
    Binding("x", "toggle_not_layoff", "Not a layoff", id="toggle_not_layoff", show=False),
    Binding("e", "export", "Export", id="export"),
    Binding("c", "focus_pane('companies')", "Companies pane", id="focus_companies", show=False),
    Binding("M", "focus_pane('months')", "Months pane", id="focus_months", show=False),
    Binding("a", "focus_pane('articles')", "Articles pane", id="focus_articles", show=False),
]
"""Keys of the main screen (panes, table, reader)."""


def vim_bindings(down: str, up: str, first: str, last: str) -> list[Binding]:
    """j/k and g/G beside the arrows for a pane whose actions are named ``down``/``up``/...; the same ids
    everywhere so one ``[keys]`` entry remaps them in every pane."""
    return [
        Binding("j", down, "Down", show=False, id="down"),
        Binding("k", up, "Up", show=False, id="up"),
        Binding("g", first, "First", show=False, id="first"),
        Binding("G", last, "Last", show=False, id="last"),
    ]


FEEDS_BINDINGS: list[Binding] = [
    Binding("enter", "show_feed", "Its stories", id="show_feed"),
    Binding("i", "feed_info", "Details", id="feed_info"),
    Binding("a", "add_feed", "Add feed", id="add_feed"),
    Binding("d", "remove_feed", "Remove", id="remove_feed"),
    Binding("space", "toggle_feed", "Enable/disable", id="toggle_feed"),
    Binding("escape", "close", "Back", id="close_feeds"),
]
"""Keys of the feeds screen."""

OTHER_KEYS: list[tuple[str, str]] = [
    ("Enter", "Read the story / choose the company, month or feed"),
    ("Tab / shift+Tab", "Next / previous pane"),
    ("↑ ↓ PgUp PgDn", "Move in a list or the reader (Home / End: first / last)"),
    ("ctrl+p", "Command palette: every action by name"),
    ("ctrl+q", "Quit, from anywhere"),
]
"""Keys of the lists, fields and palette that cannot be remapped, listed in the help for completeness."""

KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "Esc", "space": "Space", "enter": "Enter"}
"""How a key is written for people (the help, the palette), where Textual's name differs."""


def key_label(binding: Binding, keymap: dict[str, str]) -> str:
    """The keys that trigger ``binding`` now (the user's ``[keys]`` first), as a user types them."""
    keys = keymap.get(binding.id or "", binding.key)
    return " / ".join(KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))


def binding_ids() -> set[str]:
    """Every id a user may remap in ``[keys]``."""
    bindings = [*APP_BINDINGS, *MAIN_BINDINGS, *FEEDS_BINDINGS, *vim_bindings("d", "u", "f", "l")]
    return {binding.id for binding in bindings if binding.id}


def binding_scopes() -> list[dict[str, str]]:
    """Binding ids and their default keys, one dict per screen: the ids that work together there, so two
    of them must never share a key (``tui.keymap.check_key_clashes``). The panes' j/k/g/G count too: a
    key the table takes never reaches the screen."""
    lists = vim_bindings("d", "u", "f", "l")
    return [
        {binding.id: binding.key for binding in [*APP_BINDINGS, *screen, *lists] if binding.id}
        for screen in (MAIN_BINDINGS, FEEDS_BINDINGS)
    ]
