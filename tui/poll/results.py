"""What a poll reports: one ``FeedResult`` per feed and the ``PollReport`` over all of them.

Plain frozen dataclasses so the CLI prints them, the app posts them in messages and the tests
compare them, without any of those knowing how a feed was fetched.
"""

from __future__ import annotations

from dataclasses import dataclass

STATUSES = ("new", "updated", "unchanged", "not_modified", "skipped", "error")
"""Every value ``FeedResult.status`` takes."""


@dataclass(frozen=True)
class FeedResult:
    """How one feed's poll ended."""

    url: str
    name: str
    status: str
    """One of ``STATUSES``: new articles, updated ones, a 200 with nothing new, a 304, skipped
    because the server asked us to wait (Retry-After), or an error."""
    http_status: int | None
    new: int
    updated: int
    new_layoffs: int
    error: str | None
    """A sentence a person understands ("timed out after 20 s"); None unless status is "error"."""
    elapsed: float
    """Seconds from the first byte sent to the result, waiting for a free slot excluded."""
    note: str | None = None
    """What a person should know of a feed that answered ("kept the newest 10,000 of 12,345 items")."""
    recorded: bool = True
    """False when the database refused to store this outcome (a full disk): the feeds table still holds
    the previous poll's, so the app keeps this one in memory to show."""
    fault: str | None = None
    """What refused it, in a few words ("the disk is full"), for the poll's summary."""

    @property
    def answered(self) -> bool:
        """The server gave us the feed or told us it had not changed (or to come back later)."""
        return self.status != "error"

    def line(self) -> str:
        """One human line for ``layoffs-tui poll``'s stderr."""
        if self.status == "error":
            what = f"failed: {self.error}"
        elif self.status == "skipped":
            what = f"skipped: {self.error or 'the server asked us to wait'}"
        elif self.status == "not_modified":
            what = "not modified"
        elif self.status == "unchanged":
            what = "no new articles"
        else:
            what = _plural(self.new, "new article")
            if self.updated:
                what += f", {self.updated} updated"
            if self.new_layoffs:
                what += f" ({_plural(self.new_layoffs, 'layoff story', 'layoff stories')})"
        if self.note:
            what += f"; {self.note}"
        return f"{self.name}: {what} [{self.elapsed:.1f} s] {self.url}"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


@dataclass(frozen=True)
class PollReport:
    """Every feed's result, in the order the feeds finished."""

    results: tuple[FeedResult, ...]

    @property
    def new(self) -> int:
        """Articles stored for the first time, over all feeds."""
        return sum(result.new for result in self.results)

    @property
    def updated(self) -> int:
        """Articles already stored whose content changed, over all feeds."""
        return sum(result.updated for result in self.results)

    @property
    def new_layoffs(self) -> int:
        """New articles the extractor tagged as layoff stories, over all feeds."""
        return sum(result.new_layoffs for result in self.results)

    @property
    def faults(self) -> tuple[str, ...]:
        """The database's reasons for refusing results ("the disk is full"), each once."""
        return tuple(dict.fromkeys(result.fault for result in self.results if result.fault))

    @property
    def failed(self) -> int:
        """How many feeds ended in an error."""
        return sum(1 for result in self.results if result.status == "error")

    @property
    def ok(self) -> bool:
        """True when every feed answered: the exit status 0 of ``layoffs-tui poll``."""
        return self.failed == 0

    def summary_line(self) -> str:
        """E.g. "15 feeds: 12 answered, 3 new articles (1 layoff story), 1 failed" (": the disk is full"
        when the database refused to store results)."""
        answered = len(self.results) - self.failed
        line = f"{_plural(len(self.results), 'feed')}: {answered} answered, {_plural(self.new, 'new article')}"
        if self.new_layoffs:
            line += f" ({_plural(self.new_layoffs, 'layoff story', 'layoff stories')})"
        if self.updated:
            line += f", {self.updated} updated"
        if self.failed:
            line += f", {self.failed} failed"
        if self.faults:
            line += ": " + "; ".join(self.faults)
        return line
