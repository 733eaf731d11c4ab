"""The reader pane: title, feed, date, link, the layoff events with their evidence, and the text.

Built from ``Text`` objects only, so nothing from the feed is read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.service import ArticleDetail, CutStory, EventRow
from tui.ui.keys import vim_bindings
from tui.ui.safe import clean, plain
from tui.wording import cut_phrase


def event_line(event: EventRow) -> Text:
    """``• Twitch (Amazon): about 500 jobs (35% of staff)  manual`` and the evidence sentence under it."""
    line = Text("• ", style="bold")
    line.append(clean(event.company, single_line=True), style="bold")
    if event.parent:
        line.append(f" ({clean(event.parent, single_line=True)})", style="dim")
    figures = cut_phrase(event.headcount, event.headcount_kind, event.percent, event.evidence)
    if figures:
        line.append(": " + figures)
    if event.source == "manual":
        line.append("  manual", style="italic dim")
    if event.evidence:
        line.append("\n   “")
        line.append(clean(event.evidence, single_line=True), style="italic")
        line.append("”")
    return line


def also_reported(others: Sequence[CutStory]) -> Text:
    """``Also reported by 2 outlets:`` and a line per other story of the same cut (feed, title, link)."""
    out = Text()
    if not others:
        return out
    outlets = len(others)
    out.append(f"Also reported by {outlets} outlet{'s' if outlets != 1 else ''}:\n", style="bold")
    for story in others:
        out.append("• ")
        out.append(clean(story.feed, single_line=True) or "?", style="dim")
        out.append("  " + clean(story.title, single_line=True) + "\n")
        if story.url:
            out.append("  " + clean(story.url, single_line=True), style="underline")
            out.append("\n")
    out.append("\n")
    return out


def render_article(detail: ArticleDetail, others: Sequence[CutStory] = ()) -> Text:
    """The whole reader content for one article; ``others``: the other stories of its cut."""
    out = Text()
    out.append_text(plain(detail.title, "bold", single_line=True))
    out.append("\n")
    when = detail.published.replace("T", " ").rstrip("Z")
    if not detail.published_known:
        when += " (when we fetched it: the feed gave no date)"
    meta = [clean(detail.feed, single_line=True), when]
    if detail.author:
        meta.append(clean(detail.author, single_line=True))
    out.append(" · ".join(part for part in meta if part), style="dim")
    if detail.starred:
        out.append("  ★", style="bold yellow")
    out.append("\n")
    if detail.link:
        out.append(clean(detail.link, single_line=True), style="underline")
        out.append("\n")
    out.append("\n")
    if detail.events:
        out.append("Layoffs\n", style="bold")
        for event in detail.events:
            out.append_text(event_line(event))
            out.append("\n")
    elif detail.layoff:
        out.append("A layoff story with no named company.\n", style="dim")
    else:
        verdict = "marked not a layoff by you" if detail.layoff_manual == 0 else "not tagged as a layoff"
        out.append(f"({verdict})\n", style="dim")
    out.append("\n")
    out.append_text(also_reported(others))
    out.append(clean(detail.text) or "(no text in the feed)")
    return out


HINT = "The story under the cursor shows here; Enter marks it read, Tab scrolls it."


class ReaderPane(VerticalScroll):
    """Shows one article; scrolls with j/k and the arrows when focused."""

    BINDINGS = vim_bindings("scroll_down", "scroll_up", "scroll_home", "scroll_end")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detail: ArticleDetail | None = None
        self.others: Sequence[CutStory] = ()
        """The other outlets' stories of the shown story's cut."""
        self.border_title = "Reader"

    def compose(self) -> ComposeResult:
        """Until a story is highlighted, a hint says where stories show."""
        yield Static(Text(HINT, style="dim"), id="reader-body")

    def clear(self) -> None:
        """No story to show (the table is empty): back to the hint."""
        self.detail = None
        self.query_one("#reader-body", Static).update(Text(HINT, style="dim"))

    def show(self, detail: ArticleDetail | None, others: Sequence[CutStory] = ()) -> None:
        """Show ``detail`` from its top (or a note when the article is gone), with the other stories of
        its cut."""
        self.detail = detail
        self.others = others
        body = self.query_one("#reader-body", Static)
        if detail is None:
            body.update(Text("This article is no longer stored.", style="dim"))
        else:
            body.update(render_article(detail, others))
        self.scroll_home(animate=False)

    def text(self) -> str:
        """What the pane shows, as plain text (tests)."""
        return render_article(self.detail, self.others).plain if self.detail else ""
