"""Token features for the trained tagger: the words, their shape, and what the rules saw.

The rules stay in the pipeline as *features*: a token inside a rule title, a rule name,
a period, an assignment verb or a verb of speech carries that mark, and the tagger
learns how far to trust each one from the gold. Words are seen lower-cased and with
one tone placement (hoà = hòa), so capitals and old spellings do not make new words;
the shape features keep what capitals tell (a name, a heading in CAPITALS).

A *line* is the unit the tagger reads: readers lay each paragraph, list item and table
row on its own line, and assignments rarely cross one. The previous line's last
character and marks ride along, because a list of tasks follows the line that names
its person.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..recognize.text import fold, strip_accents

# words that hand a person something to do (the tagger learns which of them matter where)
CUE = re.compile(r"giao|phân công|phụ trách|theo dõi|chỉ đạo|làm|đăng ký|đảm nhận|đảm nhiệm|chịu trách nhiệm|"
                 r"ủy quyền|uỷ quyền|giữ chức|kiêm|điều hành|nhận|cử|chọn|thực hiện|giúp|quản lý|được")
_LIST = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-zđ][.)]|[ivx]+[.)]|[-+•*–—○●▪·])$")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a line: its character offsets in the page text and its features."""

    start: int
    end: int
    text: str


def shape(word: str) -> str:
    """A coarse shape: 'Xx' (each syllable capitalised), 'X' (all capitals), 'x', 'd', 'p', 'm'.

    >>> [shape(w) for w in ("Nguyễn Văn", "UBND", "giao", "2022", ";", "Chủ tịch")]
    ['Xx', 'X', 'x', 'd', 'p', 'Xm']
    """
    if any(c.isdigit() for c in word):
        return "d"
    if not any(c.isalpha() for c in word):
        return "p"
    sylls = [s for s in word.split() if s]
    if all(s.isupper() for s in sylls) and any(len(s) > 1 for s in sylls):
        return "X"
    caps = [s[:1].isupper() for s in sylls]
    if all(caps):
        return "Xx"
    if caps[0]:
        return "Xm"
    return "x"


def _marks(n: int, spans: Iterable[tuple[int, int]], prefix: str) -> list[str | None]:
    """Per-character B/I marks of rule spans (on the line's own characters)."""
    out: list[str | None] = [None] * n
    for s, e in spans:
        s, e = max(0, s), min(n, e)
        if s >= e:
            continue
        out[s] = prefix + "B"
        for i in range(s + 1, e):
            out[i] = prefix + "I"
    return out


def line_features(tokens: list[Token], marks: dict[str, list[str | None]], line_start: int,
                  context: dict[str, str]) -> list[dict[str, float]]:
    """Feature dicts for the tokens of one line.

    ``marks`` maps a rule kind to per-character marks of the page (see :func:`_marks`);
    ``context`` holds line-level facts (previous line's end, list item or not).
    """
    words = [fold(t.text) for t in tokens]
    bare = [strip_accents(w) for w in words]
    shapes = [shape(t.text) for t in tokens]
    n = len(tokens)
    seen_colon = seen_semi = 0
    seen_name = seen_title = seen_cue = since_punct = 0
    name_marks = marks.get("name") or []
    title_marks = marks.get("title") or []
    out = []
    for i, t in enumerate(tokens):
        w = words[i]
        f: dict[str, float] = {"bias": 1.0, "w=" + w: 1.0, "b=" + bare[i]: 1.0, "sh=" + shapes[i]: 1.0,
                               "len=" + str(min(len(t.text.split()), 4)): 1.0}
        sylls = w.split()
        if len(sylls) > 1:
            f["s0=" + sylls[0]] = 1.0
            f["s-1=" + sylls[-1]] = 1.0
        for k in (-3, -2, -1, 1, 2, 3):
            j = i + k
            if 0 <= j < n:
                f[f"w{k:+d}=" + words[j]] = 1.0
                if abs(k) == 1:
                    f[f"sh{k:+d}=" + shapes[j]] = 1.0
            else:
                f[f"w{k:+d}=<edge>"] = 1.0
        if i > 0:
            f["bi=" + words[i - 1] + "|" + w] = 1.0
        if i + 1 < n:
            f["bi+=" + w + "|" + words[i + 1]] = 1.0
        if i == 0:
            f["first"] = 1.0
            if _LIST.match(t.text):
                f["listmark"] = 1.0
        if i == n - 1:
            f["last"] = 1.0
        f["pos=" + ("0" if i == 0 else "1" if i == 1 else "2-4" if i < 5 else "5-9" if i < 10 else "10+")] = 1.0
        if seen_colon:
            f["after_colon"] = 1.0
        if seen_semi:
            f["after_semi=" + ("1" if seen_semi == 1 else "2+")] = 1.0
        at = t.start
        for m in marks.values():
            mk = m[at] if at < len(m) else None
            if mk:
                f["r:" + mk] = 1.0
                # the rule's mark on the neighbours tells where a span begins and ends
        for k in (-1, 1):
            j = i + k
            if 0 <= j < n:
                for m in marks.values():
                    mk = m[tokens[j].start] if tokens[j].start < len(m) else None
                    if mk:
                        f[f"r{k:+d}:" + mk] = 1.0
        for key, value in context.items():
            f[f"ctx:{key}={value}"] = 1.0
        # where the sentence stands: after a person, a title, an assignment verb
        if seen_name:
            f["after_name"] = 1.0
        if seen_title:
            f["after_title"] = 1.0
        if seen_cue:
            f["after_cue"] = 1.0
            f["cue_dist=" + ("0" if seen_cue == 1 else "1-3" if seen_cue <= 4 else "4+")] = 1.0
        f["since_punct=" + ("0" if since_punct == 0 else "1-3" if since_punct <= 3 else "4+")] = 1.0
        out.append(f)
        if t.text == ":":
            seen_colon += 1
        elif t.text == ";":
            seen_semi += 1
        if at < len(name_marks) and name_marks[at]:
            seen_name = 1
        if at < len(title_marks) and title_marks[at]:
            seen_title = 1
        if seen_cue:
            seen_cue += 1
        if CUE.fullmatch(w) or (i + 1 < n and CUE.fullmatch(w + " " + words[i + 1])):
            seen_cue = 1
        since_punct = 0 if t.text in ",;:.()-–" else since_punct + 1
    return out
