"""How likely OCR is to read one syllable for another: a noisy channel learned from labelled reads.

:mod:`.confusion` says which syllables an OCR slip *could* turn into the one read; this
module says how *often* each slip happens, so a tie between candidates at the same
confusion cost can be broken by which slip Tesseract really makes. Its slips are not
symmetric: it reads the grave tone over a circumflex as an acute (``Trần`` -> ``Trấn``)
far more often than the reverse, a hook as an acute (``Chẩu`` -> ``Chấu``), and drops a
dot below (``Tỵ`` -> ``Ty``) more often than it adds one.

The counts (``data/channel.json``) are learned by :func:`learn` from names rendered,
degraded and OCR'd with their truth (``python -m extractor.repair.build``): for every
syllable whose letters were read in the right order, which tone mark was read for which,
and which vowel modifier or stroke of đ for which. Any other slip (a letter read for
another) falls back to the confusion cost.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from .confusion import confusion_cost, units

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, huyền, sắc, hỏi, ngã, nặng
TONE_VI = dict(zip(TONES, ("không dấu", "huyền", "sắc", "hỏi", "ngã", "nặng"), strict=True))
_NAME = dict(zip(TONES, ("none", "grave", "acute", "hook", "tilde", "dot"), strict=True))  # JSON keys
# The modifiers each base letter can carry (dấu mũ, móc, trăng, gạch ngang of đ).
MODIFIERS = {"a": ("", "^", "("), "e": ("", "^"), "o": ("", "^", "+"), "u": ("", "+"), "d": ("", "-")}
CONF_BINS = (30, 50, 70, 80, 90, 95)  # bands of Tesseract's word confidence (0-100)
SMOOTH = 0.5  # add-half smoothing: a slip never seen is rare, not impossible
OTHER_SLIP = math.log(0.004)  # log-probability of one unit of any other confusion cost


def _aligned(read: str, true: str) -> tuple[tuple[str, str], list[tuple[str, str, str]]] | None:
    """((true tone, read tone), [(base, true modifier, read modifier), ...]) when the read
    has the truth's letters in order (only marks differ), else None."""
    ru, rt, rc = units(read)
    tu, tt, tc = units(true)
    if rc > 1 or tc > 1 or len(ru) != len(tu) or any(a[0] != b[0] for a, b in zip(ru, tu, strict=True)):
        return None
    mods = [(b, m, n) for (b, n), (_, m) in zip(ru, tu, strict=True) if b in MODIFIERS]
    return (tt or "", rt or ""), mods


def _bin(conf: float) -> str:
    return next((f"<{b}" for b in CONF_BINS if conf < b), f">={CONF_BINS[-1]}")


def learn(pairs: Iterable[tuple[Any, ...]]) -> dict[str, Any]:
    """Counts of tone and modifier slips from (read syllable, true syllable[, confidence])
    tuples, lower case; with confidences, how often a syllable read right and one read
    wrong had each band of Tesseract's word confidence."""
    tones: Counter[str] = Counter()
    mods: Counter[str] = Counter()
    conf: Counter[str] = Counter()
    for read, true, *rest in pairs:
        if rest and rest[0] is not None:
            conf[f"{'right' if read == true else 'slip'} {_bin(float(rest[0]))}"] += 1
        got = _aligned(read, true)
        if got is None:
            continue
        (tt, rt), ms = got
        tones[f"{_NAME[tt]}>{_NAME[rt]}"] += 1
        for base, m, n in ms:
            mods[f"{base}{m}>{n}"] += 1
    out = {"tones": dict(sorted(tones.items())), "modifiers": dict(sorted(mods.items()))}
    if conf:
        out["confidence"] = dict(sorted(conf.items()))
    return out


_ABOVE = {"\u0300", "\u0301", "\u0309", "\u0303"}  # tone marks written above the vowel


def _mark_for_mark(true_tone: str, read_tone: str, mod: tuple[str, str, str]) -> bool:
    """A circumflex or breve read as a tone mark above the vowel, or the reverse."""
    _, true_mod, read_mod = mod
    return ((true_tone == "" and read_tone in _ABOVE and true_mod in ("^", "(") and read_mod == "")
            or (read_tone == "" and true_tone in _ABOVE and read_mod in ("^", "(") and true_mod == ""))


class Channel:
    """log P(read | true) for one syllable, from slip counts."""

    def __init__(self, counts: dict[str, Any]):
        self.tone = {}
        t = counts.get("tones", {})
        for a in TONES:
            row = {b: t.get(f"{_NAME[a]}>{_NAME[b]}", 0) + SMOOTH for b in TONES}
            total = sum(row.values())
            self.tone.update({(a, b): math.log(v / total) for b, v in row.items()})
        self.mod = {}
        m = counts.get("modifiers", {})
        for base, options in MODIFIERS.items():
            for a in options:
                row = {b: m.get(f"{base}{a}>{b}", 0) + SMOOTH for b in options}
                total = sum(row.values())
                self.mod.update({(base, a, b): math.log(v / total) for b, v in row.items()})

        c = counts.get("confidence", {})
        bands = [_bin(b - 1) for b in CONF_BINS] + [f">={CONF_BINS[-1]}"]
        right = {b: c.get(f"right {b}", 0) + SMOOTH for b in bands}
        slip = {b: c.get(f"slip {b}", 0) + SMOOTH for b in bands}
        self.has_confidence = bool(c)
        self.conf = {b: math.log(slip[b] / sum(slip.values())) - math.log(right[b] / sum(right.values()))
                     for b in bands}

    def confidence_ratio(self, conf: float | None) -> float:
        """log P(this confidence | a slip) - log P(it | read right) where slips are likelier
        (low confidence), else 0: Tesseract is often sure of a word it read wrong (a dot
        below dropped: "Ty" for "Tỵ" at 96/100), so a high confidence is no evidence of a
        clean read."""
        if conf is None or not self.has_confidence:
            return 0.0
        return max(0.0, self.conf[_bin(conf)])

    def logp(self, read: str, true: str) -> float:
        """log-probability that OCR reads ``true`` as ``read`` (lower-case syllables)."""
        got = _aligned(read, true)
        if got is not None:
            (tt, rt), ms = got
            changed = [(b, m, n) for b, m, n in ms if m != n]
            if len(changed) == 1 and _mark_for_mark(tt, rt, changed[0]):
                # one mark above the vowel read as another ("Ngô" -> "Ngõ"): a single slip
                ms = [t for t in ms if t[1] == t[2]]
            return self.tone[(tt, rt)] + sum(self.mod.get((b, m, n), OTHER_SLIP) for b, m, n in ms)
        # letters read for others: each unit of confusion cost is a rare slip
        read_tone, true_tone = units(read)[1] or "", units(true)[1] or ""
        tone = self.tone.get((true_tone, read_tone), OTHER_SLIP)
        rest = confusion_cost(read, true) - (1.0 if read_tone != true_tone else 0.0)
        return tone + max(rest, 1.0) * OTHER_SLIP


@lru_cache(maxsize=1)
def channel() -> Channel:
    """The channel of ``data/channel.json`` (an empty one, all slips equally rare, without it)."""
    path = resources.files(__package__).joinpath("data", "channel.json")
    counts = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return Channel(counts)
