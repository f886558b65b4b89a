"""Issue 21 (a broad public search): SQLite's search index numbers its rows by the items' public
date (``portal.board.search_index.rowid``), so that a search reads the newest matches first
from the index and ranks a bounded set of them (``portal.site.indexed_search``); and
``public_search_ids`` is indexed by item (an item's row is no longer found from its id alone).

Existing rows are renumbered in place (FTS5 moves a row when its rowid is updated: nothing is
tokenized again). PostgreSQL's index orders by ``items.published_at`` and needs nothing.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from portal.board import search_index

    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(search_index.IDS_INDEX)
    rows = conn.execute(
        sa.text(
            "SELECT public_search_ids.rowid AS rowid, public_search_ids.item_id AS item_id, "
            "items.published_at AS published_at "
            "FROM public_search_ids JOIN items ON items.id = public_search_ids.item_id"
        ).columns(rowid=sa.Integer, item_id=sa.String, published_at=sa.DateTime)
    ).all()
    _renumber(
        conn, [(r.rowid, r.item_id, search_index.rowid(r.item_id, r.published_at)) for r in rows]
    )


def _renumber(conn: sa.Connection, moves: list[tuple[int, str, int]]) -> None:
    from portal.board import search_index

    for old, _item_id, wanted in moves:
        moved = {"old": old, "new": search_index.free_rowid(conn, wanted)}
        conn.execute(sa.text("UPDATE public_search SET rowid = :new WHERE rowid = :old"), moved)
        conn.execute(sa.text("UPDATE public_search_ids SET rowid = :new WHERE rowid = :old"), moved)


def downgrade() -> None:
    """Back to 0012's numbers (an id's SHA-256), which its code finds a row by."""
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    rows = conn.execute(sa.text("SELECT rowid, item_id FROM public_search_ids")).all()
    _renumber(
        conn,
        [
            (
                r.rowid,
                r.item_id,
                int.from_bytes(hashlib.sha256(r.item_id.encode()).digest()[:8], "big") >> 1,
            )
            for r in rows
        ],
    )
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_public_search_ids_item_id")
