"""Names repaired from the same document: a name read damaged in one place and clean in another.

A decision names a person in its text, again in its appendix table, and perhaps as the
signer. OCR rarely damages every reading the same way, so "Trấn Văn Bình" beside "Trần
Văn Bình" in one document is strong evidence, stronger than any lexicon: the damaged
reading is repaired to the other, with the reason "đọc được ở chỗ khác trong cùng văn
bản".

Only a reading with a part unknown in its place (damage one can see, left as read or
repaired alone) is repaired here; a reading that is itself a real name stays, even beside
a likelier one ("Thủy" beside "Thùy" may be a sister: :data:`VISIBLE_ONLY`). Its readings
(form B) belong either

- to a person A already named in the document, of the same length, one or two syllables
  apart, each within an OCR slip: P(B read | A)^(readings of B), from the learned OCR
  channel (:mod:`.channel`); or
- to a person of their own, a namesake of the nearest A: :data:`NAMESAKE` x P(B's
  differing parts as names in their places) x P(B read right)^(readings of B).

The likeliest A is taken when it holds :data:`DOC_CONFIDENCE` of the probability, so
"Lê Văn Hung" beside both "Lê Văn Hùng" and "Lê Văn Hưng" stays as read.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from ..records import Repair
from ..text import is_vietnamese_syllable
from .channel import channel
from .choices import Symbols
from .confusion import confusion_cost
from .second import Reading

DOC_CONFIDENCE = 0.9
# Prior that a document names, beside a person, another one whose name is an OCR slip
# away from theirs (relatives, "Lê Văn Hùng" and "Lê Văn Hưng"): set high on purpose,
# since merging two people is the error that must not happen.
NAMESAKE = 0.05
# Only a reading with a part unknown in its place (damage one can see) is repaired from the
# document; a reading that is itself a real name stays, even beside a likelier one.
VISIBLE_ONLY = True


def _parts(name: str) -> tuple[list[str], tuple[str, ...], tuple[str, ...]] | None:
    """(words, keys, slots) of a name, or None when it is no Kinh name of 2-5 syllables."""
    from . import _WORD, GIVEN, MIDDLE, SURNAME, _highland, _key

    words = list(_WORD.finditer(name))
    if not 2 <= len(words) <= 5 or _highland(words):
        return None
    slots = tuple(SURNAME if i == 0 else GIVEN if i == len(words) - 1 else MIDDLE for i in range(len(words)))
    return [m.group(0) for m in words], tuple(_key(m.group(0)) for m in words), slots


def _log_prior(keys: Sequence[str], slots: Sequence[str], words: Sequence[str]) -> float:
    """log P(name) from its parts (−inf when a part cannot be a name: not a syllable)."""
    from . import _own_prior

    total = 0.0
    for k, s, w in zip(keys, slots, words, strict=True):
        p = _own_prior(k, s, is_vietnamese_syllable(w))
        if p <= 0:
            return -math.inf
        total += math.log(p)
    return total


def _log_read(read_keys: Sequence[str], true_keys: Sequence[str]) -> float:
    ch = channel()
    return sum(ch.logp(r, t) for r, t in zip(read_keys, true_keys, strict=True))


def _differing(a: Sequence[str], b: Sequence[str], slots: Sequence[str],
               words: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """The parts of B that differ from A, with their places and words."""
    at = [i for i in range(len(b)) if a[i] != b[i]]
    return [b[i] for i in at], [slots[i] for i in at], [words[i] for i in at]


def _close(a: Sequence[str], b: Sequence[str]) -> bool:
    """Same length, one or two syllables apart, each within an OCR slip (confusion cost <= 2)."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return 1 <= len(diff) <= 2 and all(confusion_cost(x, y) <= 2 for x, y in diff)


