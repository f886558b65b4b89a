"""Opening a desk: signing in, resuming a saved profile, opening one offline, signing out.

The same flows serve the app (``desktop.app``) and the command line (``desktop.cli``):

- ``sign_in`` logs in with the password (which is never kept), unlocks or creates the store's
  key with it, and opens the desk on a profile's store;
- ``sign_in_profile`` does the same for a portal and an account, finding their profile (or
  making one) and keeping the session in the OS keychain;
- ``resume`` opens a saved profile with the keychain's session, offline too;
- ``open_profile`` opens a profile's store for work that needs no portal (writing drafts,
  listing, searching, exporting), with the key from the keychain or the password;
- ``sign_out`` ends the session on the portal and on this computer.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.desk.desk import Desk
from desktop.desk.profiles import Profile, Profiles
from desktop.models.errors import ErrorKind, KnownError
from desktop.models.me import Me
from desktop.security.store_key import KeychainSlot, StoreKeyError, StoreKeys
from desktop.store import Store

if TYPE_CHECKING:
    from desktop.security.credentials import CredentialStore

log = logging.getLogger(__name__)

TokenKeeper = Callable[[str], None]


class NotSignedIn(KnownError):
    code = "not_signed_in"
    kind = ErrorKind.SIGNED_OUT
    vi = (
        "Chưa đăng nhập. Dùng: portal-desk login --server URL --user TÊN --password-stdin "
        "(không có kho khóa: portal-desk sync --password-stdin)"
    )
    en = (
        "Not logged in. Use: portal-desk login --server URL --user NAME --password-stdin "
        "(no keychain: portal-desk sync --password-stdin)"
    )


def _client(url: str, **kw: Any) -> Any:
    from desktop.sync import PortalClient

    return PortalClient(url, **kw)


async def sign_in(
    url: str,
    username: str,
    password: str,
    store_path: Path,
    *,
    profile_id: str = "",
    credentials: CredentialStore | None = None,
    on_refresh_token: TokenKeeper | None = None,
    language: str = "vi",
    device_session: str | None = None,
    **client_options: Any,
) -> Desk:
    """Log in (the password is not kept) and open the desk on ``store_path``.

    The store is encrypted with its key, unlocked (or created and wrapped) with this password;
    the key goes to the keychain of ``profile_id`` when there is one. Nothing is left open
    when it fails. ``device_session``: this device's refresh token of the account, when the
    keychain holds one (wrong passwords tried elsewhere then never delay it). ``client_options``
    go to the ``PortalClient`` (retries, timeout).
    """
    client = _client(url, on_refresh_token=on_refresh_token, **client_options)
    try:
        me = await client.login(username, password, device_session)
        slot = KeychainSlot(credentials) if profile_id and credentials is not None else None
        keys = StoreKeys(profile_id, store_path, slot)
        keys.after_login(password)
        store = keys.open_store()
    except BaseException:
        await client.aclose()
        raise
    desk = Desk(store, client, language=language, profile_id=profile_id, keys=keys)
    await desk.writer.run(Store.set_me, me)
    desk.refresh_me()
    return desk


def profile_label(me: Me) -> str:
    """What the profile list shows: the sites, never the account name (AG-10.3)."""
    return ", ".join(m.name for m in me.sites.values())


@dataclass
class SignedIn:
    desk: Desk
    profile: Profile
    #: False when no secure keychain kept the session: it lasts this run only.
    kept: bool


async def sign_in_profile(
    profiles: Profiles,
    credentials: CredentialStore,
    url: str,
    username: str,
    password: str,
    *,
    language: str = "vi",
    label: Callable[[Me], str] = profile_label,
) -> SignedIn:
    """Sign in to ``url`` as ``username`` on this account's profile (made on first use); the
    refresh token and the account name go to the keychain, and each rotated token too."""
    from desktop.sync.api import check_url

    url = check_url(url)
    profile = find_profile(profiles, url, username, credentials, password)
    saved = credentials.load(profile.id) if profile is not None else None
    profile = profile or profiles.create(url)
    kept = [False]

    def keep(token: str) -> None:
        kept[0] = credentials.save(profile.id, username, token)

    desk = await sign_in(
        url,
        username,
        password,
        profile.store_path,
        profile_id=profile.id,
        credentials=credentials,
        on_refresh_token=keep,
        language=language,
        device_session=saved.refresh_token if saved is not None else None,
    )
    if desk.client is not None and desk.client.refresh_token:
        keep(desk.client.refresh_token)
    profiles.set_last(profile.id, label(desk.me))
    return SignedIn(desk, profile, kept[0])


def find_profile(
    profiles: Profiles,
    url: str,
    username: str,
    credentials: CredentialStore | None = None,
    password: str = "",
) -> Profile | None:
    """The existing profile of this portal and account (the account is read from its store,
    which the keychain's key or the password opens; one neither opens is not this account's)."""
    for profile in profiles.all():
        if profile.url != url or not profile.store_path.exists():
            continue
        try:
            opened = StoreKeys.for_profile(profile, credentials).open_store(password or None)
        except StoreKeyError:
            continue
        with contextlib.closing(opened) as store:
            me = store.me()
        if me and me.get("username") == username:
            return profile
    return None


def open_store(
    profile: Profile, credentials: CredentialStore | None, password: str | None = None
) -> tuple[Store, StoreKeys]:
    """The profile's encrypted store: its key from the keychain, else from the password."""
    keys = StoreKeys.for_profile(profile, credentials)
    return keys.open_store(password), keys


