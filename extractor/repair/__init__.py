"""Repair of names (họ và tên) and titles (chức vụ) damaged by OCR, each repair explained.

Tesseract reads ``Trần`` as ``Trân``, ``Dũng`` as ``Đũng``, ``Tùy`` as ``Tuy``; the
register would then hold people who do not exist. A syllable is repaired only on strong
evidence, and every repair is a :class:`~extractor.records.Repair` (the text as read,
the text now held, the reason), as ftfy's ``fix_and_explain`` does:

- the syllable is not a known name part *for its place in the name* (family name first,
  given name last, middle names between: "Trân" is a given name, never a family name);
- the known parts of that place an OCR slip could have turned into it (tone mark, vowel
  modifier, đ/d, l/I, rn/m; see :mod:`.confusion`) are weighed by their frequency in
  that place (the lexicon's weights and counts in real cadres, ``data/priors.tsv``) times
  how often Tesseract makes that slip (learned, :mod:`.channel`: it reads ``ầ`` as
  ``ấ`` far more often than ``â`` as ``ấ``); the best must be :data:`DOMINANCE` times
  likelier than the next, and, for a well-formed syllable that may be a rare real name,
  likelier than that (:data:`CONFIDENCE`);
- with the OCR model's own alternatives for each character (:mod:`.choices`, on scanned
  table cells), the syllables they spell are weighed up by how strongly the model saw
  them: a part not known in its place is read as the known one they spell (and the
  lexicon's candidates they spell count for more, :data:`CHOICE_SEEN`), a known part
  (Huyến, real but rare) as another (Huyền) only on a strong alternative that is far
  commoner (:data:`CHOICE_KNOWN`, :data:`CHOICE_DOMINANCE`);
- then the names of one document are compared (:mod:`.document`): a name read damaged in
  one place and clean in another is repaired to the clean one when one person is far
  likelier than two.

A name read alone whose parts are all in the lexicon is never changed; an ambiguous
reading ("Hung": Hùng or Hưng) is left as read. The lexicon (``data/*.txt``) lists
common Vietnamese names with rough weights.
"""
from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..read.boxes import OcrCell, WordBox
from ..read.engine import Choice
from ..recognize.names import SURNAMES
from ..records import Assignment, Field, Repair
from ..text import is_vietnamese_syllable, place_tones
from .channel import channel
from .choices import Symbols, readings
from .confusion import confusion_cost, units
from .document import repair_names_in_document
from .second import VOTE_CONFIDENCE, VOTE_READS, VOTE_READS_KNOWN, Observation, Reading, aligned, vote

if TYPE_CHECKING:
    from ..records import Document

__all__ = ["repair_name", "repair_title", "repair_assignments", "name_confidences", "name_choices", "Repair",
           "unsure", "worth_reading_again", "names_in_doubt", "name_rereads", "Reading"]

SURNAME, MIDDLE, GIVEN = "surname", "middle", "given"
_SLOT_VI = {SURNAME: "họ", MIDDLE: "tên đệm", GIVEN: "tên"}
# A winner must be this many times likelier (prior in its place x how often OCR makes the
# slip) than the next candidate within budget: "Hung" stays, Hùng and Hưng are both common.
DOMINANCE = 6.0
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"^[^\W\d_]+$")


def _key(word: str) -> str:
    return place_tones(word.lower())


def _load(name: str) -> dict[str, float]:
    weights: dict[str, float] = {}
    weight = 1.0
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("@"):
            weight = float(line[1:])
            continue
        for w in line.split():
            k = _key(w)
            weights[k] = max(weights.get(k, 0.0), weight)
    return weights


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, float]]:
    """Known name parts by place: {"surname"|"middle"|"given": {lower-case syllable: weight}}."""
    sur = _load("surnames.txt")
    # the recogniser's family names are known too; taken in a fixed order (SURNAMES is a
    # set), so the lexicon's order, and what is drawn from it, is the same in every process
    for s in sorted(SURNAMES):
        sur.setdefault(_key(s), 3.0)
    return {SURNAME: sur, MIDDLE: _load("middle.txt"), GIVEN: _load("given.txt")}


def _known(key: str, slot: str) -> bool:
    lex = lexicon()
    if slot == SURNAME:
        return key in lex[SURNAME]
    # middle and given names trade places ("Thu" is both), so either list vouches
    return key in lex[MIDDLE] or key in lex[GIVEN]


# A given name seldom used in middle place (the lexicon lists it as a given name only)
# read there one slip from a name this many times commoner in that place ("Hiến" for
# "Hiền", "Huyến" for "Huyền") is no evidence of itself: it is weighed as an unknown part
# (against a common middle name proper, "Thi" for "Thị", 100 times as before). Set on the
# fit halves of corpora/ocr_names/names_choices*.jsonl (10 and 30 alike there; no correct
# name changed on any set).
OUTWEIGHED_MIDDLE = 10.0


@lru_cache(maxsize=8192)  # asked of every candidate the repair weighs; the lexicon never changes
def _outweighed_middle(key: str, slot: str) -> bool:
    """A given name read in middle place next to a name far commoner there, one slip away
    ("Thi" / "Thị", "Hiến" / "Hiền"): see :data:`OUTWEIGHED_MIDDLE`."""
    lex = lexicon()
    if slot != MIDDLE or key in lex[MIDDLE]:
        return False
    own = lex[GIVEN].get(key, 0.0) / 10
    if any(w >= 100 * own and confusion_cost(key, k) <= 1 for k, w in lex[MIDDLE].items() if w >= 200):
        return True
    return any(w >= OUTWEIGHED_MIDDLE * own and k != key and confusion_cost(key, k) <= 1
               for k, w in _candidates(MIDDLE).items())


def _candidates(slot: str) -> dict[str, float]:
    lex = lexicon()
    if slot == MIDDLE:
        merged = {k: w / 10 for k, w in lex[GIVEN].items()}
        for k, w in lex[MIDDLE].items():
            merged[k] = max(merged.get(k, 0.0), w)
        return merged
    return lex[slot]


