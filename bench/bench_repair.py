"""Name repair after OCR on the labelled names of corpora/ocr_names (issue 12 part 2).

    python -m bench repair [--names corpora/ocr_names/names.jsonl] [--split all|fit|heldout]
                           [--misses] [--categories] [--scans N] [--choices N]

``names_conf.jsonl`` beside it (names with Tesseract's word confidences) is scored
without and with them; ``docs.jsonl`` alone and as documents. ``--split heldout``
scores only the half of the names the repair's OCR channel was not fitted on
(``extractor.repair.build.held_out``); ``--categories`` prints why each damaged name was
not restored, counted by category.

Prints how many names OCR read wrong, how many of those ``repair_name`` restored (all of
them, and those it could see: a part not known in its place), how many it changed but
not to the truth (and syllable by syllable: repairs right and wrong), by severity, and
how many correct reads it changed (the target is none); then the same for the titles
and bodies of titles.jsonl beside it (``repair_title``; place names are not repaired).

``--scans N``: N decisions of our own (``bench/scans.py``) at office and copy-of-a-copy
severity, as image-only PDFs through ``read()`` and ``extract_document``, each once as
read and once with its pages' word confidences taken away: the repair in the real
pipeline, with and without Tesseract's confidences, on the same OCR output; and once with
the second readings the reader stored taken away (``no_rereads``); record and cadre F1
(``extractor.evaluate``) of each, and the CPU seconds of ``read()`` with and without the
second reading of names (``ExtractorConfig.ocr_reread_names``).

``names_choices*.jsonl`` beside it (names read by Tesseract in process with each word's
confidence and each character's alternatives, ``build_ocr_names.py --choices``) are
repaired from the text alone, with word confidences, and with the alternatives too, on
the fit and the held-out half. ``--choices N`` reads N such names at run time instead
(``--choices-seed``; ``--save-choices`` / ``--load-choices FILE`` keep and reuse the reads;
``--rereads``: with a second reading of the names the repair is unsure of). Rows that
carry second readings (``"rereads"``) are also repaired with them, as the fourth way.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _norm(s: str) -> str:
    from extractor.normalize import place_tones

    return " ".join(place_tones(w) for w in unicodedata.normalize("NFC", s).split())


def _why_missed(row: dict, got: str) -> str:
    """Why a damaged name was not restored, in one of a few categories (the first damaged
    syllable left wrong decides; "several damaged syllables" when more than one was)."""
    from extractor.repair import (
        _WORD,
        CONFIDENCE,
        DOMINANCE,
        GIVEN,
        MIDDLE,
        SURNAME,
        _highland,
        _key,
        _known,
        _outweighed_middle,
        weigh,
    )
    from extractor.repair.confusion import confusion_cost

    read, true = row["read"].split(), row["true"].split()
    if len(read) != len(true):
        return "syllables split, merged or lost by OCR"
    if _highland(list(_WORD.finditer(row["read"]))):
        return "left as read: a Central Highlands / Hmong name (other rules)"
    bad = [i for i, (a, b) in enumerate(zip(read, true, strict=True)) if _key(a) != _key(b)]
    if not bad:
        return "letter case only (LÊ for Lê)"
    wrong = [i for i in bad if _key(got.split()[i]) != _key(true[i])] if len(got.split()) == len(true) else bad
    i = wrong[0]
    slot = SURNAME if i == 0 else GIVEN if i == len(read) - 1 else MIDDLE
    k, t, g = _key(read[i]), _key(true[i]), _key(got.split()[i])
    prefix = "several damaged syllables; first: " if len(bad) > 1 else ""
    if not _known(t, slot):
        why = "truth not in the lexicon for its place"
    elif _known(k, slot) and not _outweighed_middle(k, slot):
        kind = ("tone mark only: Tuyến for Tuyền, Thủy for Thùy" if _same_letters(k, t)
                else "a modifier or letter: Vân for Văn, Lầu for Lều")
        why = f"read is itself a known name in its place ({kind})"
    elif g != k:
        why = "repaired to another candidate (its prior x slip was likelier)"
    else:
        cost = confusion_cost(k, t)
        budget = 2.0 if (slot == SURNAME or not is_vietnamese(read[i])) else 1.0
        ranked = [x for x in weigh(read[i], slot) if x[1] == k or x[2] <= budget]
        close = [x for x in ranked if x[1] != k]
        if cost > budget:
            why = f"truth beyond the confusion budget (cost {cost:g} > {budget:g})"
        elif len(close) > 1 and close[0][0] < DOMINANCE * close[1][0]:
            why = "tie: two candidates about as likely (Tý/Tỵ for Ty)"
        elif close and close[0][0] < CONFIDENCE:
            why = "well-formed read kept: as likely a rare real name as a slip"
        else:
            why = "other"
    return prefix + why


def _with_confidence(path: Path, split: str, misses: bool) -> dict:
    """names_conf.jsonl: the same kind of names with Tesseract's word confidences, repaired
    without them and with them (a real name read with low confidence may then be changed)."""
    from extractor.repair import repair_name
    from extractor.repair.build import held_out

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if split != "all":
        rows = [r for r in rows if held_out(r["true"]) == (split == "heldout")]
    out: dict = {"names": len(rows), "split": split}
    for label, use in (("without", False), ("with", True)):
        tally = Counter()
        for r in rows:
            got, fixes = repair_name(r["read"], confidences=r.get("conf") if use else None)
            if _norm(r["read"]) == _norm(r["true"]):
                tally["correct"] += 1
                tally["correct_changed"] += bool(fixes)
            else:
                tally["damaged"] += 1
                tally["restored"] += _norm(got) == _norm(r["true"])
                if misses and use and _norm(got) != _norm(r["true"]):
                    print(f"conf miss: {r['read']!r} {r.get('conf')} -> {got!r} (true {r['true']!r})")
        tally["restored_share"] = round(tally["restored"] / max(1, tally["damaged"]), 3)
        out[label] = dict(tally)
    return out


def _documents(path: Path, misses: bool) -> dict:
    """docs.jsonl: each document's reads repaired alone and then together (repair_names_in_document)."""
    from extractor.repair import repair_name
    from extractor.repair.document import repair_names_in_document

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    docs: dict[int, list[dict]] = {}
    for r in rows:
        docs.setdefault(r["doc"], []).append(r)
    tally = Counter()
    for doc in docs.values():
        together = repair_names_in_document([r["read"] for r in doc])
        for r, (got, fixes) in zip(doc, together, strict=True):
            alone = repair_name(r["read"])[0]
            ok = _norm(got) == _norm(r["true"])
            if _norm(r["read"]) == _norm(r["true"]):
                tally["correct"] += 1
                tally["correct_changed_alone"] += alone != r["read"]
                tally["correct_changed"] += bool(fixes)
            else:
                tally["damaged"] += 1
                tally["restored_alone"] += _norm(alone) == _norm(r["true"])
                tally["restored"] += ok
                if misses and not ok:
                    print(f"doc miss: {r['read']!r} -> {got!r} (true {r['true']!r})")
            # a reading repaired into another person's name of the same document: two people merged
            others = {_norm(o["true"]) for o in doc if o["person"] != r["person"]}
            tally["merged_with_another_person"] += bool(fixes) and _norm(got) in others and not ok
    return {"documents": len(docs), "reads": len(rows), **tally,
            "restored_share_alone": round(tally["restored_alone"] / max(1, tally["damaged"]), 3),
            "restored_share": round(tally["restored"] / max(1, tally["damaged"]), 3)}


