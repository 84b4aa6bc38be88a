"""Build the repair's learned data from labelled reads and real names (a build step, never run by extract).

    python -m extractor.repair.build [--names corpora/ocr_names/names.jsonl ...] [--gold DIR ...]

- ``data/channel.json``: which tone and modifier slips OCR makes, and how Tesseract's word
  confidence differs after a slip (from the sets that record it, names_conf.jsonl),
  counted on the *fit half* of the labelled OCR'd names (:func:`held_out` keeps the other
  half out, the same names in every set, so ``python -m bench repair --split heldout``
  scores names the channel never saw);
- ``data/priors.tsv``: how often each name part of the lexicon is the family, middle or
  given name of a real person, counted over the ``cadre`` of ``*.gold.json`` in each
  ``--gold`` folder. Only counts of syllables the lexicon already lists are written
  (slot, syllable, count): no name and no document text is copied.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"


def held_out(true_name: str) -> bool:
    """Half of the labelled names, chosen by the name itself (stable across runs and machines)."""
    return hashlib.sha256(true_name.lower().encode("utf-8")).digest()[0] % 2 == 1


def slip_pairs(rows: Iterable[dict[str, Any]]) -> Iterator[tuple[str, str, float | None]]:
    """(read, true, confidence or None) lower-case syllables of the labelled names whose
    syllables line up."""
    from . import _key

    for r in rows:
        rw, tw = r["read"].split(), r["true"].split()
        conf: list[float | None] = list(r["conf"]) if len(r.get("conf") or ()) == len(rw) else [None] * len(rw)
        if len(rw) == len(tw):
            yield from ((_key(a), _key(b), c) for a, b, c in zip(rw, tw, conf, strict=True))


def slot_counts(gold_dirs: Iterable[str]) -> dict[str, Counter[str]]:
    """Counts of each lexicon syllable in family, middle and given place of real gold cadres."""
    from . import _WORD, GIVEN, MIDDLE, SURNAME, _highland, _key, lexicon

    lex = lexicon()
    counts: dict[str, Counter[str]] = {SURNAME: Counter(), MIDDLE: Counter(), GIVEN: Counter()}
    for folder in gold_dirs:
        for path in sorted(Path(folder).glob("*.gold.json")):
            for a in json.loads(path.read_text(encoding="utf-8")).get("assignments", []):
                words = list(_WORD.finditer(a.get("cadre") or ""))
                if not 2 <= len(words) <= 5 or _highland(words):
                    continue
                for i, m in enumerate(words):
                    slot = SURNAME if i == 0 else GIVEN if i == len(words) - 1 else MIDDLE
                    k = _key(m.group(0))
                    if k in lex[slot]:  # only what the lexicon already lists
                        counts[slot][k] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    """Rebuild ``data/channel.json`` from the fit half of the labelled names and
    ``data/priors.tsv`` from the gold cadres: ``python -m extractor.repair.build``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names", action="append", default=None,
                    help="labelled OCR'd names (default corpora/ocr_names/names.jsonl and names_conf.jsonl)")
    ap.add_argument("--gold", action="append", default=None,
                    help="folder of *.gold.json (default ../shared/corpus/train when present)")
    args = ap.parse_args(argv)
    files = args.names or [str(p) for p in (ROOT / "corpora/ocr_names/names.jsonl",
                                            ROOT / "corpora/ocr_names/names_conf.jsonl") if p.is_file()]
    rows = [json.loads(line) for f in files for line in Path(f).read_text(encoding="utf-8").splitlines()]
    fit = [r for r in rows if not held_out(r["true"])]
    from .channel import learn

    counts = learn(slip_pairs(fit))
    counts["fitted_on"] = (f"{len(fit)} of {len(rows)} names of {', '.join(Path(f).name for f in files)}"
                           " (held_out() false)")
    (DATA / "channel.json").write_text(json.dumps(counts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    gold = args.gold
    if gold is None:
        shared = ROOT.parent / "shared" / "corpus" / "train"
        gold = [str(shared)] if shared.is_dir() else []
    if gold:
        lines = ["# slot\tsyllable\tcount: lexicon name parts counted in real cadres (extractor/repair/build.py)"]
        for slot, c in slot_counts(gold).items():
            lines += [f"{slot}\t{k}\t{n}" for k, n in sorted(c.items(), key=lambda t: (-t[1], t[0]))]
        (DATA / "priors.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"channel from {len(fit)} names; priors from {len(gold)} gold folder(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
