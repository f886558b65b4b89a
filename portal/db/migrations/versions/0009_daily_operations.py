"""Issue 20, daily editorial operations.

- ``items.publish_at``, ``items.expire_at``: copies of the content fields (UTC) so that the
  public pages filter on them in SQL and the scheduler finds what expires;
- ``mail_outbox``: e-mail notices waiting to be sent, with their attempts and the claim of the
  process sending them; ``mail_settings``: each person's address, language and opt-out;
- ``section_templates``: the content a new item in a section starts from.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("items", sa.Column("publish_at", TZ))
    op.add_column("items", sa.Column("expire_at", TZ))
    op.create_index("ix_items_state_expire_at", "items", ["state", "expire_at"])
    op.create_table(
        "mail_settings",
        sa.Column("username", sa.String(64), sa.ForeignKey("users.username"), primary_key=True),
        sa.Column("address", sa.Text, nullable=False, default=""),
        sa.Column("language", sa.String(8), nullable=False, default="vi"),
        sa.Column("opted_out", sa.Boolean, nullable=False, default=False),
    )
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dedupe", sa.String(200), nullable=False, unique=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("event", sa.String(32), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("html", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, default=0),
        sa.Column("next_attempt_at", TZ, nullable=False),
        sa.Column("owner", sa.String(200)),
        sa.Column("lease_until", TZ),
        sa.Column("last_error", sa.Text, nullable=False, default=""),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("sent_at", TZ),
    )
    op.create_index("ix_mail_outbox_status_next", "mail_outbox", ["status", "next_attempt_at"])
    op.create_table(
        "section_templates",
        sa.Column("site", sa.String(64), sa.ForeignKey("sites.id"), primary_key=True),
        sa.Column("category", sa.String(64), primary_key=True),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("section_templates")
    op.drop_index("ix_mail_outbox_status_next", "mail_outbox")
    op.drop_table("mail_outbox")
    op.drop_table("mail_settings")
    op.drop_index("ix_items_state_expire_at", "items")
    with op.batch_alter_table("items") as batch:
        batch.drop_column("expire_at")
        batch.drop_column("publish_at")
