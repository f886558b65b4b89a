"""Run inside an unlocked gnome-keyring: save, load and delete through ``CredentialStore``.

Prints one JSON line for ``test_secret_service.py``. Started as
``python -m tests.security.secret_service_probe`` under ``dbus-run-session``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from desktop.security.credentials import CredentialStore, new_profile_id

ACCOUNT = "phoban.secretservice"
TOKEN = "rt_SecretService_7f3a9c1e5b"


def secret_tool_lookup(profile: str) -> str | None:
    """The entry as libsecret's own tool sees it: proof that it lives in the Secret Service."""
    if shutil.which("secret-tool") is None:
        return None
    done = subprocess.run(
        ["secret-tool", "lookup", "service", "ban-bien-tap", "username", profile],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    return done.stdout


def files_with_secrets(root: Path) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if ACCOUNT.encode() in data or TOKEN.encode() in data:
                hits.append(str(path))
    return hits


def main() -> None:
    store = CredentialStore()
    profile = new_profile_id()
    saved = store.save(profile, ACCOUNT, TOKEN)
    looked_up = secret_tool_lookup(profile)
    leaked = files_with_secrets(Path(os.environ["HOME"]))
    loaded = CredentialStore().load(profile)  # a fresh store, as after a restart
    store.delete(profile)
    after_delete = CredentialStore().load(profile)
    print(
        json.dumps(
            {
                "secure": store.secure,
                "backend": store.backend_name,
                "saved": saved,
                "loaded": [loaded.account, loaded.refresh_token] if loaded else None,
                "secret_tool": json.loads(looked_up) if looked_up else None,
                "files_with_secrets": leaked,
                "after_delete": after_delete is not None,
            }
        )
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
