"""API shapes (the agreed HTTP API); not the extractor's records.

Dates are ISO 8601 in the API (the page shows dd/mm/yyyy). Fields may be added,
never removed: the review page (service/ui) and outside tools rely on them.
"""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["clerk", "reviewer", "admin"]
DbId = Annotated[int, Field(ge=1, le=2_147_483_647)]
ReviewStatus = Literal["pending", "confirmed", "rejected"]
DocStatus = Literal["queued", "processing", "done", "failed"]


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list (newest first; ``limit`` and ``offset`` choose it). ``total`` is
    exact when ``total_exact`` is true, else counting stopped at ``COUNT_CAP`` and there
    are more. Each list names its own page (``class DocList(Page[DocOut])``) so the OpenAPI
    document keeps the names clients know."""

    items: list[T]
    total: int
    total_exact: bool = Field(default=True, description="false: there are more than total "
                                                            "(counting stops at a cap)")


class SpanOut(BaseModel):
    page: int
    start: int
    end: int


class ErrorOut(BaseModel):
    code: str
    message: str


class UserOut(BaseModel):
    id: int
    name: str
    role: str


class UserListed(UserOut):
    active: bool = Field(description="may sign in; false once disabled")
    password: bool = Field(description="has a password to sign in with")


class UserCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    role: Role
    password: str | None = Field(default=None, max_length=500)


class UserCreated(UserOut):
    token: str


class Revoked(BaseModel):
    id: int
    revoked: int = Field(description="how many live tokens were revoked")


class LoginIn(BaseModel):
    token: str | None = Field(default=None, max_length=500)
    name: str | None = Field(default=None, max_length=200)
    password: str | None = Field(default=None, max_length=500)


class LoginOut(BaseModel):
    token: str
    user: UserOut


class UploadedDoc(BaseModel):
    id: int
    name: str
    sha256: str
    status: str
    duplicate: bool


class UploadOut(BaseModel):
    documents: list[UploadedDoc]


class DocOut(BaseModel):
    id: int
    name: str
    sha256: str
    size: int | None = None
    format: str | None
    kind: str | None
    number: str | None
    title: str | None
    issuer: str | None = None
    date: str | None = None
    pages: int
    status: str
    stage: str
    pages_done: int
    error: ErrorOut | None
    assignments: int
    tasks: int
    open_reviews: int
    uploaded_by: str | None
    uploaded_at: datetime | None
    processed_at: datetime | None = None
    attempts: int = 0
    ocr: bool
    warnings: list[str] = []
    statistics: list[dict] = []


class DocList(Page[DocOut]):
    pass


class WordBoxOut(BaseModel):
    """A word OCR read: the characters ``start``-``end`` of the page text it became, and its
    box in the pixels of the page image (``PageOut.width`` x ``PageOut.height``)."""
    start: int
    end: int
    x: int
    y: int
    w: int
    h: int


class PageOut(BaseModel):
    number: int
    text: str
    ocr: bool
    confidence: float | None
    quality: float | None
    needs_review: bool
    image: str | None
    # Optional (issue 14, scan highlights): present only for scanned pages whose reader gave
    # word boxes; clients must work without them.
    width: int | None = Field(default=None, description="the OCR'd page image's width in pixels")
    height: int | None = Field(default=None, description="the OCR'd page image's height in pixels")
    words: list[WordBoxOut] | None = Field(default=None, description="word boxes for highlights on the image; "
                                                                      "null when the reader gave none")


class PeriodOut(BaseModel):
    text: str | None
    start: int | None
    end: int | None


class TaskOut(BaseModel):
    id: int
    text: str
    period: PeriodOut | None
    span: SpanOut | None
    confidence: float
    status: str
    corrected: bool = False
    extracted_text: str | None = None


class TaskRow(TaskOut):
    cadre: str | None
    position: str | None = None
    unit: str | None
    year: int | None
    assignment_id: int
    document_id: int
    document_name: str | None = None


class TaskList(Page[TaskRow]):
    pass


class AssignmentOut(BaseModel):
    id: int
    document_id: int
    document_name: str | None = None
    cadre: str
    position: str | None
    unit: str | None
    unit_key: str | None = None  # across the 2025 reform; filter with ?unit_key=, labels at /api/units
    period: PeriodOut | None
    declared_count: int | None
    span: SpanOut | None
    confidence: float
    warnings: list[str]
    status: str
    fields: dict | None
    tasks: list[TaskOut]
    corrected: list[str]
    extracted: dict | None = None


class AssignmentList(Page[AssignmentOut]):
    pass


class AssignmentPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cadre: str | None = Field(default=None, min_length=1, max_length=300)
    position: str | None = Field(default=None, max_length=2000)
    unit: str | None = Field(default=None, max_length=2000)
    period_start: int | None = Field(default=None, ge=1900, le=2200)
    period_end: int | None = Field(default=None, ge=1900, le=2200)
    status: ReviewStatus | None = None


class TaskPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(default=None, min_length=1, max_length=5000)
    status: ReviewStatus | None = None


class BulkReview(BaseModel):
    assignment_ids: list[DbId] = Field(default=[], max_length=10000)
    task_ids: list[DbId] = Field(default=[], max_length=10000)
    status: Literal["confirmed", "rejected", "pending"]


class Updated(BaseModel):
    updated: int


class DupSide(BaseModel):
    task_id: int
    text: str
    cadre: str | None
    unit: str | None
    year: int | None
    document_id: int
    document_name: str | None
    span: SpanOut | None
    assignment_id: int | None = None
    status: str | None = None


class DupOut(BaseModel):
    id: int
    score: float
    kind: str | None
    reason: str | None
    status: str
    cluster: int | None
    decided_by: str | None = None
    decided_at: datetime | None = None
    a: DupSide
    b: DupSide


class DupList(Page[DupOut]):
    pass


class DupDecision(BaseModel):
    decision: Literal["duplicate", "distinct", "merge", "pending"]


class DupBulk(BaseModel):
    ids: list[DbId] = Field(max_length=10000)
    decision: Literal["duplicate", "distinct", "merge", "pending"]


class UnitYear(BaseModel):
    unit: str | None
    year: int | None
    assignments: int
    tasks: int
    confirmed: int


class StatsOut(BaseModel):
    by_unit_year: list[UnitYear]
    documents: dict[str, int]
    duplicates: dict[str, int] = {}


class AuditOut(BaseModel):
    id: int
    at: datetime
    user_id: int | None
    user_name: str | None
    action: str
    entity: str
    entity_id: int | None
    before: dict | None
    after: dict | None


class AuditList(Page[AuditOut]):
    pass


class Accepted(BaseModel):
    id: int
    status: str


# ---- the review queue (issue 14): records a reviewer adds or deletes, and the backlog


class SpanIn(BaseModel):
    """Where the reviewer selected the text: page number and offsets into that page's text."""
    model_config = ConfigDict(extra="forbid")
    page: int = Field(ge=1, le=100_000)
    start: int = Field(ge=0, le=10_000_000)
    end: int = Field(ge=1, le=10_000_000)


