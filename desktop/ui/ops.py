"""One way to run background work and to report failure (Anki's CollectionOp, on qasync).

``run_op`` runs a coroutine on the asyncio loop, disables the control meanwhile, restores it in
``finally``, and turns any failure into one plain sentence in the user's language.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def current_language() -> str:
    app = QCoreApplication.instance()
    value = app.property("language") if app is not None else None
    return str(value or "vi")


def error_sentence(exc: BaseException) -> str:
    """A plain sentence for the user; the traceback goes to the log, never to the screen."""
    from desktop.models.errors import KnownError

    language = current_language()
    if isinstance(exc, KnownError):
        return exc.message(language)
    if isinstance(exc, ConnectionError | TimeoutError):
        return QCoreApplication.translate(
            "Services",
            "The portal cannot be reached. Your work is kept on this computer "
            "and will be sent when the connection is back.",
        )
    log.error("unexpected error in the interface", exc_info=exc)
    return QCoreApplication.translate("Services", "Something went wrong: %1").replace(
        "%1", str(exc) or type(exc).__name__
    )


def run_op(
    control: QWidget | None,
    work: Callable[[], Awaitable[Any]],
    success: Callable[[Any], None] | None = None,
    failure: Callable[[str], None] | None = None,
) -> asyncio.Future[Any] | None:
    """Run ``work()`` on the asyncio loop (qasync in the app); the control is off meanwhile."""
    if control is not None:
        control.setEnabled(False)

    async def runner() -> Any:
        try:
            result = await work()
        except Exception as exc:  # the user sees a sentence; the log keeps the rest
            sentence = error_sentence(exc)
            if failure is not None:
                failure(sentence)
            else:
                log.warning("operation failed: %s", sentence)
            return None
        finally:
            if control is not None:
                with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
                    control.setEnabled(True)
        if success is not None:
            success(result)
        return result

    return asyncio.ensure_future(runner())
