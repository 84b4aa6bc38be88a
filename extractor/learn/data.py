"""Training lines from gold folders: the gold's texts located in the documents.

Gold files hold field *texts*, not offsets (GUIDELINES: every cadre name and task is
written verbatim in its document). Each is found in the page text after folding
(case, tone placement), so "Uỷ ban" in the gold finds "Ủy ban" in the text:

- CADRE: every mention of an assignee's full name, and the given name alone after an
  honorific ("ông Đông"), which later sentences use for the same person;
- POSITION: the gold title where it stands within a short distance of a mention
  (a title written elsewhere for someone else is not this person's);
- TASK: every place the task's text is written.

Overlaps are resolved CADRE > TASK > POSITION, longest first.
"""
from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..recognize.text import fold
from ..records import JsonObject

if TYPE_CHECKING:
    from .tagger import Example

_HON = re.compile(r"(?:đồng chí|đ/c|ông|bà)\s+$")
PRIORITY = {"CADRE": 0, "TASK": 1, "POSITION": 2}


def documents(folders: Sequence[str | Path], *, only: Collection[str] | None = None,
              exclude: Collection[str] | None = None) -> Iterator[tuple[Path, list[JsonObject]]]:
    """(document path, gold assignments) for every NAME.gold.json with its document."""
    for folder in folders:
        folder = Path(folder)
        for gold in sorted(folder.glob("*.gold.json")):
            stem = gold.name[: -len(".gold.json")]
            if only is not None and stem not in only or exclude and stem in exclude:
                continue
            docs = sorted(p for p in folder.glob(stem + ".*") if not p.name.endswith(".gold.json")
                          and p.name.split(".")[0] == stem)
            if docs:
                yield docs[0], json.loads(gold.read_text(encoding="utf-8"))["assignments"]


def _find_all(hay: str, needle: str) -> list[tuple[int, int]]:
    """(start, end) of ``needle`` in ``hay``, any run of whitespace matching any other
    (a task broken over two lines by OCR is still the task)."""
    words = needle.split()
    if not words:
        return []
    rx = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [(m.start(), m.end()) for m in rx.finditer(hay)]


def gold_spans(text: str, assignments: list[JsonObject]) -> list[tuple[int, int, str]]:
    """Character spans of the gold's fields in one page ``text``, without overlaps.

    >>> t = "Ông Lê Văn An, Bí thư Huyện ủy, phụ trách nông nghiệp. Ông An chỉ đạo xây dựng."
    >>> gold = [{"cadre": "Lê Văn An", "position": "Bí thư Huyện ủy",
    ...          "tasks": [{"text": "phụ trách nông nghiệp"}, {"text": "chỉ đạo xây dựng"}]}]
    >>> [(t[s:e], lab) for s, e, lab in gold_spans(t, gold)]  # doctest: +NORMALIZE_WHITESPACE
    [('Lê Văn An', 'CADRE'), ('Bí thư Huyện ủy', 'POSITION'), ('phụ trách nông nghiệp', 'TASK'),
     ('An', 'CADRE'), ('chỉ đạo xây dựng', 'TASK')]
    """
    folded = fold(text)
    cands: list[tuple[int, int, str]] = []
    for a in assignments:
        name = " ".join((a.get("cadre") or "").split())
        mentions = []
        if len(name) >= 2:
            mentions.extend(_find_all(folded, fold(name)))
            given = name.split()[-1]
            for m in re.finditer(r"(?<![\w])" + re.escape(fold(given)) + r"(?![\w])", folded):
                if _HON.search(folded, max(0, m.start() - 10), m.start()) and \
                        not any(s <= m.start() < e for s, e in mentions):
                    mentions.append((m.start(), m.end()))
        cands.extend((s, e, "CADRE") for s, e in mentions)
        pos = a.get("position") or ""
        parts = [pos] if fold(pos) in folded else [p.strip() for p in pos.split(",")]
        for part in parts:
            if len(part) < 3:
                continue
            for at, end in _find_all(folded, fold(part)):
                if any(abs(at - e) <= 60 or abs(s - end) <= 60 for s, e in mentions):
                    cands.append((at, end, "POSITION"))
        for t in a.get("tasks") or []:
            value = t["text"] if isinstance(t, dict) else t
            if value and len(value) >= 2:
                for at, end in _find_all(folded, fold(value)):
                    cands.append((at, end, "TASK"))
    cands.sort(key=lambda c: (PRIORITY[c[2]], -(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, str]] = []
    for s, e, label in cands:
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, label))
    return sorted(taken)


def examples(folders: Sequence[str | Path], *, only: Collection[str] | None = None,
             exclude: Collection[str] | None = None, augment: bool = True, seed: int = 0) -> list[Example]:
    """(features, labels) per line of every page of every gold document, and of its
    augmented copies (:mod:`extractor.learn.augment`) when ``augment``."""
    from ..read import read
    from .augment import augment as variants
    from .tagger import bio, page_sequences

    out: list[Example] = []
    for n, (path, gold) in enumerate(documents(folders, only=only, exclude=exclude)):
        doc = read(path)
        for page in doc.pages:
            texts = [(page.text, gold)]
            if augment and gold:
                texts += variants(page.text, gold, seed * 100_003 + n)
            for text, g in texts:
                spans = gold_spans(text, g)
                for toks, feats in page_sequences(text):
                    out.append((feats, bio(toks, spans)))
    return out
