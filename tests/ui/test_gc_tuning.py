"""The app's garbage collection: fewer young collections from the moment it is built, and start-up's
objects frozen out of later scans once it has started (``tui.ui.gc_tuning``)."""

from __future__ import annotations

import gc

from tests.ui.conftest import SIZE, settle
from tui.ui.gc_tuning import SETTLED_AFTER_S, THRESHOLDS


async def test_fewer_collections_from_the_build_and_start_up_frozen_after_it(app_factory) -> None:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    gc.unfreeze()
    try:
        app = app_factory()
        assert gc.get_threshold() == THRESHOLDS  # before Textual's import and the first paint
        assert gc.get_freeze_count() == 0
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.pause(SETTLED_AFTER_S + 0.5)
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
