"""Test helpers: an in-memory keyring backend and a disk scanner for leaked secrets."""

from __future__ import annotations

from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Keeps entries in a dict; ``fail_writes`` makes it refuse like a locked keychain."""

    priority = 1

    def __init__(self, fail_writes: bool = False) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.fail_writes = fail_writes

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.fail_writes:
            raise RuntimeError("keychain locked")
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def files_containing(root: Path, *needles: str) -> list[tuple[Path, str]]:
    """Every (file, needle) where a needle occurs in UTF-8 or UTF-16 anywhere under root."""
    found = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for needle in needles:
            spellings = (needle.encode("utf-8"), needle.encode("utf-16-le"))
            if any(s in data for s in spellings):
                found.append((path, needle))
    return found


def chain(*members: KeyringBackend) -> KeyringBackend:
    """A keyring chain over exactly these members (the real one discovers them itself)."""
    return type("FixedChain", (ChainerBackend,), {"backends": list(members)})()
