"""Alembic's environment for the portal: always run from Python with a connection handed in.

``portal.db.schema.upgrade`` opens the connection (and takes the migration lock) and passes it as
``config.attributes["connection"]``; the command line ``alembic`` is not needed.
"""

from __future__ import annotations

from alembic import context

from portal.db import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through portal.db.schema.upgrade (portal-server migrate)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
