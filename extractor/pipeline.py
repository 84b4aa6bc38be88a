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

import re
from dataclasses import replace
from os import PathLike
from typing import TypeVar

from .config import DEFAULT_CONFIG, ExtractorConfig
from .docinfo import read_docinfo
from .errors import ReadError
from .link.component import KEY, join_lowercase_breaks, looks_wrapped, soften
from .link.context import Hints, PlaceContext, place_context, unit_for
from .link.forms import link_forms
from .link.prose import RawAssignment
from .link.tables import link_tables
from .link.texttables import find_pipe_tables, find_text_tables
from .read import read
from .read.layout import split_label
from .recognize.counts import STAT, STAT2
from .recognize.names import find_names
from .recognize.periods import PeriodMatch, decision_starts, find_periods
from .recognize.places import context_province
from .recognize.text import UPPER, fold
from .records import Assignment, Document, DocumentInfo, Extraction, Field, Page, Period, Span, Statistic, Task

# a record with a span (Field, Period, Task), moved by _spill
_Spanned = TypeVar("_Spanned", Field, Period)

def extract(path: str | PathLike[str], *, config: ExtractorConfig = DEFAULT_CONFIG,
            hints: Hints | None = None) -> Extraction:
    """Read ``path`` and extract its assignments; read errors come back in ``.error``.

    >>> extract("/no/such/file.txt").error.code
    'unreadable'
    """
    try:
        doc = read(path, config=config)
    except ReadError as err:
        return Extraction(source=str(path), error=err.info)
    return extract_document(doc, config=config, hints=hints)


