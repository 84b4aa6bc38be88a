"""Scores of the extraction contract, with the same definitions as the reference scorer
``../shared/tools/score.py`` (CONTRACT.md "Score"), so ``giaoviec eval`` and the scorer
agree to the last digit (a test checks it).

- record F1: (cadre, task) pairs; a task matches a gold task of the same cadre when
  ``rapidfuzz.fuzz.ratio >= 80`` on comparison keys, one-to-one, best first;
- cadre F1: assignments matched by name key;
- role accuracy: ``position + " " + unit`` with ``fuzz.token_set_ratio >= 80``;
- period accuracy: start and end equal, among gold periods that are not null.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
FIELDS = ("gold_cadres pred_cadres cadre_hits role_total role_hits period_total period_hits "
          "gold_pairs pred_pairs pair_hits docs missing").split()


def key(text: str | None) -> str:
    """Comparison key: NFC, tone marks moved to the end of each syllable, case folded,
    punctuation and spaces collapsed.

    >>> key("Uỷ ban  Hoà-Phú") == key("ủy ban hòa phú")
    True
    """
    if not text:
        return ""
    words = []
    for word in re.split(r"[\W_]+", unicodedata.normalize("NFC", text.casefold())):
        if not word:
            continue
        decomposed = unicodedata.normalize("NFD", word)
        tones = "".join(c for c in decomposed if c in TONES)
        bare = "".join(c for c in decomposed if c not in TONES)
        words.append(unicodedata.normalize("NFC", bare) + tones)
    return " ".join(words)


def _period(p: dict | None) -> tuple | None:
    return (p.get("start"), p.get("end")) if p else None


def pair_up(gold: list, pred: list, score, cutoff: float) -> list[tuple[int, int]]:
    """One-to-one matching, best score first (ties: higher gold index, then pred index first,
    as a reverse sort of (score, gi, pi) tuples gives)."""
    cands = sorted(((score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
                   reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for s, gi, pi in cands:
        if s < cutoff or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def _task_text(t) -> str:
    return t["text"] if isinstance(t, dict) else t


def score_document(gold: list[dict], pred: list[dict], tally: dict) -> None:
    """Add one document's counts to ``tally`` (gold and pred: lists of assignment dicts)."""
    tally["gold_cadres"] += len(gold)
    tally["pred_cadres"] += len(pred)
    tally["gold_pairs"] += sum(len(a.get("tasks") or []) for a in gold)
    tally["pred_pairs"] += sum(len(a.get("tasks") or []) for a in pred)
    same = lambda g, p: 100.0 if key(g.get("cadre")) == key(p.get("cadre")) else 0.0  # noqa: E731
    for gi, pi in pair_up(gold, pred, same, 100.0):
        g, p = gold[gi], pred[pi]
        tally["cadre_hits"] += 1
        role_g = key(f"{g.get('position') or ''} {g.get('unit') or ''}")
        role_p = key(f"{p.get('position') or ''} {p.get('unit') or ''}")
        if role_g:
            tally["role_total"] += 1
            tally["role_hits"] += fuzz.token_set_ratio(role_g, role_p) >= 80
        if _period(g.get("period")) is not None:
            tally["period_total"] += 1
            tally["period_hits"] += _period(g.get("period")) == _period(p.get("period"))
        gt = [key(_task_text(t)) for t in g.get("tasks") or []]
        pt = [key(_task_text(t)) for t in p.get("tasks") or []]
        tally["pair_hits"] += len(pair_up(gt, pt, fuzz.ratio, 80.0))


def _f1(hits: int, gold: int, pred: int) -> tuple[float, float, float]:
    p = hits / pred if pred else (1.0 if not gold else 0.0)
    r = hits / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def new_tally() -> dict:
    return dict.fromkeys(FIELDS, 0)


def summarize(tally: dict) -> dict:
    """The scorer's result dict from a tally.

    >>> t = new_tally(); score_document([{"cadre": "A B", "tasks": [{"text": "x y"}]}],
    ...                                [{"cadre": "a b", "tasks": [{"text": "x y"}]}], t)
    >>> summarize(t)["record_f1"], summarize(t)["cadre_f1"]
    (1.0, 1.0)
    """
    rp, rr, rf = _f1(tally["pair_hits"], tally["gold_pairs"], tally["pred_pairs"])
    cp, cr, cf = _f1(tally["cadre_hits"], tally["gold_cadres"], tally["pred_cadres"])
    return {
        "docs": tally["docs"], "unread": tally["missing"],
        "record_precision": round(rp, 3), "record_recall": round(rr, 3), "record_f1": round(rf, 3),
        "cadre_precision": round(cp, 3), "cadre_recall": round(cr, 3), "cadre_f1": round(cf, 3),
        "role_accuracy": round(tally["role_hits"] / tally["role_total"], 3) if tally["role_total"] else 0.0,
        "period_accuracy": round(tally["period_hits"] / tally["period_total"], 3) if tally["period_total"] else 0.0,
    }


def score(golds: dict[str, list[dict]], preds: dict[str, dict]) -> dict:
    """Score predictions (contract objects by document stem) against gold assignments by stem."""
    tally = new_tally()
    for name in sorted(golds):
        pred = preds.get(name)
        tally["docs"] += 1
        if pred is None or pred.get("error"):
            tally["missing"] += 1
        score_document(golds[name], (pred or {}).get("assignments") or [], tally)
    return summarize(tally)
