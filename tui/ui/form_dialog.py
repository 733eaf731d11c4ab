"""The shared shape of the app's small forms: Enter or OK submits, Escape or Cancel dismisses.

A form may be given ``apply``: the work its answer asks for (write the export, store the tags, edit
the feed list). It runs in a thread worker while the form stays open; when it fails with one of our
errors the message is shown inside the form, with everything typed still there, and the user can
correct it. Only a success closes the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from tui.errors import LayoffsError

T = TypeVar("T")

Apply = Callable[[Any], None]
"""Does what a form's answer asks, in a worker thread; raises ``LayoffsError`` to keep the form open."""


class FormDialog(ModalScreen[T]):
    """A modal form; subclasses build the widgets (buttons, one with id ``cancel``, and a Label with id
    ``error``) and ``_submit``, which checks the fields and calls ``finish`` with the answer."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel_dialog")]

    def __init__(self, apply: Apply | None = None) -> None:
        super().__init__()
        self.apply = apply
        self.busy = False
        """True while ``apply`` runs: a second Enter must not do the work twice."""

    def _submit(self, button: str | None = None) -> None:
        """Check the fields; ``finish`` with the answer, or ``show_error`` and stay open. ``button`` is the
        id of the button pressed (None for Enter in a field), for forms with more than one action."""
        raise NotImplementedError

    def finish(self, answer: T) -> None:
        """Close with ``answer``, once ``apply`` (if any) has done its work without an error."""
        if self.apply is None:
            self.dismiss(answer)
        elif not self.busy:
            self.busy = True
            self.show_error("")
            self._apply(answer)

    @work(thread=True, exclusive=True, group="form-apply", exit_on_error=False)
    def _apply(self, answer: T) -> None:
        assert self.apply is not None
        try:
            self.apply(answer)
        except LayoffsError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        except BaseException:
            self.app.call_from_thread(self._failed, "")  # a bug: the app reports it; the form stays
            raise
        self.app.call_from_thread(self._close, answer)

    def _close(self, answer: T) -> None:
        if self.is_current:  # not cancelled with Escape while the work ran
            self.dismiss(answer)

    def _failed(self, message: str) -> None:
        self.busy = False
        if message:
            self.show_error(message)

    def show_error(self, message: str) -> None:
        """Say what is wrong inside the form (an empty message clears it)."""
        self.query_one("#error", Label).update(Text(message))  # paths and names are data, not markup

    def on_input_submitted(self) -> None:
        """Enter in any field submits, like OK."""
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Cancel closes; any other button submits with its id (an invalid form stays open)."""
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self._submit(event.button.id)

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)