def _scanned(n: int, misses: bool) -> dict:
    """Cadres of our own scanned decisions through read() and extract_document, repaired
    with the pages' word confidences and without them (the same OCR output both ways)."""
    import tempfile
    from dataclasses import replace

    from rapidfuzz import fuzz

    from bench.bench_photo import gold_assignments
    from bench.scans import degrade, render_decision, save_pdf
    from extractor.config import DEFAULT_CONFIG
    from extractor.evaluate import document_tally, new_tally, summarize
    from extractor.pipeline import extract_document
    from extractor.read import read
    from extractor.recognize.text import fold

    def add_tallies(a: dict, b: dict) -> dict:
        return {k: a.get(k, 0) + b.get(k, 0) for k in set(a) | set(b)}

    out: dict = {"documents": n}
    reread_words: Counter = Counter()
    cpu: Counter = Counter()
    with tempfile.TemporaryDirectory(prefix="bench-repair-") as tmp:
        for severity in ("office", "copy"):
            tally: dict[str, Counter] = {"with": Counter(), "without": Counter(), "no_rereads": Counter()}
            records: dict[str, dict] = {k: dict(new_tally()) for k in tally}
            for d in range(n):
                pages = render_decision(seed=500 + d, people=7, repeat_header=d % 2 == 0)
                truth = sorted({t.cells[(r, 1)] for p in pages for t in p.tables for r in range(t.nrows)
                                if (r, 1) in t.cells and t.cells[(r, 1)] != "Họ và tên"})
                images = [degrade(p, severity, seed=d * 10 + i, back=pages[i - 1] if i else None)
                          for i, p in enumerate(pages)]
                pdf = save_pdf(images, Path(tmp) / f"{severity}-{d}.pdf", dpi=200)
                # read with and without the second reading of names (what it costs), in turn first
                for on in ((True, False) if d % 2 else (False, True)):
                    c0 = _cpu()
                    got = read(pdf, config=replace(DEFAULT_CONFIG, ocr_reread_names=on))
                    cpu[severity, on] += _cpu() - c0
                    if on:
                        doc = got
                bare = replace(doc, pages=tuple(replace(p, word_confidences=()) for p in doc.pages))
                first = _without_rereads(doc)
                reread_words[severity] += sum(bool(w.rereads) for t in doc.tables for row in t.rows for c in row
                                              for w in getattr(c, "words", ()))
                gold = gold_assignments(pages)
                for label, version in (("with", doc), ("without", bare), ("no_rereads", first)):
                    t = tally[label]
                    extraction = extract_document(version)
                    records[label] = add_tallies(records[label], document_tally(
                        gold, extraction.to_dict().get("assignments") or []))
                    t["reread_repairs"] += sum("đọc lại ảnh" in r.reason for a in extraction.assignments
                                               for r in a.repairs)
                    for a in extraction.assignments:
                        span = a.cadre.span
                        as_read = doc.pages[span.page - 1].text[span.start:span.end] if span else a.cadre.text
                        best = max(truth, key=lambda name: fuzz.ratio(fold(name), fold(as_read)))
                        if fuzz.ratio(fold(best), fold(as_read)) < 75:
                            t["not_a_cadre_of_the_table"] += 1
                            continue
                        if _norm(as_read) == _norm(best):
                            t["correct"] += 1
                            t["correct_changed"] += _norm(a.cadre.text) != _norm(best)
                            continue
                        t["damaged"] += 1
                        ok = _norm(a.cadre.text) == _norm(best)
                        t["restored"] += ok
                        # a name the table or the linker cut short: nothing for the repair to do
                        t["damaged_cut_short"] += sum(any(ch.isalpha() for ch in w) for w in as_read.split()) \
                            < len(best.split())
                        if misses and not ok and label == "with":
                            print(f"scan miss ({severity}): {as_read!r} -> {a.cadre.text!r} (true {best!r})")
            for t in tally.values():
                t["restored_share"] = round(t["restored"] / max(1, t["damaged"]), 3)
            out[severity] = {k: dict(v) for k, v in tally.items()}
            for label, r in records.items():
                s = summarize(r)
                out[severity][label].update({k: s[k] for k in ("record_f1", "cadre_f1")})
            out[severity]["words_with_rereads"] = reread_words[severity]
            out[severity]["read_cpu_s"] = {"with_rereads": round(cpu[severity, True], 2),
                                           "without_rereads": round(cpu[severity, False], 2),
                                           "rereads_share": round(cpu[severity, True] / cpu[severity, False] - 1, 3)}
    return out


