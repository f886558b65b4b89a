"""Run in a subprocess by ``ui_figures``: one cold start of a window, measured from inside.

    python -m bench.ui_probe bare  --out F.json [--watch window]   a bare PySide6 window
    python -m bench.ui_probe start --store S --url U --out F.json [--queue-runs K]
                                   [--watch window]  (refresh token on stdin)
    python -m bench.ui_probe sync  --store S --url U --user N --out F.json   (password on stdin)

Times are wall-clock ``time.time()`` (the parent subtracts the moment it spawned us), taken at
the first paint event of the main window, not at ``show()`` (``--watch``: see ``WATCH``).
``maxrss_mb`` is its peak RSS (``VmHWM``) at the end. ``marks`` splits a cold start into its
steps, each the moment it ended (same clock): ``python`` (the interpreter up, this module starts),
``before_qt`` (the app only: the Qt-free modules ``run_gui`` imports first), ``qt_imported``
(PySide6 and the probe's own imports), ``imported`` (the app's modules), ``qapp``, ``styled``
(translations, theme, the app object), ``store_open``, ``desk``, ``window_built``, ``shown``
(``show()`` called), ``painted``, ``rows_read`` (the queue's rows taken in), ``rows_painted``;
the bare window has the steps it has. ``cpu_marks``: the process's CPU time at the same steps.
"""

# ruff: noqa: E402  (the first mark is taken before the other imports: the interpreter alone)
from __future__ import annotations

import time

MARKS: dict[str, float] = {"python": time.time()}
#: The process's CPU time (all its threads) at the same steps: what other programs on a loaded
#: machine inflate far less than the wall clock.
CPU_MARKS: dict[str, float] = {"python": time.process_time()}

import sys

if sys.argv[1:2] in (["start"], ["sync"]):  # as run_gui does first (desktop/app.py)
    from desktop.desk.warm import import_before_qt, pause_gc

    pause_gc()  # the app resumes it after its first paint (DeskApp.open_session)
    import_before_qt()
    MARKS["before_qt"] = time.time()
    CPU_MARKS["before_qt"] = time.process_time()

import argparse
import asyncio
import gc
import itertools
import json
import resource
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QWidget

MARKS["qt_imported"] = time.time()
CPU_MARKS["qt_imported"] = time.process_time()


def mark(name: str) -> None:
    """The step ``name`` ends now (the first time only)."""
    if name not in MARKS:
        MARKS[name] = time.time()
        CPU_MARKS[name] = time.process_time()


#: How the first paint is watched (``--watch``). ``app`` (the table's): a Python filter of every
#: event of the application from ``show()``, the mark at the window's first paint event (the
#: start of the paint pass). ``window``: a filter on the window alone, the mark once that paint
#: pass is done (a zero timer from its first paint event). The ``app`` filter makes PySide6
#: build a Python type for each kind of object and event of the show it passes on (QStyle's alone
#: ~10 ms): about 40 ms of CPU in the bare window, fewer in the app, whose code made most of them
#: already; ``window`` has no such cost (bench/README.md, 2026-12-07 evening).
WATCH = {"mode": "app"}


def _watch_paint(app: QApplication, window: QWidget, watch: Any, callback: Any) -> None:
    """Call ``callback`` at the window's first paint as ``WATCH`` says."""
    if WATCH["mode"] == "window":
        watch.watch(window, lambda: QTimer.singleShot(0, callback))
        window.installEventFilter(watch)
    else:
        watch.watch(window, callback)
        app.installEventFilter(watch)


def maxrss_mb() -> float:
    """Peak RSS of this program. ``VmHWM`` rather than ``getrusage().ru_maxrss``: on Linux a
    child's ru_maxrss starts at its forking parent's RSS and survives ``exec``, so a probe
    spawned by a 140 MB benchmark process would report at least 140 MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class PaintWatch(QObject):
    """Calls ``on_paint(widget)`` at each paint event of a widget inside ``window``."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: dict[int, Any] = {}  # id(widget) -> callback, fired once

    def watch(self, widget: QWidget, callback: Any) -> None:
        self.targets[id(widget)] = (widget, callback)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.targets:
            for key, (widget, callback) in list(self.targets.items()):
                if obj is widget or (isinstance(obj, QWidget) and widget.isAncestorOf(obj)):
                    del self.targets[key]
                    callback()
        return False


def _bare_window() -> tuple[QApplication, QMainWindow]:
    """The baseline: a bare PySide6 main window holding an empty table, not yet shown."""
    MARKS["imported"] = MARKS["qt_imported"]
    CPU_MARKS["imported"] = CPU_MARKS["qt_imported"]
    app = QApplication(sys.argv[:1])
    mark("qapp")
    window = QMainWindow()
    grid = QTableWidget(0, 6, window)
    grid.setHorizontalHeaderLabels(["Tiêu đề", "Chuyên mục", "Tác giả", "Bước", "Chờ", "Hạn"])
    window.setCentralWidget(grid)
    window.resize(1200, 760)
    mark("window_built")
    return app, window


