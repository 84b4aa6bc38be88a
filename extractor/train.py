"""Train the pipeline's ``ner`` on ``corpora/extract/train`` and save it to ``models/``.

The labels are the contract's fields: CADRE (họ và tên), POSITION (chức vụ), UNIT
(đơn vị), TASK (nội dung), PERIOD (thời gian). Gold files hold field *texts*, not
offsets, so each text is located in the document as read by ``read()`` (compared
after folding, so a tone-placement difference still matches); overlapping finds are
resolved by priority CADRE > TASK > POSITION > PERIOD > UNIT.

Reproducible: fixed seed, documents in sorted order, one thread. On this 2-core
machine a run takes a few minutes (see ``models/giaoviec-vi/MODEL_CARD.md``).

    >>> from extractor.train import train                       # doctest: +SKIP
    >>> train("corpora/extract", "models/giaoviec-vi", seed=0)  # doctest: +SKIP
"""
from __future__ import annotations

import json
import random
import time
from pathlib import Path

LABELS = ("CADRE", "POSITION", "UNIT", "TASK", "PERIOD")
PRIORITY = {"CADRE": 0, "TASK": 1, "POSITION": 2, "PERIOD": 3, "UNIT": 4}


def _documents(split_dir: Path):
    """(document path, gold assignments) for every NAME.gold.json with its document."""
    for gold in sorted(split_dir.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        docs = sorted(p for p in split_dir.glob(stem + ".*") if not p.name.endswith(".gold.json")
                      and p.name.split(".")[0] == stem)
        if docs:
            yield docs[0], json.loads(gold.read_text(encoding="utf-8"))["assignments"]


def _find_all(hay: str, needle: str) -> list[int]:
    out, at = [], hay.find(needle)
    while at >= 0 and needle:
        out.append(at)
        at = hay.find(needle, at + 1)
    return out


def entity_spans(text: str, assignments: list[dict]) -> list[tuple[int, int, str]]:
    """Character spans of the gold fields in ``text``, without overlaps.

    >>> entity_spans("đồng chí Lê Văn A, Bí thư Huyện ủy được giao: làm đường.",
    ...              [{"cadre": "Lê Văn A", "position": "Bí thư Huyện ủy", "tasks": [{"text": "làm đường"}]}])
    [(9, 17, 'CADRE'), (19, 34, 'POSITION'), (46, 55, 'TASK')]
    """
    from .recognize.text import fold

    folded = fold(text)
    cands: list[tuple[int, int, str]] = []
    for a in assignments:
        fields = [("CADRE", a.get("cadre")), ("POSITION", a.get("position")), ("UNIT", a.get("unit")),
                  ("PERIOD", (a.get("period") or {}).get("text"))]
        fields += [("TASK", t["text"] if isinstance(t, dict) else t) for t in a.get("tasks") or []]
        for label, value in fields:
            if not value or len(value) < 2:
                continue
            for at in _find_all(folded, fold(value)):
                cands.append((at, at + len(value), label))
    cands.sort(key=lambda c: (PRIORITY[c[2]], -(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, str]] = []
    for s, e, label in cands:
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, label))
    return sorted(taken)


def _examples(nlp, split_dir: Path, *, negatives_per_doc: int, rng: random.Random):
    """spaCy Examples, one per text line (short docs train faster and align better)."""
    from spacy.training import Example

    from .read import read

    out = []
    for path, gold in _documents(split_dir):
        doc = read(path)
        for page in doc.pages:
            text = page.text
            spans = entity_spans(text, gold)
            pos = 0
            negatives = []
            for line in text.split("\n"):
                ls, le = pos, pos + len(line)
                pos = le + 1
                if not line.strip():
                    continue
                inside = [(s - ls, e - ls, lab) for s, e, lab in spans if ls <= s and e <= le]
                if not inside:
                    negatives.append(line)
                    continue
                pred = nlp.make_doc(line)
                ents = []
                for s, e, lab in inside:
                    span = pred.char_span(s, e, label=lab, alignment_mode="contract")
                    if span is not None and len(span):
                        ents.append((span.start_char, span.end_char, lab))
                out.append(Example.from_dict(pred, {"entities": ents}))
            for line in rng.sample(negatives, min(negatives_per_doc, len(negatives))):
                out.append(Example.from_dict(nlp.make_doc(line), {"entities": []}))
    return out