def _cpu() -> float:
    """CPU seconds of this process (Tesseract runs in it, in threads) and its children."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _without_rereads(doc):
    """The document with the second readings its reader stored on the words taken off:
    the repair as without them, on the same OCR output."""
    from dataclasses import replace

    from extractor.read.boxes import OcrCell

    def cell(c):
        return replace(c, words=tuple(replace(w, rereads=()) for w in c.words)) if isinstance(c, OcrCell) else c

    return replace(doc, tables=tuple(replace(t, rows=tuple(tuple(cell(c) for c in row) for row in t.rows))
                                     for t in doc.tables))


def _read_with_choices(n: int, seed: int, threads: int = 2, rereads: bool = False) -> list[dict]:
    """``n`` names read at run time with each character's alternatives, as
    corpora/ocr_names/names_choices.jsonl is built (``build_ocr_names.read_with_choices``);
    ``rereads``: those the repair is unsure of read a second time from their own line."""
    sys.path.insert(0, str(ROOT / "corpora" / "tools"))
    import build_ocr_names

    return build_ocr_names.read_with_choices(n, seed, threads, rereads=rereads)


def _why_missed_choices(row: dict, got: str) -> str:
    """Why a name read with alternatives was not restored: whether the first syllable
    left wrong was read as a name part known in its place, and whether the OCR model's
    alternatives for it spelled the truth (the evidence the repair had)."""
    from extractor.repair import GIVEN, MIDDLE, SURNAME, _key, _known, _outweighed_middle
    from extractor.repair.choices import readings

    read, true, out = row["read"].split(), row["true"].split(), got.split()
    if not len(read) == len(true) == len(out):
        return "syllables split, merged or lost by OCR"
    i = next(j for j in range(len(read)) if _norm(out[j]) != _norm(true[j]))
    slot = SURNAME if i == 0 else GIVEN if i == len(read) - 1 else MIDDLE
    key = _key(read[i])
    kind = "known" if _known(key, slot) and not _outweighed_middle(key, slot) else "unknown"
    if _norm(out[i]) != _norm(read[i]):
        return f"{kind} read, repaired to another name part"
    symbols = row["choices"][i]
    if not symbols:
        return f"{kind} read, no alternatives (the model was sure)"
    if any(_key(k) == _key(true[i]) for k, _ in readings(read[i], symbols)):
        return f"{kind} read, truth among the alternatives but not likely enough"
    return f"{kind} read, alternatives without the truth"


def _stored_rereads(row: dict) -> Callable[[], list[tuple[str, list, list]]]:
    """The second readings a row carries (``build_ocr_names.py --choices --rereads``), as
    the reader's re-read callable would give them: read when the repair asks."""
    return lambda: [(x["read"], x["conf"], x["choices"]) for x in row.get("rereads", ())]


