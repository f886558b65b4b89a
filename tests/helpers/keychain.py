"""The configuration users run: a real Secret Service (gnome-keyring, unlocked, in a private
D-Bus session) and ``portal-desk`` as a subprocess in a private home.

``SecretService`` keeps one session alive for a whole test, so several commands share the
keychain the way a person's commands do. Needs the Debian packages gnome-keyring and dbus-daemon
(``.ci/run`` installs them); tests skip with the reason where they are missing, and fail in CI.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
MISSING = [tool for tool in ("gnome-keyring-daemon", "dbus-run-session") if not shutil.which(tool)]


def require_secret_service() -> None:
    if not MISSING:
        return
    reason = f"needs {', '.join(MISSING)} (apt: gnome-keyring dbus-daemon)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the real keychain is needed in CI: {reason}", pytrace=False)
    pytest.skip(reason)


class SecretService:
    """A private home and D-Bus session with gnome-keyring's Secret Service unlocked."""

    def __init__(self, folder: Path) -> None:
        require_secret_service()
        self.home = folder / "home"
        self.home.mkdir(parents=True)
        (folder / "run").mkdir(mode=0o700)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "XDG_DATA_HOME": str(self.home / ".local/share"),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "XDG_RUNTIME_DIR": str(folder / "run"),
            "PYTHONPATH": str(ROOT),
            "LANG": "C.UTF-8",
            "PORTAL_DESK_DATA_DIR": str(self.home / "data"),
        }
        script = (
            "echo -n unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
            'echo "$DBUS_SESSION_BUS_ADDRESS"; exec cat'
        )
        self.session = subprocess.Popen(
            ["dbus-run-session", "--", "sh", "-c", script],
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        assert self.session.stdout is not None
        address = self.session.stdout.readline().strip()
        if not address:
            self.close()
            pytest.fail("the D-Bus session did not start")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address

    def run(
        self, *argv: str, stdin: str = "", timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        """``portal-desk ARGV`` as a person runs it (a new process each time)."""
        return subprocess.run(
            [sys.executable, "-m", "desktop.cli", *argv],
            cwd=ROOT,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def close(self) -> None:
        with contextlib.suppress(Exception):
            if self.session.stdin is not None:
                self.session.stdin.close()
        # gnome-keyring-daemon forks away from the session: end whatever is left in its group.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.session.pid, signal.SIGTERM)
        with contextlib.suppress(Exception):
            self.session.wait(timeout=10)

    def __enter__(self) -> SecretService:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
