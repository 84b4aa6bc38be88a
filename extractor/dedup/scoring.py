"""The duplicate score (điểm trùng lặp) of two tasks, and its explanation in Vietnamese.

``score`` starts from rapidfuzz's ``fuzz.ratio`` over the normalised *syllables* of the two
keys (the Indel similarity of the token sequences, 0-100; over the syllables without
marks when one side is written entirely without them): a word more or less costs a
little, abbreviations, tone placement, case and punctuation cost nothing (the key has
folded them). Then the features that decide what a task is about must agree:

* the non-year numbers, as multisets ("kết nạp 5 đảng viên" is not "... 12 đảng viên");
* the proper names (:mod:`extractor.dedup.keys`: the capitalised run after a place or
  organisation head word, "xã Thịnh Trường", "HTX ... Lạc Hội", and other capitalised
  runs), compared word for word after tone placement, case and abbreviations are folded:
  order counts ("Thịnh Trường" is not "Trường Thịnh"), and so do tone marks ("Vĩnh" is
  not "Vinh") unless one side is written entirely without them. A name is *missing*
  from the other side when its words do not stand there in that order. When both sides
  name places, every name must stand in the other; when one side names none (no usable
  capitals), other words after the same head word ("xã Tân Mỹ" / "xã tân phú") are
  another place too.

A disagreement halves the score (so it is at most :data:`CONFLICT_CAP` = 50). A name
on one side where the other names nothing at all (the head word and name left out, no
other place named) is a weaker signal: :data:`MISSING_PENALTY` points off per name.
Finally each
place where different words stand *instead of* each other ("trồng cây keo" / "trồng cây
quế"; not a word more or less, not a tone-mark slip, nor both at once, not a year) takes off
:data:`REPLACED_PENALTY` points: a shared phrasing about another thing is not the same task.

Three facts
make the fast candidate search in :mod:`extractor.dedup.index` lossless, and tests check
them: the score never exceeds the raw token ratio; above the cap the numbers are equal
and the names of each side stand in the other, or one side has no names; and when a
name is missing there the score is at most the raw ratio minus :data:`MISSING_PENALTY`.

    >>> from extractor.dedup import match_key, score
    >>> score(match_key("Xây dựng HTX Thuỷ sản Hoà Bình"), match_key("xây dựng Hợp tác xã thủy sản Hòa Bình"))
    100.0
    >>> score(match_key("Kết nạp 5 đảng viên mới"), match_key("Kết nạp 12 đảng viên mới")) < 50
    True
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import cast

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from ..text import strip_marks
from .keys import (
    _TOKEN,
    Key,
    _number,
    head_slots,
    match_key,  # noqa: F401 (the docstrings' examples use it)
    normalize_text,
    plain_word,
    slot_start,
)

__all__ = ["score", "score_at_least", "raw_score", "conflicts", "missing_names", "replaced_words",
           "explain", "CONFLICT_CAP", "REPLACED_PENALTY", "MISSING_PENALTY"]

CONFLICT_CAP = 50.0
# Points off per name one side has and the other does not (the other naming nothing in
# its place): a 20-word task without its 2-word commune scores 95 raw, 85 here; at the
# default threshold a missing name is forgiven only in long tasks.
MISSING_PENALTY = 10.0
# Points off per place where different words stand in place of each other (see
# replaced_words): one such word in a 15-word task takes a 93 down to 78.
REPLACED_PENALTY = 15.0


def raw_score(a: Key, b: Key) -> float:
    """``fuzz.ratio`` over the two keys' syllables, 0-100, before features are checked; on
    the syllables without marks when one side is written entirely without them (a typist
    without a Vietnamese keyboard: "Xay dung xa Vinh Hoi" is "Xây dựng xã Vĩnh Hội").

    >>> raw_score(match_key("Xây dựng xã Vĩnh Hội"), match_key("Xay dung xa Vinh Hoi"))
    100.0
    """
    raw = fuzz.ratio(a.tokens, b.tokens)
    if raw < 100.0 and _unmarked_side(a, b):
        raw = max(raw, fuzz.ratio(a.plain.split(), b.plain.split()))
    return raw


def _unmarked_side(a: Key, b: Key) -> bool:
    """One side is written entirely without tone and vowel marks."""
    return a.text == a.plain or b.text == b.plain


def _compared(a: Key, b: Key) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The syllables the ratio compares: without marks when a side is written so."""
    if _unmarked_side(a, b):
        return tuple(a.plain.split()), tuple(b.plain.split())
    return a.tokens, b.tokens


