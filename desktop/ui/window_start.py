"""The main window's part of start-up (issue 21), for ``desktop.app``: its modules imported on a
worker thread while the sign-in's sync runs, and its icons rendered a loop turn before it is
built. The Qt-free part is ``desktop.desk.warm``."""

from __future__ import annotations

from desktop.desk.warm import import_deferred


def load_window_modules() -> None:
    """Import what building the main window needs: its screens, the item page, the deadlines'
    calendars, the publish queue (about 0.25 s). Plain imports, no Qt object is made, so a
    worker thread may do it while the sign-in sync runs."""
    import desktop.desk.deadlines
    import desktop.publishing.queue
    import desktop.ui.item_page
    import desktop.ui.shell  # noqa: F401
    from desktop.ui.screens import load_screens

    load_screens()
    import_deferred()


def preload_window_icons() -> None:
    """The icons the window paints first, at the size it paints them (the navigation's 20 px,
    the toolbar's 24 px): rendering every icon at both sizes cost twice the CPU (issue 21)."""
    from desktop.ui import icons
    from desktop.ui.screens import load_screens

    icons.preload([cls.ICON for cls in load_screens()], sizes=(icons.NAVIGATION_SIZE,))
    icons.preload(["new", "sync"], sizes=(icons.TOOLBAR_SIZE,))
