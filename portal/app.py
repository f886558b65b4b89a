"""The composition root of the portal: database, clock, middleware, routers, error handlers."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from fastapi import FastAPI

from portal.api import (
    admin,
    auth,
    blobs,
    changes,
    directory,
    health,
    items,
    openapi,
    public_comments,
)
from portal.api import calendar as calendar_api
from portal.api import questions as questions_api
from portal.api import targets as targets_api
from portal.api.forwarded import ForwardedMiddleware, trusted_from_environment
from portal.api.guard import BodyGuard
from portal.api.idempotency import IdempotencyMiddleware
from portal.api.security_headers import SecurityHeadersMiddleware
from portal.api.unexpected import UnexpectedErrors
from portal.board import problems
from portal.board.operations import make_scheduler
from portal.db import make_engine
from portal.site import questions as citizens_site
from portal.site.pages import router as public_router
from portal.site.services import router as services_router


def utc_now() -> datetime:
    return datetime.now(UTC)


@asynccontextmanager
async def _background(app: FastAPI) -> AsyncIterator[None]:
    """The scheduler (expiry, e-mail) runs while the server serves (issue 20)."""
    app.state.scheduler.start()
    try:
        yield
    finally:
        app.state.scheduler.stop()


def create_app(
    database_url: str,
    *,
    demo: bool = False,
    default_site: str | None = None,
    smtp: str | None = None,
) -> FastAPI:
    """The portal on ``database_url``; ``demo`` seeds an empty database with the demo content.

    The database is migrated to the newest schema first. ``app.state.clock`` is the one source
    of "now" (tests replace it to move time), ``app.state.engine`` the one database engine, and
    ``default_site`` (when given) overrides the portal's ``default_site`` setting for ``/``.
    ``app.state.trusted_proxies`` are the networks whose ``X-Forwarded-*`` headers are believed
    (``PORTAL_TRUSTED_PROXIES``, default loopback; see :mod:`portal.api.forwarded`).
    ``app.state.scheduler`` takes expired items down and sends the e-mail queue through
    ``smtp`` (``smtp[s]://[user:password@]host:port``; none: notices wait in the queue); it runs
    in the app's lifespan, or when the embedding code starts it (``PortalServer(background=…)``).
    """
    engine = make_engine(database_url)
    if demo:
        from portal.demo import seed_demo

        seed_demo(engine)
    app = FastAPI(
        title="Bàn biên tập: portal API",
        version="1",
        description="The reference portal server's API (see docs/api.md).",
        lifespan=_background,
    )
    app.state.engine = engine
    app.state.clock = utc_now
    app.state.scheduler = make_scheduler(engine, lambda: app.state.clock(), smtp)
    app.state.default_site = default_site
    app.state.trusted_proxies = trusted_from_environment()
    problems.install(app)
    openapi.install(app)  # errors as problem documents, the client's answers described
    for router in (auth.router, directory.router, changes.router, items.router, blobs.router):
        app.include_router(router)
    app.include_router(targets_api.router)  # publishing targets (issue 11)
    app.include_router(calendar_api.router)  # site calendar notices (issue 6)
    app.include_router(admin.router)  # sessions (issue 5)
    app.include_router(health.router)  # GET /healthz for the 24/7 monitoring (issue 19)
    app.include_router(questions_api.router)  # citizens' questions (issue 18)
    app.include_router(public_comments.router)  # consultation comments (issue 18)
    from portal.api import operations as operations_api  # restore, templates, mail (issue 20)

    app.include_router(operations_api.router)
    app.include_router(public_router)
    app.include_router(services_router)  # the online public services' catalogue (issue 19)
    app.include_router(citizens_site.router)
    # Outermost last: BodyGuard reads and checks the body before idempotency fingerprints it.
    app.add_middleware(IdempotencyMiddleware)
    app.add_middleware(BodyGuard)
    # Whatever escapes the layers above becomes a logged 500 problem document, inside the
    # security headers (portal.api.unexpected).
    app.add_middleware(UnexpectedErrors)
    # Security headers wrap every answer, refusals included; the client's real address and
    # scheme (portal.api.forwarded) are settled before anything else looks at them.
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(ForwardedMiddleware)
    return app


#: What :func:`app_from_environment` reads: each uvicorn worker process builds its own app.
DATABASE_ENV = "PORTAL_DATABASE_URL"
DEMO_ENV = "PORTAL_DEMO"
DEFAULT_SITE_ENV = "PORTAL_DEFAULT_SITE"
SMTP_ENV = "PORTAL_SMTP"


def app_from_environment() -> FastAPI:
    """The app factory for ``uvicorn --factory portal.app:app_from_environment`` (several workers).

    Reads ``PORTAL_DATABASE_URL`` (required), ``PORTAL_DEMO`` ("1" seeds an empty database) and
    ``PORTAL_DEFAULT_SITE``. Nothing is shared between workers but the database.
    """
    url = os.environ.get(DATABASE_ENV)
    if not url:
        raise RuntimeError(f"{DATABASE_ENV} is not set")
    return create_app(
        url,
        demo=os.environ.get(DEMO_ENV) == "1",
        default_site=os.environ.get(DEFAULT_SITE_ENV) or None,
        smtp=os.environ.get(SMTP_ENV) or None,
    )
