"""What can go wrong talking to the portal, as a tree (the way httpx writes its own out).

PortalError
├── Offline            connect errors, timeouts, a cut answer: the portal cannot be reached
├── ServerTrouble      the portal answered but could not take this request (5xx, or 409
│                      in_progress after retries): the request waits, the sync goes on
├── AuthError          no valid session: the user must log in again
├── PasswordChangeRequired  403 password_change_required: nothing but the change until done;
│                      the outbox keeps its operations (they go through after the change)
├── BadResponse        the portal answered something we cannot trust (not JSON, wrong shape,
│                      oversize, missing fields, wrong types); nothing is written to the store
└── Refused            the portal said no to this request, for good (a 4xx)
    ├── Forbidden      403: the caller may not do this (the workflow's reasons in ``problems``)
    ├── NotFound       404
    ├── Stale          412 stale_version / already_exists, with the portal's ``current`` item
    ├── MovedOn        409 moved_on, with the portal's ``current`` item
    ├── AlreadyExists  409 already_exists for a comment: ``current`` is the portal's copy
    └── Invalid        400/413/422/428: well-formed but wrong (``problems``)

``Offline`` and ``AuthError`` are normal states of a laptop on a train, not bugs.
"""

from __future__ import annotations

from typing import Any

from desktop.models.errors import ErrorKind, KnownError


class PortalError(KnownError):
    """Any failure to get a usable answer from the portal."""

    code = "portal_error"
    kind = ErrorKind.BROKEN
    vi = "Lỗi khi làm việc với cổng thông tin."
    en = "Something went wrong talking to the portal."


class Offline(PortalError):
    code = "offline"
    kind = ErrorKind.OFFLINE
    vi = "Không kết nối được cổng thông tin; thay đổi được giữ lại để gửi sau."
    en = "The portal cannot be reached; changes are kept and will be sent later."


class ServerTrouble(PortalError):
    """The portal is there but could not take this request (an error of its own, or the same
    request still in progress elsewhere). Not offline: other requests may well go through."""

    code = "server_trouble"
    kind = ErrorKind.BROKEN
    vi = "Cổng thông tin gặp lỗi khi nhận thao tác này; thao tác được giữ lại để gửi sau."
    en = "The portal had an error taking this; it is kept and will be sent later."

    def __init__(self, detail: str = "", in_progress: bool = False) -> None:
        super().__init__(detail)
        self.in_progress = in_progress


class AuthError(PortalError):
    code = "auth"
    kind = ErrorKind.SIGNED_OUT
    vi = "Phiên làm việc đã hết hạn; hãy đăng nhập lại."
    en = "The session has expired; please log in again."


class Throttled(AuthError):
    """429 ``locked_out``: too many wrong passwords lately; the portal says how long to wait,
    and a device holding a session of the account is never made to wait for others."""

    code = "locked_out"

    def __init__(self, retry_after: int | None, problems: list[dict[str, Any]]) -> None:
        super().__init__("locked_out")
        self.retry_after = retry_after
        self.problems = problems

    def message(self, language: str = "vi") -> str:
        key = "vi" if language == "vi" else "en"
        said = " ".join(str(p.get(key) or "") for p in self.problems).strip()
        if said:
            return said
        wait = self.retry_after or 60
        if language == "vi":
            return f"Đăng nhập sai quá nhiều lần: hãy thử lại sau {wait} giây."
        return f"Too many wrong passwords: try again in {wait} seconds."


class BadResponse(PortalError):
    code = "bad_response"
    kind = ErrorKind.BROKEN
    vi = "Cổng thông tin trả lời không hợp lệ; không có gì bị thay đổi trên máy."
    en = "The portal sent an invalid answer; nothing was changed on this computer."


class Refused(PortalError):
    """A 4xx answer that will not change by retrying the same request."""

    kind = ErrorKind.REFUSED

    def __init__(
        self,
        status: int,
        code: str = "",
        detail: str = "",
        problems: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {detail}".strip())
        self.status = status
        self.code = code
        self.detail = detail
        self.problems = problems or []

    def reason(self, language: str = "vi") -> str:
        """The portal's own reasons in the user's language, else its English detail."""
        key = "vi" if language == "vi" else "en"
        texts = [str(p.get(key) or p.get("en") or "") for p in self.problems]
        texts = [t for t in texts if t]
        return " ".join(texts) or self.detail or self.code or str(self.status)

    def message(self, language: str = "vi") -> str:
        return self.reason(language)


class Forbidden(Refused):
    pass


class NotFound(Refused):
    pass


class Invalid(Refused):
    pass


class _WithCurrent(Refused):
    def __init__(self, status: int, code: str, detail: str, current: dict[str, Any]) -> None:
        super().__init__(status, code, detail)
        self.current = current


class Stale(_WithCurrent):
    """412: our If-Match (or If-None-Match) no longer holds; ``current`` is the portal's item."""


class MovedOn(_WithCurrent):
    """409: an action's expected version is stale; ``current`` is the portal's item."""


class AlreadyExists(Refused):
    """409 ``already_exists`` for something with a client-made id (a comment): when it is our
    own, sent before and answered with a lost answer, this is success. ``current`` is the
    portal's copy when it gave one."""

    def __init__(self, status: int, code: str, detail: str, current: Any) -> None:
        super().__init__(status, code, detail)
        self.current = current if isinstance(current, dict) else None


class PasswordChangeRequired(PortalError):
    """403 ``password_change_required``: expired, or reset by an administrator (AG-10.3).

    Not a ``Refused``: the request was fine and goes through once the password is changed, so
    the sync engine keeps the operation queued instead of failing it.
    """

    code = "password_change_required"
    kind = ErrorKind.SIGNED_OUT

    vi = "Mật khẩu đã quá hạn hoặc vừa được đặt lại: hãy đổi mật khẩu trước khi làm việc tiếp."
    en = "Your password has expired or was reset: change it before going on."

    def __init__(self, detail: str = "", problems: list[dict[str, Any]] | None = None) -> None:
        super().__init__(detail or "password_change_required")
        self.problems = problems or []

    @property
    def reason_code(self) -> str:
        """``password_expired`` or ``password_reset`` (the portal's first problem), or ""."""
        return str(self.problems[0].get("code") or "") if self.problems else ""

    def message(self, language: str = "vi") -> str:
        key = "vi" if language == "vi" else "en"
        texts = [str(p.get(key) or p.get("en") or "") for p in self.problems]
        return " ".join(t for t in texts if t) or super().message(language)
