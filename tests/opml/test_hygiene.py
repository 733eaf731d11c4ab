"""The export, feed-list and OPML modules are domain code: importing them must not load Textual."""

from __future__ import annotations

import subprocess
import sys


def test_no_textual_import():
    code = ("import sys, tui.export, tui.feedlist, tui.opml; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
