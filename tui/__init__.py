"""layoffs-tui: a terminal news reader that tracks layoffs.

The package has two halves. The domain (config, poll, store, extract, export, cli) imports nothing
from Textual; the UI (``tui.ui``) asks the domain and shows the answer.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