def extract_document(doc: Document, *, config: ExtractorConfig = DEFAULT_CONFIG,
                     hints: Hints | None = None) -> Extraction:
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
    context = place_context(full, province)
    context.year = _document_year(doc, info, hints)
    all_tables = list(doc.tables)
    consumed: dict[int, int] = {}  # page number -> how much of its start the page before read
    for i, page in enumerate(doc.pages):
        if not page.text.strip():
            continue
        # a sentence that goes on at the top of the next page is read whole, from this page
        nxt = doc.pages[i + 1] if i + 1 < len(doc.pages) else None
        head, joint = _carried_over(page.text, nxt.text) if nxt is not None else (0, " ")
        reading = page
        if head:
            sep = "" if page.text[-1:].isspace() else joint
            assert nxt is not None  # a head is only carried over from a next page
            reading = replace(page, text=page.text + sep + nxt.text[:head])
        # text copied from PDFs breaks mid-sentence: the tagger and the linkers read
        # sentences whole (same length, so offsets still point into the page). A scanned
        # page is judged the same way: its reader already joined each paragraph's lines
        # (extractor/read/layout.py), so a break left there ends a heading or a caption
        # ("Chủ tịch UBND TP.HCM Phan Văn Mãi" above "Theo QĐ này, …"), not a line.
        wrapped = looks_wrapped(page.text)
        text = soften(reading.text) if wrapped else join_lowercase_breaks(reading.text)
        sdoc = nlp.make_doc(text)
        sdoc.user_data["link_mode"] = config.link_mode
        sdoc = nlp(sdoc)
        page_periods[page.number] = find_periods(page.text)
        own = [t.span for t in doc.tables if t.page == page.number]
        # tables typed as tab-separated text, where the reader found none
        for t in find_text_tables(page) + find_pipe_tables(page):
            if not any(o.start < t.span.end and t.span.start < o.end for o in own):
                all_tables.append(t)
        tables = [t.span for t in all_tables if t.page == page.number]

        def in_table(at: int, tables: list[Span] = tables) -> bool:
            return any(t.start <= at < t.end for t in tables)
        # a form's fields ("Chức vụ: …", "Đơn vị: …") are who the person is, never a task
        fields: list[tuple[int, int]] = []
        for raw, unit_span in (link_forms(text[:len(page.text)]) if config.link_mode != "model" else []):
            rec = _to_record(raw, page, context, hints)
            if unit_span:
                rec = replace(rec, unit=Field(page.text[unit_span[0]:unit_span[1]],
                                              Span(page.number, *unit_span), 0.95, "form:unit"))
                fields.append(unit_span)
            fields.extend(raw.position)
            found.append(rec)
        for raw in sdoc.user_data.get(KEY, []):
            # table rows are read by the table linker, with their columns
            if in_table(raw.cadre[0]) or raw.cadre[0] >= len(page.text):
                continue  # a person named after the break is the next page's
            raw.tasks = [t for t in raw.tasks if not any(s <= t[0] and t[1] <= e for s, e in fields)]
            if not raw.tasks:
                continue
            if consumed.get(page.number):
                # the carried-over sentence was read with the page before
                raw.tasks = [t for t in raw.tasks if t[0] >= consumed[page.number]]
                if not raw.tasks:
                    continue
            rec = _to_record(raw, reading, context, hints)
            ends = [s.end for s in (rec.span, *(t.span for t in rec.tasks)) if s is not None]
            if head and nxt is not None and ends and max(ends) > len(page.text):
                consumed[nxt.number] = head
                rec = _spill(rec, len(page.text), len(reading.text) - len(page.text) - head, nxt.number)
            found.append(rec)
    if config.link_mode != "model":
        found.extend(link_tables(doc, province=context, tables=all_tables,
                                 unit_for=unit_for))
    found = [_unwrapped(a) for a in found]
    for a in found:
        task_spans.extend(t.span for t in a.tasks if t.span)
    fallback = _document_period(doc, page_periods, task_spans, info, hints)
    merged = _merge([a if a.period else _with_period(a, fallback or _tasks_period(a)) for a in found])
    starts = [p for ps in page_periods.values() for p in ps if p.kind == "from"]
    merged = _narrowed(merged, starts + [p for page in doc.pages for p in decision_starts(page.text)])
    if doc.ocr:  # names and titles misread by OCR, each repair kept with its reason (issue 12)
        from .repair import repair_assignments

        # two readings of one name may now agree: one record per person and period again
        merged = _merge(repair_assignments(merged, doc))
    return Extraction(
        source=doc.source, sha256=doc.sha256, format=doc.format, ocr=doc.ocr,
        pages=len(doc.pages), document=info, assignments=tuple(merged),
        statistics=tuple(_statistics(doc)), warnings=tuple(doc.warnings),
    )


_BREAK = re.compile(r"[ \t]*\n\s*")


def _unwrapped(a: Assignment) -> Assignment:
    r"""The record with every line break inside a value read as a space: a name, a title or a
    task the page wraps ("Lâm\nThị Phương Thanh" on a scan, "Giám đốc Trung\ntâm Y tế" in a
    table cell) is one line in the register. The spans still point at the page as written.

    >>> a = Assignment(cadre=Field("Lâm\nThị Phương Thanh"), tasks=(Task("làm trưởng\n đoàn"),),
    ...                position=Field("Bí thư\nTỉnh ủy"))
    >>> b = _unwrapped(a)
    >>> b.cadre.text, b.position.text, b.tasks[0].text
    ('Lâm Thị Phương Thanh', 'Bí thư Tỉnh ủy', 'làm trưởng đoàn')
    """
    def flat(f: Field | None) -> Field | None:
        return replace(f, text=_BREAK.sub(" ", f.text)) if f is not None and "\n" in f.text else f

    texts = [a.cadre.text, *(f.text for f in (a.position, a.unit) if f is not None), *(t.text for t in a.tasks)]
    if not any("\n" in t for t in texts):
        return a
    return replace(a, cadre=flat(a.cadre) or a.cadre, position=flat(a.position), unit=flat(a.unit),
                   tasks=tuple(replace(t, text=_BREAK.sub(" ", t.text)) for t in a.tasks))


