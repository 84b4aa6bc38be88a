"""Train the pipeline's tagger on gold folders and save the pipeline to ``models/``.

The trained part is ``giaoviec_tagger`` (:mod:`extractor.learn`): a CRF that marks
CADRE, POSITION and TASK spans, with the rule recognisers' marks among its features.
Gold files hold field *texts*; :func:`extractor.learn.data.gold_spans` finds them in
the documents as ``read()`` gives them.

Reproducible: documents in sorted order, L-BFGS (deterministic), one thread; the same
folders give the same model file, byte for byte. On this 2-core machine a run over
the real train corpus and ``corpora/extract/train`` takes well under a minute.

    >>> from extractor.train import train                                          # doctest: +SKIP
    >>> train(["../shared/corpus/train", "corpora/extract/train"], "models/giaoviec-vi")  # doctest: +SKIP
"""
from __future__ import annotations

import time
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TypedDict

# Chosen by 5-fold cross-validation on the real train corpus (record F1, same linker code):
# c1=c2=0.05 0.650 vs 0.1 0.661; later, 0.1 0.672 vs 0.2 0.668 -> 0.1 (with a few thousand
# lines, L1 much above this drops the rare rule marks the tagger needs)
C1, C2, ITERATIONS = 0.1, 0.1, 150


class TrainSummary(TypedDict):
    """What :func:`train` did: how much it learnt from, how long it took, where it saved."""

    documents: int
    lines: int
    seconds: float
    model_bytes: int
    out: str


def train(corpora: Sequence[str | Path], out: str | Path = "models/giaoviec-vi", *, seed: int = 0,
          only: Collection[str] | None = None, exclude: Collection[str] | None = None,
          log: Callable[[str], None] = print) -> TrainSummary:
    """Train the tagger on the documents of ``corpora`` (``only``/``exclude``: document
    stems such as ``"ta001"``), save the whole pipeline to ``out``; a summary dict."""
    from .learn.component import TaggerComponent
    from .learn.data import documents, examples
    from .learn.tagger import train_tagger
    from .nlp import build_pipeline

    started = time.time()
    out = Path(out)
    folders = [Path(c) for c in corpora]
    names = [p.name.split(".")[0] for p, _ in documents(folders, only=only, exclude=exclude)]
    if not names:
        raise ValueError("no training document: give folders of NAME.* with NAME.gold.json")
    lines = examples(folders, only=only, exclude=exclude, seed=seed)
    log(f"training the tagger on {len(names)} documents, {len(lines)} lines")
    nlp = build_pipeline()
    model_file = train_tagger(lines, out / "giaoviec_tagger", c1=C1, c2=C2, max_iterations=ITERATIONS, log=log)
    tagger = nlp.get_pipe("giaoviec_tagger")
    if not isinstance(tagger, TaggerComponent):
        raise TypeError(f"giaoviec_tagger is a {type(tagger).__name__}, not the trained tagger's component")
    tagger.use(model_file)
    nlp.meta["name"] = "giaoviec_vi"
    nlp.meta["version"] = "0.2.0"
    nlp.meta["description"] = ("giaoviec: underthesea tokenizer, rule recognisers, a CRF tagger for "
                               "CADRE/POSITION/TASK, assignment linker (rules + model)")
    nlp.meta["giaoviec"] = {"seed": seed, "documents": len(names), "lines": len(lines),
                            "corpora": [str(f) for f in folders], "c1": C1, "c2": C2,
                            "iterations": ITERATIONS}
    nlp.to_disk(out)
    result: TrainSummary = {"documents": len(names), "lines": len(lines), "seconds": round(time.time() - started, 1),
              "model_bytes": model_file.stat().st_size, "out": str(out)}
    _write_card(out, folders, result)
    return result


def _write_card(out: Path, folders: list[Path], result: TrainSummary) -> None:
    corpora = " ".join(f"--corpus {f}" for f in folders)
    (out / "MODEL_CARD.md").write_text(f"""# giaoviec-vi

spaCy pipeline for Vietnamese assignment documents (việc đột phá, phân công nhiệm vụ).

- tokenizer: underthesea ``word_tokenize`` mapped onto the exact text (``extractor/nlp.py``)
- ``giaoviec_titles``, ``giaoviec_names``, ``giaoviec_periods``: rule recognisers (``extractor/recognize``)
- ``giaoviec_tagger``: a linear-chain CRF (python-crfsuite) over the words of each line, labels
  CADRE / POSITION / TASK in BIO; features are the words (lower case, one tone placement, without
  accents), their shape, neighbours, list marks and the rule recognisers' marks
- ``giaoviec_linker``: links tagged spans into assignments and combines them with the rule linker

## How it was made

    giaoviec train {corpora} --out {out}

{result['documents']} documents, {result['lines']} lines; CRF c1={C1}, c2={C2}, {ITERATIONS} L-BFGS
iterations; {result['seconds']} s on a 2-core machine; model file {result['model_bytes'] // 1024} kB.
Gold offsets are found by locating each gold field's text in the document read by ``read()``.

Scores: ``giaoviec eval ../shared/corpus/train --folds 5`` (cross-validation) and
``giaoviec eval ../shared/corpus/dev``; see the README.
""", encoding="utf-8")
