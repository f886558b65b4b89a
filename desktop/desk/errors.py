"""The desk's own refusals, in the error family of ``desktop.models.errors``."""

from __future__ import annotations

from desktop.models.errors import ErrorKind, KnownError

#: The portal's limit for one attachment (docs/api.md).
MAX_ATTACHMENT = 20 * 1024 * 1024


class AttachmentTooLarge(KnownError):
    code = "attachment_too_large"
    kind = ErrorKind.INVALID

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.vi = f"Tệp “{name}” lớn hơn 20 MB, cổng thông tin không nhận."
        self.en = f"The file “{name}” is larger than 20 MB; the portal does not accept it."


class NotFound(KnownError):
    code = "not_found"
    kind = ErrorKind.INVALID

    def __init__(self, what: str, vi: str, en: str) -> None:
        super().__init__(what)
        self.vi, self.en = vi, en


class OnlineOnly(KnownError):
    """A directory change (a grant, a revocation) is made on the portal, never queued."""

    code = "online_only"
    kind = ErrorKind.OFFLINE
    vi = "Không kết nối được cổng thông tin: phân công, ủy quyền chỉ thay đổi khi có mạng."
    en = "The portal cannot be reached: grants can only be changed online."
