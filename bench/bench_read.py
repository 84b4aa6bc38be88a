"""Benchmark reading: OCR accuracy and speed, text PDF and DOCX speed.

    python -m bench read [--docs N] [--processes N]
    python bench/bench_read.py --docs 17

Made at run time from ../shared/corpus/dev/*.txt (read in place, never copied; the
benchmark is skipped when absent): each text becomes a DOCX (python-docx), a PDF
(LibreOffice), 300-dpi page images (pdftoppm), and degraded scans of them (1-2°
rotation, noise, blur). Then, in one run:

- OCR character error rate, clean and degraded: the OCR text of a document's pages
  against its source text, both NFC/tone-normalised with whitespace collapsed
  (targets: <= 1 % clean, <= 3 % degraded);
- scanned pages/s through ``read()`` (a multi-page TIFF of the degraded pages, and the
  same pages as an image-only PDF) against the plain ``tesseract IMG stdout -l vie``
  on the same images with the same number of processes (target ratio >= 0.9);
- text-PDF pages/s through ``read()`` against bare ``pdfplumber`` ``extract_text``;
- DOCX pages/s (pages as LibreOffice lays them out) against bare python-docx text.

The sides of each comparison alternate and the best run of each is kept (and, for
OCR, every round's ratio and their median); CPU
seconds (this process and its children) are reported beside wall time because on a
shared machine wall time swings by a third between identical runs.

Appendix tables in scans (always run; ``--table-docs N``, 0 = skip): decisions with
their ruled appendix tables drawn by ``bench/scans.py`` (name and position cells merged
over task rows, tables continued over pages), degraded at each severity and read from
an image-only PDF:

- table cells in the right row and column, and cell-text CER, against the drawn grid
  (targets at office severity: >= 98 % and <= 2 %);
- tables found against tables drawn;
- the same for tables typed without rules (columns apart by white space), clean and
  office, on ``--borderless-docs`` appendices of three cadres;
- scanned pages/s of ``read()`` against plain ``tesseract PAGE stdout -l vie`` on the
  same office pages (target ratio >= 0.9), and of ``read()`` without the second reading of
  names (``ocr_reread_names=False``): ``rereads_cpu_share``, what it costs.

Side by side on the same office pages (issue 12: libraries before our own code):

- ``office_read_by_command``: read() with the tesseract command as its engine (its
  fallback without tesserocr), scored as above; its speed as
  ``ratio_read_by_command_vs_plain``;
- ``engines_office_pages``: the engine alone on whole pages, both cores: the command
  against tesserocr in process (pages/s, CPU-s a page, how far their texts differ);
- ``office_img2table``: img2table's tables and cells (``--img2table-python``: an
  interpreter with img2table installed; it needs opencv-contrib-python, which would
  replace the project's OpenCV, so it is not installed beside it).

Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOVIEC_SHARED", ROOT.parent / "shared"))


def _degrade(src: Path, out: Path, seed: int) -> Path:
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    angle = float(rng.uniform(1.0, 2.0) * rng.choice([-1, 1]))
    im = Image.open(src).convert("L").rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    im = im.filter(ImageFilter.GaussianBlur(0.8))
    arr = np.asarray(im, dtype=np.float32)
    arr = np.clip(arr + rng.normal(0, 12, arr.shape), 0, 255).astype("uint8")
    # a scanner records its resolution; so do these scans (both sides of the speed
    # comparison read the same files, so both then work at 300 dpi)
    Image.fromarray(arr).save(out, compress_level=1, dpi=(300, 300))
    return out


def _soffice_convert(paths: list[Path], target: str, outdir: Path) -> None:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([binary, f"-env:UserInstallation=file://{outdir / '.lo'}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(outdir), *map(str, paths)],
                   check=True, capture_output=True, timeout=900)


def _norm(text: str) -> str:
    from extractor.normalize import normalize_line

    return normalize_line(text)


def _cer(hyp: str, ref: str) -> tuple[int, int]:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(_norm(hyp), _norm(ref)), len(_norm(ref))


def _timed(fn):
    """(result, wall seconds, CPU seconds of this process and its children). CPU time is
    what to compare on a shared, loaded machine: wall time there swings by +-30 %."""
    import resource

    def cpu() -> float:
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    c0, t0 = cpu(), time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0, cpu() - c0


def _plain_tesseract(images: list[Path], processes: int) -> None:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(img: Path) -> None:
        subprocess.run(["tesseract", str(img), "stdout", "-l", "vie"], capture_output=True, env=env, check=True)

    with ThreadPoolExecutor(max_workers=processes) as pool:
        list(pool.map(one, images))


def _score_into(total: dict, doc, pages) -> None:
    """Add one read document's tables, scored against the drawn ones, to ``total``."""
    from bench.scans import score_table

    for number, page in enumerate(pages, start=1):
        found = [t for t in doc.tables if t.page == number]
        total["tables_drawn"] += len(page.tables)
        total["tables_found"] += len(found)
        for k, truth in enumerate(page.tables):
            rows = [[c.text for c in r] for r in found[k].rows] if k < len(found) else []
            for key, v in score_table(rows, truth).items():
                total[key] += v


