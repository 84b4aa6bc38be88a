"""SQLAlchemy 2 models: what the service stores.

văn bản = Document, trang = Page, cán bộ được giao việc = Assignment, nội dung = Task,
cặp trùng lặp = DuplicatePair, quyết định rà soát = ReviewDecision, nhật ký = AuditLog.

Folded columns (``*_folded``) hold the text lower-cased without tone marks
(``fold("Hòa Phú") == "hoa phu"``) so a search typed without accents finds it.
Migrations live in ``service/storage/migrations``; change a model, then add a revision.
"""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


TZ = DateTime(timezone=True)


class User(Base):
    """A person using the service: clerk (upload, read), reviewer (+ decide), admin (+ users)."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user", cascade="all, delete-orphan")


class ApiToken(Base):
    """An API token; only its SHA-256 is stored, the token itself is shown once."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(TZ)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    user: Mapped[User] = relationship(back_populates="tokens")


class Document(Base):
    """An uploaded file. ``status``: queued|processing|done|failed; ``stage`` says where it is."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    format: Mapped[str | None] = mapped_column(String(20))
    kind: Mapped[str | None] = mapped_column(String(20))
    number: Mapped[str | None] = mapped_column(String(200))
    issuer: Mapped[str | None] = mapped_column(String(500))
    date: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    pages_done: Mapped[int] = mapped_column(Integer, default=0)
    ocr: Mapped[bool] = mapped_column(Boolean, default=False)
    stage: Mapped[str] = mapped_column(String(20), default="queued")
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    error_code: Mapped[str | None] = mapped_column(String(40))
    error_message: Mapped[str | None] = mapped_column(Text)
    uploaded_by: Mapped[str | None] = mapped_column(String(200))
    uploaded_at: Mapped[datetime] = mapped_column(TZ, default=utcnow, index=True)
    hints: Mapped[dict | None] = mapped_column(JSON)
    warnings: Mapped[list | None] = mapped_column(JSON)
    statistics: Mapped[list | None] = mapped_column(JSON)
    # Job bookkeeping: the claim (compare-and-set on status) and the worker's heartbeat.
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    runs: Mapped[int] = mapped_column(Integer, default=0)  # completed extractions
    # claims whose worker was lost (stale heartbeat); at MAX_ATTEMPTS the document fails
    losses: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    job_id: Mapped[str | None] = mapped_column(String(64))
    heartbeat_at: Mapped[datetime | None] = mapped_column(TZ)
    processed_at: Mapped[datetime | None] = mapped_column(TZ)

    # name, number, title and issuer folded (``fold``): the document search matches without
    # accents like every other search ("dot pha" finds "đột phá"); kept by _fold_search.
    search_folded: Mapped[str] = mapped_column(Text, default="")

    page_rows: Mapped[list[Page]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                 order_by="Page.number")
    assignments: Mapped[list[Assignment]] = relationship(back_populates="document",
                                                         cascade="all, delete-orphan",
                                                         order_by="Assignment.ordinal")


class Page(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    ocr: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float | None] = mapped_column(Float)
    quality: Mapped[float | None] = mapped_column(Float)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    # OCR word boxes for highlights on the page image: [{"start", "end", "x", "y", "w", "h"}]
    # (offsets into ``text``, pixels of the page image); null until the reader gives them
    words: Mapped[list | None] = mapped_column(JSON)
    document: Mapped[Document] = relationship(back_populates="page_rows")


class Assignment(Base):
    """A cadre given tasks in a document. ``extracted`` keeps what the model said;
    ``corrected`` names the fields a reviewer changed (a re-run leaves those alone)."""

    __tablename__ = "assignments"
    __table_args__ = (
        Index("ix_assignments_unit_folded", "unit_folded"),
        Index("ix_assignments_cadre_folded", "cadre_folded"),
        Index("ix_assignments_status_start", "status", "period_start"),
        Index("ix_assignments_status_id", "status", "id"),  # status lists newest first (migration 0004)
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    cadre: Mapped[str] = mapped_column(String(300))
    position: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(Text)
    period_text: Mapped[str | None] = mapped_column(String(200))
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)
    declared_count: Mapped[int | None] = mapped_column(Integer)
    span: Mapped[dict | None] = mapped_column(JSON)
    fields: Mapped[dict | None] = mapped_column(JSON)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    warnings: Mapped[list | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    corrected: Mapped[list | None] = mapped_column(JSON)
    extracted: Mapped[dict | None] = mapped_column(JSON)
    cadre_folded: Mapped[str] = mapped_column(String(300), default="")
    position_folded: Mapped[str] = mapped_column(Text, default="")
    unit_folded: Mapped[str] = mapped_column(Text, default="")
    # Grouping key of the unit across the 2025 reform ("legacy:08.073"); every legacy and
    # current key it falls under is in AssignmentUnit (see migration 0003).
    unit_key: Mapped[str | None] = mapped_column(String(40), index=True)
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(TZ, default=utcnow, onupdate=utcnow)

    document: Mapped[Document] = relationship(back_populates="assignments")
    tasks: Mapped[list[Task]] = relationship(back_populates="assignment", cascade="all, delete-orphan",
                                             order_by="Task.ordinal")


class Task(Base):
    """nội dung: one task of an assignment, with its span, confidence and review status."""

    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_status_year", "status", "year"),
        Index("ix_tasks_year", "year"),
        Index("ix_tasks_status_id", "status", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    text_folded: Mapped[str] = mapped_column(Text, default="")
    extracted_text: Mapped[str | None] = mapped_column(Text)
    period_text: Mapped[str | None] = mapped_column(String(200))
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)
    # The year used for filtering: the task's own period start, else its assignment's.
    year: Mapped[int | None] = mapped_column(Integer)
    span: Mapped[dict | None] = mapped_column(JSON)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    source: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="pending")
    corrected: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(TZ, default=utcnow, onupdate=utcnow)

    assignment: Mapped[Assignment] = relationship(back_populates="tasks")


class AssignmentUnit(Base):
    """One unit key (legacy or current) an assignment's unit falls under."""

    __tablename__ = "assignment_units"
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"),
                                               primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class DuplicatePair(Base):
    """A suggested near-duplicate pair of tasks (task_a_id < task_b_id).

    ``status``: pending | duplicate | distinct | merged.
    """

    __tablename__ = "duplicate_pairs"
    __table_args__ = (UniqueConstraint("task_a_id", "task_b_id"), Index("ix_dup_status", "status", "score"))
    id: Mapped[int] = mapped_column(primary_key=True)
    task_a_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    task_b_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float)
    kind: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    cluster: Mapped[int | None] = mapped_column(Integer)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(TZ)
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)


class ReviewDecision(Base):
    """One reviewer decision (confirm/reject an assignment or task, decide a pair)."""

    __tablename__ = "review_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer, index=True)
    decision: Mapped[str] = mapped_column(String(40))
    user_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TZ, default=utcnow)


class AuditLog(Base):
    """Every write: who, when, what, and the values before and after."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(TZ, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    user_name: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)


def _fold_search(mapper, connection, doc: Document) -> None:
    """Keep ``Document.search_folded`` in step with the fields it folds (ORM writes only)."""
    from service.storage.fold import fold

    doc.search_folded = fold(" ".join(v for v in (doc.name, doc.number, doc.title, doc.issuer) if v))


event.listen(Document, "before_insert", _fold_search)
event.listen(Document, "before_update", _fold_search)
