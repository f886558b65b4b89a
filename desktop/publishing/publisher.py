"""Runs the publish queue: claim on the portal, push to the target, record the post.

Exactly once, across retries and across approvers' clients:

1. the job reads the item's publication on the portal; with none, it *claims* it
   (``PUT …/publications/{target}`` with ``If-None-Match: *``) before anything is created;
2. a publication with a remote id is updated in place (an edit, a take-down);
3. a claimed publication without a remote id first looks for the post by its marker slug (a
   lost answer may have created it); only the claim's holder creates it, then records the id
   and URL with ``If-Match``. Another client's fresh claim makes this job wait and retry.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop.models import Item, State
from desktop.publishing.connector import (
    Connector,
    MediaFile,
    PublishedRef,
    PublishError,
    TargetAuthError,
    TargetConfig,
)
from desktop.publishing.credentials import TargetCredentials
from desktop.publishing.queue import PublishJob, PublishQueue
from desktop.publishing.rendering import media_in, render_item
from desktop.sync.api import PortalClient, error_for, parse_json
from desktop.sync.errors import Offline, PortalError

log = logging.getLogger(__name__)

#: A claim older than this, still without a post, is taken over (its client went away).
CLAIM_TTL = timedelta(minutes=10)

ConnectorFactory = Callable[[TargetConfig, str, str], Connector]


def default_connector(target: TargetConfig, username: str, password: str) -> Connector:
    if target.kind == "wordpress":
        from desktop.publishing.wordpress import WordPressConnector

        return WordPressConnector(target, username, password)
    raise PublishError(f"no connector for targets of kind {target.kind!r}")


class Busy(PublishError):
    kind = "busy"
    vi = "Máy của người duyệt khác đang đăng tin này ({detail}); sẽ thử lại."
    en = "Another approver's computer is publishing this item ({detail}); it will be retried."


class NotLoggedIn(PublishError):
    kind = "login"
    vi = (
        "Chưa có mật khẩu ứng dụng cho trang đích {detail}: portal-desk targets login {detail} "
        "--user TÊN --password-stdin"
    )
    en = (
        "No application password for the target {detail}: portal-desk targets login {detail} "
        "--user NAME --password-stdin"
    )


@dataclass
class JobOutcome:
    job_id: int
    status: str
    url: str = ""
    error: str = ""


class Publisher:
    """One portal session's publishing: targets, jobs, connectors."""

    def __init__(
        self,
        queue: PublishQueue,
        client: PortalClient,
        credentials: TargetCredentials,
        *,
        connector_factory: ConnectorFactory = default_connector,
        language: str = "vi",
    ) -> None:
        self.queue = queue
        self.client = client
        self.credentials = credentials
        self.connector_factory = connector_factory
        self.language = language

    # -- the portal's side --------------------------------------------------------------------

    async def refresh_targets(self) -> list[TargetConfig]:
        """The targets of every site of this user, as the portal lists them now."""
        me = await self.client.me()
        for site in me["sites"]:
            answer = await self.client.call("GET", f"sites/{site}/targets")
            found = answer.get("targets") if isinstance(answer, dict) else None
            if isinstance(found, list):
                self.queue.set_targets(site, [t for t in found if isinstance(t, dict)])
        return self.queue.targets()

    async def publication(self, item_id: str, target: str) -> dict[str, Any] | None:
        status, _h, data = await self.client.request(
            "GET", f"items/{item_id}/publications/{target}"
        )
        if status == 404:
            return None
        if status != 200:
            raise error_for(status, data)
        return _publication(parse_json(data))

    async def put_publication(
        self, item_id: str, target: str, body: dict[str, Any], version: int | None
    ) -> tuple[dict[str, Any], bool]:
        """Claim (``version`` None) or update; (row, True) when done, (current, False) on 412."""
        headers = {"If-None-Match": "*"} if version is None else {"If-Match": f'"{version}"'}
        status, _h, data = await self.client.request(
            "PUT",
            f"items/{item_id}/publications/{target}",
            json_body=body,
            headers=headers,
            key=str(uuid.uuid4()),
        )
        if status in (200, 201):
            return _publication(parse_json(data)), True
        if status == 412:
            problem = parse_json(data)
            return _publication(
                problem.get("current") if isinstance(problem, dict) else None
            ), False
        raise error_for(status, data)

    # -- running ------------------------------------------------------------------------------

    async def run(self, *, refresh: bool = True, now: datetime | None = None) -> list[JobOutcome]:
        """Refresh the targets, notice new work, and run every job that is due."""
        if refresh:
            await self.refresh_targets()
        self.queue.notice(now=now)
        outcomes = []
        for job in self.queue.due(now):
            outcomes.append(await self.run_job(job))
        return outcomes

    async def run_job(self, job: PublishJob) -> JobOutcome:
        try:
            ref = await self._run(job)
        except PublishError as error:
            reason = error.message(self.language)
            log.info("publish job=%s target=%s failed: %s", job.id, job.target, error.kind)
            self.queue.fail(job.id, reason, error.kind)
            return JobOutcome(job.id, "failed", error=reason)
        except Offline as error:
            self.queue.fail(job.id, error.message(self.language), "offline")
            return JobOutcome(job.id, "failed", error=error.message(self.language))
        except PortalError as error:
            self.queue.fail(job.id, error.message(self.language), "portal")
            return JobOutcome(job.id, "failed", error=error.message(self.language))
        after = self.queue.job(job.id)
        return JobOutcome(job.id, after.status if after else "gone", url=ref.url if ref else "")

    async def _run(self, job: PublishJob) -> PublishedRef | None:
        data = self.queue.item_json(job.item_id)
        target = self.queue.target(job.target)
        if data is None or target is None:
            raise PublishError("the item or the target is no longer known here")
        item = Item.from_dict(data)
        saved = self.credentials.load(self.client.base_url, self._me(), target.id)
        if saved is None:
            raise NotLoggedIn(target.id)
        connector = self.connector_factory(target, saved.account, saved.refresh_token)
        try:
            await connector.check()
            if item.state is State.TAKEN_DOWN:
                return await self._take_down(job, item, target, connector)
            return await self._publish(job, item, target, connector)
        finally:
            await connector.aclose()

    def _me(self) -> str:
        return self.queue.me() or ""

    async def _take_down(
        self, job: PublishJob, item: Item, target: TargetConfig, connector: Connector
    ) -> PublishedRef | None:
        current = await self.publication(item.id, target.id)
        remote = (current or {}).get("remote_id") or job.remote_id
        ref = PublishedRef(remote, (current or {}).get("url", "")) if remote else None
        if ref is None:
            ref = await connector.find(_marker(item))
        if ref is None:  # never reached the target: nothing to take down
            self.queue.finish(job.id, item.version, None, "")
            return None
        await connector.unpublish(ref, await self._reason(item))
        if current is not None and current["status"] != "taken_down":
            body = {
                **_keep(current),
                "status": "taken_down",
                "remote_id": ref.remote_id,
                "item_version": item.version,
                "reason": await self._reason(item),
            }
            await self.put_publication(item.id, target.id, body, current["version"])
        self.queue.finish(job.id, item.version, ref.remote_id, ref.url)
        return ref

    async def _reason(self, item: Item) -> str:
        """The take-down's reason, from the item's history (kept on our side only)."""
        try:
            versions = await self.client.versions(item.id)
        except PortalError:
            return ""
        for version in reversed(versions):
            if version.get("action") == "take_down":
                return str(version.get("comment") or "")
        return ""

    async def _publish(
        self, job: PublishJob, item: Item, target: TargetConfig, connector: Connector
    ) -> PublishedRef:
        body = {"claim": job.claim, "item_version": item.version, "status": "claimed"}
        current = await self.publication(item.id, target.id)
        if current is None:
            current, _claimed = await self.put_publication(item.id, target.id, body, None)
        if current.get("remote_id"):
            ref = PublishedRef(str(current["remote_id"]), current.get("url") or "")
            done = current["status"] == "published" and current["item_version"] >= item.version
            if not done:
                rendered, media = await self._prepare(item)
                ref = await connector.update(ref, item, rendered, media)
                await self._record(item, target, current, ref)
            self.queue.finish(job.id, item.version, ref.remote_id, ref.url)
            return ref
        ref_found = await connector.find(_marker(item))
        if ref_found is None:
            current = await self._hold_claim(job, item, target, current)
            rendered, media = await self._prepare(item)
            self.queue.record_remote(job.id, None, "")
            ref_found = await connector.publish(item, rendered, media)
        else:
            rendered, media = await self._prepare(item)
            ref_found = await connector.update(ref_found, item, rendered, media)
        await self._record(item, target, current, ref_found)
        self.queue.finish(job.id, item.version, ref_found.remote_id, ref_found.url)
        return ref_found

    async def _hold_claim(
        self, job: PublishJob, item: Item, target: TargetConfig, current: dict[str, Any]
    ) -> dict[str, Any]:
        """Only the claim's holder creates the post; a claim left behind is taken over."""
        if current["claim"] == job.claim:
            return current
        claimed_at = datetime.fromisoformat(current["claimed_at"])
        if datetime.now(UTC) - claimed_at < CLAIM_TTL:
            raise Busy(current.get("claimed_by") or "?")
        body = {**_keep(current), "claim": job.claim, "status": "claimed"}
        taken, ok = await self.put_publication(item.id, target.id, body, current["version"])
        if not ok:
            raise Busy(taken.get("claimed_by") or "?")
        return taken

    async def _record(
        self, item: Item, target: TargetConfig, current: dict[str, Any], ref: PublishedRef
    ) -> None:
        body = {
            **_keep(current),
            "status": "published",
            "remote_id": ref.remote_id,
            "url": ref.url,
            "item_version": item.version,
        }
        for _round in range(3):
            row, ok = await self.put_publication(item.id, target.id, body, current["version"])
            if ok:
                return
            if row.get("remote_id") and row["remote_id"] != ref.remote_id:
                raise PublishError(
                    f"the portal records post {row['remote_id']}, not {ref.remote_id}"
                )
            current = row
        raise PublishError("the publication keeps changing on the portal")

    async def _prepare(self, item: Item) -> tuple[Any, list[MediaFile]]:
        category = self.queue.category(item.site, item.category)
        media: list[MediaFile] = []
        for sha in media_in(item):
            found = self.queue.blob(sha) or await self._portal_blob(sha)
            if found is None:
                log.warning("publish: media %s is not available; left out", sha[:12])
                continue
            media.append(MediaFile(sha, found[1], found[0]))
        rendered = render_item(
            item,
            category_name=str(category.get("name") or item.category),
            category_kind=str(category.get("kind") or "free"),
        )
        return rendered, media

    async def _portal_blob(self, sha: str) -> tuple[bytes, str] | None:
        status, headers, data = await self.client.request("GET", f"blobs/{sha}")
        if status != 200:
            return None
        return data, headers.get("content-type", "application/octet-stream").split(";")[0]


def _marker(item: Item) -> str:
    from desktop.publishing.rendering import marker_for

    return marker_for(item)


def _keep(current: dict[str, Any]) -> dict[str, Any]:
    return {
        name: current.get(name)
        for name in ("status", "remote_id", "url", "claim", "item_version", "reason")
    }


def _publication(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise PublishError("the portal sent no publication")
    for name, kind in (("claim", str), ("version", int), ("status", str)):
        if not isinstance(value.get(name), kind):
            raise PublishError(f"publication without {name}")
    return value


def job_summary(job: PublishJob) -> dict[str, Any]:
    return json.loads(json.dumps(job.to_dict()))


__all__ = ["Busy", "JobOutcome", "NotLoggedIn", "Publisher", "TargetAuthError"]
