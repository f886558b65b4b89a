"""What a desk does on the portal only, never queued: grants (a directory change, BD-18.4) and
the account (the password, signing out). A part of ``Desk``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.desk.errors import OnlineOnly
from desktop.models.decisions import missing_decision
from desktop.models.errors import Invalid
from desktop.store import Store

if TYPE_CHECKING:
    from desktop.security.credentials import CredentialStore
    from desktop.security.store_key import StoreKeys
    from desktop.store import StoreWriter
    from desktop.sync.api import PortalClient

log = logging.getLogger(__name__)


class OnPortal:
    """The desk's online-only actions; ``Desk`` provides the attributes declared here."""

    client: PortalClient | None
    keys: StoreKeys | None
    profile_id: str
    store: Store
    writer: StoreWriter
    refresh_me: Callable[[], None]

    @property
    def site(self) -> str:
        raise NotImplementedError

    async def refresh_directory(self) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError

    # -- grants --------------------------------------------------------------------------------

    def _online_client(self) -> PortalClient:
        if self.client is None:
            raise OnlineOnly()
        return self.client

    async def _directory_call(self, method: str, path: str, ok: tuple[int, ...], **kw: Any) -> Any:
        from desktop.sync.errors import Offline

        try:
            return await self._online_client().call(method, path, ok=ok, **kw)
        except Offline as error:
            raise OnlineOnly() from error

    async def grant(
        self,
        grantee: str,
        step: str,
        categories: list[str],
        valid_from: datetime | None,
        valid_until: datetime | None,
        decision_ref: str,
    ) -> dict[str, Any]:
        missing = missing_decision(decision_ref)
        if missing is not None:  # AG-10.1: refused here as the portal would
            raise Invalid(missing.vi, missing.en, missing.code)
        body = {
            "grantee": grantee,
            "step": step,
            "categories": categories,
            "valid_from": valid_from.isoformat() if valid_from else None,
            "valid_until": valid_until.isoformat() if valid_until else None,
            "decision_ref": decision_ref,
        }
        given = await self._directory_call(
            "POST", f"sites/{self.site}/grants", (201,), json_body=body
        )
        await self.refresh_directory()
        return dict(given or {})

    async def revoke(self, grant_id: str) -> dict[str, Any]:
        path = f"sites/{self.site}/grants/{grant_id}/revoke"
        revoked = await self._directory_call("POST", path, (200,))
        await self.refresh_directory()
        return dict(revoked or {})

    # -- the account ---------------------------------------------------------------------------

    async def change_password(self, current: str, new: str) -> None:
        """Change the password on the portal (its policy's reasons on refusal); the store's key
        is wrapped with the new one from now on."""
        from desktop.sync.errors import PortalError

        await self._online_client().change_password(current, new)
        if self.keys is not None and self.keys.key is not None:
            self.keys.rewrap(new)
        try:  # the password's flags; the next sync brings them too
            me = await self._online_client().me()
        except PortalError:
            return
        await self.writer.run(Store.set_me, me)
        self.refresh_me()

    async def sign_out(self, credentials: CredentialStore | None = None) -> None:
        """End the session: revoked on the portal (offline: it expires by itself), gone from the
        keychain, the store's key forgotten here (only the password reopens the store)."""
        from desktop.store.base import forget_key
        from desktop.sync.errors import PortalError

        if self.client is not None:
            try:
                await self.client.logout()
            except PortalError as error:
                log.info("logout on the portal failed: %s", error.code)
        if credentials is not None and self.profile_id:
            credentials.delete(self.profile_id)
        if self.keys is not None:
            self.keys.forget()
        path = self.store.path
        await self.close()
        forget_key(path)
        if self.keys is not None:
            self.keys.key = None
