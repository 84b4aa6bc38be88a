"""``giaoviec train``: rebuild ``models/giaoviec-vi`` from ``corpora/extract`` (fixed seed)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("train", help="huấn luyện lại mô hình nhận dạng (models/)",
                              description="Train the NER of the extraction pipeline and save it.")
    p.add_argument("--corpus", type=Path, default=Path("corpora/extract"),
                   help="folder with train/ and dev/ (NAME.* + NAME.gold.json)")
    p.add_argument("--out", type=Path, default=Path("models/giaoviec-vi"))
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--epochs", type=int, default=10)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from extractor.train import train

    if not (args.corpus / "train").is_dir():
        print(f"giaoviec train: {args.corpus}/train is missing; give --corpus the folder holding train/ and dev/",
              file=sys.stderr)
        return 2
    result = train(args.corpus, args.out, seed=args.seed, epochs=args.epochs,
                   log=lambda m: print(m, file=sys.stderr))
    print(json.dumps(result, ensure_ascii=False))
    return 0