def _match_case(like: str, word: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _cause(read: str, fixed: str) -> str:
    """The OCR slip in Vietnamese words for the reviewer: dấu thanh, dấu mũ/móc, đ/d, chữ."""
    ru, rt, _ = units(read)
    fu, ft, _ = units(fixed)
    causes: list[str] = []
    if rt != ft:
        causes.append("dấu thanh")
    if [b for b, _ in ru] == [b for b, _ in fu]:
        mods = {m or n for (_, m), (_, n) in zip(ru, fu, strict=True) if m != n}
        if "-" in mods:
            causes.append("đ/d")
        if mods - {"-"}:
            causes.append("dấu mũ/móc/trăng")
    elif len(ru) != len(fu) or any(a[0] != b[0] for a, b in zip(ru, fu, strict=True)):
        causes.append("chữ đọc nhầm")
    return ", ".join(causes) or "chữ đọc nhầm"


# A well-formed syllable missing from the lexicon may be a rare real name: it is repaired
# only when the slip is likelier than that (the candidate's share of the probability,
# the read itself competing with UNSEEN as its prior). 0.5: chosen on the fit half of
# corpora/ocr_names (0.7 and 0.9 restore fewer there and change no correct name either).
CONFIDENCE = 0.5
# Family names are a closed list, and a well-formed syllable in first place that is not on
# it is taken for a misreading of one: but only when that one is at least this probable. A
# real family name the list lacks ("Lèo", Thái) was changed to "Lò" on a 3 % guess. On
# corpora/ocr_names 0.05 and 0.1 restore the same names but one read twice in a document
# ("Sóng" for the rare "Sồng", under 5 %), 0.5 a few more.
SURNAME_CONFIDENCE = 0.1
# Prior of one well-formed syllable missing from the lexicon being a real name part in that
# place (it may be a rare name, so it competes with the candidates): a rough guess that
# 1 % of given and middle names and 0.2 % of family names lie outside the lexicon, spread
# over the ~2000 well-formed syllables the lexicon does not list. Not fitted to the bench.
UNSEEN = {SURNAME: 0.002 / 2000, MIDDLE: 0.01 / 2000, GIVEN: 0.01 / 2000}
GOLD_SHARE = 0.3  # share of a slot's prior from counts in real cadres (data/priors.tsv)


@lru_cache(maxsize=1)
def _gold_counts() -> dict[str, dict[str, int]]:
    """Counts of lexicon name parts in real cadres by place (data/priors.tsv, built by .build)."""
    out: dict[str, dict[str, int]] = {SURNAME: {}, MIDDLE: {}, GIVEN: {}}
    path = resources.files(__package__).joinpath("data", "priors.tsv")
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                slot, key, n = line.split("\t")
                out[slot][key] = int(n)
    return out


@lru_cache(maxsize=4)
def _priors(slot: str) -> dict[str, float]:
    """P(name part | its place): the lexicon's weights mixed with counts in real cadres."""
    cands = _candidates(slot)
    total = sum(cands.values())
    gold = _gold_counts()[slot]
    n = sum(gold.values())
    share = GOLD_SHARE if n else 0.0
    return {k: (1 - share) * w / total + share * gold.get(k, 0) / max(1, n) for k, w in cands.items()}


def _own_prior(key: str, slot: str, valid: bool) -> float:
    """Prior that the syllable read is itself the name part (a known or a rare real name)."""
    if _known(key, slot) and not _outweighed_middle(key, slot):
        p = _priors(slot).get(key)
        if p is None:  # a known middle name read in given place, or the reverse
            lex = lexicon()
            w = max(lex[MIDDLE].get(key, 0.0), lex[GIVEN].get(key, 0.0)) / 10
            p = w / sum(_candidates(slot).values())
        return p
    if not valid:
        return 0.0
    return UNSEEN[slot]


def weigh(word: str, slot: str, conf: float | None = None,
          symbols: Symbols | None = None) -> list[tuple[float, str, float]]:
    """What OCR may have read ``word`` from: [(posterior, lower-case syllable, cost), ...],
    best first, the read itself among them (posterior from the place's prior and the
    learned OCR channel, :mod:`.channel`; with Tesseract's confidence in the word, how
    much likelier that confidence is after a slip than after a clean read; with the
    OCR model's alternatives for its characters, ``symbols``, a candidate they spell
    weighed up as :func:`choose_by_alternatives` weighs it, so "Tông" read with only
    "ò" beside its "ô" is Tòng, not the commoner Tống).

    >>> alts = [[("T", .95)], [("ô", .9), ("ò", .14)], [("n", .95)], [("g", .95)]]
    >>> [(k, round(p, 2)) for p, k, _ in weigh("Tông", "surname")][:2]
    [('tòng', 0.77), ('tống', 0.19)]
    >>> [(k, round(p, 2)) for p, k, _ in weigh("Tông", "surname", symbols=alts)][:2]
    [('tòng', 0.86), ('tống', 0.11)]
    """
    ch = channel()
    spelled = {_key(k): r for k, r in reversed(readings(word, symbols))}  # strongest kept
    slip = math.exp(ch.confidence_ratio(conf))
    key = _key(word)
    valid = is_vietnamese_syllable(word)
    scores: dict[str, tuple[float, float]] = {}
    own = _own_prior(key, slot, valid)
    if own > 0:
        scores[key] = (own * math.exp(ch.logp(key, key)), 0.0)
    for k, p in _priors(slot).items():
        if k == key or abs(len(k) - len(key)) > 2 or p <= 0:
            continue
        cost = confusion_cost(key, k)
        if cost <= 2.0:
            seen = math.exp(CHOICE_SEEN) * spelled[k] if k in spelled else 1.0
            scores[k] = (p * math.exp(ch.logp(key, k)) * slip * seen, cost)
    total = sum(v for v, _ in scores.values()) or 1.0
    return sorted(((v / total, k, c) for k, (v, c) in scores.items()), key=lambda t: -t[0])


# The model's own alternatives (.choices): a name part not known in its place is read as
# the known one the alternatives spell when that reading is at least CHOICE_UNKNOWN as
# strong as the characters read; a known name part (Thủy for Thùy: both real) only when
# the other reading is at least CHOICE_KNOWN as strong and, weighed by how common each
# is in that place, CHOICE_DOMINANCE times likelier. Chosen on the fit half of the
# names ``python -m bench repair --choices 3000`` reads (no correct name changed on either
# half; 0.5 and 2 changed "Nhu" to "Như" and "Chinh" to "Chính").
CHOICE_UNKNOWN = 0.2
CHOICE_KNOWN = 0.7
CHOICE_DOMINANCE = 4.0
# For a name part not known in its place, the lexicon's candidates (:func:`weigh`) that
# the alternatives spell are weighed up by exp(CHOICE_SEEN) x their strength: how much
# likelier a slip is once the model listed that reading at all, which most characters do
# not. Set on the fit halves of corpora/ocr_names/names_choices*.jsonl.
CHOICE_SEEN = 2.5


def _prior_of(key: str, slot: str) -> float:
    return _own_prior(key, slot, True) if _known(key, slot) else 0.0


def choose_by_alternatives(word: str, slot: str, symbols: Symbols | None) -> tuple[str, str] | None:
    """(syllable, reason) when the OCR model's alternatives for ``word``'s characters
    (:mod:`.choices`) spell a name part of ``slot`` that is the better reading; None to
    leave the decision to the lexicon and the slip model."""
    found = readings(word, symbols)
    if not found:
        return None
    key = _key(word)
    known = _known(key, slot) and not _outweighed_middle(key, slot)
    floor = CHOICE_KNOWN if known else CHOICE_UNKNOWN
    scored = sorted(((_prior_of(_key(k), slot) * r, _key(k), r) for k, r in found if r >= floor),
                    key=lambda t: -t[0])
    scored = [t for t in scored if t[0] > 0 and t[1] != key]
    if not scored:
        return None
    score, best, strength = scored[0]
    if len(scored) > 1 and score < DOMINANCE * scored[1][0]:
        return None
    if known and score < CHOICE_DOMINANCE * _prior_of(key, slot):
        return None
    fixed = _match_case(word, best)
    why = (f"{_SLOT_VI[slot]} '{word}': OCR cũng đọc được '{fixed}' ({_cause(key, best)}; "
           f"độ tin {strength:.0%} so với chữ đã đọc)"
           f"{', ' + repr(fixed) + ' là tên thường gặp hơn' if known else ''}"
           f"{'' if known else '; ' + repr(word) + ' không có trong danh mục tên'}")
    return fixed, why


# A word read under this confidence (Tesseract's 0-100) leaves the repair unsure of its
# name. With the alternatives' test below, set on the fit halves of
# corpora/ocr_names/names_choices*.jsonl: 70 and alternatives that spell a known part
# restore as many names there as 90 and any alternative at all, for a third of the
# second readings (a tenth of the names instead of a third).
UNSURE_CONF = 70.0


def unsure(text: str, confidences: Sequence[float | None] | None = None,
           choices: Sequence[Symbols | None] | None = None) -> bool:
    """Whether a name as read leaves doubt a second reading of its image could settle: a
    part not known in its place, a word read under :data:`UNSURE_CONF`, or a word whose
    characters' alternatives (:mod:`.choices`) spell another name part of its place.

    >>> unsure("Trần Văn Hùng"), unsure("Trân Văn Hùng"), unsure("Trần Văn Hùng", [96.0, 95.0, 61.0])
    (False, True, True)
    """
    words = _WORD.findall(text)
    if confidences is not None and len(confidences) != len(words):
        confidences = None
    if choices is not None and len(choices) != len(words):
        choices = None
    cores = [_specks(w)[1] for w in words]
    kept = [i for i, c in enumerate(cores) if c]
    if len(kept) < 2:
        return False
    for n, i in enumerate(kept):
        slot = SURNAME if n == 0 else GIVEN if n == len(kept) - 1 else MIDDLE
        key = _key(cores[i])
        if not _known(key, slot) or _outweighed_middle(key, slot):
            return True
        conf = confidences[i] if confidences is not None else None
        if conf is not None and conf < UNSURE_CONF:
            return True
        symbols = choices[i] if choices is not None else None
        if any(_known(_key(k), slot) for k, _ in readings(cores[i], symbols)):
            return True
    return False


def worth_reading_again(words: Sequence[str], confidences: Sequence[float | None] | None = None,
                        choices: Sequence[Symbols | None] | None = None) -> bool:
    """Whether a line or a paragraph as OCR read it (its words, each one's confidence
    and characters' alternatives) holds a person's name the repair will be
    :func:`unsure` of (:func:`names_in_doubt`)."""
    return bool(names_in_doubt(words, confidences, choices))


def names_in_doubt(words: Sequence[str], confidences: Sequence[float | None] | None = None,
                   choices: Sequence[Symbols | None] | None = None) -> list[range]:
    """The runs of words (indices) of a line or paragraph as OCR read it (its words,
    each one's confidence and characters' alternatives) that may be a person's name the
    repair will be :func:`unsure` of: what a reader asks before it reads their lines
    again while it still has the image (``extractor.read.ocr.reread``). A name is a run of two to five capitalised words
    (specks round them aside; or the end of a longer run: "Đồng Chí" before it) with all
    but one a name part known in its place: a title ("Phó Giám Đốc"), a place or a
    heading is not read again, nor a run one of whose ends is a name the repair is sure of;
    a name of two words only as the whole line.

    >>> worth_reading_again(["Trần", "Văn", "Hùng"]), worth_reading_again(["Đồng", "chí", "Trân", "Văn", "Hùng"])
    (False, True)
    >>> worth_reading_again(["Phó", "Giám", "Đốc"]), worth_reading_again(["Trần", "Văn", "Hùng"], [96.0, 95.0, 61.0])
    (False, True)
    >>> worth_reading_again(["Phó", "Bí", "thư"]), worth_reading_again(["Lê", "Hà"], [96.0, 52.0])
    (False, True)
    """
    found: list[range] = []
    n = len(words)
    confs = list(confidences) if confidences is not None and len(confidences) == n else [None] * n
    alts = list(choices) if choices is not None and len(choices) == n else [None] * n
    cores = [_specks(w)[1] for w in words]
    capital = [bool(c) and c[0].isupper() and bool(_LETTERS.match(c)) for c in cores]
    i = 0
    while i < n:
        if not capital[i]:
            i += 1
            continue
        j = i
        while j < n and capital[j]:
            j += 1
        # the name is the run or its end ("Ông", "Đồng Chí" before it), of three words or
        # more unless the run has two: not read again when one such end is a name known
        # part by part that the repair is sure of; else when one is a name it is unsure of
        doubt = sure = False
        # a run of two is a name only as the whole line ("Phó Bí thư", "xã Trung Hà" are not)
        two = j - i == 2 and n == 2
        for start in range(max(i, j - 5), j - 1 if two else j - 2):
            run = range(start, j)
            slots = [SURNAME if k == 0 else GIVEN if k == len(run) - 1 else MIDDLE for k in range(len(run))]
            known = sum(_known(_key(cores[r]), s) and not _outweighed_middle(_key(cores[r]), s)
                        for r, s in zip(run, slots, strict=True))
            if known < len(run) - 1:
                continue
            if unsure(" ".join(cores[r] for r in run), [confs[r] for r in run], [alts[r] for r in run]):
                doubt = True
            elif known == len(run):
                sure = True
        if doubt and not sure:
            found.append(range(i, j))
        i = j
    return found


# Letters no Vietnamese nor Central Highlands spelling has, which OCR gives for one that
# has: two dots for a tilde or a breve ("Doän" for Doãn, "Kpä" for Kpă), for a circumflex
# ("Ö" for Ô). Each maps to the letters it may have been read from.
_FOREIGN = {"ä": "ãăâ", "ö": "ôõơ", "ü": "ũư", "ë": "ẽê", "ï": "ĩ", "ÿ": "ỹý"}
_FOREIGN.update({k.upper(): v.upper() for k, v in _FOREIGN.items()})


def foreign_letters(word: str, slot: str | None) -> tuple[str, str] | None:
    """(syllable, reason) when ``word`` holds a letter no Vietnamese or Highlands name has
    (:data:`_FOREIGN`) and exactly one way of reading it back is a known name part (of
    ``slot``; any place, or a Highlands family name, when ``slot`` is None); else None.

    >>> foreign_letters("Doän", "surname")[0], foreign_letters("Ö", "middle")[0], foreign_letters("Kpä", None)[0]
    ('Doãn', 'Ô', 'Kpă')
    >>> foreign_letters("Doãn", "surname") is None
    True
    """
    at = [i for i, ch in enumerate(word) if ch in _FOREIGN]
    if not at:
        return None
    options = [""]
    for i, ch in enumerate(word):
        options = [o + c for o in options for c in (_FOREIGN[ch] if i in at else ch)]
    highland = _highland_words()
    known = sorted({o for o in options if (_known(_key(o), slot) if slot is not None else
                    any(_known(_key(o), k) for k in (SURNAME, GIVEN)) or o.lower() in highland)})
    if len(known) != 1:
        return None
    fixed = known[0]
    letters = ", ".join(f"'{word[i]}'" for i in at)
    return fixed, (f"{letters} không có trong chữ Việt (OCR đọc dấu ngã, dấu trăng hay dấu mũ thành hai chấm); "
                   f"'{fixed}' là tên có trong danh mục")


def repair_syllable(word: str, slot: str, conf: float | None = None,
                    choices: Symbols | None = None) -> tuple[str, str | None]:
    """One syllable of a name in its place: (syllable, reason) with reason None when kept.

    A syllable known in its place is kept. Otherwise the name parts an OCR slip could
    have turned into it (confusion cost within budget) are weighed by their frequency in
    that place times how often OCR makes that slip (:mod:`.channel`); the best is taken
    when it is :data:`DOMINANCE` times likelier than the next, and, for a well-formed
    syllable that may be a rare real name, when it is at least :data:`CONFIDENCE` probable
    against the read itself (:data:`SURNAME_CONFIDENCE` in first place).

    ``choices``: the OCR model's alternatives for each character of ``word`` (see
    :func:`choose_by_alternatives`), the strongest evidence there is, tried first.

    >>> repair_syllable("Trân", "surname")[0], repair_syllable("Trân", "given")[0]
    ('Trần', 'Trân')
    """
    foreign = foreign_letters(word, slot)
    if foreign is not None:
        return foreign
    if not _LETTERS.match(word) or len(word) < 2 and word.upper() == word:
        return word, None  # initials, "H'Hen", numbers: not ours to judge
    if choices:
        chosen = choose_by_alternatives(word, slot, choices)
        if chosen is not None:
            return chosen
    key = _key(word)
    if _known(key, slot) and not _outweighed_middle(key, slot):
        # a real name is never changed alone, not even read with low confidence: on
        # corpora/ocr_names/names_conf.jsonl that changed correct names ("Vân" at 22/100)
        return word, None
    valid = is_vietnamese_syllable(word)
    # family names are a closed list: any other syllable in first place is a misreading
    # (of a family name at least SURNAME_CONFIDENCE probable: the list is not complete);
    # middle and given names are open, a well-formed unknown one may be a rare real name
    budget = 2.0 if (slot == SURNAME or not valid) else 1.0
    ranked = [t for t in weigh(word, slot, conf, choices) if t[1] == key or t[2] <= budget]
    close = [t for t in ranked if t[1] != key]
    if not close:
        return word, None
    post, best, _ = close[0]
    if len(close) > 1 and post < DOMINANCE * close[1][0]:
        return word, None  # "Hung": Hùng or Hưng, no way to tell
    if valid and post < (CONFIDENCE if slot != SURNAME else SURNAME_CONFIDENCE):
        return word, None  # a rare real name is as likely as the slip
    fixed = _match_case(word, best)
    sure = "" if conf is None else f"; OCR tin chữ này {conf:.0f}/100"
    why = (f"{_SLOT_VI[slot]} '{word}' không có trong danh mục tên"
           f"{'' if valid else ', không phải âm tiết tiếng Việt'}; gần nhất: '{fixed}' "
           f"({_cause(key, best)}; khả năng {post:.0%}{sure})")
    return fixed, why


@lru_cache(maxsize=1)
def _highland_words() -> frozenset[str]:
    text = resources.files(__package__).joinpath("data", "minority.txt").read_text(encoding="utf-8")
    words = (w for line in text.splitlines() for w in line.split("#", 1)[0].split())
    return frozenset(w.lower() for w in words)


def _highland(words: Iterable[re.Match[str]]) -> bool:
    """"Y Moan Niê", "H'Hen Niê", "Ksor Krơm": names of other rules, left as read."""
    return _highland_texts([m.group(0) for m in words])


def _highland_texts(texts: Sequence[str]) -> bool:
    return (texts[0] in ("Y", "H") or any("'" in t or "’" in t for t in texts)
            or any(t.lower() in _highland_words() for t in texts))


def _specks(word: str) -> tuple[str, str, str]:
    """(before, core, after): marks OCR read around a word, which no name has ("Xuân.",
    ".Phương", "Hiến”", "Khánh ˆ"); a word with no letter ("__", "-", "ˆ") is all ``before``.
    A modifier letter alone (ˆ, ˜: Unicode Lm) is a mark, not a letter.

    >>> _specks("Hiến”"), _specks(".Phương"), _specks("__"), _specks("ˆ"), _specks("H'Hen")
    (('', 'Hiến', '”'), ('.', 'Phương', ''), ('__', '', ''), ('ˆ', '', ''), ('', "H'Hen", ''))
    """

    def letter(ch: str) -> bool:
        cat = unicodedata.category(ch)
        return cat[0] == "L" and cat != "Lm" or cat == "Nd"

    at = [i for i, ch in enumerate(word) if letter(ch)]
    if not at:
        return word, "", ""
    return word[:at[0]], word[at[0]:at[-1] + 1], word[at[-1] + 1:]


def repair_name(text: str, field: str = "cadre",
                confidences: Sequence[float | None] | None = None,
                choices: Sequence[Symbols | None] | None = None,
                reread: Callable[[], Sequence[Reading]] | None = None) -> tuple[str, tuple[Repair, ...]]:
    """A person's name as read by OCR -> (repaired name, the repairs made).

    The first syllable is the family name, the last the given name, those between are
    middle names. Nothing is changed without a :class:`Repair` saying why. ``confidences``
    (Tesseract's, 0-100, one per word of ``text``, None where unknown) weigh each word's
    slips when given. ``choices`` (one per word, None where unknown): the OCR model's
    alternatives for each character, ``[[(text, confidence 0-1), ...], ...]``
    (``extractor.read.engine.Word.choices``). Marks OCR read around or between the words (specks, dots, rules of
    a table: no name has them) are dropped, each with its repair. ``reread``: a callable
    that reads the name's image again under other conditions (``extractor.read.ocr.reread``),
    called only when the name leaves the repair :func:`unsure`; the readings then vote
    on each syllable (:mod:`.second`).

    >>> name, fixes = repair_name("Trân Văn Đũng")
    >>> name, [(f.original, f.repaired) for f in fixes]
    ('Trần Văn Dũng', [('Trân', 'Trần'), ('Đũng', 'Dũng')])
    >>> repair_name("Nguyễn Thị Trân")
    ('Nguyễn Thị Trân', ())
    >>> name, fixes = repair_name("Hoàng Xuân. __ Tuấn")
    >>> name, [(f.original, f.repaired) for f in fixes]
    ('Hoàng Xuân Tuấn', [('Xuân.', 'Xuân'), ('__', '')])
    """
    words = list(_WORD.finditer(text))
    if confidences is not None and len(confidences) != len(words):
        confidences = None  # not this text's words: no use
    if choices is not None and len(choices) != len(words):
        choices = None
    parts = [_specks(m.group(0)) for m in words]
    kept = [i for i, (_, core, _) in enumerate(parts) if core]
    if len(kept) < 2 or len(kept) > 5:
        return text, ()
    if _highland_texts([parts[i][1] for i in kept]):
        return _foreign_only(text, words, field)
    if len(kept) < len(words) and not all(_LETTERS.match(parts[i][1]) for i in kept):
        return text, ()  # numbers or other marks inside the words: not a name read with specks
    again = _second_readings(text, confidences, choices, reread, kept, parts)
    cases = name_case([parts[i][1] for i in kept])
    out: list[str] = []
    fixes: list[Repair] = []
    last = 0
    for i, m in enumerate(words):
        before, core, after = parts[i]
        if not core:
            fixes.append(Repair(field, m.group(0), "",
                                f"'{m.group(0)}' không phải chữ của tên (OCR đọc vết bẩn hay đường kẻ); bỏ đi"))
            continue
        n = kept.index(i)
        slot = SURNAME if n == 0 else GIVEN if n == len(kept) - 1 else MIDDLE
        symbols: Symbols | None = None
        if choices is not None and choices[i] and not before and not after:
            symbols = choices[i]
        conf = None if confidences is None else confidences[i]
        fixed, why = repair_syllable(core, slot, conf, symbols)
        if again is not None and again[n]:
            fixed, why = _voted(core, slot, (core, conf, symbols), again[n], fixed, why)
        if cases[n] is not None:
            cased = fixed.upper() if cases[n] == "upper" else fixed[:1].upper() + fixed[1:].lower()
            if cased != fixed:
                fixed = cased
                how = "chữ in hoa" if cases[n] == "upper" else "chữ hoa đầu"
                why = (f"{why}; " if why else "") + f"'{core}' viết khác các chữ còn lại của tên: sửa thành {how}"
        # words dropped before this one take their space with them
        out.append((" " if out else "") + fixed if len(kept) < len(words) else text[last:m.start()] + fixed)
        last = m.end()
        if before or after:
            speck = (f"'{before}{after}' quanh '{core}' không thuộc tên (OCR đọc vết bẩn hay dấu câu); bỏ đi")
            why = speck + (f"; {why}" if why else "")
        if why:
            fixes.append(Repair(field, m.group(0), fixed, why))
    repaired = "".join(out) + ("" if len(kept) < len(words) else text[last:])
    return repaired, tuple(fixes)


def _foreign_only(text: str, words: Sequence[re.Match[str]], field: str) -> tuple[str, tuple[Repair, ...]]:
    """A name of other rules ("Siu Doän Thảo Mai"; :func:`_highland`), left as read but
    for letters no name has (:func:`foreign_letters`)."""
    out, fixes, last = [], [], 0
    for m in words:
        found = foreign_letters(m.group(0), None)
        out.append(text[last:m.start()] + (found[0] if found else m.group(0)))
        last = m.end()
        if found:
            fixes.append(Repair(field, m.group(0), found[0], found[1]))
    return "".join(out) + text[last:], tuple(fixes)


# A name is written in one case: every part capitalised, or all in capitals. A part OCR
# read in another case ("kha Tú Trà Dũng", "LÊ Tuyết Tuyết") takes the case of the others
# when at least two others agree and none disagrees.
def _style(word: str) -> str | None:
    if len(word) < 2 or not _LETTERS.match(word):
        return None
    if word.isupper():
        return "upper"
    if word[0].isupper() and word[1:].islower():
        return "title"
    return "lower" if word.islower() else None


def name_case(cores: Sequence[str]) -> list[str | None]:
    """Per word of a name, the case it should be written in ("upper" or "title") where OCR
    read it in another, else None.

    >>> name_case(["kha", "Tú", "Trà", "Dũng"]), name_case(["LÊ", "Tuyết", "Tuyết"])
    (['title', None, None, None], ['title', None, None])
    >>> name_case(["Lê", "VĂN", "TÂM"]), name_case(["Lê", "VĂN", "Tâm"]), name_case(["Y", "Moan", "Niê"])
    (['upper', None, None], [None, 'title', None], [None, None, None])
    """
    styles = [_style(w) for w in cores]
    out: list[str | None] = []
    for i, st in enumerate(styles):
        others = [o for j, o in enumerate(styles) if j != i and o is not None]
        want = others[0] if others and all(o == others[0] for o in others) else None
        out.append(want if st is not None and len(others) >= 2 and want in ("upper", "title") and st != want
                   else None)
    return out


def _second_readings(text: str, confidences: Sequence[float | None] | None,
                     choices: Sequence[Symbols | None] | None, reread: Callable[[], Sequence[Reading]] | None,
                     kept: list[int], parts: list[tuple[str, str, str]]) -> list[list[Observation]] | None:
    """Per kept word of the name, what the second readings saw there (:func:`.second.aligned`,
    specks taken off as from the first); None when no second reading is wanted or had."""
    if reread is None or not unsure(text, confidences, choices):
        return None
    cores: list[Reading] = []
    for again, confs, alts in reread():
        words = _WORD.findall(again)
        split = [_specks(w) for w in words]
        keep = [j for j, (_, core, _) in enumerate(split) if core]
        # alternatives only for a word read without specks, as for the first reading
        cores.append((" ".join(split[j][1] for j in keep),
                      [confs[j] for j in keep] if confs is not None and len(confs) == len(words) else None,
                      [alts[j] if not split[j][0] and not split[j][2] else None for j in keep]
                      if alts is not None and len(alts) == len(words) else None))
    first_conf = [confidences[i] for i in kept] if confidences is not None else None
    first: Reading = (" ".join(parts[i][1] for i in kept), first_conf, None)
    return aligned(len(kept), cores, first)


def _voted(core: str, slot: str, first: Observation, others: list[Observation], fixed: str,
           why: str | None) -> tuple[str, str | None]:
    """The first repair's (syllable, reason) for ``core``, or the part the readings
    voted for (:func:`.second.vote`) when it differs and is likely enough, with why."""
    best, p, votes = vote(first, others, slot, _key(fixed))
    # a real name read as itself is kept unless most readings read the other part
    real = fixed == core and _known(_key(core), slot) and not _outweighed_middle(_key(core), slot)
    share = VOTE_READS_KNOWN if real else VOTE_READS
    if best == _key(fixed) or p < VOTE_CONFIDENCE or votes < share * (len(others) + 1):
        return fixed, why
    if confusion_cost(_key(core), best) > 2.0 and votes <= 0.5 * (len(others) + 1):
        # no slip turns the one into the other ("Ngã" read again as "Thanh": a word of the
        # line put in the wrong place): only most of the readings may say so
        return fixed, why
    voted = _match_case(core, best)
    if voted == core:
        return core, None  # the readings took back the first repair
    seen = ", ".join(f"'{w}'" for w, _, _ in others)
    return voted, (f"{_SLOT_VI[slot]} '{core}': đọc lại ảnh của tên {len(others)} lần ({seen}); "
                   f"{votes}/{len(others) + 1} lần đọc thấy '{voted}' ({_cause(_key(core), best)}; "
                   f"khả năng {p:.0%} theo danh mục tên và độ tin của OCR)"
                   + (f"; thay cho sửa lần đầu '{fixed}'" if fixed != core else ""))


# ------------------------------------------------------------------------------ titles


@lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[str, ...], ...]:
    text = resources.files(__package__).joinpath("data", "titles.txt").read_text(encoding="utf-8")
    out: list[tuple[str, ...]] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(tuple(line.split()))
    return tuple(sorted(out, key=len, reverse=True))


