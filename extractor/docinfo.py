"""The header block of a Vietnamese administrative or party document (thể thức văn bản).

The standard layout (Nghị định 30/2020, Hướng dẫn 36-HD/VPTW) puts, at the top::

    ĐẢNG CỘNG SẢN VIỆT NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM   (national line, ignored)
    HUYỆN ỦY CHIÊM HÓA                                         (issuer, cơ quan ban hành)
    Số: 125-QĐ/HU          Chiêm Hóa, ngày 01 tháng 3 năm 2022 (số/ký hiệu, địa danh, ngày)
    QUYẾT ĐỊNH                                                 (kind, tên loại)
    Về việc giao việc đột phá ...                              (trích yếu = title)

News items have none of it: their kind is "news" and their title is the first line.
"""
from __future__ import annotations

import re

from .recognize.text import fold
from .records import DocKind, Document, DocumentInfo

_NATIONAL = re.compile(r"đảng cộng sản việt nam|cộng hòa xã hội chủ nghĩa việt nam|độc lập\s*-\s*tự do|"
                       r"^-+$|^\*+$")
_NUMBER = re.compile(r"(?:số|so)\s*[:.]?\s*(\d+[\w/.\-–]*[/\-–][\wĐđ/.\-–]*[\wĐđ])", re.IGNORECASE)
_NUMBER_PROSE = re.compile(r"(?:quyết định|kế hoạch|báo cáo|công văn|thông báo|nghị quyết|"
                           r"chỉ thị|tờ trình|quy định)\s+(?:số\s+)?(\d+[\w/.\-–]*[/\-–][\wĐđ/.\-–]*[\wĐđ])",
                           re.IGNORECASE)
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)")
_DATE_NUM = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)(?!\d)")
_KINDS: list[tuple[DocKind, str]] = [("decision", r"quyết định"), ("report", r"báo cáo"), ("plan", r"kế hoạch"),
          ("decision", r"nghị quyết"), ("decision", r"thông báo"), ("decision", r"quy định"),
          ("plan", r"chương trình"), ("report", r"tờ trình")]
_KIND_BY_CODE: dict[str, DocKind] = {"QĐ": "decision", "QD": "decision", "BC": "report", "KH": "plan",
                 "NQ": "decision", "TB": "decision", "CTr": "plan"}


def read_docinfo(doc: Document) -> DocumentInfo:
    """Kind, number, issuer, date and title from the first page.

    >>> from extractor.records import Document, Page
    >>> text = ("HUYỆN ỦY CHIÊM HÓA\\nSố: 125-QĐ/HU\\nChiêm Hóa, ngày 01 tháng 3 năm 2022\\n"
    ...         "QUYẾT ĐỊNH\\nVề việc giao việc đột phá")
    >>> info = read_docinfo(Document("a.txt", "", "txt", (Page(1, text),)))
    >>> info.kind, info.number, info.issuer, info.date, info.title
    ('decision', '125-QĐ/HU', 'HUYỆN ỦY CHIÊM HÓA', '2022-03-01', 'Về việc giao việc đột phá')
    """
    if not doc.pages:
        return DocumentInfo()
    text = doc.pages[0].text
    head = text[:2500]
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    # table-laid headers put issuer and motto side by side, split by tabs
    cells = [c.strip() for ln in lines[:12] for c in re.split(r"\t|\s{3,}", ln) if c.strip()]

    number = None
    header_number = False
    m = _NUMBER.search(head)
    if m and m.start() < 800:
        number = m.group(1).rstrip(".")
        header_number = True
    else:
        m = _NUMBER_PROSE.search(text[:4000])
        if m:
            number = m.group(1).rstrip(".")

    date = None
    m = _DATE.search(fold(head))
    if m:
        date = f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    else:
        m = _DATE_NUM.search(head[:400])
        if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
            date = f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"

    kind: DocKind = "other"
    title = None
    kind_line = None
    for i, ln in enumerate(lines[:25]):
        f = fold(ln)
        if ln.isupper() and not _NATIONAL.search(f):
            for k, word in _KINDS:
                if f.startswith(word) and len(f) < 40:
                    kind, kind_line = k, i
                    break
        if kind_line is not None:
            break
    if kind_line is not None:
        rest = [ln for ln in lines[kind_line + 1:kind_line + 4]]
        title_lines = []
        for ln in rest:
            if re.match(r"^[-_*=]{3,}$", ln) or fold(ln).startswith(("căn cứ", "kính gửi")):
                break
            title_lines.append(ln)
            if not ln.endswith((",", "và")) and len(title_lines) >= 1 and fold(ln).startswith("về"):
                break
        title = " ".join(title_lines) or None
    if number and kind == "other" and header_number:
        code = re.search(r"[-/–]([A-ZĐa-zđ]+)", number)
        if code:
            kind = _KIND_BY_CODE.get(code.group(1), "other")
    if kind == "other" and lines:
        # no "QUYẾT ĐỊNH" line of its own: a registration form, or a report/plan named in its first lines
        for ln in lines[:4]:
            f = fold(ln)
            if re.match(r"(?:bản\s+)?đăng ký", f):
                kind = "plan"
            elif f.startswith(("báo cáo", "kết quả thực hiện")):
                kind = "report"
            elif f.startswith(("kế hoạch", "chương trình")):
                kind = "plan"
            elif f.startswith(("quyết định", "nghị quyết", "thông báo")):
                kind = "decision"
            if kind != "other":
                title = title or ln
                break
    if kind == "other" and not header_number and lines:
        kind = "news"
        title = lines[0] if len(lines[0]) < 250 else None

    issuer = None
    for c in cells[:8]:
        f = fold(c)
        if _NATIONAL.search(f) or _NUMBER.match(c) or _DATE.search(f):
            continue
        if c.isupper() and 4 < len(c) < 120 and not re.search(r"\d", c) and not any(f.startswith(w) for _, w in _KINDS):
            joins = issuer is not None and issuer.endswith(("ỦY", "BAN", "THƯỜNG VỤ"))
            issuer = c if issuer is None else (issuer + " " + c if joins else issuer)
            if issuer:
                break
    return DocumentInfo(kind=kind, number=number, issuer=issuer, date=date, title=title)
