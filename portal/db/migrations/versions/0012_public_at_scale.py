"""Issue 21 (the public site at scale): copies of what the public pages sort and filter by, so
that no page parses every published item, and the body rendered once at publish.

- ``items.published_at`` (the date readers see), ``language``, ``translation_of``,
  ``body_html`` (the rendered body of a published item), ``changed_at`` (the row's last write);
- indexes for the home page's sections, the feed, the translations and the schedule's
  boundaries (the public pages' ETag);
- ``public_search``, the public search's index (``portal.board.search_index``: FTS5 on SQLite,
  ``tsvector`` with GIN on PostgreSQL).

Existing rows are filled from their JSON (``portal.board.public_columns``), a thousand at a time,
and the published ones indexed.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import orjson
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
INDEXES = {
    "ix_items_state_publish_at": ["state", "publish_at"],
    "ix_items_state_published_at": ["state", "published_at"],
    "ix_items_site_state_published_at": ["site", "state", "published_at"],
    "ix_items_section_published_at": ["site", "state", "category", "published_at"],
    "ix_items_translation_of": ["translation_of", "site", "state"],
    "ix_items_public_row": ["id", "state", "site", "publish_at", "expire_at", "published_at"],
}
BATCH = 1000


def upgrade() -> None:
    op.add_column("items", sa.Column("published_at", TZ))
    op.add_column("items", sa.Column("language", sa.String(8), nullable=False, server_default="vi"))
    op.add_column("items", sa.Column("translation_of", sa.String(64)))
    op.add_column("items", sa.Column("body_html", sa.Text))
    op.add_column("items", sa.Column("changed_at", TZ))
    from portal.board import search_index

    search_index.create(op.get_bind())
    _fill()
    for name, columns in INDEXES.items():
        op.create_index(name, "items", columns)


def _fill() -> None:
    from desktop.models import Item
    from portal.board import search_index
    from portal.board.public_columns import public_columns

    conn = op.get_bind()
    items = sa.table(
        "items",
        sa.column("id", sa.String),
        sa.column("data", sa.Text),
        sa.column("published_at", TZ),
        sa.column("language", sa.String),
        sa.column("translation_of", sa.String),
        sa.column("body_html", sa.Text),
        sa.column("changed_at", TZ),
    )
    after = ""
    while True:
        rows = conn.execute(
            sa.select(items.c.id, items.c.data)
            .where(items.c.id > after)
            .order_by(items.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        for row in rows:
            item = Item.from_dict(orjson.loads(row.data))
            conn.execute(
                sa.update(items).where(items.c.id == row.id).values(**public_columns(item))
            )
            search_index.index_item(conn, item)
        after = rows[-1].id


def downgrade() -> None:
    from portal.board import search_index

    search_index.drop(op.get_bind())
    for name in INDEXES:
        op.drop_index(name, "items")
    with op.batch_alter_table("items") as batch:
        for column in ("changed_at", "body_html", "translation_of", "language", "published_at"):
            batch.drop_column(column)
