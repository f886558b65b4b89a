"""The account name and refresh token, kept in the operating system's keychain (AG-10.3).

Only OS-native keychains are used: Windows Credential Manager, the macOS Keychain, the Secret
Service (GNOME Keyring, KWallet's bridge) and KWallet. ``keyrings.alt``, keyring's ``fail`` and
``null`` backends and anything plaintext are refused, also when they sit inside keyring's chain
(installing ``keyrings.alt`` silently adds a base64 "plaintext" file to the chain, and the chain
falls back to it when the real keychain refuses a write). Without an acceptable keychain the
secrets stay in this process's memory for this run only, and ``secure`` says so.

This module never writes a file. One keychain entry per profile holds both the account name and
the refresh token (JSON), under the profile's random id, so no entry name reveals the account.

Choosing a backend: the rule of ``acceptable_backend`` (an allow-list by the *module path and
identity* of keyring's real OS backends) is applied to the auto-detected keyring. A backend
passed explicitly (``CredentialStore(backend=...)``, which only tests and the composition root
do) is trusted unless it is on the deny-list (``refused_backend``): that is how tests use an
in-memory backend while ``fail``, ``null`` and ``keyrings.alt`` are still refused there too.
"""

from __future__ import annotations

import json
import logging
import secrets
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import keyring
import keyring.backend
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

log = logging.getLogger(__name__)

SERVICE = "ban-bien-tap"

#: keyring's own OS-native backends; acceptance needs the class to *be* one defined there.
OS_NATIVE_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
)
REFUSED_MODULES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")
REFUSED_NAME_PARTS = ("plaintext", "encrypted")

_ENTRY_VERSION = 1


@dataclass(frozen=True)
class Credentials:
    """What a profile needs to log in again without the password. Never shown by ``repr``."""

    account: str = field(repr=False)
    refresh_token: str = field(repr=False)


def new_profile_id() -> str:
    """A random profile id: it names keychain entries and folders, so it must not be the account."""
    return secrets.token_hex(16)


def chain_members(backend: KeyringBackend) -> list[KeyringBackend]:
    """The backends a chain would use, or the backend itself."""
    members = getattr(backend, "backends", None)
    if members is not None and _is_chain(backend):
        return [m for member in members for m in chain_members(member)]
    return [backend]


def _is_chain(backend: KeyringBackend) -> bool:
    from keyring.backends.chainer import ChainerBackend

    return isinstance(backend, ChainerBackend)


