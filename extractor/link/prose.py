"""Build assignments from running text (prose, numbered lists under each cadre).

The shape of a Vietnamese assignment sentence is stable across kinds of documents::

    [period ,] [honorific] NAME [, | -] TITLE[, TITLE] TRIGGER [count] [là | :] TASK; TASK; ...
    [do] TITLE NAME TRIGGER TASK
    (là) ... do đồng chí NAME - TITLE làm ROLE

so the linker finds a person, reads the title in apposition (after the name, or
before it), then requires an assignment verb right after that (được giao, làm,
phụ trách, theo dõi, chỉ đạo, giúp, đăng ký ...). Verbs of speech, ceremony,
election or signature (cho biết, phát biểu, tặng hoa, ký, được bầu) end the
search: such people are mentioned, not assigned (GUIDELINES, hard negatives).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..recognize.counts import find_count, number_value
from ..recognize.names import HONORIFIC, find_names
from ..recognize.periods import PeriodMatch, find_periods
from ..recognize.text import UPPER, fold, trim_span
from ..recognize.titles import BODY_START, HEAD, HEAD_RE, STOP, TITLE_END, find_heads, title_extent
from ..text import spelling_key

# a name as the recogniser gives it: start, end, how it was found
NameSpan = tuple[int, int, str]

# ---------------------------------------------------------------------------- triggers
# (regex on folded text at the position right after the apposition, drop the verb?)
# "trực tiếp" stays with its duty ("trực tiếp chỉ đạo …" is how the gold writes it)
_ADVERBS = r"(?:(?:đã|sẽ|vẫn|cũng|được phân công|đồng thời|thì|nay|tiếp tục)\s+)*"
# the verbs of a duty over something ("phụ trách", "theo dõi", …), shared by the patterns below
_DUTY_VERBS = r"(?:trực tiếp\s+)?(?:phụ trách|theo dõi|chỉ đạo|quản lý)"
_DUTY_VERB_START = re.compile(r"\s*(?:" + _DUTY_VERBS + r"|(?:trực tiếp\s+)?(?:giúp|điều hành))(?![\w])")
# who hands a duty out, when named between "được" and the verb ("được Ban Thường vụ Huyện ủy phân công")
_AGENT = (r"(?:ban|chi bộ|đảng bộ|đảng ủy|chi ủy|cấp ủy|huyện ủy|tỉnh ủy|thành ủy|thị ủy|quận ủy|ubnd|hđnd|ủy ban|"
          r"thường trực|chủ tịch|bí thư|thủ tướng|bộ trưởng|giám đốc|lãnh đạo|hội đồng|bộ|sở|tổ chức|tập thể)(?![\w])")
TRIGGERS: list[tuple[str, re.Pattern[str], bool]] = [
    ("giao", re.compile(r"(?:cùng\s+|đã\s+|đều\s+)?được\s+(?:(?:(?!giao\b)[^,.;:]){0,60}?\s+)??giao(?:\s+bổ sung)?"
                        # "được giao phụ trách lĩnh vực X": the duty keeps its verb (convention 4)
                        r"(?:\s+(?:nhiệm vụ|thực hiện|việc))?(?![\w])"), True),
    # "được Ban Thường vụ (…) phân công …": who hands it out may stand between
    # ("chỉ định" only right after "được": a body's "chỉ định tham gia Ban Chấp hành" is an appointment)
    ("assign", re.compile(r"được\s+(?:(?:(?:" + _AGENT + r")"
                          r"(?:\([^()]{0,80}\)|(?!phân công|cử\s|giao\s)[^,.;:()]){0,70}?\s+)??"
                          r"(?:phân công|cử|ủy quyền|ủy nhiệm)|chỉ định)(?:\s+(?:làm|giữ|kiêm))?(?![\w])"), True),
    ("register", re.compile(r"(?:đã\s+)?(?:đăng ký|chọn|lựa chọn|nhận|cam kết)(?:\s+thực hiện)?"
                            r"(?:\s+(?:việc|nhiệm vụ)(?=\s+(?!đột phá|trọng tâm|đổi mới)))?(?![\w])"), True),
    ("role", re.compile(r"(?:trực tiếp\s+|kiêm\s+|được phân công\s+)?làm(?:\s+nhiệm vụ)?(?=\s)"), True),
    # "do bà X, Bí thư Huyện ủy là trưởng đoàn": "là" before a role in a body set up for a purpose
    ("role", re.compile(r"(?:cùng\s+|sẽ\s+|đã\s+|vẫn\s+|cũng\s+)?là"
                        r"(?=\s+(?:phó\s+)?(?:trưởng đoàn|trưởng ban|tổ trưởng|tổ phó|trưởng tiểu ban|"
                        r"chủ tịch (?:hội đồng|ủy ban|uỷ ban)|thành viên|ủy viên|uỷ viên|người phát ngôn)"
                        r"(?![\w]))"), True),
    # "tham gia Ủy viên Ban Chỉ đạo": joining a body in a role; the role is the task
    ("holds", re.compile(r"(?:được\s+)?(?:bổ sung\s+)?tham gia(?:\s+(?:làm|là))?"
                         r"(?=\s+(?:phó\s+)?(?:ủy viên|uỷ viên|thành viên|trưởng|tổ trưởng|tổ phó|thư ký)"
                         r"(?![\w]))"), True),
    # "đảm nhận nhiệm vụ theo dõi, chỉ đạo …": the duty follows the verb of taking it on
    ("assign", re.compile(r"(?:đảm nhận|đảm nhiệm|nhận)\s+(?:thêm\s+)?nhiệm vụ(?:\s+là)?"
                          r"(?=\s)(?!\s+(?:mới|khác))"), True),
    ("duty_colon", re.compile(r"(?:phụ trách|chịu trách nhiệm|đảm nhận)\s*:"), True),
    ("duty", re.compile(_ADVERBS + r"(?=(?:tạm thời\s+)?(?:trực tiếp\s+)?"
                        r"(?:phụ trách|theo dõi|chỉ đạo|lãnh đạo|giúp|chịu trách nhiệm|điều hành|"
                        r"tạm thời điều hành|quản lý|kiêm nhiệm|trực tiếp chỉ đạo|chủ trì thực hiện|thay mặt|"
                        r"tổ chức thực hiện|thực hiện nhiệm vụ)(?![\w]))"), False),
    ("holds", re.compile(r"(?:giữ chức|kiêm|giữ vai trò|đảm nhiệm(?: vai trò| chức)?|đảm nhận vai trò)"
                         r"(?:\s+vụ)?(?=\s)"), True),
    # "Phó Chủ tịch UBND xã X phải hoàn thành 03 việc: A; B"
    ("must", re.compile(r"(?:phải|cần|có trách nhiệm)\s+(?:hoàn thành|thực hiện|triển khai)(?![\w])"), True),
    # "Đồng chí X (Bí thư Đảng ủy) - việc được giao: A; B"
    # "Đối với đ/c X - Chủ tịch UBND xã, Ban Thường vụ giao 3 nội dung ..., gồm: A; B"
    ("body_gives", re.compile(r",?\s*(?:ban thường vụ|thường trực|ban chấp hành|huyện ủy|tỉnh ủy|thành ủy|"
                              r"đảng ủy|ubnd|chủ tịch ubnd)[^.;:]{0,50}?\sgiao(?![\w])"), True),
    # "..., đồng chí X, thực hiện (1) A; (2) B"
    # "…, thực hiện việc đột phá: A", "…, thực hiện các nhiệm vụ sau: A; B"
    ("perform", re.compile(r",?\s*(?:thực hiện|đảm nhận)"
                           r"(?:\s+(?:các\s+|\d{1,2}\s+)?(?:việc|nhiệm vụ|nội dung|công việc)"
                           r"(?:\s+(?:đột phá|trọng tâm|đổi mới))?(?:\s+(?:sau|như sau|sau đây))?)?"
                           r"(?=\s*(?:\(\d{1,2}\)|:))"), True),
    ("labelled", re.compile(r"[-–:]?\s*(?:các\s+)?(?:việc|nội dung|nhiệm vụ|công việc)(?:\s+đột phá)?"
                            r"(?:\s+được giao|\s+đăng ký)\s*:"), True),
    # "+ Đ/c X, Bí thư Đảng ủy xã: A; B." (a list of duties after the title)
    ("colon", re.compile(r":(?=[ \t]*\S)"), True),
]
# What may follow "làm" for it to be a role rather than "làm việc", "làm rõ", ...
ROLE_WORD = re.compile(r"\s*(?:phó\s+)?(?:trưởng|tổ trưởng|tổ phó|thành viên|ủy viên|chủ nhiệm|"
                       r"thư ký|chánh|giám đốc|chủ tịch|bí thư|đội trưởng|đầu mối|người đứng đầu|"
                       r"chỉ huy|thường trực|trưởng đoàn|trưởng ban|phó ban|phụ trách|chủ trì|"
                       r"giảng viên|báo cáo viên|cố vấn|tư vấn|người phát ngôn)(?![\w])")
# Roles in a body set up for a purpose (convention 1), one vocabulary for the linkers: its
# heads and deputies (who may be the subject of a duty: "Tổ trưởng trực tiếp chỉ đạo …"), and
# with its members, every seat
HEAD_ROLES = (r"(?:phó\s+)?(?:trưởng đoàn|phó đoàn|đoàn trưởng|tổ trưởng|tổ phó|trưởng ban|phó ban|trưởng tiểu ban|"
              r"phó tiểu ban|trưởng nhóm)")
BODY_ROLES = r"(?:" + HEAD_ROLES + r"|thành viên|ủy viên|uỷ viên)"
_NUMBERED_HEADING = re.compile(r"\s*(?:[IVXLC]{1,5}|[A-ZĐ])[.)]\s+\S")


def is_section_heading(line: str) -> bool:
    """A numbered heading in capitals that opens another part of the document ("III. TỔ CHỨC
    THỰC HIỆN"): the items under it belong to no one above it.

    >>> is_section_heading("III. TỔ CHỨC THỰC HIỆN"), is_section_heading("1. Đ/c Lê Văn An, Chủ tịch")
    (True, False)
    """
    line = line.strip()
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return False
    return bool(_NUMBERED_HEADING.match(line)) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


# Speech, ceremony, election, signature: the person is mentioned, not assigned.
NEGATIVE = re.compile(r"(?:đã\s+|sẽ\s+|cũng\s+)?(?:cho biết|phát biểu|nhấn mạnh|khẳng định|chủ trì|"
                      r"tặng|trao|ký|được bầu|được bổ nhiệm|được điều động|được khen|thay mặt|"
                      r"chúc mừng|kiểm tra|thăm|dự|tham dự|đề nghị|yêu cầu|chia sẻ|nói|"
                      r"được miễn nhiệm|thôi giữ|nghỉ|trình bày|báo cáo|nêu|đánh giá|tiếp thu|ghi nhận|"
                      r"biểu dương|phê bình|kiến nghị|bày tỏ|trả lời|giải trình|cảm ơn|tiếp|đón|gặp|"
                      r"(?:được\s+)?(?:nhận|trao|tặng)\s+(?:bằng khen|giấy khen|danh hiệu|huân chương|huy chương|"
                      r"kỷ niệm chương|cờ thi đua|quà|hoa))(?![\w])")
# A proposal or a possibility is not an assignment (yet).
HEDGE = re.compile(r"(?:đề xuất|đề nghị|dự kiến|có thể|sẽ xem xét|nghiên cứu|giới thiệu|ý kiến của|"
                   # "bầu" the verb, not "bầu cử" in a body's name ("Ban bầu cử", "Ủy ban Bầu cử")
                   r"bầu(?!\s+cử)|miễn nhiệm|bổ nhiệm|cảm ơn|thăm|chúc mừng)(?![\w])")
LIST_START = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[ivx]+[.)]|[-+•*–—○●▪·])\s*")
# on the original text (the name's capital matters): "; đ/c Lâm Thị Thu Hằng, ..." starts another person
_PERSON_INTRO = re.compile(r"(?:^|[;,:]\s*|\s)(?:(?:[đĐ]ồng chí|[đĐ]/\s?[cC]|[ôÔ]ng|[bB]à)\s+\**[" + UPPER + r"])")


@dataclass
class RawAssignment:
    """An assignment as found, before it becomes a frozen record (offsets into one page)."""

    cadre: tuple[int, int]
    name_how: str
    position: list[tuple[int, int]] = field(default_factory=list)
    tasks: list[tuple[int, int]] = field(default_factory=list)
    period: PeriodMatch | None = None
    declared: int | None = None
    trigger: str = ""
    span: tuple[int, int] = (0, 0)
    open_list: bool = False  # announced a count but the tasks come later
    # from the trained tagger: its confidence, and the roles it gave a list of people together
    confidence: float = 0.0
    shared: list[tuple[int, int]] = field(default_factory=list)


# ---------------------------------------------------------------------------- segmentation
# a sentence ends at . ! ? … before a capital; not at the dot of "TP. Hồ Chí Minh", "Tp. Huế"
_SENT_END = re.compile(r"(?<![\s(]TP\.)(?<![\s(]Tp\.)(?<=[.!?…])[\"”’)]?\s+(?=[\"“(]?[" + UPPER + r"0-9])|\n")
_CITY_DOT = re.compile(r"(?<![\w])tp\.(?=\s)")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) split into sentences (and lines), offsets kept."""
    out, pos = [], start
    for m in _SENT_END.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return [trim_span(text, s, e, " \t") for s, e in out if text[s:e].strip()]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Lines of text: the reader lays each paragraph, list item and table row on its own line."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# ---------------------------------------------------------------------------- apposition
# what stands between a name and its title: a comma, a dash (spaced, or glued as typists
# glue it: "Lò Thị Mai-Phó Chánh Văn phòng"), a colon, or a space right before a post
_SEP = re.compile(r"[*_]{0,3}\s*(?:\([^)]{0,60}\))?\s*"
                  r"(?:,|\s[-–—]|[-–—]\s|[-–—](?=\w)|:|[ \t](?=" + HEAD_RE + r"(?![\w])))\s*")


def title_after(text: str, folded: str, pos: int, limit: int) -> tuple[list[tuple[int, int]], int]:
    """Titles in apposition after a name: ", Tỉnh ủy viên, Bí thư Huyện ủy" -> spans, end."""
    titles: list[tuple[int, int]] = []
    par = re.compile(r"\s*\(").match(folded, pos, limit)
    if par and HEAD.match(folded, par.end()):
        close = folded.find(")", par.end(), limit)
        if close > 0:
            inner = par.end()
            while True:
                e = min(title_extent(folded, inner, close), close)
                s_, e_ = trim_span(text, inner, e)
                if e_ > s_:
                    titles.append((s_, e_))
                nxt = re.compile(r"\s*,\s*").match(folded, e, close)
                if nxt and HEAD.match(folded, nxt.end()):
                    inner = nxt.end()
                    continue
                break
            return titles, close + 1
    m = _SEP.match(folded, pos, limit)
    if m and not HEAD.match(folded, m.end()) and ":" not in m.group():
        post = apposition(text, folded, m.end(), limit)
        if not post:
            return titles, pos
        # a rank before the post ("Thiếu tướng, Thứ trưởng Bộ Công an"): the post is the title
        more, end = title_after(text, folded, post[1], limit)
        return (more, end) if more else ([post], post[1])
    if not m or not HEAD.match(folded, m.end()):
        return titles, pos
    cur = m.end()
    while True:
        end = _joined_fields(text, folded, title_extent(folded, cur, limit), limit)
        s, e = trim_span(text, cur, end)
        if e <= s:
            break
        e = _with_parent_bodies(text, folded, e, limit)
        titles.append((s, e))
        pos = e
        nxt = re.compile(r"\s*(?:,|\s[-–—]\s)\s*").match(folded, e, limit)
        if nxt and HEAD.match(folded, nxt.end()):
            cur = nxt.end()
            continue
        break
    return titles, pos


_COMMA = re.compile(r"\s*,\s*")


def _with_parent_bodies(text: str, folded: str, end: int, limit: int) -> int:
    """Where a post ends when the bodies it sits in follow it after commas, as national
    lists write them ("Cục trưởng Cục Quân nhu, Tổng cục Hậu cần, Bộ Công an"): each
    capitalised run that opens with a body word and holds no verb belongs to the post.

    >>> t = "Phó Cục trưởng Cục Thuế, Bộ Tài chính, Phó Tổ trưởng"
    >>> t[:_with_parent_bodies(t, fold(t), 23, len(t))]
    'Phó Cục trưởng Cục Thuế, Bộ Tài chính'
    """
    while True:
        c = _COMMA.match(folded, end, limit)
        if not c or c.end() >= limit or not text[c.end()].isupper() or HEAD.match(folded, c.end()) \
                or not BODY_START.match(folded, c.end()):
            return end
        stop = TITLE_END.search(folded, c.end(), limit)
        s, e = trim_span(text, c.end(), stop.start() if stop else limit)
        # a passive verb ends the post ("…, Thanh tra Chính phủ được giao …": the person is
        # given it); a last word that only looks like a verb closes a body's name ("Tổng cục Hậu cần")
        for m in STOP.finditer(folded, s, e):
            tail = m.end() == e and text[s:m.start()].split()[-1:] != [] and text[s:m.start()].split()[-1][0].isupper()
            if not tail:
                if not folded.startswith(" được", m.start()):
                    return end  # "…, Ban Thường vụ giao …": the body acts, it is no part of the post
                s, e = trim_span(text, s, m.start())
                break
        words = re.findall(r"[^\W\d_]+", text[s:e])
        if e <= s or len(words) > 8 or not words[0][0].isupper() \
                or not any(w[0].isupper() for w in words[1:]):  # "Tổng cục Hậu cần", not "Bộ phận"
            return end
        end = e
        if stop is None or e < stop.start() - 1:
            return end  # the verb closed it


# where a post named by no known head ends: a clause mark, or a verb or honorific after it
_APPOSITION_END = re.compile(r"[,;:!?()\[\]\"“”\n\t]|\.(?=\s|$)")
_DASH = re.compile(r"\s[-–—]\s+")
_NOT_POST = re.compile(r"(?:theo|tại|trong|ngoài|sau|trước|khi|nhưng|tuy|vì|do|với|ngày|năm|tháng|ảnh|nguồn|người|"
                       r"cùng|và|hoặc|còn|đây|đó|này|một|các|những|cho|đến|từ)(?![\w])")


def _post_like(text: str, folded: str, s: int, e: int) -> bool:
    """Words that read as a post: not a sentence's opening word, and not capitalised
    throughout as a name or a place is ("Hà Giang")."""
    words = re.findall(r"[^\W\d_]+", text[s:e])
    if not words or _NOT_POST.match(folded, s):
        return False
    return len(words) == 1 or not all(w[0].isupper() for w in words)


def _joined_fields(text: str, folded: str, end: int, limit: int) -> int:
    """"Công chức Tư pháp - Hộ tịch": a dash between two fields of one post joins them;
    a dash before a verb, a name or another post ("- phụ trách", "- Phó Chủ tịch") ends it."""
    d = _DASH.match(folded, end, limit)
    if not d or d.end() >= limit or not text[d.end()].isupper() or HEAD.match(folded, d.end()):
        return end
    stop = [limit] + [m.start() for m in (_APPOSITION_END.search(folded, d.end(), limit),
                                          STOP.search(folded, d.end(), limit),
                                          _DASH.search(folded, d.end(), limit)) if m]
    s, e = trim_span(text, d.end(), min(stop))
    words = re.findall(r"[^\W\d_]+", text[s:e])
    if e <= s or len(words) > 6 or all(w[0].isupper() for w in words):
        return end
    return e


def apposition(text: str, folded: str, start: int, limit: int) -> tuple[int, int] | None:
    """A post in apposition that no head of :data:`HEAD` names, as communes write their
    own ("…, Công chức Tư pháp - Hộ tịch, được giao …"): a run of 2-10 words after the
    name's comma that starts with a capital, mixes capitalised and plain words as a
    post does (a name or a place capitalises every word), holds no number and ends at a
    clause mark or at the sentence's verb.

    >>> t = "Bà Lò Thị Mai, Công chức Tư pháp - Hộ tịch, được giao số hóa sổ"
    >>> s, e = apposition(t, fold(t), 15, len(t)); t[s:e]
    'Công chức Tư pháp - Hộ tịch'
    >>> t = "Ông Lê An, Hà Nội, được giao"
    >>> apposition(t, fold(t), 11, len(t)) is None
    True
    """
    if start >= limit or not text[start].isupper() or _NOT_POST.match(folded, start):
        return None
    ends = [limit]
    for pattern in (_APPOSITION_END, STOP):
        m = pattern.search(folded, start, limit)
        if m:
            ends.append(m.start())
    end = min(ends)
    for d in _DASH.finditer(folded, start, end):
        # "Tư pháp - Hộ tịch" joins two fields; "- phụ trách …", "- Phó Chủ tịch" go on to another part
        if d.end() >= end or text[d.end()].islower() or HEAD.match(folded, d.end()):
            end = d.start()
            break
    s, e = trim_span(text, start, end)
    words = re.findall(r"[^\W\d_]+|\d+", text[s:e])
    if not 2 <= len(words) <= 10 or any(w.isdigit() for w in words):
        return None
    if not _post_like(text, folded, s, e) or not words[1][0].islower():
        return None  # a name, a place or an organisation's initials, not a post
    return s, e


def title_before(text: str, folded: str, name_start: int, floor: int) -> tuple[int, int] | None:
    """A title written right before the name: "Phó Chủ tịch UBND tỉnh Trần Văn Tân"."""
    window_start = max(floor, name_start - 120)
    clause = folded[window_start:name_start]
    clause = _CITY_DOT.sub("tp ", clause)  # "UBND TP. Hồ Chí Minh": the dot shortens a word
    cut = max(clause.rfind(c) for c in ",;:.()\n\t")
    base = window_start + cut + 1 if cut >= 0 else window_start
    stops = [m.end() for m in STOP.finditer(folded, base, name_start)
             if m.group().strip() not in ("đồng chí", "đ/c", "ông", "bà")]
    heads = find_heads(folded, base, name_start)
    if stops and find_heads(folded, stops[-1], name_start):
        # "Chủ tịch UBND phân công Phó Chủ tịch UBND A": the title after the verb
        base = stops[-1]
        heads = find_heads(folded, base, name_start)
    if not heads:
        # "Với cương vị Bí thư Đảng ủy, Chủ tịch HĐND xã Tam Anh, đồng chí NAME"
        # (not across ";": there the post before it closes the previous person's item)
        if folded[base - 1:base] != ";" and re.fullmatch(r"\s*(?:đồng chí|đ/c|ông|bà)\s*", folded[base:name_start]):
            # "1. Chủ tịch Ủy ban MTTQ huyện A Lưới, đồng chí NAME": the title before the comma
            seg_start = max(folded.rfind(c, max(floor, base - 160), base - 1) for c in ",;:.\n\t") + 1
            seg_start = max(seg_start, floor)
            lab = LIST_START.match(folded, seg_start, base)
            if lab and not re.match(r"\s*[-–—]\s", folded[seg_start:lab.end()]):
                seg_start = lab.end()
            seg_start = len(folded[:seg_start]) + (len(folded[seg_start:base]) - len(folded[seg_start:base].lstrip()))
            if HEAD.match(folded, seg_start):
                s, e = trim_span(text, seg_start, base - 1)
                if e > s and not STOP.search(folded, s, e):
                    return s, e
            m = re.compile(r"(?:với|trên)\s+(?:cương vị|tư cách)\s+").search(folded, max(floor, base - 200), base)
            if m and HEAD.match(folded, m.end()):
                s, e = trim_span(text, m.end(), base)
                if e > s and not STOP.search(folded, s, e):
                    return s, e
        return None
    hs = heads[0][0]
    for h, _ in heads[1:]:
        # "… làm Phó Trưởng Ban Thường trực và Phó Chủ tịch UBND TP Hà Văn Nam làm …": a
        # title that "và" opens right before the name is the next person's whole title
        if folded[max(hs, h - 4):h] == " và ":
            hs = h
    tail = re.compile(r"\s*[-–—]\s*(?:đồng chí|đ/c|ông|bà)\s*$").search(folded, hs, name_start)
    s, e = trim_span(text, hs, tail.start() if tail else name_start)
    if e <= s or STOP.search(folded, s, e):
        return None
    inner = find_names(text[s:e])
    if inner:
        # "các Phó Chủ tịch UBND TP A và B": the title before a list of names is each one's;
        # anything else between a name and this one is not this one's title
        if not re.fullmatch(r"\s*(?:,|và)\s*", text[s + inner[-1][1]:name_start]):
            return None
        s, e = trim_span(text, s, s + inner[0][0])
        if e <= s:
            return None
    if hs == base or not folded[base:hs].strip():
        # "Bí thư Đảng ủy, Chủ tịch HĐND xã Tân An Lò Thị Mai": earlier titles too
        while True:
            m = re.compile(r"([^,;:.()\n]{2,80}),\s*$").search(folded, max(floor, s - 90), s)
            if not m or not HEAD.match(folded, m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())):
                break
            s2 = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
            if STOP.search(folded, s2, m.end(1)) or TITLE_END.search(folded, s2, m.end(1)):
                break
            if find_names(text[s2:m.end(1)]):
                break  # "…, Chủ tịch Hội Nông dân huyện A, Giám đốc Sở B": A's title, not B's
            s = s2
    return s, e


