"""The SQL the API's routes run, out of the route modules: one module per resource
(``duplicates``, ``review``, ``people``, ``reports``, ``documents``, ``assignments``). A
function takes the session and plain values and runs a statement or a few; the routes
(``service/api/``) check who may ask and shape the answers.

    >>> from service.storage.queries import capped_count
    >>> capped_count(session, select(Task.id), 1000)
    (1000, False)
"""
from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

__all__ = ["capped_count"]


def capped_count(session: Session, stmt: Select[int], cap: int) -> tuple[int, bool]:
    """Count the rows of ``stmt`` (a select of one column), stopping at ``cap``.

    Returns ``(total, exact)``; ``exact`` is False when there are more than ``cap``.
    """
    n = session.scalar(select(func.count()).select_from(stmt.limit(cap + 1).subquery())) or 0
    return (min(n, cap), n <= cap)
