"""The access token, held in memory only: it is never saved, logged or shown (AG-10.3)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

#: Renew this many seconds before the portal's expiry, so a request never races the deadline.
RENEW_MARGIN = 30.0


class Session:
    """One login's short-lived access token and when it stops being valid.

    Expiry runs on a monotonic clock: changing the computer's clock neither extends nor cuts
    a session.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires_at = 0.0

    def __repr__(self) -> str:
        state = "active" if self.valid else "empty"
        return f"Session({state})"

    def set(self, access_token: str, expires_in: float) -> None:
        """Keep a new token that the portal says lives ``expires_in`` seconds from now."""
        if not access_token:
            raise ValueError("empty access token")
        with self._lock:
            self._token = access_token
            self._expires_at = self._clock() + max(0.0, float(expires_in))

    @property
    def access_token(self) -> str | None:
        """The token while it is valid, else None."""
        with self._lock:
            if self._token is None or self._clock() >= self._expires_at:
                return None
            return self._token

    @property
    def valid(self) -> bool:
        return self.access_token is not None

    def expires_in(self) -> float:
        """Seconds left (0 when there is no valid token)."""
        with self._lock:
            if self._token is None:
                return 0.0
            return max(0.0, self._expires_at - self._clock())

    def needs_renewal(self, margin: float = RENEW_MARGIN) -> bool:
        """True when the token is missing or expires within ``margin`` seconds."""
        return self.expires_in() <= margin

    def authorization(self) -> dict[str, str]:
        """The ``Authorization`` header for the portal API, or ``{}`` without a valid token."""
        token = self.access_token
        return {"Authorization": f"Bearer {token}"} if token else {}

    def clear(self) -> None:
        """Forget the token (logout, lock-out, revoked family)."""
        with self._lock:
            self._token = None
            self._expires_at = 0.0