def _with_choices(rows: list[dict], split: str, misses: bool, categories: bool = False) -> dict:
    """The names read with alternatives, repaired from the text alone, with word
    confidences, and with the characters' alternatives as well (``categories``: the
    misses with alternatives counted by :func:`_why_missed_choices`)."""
    from extractor.repair import repair_name
    from extractor.repair.build import held_out

    if split != "all":
        rows = [r for r in rows if held_out(r["true"]) == (split == "heldout")]
    out: dict = {"names": len(rows), "split": split}
    why: Counter = Counter()
    labels = ("text", "confidences", "choices") + (("rereads",) if any("rereads" in r for r in rows) else ())
    for label in labels:
        tally: Counter = Counter()
        by_sev: dict[str, Counter] = {}
        for r in rows:
            conf = r["conf"] if label != "text" else None
            choices = r["choices"] if label in ("choices", "rereads") else None
            got, fixes = repair_name(r["read"], confidences=conf, choices=choices,
                                     reread=_stored_rereads(r) if label == "rereads" else None)
            if _norm(r["read"]) == _norm(r["true"]):
                tally["correct"] += 1
                tally["correct_changed"] += bool(fixes)
                if misses and fixes and label == labels[-1]:
                    print(f"{label} changed a correct name: {r['read']!r} -> {got!r}")
            else:
                tally["damaged"] += 1
                ok = _norm(got) == _norm(r["true"])
                tally["restored"] += ok
                tally["changed_not_to_the_truth"] += bool(fixes) and not ok
                sev = by_sev.setdefault(r["severity"], Counter())
                sev["damaged"] += 1
                sev["restored"] += ok
                if misses and not ok and label == labels[-1]:
                    print(f"{label} miss: {r['read']!r} -> {got!r} (true {r['true']!r})")
                if not ok and label == labels[-1] and categories:
                    why[_why_missed_choices(r, got)] += 1
        tally["restored_share"] = round(tally["restored"] / max(1, tally["damaged"]), 3)
        out[label] = {**dict(tally), "restored_by_severity": {k: f"{v['restored']}/{v['damaged']}"
                                                             for k, v in sorted(by_sev.items())}}
    if categories:
        out["misses_by_category"] = dict(why.most_common())
    return out


