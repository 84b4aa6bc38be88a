"""A pool of worker processes, the dispatcher's executor for ``giaoviec ingest`` when no
broker is set: the extractor is CPU-bound Python, so a batch needs processes where the
server's uploads make do with threads. Each process runs
:func:`service.processing.process_document` with the settings it was given (not the
environment), dies with its parent, and logs to DATA_DIR/logs/ingest.log.

    >>> pool = ProcessPool(2, get_settings(), report=read_counts)
    >>> pool.send(42, match=False).result()["status"]
    'done'
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import resource
import signal
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from service.settings import Settings

# What a worker reports of a document once it is finished: at least its "status".
Report = Callable[[int], dict[str, Any]]

_WARM_TEXT = ("Năm 2022, đồng chí Nguyễn Văn An, Chủ tịch UBND xã Hòa Phú được giao 2 việc đột phá là: "
              "hoàn thành 3 km đường giao thông nông thôn; trồng mới 20 ha rừng.\n")
_warm = False
_settings: Settings | None = None  # in a worker process: the settings its pool gave it


def pool_settings(settings: Settings) -> Settings:
    """The settings each pool process works with: one Tesseract per process, so
    ``--workers N`` keeps the run to about N cores — an archivist who asks for 1 worker on
    a machine that also serves the review page means it, and N workers on N cores never
    run more Tesseracts than there are cores. An explicit ``GIAOVIEC_OCR_PROCESSES`` wins.

    >>> pool_settings(Settings(ocr_processes=0)).ocr_processes
    1
    """
    return settings.model_copy(update={"ocr_processes": settings.ocr_processes or 1})


class ProcessPool:
    """``processes`` worker processes started on the first :meth:`send`, forked from a
    warm parent where the platform allows (the models loaded once and shared)."""

    kind = "process pool"

    def __init__(self, processes: int, settings: Settings, *, report: Report):
        self.processes = processes
        self.settings = pool_settings(settings)
        self.report = report
        self._pool: ProcessPoolExecutor | None = None

    def send(self, document_id: int, *, match: bool = True) -> Future[dict[str, Any]]:
        """Process the document in a pool process; the future holds ``report(document_id)``
        and the process's peak memory (``maxrss_mb``). It raises when the pool broke (a
        process died: OOM killer, a crash in a native library)."""
        if self._pool is None:
            self._pool = _make_pool(self.processes, self.settings)
        return self._pool.submit(_process_in_worker, int(document_id), match, self.report)

    def restart(self) -> None:
        """Drop a broken pool (every document in it was cut short); the next send starts another."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def shutdown(self, *, kill: bool = False) -> None:
        """Stop the pool; ``kill``: at once (Ctrl-C), the documents it held are released by the caller."""
        if self._pool is None:
            return
        if kill:
            for p in list(getattr(self._pool, "_processes", {}).values()):
                p.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None


def _warm_up() -> None:
    """Load the extractor's models once, in the parent, before the pool is forked:
    every worker then starts warm and shares those pages (copy-on-write) instead of
    each spending ~15 s and its own memory loading them."""
    global _warm
    if _warm:
        return
    from extractor import extract

    with tempfile.TemporaryDirectory(prefix="giaoviec-warm-") as tmp:
        sample = Path(tmp) / "mau.txt"
        sample.write_text(_WARM_TEXT, encoding="utf-8")
        extract(sample)
    _warm = True


def _make_pool(processes: int, settings: Settings) -> ProcessPoolExecutor:
    if "fork" in multiprocessing.get_all_start_methods():
        _warm_up()
        # Move the loaded models out of the garbage collector's sight: a worker's full
        # collection would otherwise walk (and write to) every inherited object,
        # copying the parent's pages into each worker and costing each the same time.
        gc.collect()
        gc.freeze()
        # Safe to fork here: the parent runs no threads of its own (the progress bar's
        # monitor thread is off) and each child drops the inherited database pool.
        return ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_worker_init, initargs=(True, settings))
    return ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init, initargs=(False, settings))


def _worker_init(forked: bool, settings: Settings) -> None:
    """In each pool process: keep the settings it was given, die with the parent (so
    kill -9 of the run leaves no orphan processing a document), leave Ctrl-C to the parent."""
    global _settings
    _settings = settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)
    except OSError:  # not Linux: workers finish their document and exit on the broken pipe
        pass
    _log_to_file(Path(settings.data_dir) / "logs")
    from service.storage import db

    if forked:
        db.dispose()  # the parent's connections are not ours to use
    db.init_db(settings.database_url)


def _log_to_file(logs: Path) -> None:
    """Worker tracebacks go to ``logs``/ingest.log, not over the progress bar; each
    failure's reason is in the summary anyway."""
    logs.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(logs / "ingest.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)


def _process_in_worker(document_id: int, match: bool, report: Report) -> dict[str, Any]:
    """Process one document in a pool process and report it (``report`` runs here, in
    parallel, not in the parent between files) with this process's peak memory.

    When another worker holds the document (a fresh heartbeat: another run or a Celery
    worker), wait for it to finish or go stale instead of reporting it early.
    """
    from service.processing import process_document

    if _settings is None:
        raise RuntimeError("a pool process is started by ProcessPool (its _worker_init gives it the settings)")
    pause = max(0.5, min(5.0, _settings.stale_seconds / 4))
    while True:
        process_document(document_id, match=match, settings=_settings)
        counts = report(document_id)
        if counts["status"] in ("done", "failed"):
            break
        time.sleep(pause)
    # ru_maxrss is in KiB on Linux. (Not RUSAGE_CHILDREN: a forked child's peak counts
    # the parent's pages it was forked with, so it would only repeat this number.)
    return {"document_id": document_id, "counts": counts,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