def train(corpus: str | Path = "corpora/extract", out: str | Path = "models/giaoviec-vi", *,
          seed: int = 0, epochs: int = 10, negatives_per_doc: int = 3, log=print) -> dict:
    """Train ``ner`` on ``corpus/train``, score it on ``corpus/dev``, save the pipeline to ``out``."""
    import spacy
    from spacy.training import Example  # noqa: F401
    from spacy.util import fix_random_seed, minibatch

    from .nlp import build_pipeline

    started = time.time()
    corpus, out = Path(corpus), Path(out)
    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = build_pipeline(with_ner=True)
    ner = nlp.get_pipe("ner")
    for label in LABELS:
        ner.add_label(label)
    train_ex = _examples(nlp, corpus / "train", negatives_per_doc=negatives_per_doc, rng=rng)
    dev_ex = _examples(nlp, corpus / "dev", negatives_per_doc=negatives_per_doc, rng=random.Random(seed))
    log(f"train: {len(train_ex)} lines, dev: {len(dev_ex)} lines")
    with nlp.select_pipes(enable=["ner"]):
        optimizer = nlp.initialize(lambda: train_ex)
        for epoch in range(epochs):
            rng.shuffle(train_ex)
            losses: dict = {}
            for batch in minibatch(train_ex, size=16):
                nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
            log(f"epoch {epoch + 1}/{epochs} loss {losses.get('ner', 0):.1f}")
        scores = nlp.evaluate(dev_ex)
    out.mkdir(parents=True, exist_ok=True)
    # shipped disabled: the linker runs it only on the sentences that need it
    nlp.disable_pipe("ner")
    nlp.meta["name"] = "giaoviec_vi"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = "giaoviec: underthesea tokenizer, rule recognisers, NER for CADRE/POSITION/UNIT/TASK/PERIOD, assignment linker"
    nlp.meta["giaoviec"] = {"seed": seed, "epochs": epochs, "corpus": str(corpus),
                            "train_lines": len(train_ex), "dev_lines": len(dev_ex)}
    nlp.to_disk(out)
    result = {
        "seconds": round(time.time() - started, 1),
        "ents_p": round(scores.get("ents_p") or 0, 3), "ents_r": round(scores.get("ents_r") or 0, 3),
        "ents_f": round(scores.get("ents_f") or 0, 3),
        "per_type": {k: {m: round(v, 3) for m, v in d.items()} for k, d in (scores.get("ents_per_type") or {}).items()},
        "spacy": spacy.__version__,
    }
    _write_card(out, corpus, seed, epochs, len(train_ex), len(dev_ex), result)
    return result


def _write_card(out: Path, corpus: Path, seed: int, epochs: int, n_train: int, n_dev: int, result: dict) -> None:
    rows = "\n".join(f"| {k} | {v['p']} | {v['r']} | {v['f']} |" for k, v in sorted(result["per_type"].items()))
    (out / "MODEL_CARD.md").write_text(f"""# giaoviec-vi

spaCy {result['spacy']} pipeline for Vietnamese assignment documents (việc đột phá).

- tokenizer: underthesea ``word_tokenize`` mapped onto the exact text (``extractor/nlp.py``)
- ``giaoviec_titles``, ``giaoviec_names``, ``giaoviec_periods``: rule components (``extractor/recognize``)
- ``ner``: spaCy's transition-based NER (small CNN tok2vec: width 64, depth 2; CPU), labels {", ".join(LABELS)}
- ``giaoviec_linker``: builds assignments; asks the (disabled-by-default) ``ner`` only about sentences with an
  assignment verb where the rules found no person, and keeps its CADRE entities that are shaped like names
  and stand in apposition with a title

## How it was made

    giaoviec train --corpus {corpus} --out {out} --seed {seed}

Trained on ``{corpus}/train`` (documents written for the project, never ``../shared``), one example
per text line: {n_train} lines; evaluated on ``{corpus}/dev`` ({n_dev} lines). {epochs} epochs,
batch 16, dropout 0.2, seed {seed}, took {result['seconds']} s on a 2-core machine.
Gold offsets are found by locating each gold field's text in the document read by ``read()``.

## Entity scores on {corpus}/dev (token-exact spans)

ents P {result['ents_p']}, R {result['ents_r']}, F {result['ents_f']}

| label | P | R | F |
|---|---|---|---|
{rows}

The assignment scores (``giaoviec eval``) are what matter; see the README.
""", encoding="utf-8")