def _same_letters(a: str, b: str) -> bool:
    from extractor.repair.confusion import units

    return units(a)[0] == units(b)[0]


def is_vietnamese(word: str) -> bool:
    from extractor.normalize import is_vietnamese_syllable

    return is_vietnamese_syllable(word)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names", default=str(ROOT / "corpora/ocr_names/names.jsonl"))
    ap.add_argument("--misses", action="store_true", help="list the damaged names not restored")
    ap.add_argument("--categories", action="store_true", help="count the misses by why they were missed")
    ap.add_argument("--split", choices=("all", "fit", "heldout"), default="all",
                    help="heldout: only names the OCR channel was not fitted on")
    ap.add_argument("--scans", type=int, default=0, metavar="N",
                    help="also N scanned decisions of our own through read() and extract, with and "
                         "without the pages' word confidences")
    ap.add_argument("--choices", type=int, default=0, metavar="N",
                    help="also N names made as corpora/ocr_names is, read in process with each character's "
                         "alternatives (tesserocr), repaired without and with them")
    ap.add_argument("--choices-seed", type=int, default=3)
    ap.add_argument("--rereads", action="store_true",
                    help="with --choices N: names the repair is unsure of also read again from their own line "
                         "(scored as 'rereads')")
    ap.add_argument("--save-choices", default=None, help="write the names read with alternatives here (JSON Lines)")
    ap.add_argument("--load-choices", default=None, help="score these names read with alternatives instead of reading")
    args = ap.parse_args(argv)
    from extractor.repair import GIVEN, MIDDLE, SURNAME, _key, _known, repair_name
    from extractor.repair.build import held_out

    def visible(read: str) -> bool:
        ws = read.split()
        return any(not _known(_key(w), SURNAME if i == 0 else GIVEN if i == len(ws) - 1 else MIDDLE)
                   for i, w in enumerate(ws))

    rows = [json.loads(line) for line in Path(args.names).read_text(encoding="utf-8").splitlines()]
    if args.split != "all":
        rows = [r for r in rows if held_out(r["true"]) == (args.split == "heldout")]
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
    if args.categories:
        counts = Counter(_why_missed(r, out[r["read"]][0]) for r in damaged if r not in restored)
        print(f"{'misses':>6}  category")
        for why, n in counts.most_common():
            print(f"{n:>6}  {why}")
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
        "correct_changed": len(changed), "correct": len(correct), "split": args.split,
    }
    print(json.dumps(summary, ensure_ascii=False))
    docs = Path(args.names).with_name("docs.jsonl")
    if docs.exists():
        summary["documents"] = _documents(docs, args.misses)
        print(json.dumps({"documents": summary["documents"]}, ensure_ascii=False))
    conf = Path(args.names).with_name("names_conf.jsonl")
    if conf.exists():
        summary["confidences"] = _with_confidence(conf, args.split, args.misses)
        print(json.dumps({"confidences": summary["confidences"]}, ensure_ascii=False))
    if args.scans:
        summary["scans"] = _scanned(args.scans, args.misses)
        print(json.dumps({"scans": summary["scans"]}, ensure_ascii=False))
    if args.choices or args.load_choices:
        if args.load_choices:
            crows = [json.loads(line) for line in Path(args.load_choices).read_text(encoding="utf-8").splitlines()]
        else:
            crows = _read_with_choices(args.choices, args.choices_seed, rereads=args.rereads)
        if args.save_choices:
            Path(args.save_choices).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in crows),
                                               encoding="utf-8")
        summary["choices"] = {sp: _with_choices(crows, sp, args.misses and sp == args.split, args.categories)
                              for sp in ("fit", "heldout")}
        print(json.dumps({"choices": summary["choices"]}, ensure_ascii=False))
    else:  # the names read with alternatives kept in the corpus (build_ocr_names.py --choices)
        for path in sorted(Path(args.names).parent.glob("names_choices*.jsonl")):
            crows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            summary[path.stem] = {sp: _with_choices(crows, sp, args.misses and sp == args.split, args.categories)
                                  for sp in ("fit", "heldout")}
            print(json.dumps({path.stem: summary[path.stem]}, ensure_ascii=False))
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
