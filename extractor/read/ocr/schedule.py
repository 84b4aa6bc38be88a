"""Pages read side by side: threads that prepare pages and run Tesseract on them, in order."""
from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias

from ...config import DEFAULT_CONFIG, ExtractorConfig
from .. import engine
from ..engine import PageImage, Word
from .page import OcrResult, _finish, _number_continued, _prepare, _Prepared
from .reread import read_lines_again, unsure_names
from .tesseract import _run_tesseract_batch, process_count

if TYPE_CHECKING:
    from .. import Progress

# A page to read, made when a thread is free for it: () -> (image, its dpi or None).
PageSource: TypeAlias = Callable[[], tuple[PageImage, int | None]]
# What a reading thread does next: prepare page i, or run Tesseract on prepared pages.
_Job: TypeAlias = tuple[Literal["prep"], int, PageSource] | tuple[Literal["ocr"], list[_Prepared]]


def ocr_image(image: PageImage, *, config: ExtractorConfig = DEFAULT_CONFIG, name: str = "",
              workdir: Path | None = None, dpi: int | None = None, stem: str = "page") -> OcrResult:
    """OCR one page: deskew, tables, orientation; see the module docstring.

    ``image``: a page image file, or the page already decoded as a 2-D uint8 (grayscale)
    array. ``dpi`` as in :func:`_run_tesseract`. Scratch files go to ``workdir`` (a
    temporary directory when not given) and are removed.
    """
    own = workdir is None
    work = Path(tempfile.mkdtemp(prefix="giaoviec-ocr-")) if workdir is None else workdir
    try:
        return _ocr_pages(iter([lambda: (image, dpi)]), 1, config=config, name=name, workdir=work,
                          stems=lambda i: stem)[0]
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)


BATCH_PAGES = 8  # pages one Tesseract process reads at most: progress and balance vs. model loads


@dataclass
class _Shared:
    """The reading threads' shared state, guarded by their condition variable."""

    running: int  # threads not yet finished
    exhausted: bool = False  # every page has been taken from the source
    prepping: int = 0  # pages being prepared
    claimed: int = 0  # pages given to Tesseract
    done: int = 0  # pages read
    error: BaseException | None = None  # the first failure, raised by the calling thread


