"""Assignments from the tagger's spans: who gets which task, position and period.

The linking follows how these texts are written, and the gold agrees:

- a task belongs to the person named last before it, in its line or the lines just
  above (a name, then its list of tasks);
- a task before any name in its sentence belongs to the next person in that sentence
  ("trưởng đoàn làm việc với … do đồng chí X");
- "ông Đông" after "ông Đỗ Tiến Đông" is the same person (the given name alone);
- a person's position is the POSITION span in apposition: the nearest one beside a
  mention of the person, in the same line.

    >>> from extractor.learn.tagger import TaggedSpan as T
    >>> text = "Ông Đỗ Tiến Đông - Phó Chủ tịch - phụ trách tài chính. Ông Đông chỉ đạo xây dựng."
    >>> spans = [T(4, 16, "CADRE", .9), T(19, 31, "POSITION", .9), T(34, 53, "TASK", .9),
    ...          T(59, 63, "CADRE", .9), T(64, 80, "TASK", .9)]
    >>> [(text[slice(*a.cadre)], [text[slice(*t)] for t in a.tasks]) for a in assemble(text, spans)]
    [('Đỗ Tiến Đông', ['phụ trách tài chính', 'chỉ đạo xây dựng'])]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..recognize.text import fold, strip_accents
from .tagger import TaggedSpan, lines

# A page's lines as (start, end) offsets, and each person's mentions (start, end, person)
# in text order.
Bounds = list[tuple[int, int]]
Mentions = list[tuple[int, int, "Person"]]

# a task this many lines below its person's line still belongs to them (lists of items)
MAX_LINES_BELOW = 12
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@dataclass
class Person:
    """One cadre as the tagger's spans are gathered: offsets of the name and its other
    mentions, the tasks (with confidences) and titles found beside them."""

    name: tuple[int, int]
    key: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    tasks: list[tuple[int, int]] = field(default_factory=list)
    task_conf: list[float] = field(default_factory=list)
    position: list[tuple[int, int, int]] = field(default_factory=list)  # (mention start, start, end)
    confidence: float = 0.0
    shared: list[tuple[int, int]] = field(default_factory=list)  # tasks held with a list of people

    def best_position(self) -> list[tuple[int, int]]:
        """The titles beside the mention nearest before the first task (else any mention)."""
        if not self.position:
            return []
        first_task = min(s for s, _ in self.tasks) if self.tasks else 0
        at = [m for m, _, _ in self.position if m <= first_task]
        mention = max(at) if at else min(m for m, _, _ in self.position)
        return sorted((s, e) for m, s, e in self.position if m == mention)


def name_key(name: str) -> str:
    """What two mentions of one person share: the name folded, without accents, spaced once.

    >>> name_key("Lê  Văn An") == name_key("LÊ VĂN AN")
    True
    """
    return " ".join(strip_accents(fold(name)).split())


def _resolve(people: list[Person], text: str, s: int, e: int) -> Person | None:
    """An earlier person this mention refers to: the same name, or its given name alone."""
    key = name_key(text[s:e])
    for p in reversed(people):
        if p.key == key:
            return p
    words = key.split()
    if 1 <= len(words) <= 2:
        for p in reversed(people):
            pw = p.key.split()
            if len(pw) > len(words) and pw[-len(words):] == words:
                return p
    return None


def _line_of(bounds: list[tuple[int, int]], at: int) -> int:
    for i, (s, e) in enumerate(bounds):
        if s <= at <= e:
            return i
    return -1


def _sentence_start(text: str, line_start: int, at: int) -> int:
    """Start of the sentence holding ``at`` (within its line)."""
    last = line_start
    for m in _SENTENCE_END.finditer(text, line_start, at):
        last = m.end()
    return last


@dataclass
class Assembled:
    """One person's assignment as found by the model (offsets into the page text)."""

    cadre: tuple[int, int]
    mentions: list[tuple[int, int]]
    position: list[tuple[int, int]]
    tasks: list[tuple[int, int]]
    confidence: float
    shared: list[tuple[int, int]] = field(default_factory=list)


