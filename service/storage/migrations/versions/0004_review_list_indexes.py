"""Indexes for the review lists at 100k+ tasks (issue 5).

The lists are ordered newest first (``ORDER BY id DESC``) and filtered by review status;
``(status, id)`` lets PostgreSQL and SQLite walk one status backwards in id order, so a
page deep in "pending" (``offset=5000``) and its capped total read the index instead of
filtering the whole table. Accent-insensitive text filters use the pg_trgm indexes of
0002.

Revision ID: 0004
Revises: 0003
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = [("ix_assignments_status_id", "assignments", ["status", "id"]),
           ("ix_tasks_status_id", "tasks", ["status", "id"])]


def upgrade() -> None:
    for name, table, cols in INDEXES:
        op.create_index(name, table, cols)
    if op.get_bind().dialect.name == "postgresql":
        # Fresh statistics, so the planner weighs the new indexes against the trigram ones.
        op.execute("ANALYZE assignments")
        op.execute("ANALYZE tasks")


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