def _ocr_pages(pages: Iterable[PageSource], count: int, *, config: ExtractorConfig, name: str, workdir: Path,
               progress: Progress | None = None, stems: Callable[[int], str] | None = None,
               delete_inputs: bool = False) -> list[OcrResult]:
    """OCR ``count`` pages, in order; ``pages`` yields, lazily and in page order, one
    callable per page that returns ``(image, dpi or None)`` (an array or a file).

    ``process_count`` threads each either prepare the next page (call its callable,
    deskew, find tables: Python and OpenCV) or run one Tesseract process on a batch of
    prepared pages. A batch takes half a process's share of the pages still unread (at
    most ``BATCH_PAGES``), so a 5-page scan on 2 cores still reads its pages one by one,
    side by side, while a 40-page one loads the model 14 times, not 40.
    At most ``BATCH_PAGES`` pages a process are prepared ahead (files in ``workdir``:
    a 500-page TIFF must not be decoded whole). The ``pages`` iterator is advanced
    under a lock (a TIFF's frames are decoded one at a time); the callables run in
    parallel. ``progress(done, count)`` is called from the calling thread.
    ``delete_inputs``: page files the callables return are ours to delete once read.
    """
    procs = process_count(config, count)
    in_memory = engine.inprocess_available(config.ocr_language)
    # pages prepared ahead wait as files for the command (batched: one model load), as
    # arrays in memory for the library (no batching to gain: two a process will do)
    lookahead = procs * (2 if in_memory else BATCH_PAGES)
    stem_of: Callable[[int], str] = stems or (lambda i: f"page-{i + 1:04d}")
    cond = threading.Condition()
    source = enumerate(pages)
    ready: list[_Prepared] = []  # prepared, not yet given to Tesseract; in page order
    results: dict[int, OcrResult] = {}
    st = _Shared(running=procs)

    def next_job() -> _Job | None:
        """Under ``cond``: ("prep", i, make) or ("ocr", batch), or None when nothing is left."""
        while True:
            if st.error is not None:
                return None
            unclaimed = count - st.claimed
            # One process: nothing to balance, batch all it may. Several: a batch takes
            # half a process's share of what is left, so the last 2 pages a process
            # still go one by one to whichever is free (a page costs 0.7-2.8 s; on a
            # 5-page scan, one process left with 2 pages while the other idled cost more
            # wall time than the model loads saved). Simulated over random page costs
            # on 2 processes, against pages one by one: the same wall time up to 5
            # pages, 1 % less at 12, 3 % less at 40 (a quarter share: 0, 0, 2 %).
            share = unclaimed if procs == 1 else unclaimed // (2 * procs)
            want = min(BATCH_PAGES, max(1, share))
            can_prep = not st.exhausted and len(ready) + st.prepping < lookahead
            if ready and (len(ready) >= want or not can_prep):
                batch = [p for p in ready[:want] if p.dpi == ready[0].dpi]  # one --dpi a process
                for p in batch:
                    ready.remove(p)
                st.claimed += len(batch)
                return ("ocr", batch)
            if can_prep:
                try:
                    i, make = next(source)
                except StopIteration:
                    st.exhausted = True
                    continue
                st.prepping += 1
                return ("prep", i, make)
            if st.exhausted and not st.prepping and not ready:
                return None
            cond.wait()

    def worker() -> None:
        try:
            while True:
                with cond:
                    job = next_job()
                if job is None:
                    return
                if job[0] == "prep":
                    _, i, make = job
                    image, dpi = make()
                    prep = _prepare(image, index=i, dpi=dpi, workdir=workdir, stem=stem_of(i), name=name,
                                    delete_input=delete_inputs, in_memory=in_memory)
                    with cond:
                        st.prepping -= 1
                        ready.append(prep)
                        ready.sort(key=lambda p: p.index)
                        cond.notify_all()
                    continue
                batch = job[1]
                try:
                    words = _run_tesseract_batch([p.path for p in batch], config, name=name, dpi=batch[0].dpi,
                                                 workdir=workdir)
                    celled = [(p.index, p.strip) for p in batch if p.strip is not None]
                    # names are in the cells: their characters' alternatives go to the repair;
                    # Tesseract gives one list of words per image, in order (hence strict zips)
                    cells: dict[int, Sequence[Word]] = dict(zip((i for i, _ in celled), _run_tesseract_batch(
                        [strip for _, strip in celled], config, psm=6, name=name, dpi=batch[0].dpi,
                        workdir=workdir, choices=True), strict=True)) if celled else {}
                    if config.ocr_reread_names and in_memory:
                        # lines of names the repair will be unsure of, read again on the
                        # cleaned strip while it is here (their words keep what was read)
                        from ..cells import words_by_cut

                        for p in batch:
                            if p.index in cells and p.strip is not None and not isinstance(p.strip, Path):
                                read_lines_again(p.strip, words_by_cut(cells[p.index], p.cuts), unsure_names,
                                                 language=config.ocr_language, dpi=p.dpi)
                    out = {p.index: _finish(p, w, config=config, name=name, workdir=workdir,
                                            cell_words=cells.get(p.index, ()))
                           for p, w in zip(batch, words, strict=True)}
                finally:
                    for p in batch:
                        for f in p.scratch:
                            f.unlink(missing_ok=True)
                with cond:
                    results.update(out)
                    st.done += len(out)
                    cond.notify_all()
        except BaseException as err:  # reported by the calling thread, which raises it
            with cond:
                if st.error is None:
                    st.error = err
                cond.notify_all()
        finally:
            with cond:
                st.running -= 1
                cond.notify_all()

    threads = [threading.Thread(target=worker, name=f"ocr-{k}", daemon=True) for k in range(procs)]
    for t in threads:
        t.start()
    reported = 0
    while True:
        with cond:
            while st.done == reported and st.running:
                cond.wait()
            done, running = st.done, st.running
        if progress and done > reported:
            progress(done, count)
        reported = done
        if not running:
            break
    for t in threads:
        t.join()
    if st.error is not None:
        raise st.error
    ordered = [results[i] for i in sorted(results)]
    _number_continued(ordered)
    return ordered
