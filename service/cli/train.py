"""``giaoviec train``: rebuild ``models/giaoviec-vi`` from gold folders (fixed seed).

    giaoviec train                                     # ../shared/corpus/train (else corpora/extract/train)
    giaoviec train --corpus A --corpus B --out DIR     # any folders of NAME.* + NAME.gold.json

A corpus folder holds documents and their NAME.gold.json; a folder holding ``train/`` (and
``dev/``), as ``corpora/extract`` does, stands for its ``train/``. ``../shared/corpus/dev`` is
never trained on: it is the validation set.
"""
from __future__ import annotations

import argparse
import inspect
import json
import sys
import tempfile
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED_TRAIN = ROOT.parent / "shared" / "corpus" / "train"
OWN_TRAIN = ROOT / "corpora" / "extract" / "train"


def default_corpora() -> list[Path]:
    """``../shared/corpus/train`` when it is there, else ``corpora/extract/train``.

    The shipped model is trained on the real excerpts alone: adding the project's own
    written documents lowered the tagger's cross-validated span scores on the real ones
    (TASK precision 0.57 -> 0.49), and the rules already cover that genre.
    """
    return [SHARED_TRAIN] if SHARED_TRAIN.is_dir() else [p for p in (OWN_TRAIN,) if p.is_dir()]


def register(subparsers) -> None:
    p = subparsers.add_parser("train", help="huấn luyện lại mô hình nhận dạng (models/)",
                              description="Train the trainable components of the extraction pipeline and save them.")
    p.add_argument("--corpus", type=Path, action="append", default=None, metavar="DIR",
                   help="folder of NAME.* + NAME.gold.json (or holding train/); repeat for several "
                        "(default: ../shared/corpus/train if present, else corpora/extract/train)")
    p.add_argument("--out", type=Path, default=Path("models/giaoviec-vi"))
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--epochs", type=int, default=None, help="training epochs (default: the trainer's own)")
    p.set_defaults(func=run)


def gold_folder(corpus: Path) -> Path | None:
    """The folder of gold files a ``--corpus`` names: itself, or its ``train/``."""
    if any(corpus.glob("*.gold.json")):
        return corpus
    if any((corpus / "train").glob("*.gold.json")):
        return corpus / "train"
    return None


def run(args: argparse.Namespace) -> int:
    corpora = args.corpus or default_corpora()
    folders = []
    for corpus in corpora:
        folder = gold_folder(corpus)
        if folder is None:
            print(f"giaoviec train: {corpus} holds no NAME.gold.json files, nor a train/ folder with them; "
                  "give --corpus a folder of documents and their gold", file=sys.stderr)
            return 2
        folders.append(folder)
    if not folders:
        print("giaoviec train: no corpus; give --corpus DIR (documents and NAME.gold.json)", file=sys.stderr)
        return 2
    print("training on " + ", ".join(str(f) for f in folders), file=sys.stderr)
    result = train_model(folders, args.out, seed=args.seed, epochs=args.epochs,
                         log=lambda m: print(m, file=sys.stderr))
    print(json.dumps(result if isinstance(result, dict) else {"model": str(result)}, ensure_ascii=False))
    return 0


def train_model(corpora: Sequence[Path], out: Path, *, seed: int = 0, only: Collection[str] | None = None,
                exclude: Collection[str] | None = None, epochs: int | None = None,
                log: Callable[[str], None] = print):
    """Train on the documents of several gold folders (``only``/``exclude``: document stems)
    and save the pipeline to ``out``, with whichever ``extractor.train.train`` is installed.

    The interface is ``train(corpora, out, *, seed, only, exclude) -> Path``. The older one
    took a single folder holding ``train/`` and ``dev/``: for it the chosen documents are
    linked into such a folder (its ``dev/``, used only for the entity scores it reports,
    is the first three training documents).
    """
    from extractor import train as trainer

    params = inspect.signature(trainer.train).parameters
    extra = {"epochs": epochs} if epochs is not None and "epochs" in params else {}
    if "log" in params:
        extra["log"] = log
    if "only" in params:  # the multi-corpus interface
        return trainer.train([Path(c) for c in corpora], Path(out), seed=seed, only=only, exclude=exclude, **extra)
    with tempfile.TemporaryDirectory(prefix="giaoviec-train-") as tmp:
        staged = Path(tmp)
        names = _stage(corpora, staged / "train", only=only, exclude=exclude)
        if not names:
            raise ValueError("no training document left after only/exclude")
        (staged / "dev").mkdir()
        for name in names[:3]:
            for f in (staged / "train").glob(name + ".*"):
                (staged / "dev" / f.name).symlink_to(f.resolve())
        return trainer.train(staged, Path(out), seed=seed, **extra)


def _stage(corpora: Sequence[Path], dst: Path, *, only, exclude) -> list[str]:
    """Link the chosen documents and their gold into ``dst``; their stems, in order."""
    from extractor.evaluate import documents_for

    dst.mkdir(parents=True)
    names: list[str] = []
    for corpus in corpora:
        for doc in documents_for(Path(corpus)):
            stem = doc.name.split(".")[0]
            if (only is not None and stem not in only) or (exclude is not None and stem in exclude):
                continue
            if stem in names:
                raise ValueError(f"{doc}: a document named {stem} is already in another corpus")
            names.append(stem)
            (dst / doc.name).symlink_to(doc.resolve())
            (dst / f"{stem}.gold.json").symlink_to((doc.parent / f"{stem}.gold.json").resolve())
    return names
