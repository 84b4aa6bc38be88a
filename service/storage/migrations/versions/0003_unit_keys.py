"""Unit keys across the 2025 administrative reform.

Each assignment keeps the grouping key of its unit (the old district where there was
one, e.g. ``legacy:08.073`` for huyện Chiêm Hóa) and, in ``assignment_units``, every
legacy and current unit key it belongs to, so the register can be grouped and filtered
by current or historical units (``extractor.units.unit_keys``).

Revision ID: 0003
Revises: 0002
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("assignments") as batch:
        batch.add_column(sa.Column("unit_key", sa.String(40), nullable=True))
        batch.create_index("ix_assignments_unit_key", ["unit_key"])
    op.create_table(
        "assignment_units",
        sa.Column("assignment_id", sa.Integer(), sa.ForeignKey("assignments.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("key", sa.String(40), primary_key=True),
    )
    op.create_index("ix_assignment_units_key", "assignment_units", ["key"])


def downgrade() -> None:
    op.drop_index("ix_assignment_units_key", table_name="assignment_units")
    op.drop_table("assignment_units")
    with op.batch_alter_table("assignments") as batch:
        batch.drop_index("ix_assignments_unit_key")
        batch.drop_column("unit_key")
