"""The ``giaoviec_tagger`` spaCy component: the trained CRF, saved with the pipeline.

It reads the page once and writes ``doc.spans["model"]`` (CADRE, POSITION, TASK), widened
to whole underthesea words for display, and ``doc.user_data["giaoviec_model_spans"]``,
the exact character spans with their mean marginal probability (a CRF over syllables may
end inside a word). The linker reads the latter; nothing calls the tagger twice.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .tagger import MODEL_FILE, Tagger

SPANS_KEY = "model"
USER_KEY = "giaoviec_model_spans"


class TaggerComponent:
    """The spaCy side of :class:`~extractor.learn.tagger.Tagger`: tags each page's Doc."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.tagger = Tagger(None)

    def __call__(self, doc: Doc) -> Doc:
        found = self.tagger.tag_page(doc.text) if self.tagger.ready else []
        doc.user_data[USER_KEY] = found
        spans = []
        for sp in found:
            span = doc.char_span(sp.start, sp.end, label=sp.label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc

    # the model file travels with the pipeline folder (spaCy calls these on save and load)
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Copy the model file into the pipeline's folder ``path``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        src = self.tagger.model_path
        if src and src.is_file() and src.resolve() != (path / MODEL_FILE).resolve():
            (path / MODEL_FILE).write_bytes(src.read_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TaggerComponent:
        """Load the model file from the pipeline's folder ``path``."""
        self.tagger = Tagger(Path(path) / MODEL_FILE)
        return self

    def use(self, model_file: Path) -> None:
        """Load a freshly trained model file (training)."""
        self.tagger = Tagger(model_file)


@Language.factory("giaoviec_tagger", assigns=["doc.spans", "doc.user_data"], requires=["token.text"])
def make_tagger(nlp: Language, name: str) -> TaggerComponent:
    """The ``giaoviec_tagger`` component, without a model until one is loaded."""
    return TaggerComponent(nlp, name)
