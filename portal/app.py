"""The composition root of the portal: database, clock, middleware, routers, error handlers."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import FastAPI

from portal import problems
from portal.api import auth, blobs, changes, directory, items
from portal.db import make_engine
from portal.guard import BodyGuard
from portal.idempotency import IdempotencyMiddleware
from portal.public import router as public_router


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(database_url: str, *, demo: bool = False) -> FastAPI:
    """The portal on ``database_url``; ``demo`` seeds an empty database with the demo content.

    ``app.state.clock`` is the one source of "now" (tests replace it to move time), and
    ``app.state.engine`` the one database engine.
    """
    engine = make_engine(database_url)
    if demo:
        from portal.demo import seed_demo

        seed_demo(engine)
    app = FastAPI(
        title="Bàn biên tập: portal API",
        version="1",
        description="The reference portal server's API (see docs/api.md).",
    )
    app.state.engine = engine
    app.state.clock = utc_now
    problems.install(app)
    for router in (auth.router, directory.router, changes.router, items.router, blobs.router):
        app.include_router(router)
    app.include_router(public_router)
    # Outermost last: BodyGuard reads and checks the body before idempotency fingerprints it.
    app.add_middleware(IdempotencyMiddleware)
    app.add_middleware(BodyGuard)
    return app