# ---------------------------------------------------------------------------- page breaks
_ENDS_SENTENCE = re.compile(r"[.!?:;…\"”)\]]\s*$")
_SENTENCE_DONE = re.compile(r"[.!?](?=\s|$)|\n")


def _carried_over(text: str, nxt: str) -> tuple[int, str]:
    r"""How much of the next page continues this page's last sentence or list, and what
    joins it to the page: the page stops without a closing mark and the next begins in
    lower case (a PDF or a scan breaks pages mid-sentence), up to that sentence's end; or
    the page ends in a list (or a line that opens one, "…, Phó Chủ tịch UBND tỉnh:") and
    the next goes on with its items ("b) …", "- …"), up to the first line that is not one
    of them ("4. Ông …", "Điều 2."). (0, " ") when the page ended both.

    >>> _carried_over("… được giao 3 việc là xây dựng xã đạt nông", "thôn mới; làm đường. Năm sau …")
    (20, ' ')
    >>> _carried_over("… được giao xây dựng đường.", "thôn mới")
    (0, ' ')
    >>> page = "3. Đồng chí Hà Thị Hoa, Phó Chủ tịch UBND tỉnh:\na) Phụ trách nông nghiệp;"
    >>> _carried_over(page, "b) Theo dõi Sở Tài chính;\nc) Làm Trưởng ban.\n4. Ông Lê Văn An:\na) …")
    (44, '\n')
    """
    if not text.strip():
        return 0, " "
    items = _carried_items(text, nxt)
    if items:
        return items, "\n"
    if _ENDS_SENTENCE.search(text):
        return 0, " "
    lead = len(nxt) - len(nxt.lstrip())
    if lead >= len(nxt) or not nxt[lead].islower():
        return 0, " "
    m = _SENTENCE_DONE.search(nxt, lead, lead + 1500)
    return (m.end() if m and nxt[m.start()] != "\n" else (m.start() if m else min(len(nxt), lead + 1500))), " "


_LETTERS = "abcdđefghijklmnopqrstuvwxyz"
MAX_CARRIED_ITEMS = 30  # lines of items a page hands on to the page before, at most


def _item(line: str) -> tuple[str, int] | None:
    """(kind, ordinal) of a list item's label, as the reader finds labels
    (:func:`~extractor.read.layout.split_label`): ("number", 2) for "2. …", ("letter", 1)
    for "b) …", ("-", 0) for "- …"; None for any other line, and for a section's Roman
    numeral ("II. …").

    >>> _item("b) Theo dõi Sở Tài chính;"), _item("12. Ông Lê Văn An:"), _item("- Lưu VT."), _item("II. KHỐI ĐẢNG")
    (('letter', 1), ('number', 12), ('-', 0), None)
    """
    label = split_label(line.lstrip())
    if label is None:
        return None
    if label[0].isdigit():
        return "number", int(label.split(".")[0].rstrip(")"))  # "2.", "3)", "1.2." (its first number)
    if len(label) == 2 and label[0] in _LETTERS:
        return "letter", _LETTERS.index(label[0])
    if len(label) == 1:
        return label, 0
    return None


def _carried_items(text: str, nxt: str) -> int:
    """How much of ``nxt`` goes on with the list ``text`` ends in (see :func:`_carried_over`):
    its first line an item of the same kind as the page's last item, next in order (or the
    first of a list the page's last line opened with ":"), and the items and their wrapped
    lines after it; 0 when the next page does not go on with the list."""
    last = text.rstrip().rsplit("\n", 1)[-1].strip()  # the page's last line, all that is asked of it
    first = _item(nxt.lstrip().split("\n", 1)[0])
    if not last or first is None:
        return 0
    if last.endswith(":"):
        # a line opening a list: its first item follows ("a)", a bullet); a number there
        # may as well be the next person ("Điều 1. … như sau:" / "1. Đồng chí …")
        if first[0] == "number" or first[0] == "letter" and first[1] != 0:
            return 0
    else:
        before = _item(last)
        if before is None or before[0] != first[0]:
            return 0
        if first[0] in ("number", "letter") and not 0 < first[1] - before[1] <= 2:
            return 0  # not the next in order ("b)" after "a)", "đ)" after "d)")
    kind = first[0]
    at = len(nxt) - len(nxt.lstrip())
    end = at
    for n, line in enumerate(nxt[at:].split("\n")):
        it = _item(line)
        if n >= MAX_CARRIED_ITEMS or (it is None and not line[:1].islower()) or (it is not None and it[0] != kind):
            break
        if it is not None and line.rstrip().endswith(":"):
            break  # an item opening a list of its own: the next person ("4. Ông …, Phó Chủ tịch:")
        end = at + len(line)
        at += len(line) + 1
    return end


