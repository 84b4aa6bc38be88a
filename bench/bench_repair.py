"""Name repair after OCR on the labelled names of corpora/ocr_names (issue 12 part 2).

    python -m bench repair [--names corpora/ocr_names/names.jsonl] [--misses]

Prints how many names OCR read wrong, how many of those ``repair_name`` restored (all of
them, and those it could see: a part not known in its place), how many it changed but
not to the truth (and syllable by syllable: repairs right and wrong), by severity, and
how many correct reads it changed (the target is none); then the same for the titles
and bodies of titles.jsonl beside it (``repair_title``; place names are not repaired).
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _norm(s: str) -> str:
    from extractor.normalize import place_tones

    return " ".join(place_tones(w) for w in unicodedata.normalize("NFC", s).split())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names", default=str(ROOT / "corpora/ocr_names/names.jsonl"))
    ap.add_argument("--misses", action="store_true", help="list the damaged names not restored")
    args = ap.parse_args(argv)
    from extractor.repair import GIVEN, MIDDLE, SURNAME, _key, _known, repair_name

    def visible(read: str) -> bool:
        ws = read.split()
        return any(not _known(_key(w), SURNAME if i == 0 else GIVEN if i == len(ws) - 1 else MIDDLE)
                   for i, w in enumerate(ws))

    rows = [json.loads(line) for line in Path(args.names).read_text(encoding="utf-8").splitlines()]
    correct = [r for r in rows if _norm(r["read"]) == _norm(r["true"])]
    damaged = [r for r in rows if _norm(r["read"]) != _norm(r["true"])]
    out = {r["read"]: repair_name(r["read"]) for r in rows}
    restored = [r for r in damaged if _norm(out[r["read"]][0]) == _norm(r["true"])]
    seen = [r for r in damaged if visible(r["read"])]
    wrong = [r for r in damaged if out[r["read"]][1] and r not in restored]
    changed = [r for r in correct if out[r["read"]][1]]
    if args.misses:
        for r in damaged:
            if r not in restored:
                print(f"miss: {r['read']!r} -> {out[r['read']][0]!r} (true {r['true']!r})")
    # syllable by syllable: a repair that made a syllable right or wrong
    syl_right = syl_wrong = 0
    for r in rows:
        got, fixes = out[r["read"]]
        if fixes and len(got.split()) == len(r["true"].split()) == len(r["read"].split()):
            for g, t, w in zip(got.split(), r["true"].split(), r["read"].split(), strict=True):
                if g != w:
                    if _norm(g) == _norm(t):
                        syl_right += 1
                    else:
                        syl_wrong += 1
    by_severity = {}
    for sev in sorted({r["severity"] for r in rows}):
        d = [r for r in damaged if r["severity"] == sev]
        by_severity[sev] = f"{sum(r in restored for r in d)}/{len(d)}"
    summary = {
        "names": len(rows), "damaged": len(damaged),
        "restored": len(restored), "restored_share": round(len(restored) / max(1, len(damaged)), 3),
        "damaged_visible": len(seen),
        "restored_visible_share": round(sum(r in restored for r in seen) / max(1, len(seen)), 3),
        "repaired_not_to_the_truth": len(wrong),
        "syllables_repaired_right": syl_right, "syllables_repaired_wrong": syl_wrong,
        "restored_by_severity": by_severity,
        "correct_changed": len(changed), "correct": len(correct),
    }
    print(json.dumps(summary, ensure_ascii=False))
    titles = Path(args.names).with_name("titles.jsonl")
    if titles.exists():
        from extractor.repair import repair_title

        rows = [json.loads(line) for line in titles.read_text(encoding="utf-8").splitlines()]
        damaged = [r for r in rows if _norm(r["read"]) != _norm(r["true"])]
        got = {r["read"]: repair_title(r["read"]) for r in rows}
        restored = sum(_norm(got[r["read"]][0]) == _norm(r["true"]) for r in damaged)
        if args.misses:
            for r in damaged:
                if _norm(got[r["read"]][0]) != _norm(r["true"]):
                    print(f"title miss: {r['read']!r} -> {got[r['read']][0]!r} (true {r['true']!r})")
        print(json.dumps({"titles": len(rows), "damaged": len(damaged), "restored": restored,
                          "restored_share": round(restored / max(1, len(damaged)), 3),
                          "correct_changed": sum(bool(got[r["read"]][1]) for r in rows if r not in damaged)},
                         ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
