"""The duplicate score (điểm trùng lặp) of two tasks, and its explanation in Vietnamese.

``score`` starts from rapidfuzz's ``fuzz.ratio`` over the normalised *syllables* of the two
keys (the Indel similarity of the token sequences, 0-100): a word more or less costs a
little, abbreviations, tone placement, case and punctuation cost nothing (the key has
folded them). Then the features that decide what a task is about must agree:

* the non-year numbers, as multisets ("kết nạp 5 đảng viên" is not "... 12 đảng viên");
* every proper name of either side must appear, word for word, in the other ("giải phóng
  mặt bằng dự án Đồng Bài" is not "... dự án Khe Lầy"). A syllable that lost all its
  marks is an OCR slip ("Tân My" is "Tân Mỹ"); two different marks are two places
  ("Hà Ba" is not "Hạ Ba").

A disagreement halves the score (so it is at most :data:`CONFLICT_CAP` = 50). Finally each
place where different words stand *instead of* each other ("trồng cây keo" / "trồng cây
quế"; not a word more or less, not a tone-mark slip, not a year) takes off
:data:`REPLACED_PENALTY` points: a shared phrasing about another thing is not the same task.

Two facts
make the fast candidate search in :mod:`extractor.dedup.index` lossless, and tests check
both: the score never exceeds the raw token ratio, and above the cap it is zero unless
numbers and names agree.

    >>> from extractor.dedup import match_key, score
    >>> score(match_key("Xây dựng HTX Thuỷ sản Hoà Bình"), match_key("xây dựng Hợp tác xã thủy sản Hòa Bình"))
    100.0
    >>> score(match_key("Kết nạp 5 đảng viên mới"), match_key("Kết nạp 12 đảng viên mới")) < 50
    True
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .keys import Key, _TOKEN, _number, match_key, normalize_text, plain_word  # noqa: F401 (doctests)

__all__ = ["score", "score_at_least", "raw_score", "conflicts", "replaced_words", "explain", "CONFLICT_CAP",
           "REPLACED_PENALTY"]

CONFLICT_CAP = 50.0
# Points off per place where different words stand in place of each other (see
# replaced_words): one such word in a 15-word task takes a 93 down to 78.
REPLACED_PENALTY = 15.0


def raw_score(a: Key, b: Key) -> float:
    """``fuzz.ratio`` over the two keys' syllables, 0-100, before features are checked."""
    return fuzz.ratio(a.tokens, b.tokens)


def _missing_names(a: Key, b: Key) -> list[tuple[str, ...]]:
    """Names of ``a`` that do not appear, word for word, in ``b``'s text."""
    if not a.names:
        return []
    padded = f" {b.text} "
    missing = []
    for name in a.names:
        if f" {' '.join(name)} " in padded or _slipped_in(name, b):
            continue
        missing.append(name)
    return missing


def _slipped_in(name: tuple[str, ...], b: Key) -> bool:
    """``name`` is in ``b`` but for OCR slips: a syllable there lost all its marks
    ("Vinh Tân" for "Vĩnh Tân"). Two marked syllables that differ ("Hà" / "Hạ") are two
    names, not a slip."""
    plain = tuple(map(plain_word, name))
    if f" {' '.join(plain)} " not in f" {b.plain} ":
        return False
    pt = b.plain.split()
    k = len(plain)
    for start in range(len(pt) - k + 1):
        if tuple(pt[start:start + k]) == plain and all(
                x == y or _unmarked(x) or _unmarked(y)
                for x, y in zip(name, b.tokens[start:start + k])):
            return True
    return False


def _unmarked(word: str) -> bool:
    return plain_word(word) == word


def conflicts(a: Key, b: Key) -> list[str]:
    """What makes two keys about different things, in Vietnamese; empty when they agree.

    >>> conflicts(match_key("kết nạp 5 đảng viên"), match_key("kết nạp 12 đảng viên"))
    ["khác số: '5' / '12'"]
    """
    out = []
    if a.numbers != b.numbers:
        only_a = [n for n in a.numbers if n not in b.numbers] or list(a.numbers)
        only_b = [n for n in b.numbers if n not in a.numbers] or list(b.numbers)
        out.append(f"khác số: '{', '.join(only_a) or '-'}' / '{', '.join(only_b) or '-'}'")
    for name in _missing_names(a, b):
        out.append(f"chỉ bên A có tên '{_title(name)}'")
    for name in _missing_names(b, a):
        out.append(f"chỉ bên B có tên '{_title(name)}'")
    return out


