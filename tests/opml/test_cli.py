"""``layoffs-tui opml export / import`` through click, on real files in tmp_path."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.config import load_config

from .test_opml import FEEDLY, FEEDS_TOML


@pytest.fixture
def feeds_path(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text(FEEDS_TOML)
    return path


def _run(config, *args):
    return CliRunner().invoke(cli, ["--config", str(config), "--db", str(config.parent / "x.db"), "opml", *args])


def test_export_to_stdout(feeds_path):
    result = _run(feeds_path, "export")
    assert result.exit_code == 0, result.output
    assert len(ET.fromstring(result.stdout).findall("./body/outline")) == 3


def test_export_to_a_file_then_import_elsewhere(feeds_path, tmp_path):
    out = tmp_path / "subs.opml"
    result = _run(feeds_path, "export", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"Wrote 3 feeds to {out}" in result.stderr
    other = tmp_path / "other.toml"
    result = _run(other, "import", str(out))
    assert result.exit_code == 0, result.output
    assert "Added 3 feeds" in result.stdout
    assert [(f.name, f.url, f.tags) for f in load_config(other).feeds] == [
        (f.name, f.url, f.tags) for f in load_config(feeds_path).feeds]


def test_import_reports_added_and_skipped(feeds_path, tmp_path):
    opml = tmp_path / "feedly.opml"
    opml.write_text(FEEDLY)
    result = _run(feeds_path, "import", str(opml))
    assert result.exit_code == 0, result.output
    assert "  added    TechCrunch: layoffs (https://techcrunch.com/tag/layoffs/feed/)" in result.stdout
    assert "  skipped  The Verge (https://www.theverge.com/rss/index.xml): already in the feed list" in result.stdout
    assert "  skipped  itpc://podcast.example/feed: not an http(s) feed address" in result.stdout
    assert result.stdout.splitlines()[-1] == (
        f"Added 4 feeds to {feeds_path}; skipped 1 already listed and 1 invalid.")


def test_malformed_file_is_one_line_exit_2_and_changes_nothing(feeds_path, tmp_path):
    opml = tmp_path / "bad.opml"
    opml.write_text("<opml><body><outline")
    result = _run(feeds_path, "import", str(opml))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"layoffs-tui: {opml}:1: not valid XML")
    assert result.stderr.count("\n") == 1
    assert feeds_path.read_text() == FEEDS_TOML


def test_unwritable_export_path(feeds_path, tmp_path):
    result = _run(feeds_path, "export", "-o", str(tmp_path / "missing" / "subs.opml"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.parametrize("command", ["export", "import"])
def test_help(command):
    result = CliRunner().invoke(cli, ["opml", command, "--help"])
    assert result.exit_code == 0 and "OPML" in result.output


def test_one_feed_is_one_feed(tmp_path):
    """Issue 10: "Added 1 feeds"."""
    opml = tmp_path / "one.opml"
    opml.write_text('<opml version="2.0"><head/><body><outline text="A" xmlUrl="https://a.example/rss"/>'
                    "</body></opml>")
    result = _run(tmp_path / "feeds.toml", "import", str(opml))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("Added 1 feed to ")
    result = _run(tmp_path / "feeds.toml", "export", "-o", str(tmp_path / "out.opml"))
    assert "Wrote 1 feed to " in result.stderr