# ---------------------------------------------------------------------------- tasks
_TRAIL_PASSIVE = re.compile(r"\s+(?:được|do)\s+(?:ban thường vụ|thường trực|ban chấp hành|ubnd|"
                            r"hđnd|huyện ủy|tỉnh ủy|thành ủy|đảng ủy|cấp ủy|chủ tịch|lãnh đạo)[^;]*?"
                            r"giao(?:\s+bổ sung|\s+thêm)?\s*$")
_ORDINAL = re.compile(r"\s*(?:thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:một|hai|ba|bốn|năm) là)\s*[,:]\s*")
# a bracket that points at the document itself ("này": this decision, this list) remarks
# on the text; other brackets after a post qualify it and stay
_ROLE_ASIDE = re.compile(r"\s*\((?=[^()]{0,40}?(?<![\w])này(?![\w]))")
# where a role ends: the next person, or the next body of a list given its head ("…làm
# Trưởng tiểu ban và Tiểu ban Tổ chức do X làm Trưởng Tiểu ban")
_ROLE_END = re.compile(r",\s*(?:đồng chí|đ/c|ông|bà)\s|\svà\s(?:các|ông|bà|đồng chí)(?![\w])|;"
                       r"|\svà\s(?=(?:tiểu ban|ban|tổ|hội đồng|đoàn|nhóm)\s[^.;]{0,120}?\sdo\s)")


