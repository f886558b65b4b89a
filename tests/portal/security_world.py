"""Helpers for the security tests: the admin command line in-process, people, the audit table."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import orjson
from sqlalchemy import func, select

from desktop.models import Role
from portal import cli, db
from portal.board import directory as board
from tests.portal.conftest import PASSWORD

GOOD_PASSPHRASE = "một câu rất dài và khó đoán 2026"


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(url: str, *args: str, stdin: str | None = None) -> CliResult:
    """``portal-server ARGS --database URL`` in this process (its real code path)."""
    out, err = io.StringIO(), io.StringIO()
    real_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = cli.main([*args, "--database", url])
    finally:
        sys.stdin = real_stdin
    return CliResult(code, out.getvalue(), err.getvalue())


def database_url_of(server: Any) -> str:
    return server.app.state.engine.url.render_as_string(hide_password=False)


def add_person(
    engine: Any,
    username: str,
    full_name: str,
    site: str,
    role: Role,
    password: str = PASSWORD,
) -> None:
    with db.writing(engine) as conn:
        if board.user_row(conn, username) is None:
            board.add_user(conn, username, full_name, password, datetime.now(UTC))
        board.set_role(conn, username, site, role)


def audit_rows(engine: Any, **where: Any) -> list[dict[str, Any]]:
    query = select(db.audit).order_by(db.audit.c.id)
    for column, value in where.items():
        query = query.where(db.audit.c[column] == value)
    with db.reading(engine) as conn:
        return [{**row._mapping, "detail": orjson.loads(row.detail)} for row in conn.execute(query)]


def feed_seq(engine: Any) -> int:
    with db.reading(engine) as conn:
        return int(conn.execute(select(func.max(db.feed_counter.c.seq))).scalar() or 0)


def login(url: str, username: str, password: str = PASSWORD, **headers: str) -> httpx.Response:
    with httpx.Client(base_url=url, timeout=30) as client:
        return client.post(
            "/api/v1/auth/token",
            json={"username": username, "password": password},
            headers=headers,
        )
