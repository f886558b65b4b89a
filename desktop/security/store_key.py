"""The key that encrypts a profile's local store (SQLCipher), and where it is kept.

One random 256-bit key per profile. It is kept twice:

* in the OS keychain (a second entry of the profile, ``<profile id>/store-key``), so the store
  opens without asking anything when a keychain is there;
* wrapped (AES-256-GCM) with a key derived from the user's password (Argon2id), in a small
  header file next to the store (``store.key.json``). The header holds only the salt, the
  Argon2 parameters, the nonce and the wrapped key: nothing in it is readable without the
  password. It lets the store open without a keychain, and lets the idle lock check a password
  offline. A wrong password fails AES-GCM's tag check and changes nothing.

The unlocked key also lives in this process's memory for the run (``StoreKeys.key``), so the
writer thread and every reader open with it (``desktop.store.base`` keeps it per path).
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.models.errors import ErrorKind, KnownError
from desktop.security.credentials import SERVICE, CredentialStore

log = logging.getLogger(__name__)

KEY_BYTES = 32
_HEADER_VERSION = 1
_AAD = b"ban-bien-tap store key v1"
_ENTRY_SUFFIX = "/store-key"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id's cost. 3 passes over 32 MiB: ~0.15 s here, above OWASP's minimum."""

    time_cost: int = 3
    memory_cost: int = 32 * 1024  # KiB
    parallelism: int = 1


class StoreKeyError(KnownError):
    """A store key problem, told in Vietnamese and English."""

    code = "store_locked"
    kind = ErrorKind.SIGNED_OUT
    vi = "Không mở được kho dữ liệu."
    en = "The local store cannot be opened."

    def __str__(self) -> str:
        return self.en


class WrongPassword(StoreKeyError):
    vi = "Mật khẩu không đúng."
    en = "Wrong password."


class StoreLocked(StoreKeyError):
    """No keychain holds the key and no password was given: the password is needed."""

    vi = "Kho dữ liệu đã được mã hóa: hãy nhập mật khẩu để mở."
    en = "The local store is encrypted: give the password to open it."


class KeyLost(StoreKeyError):
    """The header says the store has a key, but no keychain or password copy of it is left."""

    vi = "Mất khóa của kho dữ liệu: cần tải lại dữ liệu từ cổng thông tin."
    en = "The store's key is lost: its data must be fetched again from the portal."


class EarlierPassword(WrongPassword):
    vi = (
        "Kho dữ liệu trên máy này được khóa bằng mật khẩu trước đây của bạn; "
        "hãy nhập mật khẩu cũ một lần để mở."
    )
    en = (
        "The store on this computer is locked with your earlier password; "
        "give the old password once to open it."
    )


class BadHeader(StoreKeyError):
    vi = "Tệp khóa của kho dữ liệu bị hỏng."
    en = "The store's key file is damaged."


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def derive(password: str, salt: bytes, params: KdfParams) -> bytes:
    """The wrapping key: Argon2id of the password (the raw 32 bytes, not an encoded hash)."""
    from argon2.low_level import Type, hash_secret_raw  # the password's paths only, not start-up

    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def wrap(key: bytes, password: str, params: KdfParams | None = None) -> dict[str, Any]:
    """A header that gives ``key`` back to whoever knows ``password``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params = params or KdfParams()
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = AESGCM(derive(password, salt, params)).encrypt(nonce, key, _AAD)
    return {
        "v": _HEADER_VERSION,
        "kdf": "argon2id",
        "time_cost": params.time_cost,
        "memory_cost": params.memory_cost,
        "parallelism": params.parallelism,
        "salt": _b64(salt),
        "cipher": "aes-256-gcm",
        "nonce": _b64(nonce),
        "wrapped": _b64(sealed),
    }


def unwrap(header: dict[str, Any], password: str) -> bytes:
    """The store key; ``WrongPassword`` when the password does not open it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        if header.get("v") != _HEADER_VERSION or header.get("kdf") != "argon2id":
            raise BadHeader()
        params = KdfParams(
            int(header["time_cost"]), int(header["memory_cost"]), int(header["parallelism"])
        )
        salt = base64.b64decode(header["salt"])
        nonce = base64.b64decode(header["nonce"])
        sealed = base64.b64decode(header["wrapped"])
    except (KeyError, TypeError, ValueError) as error:
        raise BadHeader() from error
    try:
        key = AESGCM(derive(password, salt, params)).decrypt(nonce, sealed, _AAD)
    except InvalidTag as error:
        raise WrongPassword() from error
    if len(key) != KEY_BYTES:
        raise BadHeader()
    return key


