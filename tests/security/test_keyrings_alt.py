"""keyrings.alt (a dev dependency) installed: its plaintext and "encrypted" file backends are
refused, alone and inside keyring's chain, and never written to."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.backends.SecretService
import pytest
from keyring.backend import KeyringBackend

from desktop.security.credentials import (
    Credentials,
    CredentialStore,
    acceptable_backend,
    new_profile_id,
    refused_backend,
)
from tests.security.helpers import MemoryKeyring, chain, files_containing

alt_file = pytest.importorskip("keyrings.alt.file", reason="keyrings.alt (dev dependency) missing")
alt_windows = pytest.importorskip("keyrings.alt.Windows")

ACCOUNT = "phoban.nguyenvanan"
TOKEN = "rt_Zq8vY3kP0mW4sT9xL2bN6cR1"


def bare(cls: type[KeyringBackend]) -> KeyringBackend:
    """An instance without running __init__ (some need optional modules just to construct)."""
    return cls.__new__(cls)


@pytest.mark.parametrize(
    "backend",
    [
        alt_file.PlaintextKeyring(),
        bare(alt_file.EncryptedKeyring),
        bare(alt_windows.EncryptedKeyring),
        bare(alt_windows.RegistryKeyring),  # keyrings.alt, whatever the class name
        chain(alt_file.PlaintextKeyring(), keyring.backends.fail.Keyring()),
    ],
    ids=["plaintext", "file encrypted", "windows encrypted", "windows registry", "chain"],
)
def test_keyrings_alt_is_refused(backend: KeyringBackend) -> None:
    assert acceptable_backend(backend) is False
    if not hasattr(backend, "backends"):
        assert refused_backend(backend) is True


def test_chain_of_secret_service_and_plaintext_is_acceptable_through_its_good_member() -> None:
    secret_service = keyring.backends.SecretService.Keyring()
    assert acceptable_backend(chain(secret_service, alt_file.PlaintextKeyring())) is True


def test_auto_detected_plaintext_only_means_no_keychain(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = alt_file.PlaintextKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: plain)
    monkeypatch.setattr(
        keyring.backend, "get_all_keyring", lambda: [plain, keyring.backends.fail.Keyring()]
    )
    store = CredentialStore()
    profile = new_profile_id()
    assert store.secure is False
    assert store.save(profile, ACCOUNT, TOKEN) is False
    assert store.load(profile) == Credentials(ACCOUNT, TOKEN)
    assert not Path(plain.file_path).exists()
    assert files_containing(isolated_home, ACCOUNT, TOKEN) == []


def test_auto_detected_chain_never_falls_back_to_its_plaintext_member(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """keyring's chain writes to the plaintext file when the Secret Service refuses; we don't."""
    secret_service = keyring.backends.SecretService.Keyring()
    plain = alt_file.PlaintextKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: chain(secret_service, plain))
    # No D-Bus session here: the Secret Service refuses the write.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={isolated_home}/no-bus")

    store = CredentialStore()
    assert store.secure is True
    assert store.backend_name == "keyring.backends.SecretService.Keyring"
    profile = new_profile_id()
    assert store.save(profile, ACCOUNT, TOKEN) is False
    assert store.load(profile) == Credentials(ACCOUNT, TOKEN)
    assert not Path(plain.file_path).exists()
    assert files_containing(isolated_home, ACCOUNT, TOKEN) == []


def test_injected_chain_uses_only_its_acceptable_members(isolated_home: Path) -> None:
    memory, plain = MemoryKeyring(), alt_file.PlaintextKeyring()
    store = CredentialStore(backend=chain(plain, memory))
    profile = new_profile_id()
    assert store.backend_name.endswith("MemoryKeyring")
    assert store.save(profile, ACCOUNT, TOKEN) is True
    assert list(memory.entries) == [("ban-bien-tap", profile)]
    assert not Path(plain.file_path).exists()


def test_detection_skips_a_configured_plaintext_keyring_for_an_os_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A keyringrc naming the plaintext backend must not win over the OS keychain."""
    plain, secret_service = alt_file.PlaintextKeyring(), keyring.backends.SecretService.Keyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: plain)
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [plain, secret_service])
    store = CredentialStore()
    assert store.secure and store.backend_name == "keyring.backends.SecretService.Keyring"