def open_profile(
    profile: Profile,
    credentials: CredentialStore | None,
    password: str | None = None,
    *,
    language: str = "vi",
    client: Any = None,
) -> Desk:
    """A desk on a profile's store; without ``client`` it works offline only."""
    store, keys = open_store(profile, credentials, password)
    if store.me() is None:
        store.close()
        raise NotSignedIn()
    return Desk(store, client, language=language, profile_id=profile.id, keys=keys)


async def resume(
    profile: Profile,
    credentials: CredentialStore,
    *,
    language: str = "vi",
    password: str | None = None,
) -> Desk | None:
    """A saved profile with the keychain's session (offline too); None when it has none.

    With no session in the keychain but a ``password`` (a machine without a keychain), the
    desk logs in for this run. A store whose key is not yet wrapped with the password (a plain
    store from before encryption) goes through the login instead (None), so that the idle lock
    can check the password offline.
    """
    saved = credentials.load(profile.id)
    if saved is None and password is None:
        return None
    keys = StoreKeys.for_profile(profile, credentials)
    try:
        if password is None and not keys.wrapped:
            return None
        store = keys.open_store(password)
    except StoreKeyError:
        if password is not None:
            raise
        return None
    me = store.me()
    if me is None:
        store.close()
        return None
    account = saved.account if saved is not None else str(me.get("username") or "")

    def keep(token: str) -> None:
        credentials.save(profile.id, account, token)

    client = _client(
        profile.url,
        refresh_token=saved.refresh_token if saved is not None else None,
        on_refresh_token=keep,
    )
    desk = Desk(store, client, language=language, profile_id=profile.id, keys=keys)
    if saved is None and password is not None:
        try:
            await client.login(account, password)  # no keychain kept a session: this run only
        except BaseException:
            await desk.close()
            raise
        keep(client.refresh_token or "")
    return desk


async def sign_out(profile: Profile, credentials: CredentialStore) -> None:
    """End the session: revoked on the portal (offline: it expires by itself), removed from the
    keychain with the store key's copy there; the password still reopens the store."""
    from desktop.sync import PortalError

    saved = credentials.load(profile.id)
    if saved is not None:
        async with _client(profile.url, refresh_token=saved.refresh_token) as client:
            with contextlib.suppress(PortalError):
                await client.logout()
    credentials.delete(profile.id)
    StoreKeys.for_profile(profile, credentials).forget()
