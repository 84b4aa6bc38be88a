"""Word boxes of a scanned page (issue 14: highlights on the page image, not only on the
OCR text): ``pages.words``, each word OCR read with its box in the page image's pixels and
the characters of the page text it became. Empty (null) until the reader gives boxes, and
for pages that were not scanned.

Revision ID: 0008
Revises: 0007
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("pages", sa.Column("words", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("pages", "words")
