"""The write path's yardstick (issue 21): the same job as the portal's PUT + pull, done by a
minimal FastAPI + SQLAlchemy Core app, written here only to be measured beside the product.

Per PUT, in one transaction and one thread hop: the token looked up (one SELECT joining the
user), the ``Idempotency-Key`` looked up and its answer stored, ``If-Match`` checked against the
item's version, the item row written, a version row and an audit row inserted, and a change
number taken from one counter row (last, just before COMMIT, so the counter's lock is short).
``GET /changes`` returns the items after a cursor that the caller may see, decided in SQL.
What it leaves out, on purpose: the workflow's rules, source checks, categories, search index,
e-mail notices, password age. The product does those; the peer shows what the stack costs.

``python -m bench.peer --database URL --port P`` serves it; :func:`seed` copies the load
figure's board (users, their drafts) from the product's database so both serve the same data.
"""

from __future__ import annotations

import argparse
import hashlib
import secrets
from datetime import UTC, datetime
from typing import Annotated, Any

import orjson
import uvicorn
from fastapi import FastAPI, Header, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import (
    Column,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    and_,
    create_engine,
    event,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection

meta = MetaData()
users = Table(
    "peer_users",
    meta,
    Column("username", String(64), primary_key=True),
    Column("password", String(200), nullable=False),
    Column("disabled", Integer, nullable=False, default=0),
)
tokens = Table(
    "peer_tokens",
    meta,
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(64), nullable=False),
)
items = Table(
    "peer_items",
    meta,
    Column("id", String(64), primary_key=True),
    Column("created_by", String(64), nullable=False),
    Column("state", String(16), nullable=False),
    Column("version", Integer, nullable=False),
    Column("data", Text, nullable=False),
    Column("change_seq", Integer, nullable=False, index=True),
)
versions = Table(
    "peer_item_versions",
    meta,
    Column("item_id", String(64), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("actor", String(64), nullable=False),
    Column("data", Text, nullable=False),
)
audit = Table(
    "peer_audit",
    meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("actor", String(64), nullable=False),
    Column("item_id", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("detail", Text, nullable=False),
)
idempotency = Table(
    "peer_idempotency",
    meta,
    Column("caller", String(64), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("status", Integer, nullable=False),
    Column("body", LargeBinary, nullable=False),
)
counter = Table(
    "peer_counter", meta, Column("id", Integer, primary_key=True), Column("seq", Integer)
)


def make_engine(url: str) -> Engine:
    """The product's tuning, so the two differ only in what they do per request."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_size=10, max_overflow=20)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        for pragma in ("busy_timeout=30000", "journal_mode=WAL", "synchronous=NORMAL"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Edit(BaseModel):
    body: str = Field(max_length=200_000)


class Login(BaseModel):
    username: str
    password: str


def _json(data: Any, status: int = 200, etag: int | None = None) -> Response:
    headers = {"ETag": f'"{etag}"'} if etag is not None else None
    return Response(orjson.dumps(data), status, headers, "application/json")


def _caller(conn: Connection, authorization: str | None) -> str | None:
    token = (authorization or "").partition(" ")[2].strip()
    row = conn.execute(
        select(tokens.c.username)
        .join(users, users.c.username == tokens.c.username)
        .where(tokens.c.token_hash == _hash(token), users.c.disabled == 0)
    ).first()
    return row.username if row else None


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI()

    @app.post("/api/v1/auth/token")
    def login(body: Login) -> Response:
        token = secrets.token_urlsafe(32)
        with engine.begin() as conn:
            row = conn.execute(select(users).where(users.c.username == body.username)).first()
            if row is None or row.password != body.password:
                return _json({"code": "unauthenticated"}, 401)
            conn.execute(insert(tokens).values(token_hash=_hash(token), username=body.username))
        return _json({"access_token": token, "token_type": "bearer"})

    @app.get("/api/v1/items/{item_id}")
    def get_item(item_id: str, authorization: Annotated[str | None, Header()] = None) -> Response:
        with engine.connect() as conn:
            me = _caller(conn, authorization)
            row = conn.execute(select(items).where(items.c.id == item_id)).first()
        if me is None:
            return _json({"code": "unauthenticated"}, 401)
        if row is None or (row.created_by != me and row.state == "draft"):
            return _json({"code": "not_found"}, 404)
        return _json(orjson.loads(row.data), etag=row.version)

    @app.put("/api/v1/items/{item_id}")
    def put_item(
        item_id: str,
        edit: Edit,
        request: Request,
        authorization: Annotated[str | None, Header()] = None,
        if_match: Annotated[str | None, Header()] = None,
        idempotency_key: Annotated[str | None, Header()] = None,
    ) -> Response:
        fingerprint = hashlib.sha256(
            f"PUT {request.url.path} {if_match}".encode() + edit.body.encode()
        ).hexdigest()
        with engine.begin() as conn:
            me = _caller(conn, authorization)
            if me is None:
                return _json({"code": "unauthenticated"}, 401)
            if idempotency_key:
                stored = conn.execute(
                    select(idempotency).where(
                        idempotency.c.caller == me, idempotency.c.key == idempotency_key
                    )
                ).first()
                if stored is not None:
                    if stored.fingerprint != fingerprint:
                        return _json({"code": "idempotency_key_reused"}, 422)
                    return Response(stored.body, stored.status, media_type="application/json")
            row = conn.execute(select(items).where(items.c.id == item_id)).first()
            if row is None or row.created_by != me:
                return _json({"code": "not_found"}, 404)
            if (if_match or "").strip().strip('"') != str(row.version):
                return _json({"code": "stale_version", "current": orjson.loads(row.data)}, 412)
            item = orjson.loads(row.data)
            item.update(
                body=edit.body, version=row.version + 1, updated_at=datetime.now(UTC).isoformat()
            )
            data = orjson.dumps(item).decode()
            conn.execute(
                update(items)
                .where(items.c.id == item_id, items.c.version == row.version)
                .values(version=item["version"], data=data)
            )
            conn.execute(
                insert(versions).values(
                    item_id=item_id, version=item["version"], actor=me, data=data
                )
            )
            conn.execute(
                insert(audit).values(
                    actor=me,
                    item_id=item_id,
                    action="update",
                    detail=orjson.dumps({"version": item["version"]}).decode(),
                )
            )
            answer = orjson.dumps(item)
            if idempotency_key:
                conn.execute(
                    insert(idempotency).values(
                        caller=me,
                        key=idempotency_key,
                        fingerprint=fingerprint,
                        status=200,
                        body=answer,
                    )
                )
            seq = conn.execute(  # last: the counter's row lock is held only until COMMIT
                update(counter)
                .where(counter.c.id == 1)
                .values(seq=counter.c.seq + 1)
                .returning(counter.c.seq)
            ).scalar_one()
            conn.execute(update(items).where(items.c.id == item_id).values(change_seq=seq))
        return Response(answer, 200, {"ETag": f'"{item["version"]}"'}, "application/json")

    @app.get("/api/v1/changes")
    def changes(
        since: str | None = None,
        limit: int = 100,
        authorization: Annotated[str | None, Header()] = None,
    ) -> Response:
        after = int(since) if since and since.isdigit() else 0
        with engine.connect() as conn:
            me = _caller(conn, authorization)
            if me is None:
                return _json({"code": "unauthenticated"}, 401)
            rows = conn.execute(
                select(items.c.data, items.c.change_seq)
                .where(
                    items.c.change_seq > after,
                    or_(items.c.created_by == me, and_(items.c.state != "draft")),
                )
                .order_by(items.c.change_seq)
                .limit(limit + 1)
            ).all()
        page = rows[:limit]
        cursor = page[-1].change_seq if page else after
        return Response(
            b'{"changes":['
            + b",".join(b'{"kind":"item","item":' + r.data.encode() + b"}" for r in page)
            + b'],"cursor":"'
            + str(cursor).encode()
            + b'","has_more":'
            + (b"true" if len(rows) > limit else b"false")
            + b"}",
            media_type="application/json",
        )

    return app


def seed(product: Engine, peer: Engine, password: str) -> None:
    """The product's users and items, copied into the peer's tables (created here)."""
    from portal import db

    meta.create_all(peer)
    with product.connect() as source:
        people = [r.username for r in source.execute(select(db.users.c.username))]
        rows = source.execute(
            select(
                db.items.c.id, db.items.c.created_by, db.items.c.state, db.items.c.version
            ).add_columns(db.items.c.data, db.items.c.change_seq)
        ).all()
    with peer.begin() as conn:
        conn.execute(insert(users), [{"username": u, "password": password} for u in people])
        conn.execute(insert(items), [dict(r._mapping) for r in rows])
        top = max((r.change_seq for r in rows), default=0)
        conn.execute(insert(counter).values(id=1, seq=top))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.peer", description=__doc__)
    parser.add_argument("--database", required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    app = create_app(make_engine(args.database))
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
