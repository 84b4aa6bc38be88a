"""Build corpora/ocr_names/names_conf.jsonl: names OCR'd as names.jsonl is, with Tesseract's word confidences.

    python corpora/ocr_names/build_conf.py [--n 3000] [--seed 2] [--out corpora/ocr_names/names_conf.jsonl]

names.jsonl cannot be read again to add confidences: its names were drawn from an older
lexicon, and the same seed now draws other names. This set is made the same way (the
functions of ``corpora/tools/build_ocr_names.py``: names from the repair lexicon, rendered,
degraded at the same five severities) but read with ``tesseract ... tsv``, so each row
also has ``"conf"``: Tesseract's confidence (0-100) in each word read. It scores the
repair given confidences, as a reader that keeps word confidences would pass them.
Each line: {"read", "true", "conf", "font", "size", "severity"}.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpora" / "tools"))


def _ocr_words(img) -> list[list[tuple[str, float]]]:
    """Tesseract --psm 6 as the builder runs it, as lines of (word, confidence)."""
    buf = io.BytesIO()
    img.save(buf, "PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    r = subprocess.run(["tesseract", "stdin", "stdout", "-l", "vie", "--psm", "6", "--dpi", "300", "tsv"],
                       input=buf.getvalue(), capture_output=True, env=env, check=True)
    lines: dict[tuple[int, int, int], list[tuple[str, float]]] = {}
    for row in r.stdout.decode("utf-8").splitlines()[1:]:
        f = row.split("\t")
        if len(f) == 12 and f[0] == "5" and f[11].strip():
            word = unicodedata.normalize("NFC", f[11].strip())
            lines.setdefault((int(f[2]), int(f[3]), int(f[4])), []).append((word, float(f[10])))
    return [lines[k] for k in sorted(lines)]


def main(argv=None) -> int:
    import build_ocr_names as B

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "corpora/ocr_names/names_conf.jsonl"))
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    names = B._names(args.n, rng)
    out = Path(args.out)
    rows: list[dict] = []
    for at in range(0, len(names), B.PER_PAGE):
        batch = names[at:at + B.PER_PAGE]
        font = rng.choice(list(B.FONTS))
        sev = rng.choice(list(B.SEVERITIES))
        size = B.SEVERITIES[sev][0]
        read = _ocr_words(B._degrade(B._page(batch, font, size), sev, rng))
        if len(read) != len(batch):  # lines merged or split: read each name alone
            read = [[w for line in _ocr_words(B._degrade(B._page([n], font, size), sev, rng)) for w in line]
                    for n in batch]
        for words, true in zip(read, batch, strict=True):
            rows.append({"read": " ".join(w for w, _ in words), "true": true,
                         "conf": [round(c, 1) for _, c in words], "font": font, "size": size, "severity": sev})
        # written after every page: a run stopped early keeps the pages it read
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{len(rows)}/{len(names)}", file=sys.stderr, end="\r")
    damaged = sum(r["read"] != r["true"] for r in rows)
    print(f"\n{len(rows)} names, {damaged} read differently from the truth -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
