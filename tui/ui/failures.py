"""What the user is told when a background job fails: one sentence, saying what could not be done and why.

Every worker of the app and its screens ends here (``LayoffsApp.worker_failed``): Textual posts
``Worker.StateChanged`` to the node that started the worker and does not bubble it, so each screen
hands its workers' failures on. The domain's errors (``LayoffsError``) and SQLite's words for a full
disk or a held lock are said in words; anything else is a bug and is shown with its type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.worker import Worker

from tui.errors import LayoffsError

if TYPE_CHECKING:
    from tui.service import LayoffsService

WHAT_FAILED = {
    "write_read": "store the read mark",
    "write_star": "store the star",
    "load_articles": "load the stories",
    "load_more": "load more stories",
    "load_facets": "count the stories in the panes",
    "load_article": "load the story",
    "load_rows": "load the feeds",
    "watch_changes": "look for changes made by other programs",
    "set_not_layoff": "save the layoff mark",
    "_load_for_tags": "load the story's tags",
    "_apply": "do what the dialog asked",
    "open_article_link": "open the link",
    "run_poll": "poll the feeds",
}
"""Worker (method) name -> what it was doing, for "Could not store the read mark: ..."."""


def failure_text(worker: Worker, service: LayoffsService) -> str:
    """The sentence for a failed worker, e.g. "Could not store the star: PATH: the disk is full; ..."."""
    error = worker.error
    what = WHAT_FAILED.get(worker.name, worker.name.replace("_", " ").strip())
    if isinstance(error, LayoffsError):
        reason = str(error)
    elif error is not None and (problem := service.failure_reason(error)) is not None:
        reason = problem
    else:
        reason = f"{type(error).__name__}: {error}"
    return f"Could not {what}: {reason}"
