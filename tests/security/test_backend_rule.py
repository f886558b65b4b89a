"""Which keyring backends may hold the account name and refresh token: the rule as a table."""

from __future__ import annotations

import keyring.backends.fail
import keyring.backends.kwallet
import keyring.backends.libsecret
import keyring.backends.macOS
import keyring.backends.null
import keyring.backends.SecretService
import keyring.backends.Windows
import pytest
from keyring.backend import KeyringBackend

from desktop.security.credentials import acceptable_backend, chain_members, refused_backend
from tests.security.helpers import MemoryKeyring, chain


class PlaintextLookalike(MemoryKeyring):
    """Any class with "Plaintext" in its name is refused, wherever it comes from."""


class SecretServiceKeyring(KeyringBackend):
    """Named like an OS backend, defined here: must not pass."""

    priority = 5

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        pass

    def delete_password(self, service: str, username: str) -> None:
        pass


class ForgedModule(SecretServiceKeyring):
    """Claims keyring's SecretService module path without being its class."""


ForgedModule.__module__ = "keyring.backends.SecretService"
ForgedModule.__qualname__ = "Keyring"


class SubclassedSecretService(keyring.backends.SecretService.Keyring):
    """A subclass of the real backend living elsewhere: not keyring's own class."""


OS_NATIVE: list[KeyringBackend] = [
    keyring.backends.SecretService.Keyring(),
    keyring.backends.libsecret.Keyring(),
    keyring.backends.kwallet.DBusKeyring(),
    keyring.backends.Windows.WinVaultKeyring(),
    keyring.backends.macOS.Keyring(),
]

TABLE: list[tuple[str, KeyringBackend, bool]] = [
    *[(f"os:{type(b).__module__}", b, True) for b in OS_NATIVE],
    ("fail", keyring.backends.fail.Keyring(), False),
    ("null", keyring.backends.null.Keyring(), False),
    ("plaintext in the name", PlaintextLookalike(), False),
    ("look-alike name", SecretServiceKeyring(), False),
    ("forged module path", ForgedModule(), False),
    ("subclass elsewhere", SubclassedSecretService(), False),
    ("test memory backend", MemoryKeyring(), False),
    ("chain: secret service + null", chain(OS_NATIVE[0], keyring.backends.null.Keyring()), True),
    (
        "chain: fail + null",
        chain(keyring.backends.fail.Keyring(), keyring.backends.null.Keyring()),
        False,
    ),
    ("chain: empty", chain(), False),
]


@pytest.mark.parametrize(("backend", "accepted"), [t[1:] for t in TABLE], ids=[t[0] for t in TABLE])
def test_acceptable_backend(backend: KeyringBackend, accepted: bool) -> None:
    assert acceptable_backend(backend) is accepted


@pytest.mark.parametrize(
    ("backend", "refused"),
    [
        (keyring.backends.fail.Keyring(), True),
        (keyring.backends.null.Keyring(), True),
        (PlaintextLookalike(), True),
        (MemoryKeyring(), False),  # deny-list only: an injected test backend may be used
        (OS_NATIVE[0], False),
    ],
    ids=["fail", "null", "plaintext name", "memory", "secret service"],
)
def test_deny_list_for_injected_backends(backend: KeyringBackend, refused: bool) -> None:
    assert refused_backend(backend) is refused


def test_chain_members_are_flattened() -> None:
    good, plain = OS_NATIVE[0], PlaintextLookalike()
    assert chain_members(chain(good, chain(plain))) == [good, plain]
