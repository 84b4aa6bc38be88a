"""Duplicate matching of stored tasks with ``extractor.dedup`` (the project's own scorer).

Each process keeps a :class:`extractor.dedup.DedupIndex` in memory, warm-started from
DATA_DIR/dedup/index-THRESHOLD.pkl. Before matching it adds every stored task it does
not hold yet (whatever process stored it), so a pair is found whichever document came
first. A file lock serialises matching across processes (in-process pool, Celery
workers, ``giaoviec ingest``): with tasks committed before matching, the later of two
documents always sees the earlier one's tasks. Pairs are written once (unique on task ids).

An upload is matched as soon as it is stored (:func:`match_document`). A batch
(``giaoviec ingest``) stores its documents unmatched (``done``, stage ``dedup``) and
matches them all in one pass at the end (:func:`match_pending`): workers then never
wait on the lock nor each add the other's tasks to an index of their own. Whatever
catch-up comes first (the batch pass, the next upload, the next ingest run) takes
the pending documents up.

    >>> from service.storage.dedup import match_document, match_pending
    >>> match_document(settings)  # number of new DuplicatePair rows
    3
    >>> match_pending(settings)   # (tasks added to the index, new pairs)
    (7630, 14960)

``settings`` are the caller's (:class:`service.settings.Settings`): the data directory
holds the index, ``dedup_threshold`` is the score a pair needs.
"""
from __future__ import annotations

import fcntl
import logging
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from service.settings import Settings
from service.storage.db import session_scope
from service.storage.models import Assignment, Document, DuplicatePair, Task

log = logging.getLogger("giaoviec.dedup")

_lock = threading.Lock()
_index = None  # (DedupIndex, path) for this process
_last_save = 0.0
_unsaved = 0
SAVE_EVERY_SECONDS = 60.0
SAVE_EVERY_TASKS = 2000


def index_path(settings: Settings) -> Path:
    """Where this data directory keeps the index for the settings' threshold."""
    return Path(settings.data_dir) / "dedup" / f"index-{settings.dedup_threshold:g}.pkl"