def _spill(a: Assignment, length: int, sep: int, next_page: int) -> Assignment:
    """Spans read in a page extended by the next page's first sentence (``length`` +
    ``sep`` + head), put back where they are: on the page, on the next page, or on both."""
    def fix(span: Span | None) -> Span | None:
        if span is None or span.end <= length:
            return span
        if span.start >= length + sep:
            return Span(next_page, span.start - length - sep, span.end - length - sep)
        return Span(span.page, span.start, length, Span(next_page, 0, span.end - length - sep))

    def field(f: _Spanned | None) -> _Spanned | None:
        return replace(f, span=fix(f.span)) if f is not None and f.span is not None else f

    tasks = tuple(replace(t, span=fix(t.span), period=field(t.period)) for t in a.tasks)
    return replace(a, cadre=replace(a.cadre, span=fix(a.cadre.span)), position=field(a.position), unit=field(a.unit),
                   period=field(a.period), tasks=tasks, span=fix(a.span))


# ---------------------------------------------------------------------------- records
def _period(p: PeriodMatch | None, text: str, page: int, year: int | None = None) -> Period | None:
    """A period record; "đến hết năm 2027" starts in the document's own year when known."""
    if p is None:
        return None
    first = p.first
    if p.kind == "until" and year and year < p.last:
        first = year
    return Period(text=text[p.start:p.end], start=first, end=p.last, span=Span(page, p.start, p.end))


def _to_record(raw: RawAssignment, page: Page, context: PlaceContext, hints: Hints) -> Assignment:
    text = page.text
    n = page.number
    cut = re.search(r"[(\[{,;:/]|[-–](?=[" + UPPER + r"])", text[raw.cadre[0]:raw.cadre[1]])
    if cut and cut.start() > 0:  # "Đinh Tiến Dũng(Thường trực)", "Dạ Thảo-Phó": a mark glued to the name ends it
        raw.cadre = (raw.cadre[0], raw.cadre[0] + len(text[raw.cadre[0]:raw.cadre[0] + cut.start()].rstrip()))
    if len(text[raw.cadre[0]:raw.cadre[1]].split()) == 1:
        # "ông Liêm": the record names the person as the page first writes them in full
        full = [(a, b) for a, b, _ in find_names(text)  # the page's names, read once (cached)
                if b <= raw.cadre[0] and text[a:b].split()[-1] == text[raw.cadre[0]:raw.cadre[1]]
                and b - a > raw.cadre[1] - raw.cadre[0]]
        if full:
            raw.cadre = full[0]
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
    unit_text = unit_for(position.text if position else None, context, hints)
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
    conf = round(cadre.confidence * (0.95 if position else 0.8)
                 * (0.95 if raw.trigger in ("giao", "role", "register") else 0.85), 3)
    return Assignment(cadre=cadre, tasks=tuple(tasks), position=position, unit=unit,
                      period=_period(raw.period, text, n, context.year),
                      declared_count=raw.declared,
                      span=Span(n, *raw.span), confidence=conf, warnings=tuple(warnings))