_NEXT_FIELD = re.compile(r"\s*,\s*(?:thời gian|thời hạn)(?:\s+(?:thực hiện|hoàn thành|thanh tra|kiểm tra))?"
                         r"\s+(?:là|từ|đến|trong)(?![\w])")


def clean_task(text: str, folded: str, s: int, e: int) -> tuple[int, int]:
    """Trim numbering, bullets, closing punctuation and a trailing "được ... giao"."""
    s, e = trim_span(text, s, e, " \t\n,;:.")
    m = LIST_START.match(folded, s, e)
    if m and m.end() < e:
        s = m.end()
    m = _ORDINAL.match(folded, s, e)
    if m and m.end() < e:
        s = m.end()
    m = re.compile(r"\(\d{1,2}\)\s*").match(folded, s, e)
    if m and m.end() < e:
        s = m.end()
    st = re.compile(r"\s+—\s+[*_]*(?:hoàn thành|đang|chưa|đạt|đã)").search(folded, s, e)
    if st:  # "... — *hoàn thành 80%*": a progress note, not part of the task
        e = st.start()
    p = _TRAIL_PASSIVE.search(folded, s, e)
    if p and p.start() > s:
        e = p.start()
    f = _NEXT_FIELD.search(folded, s, e)
    if f and f.start() > s:
        e = f.start()  # "…, thời gian thực hiện là 50 ngày": the deadline, a field of its own
    c = re.compile(r"[\s,]+(?:và|cùng)\s*$").search(folded, s, e)
    if c and c.start() > s:
        e = c.start()  # the cut fell after the "và" that opens the next person
    # an unbalanced closing quote or bracket left by the cut
    s, e = trim_span(text, s, e, " \t\n,;:.")
    while e > s and text[e - 1] in "”\"" and text[s:e].count("“") + text[s:e].count("\"") % 2 == 0:
        e -= 1
    return trim_span(text, s, e, " \t\n,;:.…")  # "…" closes a list as "v.v." does


def split_tasks(text: str, folded: str, s: int, e: int, *, role: bool = False,
                declared: int | None = None, objects: bool = False) -> list[tuple[int, int]]:
    """Split a task list at ';' (and, for roles, at ' - ' before another title).

    ``objects``: the list follows a verb of duty ("phụ trách", "theo dõi"), whose objects a
    ';' may list too."""
    parts: list[tuple[int, int]] = []
    pos = s
    for m in re.finditer(r";|(?<=[\s,])\(\d{1,2}\)(?=\s)", folded[s:e]):
        parts.append((pos, s + m.start()))
        pos = s + m.end()
    parts.append((pos, e))
    out: list[tuple[int, int]] = []
    if role:  # one post per clause; what follows ';' is another person's or another matter
        parts = parts[:1]
    for ps, pe in parts:
        if out and _PERSON_INTRO.match(text, ps):
            break  # the next person's clause
        intro = re.search(r"[,;]\s*(?:đồng chí|đ/c|ông|bà)\s+[" + UPPER + r"]", text[ps:pe])
        if intro and out:
            break
        if intro:
            pe = ps + intro.start()
        if role:
            r = _ROLE_END.search(folded, ps, pe)
            if r:
                pe = r.start()
            aside = _ROLE_ASIDE.search(folded, ps, pe)
            if aside and aside.start() > ps:
                pe = aside.start()  # "Phó Trưởng ban (quyết định này thay thế …)": a remark on the text
            # "Trưởng Ban A (...) - Trưởng ban B": two posts
            cut = ps
            for d in re.finditer(r"\s[-–—]\s", folded[ps:pe]):
                at = ps + d.end()
                if HEAD.match(folded, at):
                    out.append(clean_task(text, folded, cut, ps + d.start()))
                    cut = at
            ps = cut
        out.append(clean_task(text, folded, ps, pe))
    out = [(a, b) for a, b in out if b > a]
    if objects and len(out) > 1 and (DOMAIN_VERB.match(folded, out[0][0])
                                     or LISTS_OBJECTS.match(folded, out[0][0], out[0][1])):
        # "phụ trách lĩnh vực A; B; C": the parts after the first with no verb or post of
        # their own are more objects of its verb, so one task (convention 5)
        joined = [out[0]]
        for a, b in out[1:]:
            if _OWN_VERB.match(folded, a) or HEAD.match(folded, a):
                joined.append((a, b))
            else:
                joined[-1] = (joined[-1][0], b)
        out = joined
    if declared and len(out) == 1 and declared > 1:
        out = split_parallel(text, folded, out[0], declared)
    return out


