"""List pages whose JSON PostgreSQL builds (issue 14: the lists at a reviewer's pace).

``json_page`` answers ``/api/assignments``, ``/api/tasks`` and ``/api/documents`` on
PostgreSQL in one statement: the matching ids newest first, up to ``COUNT_CAP`` + 1 (what
the page and its capped count both need: the filter's rows are read once, not once for
the page and again to count), and the page's items built as JSON text by the database
and spliced into the answer. A page of 50 assignments holds 250 tasks; as Python rows and
dicts, encoded again, they cost the server ~5 ms of CPU a request, and each extra round
trip ~1 ms between server and database.

The shapes are ``assignment_out``, ``task_row`` and ``doc_out``'s (``common.py``), key for
key; tests/service/api/test_lists.py compares them on both databases. SQLite keeps the Python
path (no JSON aggregation worth the name there, and no network between).

    >>> json_page(session, select(Task.id).where(*conds), TASKS_AS_JSON, page)
"""
from __future__ import annotations

from fastapi import Response
from sqlalchemy import case, func, literal_column, null, or_, select
from sqlalchemy.orm import Session

from .deps import PageParams


def _period(alias: str) -> str:
    """``common.period``: null when the period has no text, start or end."""
    return (f"CASE WHEN {alias}.period_text IS NULL AND {alias}.period_start IS NULL AND {alias}.period_end IS NULL "
            f"THEN NULL ELSE json_build_object('text', {alias}.period_text, 'start', {alias}.period_start, "
            f"'end', {alias}.period_end) END")


def _list(col: str) -> str:
    """``list(x or [])`` of a JSON column (SQL NULL or JSON null: an empty list)."""
    return f"CASE WHEN {col} IS NULL OR json_typeof({col}) = 'null' THEN '[]'::json ELSE {col} END"


def _iso(col: str) -> str:
    """A timestamptz as the one-document answer (Pydantic) writes it, in UTC:
    ``2024-05-06T07:08:09Z``, with six digits of microseconds when there are any."""
    utc = f"({col} AT TIME ZONE 'UTC')"
    return (f"to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_part('microseconds', {utc})::int "
            f"% 1000000 <> 0 THEN to_char({utc}, '.US') ELSE '' END || 'Z'")


def _task(t: str) -> str:
    """``task_out``'s keys of the task ``t``."""
    return (f"'id', {t}.id, 'text', {t}.text, 'period', {_period(t)}, 'span', {t}.span, "
            f"'confidence', {t}.confidence, 'status', {t}.status, 'corrected', coalesce({t}.corrected, false), "
            f"'extracted_text', {t}.extracted_text")


# Each reads the page's ids from the CTE ``p`` (newest first) and gives one JSON array as text.
ASSIGNMENTS_AS_JSON = f"""(SELECT coalesce(json_agg(json_build_object(
    'id', a.id, 'document_id', a.document_id, 'document_name', d.name, 'cadre', a.cadre,
    'position', a.position, 'unit', a.unit, 'unit_key', a.unit_key, 'period', {_period('a')},
    'declared_count', a.declared_count, 'span', a.span, 'confidence', a.confidence,
    'warnings', coalesce(a.warnings, '[]'::json), 'status', a.status, 'fields', a.fields,
    'tasks', coalesce((SELECT json_agg(json_build_object({_task('t')}) ORDER BY t.ordinal, t.id)
                       FROM tasks t WHERE t.assignment_id = a.id), '[]'::json),
    'corrected', coalesce(a.corrected, '[]'::json), 'extracted', a.extracted) ORDER BY a.id DESC), '[]'::json)::text
  FROM p JOIN assignments a ON a.id = p.id JOIN documents d ON d.id = a.document_id)"""

TASKS_AS_JSON = f"""(SELECT coalesce(json_agg(json_build_object({_task('t')},
    'cadre', a.cadre, 'position', a.position, 'unit', a.unit, 'year', t.year, 'assignment_id', t.assignment_id,
    'document_id', t.document_id, 'document_name', d.name) ORDER BY t.id DESC), '[]'::json)::text
  FROM p JOIN tasks t ON t.id = p.id JOIN assignments a ON a.id = t.assignment_id
  JOIN documents d ON d.id = t.document_id)"""