@lru_cache(maxsize=1)
def _phrase_grams() -> frozenset[tuple[str, ...]]:
    """Every run of words inside a known phrase, as keys."""
    out: set[tuple[str, ...]] = set()
    for p in _phrases():
        k = [_key(w) for w in p]
        out.update(tuple(k[a:b]) for a in range(len(k)) for b in range(a + 1, len(k) + 1))
    return frozenset(out)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(_key(w) for p in _phrases() for w in p)


def repair_title(text: str, field: str = "position") -> tuple[str, tuple[Repair, ...]]:
    """A title or body as read by OCR -> (repaired text, repairs), phrase by phrase.

    A run of words is repaired to a known phrase ("Chủ tịch", "Ủy ban nhân dân") when the
    words differ from it only by OCR slips, at most one slip a word and in at most half
    of its words; a damaged word that is a title word itself ("Chỉ" for "Chi" in "Chi
    bộ") only when it is the one slip and the words as read are in no known phrase.
    Place names and other words stay as read.

    >>> repair_title("Phó Chù tịch UBND xã Hòa Phú")[0]
    'Phó Chủ tịch UBND xã Hòa Phú'
    >>> repair_title("Bí thư Đảng ủy xã Kiên Đài")
    ('Bí thư Đảng ủy xã Kiên Đài', ())
    """
    words = list(_WORD.finditer(text))
    known = _title_words()
    grams = _phrase_grams()
    repl: dict[int, str] = {}
    i = 0
    while i < len(words):
        step = 1
        for phrase in _phrases():
            n = len(phrase)
            if n < 2 or i + n > len(words):
                continue
            read = [words[i + j].group(0) for j in range(n)]
            costs = [confusion_cost(_key(r), _key(p)) for r, p in zip(read, phrase, strict=True)]
            if sum(costs) == 0:  # the phrase as written: nothing to repair inside it
                step = n
                break
            damaged = [j for j, c in enumerate(costs) if c]
            if max(costs) > 1 or len(damaged) * 2 > n or any(not _LETTERS.match(read[j]) for j in damaged):
                continue
            # a damaged word that is itself a title word ("Chỉ" of "Chỉ huy") is repaired only
            # alone in its phrase, and when the words as read are no part of a known phrase
            if any(_key(read[j]) in known for j in damaged) and (
                    len(damaged) > 1 or tuple(_key(r) for r in read) in grams):
                continue
            for j in damaged:
                repl[i + j] = phrase[j]
            step = n
            break
        i += step
    if not repl:
        return text, ()
    out: list[str] = []
    fixes: list[Repair] = []
    last = 0
    for i, m in enumerate(words):
        fixed = repl.get(i, m.group(0))
        if i in repl:
            fixed = _keep_case(m.group(0), repl[i])
            fixes.append(Repair(field, m.group(0), fixed,
                                f"'{m.group(0)}' trong cụm chức danh/cơ quan đã biết; sửa: '{fixed}' "
                                f"({_cause(_key(m.group(0)), _key(fixed))})"))
        out.append(text[last:m.start()] + fixed)
        last = m.end()
    return "".join(out) + text[last:], tuple(fixes)


