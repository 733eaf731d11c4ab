"""The command palette (ctrl+p): every action of the app by name, from the same list as the keys."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.ui.keys import APP_BINDINGS, MAIN_BINDINGS

COMMANDS: list[tuple[str, str, str]] = [
    *((binding.description, f"app.{binding.action}", binding.id or "") for binding in APP_BINDINGS),
    *((binding.description, f"screen.{binding.action}", binding.id or "") for binding in MAIN_BINDINGS),
]
"""(title, action, binding id) for the palette; main-screen actions run on the main screen."""


class LayoffsCommands(Provider):
    """Offers each action with its current key as help."""

    def _commands(self) -> list[tuple[str, str, str]]:
        from tui.ui.main_screen import MainScreen

        on_main = isinstance(self.screen, MainScreen)
        return [command for command in COMMANDS if on_main or command[1].startswith("app.")]

    def _help(self, binding_id: str) -> str:
        keymap = getattr(self.app, "config", None)
        keys = keymap.key_map if keymap is not None else {}
        for binding in (*APP_BINDINGS, *MAIN_BINDINGS):
            if binding.id == binding_id:
                return "key: " + keys.get(binding_id, binding.key)
        return ""

    async def discover(self) -> Hits:
        for title, action, binding_id in self._commands():
            yield DiscoveryHit(title, partial(self.app.run_action, action, self.screen), help=self._help(binding_id))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, binding_id in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.app.run_action, action, self.screen),
                          help=self._help(binding_id))
