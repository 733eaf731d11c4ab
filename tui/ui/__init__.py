"""The Textual app. Nothing outside ``tui.ui`` and the ``app``/``demo`` commands imports it.

``make_app`` builds it; the domain (``tui.store``, ``tui.poll``, ``tui.export``…) does the work.
"""

from __future__ import annotations

import os

# Textual repaints at most MAX_FPS times a second (60 by default), so a change waits up to 17 ms for
# the next frame; at 120 a filter change is on screen in about 25 ms instead of 40 (bench/ui.py).
# Read when Textual is first imported, hence here; the user's own TEXTUAL_FPS wins.
os.environ.setdefault("TEXTUAL_FPS", "120")

from tui.ui.factory import make_app

__all__ = ["make_app"]
