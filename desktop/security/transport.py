"""How the client talks to the portal safely: verified TLS, no plain HTTP off the machine.

Certificates are verified against the operating system's trust store through ``truststore``
(Windows' and macOS' own verifiers, the system CA bundle on Linux), so an organisation's CA that
its IT department installed on the computers just works. An extra CA bundle can be added for a
portal whose CA is not installed system-wide. Plain ``http://`` is accepted only to loopback
(the embedded demo portal, tests): anything else could be read or changed on the way.
"""

from __future__ import annotations

import ipaddress
import ssl
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    import httpx

#: Seconds: a slow district connection must not hang the sync for ever, nor fail at once
#: (``timeout()`` makes them an ``httpx.Timeout``).
TIMEOUTS = {"connect": 15.0, "read": 60.0, "write": 60.0, "pool": 15.0}


def timeout() -> httpx.Timeout:
    """The timeouts as httpx takes them; httpx is imported when the first client is made, not
    on the way to the first window (issue 21)."""
    import httpx

    return httpx.Timeout(**TIMEOUTS)


class BadPortalURL(ValueError):
    """The portal address cannot be used; ``vi`` and ``en`` say why to the user."""

    code = "bad_url"

    def __init__(self, url: str, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")
        self.url = url
        self.vi = vi
        self.en = en

    def message(self, language: str = "vi") -> str:
        return self.vi if language == "vi" else self.en


class InsecureURL(BadPortalURL):
    """Plain ``http://`` to a host other than this computer."""

    code = "insecure_url"


def ssl_context(extra_ca: Path | None = None) -> ssl.SSLContext:
    """A client TLS context trusting the OS trust store, plus ``extra_ca`` (a PEM bundle) if set."""
    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if extra_ca is not None:
        context.load_verify_locations(cafile=str(extra_ca))
    return context


def is_loopback(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1 (also IPv4-mapped)."""
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def check_portal_url(url: str) -> str:
    """The portal's address, normalised (``https://host[:port]/path``), or ``BadPortalURL``.

    No scheme means https. A user name or password inside the URL is refused: the address is
    remembered in the settings, and the account name must never be written there.
    """
    raw = url
    url = url.strip()
    if not url:
        raise BadPortalURL(raw, "Chưa nhập địa chỉ cổng thông tin.", "The portal address is empty.")
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise BadPortalURL(
            raw,
            f"Địa chỉ cổng thông tin phải bắt đầu bằng https:// (không dùng {scheme}://).",
            f"The portal address must start with https:// ({scheme}:// is not supported).",
        )
    if parts.username is not None or parts.password is not None:
        raise BadPortalURL(
            raw,
            "Không ghi tên đăng nhập hay mật khẩu vào địa chỉ cổng thông tin.",
            "Do not put a user name or password in the portal address.",
        )
    host = parts.hostname
    try:
        port = parts.port
    except ValueError:
        port = -1
    if not host or port == -1:
        raise BadPortalURL(
            raw,
            "Địa chỉ cổng thông tin không hợp lệ.",
            "The portal address is not valid.",
        )
    if scheme == "http" and not is_loopback(host):
        raise InsecureURL(
            raw,
            "Không kết nối qua http:// vì dữ liệu và mật khẩu có thể bị đọc trộm trên đường "
            "truyền. Hãy dùng địa chỉ https:// của cổng thông tin.",
            "Plain http:// is refused: data and passwords could be read on the way. "
            "Use the portal's https:// address.",
        )
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError as exc:
        raise BadPortalURL(
            raw, "Tên miền của cổng thông tin không hợp lệ.", "The portal's domain is not valid."
        ) from exc
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != {"http": 80, "https": 443}[scheme]:
        netloc += f":{port}"
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, "", ""))


def http_client_kwargs(url: str, extra_ca: Path | None = None) -> dict[str, Any]:
    """Keyword arguments for ``httpx.Client``/``AsyncClient`` talking to this portal.

    Checks ``url`` first (``InsecureURL`` for plain http off loopback). Redirects are not
    followed, so a token is never carried to another address. ``base_url`` is left to the
    caller: use ``check_portal_url(url)``.
    """
    check_portal_url(url)
    return {"verify": ssl_context(extra_ca), "timeout": timeout(), "follow_redirects": False}
