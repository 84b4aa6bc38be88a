"""Service settings: the only place giaoviec reads the environment.

Every setting can be given as an environment variable with the ``GIAOVIEC_`` prefix
(``GIAOVIEC_DATABASE_URL``, ``GIAOVIEC_DATA_DIR``, ``GIAOVIEC_BROKER_URL``, ...) or in
a ``.env`` file in the working directory.

    >>> from service.settings import get_settings
    >>> s = get_settings()
    >>> s.database_url
    'sqlite:///./data/giaoviec.db'
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Configuration of the service (database, files, workers, limits)."""

    model_config = SettingsConfigDict(env_prefix="GIAOVIEC_", env_file=".env", extra="ignore")

    # SQLite under ./data by default; PostgreSQL in production:
    # postgresql+psycopg://user@host:5432/db (add ?options=-csearch_path%3Dschema for a schema).
    database_url: str = "sqlite:///./data/giaoviec.db"
    # Originals are stored content-addressed under DATA_DIR/files/ab/cdef...
    data_dir: Path = Path("./data")
    # None: in-process worker pool. redis://127.0.0.1:6379/0: Celery workers (`giaoviec worker`).
    broker_url: str | None = None
    # Celery queue name (tests use one per run so parallel runs do not steal each other's jobs).
    queue: str = "giaoviec"
    # In-process pool size (threads: OCR runs in tesseract subprocesses).
    workers: int = 2
    # A job whose worker has not reported for this long is considered dead and re-queued.
    stale_seconds: int = 300
    # Celery: a document still queued this long after it was sent is sent again (its
    # message was lost, e.g. the broker was down at upload); a second message is harmless.
    queued_seconds: int = 300
    # A document whose worker was lost this many times (it crashes or hangs the reader)
    # is failed with the reason instead of being queued again.
    max_attempts: int = 3
    # A job running longer than this is failed ("timeout") and let go (0: no deadline).
    job_seconds: int = 3600
    # Redis transport: an unacknowledged job is handed out again after this long.
    visibility_timeout: int = 3600
    # Limits
    max_upload_bytes: int = 200 * 1024 * 1024
    # Every other request body (JSON: sign-in, corrections, bulk decisions).
    max_request_bytes: int = 1024 * 1024
    max_files_per_upload: int = 2000
    # Zip files, uploaded or ingested (service/zipwalk.py): files in all (nested included),
    # bytes unpacked in all, unpacked/packed ratio of a member over 1 MB, nesting depth.
    zip_max_members: int = 10_000
    zip_max_total_bytes: int = 4 * 1024 * 1024 * 1024
    zip_max_ratio: int = 100
    zip_max_depth: int = 4
    max_pages: int = 500
    page_limit_default: int = 50
    page_limit_max: int = 500
    # List totals are counted up to this many rows ("total_exact": false beyond): an
    # exact count of a broad text search over 100k tasks costs more than the page itself.
    count_cap: int = 1000
    # Duplicate score threshold (0-100), as in `giaoviec dedup --threshold`.
    dedup_threshold: float = 85.0
    # Tesseract processes per scanned document (0 = one per core). `giaoviec ingest
    # --workers N` gives each of its workers one, so the run uses about N cores; set it
    # to cores / workers for Celery workers sharing a machine.
    ocr_processes: int = 0
    # An API token stops working this many days after it was issued (sign in again).
    token_days: int = 30
    # Failed sign-ins allowed per name and per address within the window, then 429.
    login_failures_per_name: int = 5
    login_failures_per_address: int = 30
    login_window_seconds: int = 900
    # On `serve` start with no user: create an admin and print its token once.
    bootstrap_admin: bool = True
    # No start-up sweep and no periodic sweeper in `serve` (for tools that seed rows directly).
    eager_jobs: bool = False

    @property
    def files_dir(self) -> Path:
        return Path(self.data_dir) / "files"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read once.

    Example::

        >>> get_settings().workers
        2

    Tests that change the environment call ``get_settings.cache_clear()``.
    """
    return Settings()
