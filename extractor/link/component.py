"""The ``giaoviec_linker`` spaCy component: assignments from a page's Doc.

The rule linker reads the page; the trained tagger's spans (written by
``giaoviec_tagger``) are linked by :mod:`extractor.learn.assemble`; the two are combined
by :mod:`extractor.link.combine` (``mode``: "both", or "rules" / "model" alone for the
ablation). The raw assignments go to ``doc.user_data["giaoviec_assignments"]`` for the
pipeline to turn into records with spans.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..recognize.text import UPPER
from .prose import link_prose

KEY = "giaoviec_assignments"


class Linker:
    def __init__(self, nlp: Language, *, mode: str = "both"):
        self.nlp = nlp
        self.mode = mode

    def __call__(self, doc: Doc) -> Doc:
        mode = doc.user_data.get("link_mode") or self.mode
        text = doc.text  # a page that breaks mid-sentence arrives softened (pipeline.extract_document)
        rules = link_prose(text) if mode != "model" else []
        model = []
        if mode != "rules":
            from ..learn.component import USER_KEY
            from .combine import model_assignments

            model = model_assignments(text, doc.user_data.get(USER_KEY) or [])
        if mode == "rules":
            doc.user_data[KEY] = rules
        elif mode == "model":
            doc.user_data[KEY] = model
        else:
            from .combine import combine

            doc.user_data[KEY] = combine(text, rules, model)
        return doc


_LINE_START_ITEM = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[-+•*–—]\s)")


# a line that opens with a short label and its colon ("Lưu: VT", "Nơi nhận:", "Giải pháp:") is
# a field of its own, not the sentence above going on
_LINE_START_LABEL = re.compile(r"[" + UPPER + r"][^\s:]{0,11}(?: [^\s:]{1,12}){0,3}:")


def soften(text: str) -> str:
    r"""OCR keeps the printed line breaks: turn a break inside a sentence into a space
    (same length, so every offset still points into the page text).

    >>> soften("đồng chí Nguyễn\nMinh Tân làm trưởng đoàn.\n- Việc một\nLưu: VT")
    'đồng chí Nguyễn Minh Tân làm trưởng đoàn.\n- Việc một\nLưu: VT'
    """
    chars = list(text)
    for i, c in enumerate(chars):
        if c != "\n" or i == 0 or i + 1 >= len(text):
            continue
        prev, nxt = text[i - 1], text[i + 1]
        if prev in ".!?:;\"”)" or prev == "\n" or nxt == "\n" or _LINE_START_ITEM.match(text, i + 1) \
                or _LINE_START_LABEL.match(text, i + 1):
            continue
        chars[i] = " "
    return "".join(chars)


def join_lowercase_breaks(text: str) -> str:
    r"""Where lines were not found wrapped as a whole, a break before a word in lower case is
    still a wrap: a line of a Vietnamese document starts with a capital, a number or a mark.

    >>> join_lowercase_breaks("Chủ tịch HĐND\nhuyện, Trưởng ban.\nPhó\nTrưởng ban.\n- việc một")
    'Chủ tịch HĐND huyện, Trưởng ban.\nPhó\nTrưởng ban.\n- việc một'
    """
    return _LOWER_BREAK.sub(lambda m: (" " if m.group(1).islower() else "\n") + m.group(1), text)


_LOWER_BREAK = re.compile(r"(?<=[^\s.!?:;\"”)])\n(\w)")
_ENDS_CLAUSE = re.compile(r"[.!?:;\"”)]\s*$")


def looks_wrapped(text: str) -> bool:
    r"""Lines broken at a page's width rather than at paragraphs (a copy from a PDF or a
    scan, a hard-wrapped e-mail): many lines stop without a mark and the next one goes on
    in lower case.

    >>> looks_wrapped("Giao cho đồng chí Nguyễn Văn A, Chủ tịch\nUBND xã, thực hiện các\nviệc sau đây của\nnăm 2022.")
    True
    >>> looks_wrapped("QUYẾT ĐỊNH\nVề việc phân công\n- phụ trách tài chính;\n- theo dõi xã A.")
    False
    """
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    pairs = list(zip(lines, lines[1:], strict=False))  # each line with the next: one pair fewer than lines
    goes_on = sum(1 for a, b in pairs if not _ENDS_CLAUSE.search(a) and b[0].islower()
                  and not _LINE_START_ITEM.match(b))
    return goes_on >= 1 and goes_on >= 0.3 * len(pairs)


@Language.factory("giaoviec_linker", default_config={"mode": "both"},
                  assigns=["doc.user_data"], requires=["doc.spans"])
def make_linker(nlp: Language, name: str, *, mode: str) -> Linker:
    return Linker(nlp, mode=mode)
