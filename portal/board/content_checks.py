"""What the portal checks of an item's content beyond the workflow (issue 6, BD-11).

Kept apart from ``portal.board.service`` so the workflow stays readable: the section's structured
fields are validated on submit, with the same declarations the editor builds its form from.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from desktop.models import CategoryKind, Item
from desktop.models.checks import Problem
from desktop.models.fields import validate_metadata
from portal import db


def category_kind(conn: Connection, site: str, category: str) -> CategoryKind:
    kind = conn.execute(
        select(db.categories.c.kind).where(
            db.categories.c.site == site, db.categories.c.id == category
        )
    ).scalar()
    try:
        return CategoryKind(kind or "free")
    except ValueError:
        return CategoryKind.FREE


def metadata_problems(conn: Connection, item: Item, at: datetime) -> list[Problem]:
    """The section's missing or malformed fields; a consultation's deadline after today."""
    kind = category_kind(conn, item.site, item.category)
    return validate_metadata(kind, item.metadata, published_on=at.date())
