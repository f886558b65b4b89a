"""The real Secret Service: gnome-keyring unlocked in a private D-Bus session.

Needs the Debian packages gnome-keyring, dbus-daemon (dbus-run-session), libsecret-tools;
skipped with the reason when they are missing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.security.secret_service_probe import ACCOUNT, TOKEN

ROOT = Path(__file__).resolve().parents[2]
MISSING = [tool for tool in ("gnome-keyring-daemon", "dbus-run-session") if not shutil.which(tool)]

pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"real Secret Service test needs {', '.join(MISSING)} (apt: gnome-keyring dbus-daemon)",
)


def test_credentials_live_in_the_secret_service(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(tmp_path / "run"),
        "PYTHONPATH": str(ROOT),
        "LANG": "C.UTF-8",
    }
    (tmp_path / "run").mkdir(mode=0o700)
    script = (
        "echo -n PASS | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        f"exec {sys.executable} -m tests.security.secret_service_probe"
    )
    proc = subprocess.Popen(
        ["dbus-run-session", "--", "sh", "-c", script],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"Secret Service probe timed out; stderr: {err[-2000:]}")
    finally:
        # gnome-keyring-daemon forks away from the session: end whatever is left in our group.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)

    assert proc.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    assert result["secure"] is True
    assert result["backend"] == "keyring.backends.SecretService.Keyring"
    assert result["saved"] is True
    assert result["loaded"] == [ACCOUNT, TOKEN]
    if shutil.which("secret-tool"):
        assert result["secret_tool"] == {"v": 1, "account": ACCOUNT, "refresh_token": TOKEN}
    assert result["files_with_secrets"] == []  # gnome-keyring encrypts its file
    assert result["after_delete"] is False