def assemble(text: str, spans: list[TaggedSpan]) -> list[Assembled]:
    """Link tagged spans into one assignment per person who has a task."""
    bounds = lines(text)
    spans = sorted(spans, key=lambda s: s.start)
    people: list[Person] = []
    mention_of: list[tuple[int, int, Person]] = []  # (start, end, person) in text order
    for sp in spans:
        if sp.label != "CADRE":
            continue
        words = text[sp.start:sp.end].split()
        p = _resolve(people, text, sp.start, sp.end)
        if p is None:
            if len(words) < 2:
                continue  # a lone given name with nobody to refer to
            p = Person(name=(sp.start, sp.end), key=name_key(text[sp.start:sp.end]))
            people.append(p)
        elif len(words) > len(text[p.name[0]:p.name[1]].split()):
            p.name = (sp.start, sp.end)
        p.mentions.append((sp.start, sp.end))
        p.confidence = max(p.confidence, sp.confidence)
        mention_of.append((sp.start, sp.end, p))
    tasks = [sp for sp in spans if sp.label in ("TASK", "ROLE")]
    for sp in tasks:
        owners = _members(text, bounds, mention_of, sp, tasks)
        if not owners and sp.label == "TASK":
            owners = _joint(text, mention_of, _owner(text, bounds, mention_of, sp), sp)
        for owner in owners:
            if any(_same(text, (sp.start, sp.end), t) for t in owner.tasks):
                continue  # the same task written twice (a lead and its detail)
            owner.tasks.append((sp.start, sp.end))
            owner.task_conf.append(sp.confidence)
            if len(owners) > 1 or sp.label == "ROLE":
                owner.shared.append((sp.start, sp.end))
    for sp in spans:
        if sp.label == "POSITION":
            _attach_position(text, bounds, mention_of, sp)
    out = []
    for p in people:
        if not p.tasks:
            continue
        conf = p.confidence * (sum(p.task_conf) / len(p.task_conf))
        out.append(Assembled(cadre=p.name, mentions=p.mentions, position=p.best_position(),
                             tasks=p.tasks, confidence=round(conf, 3), shared=p.shared))
    return out


_MEMBERS = re.compile(r"\s*(?:\([^)]{0,80}\)\s*)?(?:[^.;:()]{0,60}?\s)??(?:sẽ\s+)?(?:gồm có|bao gồm|gồm|là|do|"
                      r"(?:còn\s+)?có(?=\s*(?::|các\s|đồng chí|đ/c|ông|bà|(?:phó\s+)?"
                      r"(?:giám đốc|chủ tịch|bộ trưởng|thứ trưởng|bí thư|chánh|tổng|trưởng|cục trưởng|vụ trưởng"
                      r"|chủ nhiệm)"
                      r"(?![\w]))))(?![\w])\s*:?|\s*:(?=\s*(?:các\s+)?(?:đồng chí|đ/c|ông|bà)\s)")
_AND = re.compile(r"\s*(?:,[^,;.:]{0,80})?\s*(?:và|cùng)\s+(?:các\s+)?(?:đồng chí|đ/c|ông|bà)?\s*(?:[^,;.:]{0,60}\s)?$")