# a duty's verb and what it is over, then the list of its objects ("phụ trách các chương
# trình, đề án như: A; B; C")
LISTS_OBJECTS = re.compile(_DUTY_VERBS + r"(?![\w])[^.;:]{0,80}?(?:\s(?:như|gồm)\s*:|:)")
# a duty over a domain, whose objects a ';' may list; and what opens a duty of its own
DOMAIN_VERB = re.compile(r"(?:tạm thời\s+)?" + _DUTY_VERBS + r"(?:,\s*chỉ đạo)?"
                          r"\s+(?:các\s+)?(?:lĩnh vực|khối|ngành|công tác)(?![\w])")
_OWN_VERB = re.compile(r"(?:đồng thời\s+)?(?:tạm thời\s+)?(?:trực tiếp|phụ trách|theo dõi|chỉ đạo|lãnh đạo|giúp|"
                       r"chịu trách nhiệm|điều hành|quản lý|kiêm|làm|là|tham gia|chủ trì|thay mặt|giải quyết|"
                       r"xử lý|ký|phê duyệt|thực hiện|tổ chức|chủ tịch|trưởng|phó|thành viên|ủy viên)(?![\w])")


def split_parallel(text: str, folded: str, span: tuple[int, int], declared: int) -> list[tuple[int, int]]:
    """"tham mưu A và tham mưu B" announced as 2 items: split where "và" repeats the first words."""
    s, e = span
    words = folded[s:e].split()
    if len(words) < 4:
        return [span]
    lead = " ".join(words[:2])
    cuts = [s + m.start() for m in re.finditer(r"\svà\s" + re.escape(lead) + r"(?![\w])", folded[s:e])]
    if len(cuts) + 1 != declared:
        lead = words[0]
        cuts = [s + m.start() for m in re.finditer(r"\svà\s" + re.escape(lead) + r"(?![\w])", folded[s:e])]
    if len(cuts) + 1 != declared:
        return _split_commas(text, folded, span, declared)
    out, pos = [], s
    for c in cuts:
        out.append(clean_task(text, folded, pos, c))
        pos = c + len(" và ")
    out.append(clean_task(text, folded, pos, e))
    return out


def _split_commas(text: str, folded: str, span: tuple[int, int], declared: int) -> list[tuple[int, int]]:
    """"được giao 5 việc: A, B, C, D và E": the announced count of items written with commas
    (the last joined by "và"); only when the count comes out exactly."""
    s, e = span
    cuts = [(s + m.start(), s + m.end()) for m in re.finditer(r",\s*", folded[s:e])]
    if len(cuts) + 2 == declared:
        last = cuts[-1][1] if cuts else s
        ands = [m for m in re.finditer(r"\s(?:và|cùng với)\s", folded[last:e])]
        if ands:
            cuts.append((last + ands[-1].start(), last + ands[-1].end()))
    if len(cuts) + 1 != declared:
        return [span]
    out, pos = [], s
    for a, b in cuts:
        out.append(clean_task(text, folded, pos, a))
        pos = b
    out.append(clean_task(text, folded, pos, e))
    return [t for t in out if t[1] > t[0]] if all(t[1] > t[0] for t in out) else [span]


# ---------------------------------------------------------------------------- the linker
def link_prose(text: str, *, extra_names: list[tuple[int, int]] | None = None) -> list[RawAssignment]:
    """Assignments found in one page of text.

    >>> t = "Năm 2021, đồng chí Ma Trọng Long, Chủ tịch UBND xã Hòa Phú được giao 2 việc là A b; C d."
    >>> [(t[slice(*r.cadre)], [t[slice(*x)] for x in r.tasks]) for r in link_prose(t)]
    [('Ma Trọng Long', ['A b', 'C d'])]
    """
    folded = fold(text)
    names = find_names(text)
    names += _again_in_lower_case(text, names)
    known = {(s, e) for s, e, _ in names}
    for s, e in extra_names or []:  # from the trained model: only where rules found nothing
        if not any(s < ke and ks < e for ks, ke in known):
            names.append((s, e, "model"))
    roles = _role_subjects(text, folded, names)
    names = sorted(names + [(s, e, "role") for s, e in roles])
    periods = find_periods(text, folded)
    out: list[RawAssignment] = []
    paras = paragraphs(text)
    lines = [(s, e) for s, e in paras]
    for pi, (ps, pe) in enumerate(paras):
        pending: RawAssignment | None = None
        for ss, se in sentences(text, ps, pe):
            in_sent = [n for n in names if ss <= n[0] < se]
            found_here = False
            waiting: list[tuple[int, int, str]] = []
            for ni, (ns, ne, how) in enumerate(in_sent):
                next_name = in_sent[ni + 1][0] if ni + 1 < len(in_sent) else se
                raw = read_assignment(text, folded, ns, ne, how, ss, se, next_name)
                if raw is None:
                    waiting.append((ns, ne, how))
                    continue
                # "hai đồng chí A (Bí thư) và B (Chủ tịch) cùng được giao ... là X": A shares B's tasks;
                # so does every person of a list the sentence opens as plural ("các ông A - Giám
                # đốc Sở X, B - Giám đốc Sở Y là Phó Trưởng ban")
                together = bool(re.match(r"[^.;:]{0,120}?\bcùng\b", folded[ne:se]))
                plural = bool(waiting) and bool(_PLURAL_LEAD.search(folded, max(ss, waiting[0][0] - 24), waiting[0][0]))
                # "phân công đồng chí A, <title> và đồng chí B, <title> trực tiếp chỉ đạo …": the
                # people the verb hands the duty to, joined by "và", each hold it (convention 7)
                handed = bool(waiting) and bool(_HANDED_TO.search(folded, max(ss, waiting[0][0] - 40), waiting[0][0]))
                plural = plural or handed
                for ws_, we_, wh_ in waiting:
                    titles_w, app_end = title_after(text, folded, we_, ns)
                    between = folded[we_:ns] if together else folded[app_end:ns]
                    if (together or (plural and titles_w)) and \
                            re.fullmatch(r"\s*(?:\([^)]{0,80}\))?\s*(?:,|;|và)\s+"
                                         r"(?:đồng chí\s+|ông\s+|bà\s+|đ/c\s+)?", between):
                        twin = RawAssignment(cadre=(ws_, we_), name_how=wh_, trigger=raw.trigger + ":shared",
                                             tasks=list(raw.tasks), declared=raw.declared, span=raw.span)
                        if titles_w:
                            twin.position = list(titles_w)
                        twin.period = pick_period(periods, raw, ss, se, ps, pe)
                        out.append(twin)
                if waiting and raw.trigger in ("role", "holds", "assign") and raw.tasks and \
                        not RESPECTIVELY.search(folded, ne, se):
                    for ws_, we_, wh_, title_w in _titled_list(text, folded, waiting, (ns, ne), ss):
                        twin = RawAssignment(cadre=(ws_, we_), name_how=wh_, trigger=raw.trigger + ":listed",
                                             tasks=list(raw.tasks), declared=raw.declared, span=raw.span)
                        twin.position = [title_w]
                        twin.period = pick_period(periods, raw, ss, se, ps, pe)
                        out.append(twin)
                if not raw.position:
                    lead = counted_title(text, folded, ns, ss)
                    if lead:
                        raw.position = [lead]
                waiting = []
                raw.period = pick_period(periods, raw, ss, se, ps, pe)
                if raw.open_list and not raw.tasks and se >= pe - 1:
                    items = list_items_after(text, folded, lines, pi) or \
                        paragraph_items_after(text, folded, lines, pi)
                    if items:
                        raw.tasks = items
                        raw.open_list = False
                out.append(raw)
                found_here = True
                if raw.open_list:
                    pending = raw
            resp = respectively(text, folded, in_sent, ss, se)
            if resp:
                # "A, B và C … lần lượt là X, Y và Z": each person their own item
                mine = {r.cadre for r in resp}
                out = [r for r in out if not (r.cadre in mine or ss <= r.cadre[0] < se and r.trigger != "member"
                                              and any(_overlap_any(t, resp) for t in r.tasks))]
                for r in resp:
                    r.period = pick_period(periods, r, ss, se, ps, pe)
                out.extend(resp)
                found_here = True
            if not found_here and in_sent:
                raw = read_fronted(text, folded, ss, se, in_sent[0])
                if raw is not None:
                    raw.period = pick_period(periods, raw, ss, se, ps, pe)
                    out.append(raw)
                    found_here = True
            if not found_here and pending is not None and not in_sent:
                # "Tuy nhiên, có 2 nội dung năm 2022 là A và B": the list of the person
                # introduced earlier in the paragraph
                tasks = read_followup_list(text, folded, ss, se, pending.declared)
                if tasks:
                    pending.tasks.extend(tasks)
                    pending.span = (pending.span[0], max(pending.span[1], se))
                    pending.open_list = False
                    pending = None
    _labelled_roles(text, folded, out, names)
    _seat_lists(text, folded, out, names)
    out = [r for r in (_to_holder(text, folded, r, names) if r.name_how == "role" else r for r in out) if r]
    return [a for r in out if r.tasks for a in split_by_period(text, folded, r)]


