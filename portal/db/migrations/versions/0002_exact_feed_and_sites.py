"""An exact change feed (one counter row, numbers in commit order) and portal-wide settings.

- ``feed_counter``: a single row whose ``seq`` every write transaction increments under its row
  lock, so change numbers are handed out in commit order (see docs/deploy.md). It starts at the
  highest number already given out; the old ``changes`` log (whose numbers came from a sequence,
  out of commit order on PostgreSQL) is dropped: every item and comment keeps its number.
- ``portal_settings``: key/value settings of the whole portal (``default_site``).
- an index for the public pages of one site.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    counter = op.create_table(
        "feed_counter",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    bind = op.get_bind()
    highest = 0
    for table, column in (("changes", "seq"), ("items", "change_seq"), ("comments", "change_seq")):
        found = bind.execute(sa.text(f"SELECT MAX({column}) FROM {table}")).scalar()
        highest = max(highest, int(found or 0))
    op.bulk_insert(counter, [{"id": 1, "seq": highest}])
    op.drop_table("changes")
    op.create_table(
        "portal_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_index("ix_items_site_state", "items", ["site", "state"])


def downgrade() -> None:
    # The old sequence would hand out numbers already used: restore a backup instead.
    raise NotImplementedError("0002 is not reversible; restore the pre-upgrade backup")
