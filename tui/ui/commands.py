"""The command palette (ctrl+p): every action of the app by name, from the same lists as the keys."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.ui.keys import APP_BINDINGS, FEEDS_BINDINGS, MAIN_BINDINGS, key_label


def screen_bindings(screen: object) -> list[Binding]:
    """The bindings of the screen the palette was opened on (the app's are always offered)."""
    from tui.ui.feeds_screen import FeedsScreen
    from tui.ui.main_screen import MainScreen

    if isinstance(screen, MainScreen):
        return MAIN_BINDINGS
    if isinstance(screen, FeedsScreen):
        return FEEDS_BINDINGS
    return []


class LayoffsCommands(Provider):
    """Offers each action of the app and of the current screen, with its current key as help."""

    def _commands(self) -> list[tuple[str, str, str]]:
        """(title, action, help) for the palette; Quit is left to Textual's own entry, so it shows once."""
        from tui.ui.app import LayoffsApp

        keymap = self.app.config.key_map if isinstance(self.app, LayoffsApp) else {}
        commands = []
        for prefix, bindings in (("app", APP_BINDINGS), ("screen", screen_bindings(self.screen))):
            for binding in bindings:
                if binding.action != "quit":
                    commands.append(
                        (
                            binding.description,
                            f"{prefix}.{binding.action}",
                            f"key: {key_label(binding, keymap)}",
                        )
                    )
        return commands

    async def discover(self) -> Hits:
        """Every command, listed when the palette opens with nothing typed."""
        for title, action, help_text in self._commands():
            yield DiscoveryHit(title, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose title fuzzily matches ``query``, highlighted."""
        matcher = self.matcher(query)
        for title, action, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(title), partial(self.app.run_action, action), help=help_text
                )
