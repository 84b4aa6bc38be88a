"""The ordered stages of extraction: read -> docinfo -> spaCy pipeline per page
(rules, trained NER, linker) -> appendix tables -> units, periods, merging -> records.

    >>> from extractor.pipeline import extract
    >>> result = extract("tests/extract/data/sample.txt")     # doctest: +SKIP
    >>> result.assignments[0].cadre.text                       # doctest: +SKIP
    'Ma Trọng Long'

Bad input never raises: a :class:`~extractor.errors.ReadError` becomes
``Extraction.error`` so that a batch goes on with the next file.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .config import DEFAULT_CONFIG, ExtractorConfig
from .docinfo import read_docinfo
from .errors import ReadError, UnreadableFile
from .records import (Assignment, Document, Extraction, Field, Page, Period, Span, Statistic,
                      Task)
from .recognize.counts import STAT, STAT2
from .recognize.periods import PeriodMatch, find_periods
from .recognize.places import context_province
from .recognize.text import fold
from .recognize.titles import split_unit
from .link.component import KEY
from .link.prose import RawAssignment
from .link.tables import link_tables


def _read(path, config: ExtractorConfig) -> Document:
    try:
        from .read import read
    except ImportError:  # the reader package is not there: plain text only
        return _read_text(path)
    return read(path, config=config)


def _read_text(path) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as err:
        raise UnreadableFile(str(path), f"cannot open it ({err}); check the path") from err
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
    return Document(source=str(path), sha256=hashlib.sha256(data).hexdigest(), format="txt",
                    pages=(Page(1, text),))


def extract(path, *, config: ExtractorConfig = DEFAULT_CONFIG, hints: dict | None = None) -> Extraction:
    """Read ``path`` and extract its assignments; read errors come back in ``.error``.

    >>> extract("/no/such/file.txt").error.code
    'unreadable'
    """
    try:
        doc = _read(path, config)
    except ReadError as err:
        return Extraction(source=str(path), error=err.info)
    return extract_document(doc, config=config, hints=hints)


def extract_document(doc: Document, *, config: ExtractorConfig = DEFAULT_CONFIG,
                     hints: dict | None = None) -> Extraction:
    """Extract assignments from a Document already read.

    ``hints`` may carry ``{"year": 2019, "unit": "..."}`` (from folder names): the
    fallback period and unit when the text gives none.

    >>> from extractor.records import Document, Page
    >>> t = "Năm 2021, đồng chí Ma Trọng Long, Chủ tịch UBND xã Hòa Phú được giao 2 việc là A b; C d."
    >>> x = extract_document(Document("a.txt", "", "txt", (Page(1, t),)))
    >>> [(a.cadre.text, a.period.start, [t.text for t in a.tasks]) for a in x.assignments]
    [('Ma Trọng Long', 2021, ['A b', 'C d'])]
    """
    from .nlp import load_nlp

    hints = hints or {}
    nlp = load_nlp(config.model_dir)
    info = read_docinfo(doc)
    full = doc.text
    province = context_province(full)
    found: list[Assignment] = []
    task_spans: list[Span] = []
    page_periods: dict[int, list[PeriodMatch]] = {}
    for page in doc.pages:
        if not page.text.strip():
            continue
        sdoc = nlp(page.text)
        page_periods[page.number] = find_periods(page.text)
        tables = [t.span for t in doc.tables if t.page == page.number]
        for raw in sdoc.user_data.get(KEY, []):
            # table rows are read by the table linker, with their columns
            if any(t.start <= raw.cadre[0] < t.end for t in tables):
                continue
            found.append(_to_record(raw, page, province, hints))
    found.extend(link_tables(doc, province=province))
    for a in found:
        task_spans.extend(t.span for t in a.tasks if t.span)
    fallback = _document_period(doc, page_periods, task_spans, info, hints)
    merged = _merge([a if a.period else _with_period(a, fallback) for a in found])
    return Extraction(
        source=doc.source, sha256=doc.sha256, format=doc.format, ocr=doc.ocr,
        pages=len(doc.pages), document=info, assignments=tuple(merged),
        statistics=tuple(_statistics(doc)), warnings=tuple(doc.warnings),
    )


# ---------------------------------------------------------------------------- records
def _period(p: PeriodMatch | None, text: str, page: int) -> Period | None:
    if p is None:
        return None
    return Period(text=text[p.start:p.end], start=p.first, end=p.last,
                  span=Span(page, p.start, p.end))


def _unit_for(position: str | None, province: str | None, hints: dict) -> str | None:
    """The body of the last title that names one, with the context province when the
    title says only "tỉnh" ("Phó Chủ tịch UBND tỉnh" -> "UBND tỉnh Hà Tĩnh")."""
    if not position:
        return hints.get("unit")
    unit = None
    for part in reversed(re.split(r",\s*", position)):
        unit = split_unit(part.strip())
        if unit:
            break
    if unit and province and re.search(r"(?:^|\s)(?:tỉnh|tỉnh ủy)$", fold(unit)):
        unit = f"{unit} {province}"
    return unit or hints.get("unit")


def _to_record(raw: RawAssignment, page: Page, province: str | None, hints: dict) -> Assignment:
    text = page.text
    n = page.number
    cadre = Field(text=text[raw.cadre[0]:raw.cadre[1]], span=Span(n, *raw.cadre),
                  confidence={"honorific": 0.95, "surname": 0.85, "model": 0.7}.get(raw.name_how, 0.8),
                  source=f"names:{raw.name_how}")
    position = None
    if raw.position:
        s, e = raw.position[0][0], raw.position[-1][1]
        # titles before and after the name are joined with ", " as the contract asks
        if len(raw.position) > 1 and raw.position[0][1] <= raw.cadre[0] <= raw.position[1][0]:
            ptext = ", ".join(text[a:b] for a, b in raw.position)
            position = Field(ptext, Span(n, s, e), 0.85, "titles:apposition")
        else:
            position = Field(text[s:e], Span(n, s, e), 0.9, "titles:apposition")
    unit_text = _unit_for(position.text if position else None, province, hints)
    unit = Field(unit_text, position.span if position else None, 0.7, "titles:body+province") if unit_text else None
    tasks = []
    for s, e in raw.tasks:
        ttext = text[s:e]
        tp = find_periods(ttext)
        tperiod = None
        if tp:
            p = tp[0]
            tperiod = Period(ttext[p.start:p.end], p.first, p.last, Span(n, s + p.start, s + p.end))
        tasks.append(Task(text=ttext, span=Span(n, s, e), period=tperiod, confidence=0.85,
                          source=f"linker:{raw.trigger}"))
    warnings = []
    if raw.declared is not None and raw.declared != len(tasks):
        warnings.append(f"declared {raw.declared} tasks, found {len(tasks)}")
    conf = round(cadre.confidence * (0.95 if position else 0.8) * (0.95 if raw.trigger in ("giao", "role", "register") else 0.85), 3)
    return Assignment(cadre=cadre, tasks=tuple(tasks), position=position, unit=unit,
                      period=_period(raw.period, text, n), declared_count=raw.declared,
                      span=Span(n, *raw.span), confidence=conf, warnings=tuple(warnings))


def _with_period(a: Assignment, period: Period | None) -> Assignment:
    if period is None:
        return a
    from dataclasses import replace

    return replace(a, period=period)


def _document_period(doc: Document, page_periods: dict[int, list[PeriodMatch]],
                     task_spans: list[Span], info, hints: dict) -> Period | None:
    """The document's own period: its first period outside any task text, else the
    year of its date, else the year from the folder name."""
    for page in doc.pages:
        for p in page_periods.get(page.number, []):
            inside = any(s.page == page.number and s.start <= p.start < s.end for s in task_spans)
            if not inside:
                return Period(page.text[p.start:p.end], p.first, p.last, Span(page.number, p.start, p.end))
    if info.date:
        y = int(info.date[:4])
        return Period(info.date[:4], y, y)
    if hints.get("year"):
        y = int(hints["year"])
        return Period(str(y), y, y)
    return None


def _key(name: str) -> str:
    return " ".join(fold(name).split())


def _merge(found: list[Assignment]) -> list[Assignment]:
    """One assignment per person: a name met twice (caption and body, prose and table)
    keeps the first record and gains the other's new tasks."""
    from dataclasses import replace
    from rapidfuzz import fuzz

    out: dict[str, Assignment] = {}
    for a in found:
        k = _key(a.cadre.text)
        if k not in out:
            out[k] = a
            continue
        b = out[k]
        tasks = list(b.tasks)
        for t in a.tasks:
            if all(fuzz.ratio(fold(t.text), fold(u.text)) < 90 for u in tasks):
                tasks.append(t)
        out[k] = replace(b, tasks=tuple(tasks), position=b.position or a.position,
                         unit=b.unit or a.unit, period=b.period or a.period,
                         declared_count=b.declared_count or a.declared_count)
    return list(out.values())


def _statistics(doc: Document) -> list[Statistic]:
    """Totals such as "giao 198 việc đột phá, đổi mới cho 114 cán bộ"."""
    out = []
    for page in doc.pages:
        folded = fold(page.text)
        periods = find_periods(page.text, folded)
        for rx, order in ((STAT, (1, 2)), (STAT2, (2, 1))):
            for m in rx.finditer(folded):
                tasks = int(m.group(order[0]).replace(".", ""))
                cadres = int(m.group(order[1]).replace(".", ""))
                before = [p for p in periods if p.end <= m.start() and m.start() - p.end < 200]
                per = None
                if before:
                    p = before[-1]
                    per = Period(page.text[p.start:p.end], p.first, p.last, Span(page.number, p.start, p.end))
                out.append(Statistic(text=page.text[m.start():m.end()], tasks=tasks, cadres=cadres,
                                     period=per, span=Span(page.number, m.start(), m.end())))
    return out
