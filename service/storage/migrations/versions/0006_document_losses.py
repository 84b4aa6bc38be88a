"""Jobs that die are counted (issue 13): ``documents.losses``.

A file that killed its worker was re-queued forever: ``attempts`` counted every claim and
was never compared. ``losses`` counts the claims whose worker was lost (the sweeper found
its heartbeat stale); at ``GIAOVIEC_MAX_ATTEMPTS`` the document is ``failed`` with a
reason instead of being queued again. A re-run by a user starts the count over.

Revision ID: 0006
Revises: 0005
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("losses", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    op.drop_column("documents", "losses")
