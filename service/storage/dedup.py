"""Duplicate matching of stored tasks with ``extractor.dedup`` (the project's own scorer).

Each process keeps a :class:`extractor.dedup.DedupIndex` in memory, warm-started from
DATA_DIR/dedup/index.pkl. Before matching it adds every stored task it does not hold
yet (whatever process stored it), so a pair is found whichever document came first.
A file lock serialises matching across processes (in-process pool, Celery workers,
``giaoviec ingest``): with tasks committed before matching, the later of two documents
always sees the earlier one's tasks. Pairs are written once (unique on task ids).

    >>> from service.storage.dedup import match_document
    >>> match_document(42)       # number of new DuplicatePair rows
    3
"""
from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from service.settings import get_settings
from service.storage.db import session_scope
from service.storage.models import Assignment, DuplicatePair, Task

log = logging.getLogger("giaoviec.dedup")

_lock = threading.Lock()
_index = None  # (DedupIndex, path) for this process
_last_save = 0.0
_unsaved = 0
SAVE_EVERY_SECONDS = 60.0
SAVE_EVERY_TASKS = 2000


def index_path() -> Path:
    s = get_settings()
    return Path(s.data_dir) / "dedup" / f"index-{s.dedup_threshold:g}.pkl"


@contextmanager
def _file_lock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock, open(path.with_suffix(".lock"), "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _open_index(path: Path):
    global _index
    from extractor.dedup import DedupIndex

    threshold = get_settings().dedup_threshold
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


def match_document(document_id: int | None = None) -> int:
    """Bring the index up to date with every stored task and store the new pairs.

    ``document_id`` only says who asked (the work is the same: every stored task not
    yet in the index is added and matched). Returns the number of new pairs.
    """
    global _last_save, _unsaved
    path = index_path()
    with _file_lock(path):
        idx = _open_index(path)
        with session_scope() as s:
            all_ids = s.scalars(select(Task.id)).all()
            missing = sorted(i for i in all_ids if str(i) not in idx)
            refs = _refs(s, missing) if missing else []
        pairs = idx.add(refs) if refs else []
        _unsaved += len(refs)
        now = time.monotonic()
        if _unsaved and (_unsaved >= SAVE_EVERY_TASKS or now - _last_save >= SAVE_EVERY_SECONDS):
            idx.save()
            _last_save, _unsaved = now, 0
    return store_pairs(pairs)


def store_pairs(pairs) -> int:
    """Insert pairs whose tasks still exist and that are not stored yet; returns how many."""
    if not pairs:
        return 0
    n = 0
    touched: set[int] = set()
    with session_scope() as s:
        ids = {int(x) for p in pairs for x in (p.a, p.b)}
        alive = set(s.scalars(select(Task.id).where(Task.id.in_(ids))).all()) if len(ids) < 30000 else None
        for p in pairs:
            a, b = sorted((int(p.a), int(p.b)))
            if alive is not None and (a not in alive or b not in alive):
                continue
            exists = s.scalar(select(DuplicatePair.id).where(DuplicatePair.task_a_id == a,
                                                             DuplicatePair.task_b_id == b))
            if exists:
                continue
            try:
                with s.begin_nested():
                    s.add(DuplicatePair(task_a_id=a, task_b_id=b, score=float(p.score), kind=str(p.kind),
                                        reason=p.reason, status="pending"))
                n += 1
                touched.update((a, b))
            except IntegrityError:  # stored meanwhile by another process, or a task just deleted
                continue
        if touched:
            recluster(s, sorted(touched))
    return n


MAX_CLUSTER = 200


def recluster(session, task_ids) -> None:
    """Give every pair in the groups touching ``task_ids`` the group's id.

    A group is a connected set of tasks linked by pairs not decided ``distinct``; its
    id is its smallest task id (stable as the group grows). Walks at most MAX_CLUSTER
    tasks, so one very common template cannot make a giant group.
    """
    from sqlalchemy import or_, update

    seen_tasks: set[int] = set()
    for start in task_ids:
        if start in seen_tasks:
            continue
        group, frontier, pair_ids = {start}, [start], set()
        while frontier and len(group) < MAX_CLUSTER:
            rows = session.execute(select(DuplicatePair.id, DuplicatePair.task_a_id, DuplicatePair.task_b_id)
                                   .where(DuplicatePair.status != "distinct",
                                          or_(DuplicatePair.task_a_id.in_(frontier),
                                              DuplicatePair.task_b_id.in_(frontier)))).all()
            frontier = []
            for pid, a, b in rows:
                pair_ids.add(pid)
                for x in (a, b):
                    if x not in group:
                        group.add(x)
                        frontier.append(x)
        seen_tasks |= group
        if pair_ids:
            session.execute(update(DuplicatePair).where(DuplicatePair.id.in_(pair_ids))
                            .values(cluster=min(group)).execution_options(synchronize_session=False))
    # pairs decided distinct belong to no group
    session.execute(update(DuplicatePair).where(DuplicatePair.status == "distinct",
                                                or_(DuplicatePair.task_a_id.in_(list(task_ids)),
                                                    DuplicatePair.task_b_id.in_(list(task_ids))))
                    .values(cluster=None).execution_options(synchronize_session=False))


def flush() -> None:
    """Save the in-memory index now (at shutdown)."""
    global _unsaved
    path = index_path()
    with _file_lock(path):
        if _index is not None and _unsaved:
            _index[0].save()
            _unsaved = 0


def reset() -> None:
    """Forget the in-memory index (tests switch data directories)."""
    global _index, _unsaved
    with _lock:
        _index, _unsaved = None, 0