def _keep_case(read: str, phrase_word: str) -> str:
    """The phrase's letters in the case the page used ("CHỦ" stays in capitals)."""
    if read.isupper() and len(read) > 1:
        return phrase_word.upper()
    if read[:1].isupper():
        return phrase_word[:1].upper() + phrase_word[1:]
    return phrase_word[:1].lower() + phrase_word[1:]


# ------------------------------------------------------------------------- assignments


def _repair_field(f: Field | None, name: str,
                  fn: Callable[[str, str], tuple[str, tuple[Repair, ...]]]) -> tuple[Field | None, tuple[Repair, ...]]:
    if f is None or not f.text:
        return f, ()
    text, fixes = fn(f.text, name)
    if not fixes:
        return f, ()
    return replace(f, text=text, source=f"{f.source}+repair"), fixes


def name_confidences(document: Document | None, f: Field | None) -> list[float | None] | None:
    """Tesseract's confidence in each word of a field's text, from the page it was read on
    (``Page.word_confidences`` at the field's span): [conf or None, ...] one per word, the
    lowest where OCR's words and the field's differ; None without a span, a page or any
    confidence, or when the text at the span no longer has the field's words.

    >>> from extractor.records import Document, Page, Span
    >>> doc = Document("s.pdf", "", "pdf", (Page(1, "ông Trân Văn Hùng", ocr=True,
    ...                 word_confidences=((0, 3, 90.0), (4, 8, 41.0), (9, 12, 93.0), (13, 17, 95.0))),))
    >>> name_confidences(doc, Field("Trân Văn Hùng", Span(1, 4, 17)))
    [41.0, 93.0, 95.0]
    """
    if document is None or f is None or f.span is None:
        return None
    page = next((p for p in document.pages if p.number == f.span.page), None)
    if page is None or not page.word_confidences:
        return None
    read = list(_WORD.finditer(page.text[f.span.start:f.span.end]))
    if len(read) != len(_WORD.findall(f.text)):
        return None
    confs = page.word_confidences
    out: list[float | None] = []
    for m in read:
        a, b = f.span.start + m.start(), f.span.start + m.end()
        # words start in order: those overlapping [a, b) start before b, end after a
        hits = [c for s, e, c in confs[max(0, bisect_left(confs, (a,)) - 3):bisect_left(confs, (b,))]
                if s < b and e > a and c >= 0]
        out.append(min(hits) if hits else None)
    return out if any(c is not None for c in out) else None


