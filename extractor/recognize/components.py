"""spaCy components that mark what the rules recognise, as span groups on the Doc.

- ``giaoviec_titles``  -> ``doc.spans["titles"]``  (label POSITION)
- ``giaoviec_names``   -> ``doc.spans["names"]``   (label CADRE, kind in span.kb_id_)
- ``giaoviec_periods`` -> ``doc.spans["periods"]`` (label PERIOD)

They are what a reviewer sees highlighted and what the linker starts from; offsets
are the character offsets of the page text (``alignment_mode="expand"`` only
widens a span to whole tokens for display, the linker keeps characters).
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .names import find_names
from .periods import find_periods
from .text import fold
from .titles import find_heads, title_extent


def _char_spans(doc: Doc, items: Iterable[tuple[int, int] | tuple[int, int, str]], label: str) -> list[Span]:
    spans: list[Span] = []
    for s, e, *_rest in items:
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


class TitleMarker:
    """Marks titles: a head ("Phó Chủ tịch") and the body it heads, up to a verb or comma."""

    def __init__(self, *, max_chars: int):
        self.max_chars = max_chars

    def __call__(self, doc: Doc) -> Doc:
        folded = fold(doc.text)
        items = []
        for s, _ in find_heads(folded):
            e = title_extent(folded, s, min(len(folded), s + self.max_chars))
            if e > s:
                items.append((s, e))
        doc.spans["titles"] = _char_spans(doc, items, "POSITION")
        return doc


class NameMarker:
    """Marks person names announced by an honorific or starting with a family name."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["names"] = _char_spans(doc, find_names(doc.text), "CADRE")
        return doc


class PeriodMarker:
    """Marks periods ("Năm 2022", "giai đoạn 2021 - 2025", "quý III/2023")."""

    def __call__(self, doc: Doc) -> Doc:
        found = find_periods(doc.text)
        doc.spans["periods"] = _char_spans(doc, [(p.start, p.end) for p in found], "PERIOD")
        return doc


@Language.factory("giaoviec_titles", default_config={"max_chars": 160},
                  assigns=["doc.spans"], requires=["token.text"])
def make_titles(nlp: Language, name: str, *, max_chars: int) -> TitleMarker:
    """The ``giaoviec_titles`` component; a title is cut at ``max_chars`` characters."""
    return TitleMarker(max_chars=max_chars)


@Language.factory("giaoviec_names", assigns=["doc.spans"], requires=["token.text"])
def make_names(nlp: Language, name: str) -> NameMarker:
    """The ``giaoviec_names`` component."""
    return NameMarker()


@Language.factory("giaoviec_periods", assigns=["doc.spans"], requires=["token.text"])
def make_periods(nlp: Language, name: str) -> PeriodMarker:
    """The ``giaoviec_periods`` component."""
    return PeriodMarker()