def _same(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    return " ".join(fold(text[a[0]:a[1]]).split()) == " ".join(fold(text[b[0]:b[1]]).split())


def _members(text: str, bounds: Bounds, mention_of: Mentions, sp: TaggedSpan, tasks: list[TaggedSpan]) -> list[Person]:
    """"Thành viên Tổ công tác gồm: A, …; B, …", "Phó Trưởng ban là các đồng chí A và B",
    "Trưởng đoàn là đồng chí X": the people named after a role and its "gồm / là / do"
    hold the role (GUIDELINES, convention 1).

    The list runs to the end of its line (or of its sentence when no ":" opens it) or to
    the next role that opens a list of its own; a member whose own item names another
    role ("A, Bộ trưởng (Phó Trưởng ban thường trực); B, …") holds that one instead.
    """
    folded = fold(text)
    m = _MEMBERS.match(folded, sp.end)
    if not m:
        return []
    li = _line_of(bounds, sp.start)
    end = bounds[li][1] if li >= 0 else len(text)
    opened = folded[m.end() - 1:m.end()] == ":"
    if not opened:
        stop = _SENTENCE_END.search(text, m.end(), end)
        if stop:
            # "… có 17 Ủy viên là đại diện các cơ quan. Trong đó có: A; B": the list goes on
            nxt = _THEN.match(folded, stop.end())
            after = _SENTENCE_END.search(text, nxt.end(), end) if nxt else None
            end = after.start() if after else (end if nxt else stop.start())
    if opened and li >= 0:
        end = _list_goes_on(text, bounds, mention_of, li, end)
    others = [t for t in tasks if t is not sp and m.end() <= t.start < end]
    for t in others:
        if _MEMBERS.match(folded, t.end):
            end = t.start  # the next role opens its own list
            break
    inside = [(s, e, p) for s, e, p in mention_of if m.end() <= s < end]
    seen: list[Person] = []
    for i, (_s, e, p) in enumerate(inside):
        item_end = inside[i + 1][0] if i + 1 < len(inside) else end
        if any(e <= t.start < item_end for t in others):
            continue  # this member's own item gives their role
        if p not in seen:
            seen.append(p)
    return seen


_ITEM_LEAD = re.compile(r"\s*(?:[-+•*]\s*)?"
                        r"(?:(?:đồng chí|đ/c|ông|bà|(?:đại|thượng|trung|thiếu)\s+(?:tướng|tá|úy|uý))\s+)?",
                        re.IGNORECASE)


def _list_goes_on(text: str, bounds: Bounds, mention_of: Mentions, li: int, end: int) -> int:
    """A member list announced by ":" may go on in the next paragraphs when they hold
    nothing but more members ("Ông A, Vụ trưởng …; Trung tướng B, …"): each item there
    opens with a person's name and no item has a verb of its own before the next."""
    from ..recognize.titles import HEAD, STOP

    starts = sorted(s for s, _, _ in mention_of)

    def opens_with_person(a: int, b: int) -> bool:
        first = next((s for s in starts if a <= s < b), None)
        if first is None:
            return False
        lead_m = _ITEM_LEAD.match(text, a)  # optional parts only: it always matches
        lead = lead_m.end() if lead_m else a
        if lead == first:
            return True
        gap = fold(text[lead:first])  # a title written before the name
        return len(gap) < 120 and bool(HEAD.match(gap)) and not STOP.search(gap) and not re.search(r"[,:.]", gap)

    for j in range(li + 1, min(len(bounds), li + 4)):
        ls, le = bounds[j]
        line = text[ls:le]
        if not line.strip():
            continue
        items = [(ls + m.start(), ls + m.end()) for m in re.finditer(r"[^;]+", line) if m.group().strip(" .")]
        if not items or not all(opens_with_person(a, b) for a, b in items):
            break
        end = le
    return end


_THEN = re.compile(r"\s*(?:trong đó|cụ thể|bao gồm|gồm)(?:\s+(?:có|gồm|là))?\s*:")


def _joint(text: str, mention_of: Mentions, owner: Person | None, sp: TaggedSpan) -> list[Person]:
    """"phân công A và B trực tiếp chỉ đạo …": both hold the task (convention 6); so do
    the people listed before a shared role ("A; Chủ tịch UBND tỉnh B và 3 Phó Chủ tịch: C,
    D, E làm Phó trưởng Ban chỉ đạo")."""
    if owner is None:
        return []
    out = [owner]
    before = [(s, e, p) for s, e, p in mention_of if e <= sp.start]
    if len(before) >= 2 and before[-1][2] is owner and before[-1][0] < sp.start:
        s2, e2, p2 = before[-2]
        s1 = before[-1][0]
        if p2 is not owner and _AND.match(fold(text[e2:s1])) and not re.search(r"[.;]", text[e2:s1]):
            out.insert(0, p2)
            return out
        if _SHARED_ROLE.fullmatch(fold(text[before[-1][1]:sp.start])) and _role(fold(text[sp.start:sp.end])):
            cur = s1
            for s2, e2, p2 in reversed(before[:-1]):
                if not _listed(fold(text[e2:cur])):
                    break
                if p2 not in out:
                    out.insert(0, p2)
                cur = s2
    return out


# the verb that gives the last-listed person (and the list before them) a role
_SHARED_ROLE = re.compile(r"\s*(?:\([^)]{0,60}\))?\s*,?\s*(?:(?:đều|cùng|được giao)\s+)?(?:làm|là|giữ chức)\s*")
_LIST_GAP = re.compile(r"[\s,;:]*(?:và\s+)?(?:(?:\d+|các|hai|ba|bốn|năm)\s+)?")
_HON = re.compile(r"(?:đồng chí|đ/c|ông|bà)\s+")


def _role(folded_task: str) -> bool:
    from ..link.prose import ROLE_WORD

    return bool(ROLE_WORD.match(folded_task))


def _listed(gap: str) -> bool:
    """The text between two names of one list: separators, "và", a count, titles."""
    from ..recognize.titles import find_heads, title_extent

    if len(gap) > 90 or re.search(r"[.!?](?:\s|$)", gap):
        return False
    gap = _HON.sub(" ", gap)
    rest, at = [], 0
    for s, _ in find_heads(gap):
        if s < at:
            continue
        rest.append(gap[at:s])
        at = max(title_extent(gap, s, len(gap)), s + 1)
    rest.append(gap[at:])
    return all(_LIST_GAP.fullmatch(r) for r in rest)


def _owner(text: str, bounds: Bounds, mention_of: Mentions, sp: TaggedSpan) -> Person | None:
    li = _line_of(bounds, sp.start)
    before = [(s, e, p) for s, e, p in mention_of if e <= sp.start]
    if before:
        s, e, p = before[-1]
        pli = _line_of(bounds, s)
        if li == pli:
            # a later person in the same sentence after the task? ("A; đồng chí B làm C")
            return p
        if 0 <= li - pli <= MAX_LINES_BELOW and not _section_between(text, bounds, pli, li) and (
                li - pli <= 2 or _continues(text, bounds, pli, li) or _opens_line(text, bounds, li, sp)):
            # a sentence of its own that names the person after the task takes precedence
            after = _after_in_sentence(text, bounds, mention_of, sp, li)
            return after or p
    return _after_in_sentence(text, bounds, mention_of, sp, li)


_ITEM = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[ivx]+[.)]|[-+•*–—○●▪·]|\(\d{1,2}\))")


