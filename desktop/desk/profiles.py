"""Profiles (one portal + one account each) and the data folder that holds their stores.

A profile's id and folder are random (uuid4), never derived from the account name, and
``profiles.json`` holds only the portal address and a label that is not the account name
(AG-10.3: no account name in plain text on disk). The account lives in the OS keychain.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "ban-bien-tap"
ENV_DATA_DIR = "PORTAL_DESK_DATA_DIR"


def data_dir(override: str | Path | None = None) -> Path:
    """``--data-dir``, else ``$PORTAL_DESK_DATA_DIR``, else the platform's user data folder."""
    chosen = override or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir(APP_NAME)
    return Path(chosen).expanduser()


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    url: str
    label: str
    folder: Path

    @property
    def store_path(self) -> Path:
        return self.folder / "store.sqlite3"


class Profiles:
    """The profiles under one data folder, and which one was used last."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.file = self.root / "profiles.json"

    def _load(self) -> dict[str, object]:
        try:
            data = json.loads(self.file.read_text("utf-8"))
        except FileNotFoundError:
            return {"profiles": {}, "last": None}
        except ValueError:
            return {"profiles": {}, "last": None}
        return data if isinstance(data, dict) else {"profiles": {}, "last": None}

    def _save(self, data: dict[str, object]) -> None:
        from desktop.security.private import write_private

        write_private(self.file, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))

    def _profile(self, profile_id: str, entry: dict[str, str]) -> Profile:
        return Profile(
            id=profile_id,
            url=entry["url"],
            label=entry.get("label", ""),
            folder=self.root / "profiles" / profile_id,
        )

    def all(self) -> list[Profile]:
        entries = self._load().get("profiles") or {}
        assert isinstance(entries, dict)
        return [self._profile(pid, entry) for pid, entry in entries.items()]

    def get(self, profile_id: str) -> Profile | None:
        return next((p for p in self.all() if p.id == profile_id), None)

    def last(self) -> Profile | None:
        last = self._load().get("last")
        return self.get(last) if isinstance(last, str) else None

    def create(self, url: str, label: str = "") -> Profile:
        data = self._load()
        profile_id = str(uuid.uuid4())
        entries = data.setdefault("profiles", {})
        assert isinstance(entries, dict)
        entries[profile_id] = {"url": url, "label": label}
        data["last"] = profile_id
        self._save(data)
        return self._profile(profile_id, {"url": url, "label": label})

    def set_last(self, profile_id: str, label: str | None = None) -> None:
        data = self._load()
        entries = data.get("profiles") or {}
        assert isinstance(entries, dict)
        if label is not None and profile_id in entries:
            entries[profile_id]["label"] = label
        data["last"] = profile_id
        self._save(data)
