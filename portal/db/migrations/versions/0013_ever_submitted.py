"""Issue 21 (the portal's writes): ``items.ever_submitted``, whether the item was ever submitted
(``"submit"`` in its steps), so that ``/changes`` decides who may see a row in SQL
(``portal.board.changes.visible``, the same rule as ``desktop.models.can_see``) instead of
parsing every changed item's JSON.

Existing rows are filled from their JSON, a thousand at a time.

Also an index on ``idempotency.created_at``: every claim of a key first forgets the keys older
than a day, which scanned the whole table on every write.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import orjson
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    op.add_column(
        "items",
        sa.Column("ever_submitted", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_idempotency_created_at", "idempotency", ["created_at"])
    conn = op.get_bind()
    items = sa.table(
        "items",
        sa.column("id", sa.String),
        sa.column("data", sa.Text),
        sa.column("ever_submitted", sa.Boolean),
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
        submitted = [row.id for row in rows if _submitted(row.data)]
        if submitted:
            conn.execute(
                sa.update(items).where(items.c.id.in_(submitted)).values(ever_submitted=True)
            )
        after = rows[-1].id


def _submitted(data: str) -> bool:
    try:
        steps = orjson.loads(data).get("steps")
    except (orjson.JSONDecodeError, AttributeError):
        return False
    return isinstance(steps, dict) and "submit" in steps


def downgrade() -> None:
    op.drop_index("ix_idempotency_created_at", "idempotency")
    with op.batch_alter_table("items") as batch:
        batch.drop_column("ever_submitted")