def _summary(total: dict) -> dict:
    return {"pages": total["pages"], "tables_drawn": total["tables_drawn"], "tables_found": total["tables_found"],
            "cells": total["cells"],
            "cells_right_row_col": round(total["right"] / max(1, total["cells"]), 4),
            "cell_cer": round(total["edits"] / max(1, total["chars"]), 4)}


def _new_total() -> dict:
    return {"cells": 0, "right": 0, "edits": 0, "chars": 0, "tables_drawn": 0, "tables_found": 0, "pages": 0}


def _inprocess_run(images: list[Path], processes: int) -> list[str]:
    """tesserocr on whole pages, one API per thread (engine.recognize), like the plain
    command: each page's words joined."""
    import numpy as np
    from PIL import Image

    from extractor.read import engine

    def one(img: Path) -> str:
        im = Image.open(img)
        dpi = im.info.get("dpi", (0, 0))[0]
        words = engine.recognize([np.asarray(im.convert("L"))], language="vie", psm=3, dpi=round(dpi) or None)[0]
        return " ".join(w.text for w in words)

    with ThreadPoolExecutor(max_workers=processes) as pool:
        return list(pool.map(one, images))


def _plain_texts(images: list[Path], processes: int) -> list[str]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(img: Path) -> str:
        out = subprocess.run(["tesseract", str(img), "stdout", "-l", "vie"], capture_output=True, env=env, check=True)
        return out.stdout.decode("utf-8", "replace")

    with ThreadPoolExecutor(max_workers=processes) as pool:
        return list(pool.map(one, images))


def _engines(office_pages: list[Path], processes: int, rounds: int) -> dict:
    """The OCR engine alone, side by side on the same whole pages, both cores busy: the
    tesseract command (what read() ran before; now its fallback) against tesserocr in
    this process. CPU seconds of the in-process side are this process's own."""
    from rapidfuzz.distance import Levenshtein

    from extractor.read import engine

    if not engine.inprocess_available("vie"):
        return {"skipped": "tesserocr is not installed"}
    cmd_runs, inproc_runs = [], []
    for _ in range(max(1, rounds)):
        cmd_text, wall, cpu = _timed(lambda: _plain_texts(office_pages, processes))
        cmd_runs.append((wall, cpu))
        in_text, wall, cpu = _timed(lambda: _inprocess_run(office_pages, processes))
        inproc_runs.append((wall, cpu))
    a = [" ".join(_norm(t).split()) for t in cmd_text]
    b = [" ".join(_norm(t).split()) for t in in_text]
    words_a = [w for t in a for w in t.split()]
    words_b = [w for t in b for w in t.split()]
    n = len(office_pages)
    return {
        "pages": n,
        "command_pages_per_s": round(n / min(w for w, _ in cmd_runs), 3),
        "tesserocr_pages_per_s": round(n / min(w for w, _ in inproc_runs), 3),
        "cpu_s_per_page_command": round(min(c for _, c in cmd_runs) / n, 3),
        "cpu_s_per_page_tesserocr": round(min(c for _, c in inproc_runs) / n, 3),
        # the two disagree mostly on how a whole page with a ruled table is ordered and
        # split (5.3 command, 5.5 library); read() reads tables cell by cell, see below
        "char_difference_rate": round(sum(Levenshtein.distance(x, y) for x, y in zip(a, b, strict=True))
                                      / max(1, sum(map(len, a))), 4),  # a page's text each side
        "word_difference_rate": round(Levenshtein.distance(words_a, words_b) / max(1, len(words_a)), 4),
        "versions": {"tesserocr": engine.library_version()},
    }