def _again_in_lower_case(text: str, names: list[NameSpan]) -> list[NameSpan]:
    """A name the page writes again with a syllable in lower case ("Tổng Bí thư Nguyễn phú
    Trọng", after "Nguyễn Phú Trọng"): the same person, where the name finder, which asks
    for capitals, saw nobody.

    >>> t = "Ông Nguyễn Phú Trọng làm Trưởng ban. Ông Nguyễn phú Trọng làm Trưởng tiểu ban."
    >>> [t[s:e] for s, e, _ in _again_in_lower_case(t, find_names(t))]
    ['Nguyễn phú Trọng']
    """
    out: list[NameSpan] = []
    taken = [(s, e) for s, e, _ in names]
    for written in {text[s:e] for s, e, _ in names if len(text[s:e].split()) >= 3}:
        rx = re.compile(r"(?<![\w])" + r"\s+".join(map(re.escape, written.split())) + r"(?![\w])", re.IGNORECASE)
        for m in rx.finditer(text):
            if m.group(0)[:1].isupper() and not any(m.start() < e and s < m.end() for s, e in taken):
                out.append((m.start(), m.end(), "again"))
                taken.append((m.start(), m.end()))
    return out


# a second post the person holds, then "làm" and the seat the text gives them
_SECOND_POST = re.compile(r"\s*kiêm(?:\s+nhiệm)?\s+((?:" + HEAD_RE + r")(?:[^,;:.()]|\.(?=\S)){0,100}?)\s+(?=làm\s)")


# "… và 3 Phó Chủ tịch UBND tỉnh: A, B, C làm …": a count and a title announce the names
# after the colon, each of whom holds that title
_COUNTED = re.compile(r"(?:^|[\s,;])(?:các|hai|ba|bốn|năm|sáu|\d{1,2})\s+(?=\S)")
_NAME_RUN = re.compile(r"(?:\s*(?:[" + UPPER + r"][\w]*\s+){1,4}[" + UPPER + r"][\w]*\s*(?:,|và)\s*)*\s*$")


def counted_title(text: str, folded: str, ns: int, ss: int) -> tuple[int, int] | None:
    """The title a count announces for the names after a colon, when the name at ``ns`` is one
    of them: "2 Công chức Tư pháp - Hộ tịch: A, B" gives both A and B that title."""
    found = _counted(text, folded, ns, ss)
    return found[1] if found else None


def _counted(text: str, folded: str, ns: int, ss: int) -> tuple[int, tuple[int, int]] | None:
    """Where the count opens, and the title it announces (:func:`counted_title`)."""
    colon = folded.rfind(":", ss, ns)
    if colon < 0 or not _NAME_RUN.match(text, colon + 1, ns):  # only names between (the run ends at ns)
        return None
    lead = max(folded.rfind(c, ss, colon) for c in ",;.()") + 1
    best = None
    for m in _COUNTED.finditer(folded, max(ss, lead - 1), colon):
        best = m
    if best is None or not HEAD.match(folded, best.end()):
        return None
    s, e = trim_span(text, best.end(), colon)
    if e <= s or STOP.search(folded, s, e):
        return None
    return best.start() + (folded[best.start()] in " ,;"), (s, e)


# between two members of a list, each led by its own title: a separator (and the count of
# the next title group: "… C và 2 Phó Chủ tịch UBND huyện: D, E làm …")
_MEMBER_GAP = re.compile(r"\s*(?:\([^)]{0,80}\))?\s*(?:[,;]|,?\s*và)\s*(?:(?:đồng chí|đ/c|ông|bà)\s+)?")


def _titled_list(text: str, folded: str, waiting: list[NameSpan], last: tuple[int, int],
                 ss: int) -> list[tuple[int, int, str, tuple[int, int]]]:
    """The people before ``last`` in a list of members each led by a title, who share the
    seat the last one is given: "Phó Bí thư Huyện ủy A; Chủ tịch UBND huyện B và 2 Phó Chủ
    tịch UBND huyện: C, D làm Phó Trưởng ban" (A, B, C with their titles; D is ``last``)."""
    def lead_of(ns: int) -> tuple[tuple[int, int] | None, int]:
        before = title_before(text, folded, ns, ss)
        if before:
            return before, before[0]
        counted = _counted(text, folded, ns, ss)
        if counted:
            return counted[1], counted[0]  # the gap to the name before ends where the count opens
        return None, ns

    out: list[tuple[int, int, str, tuple[int, int]]] = []
    nxt_title, nxt_lead = lead_of(last[0])
    nxt_name = last[0]
    for ws, we, how in reversed(waiting):
        title, lead = lead_of(ws)
        if title is None:
            break
        if title == nxt_title and lead == nxt_lead:
            # two names of one counted group: "C, D" after "2 Phó Chủ tịch …:"
            if not re.fullmatch(r"\s*(?:,|và)\s*", folded[we:nxt_name]):
                break
        elif not _MEMBER_GAP.fullmatch(folded, we, nxt_lead):
            break
        out.append((ws, we, how, title))
        nxt_title, nxt_lead, nxt_name = title, lead, ws
    return out


# "cùng 2 Phó Trưởng ban: Phó Chủ tịch UBND tỉnh A; Phó Chủ tịch HĐND tỉnh B", "2 Phó Chỉ
# huy trưởng gồm: …": a count and a seat, then its holders, each led by their title
_SEAT_LIST = re.compile(r"(?<![\w])(?:\d{1,2}|hai|ba|bốn|năm|sáu)\s+"
                        r"((?:" + BODY_ROLES + r"|(?:phó\s+)?chỉ huy trưởng)(?:\s+thường trực)?)"
                        r"\s*(?:gồm|là)?\s*(?:các\s+(?:đồng chí|ông|bà)\s*)?:\s*")
_HOLDER_LEAD = re.compile(r"\s*(?:(?:đồng chí|đ/c|ông|bà)\s+)?")
_HOLDER_GAP = re.compile(r"\s*(?:[,;]|,?\s*và)\s*(?:(?:đồng chí|đ/c|ông|bà)\s+)?")


def _seat_lists(text: str, folded: str, out: list[RawAssignment], names: list[NameSpan]) -> None:
    """The holders a count announces for a seat, listed after a colon with their titles
    ("cùng 2 Phó Trưởng ban: Phó Chủ tịch UBND tỉnh A; Phó Chủ tịch HĐND tỉnh B"): each holds
    the seat (convention 1), as many as the count says, else none."""
    for m in _SEAT_LIST.finditer(folded):
        count = number_value(folded[m.start():m.start(1)].strip())
        stop = _SENT_END.search(text, m.end())  # the holders end with the sentence
        se = stop.start() if stop else len(text)
        pos = m.end()
        holders: list[tuple[int, int, str, tuple[int, int] | None]] = []
        for ns, ne, how in sorted(n for n in names if m.end() <= n[0] < se):
            title = title_before(text, folded, ns, pos)
            gap_end = title[0] if title else ns
            lead = (_HOLDER_GAP if holders else _HOLDER_LEAD).fullmatch(folded, pos, gap_end)
            if not lead:
                break
            holders.append((ns, ne, how, title))
            pos = ne
        if not holders or (count is not None and count != len(holders)):
            continue
        seat = trim_span(text, m.start(1), m.end(1))
        for ns, ne, how, title in holders:
            raw = next((r for r in out if r.cadre == (ns, ne)), None)
            if raw is None:
                out.append(RawAssignment((ns, ne), how, [title] if title else [], [seat], trigger="role",
                                         span=(m.start(), ne)))
            elif not any(folded[a:b] == folded[seat[0]:seat[1]] for a, b in raw.tasks):
                raw.tasks.append(seat)


# another seat of the body opens, with its holders after it
_NEXT_SEAT = re.compile(r",\s*(?:(?:\d{1,2}|hai|ba|bốn|năm|các)\s+)?" + BODY_ROLES +
                        r"[^,;.:]{0,60}?\s(?:sẽ\s+|đã\s+)?(?:là|gồm|do)(?![\w])")


# a list the sentence announces as several people: each shares what the last one is given
_PLURAL_LEAD = re.compile(r"(?<![\w])(?:các|hai|ba|bốn|\d)\s+(?:ông|bà|đồng chí|đ/c)\s*:?\s+$")


_ROLES_LABEL = re.compile(r"(?m)^[ \t]*(?:[-+•*][ \t]*)?vai trò(?:\s+kiêm nhiệm)?[ \t]*:[ \t]*")


def _labelled_roles(text: str, folded: str, out: list[RawAssignment], names: list[NameSpan]) -> None:
    """"Vai trò: Chủ tịch Hội đồng Giáo dục quốc phòng, Trưởng Ban Chỉ đạo cải cách hành chính": a
    line labelled with the roles of the person whose item it is in (the last person given
    something above it, with no other name between), each role a task of theirs."""
    for m in _ROLES_LABEL.finditer(folded):
        le = folded.find("\n", m.end())
        le = len(folded) if le < 0 else le
        owners = [r for r in out if r.cadre[1] <= m.start()]
        if not owners:
            continue
        owner = max(owners, key=lambda r: r.cadre[0])
        if any(owner.cadre[1] <= ns < m.start() for ns, _, _ in names) or \
                folded.count("\n", owner.cadre[1], m.start()) > 8:
            continue
        pos = m.end()
        for part in re.finditer(r"[^,;]+", folded[m.end():le]):
            s_, e_ = clean_task(text, folded, m.end() + part.start(), m.end() + part.end())
            if e_ > s_ and HEAD.match(folded, s_) and (s_, e_) not in owner.tasks:
                owner.tasks.append((s_, e_))
            pos = e_
        owner.span = (owner.span[0], max(owner.span[1], pos))


# a person named inside the duty, as its object or in a clause of its own ("sau khi ông X xin
# thôi …", "(ông X, ông Y)"), not as the next person given something
_OBJECT_LEAD = re.compile(r"(?:(?<![\w])(?:sau khi|trước khi|khi|của|cho|với|giúp|thay)\s*|\(\s*)$")
# "thay mặt Chủ tịch Phan Văn B": the person stood in for, named inside the duty
_STOOD_FOR = re.compile(r"(?<![\w])thay mặt\s+(?:" + HEAD_RE + r")?\s*(?:đồng chí|đ/c|ông|bà)?\s*$")
_ACTING = re.compile(r"(?:(?:sẽ|đã|cũng|được phân công)\s+)*thay mặt\s(?:(?!trao|tặng|phát biểu|chúc mừng|đón|tiếp|ký)"
                     r"[^.;:])*?(?<![\w])(?:thực hiện|điều hành|giải quyết|xử lý|chỉ đạo|quản lý|phụ trách)(?![\w])")
