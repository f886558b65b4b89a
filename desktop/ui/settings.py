"""Settings declared once, with type and default, over QSettings (never secrets: see security/).

Like Picard's options: each setting is one ``Setting`` line; screens read and write through
``Settings`` and never spell a key twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    kind: type[T]
    default: T
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()

    def coerce(self, raw: Any) -> T:
        try:
            if self.kind is bool:
                value: Any = (
                    raw in (True, "true", "1", 1) if isinstance(raw, str | int) else bool(raw)
                )
            else:
                value = self.kind(raw)
        except (TypeError, ValueError):
            return self.default
        if self.kind is int:
            if self.minimum is not None and value < self.minimum:
                return self.default
            if self.maximum is not None and value > self.maximum:
                return self.default
        if self.choices and value not in self.choices:
            return self.default
        return value


LANGUAGE = Setting("ui/language", str, "vi", choices=("vi", "en"))
SYNC_INTERVAL = Setting("sync/interval_seconds", int, 60, minimum=10, maximum=3600)
FONT_SIZE = Setting("ui/font_point_size", int, 10, minimum=8, maximum=24)
LAST_PROFILE = Setting("profiles/last", str, "")
NOTIFICATIONS = Setting("ui/notifications", bool, True)
#: Minutes without input before the window is covered until the password is given (AG-10.2).
IDLE_LOCK_MINUTES = Setting("security/idle_lock_minutes", int, 10, minimum=1, maximum=240)
#: The main window's place and size (Qt's saveGeometry, hex), kept from one run to the next.
WINDOW_GEOMETRY = Setting("ui/window_geometry", str, "")

ALL: tuple[Setting[Any], ...] = (
    LANGUAGE,
    SYNC_INTERVAL,
    FONT_SIZE,
    LAST_PROFILE,
    NOTIFICATIONS,
    IDLE_LOCK_MINUTES,
    WINDOW_GEOMETRY,
)


class Settings(QObject):
    """Typed access to QSettings; ``changed(key)`` tells the app to apply a new value now."""

    changed = Signal(str)

    def __init__(self, backend: QSettings | None = None) -> None:
        super().__init__()
        self.backend = backend or QSettings("BanBienTap", "ban-bien-tap")

    def get(self, setting: Setting[T]) -> T:
        raw = self.backend.value(setting.key, setting.default)
        return setting.coerce(raw)

    def set(self, setting: Setting[T], value: T) -> None:
        value = setting.coerce(value)
        if self.get(setting) == value and self.backend.contains(setting.key):
            return
        self.backend.setValue(setting.key, value)
        self.backend.sync()
        self.changed.emit(setting.key)
