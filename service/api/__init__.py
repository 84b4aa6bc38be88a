"""HTTP API routes by resource (the agreed API; see service/schemas.py for shapes).

``routers`` is what service/app.py includes, all under ``/api``.
"""
from __future__ import annotations

from . import account, assignments, documents, duplicates, people, reports, review

routers = [people.router, account.router, documents.router, assignments.router, review.router, duplicates.router,
           reports.router]