def _missing_names(a: Key, b: Key) -> list[int]:
    """Indexes of ``a``'s names whose words do not stand, in order, in ``b``'s text (on
    the words without tone marks when either side is written entirely without them, or
    where a syllable lost marks it cannot be written without: see :func:`_slip`)."""
    if not a.names:
        return []
    padded = f" {b.text} "
    missing = []
    loose = None
    for k, name in enumerate(a.names):
        one_head = len(name) == 1 and k < len(a.name_heads) and a.name_heads[k]
        if f" {' '.join(name)} " in padded:
            if not one_head:
                continue
            # One syllable is found in any text ("Nông" in "nông thôn"): it must stand
            # after its head word there too.
            if _slot_holds(a.name_heads[k], name, b):
                continue
        elif f" {' '.join(map(plain_word, name))} " in f" {b.plain} ":
            if loose is None:
                loose = a.text == a.plain or b.text == b.plain
            if one_head:
                if _slot_holds(a.name_heads[k], name, b, loose):
                    continue
            elif _found_loosely(name, b, loose):
                continue
        missing.append(k)
    return missing


def _slip(word: str) -> bool:
    """A syllable written without its marks that Vietnamese cannot write that way: an OCR
    or typing slip, not another name. Without a tone a syllable cannot end in p, t, c,
    ch ("Lac" is "Lạc", "Hiep" "Hiệp"); "ie", "uo", "ye", "uu" always carry a mark
    ("Duong", "Nguyen"). "Vinh", "Lam", "Tan" are syllables of their own: other names."""
    if plain_word(word) != word:
        return False
    return word.endswith(("p", "t", "c", "ch")) or any(x in word for x in ("ie", "uo", "ye", "uu"))


def _same_words(x: Sequence[str], y: Sequence[str], loose: bool) -> bool:
    """The same words, but for marks lost to a slip (or anywhere, when ``loose``)."""
    return len(x) == len(y) and all(
        p == q or (plain_word(p) == plain_word(q) and (loose or _slip(p) or _slip(q)))
        for p, q in zip(x, y, strict=True))


def _found_loosely(name: tuple[str, ...], b: Key, loose: bool) -> bool:
    """Whether ``name`` stands in ``b`` but for lost marks (:func:`_same_words`). Only where
    the words without marks are the name's can it: those places are looked at alone."""
    toks = b.tokens
    k = len(name)
    plain = b.plain.split(" ")  # one item per token, as plain is made
    bare = tuple(map(plain_word, name))
    first = bare[0]
    for i in [i for i, w in enumerate(plain[:len(plain) - k + 1]) if w == first]:
        if tuple(plain[i:i + k]) == bare and (loose or _same_words(name, toks[i:i + k], False)):
            return True
    return False


def _slots(head: str, b: Key) -> Iterator[int]:
    """Where the names after head word ``head`` start in ``b``'s tokens."""
    hw = tuple(head.split())
    toks = b.tokens
    for i in range(len(toks) - len(hw) + 1):
        if toks[i] == hw[0] and toks[i:i + len(hw)] == hw:
            yield slot_start(toks, i, hw)


def _slot_holds(head: str, name: tuple[str, ...], b: Key, loose: bool = False) -> bool:
    return any(_same_words(name, b.tokens[j:j + len(name)], loose) for j in _slots(head, b))


def _other_in_slot(a: Key, k: int, b: Key) -> tuple[str, ...] | None:
    """What ``b`` names after the head word ``a``'s name ``k`` stands after, where that
    is other words than the name ("xã Tân Mỹ" / "xã tân phú"); None if nothing differs."""
    head = a.name_heads[k] if k < len(a.name_heads) else ""
    if not head:
        return None
    name = a.names[k]
    # The other side names another place after the same head word.
    for kb, hb in enumerate(b.name_heads):
        if hb == head and b.names[kb] != name:
            return b.names[kb]
    if b.names:
        return None  # b's capitals say where its names are: lower case after a head is no name
    toks = b.tokens
    loose = a.text == a.plain or b.text == b.plain
    for j in _slots(head, b):
        there = toks[j:j + len(name)]
        if not there:
            continue
        if not _same_words(there, name[:len(there)], loose):
            return there
    return None