class KeychainSlot:
    """The profile's store-key entry in the same OS keychain(s) as its credentials.

    Uses the backends ``CredentialStore`` accepted (its allow- and deny-list), so a store key
    never lands in a backend the credentials would refuse. Without one, ``secure`` is False and
    nothing is kept: the key then lives in this process's memory and the header only.
    """

    def __init__(self, credentials: CredentialStore) -> None:
        # CredentialStore has no public accessor for its chosen backends (see the report).
        self._backends = list(getattr(credentials, "_backends", []))
        self.service = getattr(credentials, "service", SERVICE)

    @property
    def secure(self) -> bool:
        return bool(self._backends)

    def load(self, profile_id: str) -> bytes | None:
        for backend in self._backends:
            try:
                entry = backend.get_password(self.service, profile_id + _ENTRY_SUFFIX)
            except Exception as exc:  # a keychain failure means: ask for the password
                log.warning("Keychain refused to load the store key: %s", type(exc).__name__)
                continue
            if entry is None:
                continue
            try:
                key = bytes.fromhex(json.loads(entry)["key"])
            except (ValueError, KeyError, TypeError):
                log.warning("Unreadable store-key entry; ignored")
                continue
            if len(key) == KEY_BYTES:
                return key
        return None

    def save(self, profile_id: str, key: bytes) -> bool:
        entry = json.dumps({"v": 1, "key": key.hex()})
        for backend in self._backends:
            try:
                backend.set_password(self.service, profile_id + _ENTRY_SUFFIX, entry)
            except Exception as exc:  # a locked keychain: the header still has the key
                log.warning("Keychain refused to save the store key: %s", type(exc).__name__)
                continue
            return True
        return False

    def delete(self, profile_id: str) -> None:
        for backend in self._backends:
            # nothing there, or a refusal: a logout must go on
            with contextlib.suppress(Exception):
                backend.delete_password(self.service, profile_id + _ENTRY_SUFFIX)


class StoreKeys:
    """One profile's store key: from memory, the keychain, or the password (in that order)."""

    def __init__(self, profile_id: str, store_path: Path, keychain: KeychainSlot | None) -> None:
        """``profile_id`` names the keychain entry; the header sits next to ``store_path``."""
        self.profile_id = profile_id
        self.store_path = Path(store_path)
        self.keychain = keychain
        self.key: bytes | None = None

    @classmethod
    def for_profile(cls, profile: Any, credentials: CredentialStore | None) -> StoreKeys:
        slot = KeychainSlot(credentials) if credentials is not None else None
        return cls(profile.id, profile.store_path, slot)

    @property
    def folder(self) -> Path:
        return self.store_path.parent

    @property
    def header_path(self) -> Path:
        """``store.key.json`` beside ``store.sqlite3`` (``<stem>.key.json`` in general)."""
        return self.folder / f"{self.store_path.stem}.key.json"

    def header(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.header_path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except ValueError as error:
            raise BadHeader() from error
        if not isinstance(data, dict):
            raise BadHeader()
        return data

    @property
    def wrapped(self) -> bool:
        """True when the password can open the key (so the idle lock can check it offline)."""
        header = self.header()
        return header is not None and bool(header.get("wrapped"))

    def _write_header(self, header: dict[str, Any]) -> None:
        from desktop.security.private import write_private

        write_private(self.header_path, json.dumps(header, indent=1).encode("utf-8"))

    def _keep(self, key: bytes) -> bytes:
        self.key = key
        if self.keychain is not None:
            self.keychain.save(self.profile_id, key)
        return key

    def unlock(self, password: str | None = None) -> bytes:
        """The key, from memory, the keychain or the password; creates one on first use.

        A new key needs the password to be wrapped; without it (an existing profile opened from
        the keychain) the key is kept in the keychain only, the header says it is not wrapped
        yet (``wrapped`` is False), and the next password the user gives wraps it. Raises
        ``StoreLocked`` when the password is needed, ``WrongPassword`` (nothing changed) when
        it does not open the key.
        """
        if self.key is None:
            from desktop.store.base import remembered_key

            self.key = remembered_key(self.store_path)  # unlocked earlier in this process
        if self.key is not None:
            if password is not None and not self.wrapped:
                self.rewrap(password)
            return self.key
        header = self.header()
        from_chain = self.keychain.load(self.profile_id) if self.keychain is not None else None
        if header is not None and header.get("wrapped"):
            if from_chain is not None:
                self.key = from_chain
                return from_chain
            if password is None:
                raise StoreLocked()
            return self._keep(unwrap(header, password))
        if from_chain is None and header is not None:
            raise KeyLost()  # the header says a key exists, but neither copy of it is left
        key = from_chain or new_key()
        if password is not None:
            self._write_header(wrap(key, password))
            return self._keep(key)
        if from_chain is None:
            if self.keychain is None or not self.keychain.save(self.profile_id, key):
                raise StoreLocked()  # a new key must be kept somewhere before it is used
            self._write_header({"v": _HEADER_VERSION, "kdf": "argon2id", "wrapped": None})
        self.key = key
        return key

    def check_password(self, password: str) -> bool:
        """Offline check for the idle lock: does this password open the wrapped key?"""
        header = self.header()
        if header is None or not header.get("wrapped"):
            return False
        try:
            key = unwrap(header, password)
        except StoreKeyError:
            return False
        if self.key is None:
            self._keep(key)
        return key == self.key

    def rewrap(self, new_password: str) -> None:
        """After a password change: the same store key, wrapped with the new password."""
        if self.key is None:
            raise StoreLocked()
        self._write_header(wrap(self.key, new_password))

    def after_login(self, password: str) -> bytes:
        """The portal accepted ``password``: unlock with it, and make it the wrapping password.

        When the password was changed on another computer, the keychain's copy is re-wrapped
        with the new one; without a keychain the header still needs the earlier password
        (``EarlierPassword``).
        """
        try:
            key = self.unlock(password)
        except WrongPassword as error:
            raise EarlierPassword() from error
        if not self.check_password(password):
            self.rewrap(password)
        return key

    def open_store(self, password: str | None = None, **options: Any) -> Any:
        """The profile's ``Store``, encrypted with this key (plain stores are migrated)."""
        from desktop.store import Store

        return Store.open(self.store_path, key=self.unlock(password), **options)

    def forget(self) -> None:
        """Logout: the keychain copy goes; the wrapped copy stays, so the password reopens it."""
        if self.keychain is not None:
            self.keychain.delete(self.profile_id)
