"""Issue 15: throttling that cannot lock the owner out, rotation that survives a lost answer,
idempotency claims that a crash does not leave behind.

- ``login_failures.family``: the session an attempt came with; its failures count against
  that session only.
- ``refresh_tokens.used_at``, ``used_address``, ``successor``, ``successor_access``: when and
  from where a refresh token was spent and what replaced it, and ``access_tokens.first_used_at``:
  so a retry of a lost refresh answer within the grace period can be told from a reuse.
- ``idempotency.owner``, ``lease_until``: which process holds a running claim, and until when.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("login_failures", sa.Column("family", sa.String(36)))
    op.create_index("ix_login_failures_family_at", "login_failures", ["family", "at"])
    op.add_column("access_tokens", sa.Column("first_used_at", TZ))
    op.add_column("refresh_tokens", sa.Column("used_at", TZ))
    op.add_column("refresh_tokens", sa.Column("used_address", sa.String(64)))
    op.add_column("refresh_tokens", sa.Column("successor", sa.String(64)))
    op.add_column("refresh_tokens", sa.Column("successor_access", sa.String(64)))
    op.add_column("idempotency", sa.Column("owner", sa.String(200)))
    op.add_column("idempotency", sa.Column("lease_until", TZ))


def downgrade() -> None:
    with op.batch_alter_table("idempotency") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("owner")
    with op.batch_alter_table("refresh_tokens") as batch:
        batch.drop_column("successor_access")
        batch.drop_column("successor")
        batch.drop_column("used_address")
        batch.drop_column("used_at")
    with op.batch_alter_table("access_tokens") as batch:
        batch.drop_column("first_used_at")
    op.drop_index("ix_login_failures_family_at", "login_failures")
    with op.batch_alter_table("login_failures") as batch:
        batch.drop_column("family")