def _unnamed_slots_differ(a: Key, b: Key) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """For two texts without usable capitals ("xã thịnh trường" / "XÃ TRƯỜNG THỊNH"): the
    first head word both have whose next two words differ, with those words."""
    if a.text == a.plain or b.text == b.plain:
        return None  # written without tone marks: names cannot be told apart from words
    ta, tb = a.tokens, b.tokens
    for head, rank, ja in head_slots(ta):
        wa = ta[ja:ja + 2]
        if len(wa) < 2:
            continue
        jb = next((j for r, j in enumerate(_slots(" ".join(head), b)) if r == rank), None)
        if jb is None:
            continue
        wb = tb[jb:jb + 2]
        if len(wb) == 2 and wa != wb and not _same_words(wa, wb, False):
            return " ".join(head), wa, wb
    return None


def _name_check(a: Key, b: Key) -> tuple[list[str], list[str]]:
    """(conflicts, missing): why the names say two things, and the names one side has
    that the other does not name at all; reasons in Vietnamese."""
    if not a.names and not b.names:
        diff = _unnamed_slots_differ(a, b)
        if diff is None:
            return [], []
        head, wa, wb = diff
        return [f"khác tên {head}: '{_title(wa)}' / '{_title(wb)}'"], []
    ma = _missing_names(a, b)
    mb = _missing_names(b, a)
    if not ma and not mb:
        return [], []
    bad: list[str] = []
    weak: list[str] = []
    if ma and mb:
        # Both sides name something the other does not: pair them by head word.
        left = {k: a.name_heads[k] if k < len(a.name_heads) else "" for k in ma}
        right = {k: b.name_heads[k] if k < len(b.name_heads) else "" for k in mb}
        for ka, ha in list(left.items()):
            kb = next((kb for kb, hb in right.items() if hb == ha and ha), None)
            if kb is not None:
                bad.append(f"khác tên {ha}: '{_title(a.names[ka])}' / '{_title(b.names[kb])}'")
                del left[ka], right[kb]
        bad += [f"chỉ bên A có tên '{_title(a.names[k])}'" for k in left]
        bad += [f"chỉ bên B có tên '{_title(b.names[k])}'" for k in right]
        return bad, weak
    for x, y, ks, side in ((a, b, ma, "A"), (b, a, mb, "B")):
        for k in ks:
            other = _other_in_slot(x, k, y)
            if other is not None:
                one, two = _title(x.names[k]), _title(other)
                if side == "B":
                    one, two = two, one
                bad.append(f"khác tên {x.name_heads[k]}: '{one}' / '{two}'")
            elif y.names:  # the other side names other places, not this one
                bad.append(f"chỉ bên {side} có tên '{_title(x.names[k])}'")
            else:
                weak.append(f"chỉ bên {side} có tên '{_title(x.names[k])}'")
    return bad, weak


def _unmarked(word: str) -> bool:
    return plain_word(word) == word


def conflicts(a: Key, b: Key) -> list[str]:
    """What makes two keys about different things, in Vietnamese; empty when they agree.

    >>> conflicts(match_key("kết nạp 5 đảng viên"), match_key("kết nạp 12 đảng viên"))
    ["khác số: '5' / '12'"]
    >>> conflicts(match_key("Cải cách hành chính tại UBND xã Thịnh Trường"),
    ...           match_key("cải cách hành chính tại UBND xã Trường Thịnh"))
    ["khác tên xã: 'Thịnh Trường' / 'Trường Thịnh'"]
    """
    return _numbers_differ(a, b) + _name_check(a, b)[0]


def _numbers_differ(a: Key, b: Key) -> list[str]:
    if a.numbers == b.numbers:
        return []
    only_a = [n for n in a.numbers if n not in b.numbers] or list(a.numbers)
    only_b = [n for n in b.numbers if n not in a.numbers] or list(b.numbers)
    return [f"khác số: '{', '.join(only_a) or '-'}' / '{', '.join(only_b) or '-'}'"]


def missing_names(a: Key, b: Key) -> list[str]:
    """Names one side has where the other names no place at all (a weaker signal than a
    conflict: :data:`MISSING_PENALTY` points each), in Vietnamese.

    >>> missing_names(match_key("Xây dựng nhà văn hóa thôn Nà Cọ"), match_key("xây dựng nhà văn hóa"))
    ["chỉ bên A có tên 'Nà Cọ'"]
    """
    bad, weak = _name_check(a, b)
    return [] if bad else weak