@contextmanager
def _file_lock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock, open(path.with_suffix(".lock"), "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _open_index(path: Path, threshold: float):
    global _index
    from extractor.dedup import DedupIndex

    if _index is not None and _index[1] == path:
        return _index[0]
    try:
        idx = DedupIndex.open(path, threshold)
    except (ValueError, OSError, EOFError) as err:  # stale format or a torn file: rebuild from the database
        log.warning("%s; rebuilding the duplicate index from the database", err)
        idx = DedupIndex(path, threshold)
    _index = (idx, path)
    return idx


def _refs(session, ids: list[int]):
    from extractor.dedup import TaskRef

    out = []
    for chunk in range(0, len(ids), 5000):
        part = ids[chunk:chunk + 5000]
        rows = session.execute(select(Task.id, Task.extracted_text, Task.text, Task.year, Assignment.cadre,
                                      Assignment.unit)
                               .join(Assignment, Task.assignment_id == Assignment.id)
                               .where(Task.id.in_(part)).order_by(Task.id))
        for tid, extracted, text, year, cadre, unit in rows:
            out.append(TaskRef(str(tid), extracted or text, cadre=cadre, unit=unit, year=year))
    return out


def _pending_documents(session) -> list[int]:
    """Documents a batch stored without matching (``done``, stage still ``dedup``)."""
    return list(session.scalars(select(Document.id).where(Document.status == "done", Document.stage == "dedup")))


def _mark_matched(session, document_ids: list[int]) -> None:
    for i in range(0, len(document_ids), 500):
        session.execute(update(Document).where(Document.id.in_(document_ids[i:i + 500]), Document.status == "done",
                                               Document.stage == "dedup")
                        .values(stage="done").execution_options(synchronize_session=False))


def _catch_up(settings: Settings, *, save: bool) -> tuple[int, int]:
    """Add every stored task the index lacks, store the pairs, then save the index (when
    due, or ``save``): in that order, so a process killed in between leaves tasks that
    are stored but not in the saved index, found again by the next pass, never pairs
    lost. Documents left pending by a batch whose tasks this pass covered are marked
    matched. Returns (tasks added, new pairs)."""
    global _last_save, _unsaved
    path = index_path(settings)
    with _file_lock(path):
        idx = _open_index(path, settings.dedup_threshold)
        with session_scope() as s:
            # Pending documents first, then tasks: a document marked done after storing
            # its tasks cannot be in the first list without its tasks in the second.
            pending = _pending_documents(s)
            all_ids = s.scalars(select(Task.id)).all()
            missing = sorted(i for i in all_ids if str(i) not in idx)
            refs = _refs(s, missing) if missing else []
        pairs = idx.add(refs) if refs else []
        n = store_pairs(pairs)
        _unsaved += len(refs)
        now = time.monotonic()
        if _unsaved and (save or _unsaved >= SAVE_EVERY_TASKS or now - _last_save >= SAVE_EVERY_SECONDS):
            idx.save()
            _last_save, _unsaved = now, 0
        if pending:
            with session_scope() as s:
                _mark_matched(s, pending)
    return len(refs), n


def match_document(settings: Settings) -> int:
    """Bring the index up to date with every stored task and store the new pairs, after
    a document is stored (whichever document: every stored task not yet in the index is
    added and matched, a batch's pending documents included). Returns the number of new
    pairs.
    """
    return _catch_up(settings, save=False)[1]


def match_pending(settings: Settings) -> tuple[int, int]:
    """The batch pass of ``giaoviec ingest``: match, in one go, every document stored
    with ``process_document(..., match=False)`` (by this run, or by a run killed before
    its own pass), and save the index. Returns (tasks added to the index, new pairs).

    One ``DedupIndex.add`` of the whole batch replaces a locked, per-document catch-up
    in every worker (each worker's own index had to add every task of every worker).

    >>> match_pending(settings)
    (7630, 14960)
    """
    with session_scope() as s:
        if not _pending_documents(s):
            return 0, 0
    return _catch_up(settings, save=True)


def _pair_rows(session, pairs) -> dict[tuple[int, int], object]:
    """The pairs worth inserting: both tasks still stored, pair not stored yet; by (a, b)."""
    by_key: dict[tuple[int, int], object] = {}
    for p in pairs:
        a, b = sorted((int(p.a), int(p.b)))
        by_key.setdefault((a, b), p)
    ids = sorted({x for key in by_key for x in key})
    alive: set[int] = set()
    stored: set[tuple[int, int]] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        alive.update(session.scalars(select(Task.id).where(Task.id.in_(chunk))))
        stored.update((a, b) for a, b in session.execute(select(DuplicatePair.task_a_id, DuplicatePair.task_b_id)
                                                         .where(DuplicatePair.task_a_id.in_(chunk))))
    return {k: p for k, p in by_key.items() if k[0] in alive and k[1] in alive and k not in stored}


def store_pairs(pairs) -> int:
    """Insert pairs whose tasks still exist and that are not stored yet; returns how many.

    One multi-row insert (a batch brings thousands); when it collides with a pair another
    process stored meanwhile, or a task deleted meanwhile, row by row instead.
    """
    if not pairs:
        return 0
    with session_scope() as s:
        rows = _pair_rows(s, pairs)
        if not rows:
            return 0
        values = [{"task_a_id": a, "task_b_id": b, "score": float(p.score), "kind": str(p.kind),
                   "reason": p.reason, "status": "pending"} for (a, b), p in rows.items()]
        try:
            with s.begin_nested():
                s.execute(insert(DuplicatePair), values)
            stored = list(rows)
        except IntegrityError:
            stored = []
            for v in values:
                try:
                    with s.begin_nested():
                        s.execute(insert(DuplicatePair), [v])
                    stored.append((v["task_a_id"], v["task_b_id"]))
                except IntegrityError:  # stored meanwhile by another process, or a task just deleted
                    continue
        if stored:
            recluster(s, sorted({x for key in stored for x in key}))
    return len(stored)


MAX_CLUSTER = 200


def recluster(session, task_ids) -> None:
    """Give every pair in the groups touching ``task_ids`` the group's id.

    A group is a connected set of tasks linked by pairs not decided ``distinct``; its
    id is its smallest task id (stable as the group grows). Walks at most MAX_CLUSTER
    tasks, so one very common template cannot make a giant group. The pairs of the
    tasks asked about are read in a few queries up front (a batch touches thousands),
    those of tasks reached beyond them as the walk gets there.
    """
    from sqlalchemy import or_

    task_ids = list(task_ids)
    links: dict[int, list[tuple[int, int, int]]] = {}

    def load(ids) -> None:
        todo = sorted({i for i in ids if i not in links})
        for i in range(0, len(todo), 500):
            chunk = todo[i:i + 500]
            asked = set(chunk)
            for t in chunk:
                links[t] = []
            for pid, a, b in session.execute(
                    select(DuplicatePair.id, DuplicatePair.task_a_id, DuplicatePair.task_b_id)
                    .where(DuplicatePair.status != "distinct",
                           or_(DuplicatePair.task_a_id.in_(chunk), DuplicatePair.task_b_id.in_(chunk)))):
                for x in (a, b):
                    if x in asked:
                        links[x].append((pid, a, b))

    load(task_ids)
    seen_tasks: set[int] = set()
    cluster_of: dict[int, int] = {}
    for start in task_ids:
        if start in seen_tasks:
            continue
        group, frontier, pair_ids = {start}, [start], set()
        while frontier and len(group) < MAX_CLUSTER:
            load(frontier)
            rows = {row for t in frontier for row in links[t]}
            frontier = []
            for pid, a, b in sorted(rows):
                pair_ids.add(pid)
                for x in (a, b):
                    if x not in group:
                        group.add(x)
                        frontier.append(x)
        seen_tasks |= group
        for pid in pair_ids:
            cluster_of[pid] = min(group)
    if cluster_of:
        session.execute(update(DuplicatePair), [{"id": pid, "cluster": c} for pid, c in cluster_of.items()])
    # pairs decided distinct belong to no group
    for i in range(0, len(task_ids), 500):
        chunk = task_ids[i:i + 500]
        session.execute(update(DuplicatePair).where(DuplicatePair.status == "distinct",
                                                    or_(DuplicatePair.task_a_id.in_(chunk),
                                                        DuplicatePair.task_b_id.in_(chunk)))
                        .values(cluster=None).execution_options(synchronize_session=False))


def flush(settings: Settings) -> None:
    """Save the in-memory index now (at shutdown)."""
    global _unsaved
    path = index_path(settings)
    with _file_lock(path):
        if _index is not None and _unsaved:
            _index[0].save()
            _unsaved = 0


def reset() -> None:
    """Forget the in-memory index (tests switch data directories)."""
    global _index, _unsaved
    with _lock:
        _index, _unsaved = None, 0
