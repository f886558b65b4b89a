"""``portal-server serve --workers N``: N uvicorn processes that really share the connections.

uvicorn's own supervisor gives every worker one shared listening socket; each client keeps one
keep-alive connection, and whichever worker wakes first takes a burst of them, so one process
ends up serving almost everyone (issue 21). Here, on Linux, each worker has **its own** listening
socket bound to the same port with ``SO_REUSEPORT``: the kernel spreads new connections over
the sockets by a hash of their addresses. The sockets are bound and put to listen in this
(parent) process before any worker starts and stay open here, so a connection that arrives while
a worker is still starting, or being replaced, waits in that worker's queue instead of being
refused. Elsewhere (no ``SO_REUSEPORT`` load balancing) every worker gets the one shared socket,
as uvicorn does.

What uvicorn's supervisor did is kept: SIGINT/SIGTERM stop every worker and wait for them;
a worker that dies, or stops answering the health check, is logged and replaced on its socket;
a worker that fails at start-up (the app cannot be built) stops the parent instead of being
restarted for ever; SIGHUP replaces the workers. (SIGTTIN/SIGTTOU, adding or removing a worker
while running, are not offered.)
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import threading

from uvicorn.config import STARTUP_FAILURE, Config
from uvicorn.supervisors.multiprocess import Process

logger = logging.getLogger("uvicorn.error")

_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def spreads_connections() -> bool:
    """Whether each worker can have its own socket on the port with the kernel balancing them
    (Linux's ``SO_REUSEPORT``; BSD and macOS accept the option without balancing TCP)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def bind(host: str, port: int, *, reuse_port: bool, backlog: int) -> socket.socket:
    """A listening TCP socket on ``host:port``, inheritable by the workers."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def listening_sockets(config: Config, workers: int) -> list[socket.socket]:
    """One socket per worker on the same port when the kernel balances them, else one shared."""
    spread = spreads_connections()
    first = bind(config.host, config.port, reuse_port=spread, backlog=config.backlog)
    sockets = [first]
    if spread:
        port = first.getsockname()[1]  # the port 0 asks for is chosen by the first bind
        try:
            for _ in range(workers - 1):
                sockets.append(bind(config.host, port, reuse_port=True, backlog=config.backlog))
        except OSError:
            for sock in sockets:
                sock.close()
            raise
    return sockets


class Supervisor:
    """The parent: starts a worker per socket slot, watches them, stops them all on a signal."""

    def __init__(self, config: Config, workers: int) -> None:
        self.config = config
        self.workers = workers
        self.sockets: list[socket.socket] = []
        self.processes: list[Process] = []
        self.should_exit = threading.Event()
        self.failed = False
        self._signals: list[int] = []

    def _socket_of(self, slot: int) -> socket.socket:
        return self.sockets[slot % len(self.sockets)]

    def _spawn(self, slot: int) -> Process:
        process = Process(self.config, [self._socket_of(slot)])
        process.start()
        return process

    def run(self) -> int:
        """Serve until SIGINT/SIGTERM; 0, or 1 when a worker could not start."""
        self.sockets = listening_sockets(self.config, self.workers)
        host, port = self.sockets[0].getsockname()[:2]
        logger.info(
            "Serving on http://%s:%d with %d worker processes (%s)",
            host,
            port,
            self.workers,
            "a socket each, SO_REUSEPORT" if len(self.sockets) > 1 else "one shared socket",
        )
        previous = {sig: signal.signal(sig, self._on_signal) for sig in _SIGNALS}
        try:
            self.processes = [self._spawn(slot) for slot in range(self.workers)]
            while not self.should_exit.wait(0.5):
                self._handle_signals()
                self._keep_alive()
            for process in self.processes:
                process.terminate()
            for process in self.processes:
                process.join()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            for sock in self.sockets:
                sock.close()
        logger.info("Stopped the parent process [%d]", os.getpid())
        return 1 if self.failed else 0

    def _on_signal(self, sig: int, frame: object) -> None:
        self._signals.append(sig)
        if sig in (signal.SIGINT, signal.SIGTERM):
            self.should_exit.set()

    def _handle_signals(self) -> None:
        while self._signals:
            sig = self._signals.pop(0)
            if sig == getattr(signal, "SIGHUP", None):
                logger.info("Received SIGHUP, replacing the workers one by one")
                self._restart_all()

    def _keep_alive(self) -> None:
        for slot, process in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            if process.is_alive(timeout=getattr(self.config, "timeout_worker_healthcheck", 5)):
                continue
            process.kill()  # dead already, or hung: no answer to the health check
            process.join()
            if process.exitcode == STARTUP_FAILURE:
                logger.error("Worker [%s] failed to start; stopping", process.pid)
                self.failed = True
                self.should_exit.set()
                return
            logger.warning(
                "Worker [%s] died (exit code %s); starting another", process.pid, process.exitcode
            )
            self.processes[slot] = self._spawn(slot)

    def _restart_all(self) -> None:
        """Start a new worker on each socket, then stop the old one: the socket stays open here,
        so connections arriving in between wait in its queue."""
        old, self.processes = self.processes, [self._spawn(slot) for slot in range(self.workers)]
        for process in old:
            process.terminate()
        for process in old:
            process.join()


def serve(host: str, port: int, workers: int, log_level: str) -> int:
    """Run ``workers`` processes of :func:`portal.app.app_from_environment` until a signal."""
    config = Config(
        "portal.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level=log_level,
        proxy_headers=False,  # portal.api.forwarded alone decides which proxies to believe
    )
    return Supervisor(config, workers).run()