def _features_off(a: Key, b: Key) -> tuple[bool, int]:
    """(conflict, number of names missing on one side): :func:`_name_check` without its
    reasons (scoring a million candidates needs only the verdict)."""
    if a.numbers != b.numbers:
        return True, 0
    if not a.names and not b.names:
        return _unnamed_slots_differ(a, b) is not None, 0
    ma = _missing_names(a, b)
    mb = _missing_names(b, a)
    if not ma and not mb:
        return False, 0
    if ma and mb:
        return True, 0
    x, y, ks = (a, b, ma) if ma else (b, a, mb)
    if y.names:
        return True, 0
    for k in ks:
        if _other_in_slot(x, k, y) is not None:
            return True, 0
    return False, len(ks)


def score(a: Key, b: Key) -> float:
    """Duplicate score of two keys, 0-100, rounded to one decimal.

    >>> score(match_key("GPMB dự án Đường Tân Mỹ"), match_key("GPMB dự án Đường Kim Bình"))
    23.9
    """
    if not a.tokens or not b.tokens:  # an empty text is no task, and a duplicate of none
        return 0.0
    raw = raw_score(a, b)
    if raw == 100.0:
        return 100.0
    bad, weak = _features_off(a, b)
    if bad:
        raw *= CONFLICT_CAP / 100.0
    raw -= MISSING_PENALTY * weak
    if raw > 0.0 and len(a.tokens) > 1 and len(b.tokens) > 1:
        raw -= REPLACED_PENALTY * len(_replaced(*_compared(a, b)))
    return round(max(raw, 0.0), 1)


def score_at_least(a: Key, b: Key, threshold: float) -> float | None:
    """:func:`score` when it is at least ``threshold``, else None (possibly without the
    costly part: a conflict or a raw ratio below the threshold already rules it out).

    >>> score_at_least(match_key("kết nạp 5 đảng viên"), match_key("kết nạp 12 đảng viên"), 85) is None
    True
    """
    if not a.tokens or not b.tokens:
        return 0.0 if threshold <= 0.0 else None
    raw = raw_score(a, b)
    if raw == 100.0:
        return 100.0 if threshold <= 100.0 else None
    bad, weak = _features_off(a, b)
    if bad:
        raw *= CONFLICT_CAP / 100.0
    raw -= MISSING_PENALTY * weak
    # Penalties only take points off, and rounding adds at most 0.05.
    if round(max(raw, 0.0), 1) < threshold:
        return None
    if raw > 0.0 and len(a.tokens) > 1 and len(b.tokens) > 1:
        raw -= REPLACED_PENALTY * len(_replaced(*_compared(a, b)))
    value = round(max(raw, 0.0), 1)
    return value if value >= threshold else None


def _plain(words: Iterable[str]) -> str:
    """Words without tone marks, for telling an OCR slip ("xa" for "xã") from another word."""
    return strip_marks(" ".join(words))


def replaced_words(a: Key, b: Key) -> list[tuple[str, str]]:
    """Places where one side's words stand where the other has different ones.

    A word more or less is how a duplicate is rewritten; a word *instead of* another
    ("trồng cây keo" / "trồng cây quế") is usually another task. Not counted: a slip of
    tone marks only (with a word more or less beside it: "chuẩn mới" / "chuan"), years
    (a task carried over), and one word standing for the initials of the other side's
    (an abbreviation the table lacks: "TT" / "thị trấn"). Returns (a's words, b's words).

    >>> replaced_words(match_key("trồng cây keo tại xã"), match_key("trồng cây quế tại xã"))
    [('keo', 'quế')]
    """
    return [(" ".join(lw), " ".join(rw)) for lw, rw in _replaced(*_compared(a, b))]


# An edit as rapidfuzz's Opcodes.as_list() gives it: (tag, i1, i2, j1, j2), as difflib's.
_Opcode = tuple[str, int, int, int, int]


