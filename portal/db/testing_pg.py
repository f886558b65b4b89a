"""A throwaway PostgreSQL for tests and benchmarks: ``initdb`` and ``pg_ctl`` in a temp folder.

It listens on a free loopback port and on a unix socket in its own folder, runs with durability
off (it is thrown away), and is stopped and deleted by :meth:`ThrowawayPostgres.stop`. initdb
refuses to run as root, so as root the cluster runs as the ``postgres`` system user (made by
Debian's ``postgresql`` package) through ``runuser``.

    with ThrowawayPostgres() as pg:
        url = pg.new_database()       # a fresh, empty database
        ...
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

#: Where Debian (and Ubuntu) put the server binaries; PATH is tried first.
_DEBIAN_BINS = "/usr/lib/postgresql/*/bin"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries on this machine (install Debian's ``postgresql``)."""


def find_binaries() -> Path | None:
    """The folder holding ``initdb``/``pg_ctl``/``postgres``, newest version first, or None."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    found = sorted(
        glob.glob(_DEBIAN_BINS), key=lambda p: int(Path(p).parent.name.split(".")[0]), reverse=True
    )
    for folder in found:
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ThrowawayPostgres:
    """One temporary cluster; ``url`` is its ``postgres`` database as a SQLAlchemy URL."""

    def __init__(self, *, max_connections: int = 300) -> None:
        bins = find_binaries()
        if bins is None:
            raise PostgresUnavailable(
                "PostgreSQL server binaries not found (apt-get install postgresql)"
            )
        self.bins = bins
        self.max_connections = max_connections
        self.folder = Path(tempfile.mkdtemp(prefix="pg-", dir="/tmp"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        self._started = False

    # --- running --------------------------------------------------------------------------

    def _command(self, *argv: str) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *argv]
        return list(argv)

    def _run(self, *argv: str) -> None:
        result = subprocess.run(
            self._command(*argv), capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"{argv[0]} failed: {result.stdout}\n{result.stderr}")

    def start(self) -> ThrowawayPostgres:
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise PostgresUnavailable("running as root and no 'postgres' user exists") from None
            shutil.chown(self.folder, "postgres", "postgres")
        os.chmod(self.folder, 0o700)
        self._run(
            str(self.bins / "initdb"),
            "-D",
            str(self.data),
            "-U",
            self.user,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = " ".join(
            [
                f"-p {self.port}",
                "-h 127.0.0.1",
                f"-k {self.folder}",
                f"-c max_connections={self.max_connections}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c shared_buffers=64MB",
            ]
        )
        self._run(
            str(self.bins / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        self._started = True
        return self

    def stop(self) -> None:
        if self._started:
            self._started = False
            with contextlib.suppress(RuntimeError):
                self._run(str(self.bins / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> ThrowawayPostgres:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- databases ------------------------------------------------------------------------

    def url_of(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    @property
    def url(self) -> str:
        return self.url_of("postgres")

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql.encode())

    def new_database(self, name: str | None = None, template: str | None = None) -> str:
        """A fresh database (optionally a copy of ``template``); returns its SQLAlchemy URL."""
        name = name or f"t_{secrets.token_hex(6)}"
        suffix = f" TEMPLATE {template}" if template else ""
        self._admin(f'CREATE DATABASE "{name}"{suffix}')
        return self.url_of(name)

    def drop_database(self, name_or_url: str) -> None:
        name = name_or_url.rsplit("/", 1)[-1]
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""
