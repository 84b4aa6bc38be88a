"""The FastAPI application: the agreed API under /api and the review page at /.

    $ giaoviec serve                        # http://127.0.0.1:8000, SQLite under ./data
    $ uvicorn service.app:app               # the same app

On start (lifespan) the database is migrated to the newest schema, documents left
unfinished by a previous run are re-queued, and a sweeper watches for jobs whose
worker died. The extraction models load in the workers, once per process.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI

from service.settings import get_settings

log = logging.getLogger("giaoviec.app")


REQUEST_THREADS = 10  # = the database pool (storage.db.make_engine's pool_size)


def limit_request_threads() -> None:
    """Run at most REQUEST_THREADS sync routes at once per process (anyio's default is 40).

    Each running route holds a database connection; past the pool's 10, SQLAlchemy opens
    an overflow connection per request and closes it after, so under 50 concurrent
    clients PostgreSQL forked and ended a backend for most requests. More threads than
    that also only queue on the GIL: the work is CPU-bound Python.
    """
    from anyio import to_thread

    to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS


@asynccontextmanager
async def lifespan(app: FastAPI):
    from service import jobs
    from service.storage.db import init_db

    settings = get_settings()
    init_db(settings.database_url)
    limit_request_threads()
    sweeper = None
    if not settings.eager_jobs:
        try:
            # In-process mode: the queue died with the last process, so queued rows are re-queued too.
            jobs.sweep(settings, include_queued=not jobs.uses_celery(settings))
        except Exception:
            log.warning("start-up sweep failed", exc_info=True)
        sweeper = jobs.Sweeper(max(2.0, settings.stale_seconds / 2)).start()
    try:
        yield
    finally:
        if sweeper:
            sweeper.stop()
        jobs.shutdown_runner(wait=False)


def create_app() -> FastAPI:
    """Build the app (routes only; the database is opened in the lifespan)."""
    from service.api import routers

    app = FastAPI(
        title="giaoviec",
        version="0.1.0",
        description="Đọc văn bản giao việc đột phá: tải lên, trích xuất, rà soát, xuất. "
                    "Every /api call needs `Authorization: Bearer TOKEN` (except POST /api/auth/login).",
        lifespan=lifespan,
        docs_url=None,  # served from our own assets below (FastAPI's loads Swagger from a CDN)
        redoc_url=None,
    )
    for r in routers:
        app.include_router(r)
    from service.limits import BodyLimit

    settings = get_settings()
    app.add_middleware(BodyLimit, json_bytes=settings.max_request_bytes, upload_bytes=settings.max_upload_bytes,
                       token_days=settings.token_days)
    from service.headers import SecurityHeaders, add_docs

    app.add_middleware(SecurityHeaders)  # outermost: the body cap's own answers get the headers too
    add_docs(app)

    @app.get("/healthz", include_in_schema=False)
    def healthz():
        return {"ok": True}

    try:  # the review page (engineer F); the API works without it
        from fastapi.staticfiles import StaticFiles

        from service.ui import STATIC_DIR
        from service.ui import router as ui_router

        app.include_router(ui_router)
        app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    except ImportError:
        log.info("service.ui is not installed; serving the API only")
    return app


app = create_app()