def _replaced(ta: tuple[str, ...], tb: tuple[str, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    out = []
    i0 = j0 = -1  # start of the current unequal region in ta / tb (-1: none)
    # rapidfuzz's stub says list[Opcode]; the list holds plain tuples (faster to unpack).
    for tag, i1, _i2, j1, _j2 in cast(list[_Opcode], Indel.opcodes(ta, tb).as_list()):
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
                x == y or _unmarked(x) or _unmarked(y) for x, y in zip(lw, rw, strict=True)):
            continue  # an OCR slip: a syllable lost its marks
        if len(lw) != len(rw) and _slipped_within(*sorted((lw, rw), key=len)):
            continue  # a word more or less beside a slip ("chuẩn mới" / "chuan")
        if _initials(lw, rw) or _initials(rw, lw):
            continue
        found.append((lw, rw))
    return found


def _slipped_within(short: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    """Every word of ``short`` stands, in order, in ``longer`` but for lost marks: the
    rest of ``longer`` is words more, not words instead of others."""
    k = 0
    for word in short:
        while k < len(longer) and not (longer[k] == word or (
                plain_word(longer[k]) == plain_word(word) and (_unmarked(longer[k]) or _unmarked(word)))):
            k += 1
        if k == len(longer):
            return False
        k += 1
    return True


def _initials(short: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """An abbreviation not in the table, written for these words: "tt" / "thị trấn"."""
    return len(short) == 1 and len(words) > 1 and _plain(short) == _plain(["".join(w[0] for w in words)])


def _years_only(words: Sequence[str]) -> bool:
    return all(len(w) == 4 and w.isdigit() and w[:2] in ("19", "20") for w in words)


def _title(words: Iterable[str]) -> str:
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
    # conflicts() and missing_names() in one reading of the names (a pair is explained
    # once it is found: a million of them at a province's scale).
    bad_names, weak = _name_check(a, b)
    bad = _numbers_differ(a, b) + bad_names
    parts: list[str] = bad if bad else weak
    if a.original == b.original:
        # Copies of one text (archives repeat them): nothing differs as written.
        return "; ".join(parts + _same(a, b) or ["giống hệt sau chuẩn hóa"])
    # Differences as written: align the surface words by their normalised forms.
    sa, na, la = _written(a.original)
    sb, nb, lb = _written(b.original)
    a_bare, b_bare = a.text == a.plain, b.text == b.plain
    if a_bare != b_bare:
        # One side typed without marks: say so once, and align on the unmarked words
        # (every word would differ in its marks otherwise).
        parts = parts + [f"bên {'A' if a_bare else 'B'} viết không dấu"]
        na, nb = [strip_marks(x) for x in na], [strip_marks(x) for x in nb]
        la, lb = tuple(strip_marks(x) for x in la), tuple(strip_marks(x) for x in lb)
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
        for i, j in zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end), strict=True):
            if la[i] != lb[j] and not sa[i][:1].isdigit():
                merged.append(f"'{sa[i]}' / '{sb[j]}'")
    flush()
    if merged:
        parts.append("khác: " + ", ".join(merged[:6]) + (" …" if len(merged) > 6 else ""))
    parts += _same(a, b)
    if not parts:
        parts.append("giống hệt sau chuẩn hóa")
    return "; ".join(parts)


def _same(a: Key, b: Key) -> list[str]:
    """What two keys share, for the reason: numbers, years, names."""
    same = []
    shared_numbers = [n for n in a.numbers if n in b.numbers]
    if shared_numbers:
        same.append("số " + ", ".join(shared_numbers))
    shared_years = [y for y in a.years if y in b.years]
    if shared_years:
        same.append("năm " + ", ".join(shared_years))
    names = sorted(set(a.names) | set(b.names))
    ta, tb = f" {a.text} ", f" {b.text} "
    shared_names = [n for n in names if f" {' '.join(n)} " in ta and f" {' '.join(n)} " in tb]
    if shared_names:
        same.append("tên " + ", ".join(_title(n) for n in shared_names))
    return ["giống: " + ", ".join(same)] if same else []


_WRITTEN: dict[str, tuple[list[str], list[str], tuple[str, ...]]] = {}


def _written(original: str) -> tuple[list[str], list[str], tuple[str, ...]]:
    """A text's words as written, their normal forms and their lower case; cached (a task
    is explained in each of its pairs, and pairs come sorted by their first task)."""
    got = _WRITTEN.get(original)
    if got is None:
        sa = _surface(original)
        known = _WORDS.get
        # Most words were met before: _word (a call) only for the others; a word whose
        # normal form is "" is looked up again and gives "" again.
        normal = [known(w) or _word(w) for w in sa]
        got = (sa, normal, tuple(map(str.lower, sa)))
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
