"""The unit + year review list within its target on both databases (issue 14).

PostgreSQL: the pg_trgm GIN indexes of 0002 and 0005 were made with ``fastupdate`` on, so rows
inserted since the last vacuum wait in a pending list that every search reads from end to
end (up to ``gin_pending_list_limit``, 4 MB). Uploads and ingests insert all day, so the
accent-free filters (unit, cadre, search) paid for that list on every count: after
seeding 100k tasks, ``unit LIKE '%hoa phu%'`` read 321 pending pages and took 4-13 ms,
0.8 ms once the list was merged. The review pages read far more often than documents
arrive, so the indexes are updated at insert time instead (``fastupdate = off``: the
PostgreSQL manual's advice when "consistent response time is more important than update
speed"), and what is pending now is merged.

SQLite: no trigram index, so ``unit LIKE '%x%' AND year`` is read row by row; counting it
walked the ``(status, period_start)`` index and looked up every row it named (29 ms for
20k assignments). ``(unit_folded, period_start, period_end)`` holds all the columns the
filter reads, so the count reads that index alone (1.2 ms; 20k assignments).

Revision ID: 0007
Revises: 0006
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the trigram indexes of 0002 and 0005 (made only where pg_trgm could be installed)
TRGM_INDEXES = ["ix_tasks_text_folded_trgm", "ix_assignments_unit_folded_trgm",
                "ix_assignments_cadre_folded_trgm", "ix_assignments_position_folded_trgm",
                "ix_documents_search_folded_trgm"]
SQLITE_INDEX = ("ix_assignments_unit_year", "assignments", ["unit_folded", "period_start", "period_end"])


def _existing(names: list[str]) -> list[str]:
    """Those of ``names`` that are indexes in the current schema (search_path)."""
    rows = op.get_bind().execute(sa.text(
        "SELECT c.relname FROM pg_class c WHERE c.relkind = 'i' AND c.relname = ANY(:names) "
        "AND c.relnamespace = current_schema()::regnamespace"), {"names": names})
    return [r[0] for r in rows]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for name in _existing(TRGM_INDEXES):
            op.execute(f"ALTER INDEX {name} SET (fastupdate = off)")
            op.execute(f"SELECT gin_clean_pending_list('{name}'::regclass)")
    elif dialect == "sqlite":
        name, table, cols = SQLITE_INDEX
        op.create_index(name, table, cols)
        # A database analysed before (sqlite_stat1 exists) would be planned with statistics
        # for every index but this one, and SQLite then kept the (status, period_start) walk
        # (30 ms); with none at all, or with this one's too, it reads the new index.
        if op.get_bind().execute(sa.text(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")).first():
            op.execute("ANALYZE assignments")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for name in _existing(TRGM_INDEXES):
            op.execute(f"ALTER INDEX {name} RESET (fastupdate)")
    elif dialect == "sqlite":
        op.drop_index(SQLITE_INDEX[0], table_name=SQLITE_INDEX[1])
