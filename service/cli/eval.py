"""``giaoviec eval GOLD_DIR [FILES...]``: extract and score against NAME.gold.json.

Scores are those of ``../shared/tools/score.py`` (see :mod:`extractor.evaluate`).
Without FILES every ``NAME.*`` that has a ``NAME.gold.json`` in GOLD_DIR is read.

``--folds K`` cross-validates by document instead: GOLD_DIR's documents are split into K
folds (by ``--seed``, each batch ta/tb/… shared out), and for each fold a model is trained
on the other folds (plus every ``--corpus`` folder) into a temporary folder, then the fold
is extracted with it and scored. Each fold's scores are printed, then their mean and the
scores of all held-out predictions pooled.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from extractor.evaluate import documents_for  # also imported from here by tests and tools

COLUMNS = (("record_precision", "rec P"), ("record_recall", "rec R"), ("record_f1", "rec F1"),
           ("cadre_f1", "cadre F1"), ("role_accuracy", "role"), ("period_accuracy", "period"))


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
    p.add_argument("--folds", type=int, default=None, metavar="K",
                   help="cross-validate: train on K-1 folds of GOLD_DIR's documents, score the K-th, K times")
    p.add_argument("--seed", type=int, default=0, help="seed of the fold split and of training (with --folds)")
    p.add_argument("--corpus", type=Path, action="append", default=[], metavar="DIR",
                   help="with --folds: another gold folder trained on in every fold (repeatable), "
                        "e.g. corpora/extract/train")
    p.set_defaults(func=run)


def _golds(gold_dir: Path) -> dict[str, list[dict]]:
    from extractor.evaluate import load_golds

    return load_golds(gold_dir)


def run(args: argparse.Namespace) -> int:
    from extractor.config import ExtractorConfig
    from extractor.evaluate import score
    from extractor.pipeline import extract

    if not args.gold_dir.is_dir():
        print(f"giaoviec eval: {args.gold_dir} is not a folder of NAME.gold.json files", file=sys.stderr)
        return 2
    if args.folds is not None:
        return run_folds(args)
    if args.corpus:
        print("giaoviec eval: --corpus is for training inside --folds; add --folds K", file=sys.stderr)
        return 2
    config = ExtractorConfig(model_dir=args.model) if args.model else ExtractorConfig()
    files = args.files or documents_for(args.gold_dir)
    golds = _golds(args.gold_dir)
    if args.files:  # score only the documents given
        stems = {f.name.split(".")[0] for f in files}
        golds = {k: v for k, v in golds.items() if k in stems}
    preds = {f.name.split(".")[0]: extract(str(f), config=config).to_dict() for f in files}
    _write_pred(args.pred, preds.values())
    result = score(golds, preds)
    if args.errors:
        _report(golds, preds)
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:18} {v}")
    return 0


def run_folds(args: argparse.Namespace) -> int:
    """Cross-validation by document (see the module's docstring)."""
    from extractor.config import ExtractorConfig
    from extractor.evaluate import mean_scores, score, split_folds
    from extractor.pipeline import extract

    from .train import gold_folder, train_model

    if args.files or args.model:
        print("giaoviec eval: --folds scores every document of GOLD_DIR with models it trains; "
              "drop FILES and --model", file=sys.stderr)
        return 2
    extra = []
    for corpus in args.corpus:
        folder = gold_folder(corpus)
        if folder is None:
            print(f"giaoviec eval: {corpus} holds no NAME.gold.json files, nor a train/ folder with them",
                  file=sys.stderr)
            return 2
        extra.append(folder)
    docs = {p.name.split(".")[0]: p for p in documents_for(args.gold_dir)}
    golds = {k: v for k, v in _golds(args.gold_dir).items() if k in docs}
    try:
        folds = split_folds(sorted(docs), args.folds, seed=args.seed)
    except ValueError as err:
        print(f"giaoviec eval: {args.gold_dir}: {err}", file=sys.stderr)
        return 2
    results, preds = [], {}
    if not args.json:
        print(f"{'fold':6} {'docs':>5} " + " ".join(f"{label:>8}" for _, label in COLUMNS) + f" {'train s':>8}")
    for i, held in enumerate(folds, 1):
        started = time.time()
        with tempfile.TemporaryDirectory(prefix=f"giaoviec-fold{i}-") as tmp:
            model = Path(tmp) / "model"
            log = (lambda m: None) if not args.errors else (lambda m, i=i: print(f"  [fold {i}] {m}", file=sys.stderr))
            out = train_model([args.gold_dir, *extra], model, seed=args.seed, exclude=set(held), log=log)
            model = Path(out) if isinstance(out, (str, Path)) else model
            trained = time.time() - started
            config = ExtractorConfig(model_dir=model)
            fold_preds = {stem: extract(str(docs[stem]), config=config).to_dict() for stem in held}
        result = score({s: golds[s] for s in held}, fold_preds)
        result.update(fold=i, train_seconds=round(trained, 1), documents=held)
        results.append(result)
        preds.update(fold_preds)
        if not args.json:
            print(_row(f"{i}/{len(folds)}", result) + f" {trained:8.0f}", flush=True)
        if args.errors:
            _report({s: golds[s] for s in held}, fold_preds)
    mean, pooled = mean_scores(results), score(golds, preds)
    _write_pred(args.pred, (preds[s] for s in sorted(preds)))
    if args.json:
        print(json.dumps({"folds": results, "mean": mean, "pooled": pooled, "k": args.folds, "seed": args.seed,
                          "corpora": [str(args.gold_dir), *map(str, extra)]}, ensure_ascii=False))
    else:
        print(_row("mean", mean))
        print(_row("pooled", pooled))
    return 0


def _row(label: str, result: dict) -> str:
    return f"{label:6} {result['docs']:5} " + " ".join(f"{result[k]:8.3f}" for k, _ in COLUMNS)


def _write_pred(path: Path | None, objs) -> None:
    if path:
        path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs), encoding="utf-8")


def _report(golds: dict, preds: dict) -> None:
    from extractor.evaluate import describe_tally, document_tally, is_exact

    def show(tag: str, a: dict) -> None:
        p = a.get("period") or {}
        print(f"  {tag} {a['cadre']} | {a.get('position')} | {a.get('unit')} | {p.get('start')}-{p.get('end')} | "
              f"{[(x['text'] if isinstance(x, dict) else x)[:60] for x in a.get('tasks') or []]}", file=sys.stderr)

    for name, gold in sorted(golds.items()):
        pred = (preds.get(name) or {}).get("assignments") or []
        t = document_tally(gold, pred)
        if not is_exact(t):
            print(f"--- {name}: {describe_tally(t)}", file=sys.stderr)
            for a in gold:
                show("G", a)
            for a in pred:
                show("P", a)
