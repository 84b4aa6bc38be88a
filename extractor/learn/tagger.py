"""A trained tagger for CADRE, POSITION and TASK spans: a linear-chain CRF over the
words of each line (python-crfsuite, MIT), with the rules' marks among its features.

Why a CRF: 222 real excerpts are a few thousand labelled lines. A CRF learns span
edges ("trưởng đoàn" ends before "đến làm việc") from that little data in seconds, is
deterministic for a seed, and its model file is a few hundred kB; spaCy's CNN NER
needed minutes a fold and scored lower on long TASK spans here.

    >>> tagger = Tagger.load(None)      # no model file: tags nothing
    >>> tagger.tag_page("Đồng chí Lê Văn A được giao làm đường.")
    []
"""
from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..recognize.names import HONORIFIC, find_names
from ..recognize.periods import find_periods
from ..recognize.text import fold
from ..recognize.titles import find_heads, title_extent

if TYPE_CHECKING:
    import pycrfsuite

from .features import Token, _marks, line_features

LABELS = ("CADRE", "POSITION", "TASK")
MODEL_FILE = "tagger.crfsuite"
_WORD = re.compile(r"\S+")
# Verbs of speech, ceremony, election: people near them are mentioned, not assigned.
_NEG = re.compile(r"(?<![\w])(?:cho biết|phát biểu|nhấn mạnh|khẳng định|chủ trì|tặng|trao|ký|được bầu|"
                  r"bổ nhiệm|điều động|thay mặt|chúc mừng|thăm|tham dự|đề nghị|yêu cầu|chia sẻ|"
                  r"miễn nhiệm|nghỉ hưu|trình bày|báo cáo|kỷ luật|cách chức|phê bình|cảm ơn|tiếp)(?![\w])")
_HEDGE = re.compile(r"(?<![\w])(?:đề xuất|dự kiến|có thể|sẽ xem xét|nghiên cứu|giới thiệu)(?![\w])")


# A word segmenter: a line's text -> its words as (start, end) offsets into that text.
Segment = Callable[[str], list[tuple[int, int]]]
# One line to train on or tag: a feature dict per token, and (training) its BIO labels.
Features = list[dict[str, float]]
Example = tuple[Features, list[str]]


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A span the tagger found: character offsets into the page text, label, mean marginal."""

    start: int
    end: int
    label: str
    confidence: float


def page_marks(text: str) -> dict[str, list[str | None]]:
    """What the rules see on a page, as per-character B/I marks by kind."""
    folded = fold(text)
    n = len(text)
    names = [(s, e) for s, e, _ in find_names(text)]
    titles = []
    for s, _ in find_heads(folded):
        e = title_extent(folded, s, min(n, s + 160))
        if e > s:
            titles.append((s, e))
    periods = [(p.start, p.end) for p in find_periods(text)]
    hon = [(m.start(), m.end()) for m in HONORIFIC.finditer(text)]
    neg = [(m.start(), m.end()) for m in _NEG.finditer(folded)]
    hedge = [(m.start(), m.end()) for m in _HEDGE.finditer(folded)]
    return {"name": _marks(n, names, "name"), "title": _marks(n, titles, "title"),
            "period": _marks(n, periods, "per"), "hon": _marks(n, hon, "hon"),
            "neg": _marks(n, neg, "neg"), "hedge": _marks(n, hedge, "hedge")}


def tokenize(text: str, start: int, end: int, segment: Segment | None = None) -> list[Token]:
    """Words of text[start:end]: underthesea words when ``segment`` is given, else
    whitespace words with punctuation split off (both keep true character offsets)."""
    out: list[Token] = []
    if segment is not None:
        for s, e in segment(text[start:end]):
            if text[start + s:start + e].strip():
                out.append(Token(start + s, start + e, text[start + s:start + e]))
        return out
    for m in _WORD.finditer(text, start, end):
        s, e = m.start(), m.end()
        # split leading/trailing punctuation into tokens of their own
        while s < e and not text[s].isalnum():
            out.append(Token(s, s + 1, text[s]))
            s += 1
        tail = []
        while e > s and not text[e - 1].isalnum() and text[e - 1] not in "%":
            tail.append(Token(e - 1, e, text[e - 1]))
            e -= 1
        if e > s:
            out.append(Token(s, e, text[s:e]))
        out.extend(reversed(tail))
    return out


def lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of the page as (start, end): the rule linker's paragraphs."""
    from ..link.prose import paragraphs

    return paragraphs(text)


