"""A progress bar for the long commands (``retag``, ``export``), on stderr and only on a terminal.

Piped or run from cron, the commands stay quiet: no bar, no label, so logs hold only what happened.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

import click

Progress = Callable[[int, int], None]
"""``progress(done, total)``, as ``retag_all`` and ``write_export`` call it."""


@contextlib.contextmanager
def progress_bar(label: str, stream: TextIO | None = None, *, when: bool = True) -> Iterator[Progress | None]:
    """A ``Progress`` that draws a bar on ``stream`` (stderr) when it is a terminal and ``when`` holds,
    else None."""
    stream = stream or sys.stderr
    if not when or not stream.isatty():
        yield None
        return
    bar: click.progressbar | None = None  # type: ignore[type-arg]
    try:

        def update(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = click.progressbar(
                    length=max(1, total), label=label, file=stream, show_eta=True, show_pos=True, width=30
                ).__enter__()
            bar.update(done - bar.pos)

        yield update
    finally:
        if bar is not None:
            bar.render_finish()
