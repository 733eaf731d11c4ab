"""A cut's stories, one line each (date, feed, title); Enter reads one in the main screen's reader."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from tui.service import CutStory
from tui.ui.keys import vim_bindings
from tui.ui.safe import clean

if TYPE_CHECKING:
    from tui.ui.app import LayoffsApp


def story_line(story: CutStory) -> Content:
    """``2024-01-20  Tech News  Google to cut 12,000 jobs``; feed text is data, never markup."""
    return Content.assemble(
        (story.published[:10] + "  ", "dim"),
        (clean(story.feed, single_line=True) + "  ", "dim"),
        clean(story.title, single_line=True),
    )


class CutStoryList(OptionList):
    """The stories of a cut; j/k/g/G as in the other lists."""

    BINDINGS = vim_bindings("cursor_down", "cursor_up", "first", "last")


class CutStoriesScreen(ModalScreen[int | None]):
    """Lists one cut's stories; dismisses with the chosen article id (None: Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Back", id="close_cut")]

    class StoriesLoaded(Message):
        """The cut's stories arrived from the worker."""

        def __init__(self, stories: list[CutStory]) -> None:
            super().__init__()
            self.stories = stories

    def __init__(self, cut_id: int, company: str) -> None:
        super().__init__()
        self.cut_id = cut_id
        self.company = company
        self.stories: list[CutStory] = []
        """What the list shows, in order (tests)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="cut-stories-box"):
            listing = CutStoryList(id="cut-stories")
            listing.border_title = f"{clean(self.company, single_line=True)}: its stories (Enter reads)"
            yield listing

    def on_mount(self) -> None:
        self.load_stories()

    @work(thread=True, exclusive=True, group="cut-stories", exit_on_error=False)
    def load_stories(self) -> None:
        """The stories from the service, in a thread."""
        app = cast("LayoffsApp", self.app)
        self.post_message(self.StoriesLoaded(app.service.cut_stories(self.cut_id)))

    def on_cut_stories_screen_stories_loaded(self, message: StoriesLoaded) -> None:
        self.stories = message.stories
        listing = self.query_one(CutStoryList)
        listing.set_options([Option(story_line(story)) for story in self.stories])
        listing.highlighted = 0 if self.stories else None
        listing.focus()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Failures go to the app's one handler."""
        cast("LayoffsApp", self.app).worker_failed(event)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.stories):
            self.dismiss(self.stories[event.option_index].id)

    def action_close(self) -> None:
        self.dismiss(None)
