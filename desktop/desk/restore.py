"""Restore an earlier version (khôi phục phiên bản cũ, issue 20). A part of ``Desk``.

The working copy becomes version N's content: saved like any edit, so it goes out at the next
sync as an update on top of the version it was based on and the portal keeps it as a **new**
version (nothing is erased; a change made meanwhile elsewhere is merged as usual). A comment
records which version came back. Whoever may edit the item in its state may restore; the portal
checks it again. Version N's content is read from the portal (``GET /items/{id}/versions/{n}``),
or, offline, from a copy of that version fetched earlier.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.desk.errors import NotFound
from desktop.models import CONTENT_FIELDS
from desktop.models.errors import ErrorKind, KnownError

if TYPE_CHECKING:
    from desktop.desk.desk import Desk


class RestoreRefused(KnownError):
    code = "restore_refused"
    kind = ErrorKind.REFUSED
    vi = "Bạn không được sửa tin ở trạng thái này, nên không khôi phục được phiên bản cũ."
    en = "You may not edit the item in its present state, so you cannot restore a version."


class VersionUnavailable(KnownError):
    code = "version_unavailable"
    kind = ErrorKind.OFFLINE

    def __init__(self, version: int) -> None:
        super().__init__(f"version {version}")
        self.vi = f"Không lấy được phiên bản {version}: cần kết nối cổng thông tin."
        self.en = f"Version {version} could not be fetched: the portal must be reachable."


class NoSuchVersion(KnownError):
    code = "no_such_version"
    kind = ErrorKind.INVALID

    def __init__(self, version: int, latest: int) -> None:
        super().__init__(f"version {version}")
        self.vi = f"Tin không có phiên bản {version} (các phiên bản: 1–{latest})."
        self.en = f"The item has no version {version} (versions 1–{latest})."


def restore_comment(version: int) -> tuple[str, str]:
    return (
        f"Khôi phục nội dung phiên bản {version}.",
        f"Restored the content of version {version}.",
    )


async def version_content(desk: Desk, item_id: str, version: int) -> dict[str, Any]:
    """Version ``version``'s content fields, from the portal or from a copy fetched before."""
    from desktop.sync.errors import NotFound as NotOnPortal
    from desktop.sync.errors import Offline

    if desk.client is not None:
        try:
            answer = await desk.client.call("GET", f"items/{item_id}/versions/{version}")
        except NotOnPortal:
            item = desk.item(item_id)
            raise NoSuchVersion(version, item.version if item else 0) from None
        except Offline:
            answer = None
        if isinstance(answer, dict) and isinstance(answer.get("item"), dict):
            return _content(answer["item"])
    for known in desk.versions(item_id):
        if known.version == version and known.item is not None:
            return _content(known.item)
    raise VersionUnavailable(version)


def _content(item: dict[str, Any]) -> dict[str, Any]:
    return {name: item[name] for name in CONTENT_FIELDS if name in item}


async def restore(desk: Desk, item_id: str, version: int) -> None:
    """The working copy becomes version ``version``'s content, queued as an edit with a note."""
    item = desk.item(item_id)
    if item is None:
        raise NotFound(item_id, f"Không tìm thấy tin “{item_id}”.", f"No item “{item_id}”.")
    if version < 1 or (version > item.version and desk.client is None):
        raise NoSuchVersion(version, item.version)
    if not desk.session.may_edit(item):
        raise RestoreRefused()
    content = await version_content(desk, item_id, version)
    await desk.save(item_id, **content)
    vi, en = restore_comment(version)
    await desk.comment(item_id, vi if desk.language == "vi" else en)
