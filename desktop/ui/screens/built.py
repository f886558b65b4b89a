"""The window's screens by name, each built the first time it is shown or asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.ui.screens import Screen

if TYPE_CHECKING:
    from desktop.ui.shell import MainWindow


class Screens(dict[str, Screen]):
    """The window's screens by name. Each is built the first time it is shown or asked for
    (about 5-15 ms of widgets each), so the window itself shows in one short turn."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._window = window

    def __missing__(self, name: str) -> Screen:
        screen = self._window._build_screen(name)  # KeyError: no such screen for this person
        self[name] = screen
        return screen

    def __contains__(self, name: object) -> bool:
        """Whether this person has the screen, built yet or not."""
        return super().__contains__(name) or self._window._screen_class(name) is not None

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default
