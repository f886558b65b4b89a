"""Run the portal in a background thread on loopback: for tests and the desktop's ``--demo``."""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Any

import uvicorn
from fastapi import FastAPI

from portal.app import create_app


class _Server(uvicorn.Server):
    """uvicorn's server that tells a waiting thread when it is accepting connections (or failed)."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[Any] | None = None) -> None:
        try:
            await super().startup(sockets=sockets)
        finally:
            self.ready.set()  # started is True on success, False when it failed


class PortalServer:
    """A portal on ``http://127.0.0.1:<port>``; ``url`` is ready once it accepts connections."""

    def __init__(
        self,
        database_url: str | None = None,
        *,
        app: FastAPI | None = None,
        demo: bool = False,
        host: str = "127.0.0.1",
        port: int = 0,
        startup_timeout: float = 30.0,
        background: bool = False,
    ) -> None:
        if app is None:
            if database_url is None:
                raise ValueError("give a database URL or an app")
            app = create_app(database_url, demo=demo)
        self.app = app
        #: Run the app's scheduler (expiry, e-mail; issue 20): the demo does, tests call
        #: ``app.state.scheduler.run_once()`` with their clock instead.
        self.background = background
        self.host = host
        self.port = port
        self.startup_timeout = startup_timeout
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.url = ""

    def start(self) -> PortalServer:
        config = uvicorn.Config(
            self.app,
            host=self.host,
            port=self.port,
            log_level="warning",
            lifespan="off",
            access_log=False,
            proxy_headers=False,  # portal.api.forwarded decides whom to believe
            timeout_graceful_shutdown=5,
        )
        server = _Server(config)
        self._server = server

        def run() -> None:
            try:
                server.run()
            except BaseException as error:  # SystemExit when the port is taken
                self._error = error
            finally:
                server.ready.set()

        self._thread = threading.Thread(target=run, name="portal-server", daemon=True)
        self._thread.start()
        if not server.ready.wait(self.startup_timeout):
            self.stop()
            raise RuntimeError("the portal did not start in time")
        if not server.started:
            self.stop()
            raise RuntimeError(f"the portal could not start: {self._error!r}")
        port = server.servers[0].sockets[0].getsockname()[1]
        self.port = port
        self.url = f"http://{self.host}:{port}"
        if self.background:
            self.app.state.scheduler.start()
        return self

    def stop(self) -> None:
        if self.background:
            self.app.state.scheduler.stop()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=15)
            self._thread = None
        engine = getattr(self.app.state, "engine", None)
        if engine is not None:
            engine.dispose()

    def __enter__(self) -> PortalServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