# img2table (MIT) needs opencv-contrib-python, which would replace the project's
# opencv-python-headless in the same environment: it runs in an interpreter of its own
# (--img2table-python), given the page images, and prints the cells of each table.
_IMG2TABLE_SCRIPT = r"""
import json, sys
from img2table.document import Image
from img2table.ocr import TesseractOCR
ocr = TesseractOCR(n_threads=1, lang="vie")
out = []
for path in sys.argv[1:]:
    tables = Image(path, detect_rotation=True).extract_tables(ocr=ocr, implicit_rows=False,
                                                             borderless_tables=False, min_confidence=1)
    out.append([[[c.value or "" for c in row] for row in t.content.values()] for t in tables])
print(json.dumps(out, ensure_ascii=False))
"""


def _img2table(python: str | None, office_pages: list[Path], truths: list) -> dict:
    """img2table's table finding and cells on the office pages, scored as ours are."""
    from bench.scans import score_table

    if not python or not Path(python).exists():
        return {"skipped": "no interpreter with img2table (--img2table-python)"}
    proc, wall, cpu = _timed(lambda: subprocess.run([python, "-c", _IMG2TABLE_SCRIPT, *map(str, office_pages)],
                                                   capture_output=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"},
                                                   timeout=3600))
    if proc.returncode != 0:
        return {"error": proc.stderr.decode("utf-8", "replace")[-300:]}
    # img2table lets Tesseract's version banner through to stdout: the JSON is the last line
    found = json.loads(proc.stdout.decode("utf-8").strip().splitlines()[-1])
    total = _new_total()
    for tables, truth in zip(found, truths, strict=True):  # img2table answers for every page given
        total["pages"] += 1
        total["tables_drawn"] += len(truth)
        total["tables_found"] += len(tables)
        for k, t in enumerate(truth):
            rows = tables[k] if k < len(tables) else []
            for key, v in score_table(rows, t).items():
                total[key] += v
    return {**_summary(total), "wall_s": round(wall, 1), "cpu_s": round(cpu, 1)}


