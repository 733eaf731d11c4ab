"""The Textual app. Nothing outside ``tui.ui`` and the ``app``/``demo`` commands imports it.

``make_app`` builds it; the domain (``tui.store``, ``tui.poll``, ``tui.export``…) does the work.
"""

from __future__ import annotations

from tui.ui.factory import make_app

__all__ = ["make_app"]
