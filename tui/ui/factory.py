"""``make_app``: the one way to build the app, shared by the CLI, the tests, the screenshots and the bench.

It imports the app only once the panes' first counts are on their way: Textual's import takes a few
hundred milliseconds of the start, which the counts' queries spend on the other core.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.config import Config
from tui.timeutil import utcnow

if TYPE_CHECKING:
    from tui.ui.app import LayoffsApp
    from tui.ui.polling import Poller


def make_app(
    config: Config,
    db_path: Path,
    *,
    now: Callable[[], datetime] | datetime | None = None,
    poll_on_start: bool = True,
    poller: Poller | None = None,
    open_url: Callable[[str], Any] | None = None,
    title: str | None = None,
    allow_poll: bool = True,
    created_config: Path | None = None,
) -> LayoffsApp:
    """The app over ``db_path`` with the feeds of ``config``.

    ``now`` is the clock (a fixed datetime pins it, for snapshots); ``poll_on_start`` polls at once
    and every ``settings.interval_minutes``; ``poller`` replaces ``tui.poll.poll_feeds`` and
    ``open_url`` the browser, for tests; ``allow_poll`` False turns ``r`` off (the demo);
    ``created_config`` is the feed list this run created (the first run), which the app points out.
    """
    from tui.ui.gc_tuning import fewer_collections

    fewer_collections()
    from tui.service import FIRST_FILTER, LayoffsService

    service = LayoffsService(Path(db_path))
    service.count_ahead(FIRST_FILTER)
    from tui.ui.app import LayoffsApp

    clock = _fixed_clock(now) if isinstance(now, datetime) else (now or utcnow)
    return LayoffsApp(
        config,
        Path(db_path),
        service=service,
        now=clock,
        poll_on_start=poll_on_start,
        poller=poller,
        open_url=open_url,
        title=title,
        allow_poll=allow_poll,
        created_config=created_config,
    )


def _fixed_clock(moment: datetime) -> Callable[[], datetime]:
    """A clock that always says ``moment`` (snapshots, screenshots)."""

    def clock() -> datetime:
        return moment

    return clock
