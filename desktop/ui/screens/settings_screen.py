"""Settings: language (switches at once), sync interval, font size, notifications, the idle
lock's minutes, and the way to change one's password (desktop/ui/password_flow.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import settings as options
from desktop.ui.screens import Context, Screen
from desktop.ui.screens.entries import SettingsEntry


class SettingsScreen(SettingsEntry, Screen):
    changePasswordRequested = Signal()  # password_flow opens the dialog

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.language = QComboBox(self)
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.interval = QSpinBox(self)
        self.interval.setRange(
            options.SYNC_INTERVAL.minimum or 10, options.SYNC_INTERVAL.maximum or 3600
        )
        self.font_size = QSpinBox(self)
        self.font_size.setRange(options.FONT_SIZE.minimum or 8, options.FONT_SIZE.maximum or 24)
        self.notify = QCheckBox(self)
        self.idle_lock = QSpinBox(self)
        self.idle_lock.setRange(
            options.IDLE_LOCK_MINUTES.minimum or 1, options.IDLE_LOCK_MINUTES.maximum or 240
        )
        self.account = QLabel(self)
        self.change_password = QPushButton(self)
        self.change_password.clicked.connect(lambda: self.changePasswordRequested.emit())
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.labels = [QLabel(self) for _ in range(6)]
        for label, field in zip(
            self.labels[:5],
            (self.language, self.interval, self.font_size, self.notify, self.idle_lock),
            strict=True,
        ):
            self.form.addRow(label, field)
            label.setBuddy(field)
        self.form.addRow(self.labels[5], self.account)
        self.form.addRow("", self.change_password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self._load()
        self.language.currentIndexChanged.connect(self._language_changed)
        self.interval.valueChanged.connect(lambda v: context.settings.set(options.SYNC_INTERVAL, v))
        self.font_size.valueChanged.connect(lambda v: context.settings.set(options.FONT_SIZE, v))
        self.notify.toggled.connect(lambda v: context.settings.set(options.NOTIFICATIONS, v))
        self.idle_lock.valueChanged.connect(
            lambda v: context.settings.set(options.IDLE_LOCK_MINUTES, v)
        )
        self.retranslate()

    def _load(self) -> None:
        settings = self.context.settings
        self.language.setCurrentIndex(
            max(self.language.findData(settings.get(options.LANGUAGE)), 0)
        )
        self.interval.setValue(settings.get(options.SYNC_INTERVAL))
        self.font_size.setValue(settings.get(options.FONT_SIZE))
        self.notify.setChecked(settings.get(options.NOTIFICATIONS))
        self.idle_lock.setValue(settings.get(options.IDLE_LOCK_MINUTES))

    def _language_changed(self) -> None:
        language = self.language.currentData()
        self.context.settings.set(options.LANGUAGE, language)
        self.context.switch_language(language)

    def retranslate(self) -> None:
        from desktop.ui import labels

        self.heading.setText(self.title())
        texts = (
            self.tr("&Language"),
            self.tr("&Sync every"),
            self.tr("&Font size"),
            self.tr("&Notifications"),
            self.tr("&Lock after idle for"),
            self.tr("Signed in as"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.interval.setSuffix(self.tr(" s"))
        self.font_size.setSuffix(self.tr(" pt"))
        self.idle_lock.setSuffix(self.tr(" min"))
        self.change_password.setText(self.tr("Change password…"))
        self.notify.setText(
            self.tr("Tell me when an item enters my queue, or mine is returned or published")
        )
        session = self.context.session
        roles = ", ".join(labels.role_name(r.value) for r in sorted(session.roles))
        user = session.user
        self.account.setText(
            f"{user.full_name or user.username} ({user.username}) · {roles}"
            f" · {session.site_name or session.site}"
        )
        for widget, name in (
            (self.language, self.tr("Language")),
            (self.interval, self.tr("Sync interval")),
            (self.font_size, self.tr("Font size")),
            (self.notify, self.tr("Notifications")),
            (self.idle_lock, self.tr("Idle lock minutes")),
            (self.change_password, self.tr("Change password")),
        ):
            widget.setAccessibleName(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
