"""Accent-insensitive document search (issue 14): ``documents.search_folded``.

The document list's search matched ``ILIKE`` on the name, number and title, so "dot pha"
found nothing where "đột phá" found 13, while every other filter ignores accents. The
folded text of name, number, title and issuer is kept in one column (the model keeps it
up to date), filled here for the documents already stored, with a trigram index on
PostgreSQL as for the other folded columns (0002).

Revision ID: 0005
Revises: 0004
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from service.storage.fold import fold

    op.add_column("documents", sa.Column("search_folded", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    docs = sa.table("documents", sa.column("id", sa.Integer), sa.column("name", sa.String),
                    sa.column("number", sa.String), sa.column("title", sa.Text), sa.column("issuer", sa.String),
                    sa.column("search_folded", sa.Text))
    rows = bind.execute(sa.select(docs.c.id, docs.c.name, docs.c.number, docs.c.title, docs.c.issuer)).all()
    values = [{"i": r.id, "f": fold(" ".join(v for v in (r.name, r.number, r.title, r.issuer) if v))} for r in rows]
    if values:
        bind.execute(sa.update(docs).where(docs.c.id == sa.bindparam("i")).values(search_folded=sa.bindparam("f")),
                     values)
    if bind.dialect.name == "postgresql":
        schema = bind.execute(sa.text(
            "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'")).scalar()
        if schema:
            op.execute("CREATE INDEX IF NOT EXISTS ix_documents_search_folded_trgm ON documents "
                       f"USING gin (search_folded {schema}.gin_trgm_ops)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_documents_search_folded_trgm")
    op.drop_column("documents", "search_folded")
