"""Role assignments record their decision (issue 19, AG-10.1): the number of the agency's
decision that designates the official, as grants already do.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("memberships") as batch:
        batch.add_column(sa.Column("decision_ref", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("memberships") as batch:
        batch.drop_column("decision_ref")