RESPECTIVELY = re.compile(r"lần lượt\s+(?:là|làm|giữ chức|giữ|đảm nhận|đảm nhiệm|phụ trách)?\s*:?\s*")
_LIST_JOIN = re.compile(r"\s*(?:,|;|và)\s*(?:(?:đồng chí|đ/c|ông|bà)\s+)?")


def _overlap_any(t: tuple[int, int], raws: list[RawAssignment]) -> bool:
    return any(t[0] < u[1] and u[0] < t[1] for r in raws for u in r.tasks)


def respectively(text: str, folded: str, in_sent: list[NameSpan], ss: int, se: int) -> list[RawAssignment]:
    """"Ba Phó Chủ tịch A, B và C lần lượt là Tổ trưởng Tổ X, Tổ trưởng Tổ Y và Tổ trưởng Tổ
    Z": the people listed before "lần lượt" take the items after it in order, when the items
    (cut where their first words come again) are as many as the people.

    >>> t = ("Các ông Lò Văn Pín, Hà Văn Nam và Cầm Bá Tú lần lượt là Tổ trưởng Tổ tuyên truyền, vận động, "
    ...      "Tổ trưởng Tổ hậu cần và Tổ trưởng Tổ an ninh.")
    >>> from extractor.recognize.names import find_names
    >>> [(t[slice(*r.cadre)], t[slice(*r.tasks[0])])
    ...  for r in respectively(t, fold(t), find_names(t), 0, len(t))]  # doctest: +NORMALIZE_WHITESPACE
    [('Lò Văn Pín', 'Tổ trưởng Tổ tuyên truyền, vận động'), ('Hà Văn Nam', 'Tổ trưởng Tổ hậu cần'),
     ('Cầm Bá Tú', 'Tổ trưởng Tổ an ninh')]
    """
    m = RESPECTIVELY.search(folded, ss, se)
    if not m:
        return []
    people = [n for n in in_sent if n[1] <= m.start()]
    run: list[NameSpan] = []
    for n in reversed(people):  # the list of names that ends nearest before "lần lượt"
        if run and not _LIST_JOIN.fullmatch(folded, n[1], run[0][0]):
            break
        run.insert(0, n)
    if len(run) < 2 or re.search(r"[.;:]", folded[run[-1][1]:m.start()]):
        return []
    first = folded[m.end():se].split()[:2]
    if len(first) < 2:
        return []
    lead = re.escape(" ".join(first))
    cuts = list(re.finditer(r"\s*(?:,|;|và)\s+(?=" + lead + r"(?![\w]))", folded[m.end():se]))
    if len(cuts) + 1 != len(run):
        return []
    out, pos = [], m.end()
    for (ns, ne, how), c in zip(run, cuts + [None], strict=True):  # as many cuts as people, checked above
        end = m.end() + c.start() if c else se
        raw = RawAssignment(cadre=(ns, ne), name_how=how, trigger="member")
        raw.tasks = [clean_task(text, folded, pos, end)]
        raw.span = (ns, raw.tasks[0][1])
        out.append(raw)
        pos = m.end() + c.end() if c else se
    return out


# "Riêng đồng chí Giám đốc Sở được giao 3 việc: …": a person named by their post alone
_ROLE_SUBJECT = re.compile(r"(?<![\w])(?:đồng chí|đ/c)\s+(?=" + HEAD_RE + r"(?![\w]))")


def _role_subjects(text: str, folded: str, names: list[NameSpan]) -> list[tuple[int, int]]:
    """Posts standing for their holder as a sentence's subject, with no name after them."""
    out = []
    for m in _ROLE_SUBJECT.finditer(folded):
        end = title_extent(folded, m.end(), min(len(folded), m.end() + 80))
        s, e = trim_span(text, m.end(), end)
        if e > s and not any(s <= ns <= e + 2 for ns, _, _ in names) and \
                re.match(r"\s*(?:đã\s+)?được\s+[^.;:]{0,30}?giao", folded[e:e + 60]):
            out.append((s, e))
    return out


def _to_holder(text: str, folded: str, raw: RawAssignment, names: list[NameSpan]) -> RawAssignment | None:
    """The assignment of a post given to the one person the page names as holding it
    ("… Giám đốc Sở Nông nghiệp và PTNT Nguyễn Văn A cho biết …"); none when no one or
    several are."""
    post = " ".join(folded[raw.cadre[0]:raw.cadre[1]].split())
    holders: dict[str, tuple[int, int, list[tuple[int, int]]]] = {}
    for ns, ne, how in names:
        if how == "role":
            continue
        ls = folded.rfind("\n", 0, ns) + 1
        le = folded.find("\n", ne)
        titles = [t for t in [title_before(text, folded, ns, ls)] if t] + \
            title_after(text, folded, ne, len(folded) if le < 0 else le)[0]
        if any(" ".join(folded[a:b].split()).startswith(post) for a, b in titles):
            holders.setdefault(spelling_key(text[ns:ne]), (ns, ne, titles))
    if len(holders) != 1:
        return None
    hs, he, posts = next(iter(holders.values()))
    raw.cadre, raw.name_how, raw.position = (hs, he), "surname", posts
    return raw


_SEAT = re.compile(BODY_ROLES + r"(?![\w])")
_BARE_SEAT = re.compile(BODY_ROLES + r"(?:\s+thường trực)?")
_TAKES_OVER = re.compile(r"\s*,?\s*thay\s+(?:cho\s+|thế\s+)?(?:ông|bà|đồng chí|đ/c)\s")
# the person a duty is handed to: "ủy quyền cho đồng chí", "giao cho ông"
_HANDING = r"(?:ủy quyền|uỷ quyền|giao quyền|ủy nhiệm|giao|phân công)"
_HANDED_TO = re.compile(r"(?<![\w])(?:" + _HANDING + r"\s+"
                        r"(?:cho\s+)?"
                        # "bàn giao các việc đang làm của UBND xã cho ông X, … để điều hành …": what is
                        # handed over stands between the verb and the person
                        r"|(?:bàn giao|chuyển giao)\s+[^.;:]{0,100}?\s+cho\s+)(?:đồng chí|đ/c|ông|bà)?\s*$")
# the verb handing a duty to a person it introduces, anywhere before them
_HANDS_TO_PERSON = re.compile(r"(?<![\w])" + _HANDING + r"\s+(?:cho\s+)?(?:đồng chí|đ/c|ông|bà)\s")
# "giao đồng chí X thực hiện việc đột phá …": the verb of carrying out is not the task
_CARRY_OUT = re.compile(r"thực hiện(?:\s+(?:các\s+)?(?:việc|nhiệm vụ|nội dung)(?:\s+(?:đột phá|trọng tâm|đổi mới))?)?"
                        r"\s*(?:là\s+)?(?=\w)")
_APPOSITION = re.compile(r"\s*(?:,|\s[-–—])\s*([^,.;:()]{3,80}?)\s*,?\s*"
                         r"(?=(?:đã\s+|cũng\s+|vừa\s+)?(?:được\s+[^,.;:]{0,40}?giao|"
                         r"được phân công|đăng ký|nhận\s|đảm nhận|đảm nhiệm|chịu trách nhiệm))")
_LOWER_TITLE = re.compile(r"(?:công chức|cán bộ|viên chức|nhân viên|trưởng|phó|bí thư|chủ tịch|giám đốc|chỉ huy|"
                          r"ủy viên|uỷ viên|đảng viên|giáo viên|kế toán|thư ký|chánh|văn phòng)(?![\w])")


_PERIOD_LEAD = re.compile(r"\s*,?\s*(?:trong\s+)?(?:năm|giai đoạn|nhiệm kỳ)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*"
                          r"(?=(?:đã\s+|cũng\s+)?được\s+[^,.;:]{0,40}?giao)")
# "…; giai đoạn 2021 - 2025 được giao X": another period's tasks for the same person
_PERIOD_SWITCH = re.compile(r"(?:trong\s+)?(?:năm|giai đoạn|nhiệm kỳ)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*"
                            r"(?:đã\s+|cũng\s+)?được\s+(?:[^,.;:]{0,30}?\s+)?giao(?:\s+(?:thực hiện|nhiệm vụ|việc))?"
                            r"\s*(?:là\s+)?")


def split_by_period(text: str, folded: str, raw: RawAssignment) -> list[RawAssignment]:
    """One person with tasks for different periods in one sentence (convention 7): one
    assignment per period, from the task that opens with its own period and verb.

    >>> t = "Đồng chí Lê Văn An, năm 2023 được giao làm đường; giai đoạn 2021 - 2025 được giao xây trường."
    >>> from extractor.recognize.periods import find_periods
    >>> first, second = (t.index("làm"), t.index(";")), (t.index("giai"), len(t) - 1)
    >>> r = RawAssignment(cadre=(9, 19), name_how="honorific", tasks=[first, second], period=find_periods(t)[0])
    >>> [([t[slice(*x)] for x in a.tasks], a.period.first, a.period.last) for a in split_by_period(t, t.lower(), r)]
    [(['làm đường'], 2023, 2023), (['xây trường'], 2021, 2025)]
    """
    from ..recognize.periods import PeriodMatch, find_periods

    out = [raw]
    for i, (s, e) in enumerate(raw.tasks):
        m = _PERIOD_SWITCH.match(folded, s, e) if i > 0 else None
        found = find_periods(text[s:m.end()]) if m else []
        if not found or m is None:
            continue
        p = found[0]
        rest = list(raw.tasks[i:])
        rest[0] = (m.end(), e)
        out[-1].tasks = [t for t in out[-1].tasks if t[0] < s]
        out.append(RawAssignment(cadre=raw.cadre, name_how=raw.name_how, position=list(raw.position),
                                 tasks=rest, period=PeriodMatch(s + p.start, s + p.end, p.first, p.last, p.kind),
                                 trigger=raw.trigger, span=raw.span))
    return [a for a in out if a.tasks]


