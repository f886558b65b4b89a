"""Issue 19 (the public site's details): each blob keeps the name of the file it was uploaded
from, so the public page shows "Quyết định 12-2026.pdf" instead of a sha256 or "Tệp 1".

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("blobs", sa.Column("name", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("blobs") as batch:
        batch.drop_column("name")
