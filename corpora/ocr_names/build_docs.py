"""Build corpora/ocr_names/docs.jsonl: names read twice in one "document", with near namesakes.

    python corpora/ocr_names/build_docs.py [--docs 150] [--seed 1] [--out corpora/ocr_names/docs.jsonl]

The document-level repair (a name read damaged in one place and clean in another) cannot
be scored on names.jsonl, where each name is read once. Here each document is a page of
10 people, each written twice on lines in random order (as a decision names a person in
its text and again in its appendix table), rendered, degraded at one severity and read
with Tesseract exactly as ``corpora/tools/build_ocr_names.py`` does (its functions are
reused; names drawn from the repair lexicon the same way, with another seed). In 40 % of
the documents one more person is a *near namesake* of another (the same name but one
syllable changed to another real name part an OCR slip away: "Lê Văn Hùng" and "Lê Văn
Hưng"), also written twice: two different people whom the repair must never merge.
Each line: {"doc", "person", "read", "true", "font", "size", "severity"}.
Needs tesseract-ocr-vie; about 1.5 s of one core per document.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpora" / "tools"))

PEOPLE = 10


def _namesake(name: str, rng: random.Random) -> str | None:
    """The same name with one syllable swapped for another real part one OCR slip away."""
    from extractor.repair import GIVEN, MIDDLE, SURNAME, _key, lexicon
    from extractor.repair.confusion import confusion_cost

    words = name.split()
    order = list(range(len(words)))[::-1]  # given name first: namesakes differ there most
    lex = lexicon()
    for i in order:
        slot = SURNAME if i == 0 else GIVEN if i == len(words) - 1 else MIDDLE
        k = _key(words[i])
        near = sorted(c for c in lex[slot] if c != k and confusion_cost(k, c) == 1)
        if near:
            c = rng.choice(near)
            c = c.upper() if words[i].isupper() else c[:1].upper() + c[1:]
            return " ".join(words[:i] + [c] + words[i + 1:])
    return None


def main(argv=None) -> int:
    import build_ocr_names as B

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=str(ROOT / "corpora/ocr_names/docs.jsonl"))
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    rows = []
    for d in range(args.docs):
        people = B._names(PEOPLE, rng)
        if rng.random() < 0.4:
            twin = _namesake(rng.choice(people), rng)
            if twin and twin not in people:
                people.append(twin)
        lines = [(p, n) for p, n in enumerate(people) for _ in range(2)]
        rng.shuffle(lines)
        font = rng.choice(list(B.FONTS))
        sev = rng.choice(list(B.SEVERITIES))
        size = B.SEVERITIES[sev][0]
        batch = [n for _, n in lines]
        read = B._ocr(B._degrade(B._page(batch, font, size), sev, rng))
        if len(read) != len(batch):  # lines merged or split: read each name alone
            read = [" ".join(B._ocr(B._degrade(B._page([n], font, size), sev, rng))) for n in batch]
        for (p, n), r in zip(lines, read, strict=True):
            rows.append({"doc": d, "person": p, "read": r, "true": n, "font": font, "size": size,
                         "severity": sev})
        print(f"{d + 1}/{args.docs}", file=sys.stderr, end="\r")
    out = Path(args.out)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    damaged = sum(r["read"] != r["true"] for r in rows)
    print(f"\n{len(rows)} reads in {args.docs} documents, {damaged} damaged -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
