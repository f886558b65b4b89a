"""Security (issue 5): password history, the audit log, login failures by client address.

- ``password_history``: each account's recent password hashes (Argon2id), so the last five
  cannot be used again; every account's current hash is copied in as its first entry.
- ``audit``: logins, logouts, token reuse, password changes and resets, role, grant and session
  changes, and every editorial action, with who, when, from which address and on whose behalf.
- ``login_failures.address``: failed logins are also limited per client address.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "password_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), sa.ForeignKey("users.username"), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_password_history_user", "password_history", ["username", "id"])
    op.execute(
        "INSERT INTO password_history (username, password_hash, changed_at) "
        "SELECT username, password_hash, password_changed_at FROM users ORDER BY username"
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("on_behalf_of", sa.String(64)),
        sa.Column("subject", sa.String(64)),
        sa.Column("site", sa.String(64)),
        sa.Column("item_id", sa.String(64)),
        sa.Column("action", sa.String(32)),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_site_id", "audit", ["site", "id"])
    op.create_index("ix_audit_actor_id", "audit", ["actor", "id"])
    op.create_index("ix_audit_subject_id", "audit", ["subject", "id"])
    op.add_column("login_failures", sa.Column("address", sa.String(64)))
    op.create_index("ix_login_failures_address_at", "login_failures", ["address", "at"])


def downgrade() -> None:
    op.drop_index("ix_login_failures_address_at", "login_failures")
    with op.batch_alter_table("login_failures") as batch:
        batch.drop_column("address")
    op.drop_table("audit")
    op.drop_table("password_history")