def _section_between(text: str, bounds: Bounds, first: int, last: int) -> bool:
    """A heading between the person's line and the task's ("III. TỔ CHỨC THỰC HIỆN") opens
    another section: its items are not that person's."""
    from ..link.prose import is_section_heading

    return any(is_section_heading(text[bounds[i][0]:bounds[i][1]]) for i in range(first + 1, last))


def _continues(text: str, bounds: Bounds, first: int, last: int) -> bool:
    """Lines first+1..last carry on the person's line: a list announced by ":" or items."""
    for i in range(first + 1, last + 1):
        prev = text[bounds[i - 1][0]:bounds[i - 1][1]].rstrip()
        line = text[bounds[i][0]:bounds[i][1]]
        if not (prev.endswith((":", ";")) or _ITEM.match(line)):
            return False
    return True


def _opens_line(text: str, bounds: Bounds, li: int, sp: TaggedSpan) -> bool:
    """A line that begins with the task itself ("Trực tiếp chỉ đạo …") goes on with the
    duties of the person above; a role named mid-line in a later paragraph does not."""
    start = bounds[li][0]
    m = _ITEM.match(text, start)
    lead = text[(m.end() if m else start):sp.start]
    return not lead.strip(" \t*_")


def _after_in_sentence(text: str, bounds: Bounds, mention_of: Mentions, sp: TaggedSpan, li: int) -> Person | None:
    if li < 0:
        return None
    ls, le = bounds[li]
    m = _SENTENCE_END.search(text, sp.end, le)
    end = m.start() if m else le
    after = [(s, e, p) for s, e, p in mention_of if sp.end <= s < end]
    return after[0][2] if after else None


def _attach_position(text: str, bounds: Bounds, mention_of: Mentions, sp: TaggedSpan) -> None:
    li = _line_of(bounds, sp.start)
    best = None
    for s, e, p in mention_of:
        if _line_of(bounds, s) != li:
            continue
        gap = sp.start - e if s < sp.start else s - sp.end
        if gap < 0 or gap > 40:
            continue
        between = text[e:sp.start] if s < sp.start else text[sp.end:s]
        if re.search(r"[.;]", between):
            continue
        if best is None or gap < best[0]:
            best = (gap, p, s)
    if best is not None:
        _, p, mention = best
        p.position.append((mention, sp.start, sp.end))
