"""Fewer, cheaper garbage collections for the app: none in the repaint the user waits for.

A full collection over the ~100,000 objects of a running Textual app takes 40-150 ms, and with the
default thresholds one lands every few filter changes. Young collections run less often from the
moment the app is built (its imports and first paint create most of those objects), and once the app
has started, what is alive (modules, widgets, styles) is frozen out of every later scan; reference
counting still frees almost everything at once.
"""

from __future__ import annotations

import gc

THRESHOLDS = (50_000, 20, 100)
SETTLED_AFTER_S = 1.0
"""Seconds after the app mounts before start-up's objects are frozen: the collection that goes with
it takes about 30 ms, which must not land before the first page and its counts are on screen."""


def fewer_collections() -> None:
    """Raise the collection thresholds (before the app's imports)."""
    gc.set_threshold(*THRESHOLDS)


def freeze_start_up() -> None:
    """Collect once, then keep everything alive now out of later collections."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
