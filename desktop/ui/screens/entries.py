"""The navigation's entries of the screens the first window does not show (the reports with
their charts and exports, search with its delegates, conflicts with the diff, the citizens'
questions, the publish queue, grants, settings): the window lists them at start from here, and
imports a screen's module the first time the screen is shown (issue 21: a faster first window).
Each widget class inherits its entry: ``class ReportsScreen(ReportsEntry, Screen)``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.models import Role
from desktop.ui.screens import Context, Entry, register


@register
class QuestionsEntry(Entry):
    NAME = "questions"
    ORDER = 47
    ICON = "questions"
    MODULE = "desktop.ui.screens.questions"

    @classmethod
    def available(cls, context: Context) -> bool:
        return bool(context.session.roles & {Role.HEAD, Role.DEPUTY, Role.MEMBER})

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("QuestionsScreen", "Citizens' questions")


@register
class ConflictsEntry(Entry):
    NAME = "conflicts"
    ORDER = 60
    ICON = "conflict"
    MODULE = "desktop.ui.screens.conflicts"

    @classmethod
    def available(cls, context: Context) -> bool:
        try:
            return bool(context.items.conflicts())
        except Exception:
            return False

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("ConflictsScreen", "Conflicts")

    @classmethod
    def nav_count(cls, context: Context) -> int | None:
        return len(context.items.conflicts())

    @classmethod
    def nav_count_text(cls, count: int) -> str:
        return QCoreApplication.translate("ConflictsScreen", "%n to resolve", "", count)


@register
class SearchEntry(Entry):
    NAME = "search"
    ORDER = 60
    ICON = "search"
    SHORTCUT = "Ctrl+Shift+F"
    MODULE = "desktop.ui.screens.search"

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("SearchScreen", "Search")


@register
class ReportsEntry(Entry):
    NAME = "reports"
    ORDER = 70
    ICON = "reports"
    MODULE = "desktop.ui.screens.reports"

    @classmethod
    def available(cls, context: Context) -> bool:
        return bool({Role.HEAD, Role.DEPUTY} & context.session.roles)

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("ReportsScreen", "Reports")


@register
class PublishQueueEntry(Entry):
    NAME = "publish_queue"
    ORDER = 45
    ICON = "publish_queue"
    MODULE = "desktop.ui.screens.publish_queue"

    @classmethod
    def available(cls, context: Context) -> bool:
        """Targets or jobs: known from the publish queue's own table, read once the window is
        up with its rows (the entry then comes, as a conflict's does)."""
        if context.items.loading:
            return False
        return context.items.desk.publishing.in_use()

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("PublishQueueScreen", "Publish queue")

    @classmethod
    def nav_count(cls, context: Context) -> int | None:
        return sum(job.status == "failed" for job in context.items.desk.publishing.jobs())

    @classmethod
    def nav_count_text(cls, count: int) -> str:
        return QCoreApplication.translate("PublishQueueScreen", "%n failed", "", count)


@register
class GrantsEntry(Entry):
    NAME = "grants"
    ORDER = 80
    ICON = "grants"
    MODULE = "desktop.ui.screens.grants"

    @classmethod
    def available(cls, context: Context) -> bool:
        return bool(context.session.roles & {Role.HEAD, Role.DEPUTY})

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("GrantsScreen", "Grants")


@register
class SettingsEntry(Entry):
    NAME = "settings"
    ORDER = 90
    ICON = "settings"
    MODULE = "desktop.ui.screens.settings_screen"

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("SettingsScreen", "Settings")
