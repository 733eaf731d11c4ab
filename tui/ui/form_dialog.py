"""The shared shape of the app's small forms: Enter or OK submits, Escape or Cancel dismisses."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Button

T = TypeVar("T")


class FormDialog(ModalScreen[T]):
    """A modal form; subclasses build the widgets (an OK button with id ``ok``) and ``_submit``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel_dialog")]

    def _submit(self) -> None:
        """Check the fields; dismiss with the answer, or show what is wrong and stay open."""
        raise NotImplementedError

    def on_input_submitted(self) -> None:
        """Enter in any field submits, like OK."""
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """OK submits (an invalid form stays open); any other button cancels."""
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)
