"""Regenerate the README's screenshots from the demo data with a fixed clock.

    /tmp/venv/bin/python screenshots/make.py [OUT_DIR]

Builds the demo database (``tui.demo.build_demo_db``, offline) in a temporary folder, opens the app
with the same factory as the CLI at 120x36, drives it with real keys and saves one SVG per view.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

NOW = datetime(2024, 9, 1, 9, 0, tzinfo=UTC)
SIZE = (120, 36)
SHOTS: list[tuple[str, tuple[str, ...]]] = [
    ("main", ()),
    ("company", ("c", "j", "enter")),  # the company with the most stories
    ("month", ("M", "j", "j", "enter")),  # the second newest month
    ("reader", ("j", "enter")),  # the second story, in the reader
    ("feeds", ("F",)),
    ("help", ("question_mark",)),
    ("cuts", ("v",)),  # the cuts view
    ("timeline", ("T",)),  # cuts per month
]
"""(file name, keys pressed from a fresh start)."""


async def settle(app, pilot) -> None:
    """Until the workers are done and the main screen shows what they loaded."""
    from textual.worker import WorkerCancelled

    for _ in range(50):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            pass
        await pilot.pause(0.02)  # timers too: the reader follows the cursor after a short rest
        main = app.main
        idle = main.articles_ready and main.facets_ready and not main.follower.pending
        if not any(worker.is_running for worker in app.workers) and idle:
            break
    await pilot.pause()


async def shoot(db_path: Path, name: str, keys: tuple[str, ...], out: Path) -> Path:
    from tui.demo import demo_config
    from tui.ui import make_app

    app = make_app(demo_config(), db_path, now=NOW, poll_on_start=False, allow_poll=False, title="demo")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        path = out / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(out))
    return path


async def main(out: Path) -> None:
    from tui.demo import build_demo_db

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="layoffs-shots-") as tmp:
        db_path = Path(tmp) / "demo.db"
        build_demo_db(db_path, NOW)
        for name, keys in SHOTS:
            print(await shoot(db_path, name, keys, out))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE))