def _context(text: str, prev: tuple[int, int] | None, tokens: list[Token]) -> dict[str, str]:
    ctx = {}
    if prev:
        tail = text[prev[0]:prev[1]].rstrip()
        ctx["prev_end"] = tail[-1:] if tail[-1:] in ":;.," else "w"
    else:
        ctx["prev_end"] = "none"
    first = text[tokens[0].start:tokens[0].end] if tokens else ""
    ctx["item"] = "1" if re.match(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-zđ][.)]|[ivx]+[.)]|[-+•*–—])$", first) else "0"
    nwords = len(tokens)
    ctx["size"] = "s" if nwords < 8 else "m" if nwords < 30 else "l"
    return ctx


def page_sequences(text: str, segment: Segment | None = None) -> Iterator[tuple[list[Token], Features]]:
    """(tokens, features) for every line of a page."""
    marks = page_marks(text)
    prev = None
    for ls, le in lines(text):
        toks = tokenize(text, ls, le, segment)
        if not toks:
            continue
        feats = line_features(toks, marks, ls, _context(text, prev, toks))
        prev = (ls, le)
        yield toks, feats


def bio(tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO labels of tokens from character spans (a token belongs to a span it starts in)."""
    labels = ["O"] * len(tokens)
    for s, e, lab in spans:
        first = True
        for i, t in enumerate(tokens):
            if t.start >= s and t.start < e:
                labels[i] = ("B-" if first else "I-") + lab
                first = False
    return labels


def decode(tokens: list[Token], labels: list[str], probs: list[float]) -> list[TaggedSpan]:
    """Spans from BIO labels (an I- after O or another label starts a span)."""
    found: list[tuple[int, int, str, list[float]]] = []
    cur: tuple[int, int, str, list[float]] | None = None
    for t, lab, p in zip(tokens, labels, probs, strict=False):
        if lab == "O":
            if cur:
                found.append(cur)
            cur = None
            continue
        kind, tag = lab[2:], lab[:1]
        if cur and tag == "I" and cur[2] == kind:
            cur = (cur[0], t.end, kind, cur[3] + [p])
        else:
            if cur:
                found.append(cur)
            cur = (t.start, t.end, kind, [p])
    if cur:
        found.append(cur)
    return [TaggedSpan(s, e, k, round(sum(ps) / len(ps), 3)) for s, e, k, ps in found]


class Tagger:
    """The CRF, loaded from a model folder (no file: tags nothing)."""

    def __init__(self, model_path: Path | None):
        self.model_path = model_path
        self._tagger: pycrfsuite.Tagger | None = None
        if model_path and model_path.is_file():
            import pycrfsuite

            self._tagger = pycrfsuite.Tagger()
            self._tagger.open(str(model_path))

    @classmethod
    def load(cls, folder: Path | str | None) -> Tagger:
        """The tagger saved in ``folder`` (None: a tagger without a model)."""
        return cls(Path(folder) / MODEL_FILE if folder else None)

    @property
    def ready(self) -> bool:
        """Whether a model is loaded (without one, pages are not tagged)."""
        return self._tagger is not None

    def tag_page(self, text: str, segment: Segment | None = None) -> list[TaggedSpan]:
        """The spans the CRF tags on every line of a page (none without a model)."""
        if self._tagger is None:
            return []
        out: list[TaggedSpan] = []
        for toks, feats in page_sequences(text, segment):
            labels = self._tagger.tag(feats)
            probs = [self._tagger.marginal(lab, i) for i, lab in enumerate(labels)]
            out.extend(decode(toks, labels, probs))
        return out


def train_tagger(examples: Sequence[Example], out: Path, *, c1: float = 0.05, c2: float = 0.05,
                 max_iterations: int = 150, log: Callable[[str], None] | None = None) -> Path:
    """Train the CRF on ``examples`` ((features, labels) per line) and save it in ``out``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in examples:
        trainer.append(feats, labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    out.mkdir(parents=True, exist_ok=True)
    path = out / MODEL_FILE
    # crfsuite writes the file itself; a temporary name keeps a half-written model unseen
    with tempfile.NamedTemporaryFile(dir=out, suffix=".tmp", delete=False) as tmp:
        tmp_path = Path(tmp.name)
    trainer.train(str(tmp_path))
    tmp_path.replace(path)
    if log:
        log(f"tagger: {len(examples)} lines, {path.stat().st_size // 1024} kB")
    return path
