"""feeds.toml validation: good files load; every bad one names the file, the line or key, and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.config import DEFAULT_CONCURRENCY, Config, load_config, parse_config
from tui.errors import ConfigError

GOOD = """\
[settings]
interval_minutes = 15
concurrency = 4
timeout_seconds = 7.5

[[feeds]]
name = "Tech cuts"
url = "https://example.com/cuts.rss"
tags = ["tech", "layoffs"]

[[feeds]]
url = "http://www.example.org/feed"
enabled = false
interval_minutes = 60

[keys]
poll = "ctrl+r"
"""


def test_good_file_loads_into_frozen_settings(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(GOOD)
    config = load_config(path)
    assert isinstance(config, Config)
    assert config.settings.interval_minutes == 15
    assert config.settings.concurrency == 4
    assert config.settings.timeout_seconds == 7.5
    assert [f.name for f in config.feeds] == ["Tech cuts", "example.org/feed"]
    assert config.feeds[0].tags == ("tech", "layoffs")
    assert config.feeds[1].enabled is False and config.feeds[1].interval_minutes == 60
    assert [f.url for f in config.enabled_feeds] == ["https://example.com/cuts.rss"]
    assert config.key_map == {"poll": "ctrl+r"}
    with pytest.raises(AttributeError):
        config.feeds[0].url = "https://evil.example"  # type: ignore[misc]


def test_empty_file_is_valid_with_defaults() -> None:
    config = parse_config("")
    assert config.feeds == () and config.settings.concurrency == DEFAULT_CONCURRENCY == 64


def test_bundled_feed_list_is_valid_and_real() -> None:
    config = load_config(Path(__file__).resolve().parents[2] / "feeds.toml")
    assert 10 <= len(config.feeds) <= 20
    assert all(feed.url.startswith("https://") for feed in config.feeds)


BAD = [
    # (file text, words the message must hold)
    ('[[feeds]]\nurl = "https://a.example/x"\ntitle = "A"\n', ["feeds.toml:3", "'title'", "did you mean 'name'"]),
    ('[[feeds]]\nurl = "https://a.example/x"\nenabeld = true\n', ["feeds.toml:3", "did you mean 'enabled'"]),
    ('[setings]\nconcurrency = 2\n', ["feeds.toml:1", "'setings'", "did you mean 'settings'"]),
    ('[settings]\nconcurency = 2\n', ["feeds.toml:2", "did you mean 'concurrency'"]),
    ('[settings]\nconcurrency = "eight"\n', ["feeds.toml:2", "settings.concurrency", "an integer"]),
    ('[settings]\nconcurrency = 0\n', ["feeds.toml:2", "between 1 and 64"]),
    ('[settings]\nconcurrency = 5000\n', ["feeds.toml:2", "between 1 and 64"]),
    ('[settings]\ntimeout_seconds = nan\n', ["feeds.toml:2", "settings.timeout_seconds", "not nan"]),
    ('[settings]\ntimeout_seconds = inf\n', ["feeds.toml:2", "not inf"]),
    ('[[feeds]]\nurl = "https://a.example/x"\ninterval_minutes = 0\n', ["feeds.toml:3", "between 1 and"]),
    ('[[feeds]]\nurl = "http://127.0.0.1:99999/c"\n', ["feeds.toml:2", "feeds[0].url"]),
    ('[[feeds]]\nurl = "http://a b/c"\n', ["feeds.toml:2", "feeds[0].url"]),
    ('[settings]\ninterval_minutes = true\n', ["settings.interval_minutes", "an integer"]),
    ('[[feeds]]\nname = "no url"\n', ["feeds.toml:1", "feeds[0]", "no 'url'"]),
    ('[[feeds]]\nurl = "ftp://a.example/x"\n', ["feeds.toml:2", "feeds[0].url", "http:// or https://"]),
    ('[[feeds]]\nurl = "file:///etc/passwd"\n', ["feeds[0].url", "http:// or https://"]),
    ('[[feeds]]\nurl = "not a url"\n', ["feeds[0].url"]),
    ('[[feeds]]\nurl = 42\n', ["feeds.toml:2", "feeds[0].url", "a string"]),
    ('[[feeds]]\nurl = "https://a.example/x"\ntags = "tech"\n', ["feeds.toml:3", "feeds[0].tags", "a list"]),
    ('[[feeds]]\nurl = "https://a.example/x"\ntags = [1]\n', ["feeds[0].tags", "list of strings"]),
    ('[[feeds]]\nurl = "https://a.example/x"\nenabled = "yes"\n', ["feeds[0].enabled", "true or false"]),
    ('[[feeds]]\nurl = "https://a.example/x"\n\n[[feeds]]\nurl = "HTTPS://A.example/x"\n',
     ["feeds.toml:5", "duplicates feeds[0]"]),
    ('[[feeds]]\nurl = "https://a.example/x"\n[[feeds]]\nurl = "https://b.example/x"\nnmae = "B"\n',
     ["feeds.toml:5", "feeds[1]", "did you mean 'name'"]),
    # A typo of another reader's word for a key: "titel" is "title", which we call "name" (issue 10).
    ('[[feeds]]\nurl = "https://a.example/x"\ntitel = "A"\n', ["feeds.toml:3", "did you mean 'name'?"]),
    ('[[feeds]]\nurl = "https://a.example/x"\ncategorys = ["a"]\n', ["feeds.toml:3", "did you mean 'tags'?"]),
    ('feeds = "x"\n', ["'feeds' must be"]),
    ('[[feeds]\nurl = "x"\n', ["not valid TOML", "line 1"]),
    ('[keys]\npoll = 3\n', ["feeds.toml:2", "keys.poll"]),
]


@pytest.mark.parametrize(("text", "expected"), BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_file_message_names_file_and_key(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    for words in expected:
        assert words in message, message


def test_missing_file_and_bad_encoding(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.toml")
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[[feeds]]\nname = "Caf\xe9"\nurl = "https://a.example/"\n')
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)


def test_key_ids_are_checked_against_the_apps_bindings(tmp_path: Path) -> None:
    from tui.keymap import check_key_ids

    path = tmp_path / "feeds.toml"
    path.write_text('[keys]\npoll = "ctrl+r"\nqiut = "x"\n')
    config = load_config(path)
    with pytest.raises(ConfigError) as caught:
        check_key_ids(config, {"poll", "quit", "help"})
    assert str(caught.value).startswith(f"{path}:3: unknown binding id 'keys.qiut'; did you mean 'quit'?")
    check_key_ids(parse_config('[keys]\npoll = "r"\n'), {"poll"})  # a known id passes


SCOPES = [{"search": "slash", "toggle_star": "s", "toggle_layoffs": "l", "down": "j"}, {"add_feed": "a", "down": "j"}]
"""Binding ids and their default keys, by the screens on which they work together."""


@pytest.mark.parametrize(("keys", "message"), [
    ('toggle_star = "f"\nsearch = "f"\n',
     ":3: keys.search and keys.toggle_star both use the key 'f'; give one of them another key"),
    ('toggle_star = "l"\n',
     (":2: keys.toggle_star = 'l' is already the key of toggle_layoffs; give toggle_star another key, "
     "or remap toggle_layoffs too")),
    ('search = "x,j"\n', ":2: keys.search = 'x,j' is already the key of down; give search another key"),
    ('toggle_star = "?"\nsearch = "question_mark"\n',  # "?" is question_mark to the terminal
     ":3: keys.search and keys.toggle_star both use the key 'question_mark'"),
])
def test_two_actions_on_one_key_are_refused_with_both_ids(tmp_path: Path, keys: str, message: str) -> None:
    """Issue 10: ``toggle_star = "f"`` with ``search = "f"`` was accepted and one action lost its key."""
    from tui.keymap import check_key_clashes

    path = tmp_path / "feeds.toml"
    path.write_text("[keys]\n" + keys)
    with pytest.raises(ConfigError) as caught:
        check_key_clashes(load_config(path), SCOPES)
    assert str(caught.value).startswith(f"{path}{message}")


@pytest.mark.parametrize("keys", [
    'toggle_star = "f"\n',  # a free key
    'toggle_star = "l"\ntoggle_layoffs = "L"\n',  # a swap: the other action moved away
    'add_feed = "s"\n',  # another screen's key
])
def test_keys_that_do_not_clash_are_accepted(tmp_path: Path, keys: str) -> None:
    from tui.keymap import check_key_clashes

    path = tmp_path / "feeds.toml"
    path.write_text("[keys]\n" + keys)
    check_key_clashes(load_config(path), SCOPES)