# assignments, tasks and open reviews (pending assignments + tasks) per document, as doc_counts
DOCUMENTS_AS_JSON = f"""(SELECT coalesce(json_agg(json_build_object(
    'id', d.id, 'name', d.name, 'sha256', d.sha256, 'size', d.size, 'format', d.format, 'kind', d.kind,
    'number', d.number, 'title', d.title, 'issuer', d.issuer, 'date', d.date, 'pages', coalesce(d.pages, 0),
    'status', d.status, 'stage', d.stage, 'pages_done', coalesce(d.pages_done, 0),
    'error', CASE WHEN d.error_code IS NULL OR d.error_code = '' THEN NULL
                  ELSE json_build_object('code', d.error_code, 'message', coalesce(d.error_message, '')) END,
    'uploaded_by', d.uploaded_by, 'uploaded_at', {_iso('d.uploaded_at')},
    'processed_at', {_iso('d.processed_at')}, 'attempts', coalesce(d.attempts, 0),
    'ocr', coalesce(d.ocr, false), 'warnings', {_list('d.warnings')}, 'statistics', {_list('d.statistics')},
    'assignments', ac.n, 'tasks', tc.n, 'open_reviews', ac.pending + tc.pending) ORDER BY d.id DESC), '[]'::json)::text
  FROM p JOIN documents d ON d.id = p.id
  CROSS JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE x.status = 'pending') AS pending
                      FROM assignments x WHERE x.document_id = d.id) ac
  CROSS JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE x.status = 'pending') AS pending
                      FROM tasks x WHERE x.document_id = d.id) tc)"""


def json_page(session: Session, matching, as_json: str, page: PageParams, *, count_apart: bool = False) -> Response:
    """The page at ``offset`` of ``matching`` (a select of one id column, unordered), newest
    first, as ``{"items", "total", "total_exact"}`` (``schemas.Page``) in one statement.

    Totals are those of ``page_total``: exact up to ``COUNT_CAP``, else the cap and
    ``total_exact`` false. ``count_apart``: the page and the count are read apart (a text
    search over tasks matches thousands of rows, which a sequential read counts for a
    fifth of the CPU of a walk newest first); only a full page, or an empty one past the
    start, is counted. Deep in a list (past the cap) the same, and a full page there
    needs no count: the list holds more than the cap.
    """
    limit, offset, cap = page.limit, page.offset, page.count_cap
    id_col = matching.selected_columns[0]
    if not count_apart and offset + limit <= cap + 1:
        m = matching.order_by(id_col.desc()).limit(cap + 1).cte("m")
        p = select(m.c.id).order_by(m.c.id.desc()).limit(limit).offset(offset).cte("p")
        n, body = session.execute(select(select(func.count()).select_from(m).scalar_subquery(),
                                         literal_column(as_json)).add_cte(m, p)).one()
        total, exact = min(n, cap), n <= cap
    else:
        p = matching.order_by(id_col.desc()).limit(limit).offset(offset).cte("p")
        n_page = select(func.count()).select_from(p).scalar_subquery()
        when = ([n_page == limit] if offset + limit <= cap else []) + ([n_page == 0] if offset else [])
        counted = (case((or_(*when), select(func.count()).select_from(matching.limit(cap + 1).subquery())
                         .scalar_subquery())) if when else null())
        n, c, body = session.execute(select(n_page, counted, literal_column(as_json)).add_cte(p)).one()
        if c is not None:
            total, exact = min(c, cap), c <= cap
        elif n == limit:  # a full page past the cap: there are more than the cap
            total, exact = cap, False
        else:  # a short page ends the list
            total, exact = offset + n, True
    # The page is read: end the transaction here, in the route's thread, so the request's
    # session closes on the event loop without another hop to the thread pool (deps._end).
    session.commit()
    return Response(f'{{"items":{body},"total":{int(total)},"total_exact":{"true" if exact else "false"}}}',
                    media_type="application/json")
