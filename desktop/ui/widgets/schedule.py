"""When an item is public (issue 20): the editor's "publish at" and "take down at" fields, and
the line that tells a scheduled item apart on its page ("Đã hẹn giờ đăng …")."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QGridLayout, QLabel, QWidget

from desktop.models import Item, State

VIETNAM = timezone(timedelta(hours=7))
_FORMAT = "dd/MM/yyyy HH:mm"


def _to_qt(moment: datetime, zone: timezone) -> QDateTime:
    local = moment.astimezone(zone).replace(tzinfo=None)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)


def _from_qt(value: QDateTime, zone: timezone) -> datetime:
    date, time = value.date(), value.time()
    return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(), tzinfo=zone)


class ScheduleFields(QWidget):
    """Two optional moments in the site's time zone: publish at, take down at. The second is
    always after the first (its minimum follows), so the pair is never one the portal refuses."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, zone: timezone = VIETNAM) -> None:
        super().__init__(parent)
        self.zone = zone
        self.publish_check = QCheckBox(self)
        self.publish_check.setObjectName("publishAtSet")
        self.expire_check = QCheckBox(self)
        self.expire_check.setObjectName("expireAtSet")
        self.publish_at = QDateTimeEdit(self)
        self.publish_at.setObjectName("publishAt")
        self.expire_at = QDateTimeEdit(self)
        self.expire_at.setObjectName("expireAt")
        start = _to_qt(datetime.now(zone).replace(minute=0, second=0) + timedelta(days=1), zone)
        for edit in (self.publish_at, self.expire_at):
            edit.setDisplayFormat(_FORMAT)
            edit.setCalendarPopup(True)
            edit.setDateTime(start)
            edit.setEnabled(False)
        self.expire_at.setDateTime(start.addDays(30))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.publish_check, 0, 0)
        layout.addWidget(self.publish_at, 0, 1)
        layout.addWidget(self.expire_check, 1, 0)
        layout.addWidget(self.expire_at, 1, 1)
        layout.setColumnStretch(1, 1)
        self._loading = False
        # The moments as loaded: given back as they were written (seconds, offset) while the
        # person leaves them alone, so that loading an item never counts as a change.
        self._loaded: dict[str, datetime | None] = {"publish_at": None, "expire_at": None}
        self.publish_check.toggled.connect(self._toggled)
        self.expire_check.toggled.connect(self._toggled)
        self.publish_at.dateTimeChanged.connect(self._moved)
        self.expire_at.dateTimeChanged.connect(self._edited)
        self.retranslate()

    def retranslate(self) -> None:
        self.publish_check.setText(self.tr("Publish at"))
        self.publish_check.setToolTip(
            self.tr("Approved items stay off the public pages until this minute.")
        )
        self.expire_check.setText(self.tr("Take down at"))
        self.expire_check.setToolTip(
            self.tr("The portal takes the item down by itself at this minute.")
        )
        self.publish_at.setAccessibleName(self.tr("Publish at"))
        self.expire_at.setAccessibleName(self.tr("Take down at"))

    def set_values(self, publish_at: datetime | None, expire_at: datetime | None) -> None:
        self._loading = True
        self._loaded = {"publish_at": publish_at, "expire_at": expire_at}
        try:
            self.publish_check.setChecked(publish_at is not None)
            if publish_at is not None:
                self.publish_at.setDateTime(_to_qt(publish_at, self.zone))
            self.expire_check.setChecked(expire_at is not None)
            self._keep_order()
            if expire_at is not None:
                self.expire_at.setDateTime(_to_qt(expire_at, self.zone))
            self._toggled()
        finally:
            self._loading = False

    def values(self) -> dict[str, Any]:
        """``publish_at`` and ``expire_at`` in their JSON form (ISO 8601 with offset, or None)."""
        return {
            "publish_at": self._value("publish_at", self.publish_check, self.publish_at),
            "expire_at": self._value("expire_at", self.expire_check, self.expire_at),
        }

    def _value(self, name: str, check: QCheckBox, edit: QDateTimeEdit) -> str | None:
        if not check.isChecked():
            return None
        loaded = self._loaded[name]
        if loaded is not None and _to_qt(loaded, self.zone).toString(
            _FORMAT
        ) == edit.dateTime().toString(_FORMAT):
            return loaded.isoformat()
        return _from_qt(edit.dateTime(), self.zone).isoformat()

    def set_read_only(self, read_only: bool) -> None:
        for check in (self.publish_check, self.expire_check):
            check.setEnabled(not read_only)
        self.publish_at.setReadOnly(read_only)
        self.expire_at.setReadOnly(read_only)

    def _toggled(self) -> None:
        self.publish_at.setEnabled(self.publish_check.isChecked())
        self.expire_at.setEnabled(self.expire_check.isChecked())
        self._keep_order()
        self._edited()

    def _moved(self) -> None:
        self._keep_order()
        self._edited()

    def _keep_order(self) -> None:
        if self.publish_check.isChecked():
            self.expire_at.setMinimumDateTime(self.publish_at.dateTime().addSecs(60))
        else:
            self.expire_at.clearMinimumDateTime()

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()


def schedule_text(item: Item, now: datetime, zone: timezone = VIETNAM) -> tuple[str, str]:
    """The item page's line for a scheduled or expiring item, (vi, en); empty otherwise."""
    if item.state is not State.PUBLISHED:
        return "", ""

    def when(moment: datetime) -> str:
        return moment.astimezone(zone).strftime("%d/%m/%Y %H:%M")

    if item.scheduled(now) and item.publish_at is not None:
        vi, en = f"Đã hẹn giờ đăng: {when(item.publish_at)}", f"Scheduled: {when(item.publish_at)}"
    elif item.public_at(now):
        vi, en = "", ""
    else:
        return "", ""
    if item.expire_at is not None:
        sep = " · " if vi else ""
        vi += f"{sep}hết hạn đăng: {when(item.expire_at)}"
        en += f"{sep}until {when(item.expire_at)}"
    return vi, en


class ScheduleBadge(QLabel):
    """ "Đã hẹn giờ đăng 08/12/2026 07:00 · hết hạn đăng …" on a scheduled item's page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleBadge")
        self.hide()

    def show_for(self, item: Item | None, language: str, zone: timezone = VIETNAM) -> None:
        if item is None:
            self.hide()
            return
        vi, en = schedule_text(item, datetime.now(zone), zone)
        text = vi if language == "vi" else en
        self.setText(text)
        self.setVisible(bool(text))
