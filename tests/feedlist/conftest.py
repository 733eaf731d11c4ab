"""A feed list the way people write them: comments everywhere, odd spacing, sections."""

from __future__ import annotations

from pathlib import Path

import pytest

COMMENTED = """\
# My feeds -- hand written, please keep my notes!

[settings]
interval_minutes = 15   # poll often

# ===== Layoff trackers =====

[[feeds]]
name = "Alpha"            # the first one
url = "https://alpha.example/rss"
tags = ["layoffs", "tech"]

# between alpha and beta
[[feeds]]
# a note inside beta
name = "Beta"
url = 'https://beta.example/feed.xml'
enabled = true   # on for now

# ===== News =====

[[feeds]]
  name = "Gamma"
  url = "https://gamma.example/news"

# trailing notes at the end of the file
"""

ALPHA = """\
[[feeds]]
name = "Alpha"            # the first one
url = "https://alpha.example/rss"
tags = ["layoffs", "tech"]
"""


@pytest.fixture
def feeds_path(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_bytes(COMMENTED.encode())
    return path
