"""Writing a file so that readers see the old content or the new one, never half of it.

The text goes to a temporary file in the same folder (``os.replace`` is only atomic within one file
system), is flushed to disk, and then renamed over the target. On any failure the temporary file is
removed and the target is untouched. Used by the export and by the feed-list editor.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


@contextlib.contextmanager
def atomic_open(path: Path, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text file to write ``path`` through: the content goes to a temporary file in the same folder,
    which replaces ``path`` only when the block ends without an error (then flushed to disk first).

    Line ends are written exactly as given (no newline translation), so CSV keeps its CRLF. An
    existing file keeps its permission bits; a symbolic link stays a link and its target is replaced.
    Raises ``OSError`` (the target untouched, no temporary file left) when it cannot.
    """
    path = Path(path)
    if path.is_symlink():
        # Write through the link: a feeds.toml linked from a dotfiles checkout must stay a link, and
        # the file it points to is the one the user keeps.
        path = path.resolve()
    if path.is_dir():
        raise IsADirectoryError(21, "is a directory", str(path))
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def atomic_write_text(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` (see ``atomic_open``); raises ``OSError`` (nothing written) when
    it cannot."""
    with atomic_open(path, encoding=encoding) as handle:
        handle.write(text)


def describe_write_error(path: Path, error: OSError) -> str:
    """What went wrong writing ``path``, in words, with what to do."""
    path = Path(path)
    if isinstance(error, IsADirectoryError) or path.is_dir():
        return f"{path}: is a folder; give a file name"
    blocker = next((folder for folder in path.parents if folder.is_file()), None)
    if blocker is not None:
        return f"{path}: {blocker} is a file, not a folder; choose another path"
    if not path.parent.is_dir():
        return f"{path}: the folder {path.parent} does not exist; create it or choose another path"
    if isinstance(error, PermissionError):
        return f"{path}: permission denied; choose a folder you can write to"
    reason = error.strerror or str(error)
    return f"{path}: cannot write ({reason}); choose another path"
