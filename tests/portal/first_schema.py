"""The first schema, frozen: the tables ``metadata.create_all`` made before migrations existed.

Tests build old databases with it (no ``alembic_version``), fill them, and upgrade them.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()
TZ = DateTime(timezone=True)

Table(
    "sites",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("settings", Text, nullable=False),
)
Table(
    "users",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("full_name", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("password_changed_at", TZ, nullable=False),
    Column("must_change_password", Boolean, nullable=False),
    Column("disabled", Boolean, nullable=False),
)
Table(
    "memberships",
    metadata,
    Column("username", ForeignKey("users.username"), primary_key=True),
    Column("site", ForeignKey("sites.id"), primary_key=True),
    Column("role", String(16), primary_key=True),
)
Table(
    "categories",
    metadata,
    Column("site", ForeignKey("sites.id"), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("unit", Text, nullable=False),
    Column("deadline", Text),
    Column("position", Integer, nullable=False),
)
Table(
    "grants",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("site", ForeignKey("sites.id"), nullable=False),
    Column("grantee", ForeignKey("users.username"), nullable=False),
    Column("step", String(16), nullable=False),
    Column("categories", Text, nullable=False),
    Column("valid_from", TZ, nullable=False),
    Column("valid_until", TZ),
    Column("granted_by", String(64), nullable=False),
    Column("decision_ref", Text, nullable=False),
    Column("revoked_at", TZ),
)
Table(
    "changes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("ref", String(64), nullable=False),
)
Table(
    "items",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("site", ForeignKey("sites.id"), nullable=False),
    Column("category", String(64), nullable=False),
    Column("state", String(16), nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("slug", String(160), unique=True),
    Column("data", Text, nullable=False),
    Column("change_seq", Integer, nullable=False, index=True),
)
Table(
    "item_versions",
    metadata,
    Column("item_id", ForeignKey("items.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("action", String(16), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("on_behalf_of", String(64)),
    Column("at", TZ, nullable=False),
    Column("comment", Text, nullable=False),
    Column("data", Text, nullable=False),
)
Table(
    "comments",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("item_id", ForeignKey("items.id"), nullable=False, index=True),
    Column("author", String(64), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("item_version", Integer, nullable=False),
    Column("change_seq", Integer, nullable=False, index=True),
)
Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("content_type", String(200), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("uploaded_by", String(64), nullable=False),
    Column("created_at", TZ, nullable=False),
)
Table(
    "access_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", ForeignKey("users.username"), nullable=False),
    Column("family", String(36), nullable=False, index=True),
    Column("expires_at", TZ, nullable=False),
    Column("revoked", Boolean, nullable=False),
)
Table(
    "refresh_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", ForeignKey("users.username"), nullable=False),
    Column("family", String(36), nullable=False, index=True),
    Column("created_at", TZ, nullable=False),
    Column("expires_at", TZ, nullable=False),
    Column("used", Boolean, nullable=False),
    Column("revoked", Boolean, nullable=False),
)
Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(200), nullable=False),
    Column("at", TZ, nullable=False),
    Index("ix_login_failures_user_at", "username", "at"),
)
Table(
    "idempotency",
    metadata,
    Column("caller", String(64), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("status", Integer, nullable=False),
    Column("headers", Text, nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("created_at", TZ, nullable=False),
    UniqueConstraint("caller", "key"),
)
