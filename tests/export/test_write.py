"""Writing an export: atomic, no half file on failure, clear errors for paths that cannot be written."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import pytest

from tui.atomic import atomic_write_text
from tui.errors import ExportError
from tui.export import default_export_path, write_export
from tui.store.filters import Filter


def _leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


class TestWriteExport:
    def test_file_is_written_whole_with_crlf_kept(self, db, tmp_path):
        out = tmp_path / "out.csv"
        assert write_export(db, Filter(), "csv", out) == 4
        data = out.read_bytes()
        assert data.startswith(b"article_id,published,month,company,")
        assert data.count(b"\r\n") == 6 and b"\r\r\n" not in data
        assert "日本".encode() in data
        assert _leftovers(tmp_path) == []

    def test_stdout(self, db):
        buffer = io.StringIO()
        assert write_export(db, Filter(layoffs_only=False), "jsonl", None, stdout=buffer) == 5
        assert len(buffer.getvalue().splitlines()) == 5

    def test_replaces_an_existing_file(self, db, tmp_path):
        out = tmp_path / "out.md"
        out.write_text("old")
        write_export(db, Filter(), "md", out)
        assert out.read_text(encoding="utf-8").startswith("# Layoffs digest")

    def test_missing_folder(self, db, tmp_path):
        out = tmp_path / "nowhere" / "out.csv"
        with pytest.raises(ExportError, match="does not exist") as caught:
            write_export(db, Filter(), "csv", out)
        assert str(out) in str(caught.value)
        assert not out.parent.exists()

    def test_path_under_a_regular_file(self, db, tmp_path):
        blocker = tmp_path / "file.txt"
        blocker.write_text("keep me")
        with pytest.raises(ExportError, match="is a file, not a folder"):
            write_export(db, Filter(), "csv", blocker / "out.csv")
        assert blocker.read_text() == "keep me"

    def test_path_is_a_folder(self, db, tmp_path):
        with pytest.raises(ExportError, match="is a folder"):
            write_export(db, Filter(), "csv", tmp_path)
        assert _leftovers(tmp_path) == []

    def test_unwritable_system_folder(self, db):
        # /proc refuses new files even for root, so this is a real OSError.
        with pytest.raises(ExportError, match="/proc/layoffs.csv"):
            write_export(db, Filter(), "csv", Path("/proc/layoffs.csv"))


class TestAtomicWrite:
    def test_failure_while_writing_leaves_no_half_file(self, tmp_path):
        out = tmp_path / "out.csv"
        out.write_text("previous export")

        # A lone surrogate cannot be encoded: the write fails after 100 kB, like a disk filling up.
        with pytest.raises(UnicodeEncodeError):
            atomic_write_text(out, "a" * 100_000 + "\udc80", encoding="utf-8")
        assert out.read_text() == "previous export"
        assert _leftovers(tmp_path) == []

    def test_keeps_permission_bits_of_an_existing_file(self, tmp_path):
        out = tmp_path / "feeds.toml"
        out.write_text("x")
        out.chmod(0o600)
        atomic_write_text(out, "y")
        assert out.read_text() == "y" and (out.stat().st_mode & 0o777) == 0o600


class TestDefaultPath:
    def test_in_documents_when_it_exists(self, tmp_path, monkeypatch):
        documents = tmp_path / "Documents"
        documents.mkdir()
        monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
        assert default_export_path("csv", date(2024, 3, 5)) == documents / "layoffs-2024-03-05.csv"

    def test_current_directory_otherwise(self, tmp_path, monkeypatch):
        monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(tmp_path / "missing"))
        monkeypatch.chdir(tmp_path)
        assert default_export_path("md", date(2024, 3, 5)) == tmp_path / "layoffs-2024-03-05.md"

    def test_never_proposes_an_existing_file(self, tmp_path):
        (tmp_path / "layoffs-2024-03-05.json").write_text("[]")
        assert default_export_path("json", date(2024, 3, 5), folder=tmp_path).name == "layoffs-2024-03-05-2.json"