class AssignmentCreate(BaseModel):
    """A cadre the extraction missed, added by a reviewer (confirmed unless said otherwise)."""
    model_config = ConfigDict(extra="forbid")
    document_id: DbId
    cadre: str = Field(min_length=1, max_length=300)
    position: str | None = Field(default=None, max_length=2000)
    unit: str | None = Field(default=None, max_length=2000)
    period_start: int | None = Field(default=None, ge=1900, le=2200)
    period_end: int | None = Field(default=None, ge=1900, le=2200)
    span: SpanIn | None = None
    status: ReviewStatus = "confirmed"


class TaskCreate(BaseModel):
    """A task the extraction missed, added to an assignment by a reviewer."""
    model_config = ConfigDict(extra="forbid")
    assignment_id: DbId
    text: str = Field(min_length=1, max_length=5000)
    span: SpanIn | None = None
    status: ReviewStatus = "confirmed"


class Counted(BaseModel):
    total: int
    reviewed: int


class ReviewProgress(BaseModel):
    """The whole backlog: how much is reviewed (not pending), and documents still waiting."""
    assignments: Counted
    tasks: Counted
    documents: Counted
    waiting_documents: int


class NextDocument(BaseModel):
    document_id: int | None
    name: str | None = None
    open_reviews: int = 0


class DupDecisionOut(BaseModel):
    id: int
    pair_id: int
    decision: str
    user_name: str | None
    at: datetime
    pair: DupOut | None = None


class DupHistory(Page[DupDecisionOut]):
    pass
