"""The progress bar of a run (tqdm on stderr, silent when stderr is not a terminal)."""
from __future__ import annotations

import sys
from collections import Counter

from service.ingest.summary import Row


class Progress:
    """A tqdm bar with files, pages, OCR pages and failures, and an ETA; silent when
    stderr is not a terminal (cron, CI, a log file)."""

    def __init__(self, total: int, *, enabled: bool | None = None, desc: str = "ingest"):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.stats = Counter()
        self._bar = None
        if self.enabled:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: the worker pool is forked from this process
            self._bar = tqdm(total=total, desc=desc, unit="file", file=sys.stderr, dynamic_ncols=True,
                             smoothing=0.1)

    def add(self, row: Row) -> None:
        self.stats[row.status] += 1
        self.stats["pages"] += row.pages
        self.stats["ocr"] += row.ocr_pages
        if self._bar is not None:
            self._bar.set_postfix_str(
                f"pages {self.stats['pages']}, OCR {self.stats['ocr']}, failed {self.stats['failed']}, "
                f"skipped {self.stats['skipped']}", refresh=False)
            self._bar.update(1)

    def note(self, text: str) -> None:
        if self._bar is not None:
            self._bar.set_description_str(text)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
