"""The window's screens by name, each built the first time it is shown or asked for."""

from __future__ import annotations

from collections.abc import Callable
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
        self._waiting: dict[str, list[Callable[[Screen], object]]] = {}

    def __missing__(self, name: str) -> Screen:
        screen = self._window._build_screen(name)  # KeyError: no such screen for this person
        self[name] = screen
        for then in self._waiting.pop(name, []):
            then(screen)
        return screen

    def when_built(self, name: str, then: Callable[[Screen], object]) -> None:
        """``then(screen)`` once the screen ``name`` is built: now if it is, else when it is
        first shown or asked for (a helper wiring itself to a screen does not build it)."""
        if super().__contains__(name):
            then(self[name])
        else:
            self._waiting.setdefault(name, []).append(then)

    def __contains__(self, name: object) -> bool:
        """Whether this person has the screen, built yet or not."""
        return super().__contains__(name) or self._window._screen_class(name) is not None

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default
