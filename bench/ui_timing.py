"""What the UI bench times, with real keys on the real app: repaints, filter changes, search keys and the
panes' counts. Used by ``bench/ui.py``'s browse phase.

A key is timed from the moment it is posted to the app (as the terminal driver would) until the table
shows the rows of the filter it made *and* the screen has been repainted after that; the panes' counts
from the same key until they show that filter's counts.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from textual import events

REFRESHES: list[float] = []
"""``perf_counter()`` of every compositor refresh (a repaint of the screen)."""
TIMEOUT_S = 300.0
HUMAN_PAUSE_S = 0.05
"""Between a key and the next when the bench waits for an answer anyway: the screen catches up with
the previous key's repaint, as it does between a person's keys."""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def record_refreshes() -> None:
    """Wrap ``Screen._compositor_refresh`` to note when the screen is repainted."""
    from textual.screen import Screen

    original = Screen._compositor_refresh

    def refresh(self) -> None:
        original(self)
        REFRESHES.append(time.perf_counter())

    Screen._compositor_refresh = refresh


async def _until(condition, what: str) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit(f"bench: timed out waiting for {what}")
        await asyncio.sleep(0.0005)


async def wait_ready(app) -> float:
    """Until the table shows the current filter's rows and the screen has been repainted after that;
    returns the ``perf_counter()`` of that repaint."""
    main = app.main
    await _until(lambda: main.articles_ready, "the table")
    shown = main.articles_shown_at
    await _until(lambda: any(moment >= shown for moment in REFRESHES[-20:]), "a repaint")
    return next(moment for moment in REFRESHES[-20:] if moment >= shown)


async def wait_counts(app) -> float:
    """Until the panes show the current filter's counts; returns the ``perf_counter()`` then."""
    await _until(lambda: app.main.facets_ready, "the pane counts")
    return time.perf_counter()


def post_key(app, key: str) -> float:
    """Post one key as the driver would (``pilot.press`` would also wait for the app to be idle) and
    mark the table and panes as not ready, so the waits see this key's answer."""
    app.main.articles_ready = False
    app.main.facets_ready = False
    began = time.perf_counter()
    app.post_message(events.Key(key, key if len(key) == 1 else None))
    return began


def summary(name: str, values: list[float]) -> dict:
    if not values:
        return {}
    return {
        f"{name}_p50": statistics.median(values),
        f"{name}_p95": percentile(values, 0.95),
        f"{name}_max": max(values),
    }


async def filter_changes(app, pilot, changes: int) -> dict:
    """Choose companies and months with real keys (``c``/``M``, ``j``, Enter), one after the other."""
    timings, counts, slowest = [], [], []
    for index in range(changes):
        pane = "c" if index % 2 == 0 else "M"
        await pilot.press(pane, "j")
        await pilot.pause(HUMAN_PAUSE_S)  # the screen shows the moved highlight before Enter, as for a person
        began = post_key(app, "enter")
        timings.append((await wait_ready(app) - began) * 1000)
        slowest.append((round(timings[-1], 1), app.main.flt.describe()))
        # Let the panes catch up before the next key, as a person would.
        counts.append((await wait_counts(app) - began) * 1000)
        await pilot.pause()
    return {
        **summary("filter_change_ms", timings),
        **summary("filter_counts_ms", counts),
        "filter_changes": len(timings),
        "filter_change_slowest": sorted(slowest, reverse=True)[:5],
    }


async def search_keys(app, pilot, words: list[str]) -> dict:
    """Type each word a key at a time, waiting for the table and the counts after each key."""
    keys, counts = [], []
    for word in words:
        await pilot.press("escape", "slash")
        await wait_ready(app)
        await wait_counts(app)
        for char in word:
            if char == " ":
                await pilot.press("space")  # the filter is unchanged until the next word starts
                continue
            began = post_key(app, char)
            keys.append((await wait_ready(app) - began) * 1000)
            counts.append((await wait_counts(app) - began) * 1000)
            await pilot.pause(HUMAN_PAUSE_S)
    await pilot.press("escape")
    await wait_ready(app)
    await wait_counts(app)
    return {**summary("search_key_ms", keys), **summary("search_counts_ms", counts), "search_keys": len(keys)}


async def search_bursts(app, pilot, words: list[str], pace_s: float = 0.08) -> dict:
    """Type each word at a typist's pace without waiting; time from the last key to the final table and
    counts (keys typed faster than a query runs must not queue up)."""
    tables, counts = [], []
    for word in words:
        await pilot.press("escape", "slash")
        await wait_ready(app)
        await wait_counts(app)
        for char in word[:-1]:
            app.post_message(events.Key("space" if char == " " else char, char))
            await asyncio.sleep(pace_s)
        began = post_key(app, word[-1])
        wanted = word.strip()
        await _until(lambda wanted=wanted: app.main.flt.search == wanted, "the last key")
        tables.append((await wait_ready(app) - began) * 1000)
        counts.append((await wait_counts(app) - began) * 1000)
    await pilot.press("escape")
    await wait_ready(app)
    await wait_counts(app)
    return {**summary("burst_last_key_ms", tables), **summary("burst_counts_ms", counts)}
