"""Trigram indexes for accent-insensitive substring search (PostgreSQL only).

``LIKE '%hoa phu%'`` on the folded columns cannot use a b-tree; with pg_trgm a GIN
index serves it, which keeps filtering fast at 100k+ tasks. Where the extension
cannot be created (no permission), search still works, only slower.

Revision ID: 0002
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = [("tasks", "text_folded"), ("assignments", "unit_folded"), ("assignments", "cadre_folded"),
           ("assignments", "position_folded")]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():
            # In public, so every schema of the database shares one installation.
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
    except sa.exc.DBAPIError:
        pass
    schema = bind.execute(sa.text(
        "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'")).scalar()
    if not schema:
        return
    for table, col in COLUMNS:
        op.execute(f"CREATE INDEX IF NOT EXISTS ix_{table}_{col}_trgm "
                   f"ON {table} USING gin ({col} {schema}.gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, col in COLUMNS:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_{col}_trgm")
