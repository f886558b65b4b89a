"""The citizens' side (issue 18): questions, consultation comments, and the anonymous writes'
counters (rate limits and duplicates, kept a day).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("site", sa.String(64), sa.ForeignKey("sites.id"), nullable=False),
        sa.Column("tracking_code", sa.String(16), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("email", sa.Text),
        sa.Column("phone", sa.Text),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("assigned_to", sa.String(64)),
        sa.Column("redirected_to", sa.Text),
        sa.Column("response", sa.Text, nullable=False, server_default=""),
        sa.Column("answer_item", sa.String(64)),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
        sa.Column("contact_erased_at", sa.DateTime(timezone=True)),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_questions_site_received", "questions", ["site", "received_at"])
    op.create_index("ix_questions_answer_item", "questions", ["answer_item"])
    op.create_table(
        "public_comments",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("email", sa.Text),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_public_comments_item_id", "public_comments", ["item_id"])
    op.create_table(
        "public_writes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_public_writes_address_at", "public_writes", ["address", "at"])
    op.create_index("ix_public_writes_fingerprint", "public_writes", ["fingerprint"])


def downgrade() -> None:
    op.drop_table("public_writes")
    op.drop_table("public_comments")
    op.drop_table("questions")
