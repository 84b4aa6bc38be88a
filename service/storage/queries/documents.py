"""The statements of /api/documents' reads: the list, a document's pages and assignments."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from service.storage.models import Assignment, Document, Page


def has_assignment(conds: Sequence[ColumnElement[bool]]) -> ColumnElement[bool]:
    """A document condition: it has an assignment meeting ``conds``."""
    return select(Assignment.id).where(Assignment.document_id == Document.id, *conds).exists()


def document_ids(conds: Sequence[ColumnElement[bool]]) -> Select[int]:
    """The ids of the documents meeting ``conds`` (to count them, or for ``json_page``)."""
    return select(Document.id).where(*conds)


def documents_page(session: Session, columns: Sequence[InstrumentedAttribute[Any]],
                   conds: Sequence[ColumnElement[bool]], limit: int, offset: int) -> Sequence[Row[*tuple[Any, ...]]]:
    """``columns`` of the documents meeting ``conds``, newest first, ``limit`` from ``offset``."""
    return session.execute(select(*columns).where(*conds).order_by(Document.id.desc())
                           .limit(limit).offset(offset)).all()


def pages_of(session: Session, document_id: int) -> Sequence[Page]:
    """A document's pages in order."""
    return session.scalars(select(Page).where(Page.document_id == document_id).order_by(Page.number)).all()


def assignments_of(session: Session, document_id: int) -> Sequence[Assignment]:
    """A document's assignments in the order they were found (then added)."""
    return session.scalars(select(Assignment).where(Assignment.document_id == document_id)
                           .order_by(Assignment.ordinal, Assignment.id)).all()
