"""Keep secrets out of logs and crash reports (AG-10.3: no account or token in plain text on disk).

A ``SecretRedactor`` is a ``logging.Filter`` placed on *handlers* (a filter on a logger does not
see records propagated from its children). It rewrites each record before any formatter runs:
the message with its arguments, the traceback of ``logger.exception``, the stack and string
``extra`` fields. Two kinds of secrets are removed:

- values registered at runtime with ``add`` (the refresh and access tokens, the password while a
  login runs, the account name), in any letter case, NFC or NFD, URL-encoded or JSON-escaped;
- patterns that look like secrets whatever their value: ``Bearer``/``Basic`` credentials,
  ``"password": "…"``-like fields (``password``, ``*token*``, ``secret``, ``api_key``) in JSON,
  Python reprs and ``key=value`` text, and ``?token=`` in URLs.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import traceback
import unicodedata
from collections.abc import Iterable
from types import TracebackType
from urllib.parse import quote

REDACTED = "[REDACTED]"

#: Registered values shorter than this are ignored: they would blank out ordinary words.
MIN_SECRET_LENGTH = 3

_KEY = r"[\w-]*(?:password|passwd|passphrase|secret|token|api[_-]?key)[\w-]*"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization: Bearer …, 'authorization': 'Basic …' — the whole header value.
    (
        re.compile(r"""(?i)(\bauthorization["']?\s*[:=]\s*)(["']?)[^"'\r\n,}]+"""),
        rf"\1\2{REDACTED}",
    ),
    # "password": "…", 'refresh_token': '…', password='…' (JSON, reprs), escaped quotes inside.
    (
        re.compile(rf"""(?i)(["']?\b{_KEY}["']?\s*[:=]\s*)(["'])(?:\\.|(?!\2).)*\2"""),
        rf"\1\2{REDACTED}\2",
    ),
    # password=…, token: … in free text, form bodies and query strings (?token=…).
    (
        re.compile(rf"""(?i)(\b{_KEY}\s*[=:]\s*)(?![\s"'\[])[^\s&#,;'"\]\)\}}]+"""),
        rf"\1{REDACTED}",
    ),
    # A bearer token quoted without its header.
    (re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"), rf"\1{REDACTED}"),
)

_KEEP_ATTRIBUTES = frozenset(
    {
        "name",
        "levelname",
        "pathname",
        "filename",
        "module",
        "funcName",
        "threadName",
        "processName",
        "taskName",
        "msg",
        "message",
        "exc_text",
        "stack_info",
    }
)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class SecretRedactor(logging.Filter):
    """A logging filter that removes registered secrets and secret-looking fields."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self._handlers: list[logging.Handler] = []
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str | None) -> None:
        """Register a value that must never appear in output (with its encoded spellings)."""
        if not secret or len(secret) < MIN_SECRET_LENGTH:
            return
        spellings = set()
        for form in ("NFC", "NFD"):
            value = unicodedata.normalize(form, secret)
            spellings |= {value, quote(value, safe=""), json.dumps(value)[1:-1]}
        with self._lock:
            if spellings <= self._secrets:
                return
            self._secrets |= spellings
            ordered = sorted(self._secrets, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(s) for s in ordered), re.IGNORECASE)

    def redact(self, text: str) -> str:
        """The text with every registered secret and secret-looking field replaced."""
        pattern = self._pattern
        if pattern is not None:
            text = pattern.sub(REDACTED, text)
        for regex, replacement in _PATTERNS:
            text = regex.sub(replacement, text)
        return text

    def redact_traceback(
        self, exc: BaseException | ExcInfo | tuple[None, None, None] | None = None
    ) -> str:
        """A crash report's text: the formatted exception (current one by default), redacted."""
        if exc is None:
            lines = traceback.format_exc()
        elif isinstance(exc, BaseException):
            lines = "".join(traceback.format_exception(exc))
        elif exc[1] is None:
            return ""
        else:
            lines = "".join(traceback.format_exception(*exc))
        return self.redact(lines)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not hide the record
            message = f"{record.msg!r} % {record.args!r}"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.redact_traceback(record.exc_info)
        elif record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        # The traceback's frames hold locals (passwords, tokens): drop them once formatted.
        record.exc_info = None
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        for key, value in list(vars(record).items()):
            if key not in _KEEP_ATTRIBUTES and isinstance(value, str):
                setattr(record, key, self.redact(value))
        return True

    def attach(self, handler: logging.Handler) -> None:
        """Put this filter on a handler (once)."""
        if self not in handler.filters:
            handler.addFilter(self)
            self._handlers.append(handler)

    def detach_all(self) -> None:
        """Remove this filter from every handler it was attached to."""
        for handler in self._handlers:
            handler.removeFilter(self)
        self._handlers.clear()


def install_redaction(
    logger: logging.Logger | None = None, redactor: SecretRedactor | None = None
) -> SecretRedactor:
    """Attach a redactor to every handler of ``logger`` (the root logger by default).

    Handlers added later need ``redactor.attach(handler)``. For the root logger the last-resort
    handler (used when no handler is configured) is covered too.
    """
    logger = logger if logger is not None else logging.getLogger()
    redactor = redactor if redactor is not None else SecretRedactor()
    for handler in logger.handlers:
        redactor.attach(handler)
    if logger is logging.getLogger() and logging.lastResort is not None:
        redactor.attach(logging.lastResort)
    return redactor