def _field_boxes(document: Document | None, f: Field | None, keep: Callable[[WordBox], bool]
                 ) -> tuple[list[re.Match[str]], dict[tuple[int, int], WordBox]] | None:
    """The words of a field's text as read at its span, and the OCR'd table cells' word
    boxes there that ``keep`` wants, by their offsets in the page; None without a span, a
    page or tables, or when the text at the span no longer has the field's words."""
    if document is None or f is None or f.span is None or not document.tables:
        return None
    page = next((p for p in document.pages if p.number == f.span.page), None)
    if page is None:
        return None
    read = list(_WORD.finditer(page.text[f.span.start:f.span.end]))
    if len(read) != len(_WORD.findall(f.text)):
        return None
    at: dict[tuple[int, int], WordBox] = {}
    for table in document.tables:
        if table.page != f.span.page or table.span.end <= f.span.start or table.span.start >= f.span.end:
            continue
        for row in table.rows:
            for cell in row:
                if isinstance(cell, OcrCell):
                    for w in cell.words:
                        if w.start >= 0 and keep(w):
                            at[(cell.span.start + w.start, cell.span.start + w.end)] = w
    return read, at


def name_choices(document: Document | None, f: Field | None) -> list[Symbols | None] | None:
    """The OCR model's alternatives for each character of each word of a field's text,
    from the OCR'd table cells it was read from (``WordBox.choices`` at the field's
    span, :mod:`extractor.read.boxes`): [per-character alternatives or None, ...] one
    per word; None where a word of the field is not the word OCR read there (joined,
    split or changed by normalisation: the alternatives would not line up), and None
    for the whole when no word has any.

    >>> from extractor.records import Document, Page, Span, Table
    >>> from extractor.read.boxes import OcrCell, WordBox
    >>> alt = ((("T", .9),), (("r", .9),), (("â", .9), ("ầ", .6)), (("n", .9),))
    >>> words = (WordBox("Trân", 1, 0, 0, 9, 9, 60.0, 0, 4, alt), WordBox("Văn", 1, 0, 0, 9, 9, 95.0, 5, 8))
    >>> cell = OcrCell("Trân Văn", 1, 1, Span(1, 10, 18), words=words)
    >>> doc = Document("s.pdf", "", "pdf", (Page(1, "Họ và tên\\nTrân Văn", ocr=True),),
    ...                tables=(Table(1, ((cell,),), Span(1, 10, 18)),))
    >>> [c is not None for c in name_choices(doc, Field("Trân Văn", Span(1, 10, 18)))]
    [True, False]
    """
    found = _field_boxes(document, f, lambda w: bool(w.choices))
    if found is None:
        return None
    read, at = found
    assert f is not None and f.span is not None  # _field_boxes found the field's page
    out: list[Symbols | None] = []
    for m in read:
        box = at.get((f.span.start + m.start(), f.span.start + m.end()))
        if box is None or unicodedata.normalize("NFC", box.text) != m.group(0):
            out.append(None)
            continue
        out.append(tuple(tuple(_reading(c) for c in sym) for sym in box.choices))
    return out if any(c is not None for c in out) else None