def bare(out: Path) -> None:
    app, window = _bare_window()
    result: dict[str, Any] = {}
    watch = PaintWatch()

    def painted() -> None:
        result["painted_at"] = time.time()
        mark("painted")
        QTimer.singleShot(0, app.quit)

    _watch_paint(app, window, watch, painted)
    window.show()
    mark("shown")
    app.exec()
    result["maxrss_mb"] = maxrss_mb()
    result["marks"] = MARKS
    result["cpu_marks"] = CPU_MARKS
    out.write_text(json.dumps(result))


def bare_ticks(out: Path) -> None:
    """The same bare window shown from a running loop with a 5 ms QTimer heartbeat: how long
    its show and first paint hold the loop (what any window's first paint costs here)."""
    app, window = _bare_window()
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(5)
    watch = PaintWatch()
    app.installEventFilter(watch)
    shown: dict[str, float] = {}

    def tick() -> None:
        ticks.append(time.time())
        if len(ticks) == 20:
            shown["at"] = time.time()
            window.show()
        elif "painted" in shown and len(ticks) > shown["painted"] + 20:
            app.quit()

    watch.watch(window, lambda: shown.setdefault("painted", len(ticks)))
    heartbeat.timeout.connect(tick)
    heartbeat.start()
    app.exec()
    after = [b - a - 0.005 for a, b in itertools.pairwise(ticks) if b > shown["at"]]
    out.write_text(json.dumps({"show_paint_max_ms": max(after) * 1000}))


def _desk(store_path: Path) -> tuple[Any, Any, Any]:
    """Build the application as ``desktop.app.run_gui`` does (same parts, same order)."""
    from desktop.app import DeskApp, build_app, limit_malloc_arenas
    from desktop.ui import settings as options
    from desktop.ui import theme
    from desktop.ui.i18n import Translations
    from desktop.ui.qtcompat import event_loop
    from desktop.ui.settings import Settings

    limit_malloc_arenas()  # as run_gui does first
    mark("imported")
    app = build_app()
    mark("qapp")
    loop = event_loop(app)
    asyncio.set_event_loop(loop)
    settings = Settings()
    translations = Translations(app)
    translations.switch("vi")
    theme.apply(app, settings.get(options.FONT_SIZE))
    desk = DeskApp(app, store_path.parent, settings, translations)
    gc.freeze()  # as run_gui does before its loop starts
    mark("styled")
    return app, loop, desk


def _watch_show_window(desk: Any, marks: dict[str, float]) -> None:
    """Note when the app starts building its main window (after its sync at sign-in)."""
    original = desk.show_window

    def show_window(*args: Any, **kwargs: Any) -> Any:
        marks["show_window_at"] = time.time()
        window = original(*args, **kwargs)
        mark("window_built")
        return window

    desk.show_window = show_window


def start(out: Path, store_path: Path, url: str, queue_runs: int, queue: str, other: str) -> None:
    """A saved profile opened as ``DeskApp.resume`` does: the store, a client holding the
    refresh token from the keychain (here: stdin), ``open_session`` (the window from the store;
    its first sync starts once it is shown)."""
    from desktop.desk import Desk
    from desktop.store import Store
    from desktop.sync import PortalClient

    app, loop, desk = _desk(store_path)
    result: dict[str, Any] = {}
    # The paint watch (a Python filter of every event) is installed as the window is shown, as
    # the bare window's is: installed before the window is built, it would tax its building.
    watch = PaintWatch()
    _watch_show_window(desk, result)
    refresh_token = sys.stdin.readline().strip()

    async def main() -> None:
        first = loop.create_future()
        filled = loop.create_future()  # the first paint of the shown screen with its rows
        original_show = QMainWindow.show

        def painted(step: str, done: asyncio.Future[Any]) -> None:
            if not done.done():
                mark(step)
                done.set_result(MARKS[step])

        def rows_in(window: Any) -> None:
            mark("rows_read")
            screen = window.stack.currentWidget()
            watch.watch(screen, lambda: painted("rows_painted", filled))
            app.installEventFilter(watch)  # the table repaints, not always the screen itself

        def show(window: QMainWindow) -> None:
            items = getattr(window, "items", None)
            if items is not None and items.loading:
                items.rowsLoaded.connect(lambda: rows_in(window))
            elif not filled.done():
                filled.set_result(None)  # the rows were there before the window
            _watch_paint(app, window, watch, lambda: painted("painted", first))
            original_show(window)
            mark("shown")

        QMainWindow.show = show  # type: ignore[method-assign, assignment]
        result["open_at"] = time.time()
        store = Store.open(store_path)
        mark("store_open")
        client = PortalClient(url, refresh_token=refresh_token, timeout=60.0)
        first_sync = store.get_meta("directory_at") is None  # as DeskApp.resume decides
        session = Desk(store, client)
        mark("desk")
        window = await desk.open_session(session, first_sync=first_sync)
        QMainWindow.show = original_show  # type: ignore[method-assign]
        result["painted_at"] = await first
        result["rows_painted_at"] = await filled or result["painted_at"]
        app.installEventFilter(watch)  # opening a queue below: a screen's children paint
        result["first_screen"] = window.current_screen_name()
        await desk.sync.sync_now()  # the window's own sync, started on show: ended before timing
        opened: list[float] = []
        rows = None
        for _ in range(queue_runs):
            shown = loop.create_future()
            watch.watch(window.screens[other], lambda s=shown: s.done() or s.set_result(0))
            window.show_screen(other)
            await shown  # the other screen has painted: now time the switch back
            done = loop.create_future()
            screen = window.screens[queue]
            watch.watch(screen.view.table.viewport(), lambda d=done: d.done() or d.set_result(0))
            began = time.perf_counter()
            window.show_screen(queue)
            await done
            opened.append(time.perf_counter() - began)
            rows = screen.view.count()
        result["queue_open_s"] = opened
        result["queue_rows"] = rows
        result["maxrss_mb"] = maxrss_mb()
        result["marks"] = MARKS
        result["cpu_marks"] = CPU_MARKS
        await desk.close()

    with loop:
        loop.run_until_complete(main())
    out.write_text(json.dumps(result))


