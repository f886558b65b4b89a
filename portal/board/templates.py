"""Templates per section (mẫu tin theo chuyên mục, issue 20): the content a new item in a
section starts from. The administrator sets them on the portal (``portal-server template set``);
clients read them (``GET /api/v1/sites/{site}/templates``) and the editor starts from them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Column, DateTime, ForeignKey, String, Table, Text, delete, insert, select
from sqlalchemy.engine import Connection

from desktop.models import ModelError, parse_content
from portal import db
from portal.board.directory import BoardError, category_ids, directory_changed

section_templates = Table(
    "section_templates",
    db.metadata,
    Column("site", String(64), ForeignKey("sites.id"), primary_key=True),
    Column("category", String(64), primary_key=True),
    Column("content", Text, nullable=False),  # JSON: content fields, as a writer sends them
    Column("updated_by", String(64), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

#: What a template may fill in: the text and the section's fields, never the workflow.
TEMPLATE_FIELDS = ("title", "summary", "body", "metadata", "author", "unit", "language")


def set_template(
    conn: Connection, site: str, category: str, content: dict[str, Any], by: str, at: datetime
) -> dict[str, Any]:
    """Set (or replace) a section's template; its fields are checked like an item's."""
    if category not in category_ids(conn, site):
        raise BoardError("unknown_category", f"no category {category!r} on {site!r}")
    unknown = sorted(set(content) - set(TEMPLATE_FIELDS))
    if unknown:
        raise BoardError(
            "bad_template",
            f"a template may not set {unknown[0]!r}; use {', '.join(TEMPLATE_FIELDS)}",
        )
    try:
        parse_content(content)
    except ModelError as error:
        raise BoardError("bad_template", f"{error.field}: {error.message}") from None
    conn.execute(
        delete(section_templates).where(
            section_templates.c.site == site, section_templates.c.category == category
        )
    )
    conn.execute(
        insert(section_templates).values(
            site=site,
            category=category,
            content=orjson.dumps(content).decode(),
            updated_by=by,
            updated_at=at,
        )
    )
    directory_changed(conn, site)  # clients get it with the sections at their next sync
    return content


def remove_template(conn: Connection, site: str, category: str) -> bool:
    result = conn.execute(
        delete(section_templates).where(
            section_templates.c.site == site, section_templates.c.category == category
        )
    )
    if result.rowcount:
        directory_changed(conn, site)
    return result.rowcount > 0


def list_templates(conn: Connection, site: str) -> dict[str, dict[str, Any]]:
    """Section id → its template's content fields."""
    rows = conn.execute(
        select(section_templates.c.category, section_templates.c.content).where(
            section_templates.c.site == site
        )
    )
    return {row.category: orjson.loads(row.content) for row in rows}
