"""Publishing targets (issue 11): a site's outside CMSs, and which remote post holds each item.

- ``publish_targets``: a site's targets (kind ``wordpress``, URL, settings as JSON: category
  map, whether missing categories are created, what a take-down does).
- ``publications``: per (item, target) the remote post id and URL, the claim that makes it
  exactly once (an approver's client claims the row before it creates the post), the item
  version last sent, and a take-down's reason. ``version`` is the row's ETag.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "publish_targets",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("site", sa.String(64), sa.ForeignKey("sites.id"), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("settings", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_publish_targets_site", "publish_targets", ["site"])
    op.create_table(
        "publications",
        sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), primary_key=True),
        sa.Column("target", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("remote_id", sa.String(64)),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("claim", sa.String(64), nullable=False),
        sa.Column("claimed_by", sa.String(64), nullable=False),
        sa.Column("claimed_at", TZ, nullable=False),
        sa.Column("item_version", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("publications")
    op.drop_index("ix_publish_targets_site", table_name="publish_targets")
    op.drop_table("publish_targets")
