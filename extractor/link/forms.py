"""Registration forms (bản đăng ký) and personal fields laid out as "Label: value".

    Họ và tên: Lý Mạnh Sơn
    Chức vụ: Chủ tịch Hội Nông dân xã
    Đơn vị công tác: Hội Nông dân xã Duy Sơn
    ... tôi đăng ký thực hiện 04 việc đột phá, đổi mới năm 2021 như sau:
    1. ...;
    2. ...

The person is the one the fields name; the tasks are the list items after the line
that announces them.
"""
from __future__ import annotations

import re

from ..recognize.counts import find_count
from ..recognize.text import fold, trim_span
from .prose import RawAssignment, list_items_after, paragraphs, split_tasks

# "Tôi tên là: …", "Tên tôi là …": a registration written in the first person
_NAME = re.compile(r"(?:(?:họ và tên|họ tên|tên cán bộ|người đăng ký)\s*:|(?:tôi\s+)?tên\s+(?:tôi\s+)?là\s*:?)\s*")
_POSITION = re.compile(r"(?:chức vụ|chức danh)\s*:\s*")
_UNIT = re.compile(r"(?:đơn vị công tác|đơn vị|cơ quan công tác|cơ quan)\s*:\s*")
_ANNOUNCE = re.compile(r"(?:đăng ký|được giao|nhận|cam kết)[^\n]*:\s*$")
_CONTENT = re.compile(r"\s*[-+•]?\s*(?:nội dung|tên việc|việc đột phá)\s*:\s*")


_ANY_LABEL = re.compile(r"\s(?:họ và tên|họ tên|chức vụ|chức danh|đơn vị công tác|đơn vị|cơ quan công tác|"
                        r"cơ quan|ngày sinh|đảng viên|nhiệm vụ được phân công|nhiệm vụ được giao|"
                        r"lĩnh vực phụ trách|số điện thoại)\s*:")


def _field(text: str, folded: str, rx: re.Pattern[str], ls: int, le: int) -> tuple[int, int] | None:
    """The value after "Label:" up to the line end or the next label on the same line
    (readers may join "Họ và tên: A  Chức vụ: B" into one line)."""
    m = rx.search(folded, ls, le) if rx is not _NAME else rx.match(folded, ls, le)
    if not m or (rx is not _NAME and m.start() > ls and not folded[m.start() - 1].isspace()):
        return None
    nxt = _ANY_LABEL.search(folded, m.end(), le)
    s, e = trim_span(text, m.end(), nxt.start() if nxt else le, " \t.;,")
    return (s, e) if e > s else None


# "I. ĐỒNG CHÍ TRIỆU VĂN KHÁNH - BÍ THƯ ĐẢNG ỦY XÃ": a registration's heading per person (a
# rank may follow the honorific; convention 8 keeps it out of the name). A numbered item that
# names a person ("2. Đồng chí …") is the next member of a list, not a task of the one above.
_HEADING = re.compile(r"\s*(?:[ivxlc]{1,5}|\d{1,2}|[a-zđ])[.)]\s*(?:đồng chí|đ/c|ông|bà)\s+"
                      r"(?:(?:đại|thượng|trung|thiếu)\s+(?:tướng|tá|úy|uý)\s+)?")
_HEAD_SEP = re.compile(r"\s+[-–—]\s+|\s*[,:(]\s*")
# labels of what is not the task itself: how, when, what comes of it
_NOT_TASK = re.compile(r"\s*(?:[-+•]\s*)?(?:giải pháp|biện pháp|cách làm|thời gian|thời hạn|tiến độ|kết quả|"
                       r"sản phẩm|mục tiêu|chỉ tiêu|người thực hiện|kinh phí|nguồn lực|lộ trình|phối hợp|"
                       r"đơn vị phối hợp|cơ quan phối hợp|ghi chú)[^:\n]{0,30}:")
_ITEM_START = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[-+•*–—])\s*")


