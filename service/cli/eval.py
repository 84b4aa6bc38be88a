"""``giaoviec eval GOLD_DIR [FILES...]``: extract and score against NAME.gold.json.

Scores are those of ``../shared/tools/score.py`` (see :mod:`extractor.evaluate`).
Without FILES every ``NAME.*`` that has a ``NAME.gold.json`` in GOLD_DIR is read.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("eval", help="chấm điểm trích xuất so với bản chuẩn (gold)",
                              description="Extract documents and score them against NAME.gold.json files.")
    p.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    p.add_argument("files", nargs="*", type=Path, metavar="FILES",
                   help="documents to score (default: every NAME.* with a NAME.gold.json)")
    p.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    p.add_argument("--pred", type=Path, default=None, help="also write the predictions (JSON Lines) here")
    p.add_argument("--model", type=Path, default=None, help="trained pipeline folder")
    p.add_argument("--errors", action="store_true", help="list per-document misses on stderr")
    p.set_defaults(func=run)


def documents_for(gold_dir: Path) -> list[Path]:
    """The document beside each NAME.gold.json (the first NAME.* that is not gold)."""
    out = []
    for gold in sorted(gold_dir.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        cands = sorted(p for p in gold_dir.glob(stem + ".*") if not p.name.endswith(".gold.json")
                       and p.name.split(".")[0] == stem)
        if cands:
            out.append(cands[0])
    return out


def run(args: argparse.Namespace) -> int:
    from extractor.config import ExtractorConfig
    from extractor.evaluate import score
    from extractor.pipeline import extract

    if not args.gold_dir.is_dir():
        print(f"giaoviec eval: {args.gold_dir} is not a folder of NAME.gold.json files", file=sys.stderr)
        return 2
    config = ExtractorConfig(model_dir=args.model) if args.model else ExtractorConfig()
    files = args.files or documents_for(args.gold_dir)
    golds = {}
    for g in sorted(args.gold_dir.glob("*.gold.json")):
        golds[g.name.split(".")[0]] = json.loads(g.read_text(encoding="utf-8"))["assignments"]
    if args.files:  # score only the documents given
        stems = {f.name.split(".")[0] for f in files}
        golds = {k: v for k, v in golds.items() if k in stems}
    preds = {}
    lines = []
    for f in files:
        obj = extract(str(f), config=config).to_dict()
        preds[f.name.split(".")[0]] = obj
        lines.append(json.dumps(obj, ensure_ascii=False))
    if args.pred:
        args.pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = score(golds, preds)
    if args.errors:
        _report(golds, preds)
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:18} {v}")
    return 0


def _report(golds: dict, preds: dict) -> None:
    from extractor.evaluate import new_tally, score_document, summarize

    for name, gold in sorted(golds.items()):
        pred = (preds.get(name) or {}).get("assignments") or []
        t = new_tally()
        score_document(gold, pred, t)
        if t["pair_hits"] != t["gold_pairs"] or t["pair_hits"] != t["pred_pairs"] or t["role_hits"] != t["role_total"] or t["period_hits"] != t["period_total"]:
            print(f"--- {name}: pairs {t['pair_hits']}/{t['gold_pairs']} gold, {t['pred_pairs']} pred; "
                  f"role {t['role_hits']}/{t['role_total']}; period {t['period_hits']}/{t['period_total']}", file=sys.stderr)
            for a in gold:
                print(f"  G {a['cadre']} | {a.get('position')} | {a.get('unit')} | {(a.get('period') or {}).get('start')}-{(a.get('period') or {}).get('end')} | {[x['text'][:60] for x in a['tasks']]}", file=sys.stderr)
            for a in pred:
                print(f"  P {a['cadre']} | {a.get('position')} | {a.get('unit')} | {(a.get('period') or {}).get('start')}-{(a.get('period') or {}).get('end')} | {[x['text'][:60] for x in a['tasks']]}", file=sys.stderr)
