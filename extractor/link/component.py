"""The ``giaoviec_linker`` spaCy component: assignments from a page's Doc.

The rules run first. The trained ``ner`` (kept in the pipeline but disabled, so it
does not tag every token of every page) is then asked only about the sentences where
an assignment verb appears and the rules found no person: its CADRE entities that are
shaped like names become extra candidates, and the rules link them only when a title
stands in apposition. The raw assignments go to ``doc.user_data["giaoviec_assignments"]``
for the pipeline to turn into records with spans.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..recognize.names import find_names
from ..recognize.text import fold
from .prose import link_prose, paragraphs, sentences

KEY = "giaoviec_assignments"
# verbs and marks after which a person is usually named (được giao, làm, phụ trách, ...)
CUE = re.compile(r"được\s+(?:[^.;:]{0,40}\s)?giao|(?<![\w])(?:làm|phụ trách|theo dõi|chỉ đạo|đăng ký|nhận|"
                 r"chọn|giữ vai trò|chịu trách nhiệm)(?![\w])")


def looks_like_name(text: str, min_words: int = 2) -> bool:
    """A model's CADRE is kept only if it is shaped like a Vietnamese name: 2-5 words,
    each capitalised, none a title word, and not a known place.

    >>> looks_like_name("Ma Trọng Long"), looks_like_name("trực tiếp"), looks_like_name("Hòa Phú")
    (True, False, False)
    """
    from ..recognize.names import NOT_NAME_START
    from ..recognize.places import is_place

    words = text.split()
    if not min_words <= len(words) <= 5:
        return False
    if any(not w[:1].isupper() or w.isupper() and len(w) > 1 for w in words):
        return False
    return words[0] not in NOT_NAME_START and not is_place(text)


class Linker:
    def __init__(self, nlp: Language, *, use_model_names: bool, min_name_tokens: int, mode: str = "both"):
        self.nlp = nlp
        self.mode = mode
        self.use_model_names = use_model_names
        self.min_name_tokens = min_name_tokens

    def _model_names(self, doc: Doc) -> list[tuple[int, int]]:
        if not self.use_model_names or "ner" not in self.nlp.component_names:
            return []
        ner = self.nlp.get_pipe("ner")
        text = doc.text
        folded = fold(text)
        names = find_names(text)
        out = []
        for ps, pe in paragraphs(text):
            for ss, se in sentences(text, ps, pe):
                if not CUE.search(folded, ss, se) or any(ss <= n[0] < se for n in names):
                    continue
                span = doc.char_span(ss, se, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                sub = ner(span.as_doc())
                for ent in sub.ents:
                    if ent.label_ == "CADRE" and looks_like_name(ent.text, self.min_name_tokens):
                        out.append((span.start_char + ent.start_char, span.start_char + ent.end_char))
        return out

    def __call__(self, doc: Doc) -> Doc:
        mode = doc.user_data.get("link_mode") or self.mode
        text = soften(doc.text) if doc.user_data.get("soft_wrap") else doc.text
        rules = link_prose(text, extra_names=self._model_names(doc)) if mode != "model" else []
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


def soften(text: str) -> str:
    r"""OCR keeps the printed line breaks: turn a break inside a sentence into a space
    (same length, so every offset still points into the page text).

    >>> soften("đồng chí Nguyễn\nMinh Tân làm trưởng đoàn.\n- Việc một")
    'đồng chí Nguyễn Minh Tân làm trưởng đoàn.\n- Việc một'
    """
    chars = list(text)
    for i, c in enumerate(chars):
        if c != "\n" or i == 0 or i + 1 >= len(text):
            continue
        prev, nxt = text[i - 1], text[i + 1]
        if prev in ".!?:;\"”)" or prev == "\n" or nxt == "\n" or _LINE_START_ITEM.match(text, i + 1):
            continue
        chars[i] = " "
    return "".join(chars)


@Language.factory("giaoviec_linker",
                  default_config={"use_model_names": True, "min_name_tokens": 2, "mode": "both"},
                  assigns=["doc.user_data"], requires=["doc.spans"])
def make_linker(nlp: Language, name: str, *, use_model_names: bool, min_name_tokens: int,
                mode: str) -> Linker:
    return Linker(nlp, use_model_names=use_model_names, min_name_tokens=min_name_tokens, mode=mode)