def read_assignment(text: str, folded: str, ns: int, ne: int, how: str, ss: int, se: int,
                    next_name: int) -> RawAssignment | None:
    """Read what follows one name: apposition, trigger, tasks. None when not assigned."""
    # A proposal, election, thanks or visit earlier in the clause: not an assignment.
    clause_start = max(ss, max(folded.rfind(c, ss, ns) for c in ";.") + 1)
    if HEDGE.search(folded, clause_start, ns):
        return None
    if re.search(r"(?:^|\s)theo\s+(?:đồng chí|đ/c|ông|bà)?\s*$", folded[max(ss, ns - 20):ns]):
        return None  # "Theo bà X, ...": reported speech
    if _STOOD_FOR.search(folded, max(ss, ns - 40), ns):
        return None  # "A thay mặt Chủ tịch B điều hành …": B is the one stood in for
    if ns > 0 and text[ns - 1] == "(" and text[ne:ne + 1] == ")":
        # "1. Bí thư Đảng ủy xã (Lê Duy Dương) chịu trách nhiệm: ..."
        titles: list[tuple[int, int]] = []
        pos = ne + 1
        before = title_before(text, folded, ns - 1, ss)
    else:
        titles, pos = title_after(text, folded, ne, se)
        before = title_before(text, folded, ns, ss)
    if before and titles and next_name < se and next_name - titles[0][0] < 140 and \
            not re.search(r"[,;.:()]", folded[titles[0][0]:next_name]):
        # "… có Giám đốc Sở A Trần Văn B, Phó Giám đốc phụ trách Sở C Nguyễn Văn D": titles come
        # before the names here, so the title after B is D's, not B's (nor a duty of B's)
        return None
    if not titles and how == "honorific":
        # a title outside every list, in apposition before the verb that assigns
        # ("đồng chí A, Công chức Tư pháp - Hộ tịch xã X, được giao …")
        m = _APPOSITION.match(folded, ne, se)
        if m and (text[m.start(1)].isupper() or _LOWER_TITLE.match(folded, m.start(1))) and \
                _post_like(text, folded, m.start(1), m.end(1)):
            s_, e_ = trim_span(text, m.start(1), m.end(1))
            titles, pos = [(s_, e_)], m.end(1)
    if how == "model" and not titles and not before:
        return None
    position = ([before] if before else []) + titles
    if pos == ne:  # no apposition: allow a parenthetical "(bên trái)" only for negatives
        pos = ne
    rest = re.compile(r"\s*(?:\([^)]{0,60}\)\s*)?(?::(?=\s*được)"
                      r"|,(?=\s*(?:được|thực hiện|đảm nhận|tham gia|trực tiếp\s+(?:phụ trách|chỉ đạo|theo dõi)))"
                      r"|[-–—](?=\s*(?:làm|là|được|giữ chức|đảm nhận|tham gia)(?![\w])))?\s*").match(folded, pos, se)
    if rest and rest.end() == pos:
        # "A, Bí thư Chi bộ, năm 2023 được giao …": the year of the assignment before its verb
        rest = _PERIOD_LEAD.match(folded, pos, se) or rest
    at = rest.end() if rest else pos
    comma = re.compile(r"\s*,\s*").match(folded, at, se)
    if comma and not any(rx.match(folded, at, se) for _, rx, _ in TRIGGERS) and any(
            rx.match(folded, comma.end(), se)
            for kind, rx, _ in TRIGGERS if kind in ("giao", "assign", "holds", "role")):
        at = comma.end()  # "A, Phó Thủ tướng, giữ chức Trưởng Ban …": the verb after the apposition's comma
    handed = _HANDED_TO.search(folded, clause_start, ns)
    if handed is None:
        # "giao ông A, <title> và ông B, <title> phối hợp …": B is handed the duty with A
        first = [m for m in _HANDS_TO_PERSON.finditer(folded, clause_start, ns)]
        if first and ns - first[-1].end() < 150 and not re.search(r"[;.:]", folded[first[-1].end():ns]) and \
                re.search(r"\svà\s+(?:đồng chí\s+|đ/c\s+|ông\s+|bà\s+)?$", folded[first[-1].end():ns]):
            handed = first[-1]
    if handed and not any(rx.match(folded, at, se) for _, rx, _ in TRIGGERS):
        # "Chủ tịch ủy quyền cho đồng chí X, Phó Chủ tịch, chủ trì …": what follows the
        # person is the duty handed over, whatever its verb (convention 3: delegation counts)
        body = re.compile(r"\s*,?\s*(?:thay mặt[^,]{0,40},\s*)?(?:để\s+)?").match(folded, at, se)
        start = body.end() if body else at
        carry = _CARRY_OUT.match(folded, start, se)
        start = carry.end() if carry else start
        end = se
        if next_name < se:
            hon = HONORIFIC.search(folded, max(start, next_name - 12), next_name)
            if hon and hon.end() == next_name:
                end = max(start, hon.start())
        if re.fullmatch(r"[\s,]*(?:và|cùng)[\s,]*", folded[start:end]):
            return None  # "phân công A, <title> và B …": the duty follows B, and is theirs together
        tasks = split_tasks(text, folded, start, end) if text[start:end].strip(" .;:") else []
        if tasks:
            raw = RawAssignment(cadre=(ns, ne), name_how=how, position=position, trigger="assign", tasks=tasks)
            raw.span = (min([ns] + [p[0] for p in position]), max(e for _, e in tasks))
            return raw
    neg = NEGATIVE.match(folded, at, se)
    if neg and _ACTING.match(folded, at, se):
        neg = None  # "thay mặt Chủ tịch điều hành …" stands in for duties; "thay mặt … trao quà" does not
    if neg:
        # "Ông X cho biết, năm nay ông được Ban Thường vụ giao 3 việc: ...": the speaker
        # reports his own assignment
        own = re.compile(r"(?<![\w])(?:ông|bà|anh|chị|đồng chí|mình|bản thân|tôi)\s+(?:đã\s+|cũng\s+)?"
                         r"(?=được\s+[^.;:]{0,50}?giao)")
        m = own.search(folded, neg.end(), se) if folded[neg.start():neg.end()].strip() in (
            "cho biết", "chia sẻ", "nói", "khẳng định") else None
        if not m:
            return None
        at = m.end()
    second = _SECOND_POST.match(folded, at, se)
    if second and ROLE_WORD.match(folded, second.end() + len("làm "), se):
        # "Phó tư lệnh kiêm Tham mưu trưởng Bộ Tư lệnh TP.HCM làm Trưởng cơ quan thường trực":
        # the post held with the title is the title's; the seat given follows "làm"
        ps, pe = trim_span(text, second.start(1), second.end(1))
        if position and not folded[position[-1][1]:second.start()].strip(" ,"):
            position = position[:-1] + [(position[-1][0], pe)]
        else:
            position = position + [(ps, pe)]
        at = second.end()
    for kind, rx, drop in TRIGGERS:
        m = rx.match(folded, at, se)
        if not m:
            continue
        body_start = m.end() if drop else m.end()
        if kind == "colon" and (not position or re.match(r"\s*[“\"'‘]", folded[m.end():m.end() + 4])):
            continue  # a title, then a colon and a quotation: someone speaking
        if kind == "role" and not ROLE_WORD.match(folded, m.end(), se):
            if not folded.startswith("làm nhiệm vụ", m.start()) and "nhiệm vụ" not in m.group(0):
                continue
        raw = RawAssignment(cadre=(ns, ne), name_how=how, position=position, trigger=kind)
        end = se
        # the list may not run into the next person's own clause
        stood_for = next_name < se and _STOOD_FOR.search(folded, max(body_start, next_name - 40), next_name)
        if next_name < se and kind in ("role", "duty", "holds", "assign", "colon") and not stood_for:
            # a later name ends this list only when it is introduced as a person
            hon = HONORIFIC.search(folded, max(body_start, next_name - 12), next_name)
            if hon and hon.end() == next_name:
                if not _OBJECT_LEAD.search(folded, max(body_start, hon.start() - 12), hon.start()) and \
                        folded.count("(", body_start, hon.start()) <= folded.count(")", body_start, hon.start()):
                    end = max(body_start, hon.start())
            else:
                before_next = title_before(text, folded, next_name, body_start)
                if before_next:
                    end = max(body_start, before_next[0])
        if kind == "role":
            # "A là Trưởng ban, 2 Phó Trưởng ban sẽ là B và C": the next seat and its holders
            nxt = _NEXT_SEAT.search(folded, body_start, end)
            if nxt:
                end = nxt.start()
        count = find_count(folded, body_start, min(end, body_start + 60))
        if count:
            raw.declared = count[0]
        lst = re.compile(r"[^.;:]*?(?:\s(?:là|gồm|như sau|sau)(?![\w])\s*:?|:)\s*").match(folded, body_start, end) \
            if kind in ("giao", "register", "assign", "body_gives", "must") else None
        tasks_at = body_start
        # "… phân công phụ trách một cụm dân cư gồm 20 hộ": a "gồm"/"là" inside a duty that has
        # its verb already lists the duty's objects, not the tasks
        # (nor does one after a comma: "được giao nhiệm vụ trưởng đoàn, thời gian … là 50 ngày")
        inside_duty = not count and ":" not in lst.group(0) and (
            bool(_DUTY_VERB_START.match(folded, body_start)) or "," in lst.group(0)) if lst else False
        if lst and not inside_duty and (count or ":" in lst.group(0) or " là " in lst.group(0)
                                        or " gồm" in lst.group(0)):
            tasks_at = lst.end()
        elif count:
            # a count with no list in this sentence: the tasks follow (list lines, later sentence)
            raw.open_list = True
            raw.span = (min([ns] + [p[0] for p in position]), se)
            return raw
        if tasks_at >= end or not text[tasks_at:end].strip(" .;:"):
            raw.open_list = True
            raw.span = (min([ns] + [p[0] for p in position]), se)
            return raw
        role = kind in ("role", "holds", "assign")
        raw.tasks = split_tasks(text, folded, tasks_at, end, role=role, declared=raw.declared,
                                objects=kind == "duty")
        if kind == "colon" and end == se:
            raw.tasks += _more_duties(text, folded, se, next_name if next_name > se else len(text))
        raw.span = (min([ns] + [p[0] for p in position]), max([e for _, e in raw.tasks] + [ne]))
        return raw
    line_end = folded.find("\n", at)
    line_end = len(folded) if line_end < 0 else line_end
    # "1. Bà X, Phó Chủ tịch UBND tỉnh - Trưởng ban;": the post after the dash is the role
    if len(titles) >= 2:
        ls_, le_ = titles[-1]
        joint = folded[titles[-2][1]:ls_]
        if re.search(r"[-–—]", joint) and ROLE_WORD.match(folded, ls_) and \
                re.match(r"\s*(?:[;.]|$)", folded[le_:line_end]):
            raw = RawAssignment(cadre=(ns, ne), name_how=how, position=position[:-1], trigger="member")
            raw.tasks = [clean_task(text, folded, ls_, le_)]
            raw.span = (min([ns] + [p[0] for p in position]), le_)
            return raw
    # "1. Đồng chí A, Bí thư Huyện ủy, Trưởng ban.": a bare seat closing the member's item
    # names no permanent office (that would name its body), so it is the seat in the body
    # the list sets up
    if len(titles) >= 2 and re.match(r"\s*(?:[;.]|$)", folded[titles[-1][1]:line_end]):
        ls_, le_ = titles[-1]
        if _BARE_SEAT.fullmatch(folded, ls_, le_):
            raw = RawAssignment(cadre=(ns, ne), name_how=how, position=position[:-1], trigger="member")
            raw.tasks = [clean_task(text, folded, ls_, le_)]
            raw.span = (min([ns] + [p[0] for p in position]), le_)
            return raw
    # "bà A, Chủ tịch Hội X, Ủy viên thay bà B": the last "title" is the seat taken over
    seat = _SEAT.match(folded, titles[-1][0]) if len(titles) >= 2 else None
    over = _TAKES_OVER.search(folded, seat.end(), min(se, titles[-1][1] + 40)) if seat else None
    if seat and over and not re.search(r"[,;.]", folded[seat.end():over.start()]):
        raw = RawAssignment(cadre=(ns, ne), name_how=how, position=position[:-1], trigger="member")
        raw.tasks = [trim_span(text, titles[-1][0], over.start())]
        raw.span = (min([ns] + [p[0] for p in position]), over.start())
        return raw
    # "1. Đồng chí X, Chủ tịch UBND tỉnh:" closing its line: the items below are the tasks
    if re.fullmatch(r"\s*:?\s*", folded[at:line_end]) and (position or how == "honorific"):
        raw = RawAssignment(cadre=(ns, ne), name_how=how, position=position, trigger="list")
        raw.open_list = True
        raw.span = (min([ns] + [p[0] for p in position]), line_end)
        return raw
    return None


