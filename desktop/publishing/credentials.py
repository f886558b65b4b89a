"""A target's account name and application password, in the OS keychain of this user only.

Reuses ``CredentialStore`` (OS-native keychains only, never a file) under its own service name.
The entry's name is a hash of (portal, portal user, target), so it reveals no account.
"""

from __future__ import annotations

import hashlib

from desktop.security.credentials import Credentials, CredentialStore

SERVICE = "ban-bien-tap-targets"


def make_store() -> CredentialStore:
    """The keychain access for targets; tests replace this with an in-memory backend."""
    return CredentialStore(service=SERVICE)


def entry_name(portal_url: str, portal_user: str, target: str) -> str:
    key = f"{portal_url.rstrip('/')}\n{portal_user}\n{target}".encode()
    return "target-" + hashlib.sha256(key).hexdigest()[:40]


class TargetCredentials:
    """Save, load and forget the application password of one target for one portal user."""

    def __init__(self, store: CredentialStore | None = None) -> None:
        self.store = store or make_store()

    @property
    def secure(self) -> bool:
        return self.store.secure

    def save(
        self, portal_url: str, portal_user: str, target: str, username: str, password: str
    ) -> bool:
        name = entry_name(portal_url, portal_user, target)
        return self.store.save(name, username, password.replace(" ", ""))

    def load(self, portal_url: str, portal_user: str, target: str) -> Credentials | None:
        return self.store.load(entry_name(portal_url, portal_user, target))

    def delete(self, portal_url: str, portal_user: str, target: str) -> None:
        self.store.delete(entry_name(portal_url, portal_user, target))
