"""The trained tagger's assignments, and how they are combined with the rules'.

Both paths give :class:`~extractor.link.prose.RawAssignment` records for one page.
The combination was chosen by cross-validation on the real train corpus (see
``giaoviec eval --folds``): the model finds people the rules miss and decides where
their tasks begin and end; where a strong assignment verb announced a person, the
rules' task edges are kept; rule-only people are kept when such a verb announced them.
"""
from __future__ import annotations

import re

from ..learn.assemble import Assembled, assemble, name_key
from ..learn.tagger import TaggedSpan
from ..recognize.periods import PeriodMatch, find_periods
from ..recognize.text import UPPER, fold, trim_span
from ..recognize.titles import HEAD_RE
from .prose import BODY_ROLES, DOMAIN_VERB, HEAD_ROLES, LISTS_OBJECTS, RawAssignment

# How a person found by both is recorded, measured by 5-fold cross-validation on the real
# train corpus (record F1) and on corpora/extract/dev (the decision-and-table genre):
#   "A" rule tasks 0.48; "B" model tasks 0.55 / 0.91; "C" both, model first 0.54 / 0.97;
#   "D" rule tasks where a strong verb announced them, else model tasks 0.53 / 0.93.
# D is what combine() does (with the rules' tasks the model missed added where the verb was
# weak): it keeps the rules' precise edges on the genre they were written for and lets the
# model decide elsewhere.
# rule-only people are kept when announced by one of these (strong) triggers
# (all but "duty": "phụ trách", "chỉ đạo" alone are as often said of givers as of assignees)
STRONG_TRIGGERS = {"giao", "assign", "register", "role", "labelled", "must", "body_gives", "perform",
                   "duty_colon", "holds", "table", "form", "list", "member", "fronted", "colon",
                   # the members of a list each led by a title, who share the last one's seat
                   "role:listed", "holds:listed", "assign:listed"}


def _line_bounds(text: str, at: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, at) + 1
    e = text.find("\n", at)
    return s, (len(text) if e < 0 else e)


def _period_for(text: str, a: Assembled) -> PeriodMatch | None:
    """The period written in the person's sentence or just before the first task."""
    first_task = min(s for s, _ in a.tasks)
    for at in (a.cadre[0], first_task):
        ls, le = _line_bounds(text, at)
        found = [p for p in find_periods(text[ls:le])]
        # the closest period before the point, else the first after it in the line
        before = [p for p in found if ls + p.end <= max(at, first_task)]
        if before:
            p = before[-1]
        elif found:
            p = found[0]
        else:
            continue
        return PeriodMatch(ls + p.start, ls + p.end, p.first, p.last, p.kind)
    return None


# "Thành viên Tổ công tác gồm:", "Phó Trưởng ban là": a role announced before its holders
_BODY = r"(?:của\s+)?(?:ban|tổ|đoàn|hội đồng|tiểu ban|ủy ban|uỷ ban|ubbc)(?!\s+nhân dân)"
_ROLE_LIST = re.compile(
    r"(?<![\w])(?:các\s+|\d+\s+|hai\s+|ba\s+|bốn\s+|năm\s+)?"
    r"((?:phó\s+)?(?:(?:trưởng ban|trưởng tiểu ban|tổ trưởng|tổ phó|"
    r"thành viên|ủy viên|uỷ viên|trưởng đoàn|phó đoàn|phó ban|thư ký|tổ viên|phó tiểu ban)(?:\s+thường trực)?"
    r"(?:\s+" + _BODY + r")?(?:\s+[^\s:,.;()]+|,\s+chống(?![\w])){0,10}?"
    # a chair is a role of this kind only with its body named: "Phó Chủ tịch UBBC tỉnh", not
    # "ba phó chủ tịch gồm" (the permanent office)
    r"|(?:chủ tịch|chủ nhiệm)(?:\s+thường trực)?\s+" + _BODY + r"(?:\s+[^\s:,.;()]+){0,6}?"
    # "những người được mời tham gia Ban Chỉ đạo gồm: …": joining the body is the role
    # ("cùng tham gia đoàn công tác có": a visit's party, not a body's members)
    r"|tham gia\s+(?!đoàn)" + _BODY + r"(?:\s+[^\s:,.;()]+){0,6}?))"
    r"\s*,?\s+(?:sẽ\s+)?(?:gồm có|bao gồm|gồm|là|do(?=\s+(?:\w+\s+){0,8}?(?:gồm|là)\s)"
    r"|(?:còn\s+)?có(?=\s*(?::|các\s|đồng chí|đ/c|ông|bà|(?:phó\s+)?(?:giám đốc|chủ tịch|bộ trưởng|thứ trưởng|bí thư|"
    r"chánh|tổng|trưởng|cục trưởng|vụ trưởng|chủ nhiệm)(?![\w]))))(?![\w])")


