"""Secrets never reach formatted log output or crash text."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from desktop.security.redact import REDACTED, SecretRedactor, install_redaction

ACCOUNT = "phoban.lethihoa"
PASSWORD = "Mật khẩu rất dài của tôi 2025"
REFRESH = "rt_9XhK2mQ7vB4nL8pW1zT6"
ACCESS = "at_eyJhbGciOiJIUzI1NiJ9.payload.sig"


@pytest.fixture
def logged() -> Iterator[tuple[logging.Logger, io.StringIO, SecretRedactor]]:
    """A logger writing through a real formatter to a buffer, redacted like the app's root."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s %(user)s"))
    logger = logging.getLogger("tests.security.redact")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    redactor = install_redaction(logger)
    for secret in (ACCOUNT, PASSWORD, REFRESH, ACCESS):
        redactor.add(secret)
    yield logger, stream, redactor
    redactor.detach_all()
    logger.removeHandler(handler)


def assert_clean(text: str) -> None:
    for secret in (ACCOUNT, PASSWORD, REFRESH, ACCESS):
        assert secret not in text
        assert secret.lower() not in text.lower()


def test_registered_secrets_in_message_args_and_extra(logged) -> None:
    logger, stream, _ = logged
    logger.info("login %s with %r", ACCOUNT, {"password": PASSWORD}, extra={"user": ACCOUNT})
    logger.warning("refresh %s then %s", REFRESH, ACCESS, extra={"user": "-"})
    out = stream.getvalue()
    assert_clean(out)
    assert out.count(REDACTED) >= 4
    assert "login" in out and "refresh" in out


def test_traceback_of_logger_exception_is_redacted(logged) -> None:
    logger, stream, _ = logged

    def log_in(username: str, password: str) -> None:
        raise RuntimeError(f"portal refused {username} / {password} / Bearer {ACCESS}")

    try:
        log_in(ACCOUNT, PASSWORD)
    except RuntimeError:
        logger.exception("login failed", extra={"user": "-"})
    out = stream.getvalue()
    assert "Traceback (most recent call last)" in out and "RuntimeError" in out
    assert_clean(out)


def test_patterns_without_registration() -> None:
    redactor = SecretRedactor()
    body = json.dumps({"username": "u", "password": 'p@ss w"ord', "refresh_token": "abc123"})
    cases = {
        "Authorization: Bearer abcdefghijkl": "Authorization: [REDACTED]",
        "{'authorization': 'Basic YWJjOmRlZg=='}": "{'authorization': '[REDACTED]'}",
        "GET https://portal.example.gov.vn/feed?token=s3cr3t&page=2": (
            "GET https://portal.example.gov.vn/feed?token=[REDACTED]&page=2"
        ),
        body: '{"username": "u", "password": "[REDACTED]", "refresh_token": "[REDACTED]"}',
        "{'access_token': 'x.y.z', 'expires_in': 900}": (
            "{'access_token': '[REDACTED]', 'expires_in': 900}"
        ),
        "form current_password=old1&new_password=new2": (
            "form current_password=[REDACTED]&new_password=[REDACTED]"
        ),
        "token sent as Bearer abc.def.ghi-jk": "token sent as Bearer [REDACTED]",
        "basic information, no secret here": "basic information, no secret here",
    }
    for text, expected in cases.items():
        assert redactor.redact(text) == expected


def test_encoded_spellings_of_a_registered_secret() -> None:
    redactor = SecretRedactor(["Nguyễn Thị Hoà"])
    text = (
        "user=Nguy%E1%BB%85n%20Th%E1%BB%8B%20Ho%C3%A0 "
        + json.dumps({"name": "Nguyễn Thị Hoà"})
        + " NGUYỄN THỊ HOÀ"
    )
    out = redactor.redact(text)
    assert "Nguy" not in out and "NGUY" not in out


def test_short_values_are_not_registered() -> None:
    redactor = SecretRedactor(["ab", ""])
    assert redactor.redact("about a table") == "about a table"


def test_crash_text_helper() -> None:
    redactor = SecretRedactor([REFRESH])
    try:
        raise ValueError(f"refresh failed for {REFRESH}")
    except ValueError as exc:
        current = redactor.redact_traceback()
        given = redactor.redact_traceback(exc)
    for text in (current, given):
        assert "ValueError" in text and REFRESH not in text and REDACTED in text


def test_root_install_reaches_caplog_and_last_resort(caplog: pytest.LogCaptureFixture) -> None:
    redactor = install_redaction()
    try:
        redactor.add(REFRESH)
        assert redactor in caplog.handler.filters
        assert logging.lastResort is not None and redactor in logging.lastResort.filters
        with caplog.at_level(logging.INFO):
            logging.getLogger("desktop.sync").info("rotated to %s", REFRESH)
        assert REFRESH not in caplog.text and "rotated to [REDACTED]" in caplog.text
    finally:
        redactor.detach_all()
    assert redactor not in caplog.handler.filters
