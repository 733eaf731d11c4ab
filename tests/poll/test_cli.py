"""``layoffs-tui poll`` through click's CliRunner, against real files and a real local server."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.poll.feeds import item, rss
from tests.poll.server import FeedServer, static
from tui.cli import cli


def write_config(path: Path, *urls: str, extra: str = "") -> Path:
    feeds = "".join(f'\n[[feeds]]\nname = "feed {n}"\nurl = "{url}"\n' for n, url in enumerate(urls))
    path.write_text(f"[settings]\ntimeout_seconds = 2\n{extra}{feeds}", encoding="utf-8")
    return path


def invoke(config: Path, db: Path, *args: str):
    return CliRunner().invoke(cli, ["--config", str(config), "--db", str(db), "poll", *args])


def test_every_feed_answered_exits_0(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/a"] = static(rss(item(1), item(2)))
    server.routes["/b"] = static(rss(item(3)))
    config = write_config(tmp_path / "feeds.toml", server.url("/a"), server.url("/b"))
    result = invoke(config, tmp_path / "db.sqlite")
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 feeds: 2 answered, 3 new articles\n"
    lines = sorted(result.stderr.splitlines())
    assert lines[0].startswith("feed 0: 2 new articles [") and lines[0].endswith(server.url("/a"))
    assert lines[1].startswith("feed 1: 1 new article [")


def test_a_failed_feed_exits_1_and_the_rest_is_stored(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/a"] = static(rss(item(1)))
    config = write_config(tmp_path / "feeds.toml", server.url("/a"), server.url("/gone"))
    result = invoke(config, tmp_path / "db.sqlite")
    assert result.exit_code == 1
    assert result.stdout == "2 feeds: 1 answered, 1 new article, 1 failed\n"
    assert "feed 1: failed: HTTP 404 Not Found [" in result.stderr
    assert "Traceback" not in result.output


def test_quiet_prints_only_failures(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/a"] = static(rss(item(1)))
    config = write_config(tmp_path / "feeds.toml", server.url("/a"), server.url("/gone"))
    result = invoke(config, tmp_path / "db.sqlite", "--quiet")
    assert result.stderr.count("\n") == 1 and "HTTP 404" in result.stderr


def test_a_bad_config_exits_2_with_the_file_and_key(tmp_path: Path) -> None:
    config = write_config(tmp_path / "feeds.toml", "http://127.0.0.1:9/x", extra="concurrenc = 3\n")
    result = invoke(config, tmp_path / "db.sqlite")
    assert result.exit_code == 2
    assert str(config) in result.stderr and "concurrency" in result.stderr
    assert "Traceback" not in result.output


def test_a_database_that_is_not_one_exits_2(server: FeedServer, tmp_path: Path) -> None:
    config = write_config(tmp_path / "feeds.toml", server.url("/a"))
    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    result = invoke(config, bad)
    assert result.exit_code == 2 and "not a layoffs-tui database" in result.stderr


def test_poll_has_help() -> None:
    result = CliRunner().invoke(cli, ["poll", "--help"])
    assert result.exit_code == 0 and "Exit status" in result.output