def _table_bench(docs: int, processes: int, rounds: int, tmp: Path, borderless: int = 2,
                 img2table_python: str | None = None) -> dict:
    """Cells of appendix tables read from scans at each severity, and scanned speed."""
    from bench.scans import degrade, render_decision, save_pdf
    from extractor.config import DEFAULT_CONFIG
    from extractor.read import engine, read

    config = replace(DEFAULT_CONFIG, ocr_processes=processes)
    out: dict = {"documents": docs, "severities": {}}
    office_pages: list[Path] = []
    office_truth: list = []
    by_command = _new_total()
    for severity in ("clean", "office", "copy"):
        total = _new_total()
        for d in range(docs):
            pages = render_decision(seed=d, people=7, repeat_header=d % 2 == 0)
            images = [degrade(p, severity, seed=d * 10 + i, back=pages[i - 1] if i else None)
                      for i, p in enumerate(pages)]
            dpi = 300 if severity == "clean" else 200
            pdf = save_pdf(images, tmp / f"tables-{severity}-{d}.pdf", dpi=dpi)
            if severity == "office":
                for i, im in enumerate(images):
                    f = tmp / f"tables-office-{d}-{i}.png"
                    im.save(f, dpi=(dpi, dpi))
                    office_pages.append(f)
                    office_truth.append(pages[i].tables)
                if engine.inprocess_available("vie"):
                    with engine.command_only():
                        doc = read(pdf, config=config)
                    by_command["pages"] += len(pages)
                    _score_into(by_command, doc, pages)
            doc = read(pdf, config=config)
            total["pages"] += len(pages)
            _score_into(total, doc, pages)
        out["severities"][severity] = _summary(total)
    out["targets_office"] = {"cells_right_row_col": 0.98, "cell_cer": 0.02}
    # the same office pages through read() with the tesseract command as the engine,
    # and through img2table: side by side with the lines above
    out["office_read_by_command"] = _summary(by_command) if by_command["pages"] else None
    out["office_img2table"] = _img2table(img2table_python, office_pages, office_truth)
    out["borderless"] = {}
    for severity in ("clean", "office") if borderless else ():
        total = _new_total()
        for d in range(borderless):
            page = render_decision(seed=100 + d, people=3, ruled=False)[1]
            dpi = 300 if severity == "clean" else 200
            f = tmp / f"borderless-{severity}-{d}.png"
            degrade(page, severity, seed=d).save(f, dpi=(dpi, dpi))
            doc = read(f, config=config)
            total["pages"] += 1
            _score_into(total, doc, [page])
        out["borderless"][severity] = _summary(total)
    # speed: the office pages as one image-only PDF through read(), against plain
    # tesseract on the same page images, sides alternated; read() also with the
    # tesseract command as its engine (what it falls back to without tesserocr)
    from PIL import Image

    pdf = save_pdf([Image.open(p) for p in office_pages], tmp / "tables-office-all.pdf", dpi=200)
    plain_runs, read_runs, command_runs, first_runs = [], [], [], []
    first_only = replace(config, ocr_reread_names=False)
    for _ in range(max(1, rounds)):
        _, wall, cpu = _timed(lambda: _plain_tesseract(office_pages, processes))
        plain_runs.append((wall, cpu))
        office_doc, wall, cpu = _timed(lambda: read(pdf, config=config))
        read_runs.append((wall, cpu))
        # without the second reading of names the repair will be unsure of (what it costs)
        _, wall, cpu = _timed(lambda: read(pdf, config=first_only))
        first_runs.append((wall, cpu))
        if engine.inprocess_available("vie"):
            with engine.command_only():
                _, wall, cpu = _timed(lambda: read(pdf, config=config))
            command_runs.append((wall, cpu))
    ratios = sorted(round(a[0] / b[0], 3) for a, b in zip(plain_runs, read_runs, strict=True))  # one each a round
    n = len(office_pages)
    out["scanned_speed_office"] = {
        "pages": n,
        "engine": "tesserocr" if engine.inprocess_available("vie") else "tesseract command",
        "plain_tesseract_pages_per_s": round(n / min(w for w, _ in plain_runs), 3),
        "read_image_pdf_pages_per_s": round(n / min(w for w, _ in read_runs), 3),
        "ratio_read_vs_plain_best": round(min(w for w, _ in plain_runs) / min(w for w, _ in read_runs), 3),
        "ratio_each_round_sorted": ratios,
        "ratio_median_round": ratios[len(ratios) // 2],
        "cpu_ratio_read_vs_plain": round(min(c for _, c in plain_runs) / min(c for _, c in read_runs), 3),
        "target_ratio": 0.9,
        "load_average_1min": round(os.getloadavg()[0], 1),
        "ratio_read_without_rereads_vs_plain_best":
            round(min(w for w, _ in plain_runs) / min(w for w, _ in first_runs), 3),
        "cpu_ratio_read_without_rereads_vs_plain":
            round(min(c for _, c in plain_runs) / min(c for _, c in first_runs), 3),
        "rereads_cpu_share": round(min(c for _, c in read_runs) / min(c for _, c in first_runs) - 1, 3),
        "rereads_words": sum(bool(w.rereads) for t in office_doc.tables for row in t.rows for c in row
                             for w in getattr(c, "words", ())),
    }
    if command_runs:
        out["scanned_speed_office"].update({
            "ratio_read_by_command_vs_plain_best":
                round(min(w for w, _ in plain_runs) / min(w for w, _ in command_runs), 3),
            "cpu_ratio_read_by_command_vs_plain":
                round(min(c for _, c in plain_runs) / min(c for _, c in command_runs), 3),
        })
    out["engines_office_pages"] = _engines(office_pages, processes, rounds)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_read", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=6, help="how many dev texts to use (default 6; 0 = all)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="OCR processes (both sides)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating timing rounds, best kept (default 3)")
    parser.add_argument("--table-docs", type=int, default=3,
                        help="synthetic decisions with appendix tables for the table bench (default 3; 0 = skip)")
    parser.add_argument("--borderless-docs", type=int, default=2,
                        help="appendices typed without rules for the table bench (default 2; 0 = skip)")
    parser.add_argument("--tables-only", action="store_true", help="only the table bench")
    parser.add_argument("--img2table-python", default=None,
                        help="an interpreter with img2table installed, to measure it on the same pages "
                             "(skipped if not given)")
    args = parser.parse_args(argv)

    tables = None
    if args.table_docs and shutil.which("tesseract"):
        ttmp = Path(tempfile.mkdtemp(prefix="bench-tables-"))
        try:
            tables = _table_bench(args.table_docs, args.processes, args.rounds, ttmp, args.borderless_docs,
                                  args.img2table_python)
        finally:
            shutil.rmtree(ttmp, ignore_errors=True)
    if args.tables_only:
        print(json.dumps({"bench": "read", "tables": tables}, ensure_ascii=False, indent=1))
        return 0

    dev = SHARED / "corpus" / "dev"
    texts = sorted(dev.glob("*.txt")) if dev.is_dir() else []
    missing = [t for t in ("soffice", "pdftoppm", "tesseract")
               if not (shutil.which(t) or (t == "soffice" and shutil.which("libreoffice")))]
    if not texts or missing:
        print(json.dumps({"bench": "read", "skipped": f"needs {dev} and {missing or 'tools'}", "tables": tables},
                         ensure_ascii=False, indent=1))
        return 0
    if args.docs:
        texts = texts[: args.docs]

    import docx
    import pdfplumber

    from extractor.config import DEFAULT_CONFIG
    from extractor.read import read

    config = replace(DEFAULT_CONFIG, ocr_processes=args.processes)
    tmp = Path(tempfile.mkdtemp(prefix="bench-read-"))
    try:
        # ---- make the documents: DOCX -> PDF -> page images -> degraded scans
        sources: dict[str, str] = {}
        docx_paths = []
        for t in texts:
            raw = t.read_text(encoding="utf-8")
            sources[t.stem] = raw
            d = docx.Document()
            for line in raw.splitlines():
                if line.strip():
                    d.add_paragraph(line.strip())
            p = tmp / f"{t.stem}.docx"
            d.save(p)
            docx_paths.append(p)
        _soffice_convert(docx_paths, "pdf", tmp)
        pages: dict[str, list[Path]] = {}
        degraded: dict[str, list[Path]] = {}
        for k, t in enumerate(texts):
            pdf = tmp / f"{t.stem}.pdf"
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(tmp / t.stem)], check=True)
            pages[t.stem] = sorted(tmp.glob(f"{t.stem}-*.png"))
            degraded[t.stem] = [_degrade(p, tmp / f"deg-{p.name}", seed=k * 100 + i)
                                for i, p in enumerate(pages[t.stem])]
        n_pages = sum(len(v) for v in pages.values())

        # ---- text PDF and DOCX speed vs bare libraries
        pdfs = [tmp / f"{t.stem}.pdf" for t in texts]

        def bare_pdf_run():
            for p in pdfs:
                with pdfplumber.open(p) as pdf:
                    for page in pdf.pages:
                        page.extract_text()

        def bare_docx_run():
            for p in docx_paths:
                "\n".join(par.text for par in docx.Document(p).paragraphs)

        runs: dict[str, list[float]] = {"bare_pdf": [], "ours_pdf": [], "bare_docx": [], "ours_docx": []}
        for _ in range(3):
            runs["bare_pdf"].append(_timed(bare_pdf_run)[2])
            runs["ours_pdf"].append(_timed(lambda: [read(p, config=config) for p in pdfs])[2])
            runs["bare_docx"].append(_timed(bare_docx_run)[2])
            runs["ours_docx"].append(_timed(lambda: [read(p, config=config) for p in docx_paths])[2])
        bare_pdf, ours_pdf = min(runs["bare_pdf"]), min(runs["ours_pdf"])
        bare_docx, ours_docx = min(runs["bare_docx"]), min(runs["ours_docx"])

        # ---- OCR speed: the same degraded images, same process count
        from PIL import Image

        all_degraded = [p for t in texts for p in degraded[t.stem]]
        tiff = tmp / "all-degraded.tif"
        frames = [Image.open(p) for p in all_degraded]
        frames[0].save(tiff, save_all=True, append_images=frames[1:], compression="tiff_lzw", dpi=(300, 300))
        scan_pdf = tmp / "all-degraded.pdf"
        frames[0].save(scan_pdf, save_all=True, append_images=frames[1:], resolution=300)
        # alternate the three sides, --rounds times, so that load from other work on the
        # machine hits them alike; the best of each is kept, and each round's ratio too
        # (on this shared VM the same side's wall time swung by 15 % between rounds)
        plain_runs, tiff_runs, pdf_runs = [], [], []
        for _ in range(max(1, args.rounds)):
            _, wall, cpu = _timed(lambda: _plain_tesseract(all_degraded, args.processes))
            plain_runs.append((wall, cpu))
            tiff_doc, wall, cpu = _timed(lambda: read(tiff, config=config))
            tiff_runs.append((wall, cpu))
            _, wall, cpu = _timed(lambda: read(scan_pdf, config=config))
            pdf_runs.append((wall, cpu))
        plain, plain_cpu = min(w for w, _ in plain_runs), min(c for _, c in plain_runs)
        ours_tiff, ours_tiff_cpu = min(w for w, _ in tiff_runs), min(c for _, c in tiff_runs)
        ours_scan_pdf, cpu_scan_pdf = min(w for w, _ in pdf_runs), min(c for _, c in pdf_runs)

        def per_round(ours_runs):
            ratios = sorted(round(a[0] / b[0], 3) for a, b in zip(plain_runs, ours_runs, strict=True))
            return ratios, ratios[len(ratios) // 2]

        # ---- OCR accuracy: clean pages (one read per document) and degraded (from the TIFF run)
        errors_clean = chars = errors_deg = 0
        per_doc = {}
        offset = 0
        for t in texts:
            clean_tiff = tmp / f"clean-{t.stem}.tif"
            imgs = [Image.open(p) for p in pages[t.stem]]
            imgs[0].save(clean_tiff, save_all=True, append_images=imgs[1:], compression="tiff_lzw")
            clean_doc = read(clean_tiff, config=config)
            e_c, n = _cer(clean_doc.text, sources[t.stem])
            count = len(degraded[t.stem])
            deg_text = "\n".join(p.text for p in tiff_doc.pages[offset: offset + count])
            offset += count
            e_d, _ = _cer(deg_text, sources[t.stem])
            errors_clean += e_c
            errors_deg += e_d
            chars += n
            per_doc[t.stem] = {"pages": count, "cer_clean": round(e_c / n, 4), "cer_degraded": round(e_d / n, 4)}

        summary = {
            "bench": "read",
            "documents": len(texts),
            "pages": n_pages,
            "processes": args.processes,
            "ocr": {
                "cer_clean": round(errors_clean / chars, 4),
                "cer_degraded": round(errors_deg / chars, 4),
                "targets": {"cer_clean": 0.01, "cer_degraded": 0.03},
                "per_document": per_doc,
                "mean_confidence_degraded": round(sum(p.confidence or 0 for p in tiff_doc.pages) / n_pages, 1),
                "pages_flagged_for_review": sum(p.needs_review for p in tiff_doc.pages),
            },
            "scanned_speed": {
                "plain_tesseract_pages_per_s": round(n_pages / plain, 3),
                "read_tiff_pages_per_s": round(n_pages / ours_tiff, 3),
                "read_image_pdf_pages_per_s": round(n_pages / ours_scan_pdf, 3),
                "ratio_read_tiff_vs_plain": round(plain / ours_tiff, 3),
                "ratio_read_image_pdf_vs_plain": round(plain / ours_scan_pdf, 3),
                "cpu_s_per_page_plain": round(plain_cpu / n_pages, 2),
                "cpu_s_per_page_read_tiff": round(ours_tiff_cpu / n_pages, 2),
                "cpu_s_per_page_read_image_pdf": round(cpu_scan_pdf / n_pages, 2),
                "cpu_ratio_read_tiff_vs_plain": round(plain_cpu / ours_tiff_cpu, 3),
                "cpu_ratio_read_image_pdf_vs_plain": round(plain_cpu / cpu_scan_pdf, 3),
                "rounds": max(1, args.rounds),
                "ratio_read_tiff_vs_plain_each_round_sorted": per_round(tiff_runs)[0],
                "ratio_read_tiff_vs_plain_median_round": per_round(tiff_runs)[1],
                "ratio_read_image_pdf_vs_plain_each_round_sorted": per_round(pdf_runs)[0],
                "ratio_read_image_pdf_vs_plain_median_round": per_round(pdf_runs)[1],
                "wall_runs": {"plain": [round(w, 1) for w, _ in plain_runs],
                              "read_tiff": [round(w, 1) for w, _ in tiff_runs],
                              "read_image_pdf": [round(w, 1) for w, _ in pdf_runs]},
                "target_ratio": 0.9,
                "load_average_1min": round(os.getloadavg()[0], 1),
            },
            "tables": tables,
            "text_pdf": {
                "measure": "CPU seconds, best of 3 alternating runs",
                "read_pages_per_s": round(n_pages / ours_pdf, 2),
                "bare_pdfplumber_pages_per_s": round(n_pages / bare_pdf, 2),
                "ratio_read_vs_bare": round(bare_pdf / ours_pdf, 3),
            },
            "docx": {
                "measure": "CPU seconds, best of 3 alternating runs",
                "read_pages_per_s": round(n_pages / ours_docx, 2),
                "bare_python_docx_pages_per_s": round(n_pages / bare_docx, 2),
                "ratio_read_vs_bare": round(bare_docx / ours_docx, 3),
            },
        }
        print(json.dumps(summary, ensure_ascii=False, indent=1))
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