def link_headings(text: str) -> list[RawAssignment]:
    """Registrations laid out one person per heading, their items below it:

        I. ĐỒNG CHÍ TRIỆU VĂN KHÁNH - BÍ THƯ ĐẢNG ỦY XÃ
        1. Nội dung: Chỉ đạo hoàn thành …
        Giải pháp: …
        Thời gian hoàn thành: …

    The tasks are the "Nội dung:" values, or, where no item is labelled, the numbered
    items that are not a solution, a deadline or a result.

    >>> t = ("I. ĐỒNG CHÍ LÊ VĂN AN - CHỦ TỊCH UBND XÃ\\n1. Nội dung: Làm đường thôn 3.\\nGiải pháp: Huy động dân.\\n"
    ...      "2. Nội dung: Số hóa hồ sơ.\\nII. ĐỒNG CHÍ HÀ THỊ MAI - CÔNG CHỨC TƯ PHÁP\\n1. Cấp 200 bản sao điện tử.")
    >>> [(t[slice(*r.cadre)], t[slice(*r.position[0])], [t[slice(*x)] for x in r.tasks])
    ...  for r in link_headings(t)]  # doctest: +NORMALIZE_WHITESPACE
    [('LÊ VĂN AN', 'CHỦ TỊCH UBND XÃ', ['Làm đường thôn 3', 'Số hóa hồ sơ']),
     ('HÀ THỊ MAI', 'CÔNG CHỨC TƯ PHÁP', ['Cấp 200 bản sao điện tử'])]
    """
    folded = fold(text)
    lines = paragraphs(text)
    heads = []
    for i, (ls, le) in enumerate(lines):
        m = _HEADING.match(folded, ls, le)
        if not m:
            continue
        sep = _HEAD_SEP.search(text, m.end(), le)
        ns, ne = m.end(), (sep.start() if sep else le)
        words = text[ns:ne].split()
        if not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
            continue
        title = trim_span(text, sep.end(), le, " \t.;,:)") if sep else None
        heads.append((i, (ns, ne), title if title and title[1] > title[0] else None))
    out = []
    for k, (i, name, title) in enumerate(heads):
        stop = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        block = lines[i + 1:stop]
        for j, (a, b) in enumerate(block):
            if (re.match(r"\s*(?:[ivxlc]+)[.)]\s", folded[a:b]) or text[a:b].strip().isupper()
                    or _HEADING.match(folded, a, b)):
                block = block[:j]  # the next section ("III. TỔ CHỨC THỰC HIỆN") is no one's
                break
        labelled = [(a, b, m) for a, b in block if (m := _CONTENT.match(folded, _item_body(folded, a, b), b))]
        tasks = []
        if labelled:
            for _a, b, m in labelled:
                end = re.compile(r"\.\s+(?=\S)").search(text, m.end(), b)
                s, e = trim_span(text, m.end(), end.start() if end else b, " \t.;,")
                if e > s:
                    tasks.append((s, e))
        else:
            for a, b in block:
                if re.match(r"\s*(?:[ivxlc]+)[.)]", folded[a:b]) or text[a:b].strip().isupper():
                    break  # the next section ("III. TỔ CHỨC THỰC HIỆN")
                m = _ITEM_START.match(folded, a, b)
                if not m or _NOT_TASK.match(folded, m.end(), b):
                    continue
                s, e = trim_span(text, m.end(), b, " \t.;,")
                if e > s:
                    tasks.append((s, e))
        if not tasks:
            continue
        raw = RawAssignment(cadre=name, name_how="form", trigger="form", position=[title] if title else [])
        raw.tasks = tasks
        raw.span = (lines[i][0], max(e for _, e in tasks))
        out.append(raw)
    return out


def _item_body(folded: str, a: int, b: int) -> int:
    """Where a line's text starts after its numbering ("1. Nội dung: …")."""
    m = _ITEM_START.match(folded, a, b)
    return m.end() if m else a


def link_forms(text: str) -> list[tuple[RawAssignment, tuple[int, int] | None]]:
    """Assignments from "Họ và tên: ..." forms, each with the span of its "Đơn vị:" value.

    >>> t = ("Họ và tên: Lý Mạnh Sơn\\nChức vụ: Chủ tịch Hội Nông dân xã\\n"
    ...      "Tôi đăng ký 2 việc như sau:\\n1. A b;\\n2. C d.")
    >>> [(t[slice(*r.cadre)], [t[slice(*x)] for x in r.tasks]) for r, _ in link_forms(t)]
    [('Lý Mạnh Sơn', ['A b', 'C d'])]
    """
    folded = fold(text)
    lines = paragraphs(text)
    out = []
    i = 0
    while i < len(lines):
        ls, le = lines[i]
        name = _field(text, folded, _NAME, ls, le)
        if not name or len(text[name[0]:name[1]].split()) < 2:
            i += 1
            continue
        hon = re.compile(r"(?:đồng chí|đ/c|ông|bà)\s+").match(folded, name[0], name[1])
        if hon:  # "Người đăng ký: Đồng chí Hà Văn Khiêm"
            name = (hon.end(), name[1])
        raw = RawAssignment(cadre=name, name_how="form", trigger="form")
        unit = _field(text, folded, _UNIT, name[1], le)
        pos = _field(text, folded, _POSITION, name[1], le)
        if pos:
            raw.position = [pos]
        j = i + 1
        while j < len(lines) and j <= i + 6:
            a, b = lines[j]
            pos = _field(text, folded, _POSITION, a, b)
            un = _field(text, folded, _UNIT, a, b)
            if pos:
                raw.position = [pos]
            elif un:
                unit = un
            elif _ANNOUNCE.search(folded, a, b):
                count = find_count(folded, a, b)
                raw.declared = count[0] if count else None
                raw.tasks = (_content_items(text, folded, lines, j) or list_items_after(text, folded, lines, j)
                             or _ordinal_line(text, folded, lines, j))
                break
            elif _NAME.match(folded, a, b):
                break
            j += 1
        if raw.tasks:
            raw.span = (ls, max(e for _, e in raw.tasks))
            out.append((raw, unit))
        i = j + 1
    seen = {fold(text[slice(*r.cadre)]) for r, _ in out}
    out.extend((r, None) for r in link_headings(text) if fold(text[slice(*r.cadre)]) not in seen)
    return out


def _content_items(text: str, folded: str, lines: list[tuple[int, int]], j: int) -> list[tuple[int, int]]:
    """Items laid out as "- Nội dung: X / - Sản phẩm: ... / - Thời gian: ...": the X's."""
    out = []
    for a, b in lines[j + 1:]:
        m = _CONTENT.match(folded, a, b)
        if m:
            end = re.compile(r"\.\s+(?=\S)").search(text, m.end(), b)
            s, e = trim_span(text, m.end(), end.start() if end else b, " \t.;,")
            if e > s:
                out.append((s, e))
        elif _NAME.match(folded, a, b) or not re.match(r"\s*[-+•]", folded[a:b]) and out and \
                not re.match(r"\s*việc thứ", folded[a:b]):
            break
    return out


def _ordinal_line(text: str, folded: str, lines: list[tuple[int, int]], j: int) -> list[tuple[int, int]]:
    """"Một là, A; Hai là, B; ..." on the line after the announcement."""
    if j + 1 >= len(lines):
        return []
    a, b = lines[j + 1]
    if not re.match(r"\s*(?:một là|thứ nhất)\s*[,:]", folded[a:b]):
        return []
    return split_tasks(text, folded, a, b)