def score(a: Key, b: Key) -> float:
    """Duplicate score of two keys, 0-100, rounded to one decimal.

    >>> score(match_key("GPMB dự án Đường Tân Mỹ"), match_key("GPMB dự án Đường Kim Bình"))
    23.9
    """
    if not a.tokens or not b.tokens:  # an empty text is no task, and a duplicate of none
        return 0.0
    raw = fuzz.ratio(a.tokens, b.tokens)
    if raw == 100.0:
        return 100.0
    if a.numbers != b.numbers or _missing_names(a, b) or _missing_names(b, a):
        raw *= CONFLICT_CAP / 100.0
    if raw > 0.0 and len(a.tokens) > 1 and len(b.tokens) > 1:
        raw -= REPLACED_PENALTY * len(_replaced(a.tokens, b.tokens))
    return round(max(raw, 0.0), 1)


def score_at_least(a: Key, b: Key, threshold: float) -> float | None:
    """:func:`score` when it is at least ``threshold``, else None (possibly without the
    costly part: a conflict or a raw ratio below the threshold already rules it out).

    >>> score_at_least(match_key("kết nạp 5 đảng viên"), match_key("kết nạp 12 đảng viên"), 85) is None
    True
    """
    if not a.tokens or not b.tokens:
        return 0.0 if threshold <= 0.0 else None
    raw = fuzz.ratio(a.tokens, b.tokens)
    if raw == 100.0:
        return 100.0 if threshold <= 100.0 else None
    if a.numbers != b.numbers or _missing_names(a, b) or _missing_names(b, a):
        raw *= CONFLICT_CAP / 100.0
    # Penalties only take points off, and rounding adds at most 0.05.
    if round(max(raw, 0.0), 1) < threshold:
        return None
    if raw > 0.0 and len(a.tokens) > 1 and len(b.tokens) > 1:
        raw -= REPLACED_PENALTY * len(_replaced(a.tokens, b.tokens))
    value = round(max(raw, 0.0), 1)
    return value if value >= threshold else None


def _plain(words) -> str:
    """Words without tone marks, for telling an OCR slip ("xa" for "xã") from another word."""
    text = unicodedata.normalize("NFD", " ".join(words)).replace("đ", "d")
    return "".join(c for c in text if not unicodedata.combining(c))


def replaced_words(a: Key, b: Key) -> list[tuple[str, str]]:
    """Places where one side's words stand where the other has different ones.

    A word more or less is how a duplicate is rewritten; a word *instead of* another
    ("trồng cây keo" / "trồng cây quế") is usually another task. Not counted: a slip of
    tone marks only, years (a task carried over), and one word standing for the initials
    of the other side's (an abbreviation the table lacks: "TT" / "thị trấn"). Returns (a's words, b's words).

    >>> replaced_words(match_key("trồng cây keo tại xã"), match_key("trồng cây quế tại xã"))
    [('keo', 'quế')]
    """
    return [(" ".join(lw), " ".join(rw)) for lw, rw in _replaced(a.tokens, b.tokens)]