def _role_lists(text: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """Roles written before the people who hold them, where the tagger saw no task."""
    out = []
    for m in _ROLE_LIST.finditer(fold(text)):
        s, e = m.span(1)
        if not any(sp.start < e and s < sp.end for sp in spans if sp.label in ("TASK", "CADRE")):
            # a role that only announces a list: it goes to the people listed, or to nobody
            out.append(TaggedSpan(s, e, "ROLE", 0.6))
    return out


def _rule_title(text: str, folded: str, a: Assembled) -> list[tuple[int, int]]:
    """The rules' title in apposition to the mention nearest before the first task."""
    from .prose import counted_title, title_after, title_before

    first = min(s for s, _ in a.tasks)
    mentions = [m for m in a.mentions if m[0] <= first] or a.mentions
    for ms, me in sorted(mentions, key=lambda m: -m[0]):
        ls, le = _line_bounds(text, ms)
        before = title_before(text, folded, ms, ls)
        if before and not text[before[1]:ms].strip():
            return [before]  # "Giám đốc Sở A Trần Văn B, …": the title written against the name
        titles, _ = title_after(text, folded, me, le)
        if titles:
            return titles
        if before:
            return [before]
        counted = counted_title(text, folded, ms, ls)
        if counted:
            return [counted]  # "3 Phó Chủ tịch UBND tỉnh: A, B, C"
    return []


_NOT_NAME_END = {"Chức", "Chủ", "Phó", "Bí", "Trưởng", "Giám", "Tỉnh", "Ủy", "Uỷ", "UBND", "Huyện", "Đơn", "Năm"}
_ATTRIBUTION = re.compile(r"(?:được\s+(?:giao|phân công|cử)\s+)?(?:làm|là|giữ chức|giữ|kiêm|đảm nhiệm)\s+")


def _trim_name(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A name run on into the next line's label ("Y Blốc Niê\nChức vụ") ends before it."""
    words = list(re.finditer(r"\S+", text[span[0]:span[1]]))
    # a name may end in such a word ("Bùi Văn Tỉnh, Bí thư …"): the mark after it says so
    closed = text[span[1]:span[1] + 2].strip()[:1] in ("", ",", ".", ";", ":", ")", "(", "-", "–")
    for i, w in enumerate(words):
        label = w.group().title() in _NOT_NAME_END and not (closed and i == len(words) - 1)
        if i >= 2 and (label or "\n" in text[span[0] + words[i - 1].end():span[0] + w.start()]):
            return span[0], span[0] + words[i - 1].end()
    return span


_SUBJECT_POST = re.compile(r"(?:phó\s+)?(?:chủ tịch|bí thư|giám đốc|thủ tướng|bộ trưởng)(?:\s+[^\s,;:.]+){1,5}?\s+"
                           r"(?=(?:trực tiếp|phụ trách|theo dõi|chịu trách nhiệm)(?![\w]))")


def _drop_attribution(text: str, folded: str, t: tuple[int, int]) -> tuple[int, int]:
    """"làm Trưởng Ban Chỉ đạo" -> "Trưởng Ban Chỉ đạo": the verb of attribution before a
    role is not part of the task (GUIDELINES, convention 4); "làm đường" keeps its verb."""
    from .prose import ROLE_WORD

    m = _ATTRIBUTION.match(folded, t[0], t[1])
    if m and ROLE_WORD.match(folded, m.end(), t[1]):
        return m.end(), t[1]
    m = _SUBJECT_POST.match(folded, t[0], t[1])
    if m and m.end() < t[1]:
        return m.end(), t[1]  # "Chủ tịch UBND TP trực tiếp chỉ đạo …": the subject is the person
    return t


def _hedged(text: str, folded: str, a: Assembled) -> bool:
    """A proposal or a possibility ("có thể nghiên cứu đề xuất phân công X làm …") is not
    an assignment yet (GUIDELINES, convention 3)."""
    from .prose import HEDGE

    first = min(s for s, _ in a.tasks)
    ls, _ = _line_bounds(text, a.cadre[0])
    ends = [m.end() for m in re.finditer(r"[.!?;](?=\s)", folded[ls:a.cadre[0]])]
    start = ls + max(ends, default=0)
    return bool(HEDGE.search(folded, start, max(first, a.cadre[1])))


def _plausible_name(text: str, span: tuple[int, int]) -> bool:
    """A person's name: 2-6 capitalised words, not a known place unless an honorific
    announces it ("đồng chí Hà Nam" is a person, "huyện Chợ Mới" is not)."""
    from ..recognize.names import HONORIFIC, NOT_NAME_START, SURNAMES
    from ..recognize.places import is_large_place, is_place

    name = text[span[0]:span[1]]
    words = name.split()
    if not 2 <= len(words) <= 6 or any(not w[:1].isupper() for w in words):
        return False
    hon = HONORIFIC.search(text[max(0, span[0] - 12):span[0]])
    announced = hon is not None and hon.end() == min(12, span[0])
    if announced:
        return True
    title = name if not name.isupper() else name.title()
    if title.split()[0] in NOT_NAME_START:
        return False
    # wards are named after people ("phường Nguyễn Thái Bình"): a family name and two more
    # syllables with no level word before them is the person
    level = re.search(r"(?:tỉnh|huyện|xã|phường|thị trấn|thị xã|thành phố|quận|thôn|bản|TP\.?)\s+$",
                      text[max(0, span[0] - 12):span[0]], re.IGNORECASE)
    if len(words) >= 3 and title.split()[0] in SURNAMES and not level and not is_large_place(title):
        return True
    return not is_place(title)


_DEPUTY = re.compile(r"(?<![\w])phó\s+$")


def _with_deputy(folded: str, sp: TaggedSpan) -> TaggedSpan:
    """"3 Phó trưởng ban chỉ đạo là …": a role the tagger began one word late keeps its "Phó"
    (the deputy and the head are different roles)."""
    from .prose import ROLE_WORD

    if sp.label != "TASK" or not ROLE_WORD.match(folded, sp.start):
        return sp
    m = _DEPUTY.search(folded, max(0, sp.start - 6), sp.start)
    return TaggedSpan(m.start(), sp.end, sp.label, sp.confidence) if m else sp


# not "Trưởng ban Chỉ đạo"
_ROLE_SUBJECT = re.compile(r"(" + HEAD_ROLES + r")"
                           r"\s+(?=(?:trực tiếp|thay mặt|chịu trách nhiệm|có nhiệm vụ|giúp)(?![\w]))")


_ROLE_LEAD_LINE = re.compile(r"\s*(?:[-+•*]\s*)?(" + HEAD_ROLES + r")\s+")


def _by_role_holders(text: str, folded: str, found: list[Assembled]) -> list[Assembled]:
    """"Tổ trưởng trực tiếp chỉ đạo …; Tổ phó thay mặt Tổ trưởng điều hành …": a duty whose
    subject is a role belongs to whoever holds that role in the text (conventions 1, 11)."""
    for a in found:
        for t in list(a.tasks):
            m = _ROLE_SUBJECT.match(folded, t[0], t[1])
            ls = folded.rfind("\n", 0, t[0]) + 1
            lead = _ROLE_LEAD_LINE.fullmatch(folded, ls, t[0])  # "Tổ trưởng" tagged apart from its duty
            if lead and _ROLE_SUBJECT.match(folded, lead.start(1), t[1]):
                m = lead
                t_rest = t
            elif m:
                t_rest = (m.end(), t[1])
            else:
                continue
            role = " ".join(m.group(1).split())
            holders = [b for b in found if any(u != t and " ".join(folded[u[0]:u[1]].split()).startswith(role)
                                               and not _ROLE_SUBJECT.match(folded, u[0], u[1]) for u in b.tasks)]
            if not holders:
                continue
            a.tasks.remove(t)
            for b in holders:
                if t_rest not in b.tasks:
                    b.tasks.append(t_rest)
                b.shared.append(t_rest)
    return [a for a in found if a.tasks]


# a role in brackets after a title is the seat the member takes, not part of the title:
# "Trưởng Ban Quản lý rừng (Phó Chủ tịch Thường trực Hội đồng)"
_SEAT_ASIDE = re.compile(r"\s*\(\s*(?=(?:" + HEAD_RE + r"|" + BODY_ROLES + r")(?![\w]))[^()]*\)?\s*[;,.]?\s*$")


def _clipped(text: str, folded: str, sp: TaggedSpan, found: list[tuple[int, int, str]],
             names: list[TaggedSpan]) -> list[TaggedSpan]:
    """A tagged title cut into the titles of a list's members: a title never runs over ";" or
    a person's name (the tagger, reading syllables, sometimes runs one member's title into the
    next one's: "Chủ tịch Hội Nông dân huyện A, Giám đốc Sở Tài chính B" has two titles)."""
    if sp.label != "POSITION":
        return [sp]
    cuts = [(s, e) for s, e, _ in found] + [(n.start, n.end) for n in names]
    cuts += [(sp.start + i, sp.start + i + 1) for i, ch in enumerate(text[sp.start:sp.end]) if ch == ";"]
    pieces, at = [], sp.start
    for s, e in sorted(c for c in cuts if sp.start < c[1] and c[0] < sp.end):
        pieces.append((at, max(at, s)))
        at = max(at, e)
    pieces.append((at, sp.end))
    out = []
    for s, e in pieces:
        aside = _SEAT_ASIDE.search(folded, s, e)
        if aside and aside.start() > s:
            e = aside.start()
        s, e = trim_span(text, s, e)
        if e > s and (s, e) != (sp.start, sp.end):
            out.append(TaggedSpan(s, e, sp.label, sp.confidence))
        elif e > s:
            out.append(sp)
    return out


def _respectively(folded: str, found: list[Assembled]) -> None:
    """"A, B và C … lần lượt là X, Y và Z": the tagger hands every item of the list to every
    person of it; each person has the item in their place."""
    from .prose import RESPECTIVELY

    for m in RESPECTIVELY.finditer(folded):
        ss = max(folded.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        ends = [i for i in (folded.find(c, m.end()) for c in ".!?\n") if i >= 0]
        se = min(ends) if ends else len(folded)
        items = sorted({t for a in found for t in a.tasks if m.end() <= t[0] < se})
        # the people the sentence names before "lần lượt", in the order it names them (by
        # their name written there: the tagger may not have marked every mention)
        first = {id(a): folded.find(folded[a.cadre[0]:a.cadre[1]], ss, m.start()) for a in found}
        holders = sorted((a for a in found if first[id(a)] >= 0), key=lambda a: first[id(a)])
        # (when one of them holds the whole list: the tagger read it as shared)
        if len(items) < 2 or len(holders) != len(items) or \
                not any(all(t in a.tasks for t in items) for a in holders):
            continue
        for a, item in zip(holders, items, strict=True):
            a.tasks = sorted({t for t in a.tasks if t not in items} | {item})
            a.shared = [t for t in a.shared if t not in items or t == item]


def model_assignments(text: str, spans: list[TaggedSpan]) -> list[RawAssignment]:
    """The tagger's tasks and titles, linked to the people named around them.

    People are the tagger's CADRE spans and the rules' names: whether someone is
    assigned is decided by whether a task is theirs, which needs the whole sentence,
    not by the words beside the name.
    """
    from ..recognize.names import find_names

    folded = fold(text)
    spans = [_with_deputy(folded, sp) for sp in spans]
    spans = spans + _role_lists(text, spans)
    found = find_names(text)
    # a name the tagger cut short ("Phạm Bình" of "Phạm Bình Minh thay mặt …") is the whole
    # name the rules read there
    spans = [next((TaggedSpan(s, e, "CADRE", sp.confidence) for s, e, _ in found
                   if s <= sp.start and sp.end <= e and e - s > sp.end - sp.start), sp)
             if sp.label == "CADRE" else sp for sp in spans]
    names = [sp for sp in spans if sp.label == "CADRE"]
    spans = [c for sp in spans for c in _clipped(text, folded, sp, found, names)]
    extra = [TaggedSpan(s, e, "CADRE", 0.5) for s, e, _ in found
             if not any(n.start < e and s < n.end for n in names)]
    out = []
    assembled = _by_role_holders(text, folded, assemble(text, list(spans) + extra))
    _respectively(folded, assembled)
    for a in assembled:
        a.cadre = _trim_name(text, a.cadre)
        if not _plausible_name(text, a.cadre) or _hedged(text, folded, a):
            continue
        a.tasks = [_drop_attribution(text, folded, t) for t in a.tasks]
        # the seat a list announces ("4 Phó Chủ tịch Hội đồng gồm: A, …") is their task, not
        # the title of its first member
        a.position = [p for p in a.position if not any(_overlap(p, t) for t in a.tasks)]
        if not a.position:
            a.position = _rule_title(text, folded, a)
            # a role inside the person's title list ("X - Bí thư Tỉnh ủy, Chủ tịch Ủy ban bầu cử
            # tỉnh") is part of who they are, not a task handed to them
            a.tasks = [t for t in a.tasks if not any(_overlap(t, p) for p in a.position)]
            if not a.tasks:
                continue
        start = min([a.cadre[0]] + [s for s, _ in a.tasks])
        end = max([a.cadre[1]] + [e for _, e in a.tasks])
        raw = RawAssignment(cadre=a.cadre, name_how="model", position=list(a.position),
                            tasks=sorted(set(a.tasks)), period=_period_for(text, a), trigger="model",
                            span=(start, end))
        raw.confidence = a.confidence
        # roles held with a list of people ("A, B, C làm Phó Trưởng ban"): kept beside the rules' tasks
        raw.shared = [_drop_attribution(text, folded, t) for t in a.shared]
        out.append(raw)
    return [r for r in _by_title_subject(text, folded, out) if r.tasks]


_TITLE_SUBJECT = re.compile(r"(?:^|[.;:]\s+|\n\s*|,\s+)(?:(?:theo phân công|cụ thể|theo đó|trong đó),\s*)?"
                            r"(" + HEAD_RE + r"(?:\s+[^\s,;:.]+){0,4}?)"
                            r"\s+(?:(?:cũng|sẽ|đã|vẫn|tiếp tục|đồng thời)\s+)*$")


_CAPS_WORD = re.compile(r"(?<![\w])[" + UPPER + r"]{2,}(?![\w])")


def _by_title_subject(text: str, folded: str, found: list[RawAssignment]) -> list[RawAssignment]:
    """"Theo phân công, Thủ tướng lãnh đạo …": a duty whose subject is a bare title belongs to
    the person the text named with exactly that title ("Thủ tướng Phạm Minh Chính"), not to
    whoever was named last; so do the sentences right after it that have no subject of their
    own ("Trực tiếp chỉ đạo …")."""
    from functools import cache

    from ..recognize.names import find_names
    from .prose import title_after, title_before

    @cache
    def names() -> tuple[tuple[int, int, str], ...]:
        # names in CAPITALS too ("Thủ tướng PHẠM MINH CHÍNH"): read on a copy with each word in
        # capitals written as a name is (same length, so the offsets hold); only when a bare
        # title is met, as most pages have none
        return tuple(find_names(_CAPS_WORD.sub(lambda m: m.group()[0] + m.group()[1:].lower(), text)))

    def same(p: tuple[int, int], title: str) -> bool:
        return " ".join(folded[p[0]:p[1]].split()) == title

    def holder_of(title: str, other: RawAssignment) -> RawAssignment | None:
        held = [r for r in found if any(same(p, title) for p in r.position)]
        if not held:  # named with the title but given nothing yet ("Thủ tướng A vừa ký …")
            named: dict[str, RawAssignment] = {}
            for ns, ne, _ in names():
                ls = max(folded.rfind(c, 0, ns) for c in ".;\n") + 1
                posts = [p for p in [title_before(text, folded, ns, ls)] if p] + \
                    title_after(text, folded, ne, len(text))[0]
                if any(same(p, title) for p in posts):
                    key = name_key(text[ns:ne])
                    named.setdefault(key, RawAssignment(cadre=(ns, ne), name_how="model", position=posts,
                                                        tasks=[], trigger="model", span=(ns, ne)))
            if len(named) == 1:
                key, new = next(iter(named.items()))
                already = [r for r in found if name_key(text[slice(*r.cadre)]) == key]
                if already:  # found already under another of their titles
                    return already[0] if already[0] is not other else None
                new.shared = []
                new.confidence = other.confidence
                found.append(new)
                held = [new]
        return held[0] if len(held) == 1 and held[0] is not other else None

    for r in found:
        moved_to: RawAssignment | None = None
        last_end = -1
        for t in sorted(r.tasks):
            m = _TITLE_SUBJECT.search(folded, max(0, t[0] - 80), t[0])
            if m and any(m.start(1) <= ns < t[0] for ns, _, _ in names()):
                m = None  # "Phó Thủ tướng Trần Hồng Hà theo dõi …": a title with its name is no bare title
            to = None
            if m:
                title = " ".join(m.group(1).split())
                if not any(same(p, title) for p in r.position):
                    to = holder_of(title, r)
            elif moved_to is not None and re.fullmatch(r"[.;]\s*", folded[last_end:t[0]]):
                to = moved_to  # the next sentence, with no subject, goes on about the same person
            moved_to, last_end = to, t[1]
            if to is not None:
                r.tasks.remove(t)
                if t not in to.tasks:
                    to.tasks.append(t)
                    to.tasks.sort()
    return found


_HANDING = re.compile(r"phân công|được giao|giao nhiệm vụ|giao việc|giao cho|cụ thể[:,]|như sau:")


def _directs(text: str, r: RawAssignment) -> bool:
    """A duty that reads like giving directions ("chỉ đạo các sở …")."""
    first = fold(text[slice(*r.tasks[0])]) if r.tasks else ""
    return bool(re.match(r"(?:trực tiếp\s+)?(?:chỉ đạo|lãnh đạo|yêu cầu|đề nghị)", first))


def _handed_out(text: str, at: int) -> bool:
    """Duties ("phụ trách …", "theo dõi …") count when the text around says they were
    handed out (phân công, giao, "cụ thể:"); else the person may be giving directions."""
    ls, _ = _line_bounds(text, at)
    return bool(_HANDING.search(fold(text[max(0, ls - 400):at])))


_BARE_ROLE = re.compile(BODY_ROLES + r"|(?:phó\s+)?(?:chủ tịch|chủ nhiệm)")


def _same_sentence(text: str, t: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """``t`` lies in the sentence of one of ``others`` (the rules read that sentence)."""
    for u in others:
        a, b = min(t[0], u[0]), max(t[1], u[1])
        if not re.search(r"[.!?](?:\s|$)|\n", text[a:b]):
            return True
    return False


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# a role in a body set up for a purpose: what follows it is the body's work, or the visit
# the role was for ("trưởng đoàn đã làm việc với …", "tổ trưởng, chỉ đạo các phường …")
_BODY_ROLE = re.compile(BODY_ROLES + r"(?![\w])")
_AFTER_ROLE = re.compile(r"\s*(?:,\s*(?=(?:trực tiếp\s+)?(?:chỉ đạo|phụ trách|theo dõi|kiểm tra|giúp|tổ chức|"
                         r"có nhiệm vụ|đã|đến|cùng))"
                         r"|\s(?:đã|đến|cùng|có buổi|tiến hành|đi|dẫn|và các thành viên|và\s+\d+|để)(?![\w]))")
# "… thay ông Đỗ Đức Duy": whom the person replaces is not part of the task (convention 4)
_REPLACING = re.compile(r"[,\s]+thay(?:\s+(?:cho\s+)?(?:ông|bà|đồng chí|đ/c)\s|\s*$)")


# "Nội dung: …", "Phụ trách: …": a label before the task is not part of it
_LABEL = re.compile(r"(?:nội dung(?: công việc| đăng ký)?|tên (?:công )?việc|việc đột phá|công việc|phụ trách|"
                    r"lĩnh vực(?: phụ trách| được giao)?|vai trò|nhiệm vụ(?: được giao| cụ thể)?)\s*:\s*")


# "phụ trách lĩnh vực X kiêm Trưởng ban Chỉ đạo Y", "theo dõi quận A và làm nhiệm vụ Trưởng …":
# a second role joined to a duty is a task of its own (convention 5)
_SECOND_ROLE = re.compile(r"\s*,?\s+(?:kiêm(?:\s+nhiệm)?|và\s+làm(?:\s+nhiệm vụ)?|đồng thời\s+(?:là|làm))\s+"
                          r"(?=(?:phó\s+)?(?:trưởng|tổ trưởng|tổ phó|chủ tịch|chủ nhiệm|thành viên|ủy viên|uỷ viên)"
                          r"(?![\w]))")


# "trưởng một số Ban chỉ đạo", "Chủ tịch các hội đồng": a role over several bodies
_SOME = r"(?:(?:một số|các|một)\s+)?"
_ROLE_COMMA = re.compile(r"\s*,\s*(?=(?:phó\s+)?(?:trưởng " + _SOME + r"ban|trưởng " + _SOME + r"tiểu ban|tổ trưởng|"
                         r"tổ phó|chủ tịch " + _SOME + r"hội đồng|trưởng đoàn|thành viên " + _SOME + r"ban|"
                         r"ủy viên " + _SOME + r"ban|uỷ viên " + _SOME + r"ban)(?![\w]))")


# "trực tiếp chỉ đạo Sở A; phối hợp chỉ đạo Công an; theo dõi các quận …": duties with their
# own verbs after ";" are tasks of their own (convention 5); "…; tổ chức bộ máy" is an object
_NEXT_DUTY = re.compile(r"\s*;\s*(?=(?:trực tiếp|phối hợp|theo dõi|chỉ đạo|phụ trách|giúp|chịu trách nhiệm|điều hành|"
                        r"lãnh đạo|thay mặt|kiêm|làm trưởng|làm phó)(?![\w]))")


def split_duties(folded: str, t: tuple[int, int]) -> list[tuple[int, int]]:
    out, at = [], t[0]
    for m in _NEXT_DUTY.finditer(folded, t[0], t[1]):
        if m.start() > at:
            out.append((at, m.start()))
        at = m.end()
    out.append((at, t[1]))
    return [u for u in out if u[1] > u[0]]


def split_roles(folded: str, t: tuple[int, int]) -> list[tuple[int, int]]:
    """A duty and a role joined by "kiêm" / "và làm": two tasks; so are two roles in bodies
    with a comma between ("Chủ tịch Hội đồng Giáo dục quốc phòng, Trưởng Ban Chỉ đạo cải cách hành chính")."""
    from .prose import ROLE_WORD

    m = _SECOND_ROLE.search(folded, t[0], t[1])
    if (not m or m.start() <= t[0]) and _BODY_ROLE_START.match(folded, t[0], t[1]):
        m = _ROLE_COMMA.search(folded, t[0], t[1]) or _ROLE_AND.search(folded, t[0], t[1])
        duty = _ROLE_THEN_DUTY.search(folded, t[0], t[1])
        if duty and (not m or duty.start() < m.start()) and \
                not re.search(r"[,;]", folded[t[0]:duty.start()]):
            # "Chủ tịch Ủy ban Bầu cử tỉnh, phụ trách chung, …": a role, then a duty with its
            # own verb, are two tasks (convention 5)
            return [(t[0], duty.start()), (duty.end(), t[1])]
    if not m or m.start() <= t[0] or not ROLE_WORD.match(folded, m.end()):
        return [t]
    return [(t[0], m.start()), *split_roles(folded, (m.end(), t[1]))]


# the head's own duties ("phụ trách chung", "chịu trách nhiệm …"), not the area its team
# covers ("tổ trưởng, phụ trách các xã …": the body's work, convention 1)
_ROLE_THEN_DUTY = re.compile(r"\s*,\s*(?:có trách nhiệm\s+)?(?=(?:phụ trách chung|chịu trách nhiệm|lãnh đạo|"
                             r"điều hành)(?![\w]))")


# "Trưởng ban Ban Chỉ đạo A và Trưởng ban Ban Chỉ đạo B": two roles joined by "và"
_ROLE_AND = re.compile(r"\s+và\s+(?=(?:" + HEAD_ROLES + r"|(?:phó\s+)?chủ tịch hội đồng)(?![\w]))")


_BODY_ROLE_START = re.compile(r"(?:(?:được giao\s+)?(?:làm|là|giữ chức)\s+)?(?:phó\s+)?"
                              r"(?:trưởng " + _SOME + r"ban|trưởng " + _SOME + r"tiểu ban|tổ trưởng|tổ phó|"
                              r"chủ tịch " + _SOME + r"hội đồng|"
                              r"chủ tịch (?:thường trực\s+)?ủy ban|"
                              r"trưởng đoàn|thành viên|ủy viên|uỷ viên)(?![\w])")


# what leads a duty and stays with it: "giúp Thủ tướng", "thay mặt Chủ tịch UBND huyện", "phụ trách,"
_DUTY_LEAD = re.compile(r"\s*(?:(?:giúp|thay mặt)\s+(?:" + HEAD_RE + r")(?:\s+[^\s,;:.]+){0,5}?"
                        r"|(?:phụ trách|chỉ đạo|theo dõi)\s*,?|trực tiếp)\s+")
_ANSWERS_FOR = re.compile(r"(?:có\s+)?chịu trách nhiệm\s+(?=\w)(?!trước|về|với|chung)")


def trim_task(text: str, folded: str, t: tuple[int, int]) -> tuple[int, int]:
    """Task edges by the guidelines (convention 4): a body role ends where the body's work
    or the occasion begins; a trailing "thay ông X" goes."""
    s, e = t
    label = _LABEL.match(folded, s, e)
    if label and label.end() < e:
        s = label.end()
    s, e = _drop_attribution(text, folded, (s, e))
    m = _ANSWERS_FOR.match(folded, s, e)
    if m and m.end() < e:
        s = m.end()  # "chịu trách nhiệm lãnh đạo, điều hành …": the duty is what they answer for
    m = _REPLACING.search(folded, s, e)
    if m and m.start() > s:
        e = m.start()
    r = _BODY_ROLE.match(folded, s, e)
    if r:
        # the body's name may follow the role ("Trưởng Ban Chỉ đạo phòng, chống dịch tỉnh")
        for a in _AFTER_ROLE.finditer(folded, r.end(), e):
            if a.start() > s:
                e = a.start()
                break
    return (s, e) if e > s else t


def combine(text: str, rules: list[RawAssignment], model: list[RawAssignment]) -> list[RawAssignment]:
    """One list: the model's people with their tasks, plus rule-only people with a strong verb."""
    folded = fold(text)
    out = []
    for r in _combine(text, folded, rules, model):
        if _REPLACED.search(folded, max(0, r.cadre[0] - 24), r.cadre[0]):
            continue  # "Ủy viên thay bà X": X leaves the body, the task is the other person's
        if _CREDIT.search(folded, max(0, r.cadre[0] - 24), r.cadre[0]):
            continue  # "Ảnh: Nguyễn Giác": who took the photo or wrote the piece
        tasks = sorted(set(_with_body(text, folded, _closed(text, trim_task(text, folded, u)))
                           for t in r.tasks for u in split_roles(folded, t)))
        tasks = _own_standing_role(text, folded, r, tasks)
        # a lone word ("mới", "44") is a fragment, not a task; "thêm nhiệm vụ mới" announces one
        r.tasks = [t for t in tasks if len(re.findall(r"\w+", text[t[0]:t[1]])) >= 2 and not _caption(folded, t)
                   and not _given_up(folded, t)
                   and not _NOT_A_TASK_START.match(folded, t[0], t[1]) and not _PHOTO.search(folded, t[0], t[1])
                   and not _ANNOUNCES.fullmatch(folded, t[0], t[1]) and not permanent_post(folded[t[0]:t[1]])
                   and not _title_of_occasion(folded, t) and not _body_acts(text, folded, t)
                   and not _BARE_HEAD.fullmatch(" ".join(folded[t[0]:t[1]].split()))]
        if r.tasks:
            out.append(r)
    return out


_STANDING = re.compile(r"\(\s*((?:phó\s+)?(?:chủ tịch|trưởng ban|trưởng tiểu ban|tổ trưởng|tổ phó|trưởng đoàn|"
                       r"phó ban|ủy viên|uỷ viên)(?:\s+[^()]{0,40}?)?\s+thường trực(?:\s+[^()]{0,40})?)\s*\)")


def _own_standing_role(text: str, folded: str, r: RawAssignment,
                       tasks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"4 Phó Trưởng ban gồm: A, Bộ trưởng X (Phó Trưởng ban thường trực); B, …": the standing
    role in brackets after a member's post is theirs, in place of the list's shared role of
    the same rank."""
    # (a bracket glued to the name may have been read into it: "Phan Văn Giang(Phó Trưởng ban …")
    glued = folded.find("(", r.cadre[0], r.cadre[1])
    start = glued if glued >= 0 else r.cadre[1]
    ends = [folded.find(c, start) for c in ";\n"]
    end = min([e for e in ends if e >= 0] + [len(folded), start + 160])
    m = _STANDING.search(folded, start, end)
    if not m or _NEXT_PERSON.search(folded, start, m.start()):
        return tasks
    own = m.span(1)
    rank = folded[own[0]:own[1]].split()[:2]
    same = [t for t in tasks if folded[t[0]:t[1]].split()[:2] == rank and len(folded[t[0]:t[1]].split()) <= 8]
    if not same:
        return tasks
    return sorted(set([t for t in tasks if t not in same] + [own]))


# another person's name begins: the bracket would be theirs
_NEXT_PERSON = re.compile(r"[;,]\s*(?:đồng chí|đ/c|ông|bà)\s")


_POST_HEAD = re.compile(r"(?:phó\s+)?(?:trưởng ban|chủ nhiệm|chủ tịch|bí thư|phó bí thư|ủy viên|uỷ viên)(?![\w])")
_PERMANENT_BODY = re.compile(r"thành [uủ]y|tỉnh [uủ]y|huyện [uủ]y|hđnd|hội đồng nhân dân|ubnd|[uủ]y ban nhân dân"
                             r"|mttq|mặt trận")
_PURPOSE = re.compile(r"thường trực|chỉ đạo|tổ công tác|đoàn|tiểu ban|bầu cử|thi đua|quyền|quản lý")


# a task is a duty (a verb phrase) or a role: a fragment that opens with a function word or
# a first-person pronoun is a piece of another clause or someone speaking
# "bị tạm đình chỉ công tác": what befalls someone (a suspension, a sanction) is no task
_NOT_A_TASK_START = re.compile(r"(?:trừ|rõ|đến|cho|của|với|tại|tôi|chúng tôi|chúng ta|và|nhưng|để|khi|nếu|vì|sau|riêng|"
                               r"bị)(?![\w])")
_PHOTO = re.compile(r"(?<![\w])ảnh\s*:")
_CREDIT = re.compile(r"(?<![\w])(?:ảnh|nguồn|bài|tin|bài và ảnh|tin và ảnh|tin, ảnh|bài, ảnh)\s*:\s*\**$")
# "thôi kiêm nhiệm phụ trách …", "thôi giữ chức …": a duty given up, not given
_STOPS_HOLDING = re.compile(r"(?<![\w])thôi\s+(?:kiêm|giữ|làm|đảm nhiệm|phụ trách|tham gia|là)(?![\w])")
# "chưa phân công Phó Thủ tướng thường trực": a duty not (yet) given
_NOT_GIVEN = re.compile(r"(?<![\w])(?:chưa|không)\s+(?:được\s+)?(?:phân công|giao|cử)\s+$")


_BODY_NAMED = re.compile(r"[ \t]+(?:ban|tổ|tiểu ban)(?![\w])")


def _with_body(text: str, folded: str, t: tuple[int, int]) -> tuple[int, int]:
    """"Tổ trưởng" cut short before its body's name ("Tổ trưởng Tổ vận tải và kho bãi",
    "Phó Trưởng Ban Chỉ đạo"): the role goes on with the name of its body, as written."""
    from ..recognize.titles import STOP, TITLE_END

    s, e = t
    if not re.fullmatch(HEAD_ROLES, folded[s:e]):
        return t
    ls, le = _line_bounds(text, e)
    if folded[s:e].endswith(("ban", "tiểu ban")):
        if not (e + 1 < le and text[e] == " " and text[e + 1].isupper()):
            return t  # "Trưởng ban Chỉ đạo …": the body's name goes on in capitals
        start = e
    else:
        m = _BODY_NAMED.match(folded, e, le)
        if not m:
            return t
        start = m.end()
    ends = [le] + [x.start() for x in (TITLE_END.search(folded, start, le), STOP.search(folded, start, le)) if x]
    end = min(ends)
    return (s, end) if end - e > 1 and end - s <= 120 else t


def _given_up(folded: str, t: tuple[int, int]) -> bool:
    """The duty is one the person stops holding: "thôi kiêm chức Trưởng ban A và Trưởng ban B"
    (the verb governs every role of its clause), or one not given ("chưa phân công …")."""
    clause = max(folded.rfind(c, 0, t[0]) for c in ".;\n") + 1
    return bool(_STOPS_HOLDING.search(folded, max(clause, t[0] - 90), t[0] + 5)
                or _NOT_GIVEN.search(folded[max(clause, t[0] - 40):t[0]]))


def _closed(text: str, t: tuple[int, int]) -> tuple[int, int]:
    """Without the closing "…" or "." (the contract trims closing marks)."""
    s, e = trim_span(text, t[0], t[1], "….;, \t\n")
    return (s, e) if e > s else t


_TAKES_POST = re.compile(r"^\s*(?:(?:nhận|giữ|đảm nhận|đảm nhiệm)\s+)?(?:chức vụ|chức danh|chức|vị trí|cương vị)\s+")


_OCCASION = re.compile(r"\s*,?\s*(?:đã\s+|sẽ\s+)?(?:chủ trì|phát biểu|dự|tham dự|cho biết|nhấn mạnh|khẳng định|"
                       r"chúc mừng|trao|tặng)(?![\w])")


_ATTENDING = re.compile(r"(?<![\w])(?:tham dự|dự|tiếp|đón|làm việc với|có mặt)(?![\w])[^.:;]{0,120}?"
                        r"(?<![\w])(?:có|gồm)\s+(?:các\s+)?(?:đồng chí|ông|bà|đại biểu)\s*:")


# a post's head alone ("phó thủ tướng" in "phân công cho phó thủ tướng"): a class of
# people, not a role in a body ("Trưởng ban", "Tổ phó" stay: they are seats)
_BARE_HEAD = re.compile(r"(?:phó\s+)?(?:thủ tướng|bộ trưởng|thứ trưởng|chủ tịch|bí thư|giám đốc|cục trưởng|vụ trưởng)")
_BODY_SUBJECT = re.compile(r"(?:năm\s+\d{4}\s*,\s*)?(?!ban hành|ban bố)((?:ban|sở|ủy ban|uỷ ban|ubnd|hội đồng|cục|"
                           r"tổng cục|bộ|phòng|trung tâm|công an|tỉnh ủy|huyện ủy|thành ủy|đảng ủy)(?![\w]))")


def _body_acts(text: str, folded: str, t: tuple[int, int]) -> bool:
    """"Năm 2021, Ban Chỉ đạo phòng chống thiên tai các huyện tiếp tục …", "Sở Y tế là cơ quan thường trực …": a
    clause whose subject is a body, by its capitalised name ("Ban Chỉ đạo", not "ban hành"),
    is the body's work, not a person's."""
    m = _BODY_SUBJECT.match(folded, t[0], t[1])
    return m is not None and text[m.start(1)].isupper() and \
        bool(re.match(r"\s+[" + UPPER + r"]", text[m.end():m.end() + 2]))


def _title_of_occasion(folded: str, t: tuple[int, int]) -> bool:
    """"Thủ tướng A, Trưởng Tiểu ban Kinh tế - Xã hội chủ trì phiên họp": a seat named in
    someone's titles while they chair, speak or visit is no assignment (convention 2)."""
    from ..recognize.titles import STOP

    if not (_BODY_ROLE_START.match(folded, t[0], t[1])
            and re.search(r"[,–-]\s*$", folded[max(0, t[0] - 3):t[0]])):  # among the titles, not "làm …"
        return False
    if _OCCASION.match(folded, t[1]):
        return True
    # "Cùng làm việc với đoàn có các đồng chí: A - Bí thư Tỉnh ủy, Trưởng ban Chỉ đạo …; B - …":
    # the people met or attending, introduced with their titles
    sentence = max(folded.rfind(c, 0, t[0]) for c in ".\n") + 1
    if _ATTENDING.search(folded, sentence, t[0]):
        return True
    # "A - Trưởng Ban chỉ đạo, Chủ tịch UBND tỉnh B - Phó trưởng Ban chỉ đạo chủ trì": co-chairs
    # named with their titles before the verb; the first verb after the seat is the occasion's
    ends = [folded.find(c, t[1]) for c in ".;\n"]
    end = min([e for e in ends if e >= 0] + [len(folded), t[1] + 200])
    verb = STOP.search(folded, t[1], end)
    return bool(verb and _OCCASION.match(folded, verb.start()))


def permanent_post(task: str) -> bool:
    """A permanent office of a party committee, council or people's committee ("Trưởng ban
    Tổ chức Thành ủy", "Chủ tịch HĐND tỉnh"): taking it is an appointment or an election,
    not an assignment (convention 3); a standing deputy's role in the division of work
    ("Phó Chủ tịch Thường trực UBND tỉnh") and acting duties are. A party committee's standing
    deputy secretary ("Phó Bí thư Thường trực Huyện ủy") is elected, not assigned.

    >>> permanent_post("trưởng ban tổ chức thành ủy"), permanent_post("phó chủ tịch thường trực ubnd tỉnh")
    (True, False)
    >>> permanent_post("phó bí thư thường trực huyện ủy đồng hỷ")
    True
    """
    task = re.sub(r"\([^)]*\)", " ", task)
    task = _TAKES_POST.sub("", task, count=1)  # "nhận chức vụ Trưởng ban …" takes the post itself
    purpose = [m.group() for m in _PURPOSE.finditer(task)]
    if purpose == ["thường trực"] and re.match(r"(?:phó\s+)?bí thư\s+thường trực", task):
        purpose = []
    return bool(_POST_HEAD.match(task) and _PERMANENT_BODY.search(task) and not purpose)


def _caption(folded: str, t: tuple[int, int]) -> bool:
    """A photo credit read as text ("(Ảnh: Tiến Tuấn)")."""
    if _CREDIT.search(folded, max(0, t[0] - 24), t[0]):
        return True  # "- Ảnh: DOÃN HÒA"
    return folded.count(")", t[0], t[1]) > folded.count("(", t[0], t[1]) and \
        bool(re.search(r"\((?:ảnh|nguồn)\s*:", folded[max(0, t[0] - 20):t[0]]))


_ANNOUNCES = re.compile(r"(?:thêm\s+)?(?:nhiệm vụ|việc|trọng trách|chức vụ)(?:\s+(?:mới|khác|quan trọng))?")
_REPLACED = re.compile(r"(?<![\w])thay\s+(?:cho\s+|thế\s+)?(?:ông|bà|đồng chí|đ/c)?\s*$")


def _person_is_subject(text: str, r: RawAssignment, t: tuple[int, int]) -> bool:
    """"Ông Lò Văn Pín sẽ thay mặt …", "ông Pín còn phụ trách …": the model's duty in a
    later sentence whose subject is this person, named in full or by honorific and given name."""
    if t[0] <= r.cadre[1]:
        return False
    start = max(text.rfind(c, 0, t[0]) for c in ".!?\n") + 1
    lead = text[start:t[0]]
    name = text[r.cadre[0]:r.cadre[1]]
    given = name.split()[-1]
    if re.fullmatch(r"\s*(?:(?:đồng thời|ngoài ra|bên cạnh đó)\s*,?\s*)?", lead, re.IGNORECASE) and start > 1:
        # "Đồng thời phụ trách …": no subject of its own, so the sentence before's goes on
        prev = max(text.rfind(c, 0, start - 1) for c in ".!?\n") + 1
        lead = text[prev:min(start, prev + 79)]
    # the sentence opens with the person (after a linking phrase), not "Theo ông X, …"
    return len(lead) < 80 and bool(re.match(
        r"\s*(?:(?:đồng thời|ngoài ra|bên cạnh đó|cũng|trong đó)\s*,?\s*)?(?:(?:ông|bà|đồng chí|đ/c)\s+)?"
        r"(?:" + re.escape(name) + "|" + r"(?<=\s)" + re.escape(given) + r")(?![\w])", lead, re.IGNORECASE))


def _rest_of_line(text: str, r: RawAssignment, t: tuple[int, int]) -> bool:
    """"Phó Chủ tịch A: duty one. Duty two." — after a name and its colon, the rest of the
    line is that person's: the model's duties in its later sentences are theirs too."""
    if r.trigger not in ("colon", "duty_colon", "labelled"):
        return False
    ls, le = _line_bounds(text, r.cadre[0])
    return r.cadre[1] <= t[0] and t[1] <= le


def _combine(text: str, folded: str, rules: list[RawAssignment], model: list[RawAssignment]) -> list[RawAssignment]:
    for r in list(rules) + list(model):  # roles joined by "kiêm" are split before overlaps are weighed
        r.tasks = [v for t in r.tasks for u in split_roles(folded, t) for v in split_duties(folded, u)]
    by_key = {name_key(text[slice(*m.cadre)]): m for m in model}
    # every task the rules read for each person, over all their mentions
    rule_tasks: dict[str, list[tuple[int, int]]] = {}
    for o in rules:
        rule_tasks.setdefault(name_key(text[slice(*o.cadre)]), []).extend(o.tasks)
    out = []
    used = set()
    for r in rules:
        k = name_key(text[slice(*r.cadre)])
        m = by_key.get(k)
        if m is None:
            # the given name alone in the model ("ông Đông") for the rules' full name
            for mk, mm in by_key.items():
                if mk.split()[-1:] == k.split()[-1:] and mk not in used and any(
                        _overlap(t, u) for t in mm.tasks for u in r.tasks):
                    m = mm
                    break
        if m is None:
            # a person sharing a strong verb's duty ("A - …; B - … được giao chỉ đạo …") has it too
            if r.trigger.removesuffix(":shared") in STRONG_TRIGGERS or not _directs(text, r) or \
                    _handed_out(text, r.span[0]):
                out.append(r)
            continue
        used.add(name_key(text[slice(*m.cadre)]))
        if r.trigger in STRONG_TRIGGERS:
            # the rules' edges, plus what the model gave a list of people or a role's holder
            # (not where the rules read this person elsewhere: "A, B và C … lần lượt là X, Y, Z")
            theirs = rule_tasks[k]
            tasks = list(r.tasks) + [t for t in m.tasks if not any(_overlap(t, u) for u in theirs)
                                     and (t in m.shared or _rest_of_line(text, r, t)
                                          or _person_is_subject(text, r, t))
                                     and not _same_sentence(text, t, theirs)]
        else:
            # a bare role the tagger cut short ("Trưởng ban") gives way to the rules' whole body
            # name from the same word ("Trưởng ban Chỉ đạo giải phóng mặt bằng huyện"); a duty the
            # tagger cut at a ';' that still lists its objects ("phụ trách lĩnh vực A; B; C") too, and
            # a domain's fields the tagger cut at a comma ("phụ trách lĩnh vực A, B, C và D")
            mt = [next((u for u in r.tasks if _drop_attribution(text, folded, u)[0] == t[0] and u[1] > t[1]
                        and (_BARE_ROLE.fullmatch(fold(text[t[0]:t[1]])) or text[t[1]:u[1]].lstrip()[:1] == ";"
                             or DOMAIN_VERB.match(folded, t[0], t[1]) and text[t[1]:u[1]].lstrip()[:1] == ","
                             or _BODY_ROLE_START.match(folded, t[0]) and not re.search(r"[,;.:(]", text[t[1]:u[1]]))),
                       t) for t in m.tasks]
            # "giúp Thủ tướng theo dõi …", "thay mặt Chủ tịch lãnh đạo …", "phụ trách, chỉ đạo …": a
            # duty the tagger began after its lead; the rules' task ends at the same place and
            # starts at the lead, which the duty keeps (convention 4)
            mt = [next((u for u in r.tasks
                        if u[0] < t[0] and u[1] == t[1] and _DUTY_LEAD.fullmatch(folded, u[0], t[0])), t)
                  for t in mt]
            # "phụ trách các đề án, chương trình như: A; B; C": the objects the duty lists are one
            # task with it (convention 5), where the tagger cut them into pieces
            for u in r.tasks:
                inside = [t for t in mt if u[0] <= t[0] and t[1] <= u[1]]
                if len(inside) >= 2 and LISTS_OBJECTS.match(folded, u[0], u[1]):
                    mt = [t for t in mt if t not in inside] + [u]
            tasks = mt + [t for t in r.tasks if not any(_overlap(t, u) for u in mt)]
        r.tasks = sorted(tasks)
        if not r.position and m.position:
            r.position = m.position
        r.period = r.period or m.period
        out.append(r)
    for k, m in by_key.items():
        if k not in used:
            out.append(m)
    return out

