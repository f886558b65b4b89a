"""Schema migrations (Alembic, kept inside the package so an installed portal can migrate itself).

:func:`upgrade` brings any portal database to the newest revision in place: an empty database is
built from the first revision up; a database made by the old ``create_all`` (tables but no
``alembic_version``) is stamped as the first revision and upgraded from there. Several server
processes starting at once take turns (a database lock), so only one of them migrates.
"""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.engine import Connection

from portal import db
from portal.board import calendar as _calendar  # noqa: F401 - its table joins db.metadata
from portal.board import consultation as _consultation  # noqa: F401 - issue 18's tables
from portal.board import defences as _defences  # noqa: F401
from portal.board import mail as _mail  # noqa: F401 - its tables join db.metadata
from portal.board import targets as _targets  # noqa: F401 - its tables join db.metadata
from portal.board import templates as _templates  # noqa: F401 - its table joins db.metadata

FIRST_REVISION = "0001"
_LOCK = "portal:migrate"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("portal.db") / "migrations"))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine_or_conn: Engine | Connection) -> str | None:
    """The database's revision; None for an empty one or one made before migrations."""
    if isinstance(engine_or_conn, Engine):
        with engine_or_conn.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    return MigrationContext.configure(engine_or_conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Migrate to ``revision`` (default: the newest); returns the revision the database was at."""
    head = head_revision() if revision == "head" else revision
    if current_revision(engine) == head:  # the common case: nothing to do, no lock taken
        return head
    with db.writing(engine) as conn:
        db.lock(conn, _LOCK)
        before = current_revision(conn)
        if before == head:  # another process migrated while we waited
            return before
        config = alembic_config()
        config.attributes["connection"] = conn
        if before is None and inspect(conn).has_table("sites"):
            command.stamp(config, FIRST_REVISION)  # made by create_all, before migrations
            before = FIRST_REVISION
        command.upgrade(config, revision)
        return before
