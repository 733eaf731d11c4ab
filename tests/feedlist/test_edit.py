"""Editing feeds.toml in place: byte-for-byte preservation outside the changed entry."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.config import load_config
from tui.errors import ConfigError, FeedListError
from tui.feedlist import NewFeed, add_feed, add_feeds, remove_feed, set_enabled

from .conftest import ALPHA, COMMENTED


def _text(path) -> str:
    return path.read_bytes().decode()


class TestRemove:
    def test_first_entry_keeps_every_comment(self, feeds_path):
        removed = remove_feed(feeds_path, "Alpha")
        assert removed.url == "https://alpha.example/rss"
        assert _text(feeds_path) == COMMENTED.replace(ALPHA + "\n", "")

    def test_middle_entry_by_url_keeps_comments_above_and_inside_neighbours(self, feeds_path):
        remove_feed(feeds_path, "https://BETA.example/feed.xml")
        beta = ("[[feeds]]\n# a note inside beta\nname = \"Beta\"\nurl = 'https://beta.example/feed.xml'\n"
                "enabled = true   # on for now\n\n")
        assert beta in COMMENTED
        assert _text(feeds_path) == COMMENTED.replace(beta, "")
        assert "# between alpha and beta\n# ===== News =====" in _text(feeds_path)

    def test_last_entry_keeps_the_trailing_comment(self, feeds_path):
        remove_feed(feeds_path, "gamma")  # names match ignoring case
        gamma = '[[feeds]]\n  name = "Gamma"\n  url = "https://gamma.example/news"\n\n'
        assert _text(feeds_path) == COMMENTED.replace(gamma, "")

    def test_every_entry_then_the_file_is_still_valid(self, feeds_path):
        for name in ("Beta", "Gamma", "Alpha"):
            remove_feed(feeds_path, name)
        text = _text(feeds_path)
        assert "[[feeds]]" not in text
        assert text.startswith("# My feeds -- hand written, please keep my notes!\n\n[settings]\n")
        assert "# trailing notes at the end of the file\n" in text
        assert load_config(feeds_path).feeds == ()

    def test_at_the_end_of_the_file(self, tmp_path):
        path = tmp_path / "feeds.toml"
        path.write_text('[[feeds]]\nurl = "https://a.example/"\n\n[[feeds]]\nurl = "https://b.example/"\n')
        remove_feed(path, "b.example")
        assert path.read_text() == '[[feeds]]\nurl = "https://a.example/"\n'

    def test_unknown_feed_suggests_a_name(self, feeds_path):
        with pytest.raises(FeedListError, match="no feed named or at 'Betta'; did you mean 'Beta'"):
            remove_feed(feeds_path, "Betta")
        assert _text(feeds_path) == COMMENTED

    def test_ambiguous_name_asks_for_the_url(self, tmp_path):
        path = tmp_path / "feeds.toml"
        path.write_text('[[feeds]]\nname = "X"\nurl = "https://a.example/"\n\n'
                        '[[feeds]]\nname = "X"\nurl = "https://b.example/"\n')
        with pytest.raises(FeedListError, match="2 feeds are named 'X'.*give the URL"):
            remove_feed(path, "X")


class TestEnable:
    def test_disable_adds_the_key_after_the_last_key(self, feeds_path):
        feed = set_enabled(feeds_path, "Alpha", False)
        assert feed.enabled is False
        assert _text(feeds_path) == COMMENTED.replace(ALPHA, ALPHA + "enabled = false\n")

    def test_disable_keeps_the_entry_indentation(self, feeds_path):
        set_enabled(feeds_path, "Gamma", False)
        assert _text(feeds_path) == COMMENTED.replace(
            '  url = "https://gamma.example/news"\n', '  url = "https://gamma.example/news"\n  enabled = false\n')

    def test_existing_key_changes_in_place_with_its_comment(self, feeds_path):
        set_enabled(feeds_path, "Beta", False)
        assert _text(feeds_path) == COMMENTED.replace("enabled = true   # on for now",
                                                      "enabled = false   # on for now")
        set_enabled(feeds_path, "Beta", True)
        assert _text(feeds_path) == COMMENTED

    def test_no_change_does_not_write(self, feeds_path):
        before = os.stat(feeds_path).st_mtime_ns
        os.utime(feeds_path, ns=(1, 1))
        assert set_enabled(feeds_path, "Alpha", True).enabled is True
        assert os.stat(feeds_path).st_mtime_ns == 1 != before
        assert _text(feeds_path) == COMMENTED

    def test_disable_then_enable_leaves_the_key(self, feeds_path):
        set_enabled(feeds_path, "Alpha", False)
        set_enabled(feeds_path, "https://alpha.example/rss", True)
        assert _text(feeds_path) == COMMENTED.replace(ALPHA, ALPHA + "enabled = true\n")


class TestAdd:
    def test_appends_after_the_last_entry_and_keeps_everything(self, feeds_path):
        feed = add_feed(feeds_path, "https://delta.example/rss", name="Delta", tags=["x", " y ", "x", ""])
        assert (feed.name, feed.url, feed.tags, feed.enabled) == ("Delta", "https://delta.example/rss",
                                                                  ("x", "y"), True)
        assert _text(feeds_path) == COMMENTED + (
            '\n[[feeds]]\nname = "Delta"\nurl = "https://delta.example/rss"\ntags = ["x", "y"]\n')
        assert [f.name for f in load_config(feeds_path).feeds] == ["Alpha", "Beta", "Gamma", "Delta"]

    def test_then_remove_gives_back_the_same_bytes(self, feeds_path):
        add_feed(feeds_path, "https://delta.example/rss")
        remove_feed(feeds_path, "delta.example/rss")
        assert _text(feeds_path) == COMMENTED

    def test_name_defaults_to_the_host(self, feeds_path):
        assert add_feed(feeds_path, "https://www.delta.example/rss").name == "delta.example/rss"

    def test_before_a_table_that_follows_the_feeds(self, tmp_path):
        path = tmp_path / "feeds.toml"
        path.write_text('[[feeds]]\nurl = "https://a.example/"\n\n[keys]\nrefresh = "ctrl+r"\n')
        add_feed(path, "https://b.example/", name="B")
        assert path.read_text() == ('[[feeds]]\nurl = "https://a.example/"\n\n[[feeds]]\nname = "B"\n'
                                    'url = "https://b.example/"\n\n[keys]\nrefresh = "ctrl+r"\n')

    def test_creates_a_missing_file(self, tmp_path):
        path = tmp_path / "new" / "feeds.toml"
        add_feed(path, "https://a.example/rss", name="A")
        assert path.read_text() == '[[feeds]]\nname = "A"\nurl = "https://a.example/rss"\n'

    def test_file_without_final_newline(self, tmp_path):
        path = tmp_path / "feeds.toml"
        path.write_text('[settings]\nconcurrency = 2')
        add_feed(path, "https://a.example/rss", name="A")
        assert path.read_text() == '[settings]\nconcurrency = 2\n\n[[feeds]]\nname = "A"\nurl = "https://a.example/rss"\n'

    @pytest.mark.parametrize("url", ["https://ALPHA.example/rss", "HTTPS://alpha.example/rss",
                                     " https://alpha.example/rss "])
    def test_duplicate_url_is_refused(self, feeds_path, url):
        with pytest.raises(FeedListError, match="already in the feed list as 'Alpha'"):
            add_feed(feeds_path, url)
        assert _text(feeds_path) == COMMENTED

    def test_duplicate_name_is_refused(self, feeds_path):
        with pytest.raises(FeedListError, match="a feed named 'beta' already exists; choose another with --name"):
            add_feed(feeds_path, "https://other.example/", name="beta")

    @pytest.mark.parametrize("url", ["ftp://a.example/rss", "a.example/rss", "javascript:alert(1)", "https://",
                                     "file:///etc/passwd", ""])
    def test_bad_url_is_refused(self, feeds_path, url):
        with pytest.raises(FeedListError, match="must start with http:// or https://"):
            add_feed(feeds_path, url)
        assert _text(feeds_path) == COMMENTED

    def test_batch_skips_duplicates_and_renames_clashing_names(self, feeds_path):
        added, skipped = add_feeds(feeds_path, [
            NewFeed("https://alpha.example/rss", "Alpha again"),
            NewFeed("https://one.example/", "Beta"),
            NewFeed("https://two.example/", "Two", ("t",)),
            NewFeed("https://two.example/", "Two twice"),
        ], skip_duplicates=True)
        assert [(f.name, f.url) for f in added] == [("Beta (2)", "https://one.example/"),
                                                    ("Two", "https://two.example/")]
        assert [f.name for f in skipped] == ["Alpha again", "Two twice"]
        assert _text(feeds_path).startswith(COMMENTED)


class TestInvalidFiles:
    def test_an_invalid_file_is_reported_and_not_touched(self, tmp_path):
        path = tmp_path / "feeds.toml"
        path.write_text('[[feeds]]\nurl = "https://a.example/"\nenabeld = false\n')
        with pytest.raises(ConfigError, match=r"feeds.toml:3: unknown key 'enabeld'.*did you mean 'enabled'"):
            add_feed(path, "https://b.example/")
        assert path.read_text() == '[[feeds]]\nurl = "https://a.example/"\nenabeld = false\n'

    def test_missing_file_for_remove(self, tmp_path):
        with pytest.raises(FeedListError, match="no such file"):
            remove_feed(tmp_path / "feeds.toml", "x")

    def test_path_under_a_file(self, tmp_path):
        blocker = tmp_path / "file.txt"
        blocker.write_text("x")
        with pytest.raises(FeedListError, match="file.txt/feeds.toml: cannot read: Not a directory"):
            add_feed(blocker / "feeds.toml", "https://a.example/")

    def test_unwritable_location(self):
        # /proc refuses new files even for root: a real OSError on the write.
        with pytest.raises(FeedListError, match="^/proc/feeds.toml: "):
            add_feed(Path("/proc/feeds.toml"), "https://a.example/")


def test_a_linked_feed_list_stays_a_link_and_its_target_changes(feeds_path):
    link = feeds_path.parent / "linked.toml"
    link.symlink_to(feeds_path)
    add_feed(link, "https://linked.example/rss", name="Linked")
    assert link.is_symlink() and link.resolve() == feeds_path.resolve()
    assert 'url = "https://linked.example/rss"' in _text(feeds_path)
    remove_feed(link, "Linked")
    assert link.is_symlink() and _text(feeds_path) == COMMENTED
