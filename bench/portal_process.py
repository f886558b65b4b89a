"""The portal in its own process on loopback (``portal-server serve``), as in real use: the
client's and the server's CPU do not share one interpreter's lock."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PortalProcess:
    """``portal-server serve --database URL --workers N`` (or ``bench.peer``) on a free loopback
    port."""

    def __init__(
        self, database_url: str, *, workers: int = 1, log: Path | None = None, peer: bool = False
    ) -> None:
        self.database_url = database_url
        self.workers = workers
        self.peer = peer  # bench/peer.py's minimal app instead of the portal (issue 21)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> PortalProcess:
        argv = [
            sys.executable, "-m", "portal.cli", "serve", "--database", self.database_url,
            "--port", str(self.port), "--workers", str(self.workers), "--log-level", "warning",
        ]  # fmt: skip
        if self.peer:
            argv = [sys.executable, "-m", "bench.peer", "--database", self.database_url,
                    "--port", str(self.port)]  # fmt: skip
        out = open(self.log, "wb") if self.log else subprocess.DEVNULL  # noqa: SIM115
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self._process = subprocess.Popen(argv, cwd=ROOT, stdout=out, stderr=out, env=env)
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2.0) as http:
            while time.monotonic() < deadline:
                if self._process.poll() is not None:
                    raise RuntimeError(f"the portal exited with {self._process.returncode}")
                try:
                    if http.get(self.url + "/openapi.json").status_code == 200:
                        return self
                except httpx.TransportError:
                    pass
                time.sleep(0.05)  # polling the condition (the port answers), not a fixed wait
        self.stop()
        raise RuntimeError("the portal did not answer in time")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def __enter__(self) -> PortalProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
