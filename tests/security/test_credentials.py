"""Saving, loading and deleting a profile's secrets; the no-keychain path; nothing on disk."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend

from desktop.security.credentials import Credentials, CredentialStore, new_profile_id
from desktop.security.redact import SecretRedactor
from tests.security.helpers import MemoryKeyring, files_containing

ACCOUNT = "phoban.nguyenvanan"
TOKEN = "rt_Zq8vY3kP0mW4sT9xL2bN6cR1"


def test_round_trip_through_keychain(isolated_home: Path) -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend=backend)
    profile = new_profile_id()

    assert store.secure and "MemoryKeyring" in store.backend_name
    assert store.save(profile, ACCOUNT, TOKEN) is True
    assert store.load(profile) == Credentials(account=ACCOUNT, refresh_token=TOKEN)
    # A later run (a new store over the same keychain) finds it: it was not only in memory.
    assert CredentialStore(backend=backend).load(profile) == Credentials(ACCOUNT, TOKEN)

    store.delete(profile)
    assert store.load(profile) is None
    assert backend.entries == {}
    assert files_containing(isolated_home, ACCOUNT, TOKEN) == []


def test_one_entry_named_by_the_profile_holds_both_secrets() -> None:
    backend = MemoryKeyring()
    profile = new_profile_id()
    CredentialStore(backend=backend).save(profile, ACCOUNT, TOKEN)

    [(service, username)] = backend.entries
    assert (service, username) == ("ban-bien-tap", profile)
    assert ACCOUNT not in profile
    assert json.loads(backend.entries[(service, username)]) == {
        "v": 1,
        "account": ACCOUNT,
        "refresh_token": TOKEN,
    }


def test_profiles_are_separate_and_delete_removes_only_its_own() -> None:
    store = CredentialStore(backend=MemoryKeyring())
    first, second = new_profile_id(), new_profile_id()
    assert first != second
    store.save(first, ACCOUNT, TOKEN)
    store.save(second, "truongban", "rt_other_token_value")
    store.delete(first)
    assert store.load(first) is None
    assert store.load(second) == Credentials("truongban", "rt_other_token_value")
    store.delete(first)  # deleting twice is harmless


@pytest.mark.parametrize(
    "backend",
    [keyring.backends.null.Keyring(), keyring.backends.fail.Keyring(), None],
    ids=["null", "fail", "auto-detected null"],
)
def test_no_keychain_keeps_the_session_for_this_run_only(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, backend: KeyringBackend | None
) -> None:
    if backend is None:  # auto-detection finding only refused backends
        null = keyring.backends.null.Keyring()
        monkeypatch.setattr(keyring, "get_keyring", lambda: null)
        monkeypatch.setattr(
            keyring.backend, "get_all_keyring", lambda: [null, keyring.backends.fail.Keyring()]
        )
    store = CredentialStore(backend=backend)
    profile = new_profile_id()

    assert store.secure is False
    assert store.backend_name == "memory (no secure keychain)"
    assert store.save(profile, ACCOUNT, TOKEN) is False
    assert store.load(profile) == Credentials(ACCOUNT, TOKEN)
    assert CredentialStore(backend=backend).load(profile) is None  # next run: gone
    store.delete(profile)
    assert store.load(profile) is None
    assert files_containing(isolated_home, ACCOUNT, TOKEN) == []


def test_a_refusing_keychain_falls_back_to_memory_and_says_so(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = CredentialStore(backend=MemoryKeyring(fail_writes=True))
    profile = new_profile_id()
    with caplog.at_level(logging.WARNING):
        assert store.save(profile, ACCOUNT, TOKEN) is False
    assert store.load(profile) == Credentials(ACCOUNT, TOKEN)
    assert "refused to save" in caplog.text
    assert TOKEN not in caplog.text and ACCOUNT not in caplog.text


def test_an_unreadable_entry_is_ignored() -> None:
    backend = MemoryKeyring()
    profile = new_profile_id()
    backend.entries[("ban-bien-tap", profile)] = "not json"
    assert CredentialStore(backend=backend).load(profile) is None


def test_secrets_are_not_in_reprs_and_reach_the_redactor() -> None:
    redactor = SecretRedactor()
    store = CredentialStore(backend=MemoryKeyring(), redactor=redactor.add)
    profile = new_profile_id()
    store.save(profile, ACCOUNT, TOKEN)
    creds = store.load(profile)
    assert TOKEN not in repr(creds) and ACCOUNT not in repr(creds)
    assert redactor.redact(f"user {ACCOUNT} token {TOKEN}") == "user [REDACTED] token [REDACTED]"


@pytest.mark.parametrize("bad", ["", "x" * 201, "line\nbreak"])
def test_profile_id_must_be_sane(bad: str) -> None:
    with pytest.raises(ValueError):
        CredentialStore(backend=MemoryKeyring()).load(bad)


def test_a_broken_keyring_configuration_means_no_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> KeyringBackend:
        raise RuntimeError("bad keyringrc.cfg")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    assert CredentialStore().secure is False
