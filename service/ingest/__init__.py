"""Batch ingest (số hóa hàng loạt): store and process every document below a folder.

Archivists bring folders of past years, nested by year and unit ("2019/Chiêm Hóa/…"),
some packed in .zip files (zips inside zips too). ``giaoviec ingest DIR`` stores each
file exactly as an upload is stored (:func:`service.processing.store_upload`) and
processes it exactly as an upload is processed (:func:`service.processing.process_document`):

- on a local process pool (``--workers N``, one process per core by default: the
  extractor is CPU-bound Python, threads would share one core), or
- on Celery workers when ``GIAOVIEC_BROKER_URL`` is set (``giaoviec worker`` on any
  number of machines sharing the database and the data directory); ingest then only
  stores, queues and watches the database;

both chosen by :func:`service.jobs.dispatcher`, as for uploads.

Duplicates are matched once for the whole run, not per document: workers read,
extract and store (``process_document(..., match=False)`` leaves each document
``done`` at stage ``dedup``), and when every document is finished the parent adds
all the new tasks to the duplicate index in one pass
(:func:`service.storage.dedup.match_pending`). Per-document matching made the
workers take turns on a lock and each add every other worker's tasks to an index of
its own, which is what kept two workers from being twice as fast as one.

Resumable and idempotent: a file whose bytes are already stored is ``skipped``; a
document stored but never finished (the run was interrupted, even by ``kill -9``) is
picked up again; documents stored by a run killed before its duplicate pass are
matched by the next run's pass (or by the service's next upload); the claim in
``process_document`` makes sure a document is processed once even when two runs
meet. A failure never stops the run: it becomes a row of the summary with its reason.

The package: :mod:`~service.ingest.find` (files below DIR, through the uploads' zip
walker), :mod:`~service.ingest.ledger` (which documents a run holds),
:mod:`~service.ingest.summary` (SUMMARY.csv and the totals), :mod:`~service.ingest.progress`
(the bar) and :mod:`~service.ingest.run` (the run itself).

    >>> from service.ingest import ingest
    >>> result = ingest("archive/", workers=2, summary="summary.csv")
    >>> result.counts["done"], result.failures_by_reason
    (998, {'unreadable': 2})
"""
from __future__ import annotations

from service.ingest.find import FoundFile, find_files, path_hints, read_found
from service.ingest.ledger import RunLedger
from service.ingest.run import ingest
from service.ingest.summary import SUMMARY_COLUMNS, IngestResult, Row, read_summary, write_summary

__all__ = ["SUMMARY_COLUMNS", "FoundFile", "IngestResult", "Row", "RunLedger", "find_files", "ingest", "path_hints",
           "read_found", "read_summary", "write_summary"]