def repair_names_in_document(names: Sequence[str], field: str = "cadre",
                             confidences: Sequence[Sequence[float | None] | None] | None = None,
                             choices: Sequence[Sequence[Symbols | None] | None] | None = None,
                             rereads: Sequence[Callable[[], Sequence[Reading]] | None] | None = None,
                             ) -> list[tuple[str, tuple[Repair, ...]]]:
    """Every name of one document, repaired alone (:func:`repair_name`, with Tesseract's
    word confidences of each name when given, and each name's re-read callable, which it
    calls only for a name it is unsure of) and then against the others: [(name,
    repairs), ...] in the order given.

    >>> [n for n, _ in repair_names_in_document(["Lê Văn Tuy", "Lê Văn Tùy", "Lê Văn Tùy"])]
    ['Lê Văn Tùy', 'Lê Văn Tùy', 'Lê Văn Tùy']
    >>> [n for n, _ in repair_names_in_document(["Lê Văn Hùng", "Lê Văn Hưng", "Lê Văn Hùng", "Lê Văn Hưng"])]
    ['Lê Văn Hùng', 'Lê Văn Hưng', 'Lê Văn Hùng', 'Lê Văn Hưng']
    """
    from . import _cause, _key, _known, _match_case, _specks, repair_name

    confs = list(confidences) if confidences is not None else [None] * len(names)
    alts = list(choices) if choices is not None else [None] * len(names)
    again = list(rereads) if rereads is not None else [None] * len(names)
    alone = [repair_name(n, field, c, a, r) for n, c, a, r in zip(names, confs, alts, again, strict=True)]
    parsed = [_parts(text) for text, _ in alone]
    forms = Counter(p[1] for p in parsed if p)
    info = {p[1]: p for p in parsed if p}
    target: dict[tuple[str, ...], tuple[tuple[str, ...], float]] = {}  # form read -> (person's form, probability)
    for b, nb in forms.items():
        wb, _, sb = info[b]
        if VISIBLE_ONLY and all(_known(k, s) for k, s in zip(b, sb, strict=True)):
            continue
        # B's readings belong to a person A of the document, read with slips, or to a
        # person of their own, a namesake of the nearest A (with B's differing parts as names)
        hyp: dict[tuple[str, ...] | None, float] = {}
        own = -math.inf
        for a in forms:
            wa, _, sa = info[a]
            if a == b or not _close(a, b) or not all(_known(k, s) for k, s in zip(a, sa, strict=True)):
                continue
            hyp[a] = nb * _log_read(b, a)
            own = max(own, math.log(NAMESAKE) + _log_prior(*_differing(a, b, sb, wb)) + nb * _log_read(b, b))
        if not hyp:
            continue
        hyp[None] = own
        top = max(hyp.values())
        total = sum(math.exp(v - top) for v in hyp.values())
        best = max((k for k in hyp if k is not None), key=lambda k: hyp[k])
        p = math.exp(hyp[best] - top) / total
        if p >= DOC_CONFIDENCE:
            target[b] = (best, p)
    out = []
    for name, (text, fixes), parts in zip(names, alone, parsed, strict=True):
        if not parts or parts[1] not in target:
            out.append((text, fixes))
            continue
        words, keys, _ = parts
        a, p = target[keys]
        shown = " ".join(info[a][0])
        # as on the page, before any repair; words of marks only were dropped by it
        read = [m.group(0) for m in _iter_words(name) if _specks(m.group(0))[1]]
        alone_why = {(f.original, f.repaired): f.reason for f in fixes}
        rebuilt, new_fixes, last = [], [], 0
        for m, w, k, ka, orig in zip(_iter_words(text), words, keys, a, read, strict=True):
            fixed = w if k == ka else _match_case(orig, ka)
            rebuilt.append(text[last:m.start()] + fixed)
            last = m.end()
            if fixed == orig:
                continue
            why = alone_why.get((orig, fixed)) if k == ka else (
                f"'{' '.join(read)}' và '{shown}' trong cùng văn bản: một người; "
                f"'{orig}' đọc nhầm từ '{fixed}' ({_cause(_key(orig), ka)}; khả năng {p:.0%})")
            new_fixes.append(Repair(field, orig, fixed, why or ""))
        out.append(("".join(rebuilt) + text[last:], tuple(new_fixes)))
    return out


def _iter_words(text: str) -> list[re.Match[str]]:
    from . import _WORD

    return list(_WORD.finditer(text))
