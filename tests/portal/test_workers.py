"""``portal-server serve --workers 2`` spreads fresh connections over both processes (issue 21).

Which process answered a connection is read from the kernel, not from the portal: the
connection's server end in ``/proc/net/tcp`` gives a socket inode, and the worker whose
``/proc/<pid>/fd`` holds that inode is the one that accepted it. Nothing in the answers says.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from portal import workers
from portal.db.testing_pg import free_port
from tests.portal.test_processes import _wait_until_serving

LINUX = sys.platform.startswith("linux")
#: Fresh connections tried before giving up on seeing a second process (the kernel hashes each
#: connection's addresses to one of two sockets: all 64 on one would be a 1 in 2**63 chance).
TRIES = 64


def _children(parent: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
            found.add(int(entry.name))
    return found


def _server_end_inode(server_port: int, client_port: int) -> int:
    """The inode of the accepted socket whose peer is ``client_port`` (ESTABLISHED, loopback)."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, remote, state = fields[1], fields[2], fields[3]
            if (
                state == "01"
                and int(local.rsplit(":", 1)[1], 16) == server_port
                and int(remote.rsplit(":", 1)[1], 16) == client_port
            ):
                return int(fields[9])
    raise AssertionError(f"no server end for the connection from port {client_port}")


def _owner(pids: set[int], inode: int) -> int | None:
    wanted = f"socket:[{inode}]"
    for pid in pids:
        try:
            descriptors = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in descriptors:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") == wanted:
                    return pid
            except OSError:
                continue
    return None


def _answered_by(port: int, parent: int) -> int:
    """Open a fresh connection, ask ``/healthz`` on it, and say which child process accepted it."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = conn.recv(4096)
            assert chunk, "the connection closed before an answer"
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 200"), answer[:100]
        owner = _owner(_children(parent), _server_end_inode(port, conn.getsockname()[1]))
    assert owner is not None, "no worker of this server holds the connection"
    return owner


def _until_two(port: int, parent: int, wanted: int = 2) -> set[int]:
    seen: set[int] = set()
    for _ in range(TRIES):
        seen.add(_answered_by(port, parent))
        if len(seen) >= wanted:
            break
    return seen


@pytest.fixture
def two_workers(postgres_url: str) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    port = free_port()
    argv = [
        *(sys.executable, "-m", "portal.cli", "serve", "--database", postgres_url),
        *("--port", str(port), "--workers", "2", "--log-level", "warning"),
    ]
    process = subprocess.Popen(
        argv,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_until_serving(f"http://127.0.0.1:{port}", process)  # type: ignore[arg-type]
        yield port, process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=20)


@pytest.mark.skipif(not LINUX, reason="/proc and SO_REUSEPORT balancing are Linux's")
def test_fresh_connections_reach_both_workers_and_sigterm_stops_all(
    two_workers: tuple[int, subprocess.Popen[str]],
) -> None:
    port, parent = two_workers
    children = _children(parent.pid)
    answered = _until_two(port, parent.pid)
    assert len(answered) == 2 and answered <= children and parent.pid not in answered

    # a worker that dies is noticed and replaced on its socket; the survivor keeps serving
    dead = min(answered)
    os.kill(dead, signal.SIGKILL)
    after = _until_two(port, parent.pid)
    assert len(after) == 2 and dead not in after and (after - answered)

    parent.send_signal(signal.SIGTERM)
    assert parent.wait(timeout=30) == 0
    assert parent.stderr is not None
    log = parent.stderr.read()
    assert f"Worker [{dead}] died" in log, log
    assert not any(Path(f"/proc/{pid}").exists() for pid in answered | after)


def test_one_shared_socket_where_the_kernel_does_not_balance(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import uvicorn

    config = uvicorn.Config("portal.app:app_from_environment", host="127.0.0.1", port=0)
    if LINUX:
        spread = workers.listening_sockets(config, 3)
        try:
            ports = {sock.getsockname()[1] for sock in spread}
            assert len(spread) == 3 and len(ports) == 1
        finally:
            for sock in spread:
                sock.close()
    monkeypatch.setattr(workers, "spreads_connections", lambda: False)
    shared = workers.listening_sockets(config, 3)
    try:
        assert len(shared) == 1
    finally:
        for sock in shared:
            sock.close()
