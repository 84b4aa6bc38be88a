"""Names repaired from the same document: a name read damaged in one place and clean in another.

A decision names a person in its text, again in its appendix table, and perhaps as the
signer. OCR rarely damages every reading the same way, so "Trấn Văn Bình" beside "Trần
Văn Bình" in one document is strong evidence, stronger than any lexicon: the damaged
reading is repaired to the other, with the reason "đọc được ở chỗ khác trong cùng văn
bản".

Two readings are one person only when that is far likelier than two people: for forms A
and B of the same length, differing in one or two syllables each within an OCR slip,

- *one person named A*: P(A) · P(B read | A)^(readings of B) · P(A read | A)^(readings of A),
- *one person named B*: the same the other way round,
- *two people*: P(A) · P(B) · (people in the document) · both read right every time,

where P(name) is the product of its parts' priors in their places and P(read | name) the
learned OCR channel (:mod:`.channel`). A is taken when it holds :data:`DOC_CONFIDENCE` of
the probability. Near namesakes each read cleanly ("Lê Văn Hùng" twice, "Lê Văn Hưng"
twice) stay two people: two slips in a row are far rarer than a namesake.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from ..records import Repair

DOC_CONFIDENCE = 0.9


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
    from ..normalize import is_vietnamese_syllable

    total = 0.0
    for k, s, w in zip(keys, slots, words, strict=True):
        p = _own_prior(k, s, is_vietnamese_syllable(w))
        if p <= 0:
            return -math.inf
        total += math.log(p)
    return total


def _log_read(read_keys: Sequence[str], true_keys: Sequence[str]) -> float:
    from .channel import channel

    ch = channel()
    return sum(ch.logp(r, t) for r, t in zip(read_keys, true_keys, strict=True))


def _close(a: Sequence[str], b: Sequence[str]) -> bool:
    """Same length, one or two syllables apart, each within an OCR slip (confusion cost <= 2)."""
    from .confusion import confusion_cost

    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return 1 <= len(diff) <= 2 and all(confusion_cost(x, y) <= 2 for x, y in diff)


def repair_names_in_document(names: Sequence[str], field: str = "cadre") -> list[tuple[str, tuple[Repair, ...]]]:
    """Every name of one document, repaired alone (:func:`repair_name`) and then against the
    others: [(name, repairs), ...] in the order given.

    >>> [n for n, _ in repair_names_in_document(["Lê Văn Tuy", "Lê Văn Tùy", "Lê Văn Tùy"])]
    ['Lê Văn Tùy', 'Lê Văn Tùy', 'Lê Văn Tùy']
    >>> [n for n, _ in repair_names_in_document(["Lê Văn Hùng", "Lê Văn Hưng", "Lê Văn Hùng", "Lê Văn Hưng"])]
    ['Lê Văn Hùng', 'Lê Văn Hưng', 'Lê Văn Hùng', 'Lê Văn Hưng']
    """
    from . import _cause, _key, _known, _match_case, repair_name

    alone = [repair_name(n, field) for n in names]
    parsed = [_parts(text) for text, _ in alone]
    forms = Counter(p[1] for p in parsed if p)
    info = {p[1]: p for p in parsed if p}
    people = max(2, len(forms))
    target: dict[tuple[str, ...], tuple[tuple[str, ...], float]] = {}  # form read -> (form of the person, probability)
    for b, nb in forms.items():
        wb, _, sb = info[b]
        for a, na in forms.items():
            if a == b or not _close(a, b):
                continue
            wa, _, sa = info[a]
            if not all(_known(k, s) for k, s in zip(a, sa, strict=True)):
                continue  # the person's name must itself be a known name
            prior_a, prior_b = _log_prior(a, sa, wa), _log_prior(b, sb, wb)
            right_a, right_b = _log_read(a, a), _log_read(b, b)
            hyp = {
                "a": prior_a + nb * _log_read(b, a) + na * right_a,
                "b": prior_b + na * _log_read(a, b) + nb * right_b,
                "two": prior_a + prior_b + math.log(people) + na * right_a + nb * right_b,
            }
            top = max(hyp.values())
            if top == -math.inf:
                continue
            p = math.exp(hyp["a"] - top) / sum(math.exp(v - top) for v in hyp.values())
            if p >= DOC_CONFIDENCE and p > target.get(b, ((), 0.0))[1]:
                target[b] = (a, p)
    out = []
    for name, (text, fixes), parts in zip(names, alone, parsed, strict=True):
        if not parts or parts[1] not in target:
            out.append((text, fixes))
            continue
        words, keys, _ = parts
        a, p = target[keys]
        shown = " ".join(info[a][0])
        read = [m.group(0) for m in _iter_words(name)]  # as on the page, before any repair
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