def _module_in(module: str, prefixes: Iterable[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def refused_backend(backend: KeyringBackend) -> bool:
    """The deny-list: keyrings.alt, fail, null, and any plaintext or file-"encrypted" class."""
    cls = type(backend)
    if _module_in(cls.__module__, REFUSED_MODULES):
        return True
    return any(part in cls.__name__.lower() for part in REFUSED_NAME_PARTS)


def _os_native(backend: KeyringBackend) -> bool:
    cls = type(backend)
    module_name = cls.__module__
    if not _module_in(module_name, OS_NATIVE_MODULES):
        return False
    # The class must really be the one that module defines: a look-alike that only claims the
    # module path (or a subclass defined elsewhere) is not keyring's OS backend.
    module = sys.modules.get(module_name)
    found: object = module
    for part in cls.__qualname__.split("."):
        found = getattr(found, part, None)
    return found is cls


def acceptable_backend(backend: KeyringBackend) -> bool:
    """True for an OS-native keychain, or a chain with at least one OS-native member."""
    if _is_chain(backend):
        return any(acceptable_backend(m) for m in chain_members(backend))
    return _os_native(backend) and not refused_backend(backend)


def _detect() -> list[KeyringBackend]:
    """The acceptable members of keyring's choice; failing that, of every viable backend."""
    try:
        chosen = [m for m in chain_members(keyring.get_keyring()) if acceptable_backend(m)]
        if chosen:
            return chosen
        viable = sorted(keyring.backend.get_all_keyring(), key=_priority, reverse=True)
    except Exception as exc:  # a broken keyring configuration means: no keychain
        log.warning("Keychain detection failed: %s", type(exc).__name__)
        return []
    return [m for b in viable for m in chain_members(b) if acceptable_backend(m)][:1]


def _priority(backend: KeyringBackend) -> float:
    try:
        return float(backend.priority)
    except Exception:  # keyring signals "not usable here" by raising from priority
        return float("-inf")


def _describe(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


class CredentialStore:
    """Saves, loads and deletes one profile's account name and refresh token."""

    def __init__(
        self,
        service: str = SERVICE,
        backend: KeyringBackend | None = None,
        *,
        redactor: Callable[[str], object] | None = None,
    ) -> None:
        """``redactor`` is called with every secret handled here (``SecretRedactor.add``)."""
        self.service = service
        self._redact = redactor
        self._memory: dict[str, Credentials] = {}
        self._lock = threading.Lock()
        if backend is None:
            self._backends = _detect()
        else:
            self._backends = [m for m in chain_members(backend) if not refused_backend(m)]
        self.secure: bool = bool(self._backends)
        if self.secure:
            self.backend_name = ", ".join(_describe(b) for b in self._backends)
        else:
            self.backend_name = "memory (no secure keychain)"
            log.warning("No acceptable OS keychain: the session is kept for this run only")

    def __repr__(self) -> str:
        return f"CredentialStore(service={self.service!r}, backend={self.backend_name!r})"

    def save(self, profile_id: str, account: str, refresh_token: str) -> bool:
        """Store both secrets; False when they could only be kept in memory for this run."""
        _check_profile_id(profile_id)
        creds = Credentials(account=account, refresh_token=refresh_token)
        self._note(creds)
        entry = json.dumps(
            {"v": _ENTRY_VERSION, "account": account, "refresh_token": refresh_token},
            ensure_ascii=False,
        )
        for backend in self._backends:
            try:
                backend.set_password(self.service, profile_id, entry)
            except Exception as exc:  # any keychain failure: fall back, never crash
                log.warning(
                    "Keychain %s refused to save: %s", _describe(backend), type(exc).__name__
                )
                continue
            with self._lock:
                self._memory.pop(profile_id, None)
            return True
        with self._lock:
            self._memory[profile_id] = creds
        return False

    def load(self, profile_id: str) -> Credentials | None:
        """The profile's secrets, or None when there are none (or the entry is unreadable)."""
        _check_profile_id(profile_id)
        with self._lock:
            kept = self._memory.get(profile_id)
        if kept is not None:
            return kept
        for backend in self._backends:
            try:
                entry = backend.get_password(self.service, profile_id)
            except Exception as exc:  # any keychain failure: fall back, never crash
                log.warning(
                    "Keychain %s refused to load: %s", _describe(backend), type(exc).__name__
                )
                continue
            if entry is None:
                continue
            creds = _parse(entry)
            if creds is not None:
                self._note(creds)
                return creds
            log.warning("Unreadable keychain entry for a profile; ignored")
        return None

    def delete(self, profile_id: str) -> None:
        """Remove everything of the profile from memory and from every keychain used."""
        _check_profile_id(profile_id)
        with self._lock:
            self._memory.pop(profile_id, None)
        for backend in self._backends:
            try:
                backend.delete_password(self.service, profile_id)
            except PasswordDeleteError:
                pass  # nothing stored there
            except Exception as exc:  # a keychain failure must not stop a logout
                log.warning(
                    "Keychain %s refused to delete: %s", _describe(backend), type(exc).__name__
                )

    def _note(self, creds: Credentials) -> None:
        if self._redact is not None:
            self._redact(creds.account)
            self._redact(creds.refresh_token)


def _check_profile_id(profile_id: str) -> None:
    if not profile_id or len(profile_id) > 200 or not profile_id.isprintable():
        raise ValueError("profile id must be a short, printable, non-empty string")


def _parse(entry: str) -> Credentials | None:
    try:
        data = json.loads(entry)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    account, token = data.get("account"), data.get("refresh_token")
    if not isinstance(account, str) or not isinstance(token, str):
        return None
    return Credentials(account=account, refresh_token=token)