def sync(out: Path, store_path: Path, url: str, user: str, password: str) -> None:
    """Signing in on an empty store as ``DeskApp.sign_in`` does: ``open_session`` runs the
    first sync, then shows the window (which syncs again); a 5 ms QTimer heartbeat throughout."""
    from desktop.desk import Desk
    from desktop.store import Store
    from desktop.sync import PortalClient

    _app, loop, desk = _desk(store_path)
    result: dict[str, Any] = {}
    ticks: list[float] = []
    _watch_show_window(desk, result)

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: ticks.append(time.time()))

    async def main() -> None:
        store = Store.open(store_path)
        client = PortalClient(url, timeout=60.0)
        await desk.load_window_modules_soon()  # as while the welcome dialog waits for them
        store.set_me(await client.login(user, password))
        heartbeat.start()
        began = time.time()
        await desk.open_session(Desk(store, client))
        result["sync_s"] = result["show_window_at"] - began
        await desk.sync.sync_now()
        after = len(ticks)
        while len(ticks) < after + 20:  # 100 ms more of the loop: the refresh and its paint
            await asyncio.sleep(0.005)
        heartbeat.stop()
        result["items"] = store.status()["items"]
        result["maxrss_mb"] = maxrss_mb()
        await desk.close()

    with loop:
        loop.run_until_complete(main())
    shown = result["show_window_at"]
    during = [b - a - 0.005 for a, b in itertools.pairwise(ticks) if b <= shown]
    window = [b - a - 0.005 for a, b in itertools.pairwise(ticks) if b > shown]
    result["ticks"] = len(ticks)
    result["sync_ticks"] = len(during)
    result["stalls_ms"] = sorted((g * 1000 for g in during), reverse=True)[:20]
    ordered = sorted(during)
    result["p99_ms"] = ordered[int(0.99 * (len(ordered) - 1))] * 1000 if ordered else None
    result["max_ms"] = ordered[-1] * 1000 if ordered else None
    result["window_max_ms"] = max(window) * 1000 if window else None
    after = [(b - a - 0.005, b - shown) for a, b in itertools.pairwise(ticks) if b > shown]
    result["window_worst"] = [  # (stall ms, when it ended: ms after show_window began)
        (round(gap * 1000, 1), round(at * 1000)) for gap, at in sorted(after, reverse=True)[:5]
    ]
    out.write_text(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["bare", "bare-ticks", "start", "sync"])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--queue-runs", type=int, default=0)
    parser.add_argument("--queue", default="edit_queue")
    parser.add_argument("--other", default="my_items")
    parser.add_argument("--watch", choices=["app", "window"], default="app")
    parser.add_argument("--url", default="")
    parser.add_argument("--user", default="")
    args = parser.parse_args()
    WATCH["mode"] = args.watch
    if args.mode == "bare":
        bare(args.out)
    elif args.mode == "bare-ticks":
        bare_ticks(args.out)
    elif args.mode == "start":
        start(args.out, args.store, args.url, args.queue_runs, args.queue, args.other)
    else:
        sync(args.out, args.store, args.url, args.user, sys.stdin.readline().strip())


if __name__ == "__main__":
    main()
