"""Real documents as office scans: what reading them from paper costs the extraction.

    python -m bench prose [--split train|dev] [--docs N]

The documents of ``../shared/corpus/<split>`` that have records in their gold (read in
place, never copied; skipped when absent) are typed into DOCX (Times New Roman 13 pt, as
offices print), laid out by LibreOffice, rasterised at 200 dpi grey by pdftoppm and
degraded as an office scanner does (turned up to 1.5°, blurred, noisy), then saved as
image-only PDFs. Each is extracted twice: from its text file and from its scan. Both are
scored against the gold with the contract's scorer (``extractor.evaluate``); the baseline
is the same documents' text, in the same run. The shipped model was trained on train,
so on train the two scores are not held-out figures: the gap between them is the measure.

Prints one JSON object: record F1, cadre F1, role and period accuracy of text and scan,
and the documents whose records the scan changed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOVIEC_SHARED", ROOT.parent / "shared"))


def typed_pdfs(paths: list[Path], work: Path, soffice: str) -> dict[str, Path]:
    """Each text typed into DOCX as offices type (Times New Roman 13 pt, one paragraph per
    line of the text) and laid out as PDF by LibreOffice in ``work``: stem -> PDF."""
    import docx
    from docx.shared import Pt

    typed = []
    for p in paths:
        d = docx.Document()
        d.styles["Normal"].font.name = "Times New Roman"
        d.styles["Normal"].font.size = Pt(13)
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d.add_paragraph(line.strip())
        typed.append(work / f"{p.name.split('.')[0]}.docx")
        d.save(typed[-1])
    subprocess.run([soffice, f"-env:UserInstallation=file://{work / '.lo'}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(work), *map(str, typed)],
                   check=True, capture_output=True, timeout=1800)
    return {t.stem: t.with_suffix(".pdf") for t in typed}


def text_and_scan(paths: list[Path], work: Path, soffice: str) -> tuple[dict[str, dict], dict[str, dict]]:
    """Each document extracted from its text file and from its office scan (typed, laid out
    and scanned in ``work``, the k-th with seed k): (stem -> contract object) twice."""
    from extractor.pipeline import extract_document
    from extractor.read import read

    pdfs = typed_pdfs(paths, work, soffice)
    text, scan = {}, {}
    for k, p in enumerate(paths):
        stem = p.name.split(".")[0]
        text[stem] = extract_document(read(p)).to_dict()
        scan[stem] = extract_document(read(scan_pdf(pdfs[stem], work / f"{stem}.scan.pdf", k))).to_dict()
    return text, scan


def scan_pdf(pdf: Path, out: Path, seed: int) -> Path:
    """The PDF's pages at 200 dpi grey, turned, blurred and noisy, as an image-only PDF."""
    import numpy as np
    from PIL import Image, ImageFilter

    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(out.with_suffix(""))], check=True,
                   timeout=300)
    rng = np.random.default_rng(seed)
    frames = []
    for png in sorted(out.parent.glob(out.stem + "-*.png")):
        im = Image.open(png).convert("L").rotate(float(rng.uniform(-1.5, 1.5)), resample=Image.BICUBIC,
                                                 fillcolor=255)
        im = im.filter(ImageFilter.GaussianBlur(0.6))
        arr = np.asarray(im, dtype=np.float32) + rng.normal(0, 10, (im.size[1], im.size[0]))
        frames.append(Image.fromarray(np.clip(arr, 0, 255).astype("uint8")))
    frames[0].save(out, save_all=True, append_images=frames[1:], resolution=200)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench prose", description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("train", "dev"), default="train")
    ap.add_argument("--docs", type=int, default=40, help="the first N documents with records (0 = all)")
    args = ap.parse_args(argv)

    from extractor.evaluate import document_tally, documents_for, is_exact, load_golds, score

    folder = SHARED / "corpus" / args.split
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    missing = [t for t, ok in (("soffice", binary), ("pdftoppm", shutil.which("pdftoppm")),
                               ("tesseract", shutil.which("tesseract"))) if not ok]
    if not folder.is_dir() or missing:
        print(json.dumps({"bench": "prose", "skipped": f"needs {folder} and {missing or 'tools'}"}))
        return 0
    golds = load_golds(folder)
    paths = [p for p in documents_for(folder) if golds.get(p.name.split(".")[0])]
    paths = paths[: args.docs] if args.docs else paths
    with tempfile.TemporaryDirectory(prefix="bench-prose-") as tmp:
        work = Path(tmp)
        text, scan = text_and_scan(paths, work, binary)
    g = {k: golds[k] for k in text}
    changed = [k for k in text if is_exact(document_tally(g[k], text[k]["assignments"])) !=
               is_exact(document_tally(g[k], scan[k]["assignments"]))]
    out = {"bench": "prose", "split": args.split, "documents": len(paths)}
    for label, preds in (("text", text), ("scan", scan)):
        s = dict(score(g, preds))
        out[label] = {k: s[k] for k in ("record_f1", "cadre_f1", "role_accuracy", "period_accuracy")}
    out["record_f1_gap"] = round(out["text"]["record_f1"] - out["scan"]["record_f1"], 3)
    out["exact_in_one_only"] = changed
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