def _replaced(ta: tuple[str, ...], tb: tuple[str, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    out = []
    i0 = j0 = -1  # start of the current unequal region in ta / tb (-1: none)
    for tag, i1, i2, j1, j2 in Indel.opcodes(ta, tb).as_list():
        if tag != "equal":
            if i0 < 0:
                i0, j0 = i1, j1
            continue
        if i0 >= 0:
            if i1 > i0 and j1 > j0:
                out.append((ta[i0:i1], tb[j0:j1]))
            i0 = -1
    if i0 >= 0 and len(ta) > i0 and len(tb) > j0:
        out.append((ta[i0:], tb[j0:]))
    found = []
    for lw, rw in out:
        if _years_only(lw) and _years_only(rw):
            continue
        if len(lw) == len(rw) and _plain(lw) == _plain(rw) and all(
                x == y or _unmarked(x) or _unmarked(y) for x, y in zip(lw, rw)):
            continue  # an OCR slip: a syllable lost its marks
        if _initials(lw, rw) or _initials(rw, lw):
            continue
        found.append((lw, rw))
    return found


def _initials(short: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """An abbreviation not in the table, written for these words: "tt" / "thị trấn"."""
    return len(short) == 1 and len(words) > 1 and _plain(short) == _plain(["".join(w[0] for w in words)])


def _years_only(words: list[str]) -> bool:
    return all(len(w) == 4 and w.isdigit() and w[:2] in ("19", "20") for w in words)


def _title(words) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _surface(text: str) -> list[str]:
    """Words as written (punctuation dropped), kept for showing the difference."""
    return _TOKEN.findall(text)


def explain(a: Key, b: Key) -> str:
    """Why two tasks are (or are not) the same task, for a reviewer, in Vietnamese.

    >>> explain(match_key("UBND xã Tân Mỹ kết nạp 5 đảng viên"),
    ...         match_key("Ủy ban nhân dân xã Tân Mỹ kết nạp 5 đảng viên"))
    "khác: 'UBND' / 'Ủy ban nhân dân'; giống: số 5, tên Tân Mỹ"
    """
    parts: list[str] = []
    bad = conflicts(a, b)
    if bad:
        parts.extend(bad)
    # Differences as written: align the surface words by their normalised forms.
    sa, na, la = _written(a.original)
    sb, nb, lb = _written(b.original)
    merged: list[str] = []
    left: list[str] = []
    right: list[str] = []

    def flush() -> None:
        if left or right:
            merged.append(f"'{' '.join(left) or '-'}' / '{' '.join(right) or '-'}'")
            left.clear()
            right.clear()

    for op in Indel.opcodes(na, nb):
        if op.tag != "equal":  # consecutive inserts/deletes read as one replacement
            left.extend(sa[op.src_start:op.src_end])
            right.extend(sb[op.dest_start:op.dest_end])
            continue
        flush()
        if la[op.src_start:op.src_end] == lb[op.dest_start:op.dest_end]:
            continue
        # Same normalised word written differently (tone placement): worth showing.
        for i, j in zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end)):
            if la[i] != lb[j] and not sa[i][:1].isdigit():
                merged.append(f"'{sa[i]}' / '{sb[j]}'")
    flush()
    if merged:
        parts.append("khác: " + ", ".join(merged[:6]) + (" …" if len(merged) > 6 else ""))
    same = []
    shared_numbers = [n for n in a.numbers if n in b.numbers]
    if shared_numbers:
        same.append("số " + ", ".join(shared_numbers))
    shared_years = [y for y in a.years if y in b.years]
    if shared_years:
        same.append("năm " + ", ".join(shared_years))
    names = sorted(set(a.names) | set(b.names))
    shared_names = [n for n in names if not _missing_names(_only(n), a) and not _missing_names(_only(n), b)]
    if shared_names:
        same.append("tên " + ", ".join(_title(n) for n in shared_names))
    if same:
        parts.append("giống: " + ", ".join(same))
    if not parts:
        parts.append("giống hệt sau chuẩn hóa")
    return "; ".join(parts)


_WRITTEN: dict[str, tuple[list[str], list[str], tuple[str, ...]]] = {}


def _written(original: str) -> tuple[list[str], list[str], tuple[str, ...]]:
    """A text's words as written, their normal forms and their lower case; cached (a task
    is explained in each of its pairs, and pairs come sorted by their first task)."""
    got = _WRITTEN.get(original)
    if got is None:
        sa = _surface(original)
        got = (sa, [_word(w) for w in sa], tuple(w.lower() for w in sa))
        if len(_WRITTEN) >= 100_000:
            _WRITTEN.clear()
        _WRITTEN[original] = got
    return got


_WORDS: dict[str, str] = {}


def _word(word: str) -> str:
    """A written word's normal form, for aligning what two clerks wrote; cached."""
    out = _WORDS.get(word)
    if out is None:
        out = normalize_text(word)
        if word[:1].isdigit():
            try:
                out = _number(word)
            except ValueError:
                pass
        if len(_WORDS) < 500_000:
            _WORDS[word] = out
    return out


@lru_cache(maxsize=100_000)
def _only(name: tuple[str, ...]) -> Key:
    return Key(" ".join(name), name, (), (), (name,), " ".join(name))
