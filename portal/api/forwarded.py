"""The client's real address and scheme behind a reverse proxy, trusting only known proxies.

``X-Forwarded-For`` and ``X-Forwarded-Proto`` are believed only when the connection comes from a
trusted proxy: loopback by default (a proxy on the same host), or the addresses and networks in
``PORTAL_TRUSTED_PROXIES`` (comma-separated, e.g. ``10.0.0.5,10.1.0.0/16``; an empty value
trusts none). Anyone else could forge them to dodge the per-address login limit, to pose as
another address in the audit log, or to be told the connection is HTTPS.

The middleware rewrites the ASGI scope's ``client`` and ``scheme`` (as uvicorn's own proxy
support would; the portal runs uvicorn with that off, so that this module alone decides).
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

TRUSTED_PROXIES_ENV = "PORTAL_TRUSTED_PROXIES"
DEFAULT_TRUSTED = ("127.0.0.0/8", "::1/128")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(v.strip(), strict=False) for v in values if v.strip())


def trusted_from_environment() -> tuple[Network, ...]:
    raw = os.environ.get(TRUSTED_PROXIES_ENV)
    return parse_networks(DEFAULT_TRUSTED if raw is None else raw.split(","))


def _trusted(host: str, networks: tuple[Network, ...]) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(address in network for network in networks)


def resolve(
    peer: str,
    forwarded_for: str | None,
    forwarded_proto: str | None,
    scheme: str,
    networks: tuple[Network, ...],
) -> tuple[str, str]:
    """(client address, scheme) for a connection from ``peer`` with these headers.

    The client is the right-most address of ``X-Forwarded-For`` that is not a trusted proxy
    (each proxy appends the address it saw; only the part our proxies added can be believed).
    """
    if not _trusted(peer, networks):
        return peer, scheme
    client = peer
    if forwarded_for:
        for hop in reversed([h.strip() for h in forwarded_for.split(",") if h.strip()]):
            client = hop
            if not _trusted(hop, networks):
                break
    proto = (forwarded_proto or "").split(",")[-1].strip().lower()
    return client[:64], proto if proto in ("http", "https") else scheme


class ForwardedMiddleware:
    """Reads the trusted networks from ``app.state.trusted_proxies`` (tests may change them)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.default = trusted_from_environment()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and scope.get("client"):
            headers = {k.lower(): v.decode("latin-1") for k, v in scope["headers"]}
            app = scope.get("app")
            networks = getattr(app.state, "trusted_proxies", None) if app is not None else None
            client, scheme = resolve(
                scope["client"][0],
                headers.get(b"x-forwarded-for"),
                headers.get(b"x-forwarded-proto"),
                scope.get("scheme", "http"),
                self.default if networks is None else networks,
            )
            scope = {**scope, "client": (client, scope["client"][1]), "scheme": scheme}
        await self.app(scope, receive, send)
