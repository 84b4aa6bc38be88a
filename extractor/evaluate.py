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

import json
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz

from extractor.records import JsonObject

T = TypeVar("T")
# Counts of one or more documents (FIELDS), and scores (SCORE_KEYS, with "docs" and "unread").
Tally = dict[str, int]
Scores = dict[str, float]

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


def _period(p: JsonObject | None) -> tuple[int | None, int | None] | None:
    return (p.get("start"), p.get("end")) if p else None


def pair_up(gold: Sequence[T], pred: Sequence[T], score: Callable[[T, T], float],
            cutoff: float) -> list[tuple[int, int]]:
    """One-to-one matching, best score first (ties: higher gold index, then pred index first,
    as a reverse sort of (score, gi, pi) tuples gives)."""
    cands = sorted(((score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
                   reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for s, gi, pi in cands:
        if s < cutoff or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def _task_text(t: JsonObject | str) -> str:
    if isinstance(t, str):
        return t
    text: str = t["text"]
    return text


def score_document(gold: list[JsonObject], pred: list[JsonObject], tally: Tally) -> None:
    """Add one document's counts to ``tally`` (gold and pred: lists of assignment dicts)."""
    tally["gold_cadres"] += len(gold)
    tally["pred_cadres"] += len(pred)
    tally["gold_pairs"] += sum(len(a.get("tasks") or []) for a in gold)
    tally["pred_pairs"] += sum(len(a.get("tasks") or []) for a in pred)
    def tasks_of(a: JsonObject) -> list[str]:
        return [key(_task_text(t)) for t in a.get("tasks") or []]

    def same_name(g: JsonObject, p: JsonObject) -> float:
        """100 for the same name; ties (one person with a record per period) go to the record
        with the same period and the most tasks in common, as the reference scorer does."""
        if key(g.get("cadre")) != key(p.get("cadre")):
            return 0.0
        gt, pt = tasks_of(g), tasks_of(p)
        common = len(pair_up(gt, pt, fuzz.ratio, 80.0)) / max(len(gt), len(pt), 1)
        return 100.0 + 0.5 * common + 0.4 * (_period(g.get("period")) == _period(p.get("period")))

    for gi, pi in pair_up(gold, pred, same_name, 100.0):
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
        tally["pair_hits"] += len(pair_up(tasks_of(g), tasks_of(p), fuzz.ratio, 80.0))


def _f1(hits: int, gold: int, pred: int) -> tuple[float, float, float]:
    p = hits / pred if pred else (1.0 if not gold else 0.0)
    r = hits / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def new_tally() -> Tally:
    return dict.fromkeys(FIELDS, 0)


def summarize(tally: Tally) -> Scores:
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


def score(golds: dict[str, list[JsonObject]], preds: dict[str, JsonObject]) -> Scores:
    """Score predictions (contract objects by document stem) against gold assignments by stem."""
    tally = new_tally()
    for name in sorted(golds):
        pred = preds.get(name)
        tally["docs"] += 1
        if pred is None or pred.get("error"):
            tally["missing"] += 1
        score_document(golds[name], (pred or {}).get("assignments") or [], tally)
    return summarize(tally)


# ------------------------------------------------------------------ folders and folds
def documents_for(gold_dir: Path) -> list[Path]:
    """The document beside each NAME.gold.json (the first NAME.* that is not gold)."""
    out = []
    for gold in sorted(Path(gold_dir).glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        cands = sorted(p for p in gold.parent.glob(stem + ".*") if not p.name.endswith(".gold.json")
                       and p.name.split(".")[0] == stem)
        if cands:
            out.append(cands[0])
    return out


def load_golds(gold_dir: Path) -> dict[str, list[JsonObject]]:
    """Gold assignments by document stem (``NAME`` of ``NAME.gold.json``)."""
    return {g.name.split(".")[0]: json.loads(g.read_text(encoding="utf-8"))["assignments"]
            for g in sorted(Path(gold_dir).glob("*.gold.json"))}


def batch_of(stem: str) -> str:
    """The batch a document belongs to: its name's leading letters ("ta" of "ta001")."""
    m = re.match(r"[^\W\d_]+", stem)
    return m.group(0) if m else ""


def split_folds(stems: Sequence[str], k: int, *, seed: int = 0) -> list[list[str]]:
    """Split documents into ``k`` folds, the same for the same seed, each batch (see
    :func:`batch_of`) dealt round the folds so that every fold gets its share of it.

    >>> stems = [f"ta{i:03}" for i in range(6)] + ["tb001", "tb002"]
    >>> [len(f) for f in split_folds(stems, 3)], split_folds(stems, 3) == split_folds(stems, 3)
    ([3, 3, 2], True)
    """
    if k < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, not {k}")
    if len(stems) < k:
        raise ValueError(f"{len(stems)} documents cannot make {k} folds")
    rng = random.Random(seed)
    folds: list[list[str]] = [[] for _ in range(k)]
    turn = 0  # carried across batches so that the folds' sizes differ by one at most
    for batch in sorted({batch_of(s) for s in stems}):
        members = sorted(s for s in stems if batch_of(s) == batch)
        rng.shuffle(members)
        for stem in members:
            folds[turn % k].append(stem)
            turn += 1
    return [sorted(f) for f in folds]


SCORE_KEYS = ("record_precision", "record_recall", "record_f1", "cadre_precision", "cadre_recall",
              "cadre_f1", "role_accuracy", "period_accuracy")


def mean_scores(results: Sequence[Scores]) -> Scores:
    """The mean of several score dicts (cross-validation folds), rounded as the scorer rounds."""
    out: Scores = {"docs": sum(r["docs"] for r in results), "unread": sum(r["unread"] for r in results)}
    for k in SCORE_KEYS:
        out[k] = round(sum(r[k] for r in results) / len(results), 3)
    return out


def document_tally(gold: list[JsonObject], pred: list[JsonObject]) -> Tally:
    """One document's counts (see :func:`score_document`)."""
    t = new_tally()
    t["docs"] = 1
    score_document(gold, pred, t)
    return t


def is_exact(t: Tally) -> bool:
    """A document's tally says its records are exactly the gold's: the same cadres, every gold
    (cadre, task) pair found and no other, role and period right where gold gives them."""
    return (t["cadre_hits"] == t["gold_cadres"] == t["pred_cadres"]
            and t["pair_hits"] == t["gold_pairs"] == t["pred_pairs"]
            and t["role_hits"] == t["role_total"] and t["period_hits"] == t["period_total"])


def describe_tally(t: Tally) -> str:
    """One line for a document's misses: "pairs 3/5 gold, 4 pred; cadres 2/2, 3 pred; …"."""
    return (f"pairs {t['pair_hits']}/{t['gold_pairs']} gold, {t['pred_pairs']} pred; "
            f"cadres {t['cadre_hits']}/{t['gold_cadres']}, {t['pred_cadres']} pred; "
            f"role {t['role_hits']}/{t['role_total']}; period {t['period_hits']}/{t['period_total']}")