def name_rereads(document: Document | None, f: Field | None) -> Callable[[], list[Reading]] | None:
    """The second readings of a field's name that the reader stored on its words
    (``WordBox.rereads``: the lines of names it judged the repair would be unsure of,
    read again under other conditions while it had the cleaned image,
    ``extractor.read.ocr.reread.read_lines_again``), as :func:`repair_name` takes them: a
    callable giving one reading of the whole name per condition (text, each word's
    confidence, each word's characters' alternatives). None unless every word of the
    field is a word OCR read there and carries them. No image is touched here.

    >>> from extractor.records import Document, Page, Span, Table
    >>> from extractor.read.boxes import OcrCell, WordBox
    >>> again = (((("Trần", 93.0, ()),), (("Trần", 95.0, ()),), (("Trân", 80.0, ()),)))
    >>> words = (WordBox("Trân", 1, 0, 0, 9, 9, 60.0, 0, 4, rereads=again),
    ...          WordBox("Văn", 1, 0, 0, 9, 9, 95.0, 5, 8, rereads=((("Văn", 96.0, ()),),) * 3))
    >>> cell = OcrCell("Trân Văn", 1, 1, Span(1, 10, 18), words=words)
    >>> doc = Document("s.pdf", "", "pdf", (Page(1, "Họ và tên\\nTrân Văn", ocr=True),),
    ...                tables=(Table(1, ((cell,),), Span(1, 10, 18)),))
    >>> [text for text, _, _ in name_rereads(doc, Field("Trân Văn", Span(1, 10, 18)))()]
    ['Trần Văn', 'Trần Văn', 'Trân Văn']
    """
    found_boxes = _field_boxes(document, f, lambda w: bool(w.rereads))
    if found_boxes is None or not found_boxes[0]:
        return None
    read, at = found_boxes
    assert f is not None and f.span is not None  # _field_boxes found the field's page
    boxes = [at.get((f.span.start + m.start(), f.span.start + m.end())) for m in read]
    found = [b for b in boxes if b is not None]
    if len(found) < len(boxes) or len({len(b.rereads) for b in found}) != 1:
        return None
    readings_: list[Reading] = []
    for c in range(len(found[0].rereads)):
        seen = [w for b in found for w in b.rereads[c]]
        readings_.append((" ".join(t for t, _, _ in seen), [conf for _, conf, _ in seen],
                          [tuple(tuple(_reading(ch) for ch in sym) for sym in alts) or None for _, _, alts in seen]))
    return lambda: readings_


