"""Name parts of the shared corpus's gold cadres that the repair lexicon lacks, by place.

    python corpora/tools/harvest_names.py [../shared/corpus/train]

Reads only the ``cadre`` field of ``*.gold.json`` (never document text) and prints, for
family, middle and given names, the parts seen there and not yet in
``extractor/repair/data/*.txt``, with their counts: to be added by hand to the lexicon
(a list of names, not text). Names with a Central Highlands family name are skipped.
"""
from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    from extractor.repair import GIVEN, MIDDLE, SURNAME, _highland, _key, _WORD, lexicon

    argv = sys.argv[1:] if argv is None else argv
    corpus = Path(argv[0] if argv else ROOT.parent / "shared" / "corpus" / "train")
    lex = lexicon()
    missing = {SURNAME: collections.Counter(), MIDDLE: collections.Counter(), GIVEN: collections.Counter()}
    for path in sorted(corpus.glob("*.gold.json")):
        for a in json.loads(path.read_text(encoding="utf-8")).get("assignments", []):
            words = list(_WORD.finditer(a.get("cadre") or ""))
            if not 2 <= len(words) <= 5 or _highland(words):
                continue
            for i, m in enumerate(words):
                slot = SURNAME if i == 0 else GIVEN if i == len(words) - 1 else MIDDLE
                w = m.group(0)
                if _key(w) not in lex[slot] and not (slot != SURNAME and _key(w) in lex[MIDDLE] | lex[GIVEN]):
                    missing[slot][w[:1].upper() + w[1:].lower()] += 1
    for slot, counts in missing.items():
        print(f"{slot}: " + " ".join(f"{w}({n})" for w, n in counts.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