_DUTY_END = re.compile(r"[.!?…](?=\s|$)")
_DUTY_SENTENCE = re.compile(r"[\s.…]*((?:trực tiếp|chỉ đạo|phụ trách|theo dõi|chủ trì|giúp|điều hành|quản lý|"
                            r"phối hợp|thay mặt|chịu trách nhiệm)(?![\w]))")


def _more_duties(text: str, folded: str, at: int, next_name: int) -> list[tuple[int, int]]:
    """"Phó Chủ tịch A: Chỉ đạo X… Trực tiếp theo dõi Y…": after a name and its colon,
    each later sentence of the line that opens with a duty's verb is a duty of its own."""
    le = folded.find("\n", at)
    le = len(folded) if le < 0 else le
    out: list[tuple[int, int]] = []
    while at < le:
        m = _DUTY_SENTENCE.match(folded, at, le)
        if not m or m.start(1) >= next_name:
            break
        stop = _DUTY_END.search(folded, m.start(1), le)
        end = min(stop.start() if stop else le, next_name)
        out.append(clean_task(text, folded, m.start(1), end))  # its ";" join objects of one duty
        at = stop.end() if stop else le
    return out


# ("Với việc đột phá được giao là A, ông X, Bí thư … đã …" too)
_FRONTED = re.compile(r"(?:(?:với|về|đối với)\s+)?(?:(?:nhận|được giao|thực hiện|đảm nhận)\s+(?:nhiệm vụ|việc|nội dung)"
                      r"|(?:nhiệm vụ|việc|nội dung)(?:\s+(?:đột phá|trọng tâm|đổi mới))?\s+(?:được giao|đăng ký))"
                      r"[^,;:]{0,60}?\s(?:là|gồm)(?![\w])\s*:?\s*")


def read_fronted(text: str, folded: str, ss: int, se: int, name: NameSpan) -> RawAssignment | None:
    """"Nhận nhiệm vụ đột phá ... là A, đồng chí X, Bí thư ... đã ...": the task before the name."""
    m = _FRONTED.match(folded, ss, se)
    ns, ne, how = name
    if not m or how not in ("honorific", "surname"):
        return None
    hon = HONORIFIC.search(folded, max(m.end(), ns - 12), ns)
    cut = hon.start() if hon and hon.end() == ns else ns
    if cut <= m.end():
        return None
    titles, _ = title_after(text, folded, ne, se)
    raw = RawAssignment(cadre=(ns, ne), name_how=how, position=titles, trigger="fronted")
    raw.tasks = split_tasks(text, folded, m.end(), cut)
    raw.span = (ss, max([e for _, e in titles] + [ne]))
    return raw if raw.tasks else None


_FOLLOWUP = re.compile(r"(?:[^.]*?(?<![\w])(\d{1,3}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+"
                       r"(?:nội dung|việc|nhiệm vụ)[^.]*?\s(?:là|gồm)(?![\w])\s*:?\s*"
                       r"|\s*(?=(?:một là|thứ nhất)\s*[,:]))")


def read_followup_list(text: str, folded: str, ss: int, se: int, declared: int | None) -> list[tuple[int, int]]:
    """Tasks from a sentence that continues an announced count ("có 2 nội dung ... là A và B")."""
    m = _FOLLOWUP.match(folded, ss, se)
    if not m:
        return []
    from ..recognize.counts import number_value

    n = number_value(m.group(1)) if m.group(1) else None
    return split_tasks(text, folded, m.end(), se, declared=n or declared)


def list_items_after(text: str, folded: str, lines: list[tuple[int, int]], pi: int) -> list[tuple[int, int]]:
    """Bulleted or numbered lines right after an intro line: the person's tasks.

    The list ends at the first line that is not an item, or at an item that
    introduces the next person ("2. Ông Vi Đình Hùng, ...")."""
    items: list[tuple[int, int]] = []
    intro_label = LIST_START.match(folded, lines[pi][0], lines[pi][1])
    intro_kind = _label_kind(folded[intro_label.start():intro_label.end()]) if intro_label else None
    for ls, le in lines[pi + 1:]:
        m = LIST_START.match(folded, ls, le)
        if not m:
            break
        if intro_kind and _label_kind(folded[m.start():m.end()]) == intro_kind:
            break  # a sibling of the intro item ("2." after "1."): the next cadre or section
        names = find_names(text[ls:min(le, ls + 80)])
        if names and names[0][0] < 30 and (HEAD.search(folded, ls, min(le, ls + 160)) or
                                          _PERSON_INTRO.search(text[ls:ls + 30])):
            break
        body = text[m.end():le].strip()
        if _label_kind(folded[m.start():m.end()]) == "roman" or (body.isupper() and len(body) > 3):
            break  # "III. TỔ CHỨC THỰC HIỆN": the next section
        stop = re.compile(r"\.\s+(?=[" + UPPER + r"])").search(text, m.end(), le)
        if stop:  # a reader may run the next paragraph into the item's line
            le = stop.start()
        for s, e in split_tasks(text, folded, ls, le):
            r = re.compile(r"(?:làm|được giao|giữ chức)\s+").match(folded, s, e)
            if r and ROLE_WORD.match(folded, r.end() - 1 if folded[r.end() - 1] == " " else r.end()):
                s = r.end()
            items.append((s, e))
    return items


_DUTY_LABEL = re.compile(r"\s*(?:phụ trách|nhiệm vụ|nội dung|công việc)\s*:\s*")
_ROLE_LEAD = re.compile(r"(?:làm|giữ chức)\s+(?=(?:phó\s+)?(?:trưởng|tổ trưởng|chủ tịch|chủ nhiệm|thành viên|ủy viên|"
                        r"giám đốc|bí thư|thư ký|chánh|đội trưởng)(?![\w]))")


def paragraph_items_after(text: str, folded: str, lines: list[tuple[int, int]], pi: int) -> list[tuple[int, int]]:
    """Duties written as plain sentences under a numbered cadre heading::

        1. Chủ tịch UBND tỉnh - ông Phạm Anh Khoa
        Lãnh đạo, quản lý toàn diện ... Trực tiếp chỉ đạo các lĩnh vực: ... Là chủ tài khoản ...

    Only when the heading is itself a numbered item; the sentences run until the next
    item of the same numbering, an article ("Điều 2."), or a heading.
    """
    label = LIST_START.match(folded, lines[pi][0], lines[pi][1])
    if not label or not folded[label.start():label.end()].strip()[:1].isdigit():
        return []
    items: list[tuple[int, int]] = []
    for ls, le in lines[pi + 1:pi + 5]:
        line = folded[ls:le]
        if LIST_START.match(line) or re.match(r"\s*(?:điều|chương|phần)\s+\d", line) or text[ls:le].isupper():
            break
        if re.match(r"\s*(?:khi|trường hợp|các|văn phòng)\s", line):
            break  # a rule for everyone, not this cadre's duty
        for ss, se in sentences(text, ls, le):
            m = _DUTY_LABEL.match(folded, ss, se)
            start = m.end() if m else ss
            for a, b in split_tasks(text, folded, start, se):
                r = _ROLE_LEAD.match(folded, a, b)
                items.append((r.end(), b) if r else (a, b))
    return items


def _label_kind(label: str) -> str:
    label = label.strip()
    if re.match(r"\d+\.\d", label):
        return "dotted"
    if label[:1].isdigit():
        return "number"
    if re.match(r"[ivx]+[.)]", label) and len(label) > 2:
        return "roman"
    if re.match(r"[a-zđ][.)]", label):
        return "letter"
    return "bullet:" + label[:1]


def pick_period(periods: list[PeriodMatch], raw: RawAssignment, ss: int, se: int, ps: int,
                pe: int) -> PeriodMatch | None:
    """Period of an assignment: the sentence before the name, the sentence before the
    list, the paragraph before the sentence, else None (the document fallback is the caller's)."""
    ns = raw.cadre[0]
    first_task = min([s for s, _ in raw.tasks], default=se)
    cands = [p for p in periods if ss <= p.start and p.end <= ns]
    if cands:
        return cands[-1]
    cands = [p for p in periods if ns <= p.start and p.end <= first_task and p.start < se]
    if cands:
        return cands[0]
    cands = [p for p in periods if ps <= p.start and p.end <= ss]
    if cands:
        return cands[-1]
    return None