def _reading(c: Choice | tuple[str, float]) -> tuple[str, float]:
    """One reading of a character as (text, confidence 0-1): the engine's ``Choice``, or
    a pair already (as tests and JSON carry them)."""
    return (c.text, c.prob) if isinstance(c, Choice) else (c[0], c[1])


def repair_assignments(assignments: Iterable[Assignment], document: Document | None = None,
                       reread: Callable[[Field], Callable[[], Sequence[Reading]] | None] | None = None,
                       ) -> list[Assignment]:
    """Assignments of one document with cadre, position and unit repaired, each repair attached.

    Names are repaired alone and then against each other (:mod:`.document`): a name read
    damaged here and clean elsewhere in the same document is repaired to the clean one.
    With the ``document`` they were found in, Tesseract's confidence in each word of a
    name (:func:`name_confidences`) weighs its slips, and the OCR model's alternatives
    for its characters (:func:`name_choices`) are the strongest evidence, and the second
    readings the reader stored on a name's words (:func:`name_rereads`) vote with the
    first when the repair is unsure of it (:mod:`.second`). ``reread``, instead of
    those: given a cadre's field, a callable reading its image again
    (``extractor.read.ocr.reread.box_reader``) or None (a bench's). The field's span still points at
    the text as read: ``page.text[span]`` equals the repair's ``original`` joined back,
    so the reviewer sees both.

    >>> from extractor.records import Assignment, Field, Task
    >>> a = repair_assignments([Assignment(Field("Trân Văn Hùng"), (Task("x"),))])[0]
    >>> a.cadre.text, [r.original for r in a.repairs]
    ('Trần Văn Hùng', ['Trân'])
    """
    assignments = list(assignments)
    named = [i for i, a in enumerate(assignments) if a.cadre is not None and a.cadre.text]
    repaired = repair_names_in_document([assignments[i].cadre.text for i in named],
                                        confidences=[name_confidences(document, assignments[i].cadre)
                                                     for i in named],
                                        choices=[name_choices(document, assignments[i].cadre) for i in named],
                                        rereads=[reread(assignments[i].cadre) if reread is not None
                                                 else name_rereads(document, assignments[i].cadre)
                                                 for i in named])
    names = dict(zip(named, repaired, strict=True))
    out = []
    for i, a in enumerate(assignments):
        cadre, c = a.cadre, tuple[Repair, ...]()
        if i in names and names[i][1]:
            text, c = names[i]
            cadre = replace(a.cadre, text=text, source=f"{a.cadre.source}+repair")
        position, p = _repair_field(a.position, "position", repair_title)
        unit, u = _repair_field(a.unit, "unit", repair_title)
        fixes = c + p + u
        if fixes:
            a = replace(a, cadre=cadre, position=position, unit=unit, repairs=a.repairs + fixes)
        out.append(a)
    return out
