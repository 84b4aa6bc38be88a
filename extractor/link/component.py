"""The ``giaoviec_linker`` spaCy component: assignments from a page's Doc.

It reads the rule spans and, when the pipeline has a trained ``ner``, the model's
CADRE entities (used only where the rules found no name), and stores the raw
assignments in ``doc.user_data["giaoviec_assignments"]`` for the pipeline to turn
into records with spans.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .prose import link_prose

KEY = "giaoviec_assignments"


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
    def __init__(self, *, use_model_names: bool, min_name_tokens: int):
        self.use_model_names = use_model_names
        self.min_name_tokens = min_name_tokens

    def __call__(self, doc: Doc) -> Doc:
        extra = []
        if self.use_model_names:
            for ent in doc.ents:
                if ent.label_ == "CADRE" and looks_like_name(ent.text, self.min_name_tokens):
                    extra.append((ent.start_char, ent.end_char))
        doc.user_data[KEY] = link_prose(doc.text, extra_names=extra)
        return doc


@Language.factory("giaoviec_linker",
                  default_config={"use_model_names": True, "min_name_tokens": 2},
                  assigns=["doc.user_data"], requires=["doc.spans"])
def make_linker(nlp: Language, name: str, *, use_model_names: bool, min_name_tokens: int) -> Linker:
    return Linker(use_model_names=use_model_names, min_name_tokens=min_name_tokens)
