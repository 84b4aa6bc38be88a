"""The spaCy language for giaoviec: ``spacy.blank("vi")`` with underthesea word segmentation.

spaCy's own Vietnamese tokenizer wants pyvi, which we do not ship; underthesea's
``word_tokenize`` segments words ("Chủ tịch", "đột phá" are one token each). Its
output is mapped back onto the exact input text, so ``doc.text == text`` and every
token has true character offsets (needed for spans into ``Page.text``).

The pipeline (see :func:`build_pipeline`) is::

    tokenizer -> giaoviec_titles -> giaoviec_names -> giaoviec_periods
              -> giaoviec_tagger (a CRF trained on the real train corpus; models/)
              -> giaoviec_linker (rules + the tagger's spans, extractor/link/combine.py)

Load it once per process with :func:`load_nlp` (cached).
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "giaoviec-vi"
_WS = re.compile(r"\S+")


# underthesea loads its segmentation model on the first call and is not thread-safe:
# two threads making that first call see a half-built model ("'NoneType' object has no
# attribute 'process'"), which the service's in-process workers and the web server hit.
# One lock around the call keeps every caller safe; segmentation is a small share of the
# pipeline's time, so serialising it costs little.
_TOKENIZE_LOCK = threading.Lock()


def _word_tokenize(text: str) -> list[str]:
    from underthesea import word_tokenize

    with _TOKENIZE_LOCK:
        words: list[str] = word_tokenize(text)
    return words


class UnderTheSeaTokenizer:
    """Callable tokenizer: text -> Doc whose tokens are underthesea words.

    >>> nlp = blank_vi()
    >>> [t.text for t in nlp("Chủ tịch UBND xã")]
    ['Chủ tịch', 'UBND', 'xã']
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        spans: list[tuple[int, int]] = []
        pos = 0
        for word in _word_tokenize(text) if text.strip() else []:
            at = text.find(word, pos)
            # underthesea may normalise a word; then fall back to the raw text there
            if at < 0 or text[pos:at].strip():
                continue
            spans.append((at, at + len(word)))
            pos = at + len(word)
        spans = _fill_gaps(text, spans)
        words, spaces = [], []
        cursor = 0
        for i, (s, e) in enumerate(spans):
            gap = text[cursor:s]
            if gap:  # whitespace not absorbed by the previous token's space flag
                words.append(gap)
                spaces.append(False)
            words.append(text[s:e])
            nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            space = nxt > e and text[e] == " "
            spaces.append(space)
            cursor = e + (1 if space else 0)
        if cursor < len(text):
            words.append(text[cursor:])
            spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        assert doc.text == text
        return doc

    # spaCy saves tokenizers with the pipeline; this one has no state of its own.
    # spaCy passes ``exclude=...`` to these; there is nothing to exclude.
    def to_disk(self, path: str | Path, **_kwargs: object) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        (Path(path) / "tokenizer.txt").write_text("underthesea word_tokenize\n", encoding="utf-8")

    def from_disk(self, path: str | Path, **_kwargs: object) -> UnderTheSeaTokenizer:
        return self

    def to_bytes(self, **_kwargs: object) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **_kwargs: object) -> UnderTheSeaTokenizer:
        return self


def _fill_gaps(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cover any non-space text the segmenter skipped with whitespace-split tokens."""
    out: list[tuple[int, int]] = []
    cursor = 0
    for s, e in spans + [(len(text), len(text))]:
        for m in _WS.finditer(text, cursor, s):
            out.append((m.start(), m.end()))
        if e > s:
            out.append((s, e))
        cursor = e
    return out


def create_tokenizer() -> Callable[[Language], UnderTheSeaTokenizer]:
    """The factory spaCy's config names (``@tokenizers``): the tokenizer of a pipeline."""
    def make(nlp: Language) -> UnderTheSeaTokenizer:
        return UnderTheSeaTokenizer(nlp.vocab)

    return make


# Registered by call, not as a decorator: catalogue's decorator is untyped and would
# hide the factory's signature from the type checker.
registry.tokenizers.register("giaoviec.underthesea_tokenizer.v1", func=create_tokenizer)


TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "giaoviec.underthesea_tokenizer.v1"}}}


def blank_vi() -> Language:
    """``spacy.blank("vi")`` with the underthesea tokenizer instead of pyvi."""
    return spacy.blank("vi", config=TOKENIZER_CONFIG)


# A small CNN: the NER must not cost more than the segmenter (bench/bench_extract.py
# holds the whole pipeline to 3x underthesea word_tokenize); width 64, depth 2 is about
# a third of spaCy's default (96, 4) and scored the same on corpora/extract/dev.
NER_MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
    "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
    "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 64,
                "depth": 2, "embed_size": 2000, "window_size": 1, "maxout_pieces": 2,
                "subword_features": True},
}


def build_pipeline(*, with_ner: bool = False) -> Language:
    """The rule pipeline; ``with_ner`` adds an untrained ``ner`` (for training)."""
    from .learn import component as _learn  # noqa: F401
    from .link import component  # noqa: F401
    from .recognize import components  # noqa: F401  registers the factories

    nlp = blank_vi()
    nlp.add_pipe("giaoviec_titles")
    nlp.add_pipe("giaoviec_names")
    nlp.add_pipe("giaoviec_periods")
    nlp.add_pipe("giaoviec_tagger")
    if with_ner:
        nlp.add_pipe("ner", config={"model": NER_MODEL})
    nlp.add_pipe("giaoviec_linker")
    return nlp


_lock = threading.Lock()


@lru_cache(maxsize=4)
def _load(model_dir: str | None) -> Language:
    from .learn import component as _learn  # noqa: F401
    from .link import component  # noqa: F401
    from .recognize import components  # noqa: F401

    path = Path(model_dir) if model_dir else MODEL_DIR
    if (path / "config.cfg").is_file():
        return spacy.load(path)
    return build_pipeline()


def load_nlp(model_dir: Path | str | None = None) -> Language:
    """The pipeline, loaded once per process: the trained one in ``models/`` when present,
    else the rule pipeline alone.

    >>> nlp = load_nlp()
    >>> "giaoviec_linker" in nlp.pipe_names
    True
    """
    with _lock:
        return _load(str(model_dir) if model_dir else None)