def _narrowed(found: list[Assignment], starts: list[PeriodMatch]) -> list[Assignment]:
    """A stage or term narrowed to the years covered when the document dates the start inside
    it ("nhiệm kỳ 2021-2026" with "từ ngày 15/3/2023" -> 2023-2026; convention 7)."""
    years = sorted({p.first for p in starts})
    out = []
    for a in found:
        p = a.period
        inside = [y for y in years if p.start is not None and p.end is not None and p.start < y <= p.end] \
            if p else []
        if p and len(inside) == 1:  # one dated start in the term: several would be other duties'
            a = replace(a, period=replace(p, start=inside[0]))
        out.append(a)
    return out


def _tasks_period(a: Assignment) -> Period | None:
    """"ủy nhiệm ông X chỉ đạo … từ ngày 8-11-2025": where the document gives no period of
    its own, the one written in the person's only task (or the same one in each) is the
    assignment's. (A period inside a long task may be another body's term, so the
    document's own period comes first.)"""
    periods = {(t.period.start, t.period.end): t.period for t in a.tasks if t.period}
    if len(periods) != 1 or any(t.period is None for t in a.tasks):
        return None
    return next(iter(periods.values()))


def _with_period(a: Assignment, period: Period | None) -> Assignment:
    if period is None:
        return a
    return replace(a, period=period)


def _document_year(doc: Document, info: DocumentInfo, hints: Hints) -> int | None:
    """The year the document was written: its date, the folder's year, else its first "năm N"."""
    if info.date:
        return int(info.date[:4])
    if hints.get("year"):
        return int(hints["year"])
    for page in doc.pages:
        for p in find_periods(page.text):
            if p.kind == "year":
                return p.first
    return None


def _document_period(doc: Document, page_periods: dict[int, list[PeriodMatch]],
                     task_spans: list[Span], info: DocumentInfo, hints: Hints) -> Period | None:
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
    """One assignment per person and period: a name met twice (caption and body, prose and
    table) keeps the first record and gains the other's new tasks; the same person with
    tasks for two different periods keeps one record per period (convention 7)."""
    from rapidfuzz import fuzz

    def span_of(a: Assignment) -> tuple[int | None, int | None] | None:
        return (a.period.start, a.period.end) if a.period else None

    # "Văn Mười" beside "Hồ Văn Mười" in one document: the name cut short is the same person
    keys = {_key(a.cadre.text) for a in found}
    longer = {k: max((o for o in keys if o.endswith(" " + k)), key=len, default=k)
              for k in keys if len(k.split()) >= 2}
    found = sorted(found, key=lambda a: longer.get(_key(a.cadre.text), "") != _key(a.cadre.text))
    out: list[Assignment] = []
    for a in found:
        k = longer.get(_key(a.cadre.text), _key(a.cadre.text))
        at = next((i for i, b in enumerate(out) if longer.get(_key(b.cadre.text), _key(b.cadre.text)) == k and
                   (span_of(a) is None or span_of(b) is None or span_of(a) == span_of(b))), None)
        if at is None:
            # a duty the text says twice (a lead, then the body) is recorded once (convention
            # 10); a bare role said twice ("Trưởng Tiểu ban") may be two bodies' seats
            own: list[Task] = []
            for t in a.tasks:
                if len(t.text.split()) < 5 or all(fuzz.ratio(fold(t.text), fold(u.text)) < 90 for u in own):
                    own.append(t)
            out.append(replace(a, tasks=tuple(own)) if len(own) < len(a.tasks) else a)
            continue
        b = out[at]
        tasks = list(b.tasks)
        for t in a.tasks:
            if all(fuzz.ratio(fold(t.text), fold(u.text)) < 90 for u in tasks):
                tasks.append(t)
        out[at] = replace(b, tasks=tuple(tasks), position=b.position or a.position,
                          unit=b.unit or a.unit, period=b.period or a.period,
                          declared_count=b.declared_count or a.declared_count)
    return out


def _statistics(doc: Document) -> list[Statistic]:
    """Totals such as "giao 150 việc đột phá, đổi mới cho 90 cán bộ"."""
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
