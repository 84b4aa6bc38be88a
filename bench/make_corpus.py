"""Make an archive of N mixed documents for ``giaoviec ingest`` benchmarks and tests.

    python -m bench.make_corpus OUT --docs 1000 [--mix docx=35,pdf=35,scan=15,text=15] [--seed 7]

The texts are the project's own corpus (``corpora/extract/{train,dev}``: documents
we wrote, with gold); when it is absent a few sentences written here stand in. Each
copy gets a distinct filing line ("Lưu: VT, bản số 17") so that no two files have
the same bytes: the archive is N documents to process, not N/190 and skips.

Kinds (what archivists bring):
- ``docx``: python-docx, tables kept as Word tables;
- ``pdf``: a text PDF, the DOCX converted by LibreOffice (one ``soffice`` run for all);
- ``scan``: that PDF rasterised (pdftoppm, 200 dpi, grey), slightly rotated and saved
  as an image-only PDF: a paper scan that needs OCR;
- ``text``: the source as written (.txt / .md / .html, UTF-8).

Layout: ``OUT/<year>/<unit>/<name>``, with about a tenth of each year packed into
``OUT/<year>-bo-sung.zip`` (nested folders inside), as archives arrive.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora" / "extract"
UNITS = ["Chiêm Hóa", "Hàm Yên", "Na Hang", "Sơn Dương", "Yên Sơn", "Lâm Bình", "Hòa Phú", "Kim Bình",
         "Ea Kar", "Bắc Mê", "Vị Xuyên"]
DEFAULT_MIX = {"docx": 35, "pdf": 35, "scan": 15, "text": 15}

# Stand-in texts (written for this file) for a checkout without corpora/.
FALLBACK = [
    "ỦY BAN NHÂN DÂN HUYỆN CHIÊM HÓA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 45/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc giao nhiệm vụ đột phá năm 2021\n"
    "Điều 1. Giao đồng chí Hoàng Văn Minh, Chủ tịch UBND xã Hòa Phú thực hiện 2 việc đột phá: "
    "1. Xây dựng 3 km đường giao thông nông thôn; 2. Trồng mới 50 ha rừng sản xuất.\n",
    "Năm 2022, đồng chí Ma Thị Lan, Bí thư Đảng ủy xã Kim Bình được giao 3 việc đột phá là: "
    "phát triển vùng cam sành; kết nạp 5 đảng viên mới; xóa 10 nhà tạm cho hộ nghèo.\n",
    "BÁO CÁO kết quả thực hiện việc đột phá giai đoạn 2021 - 2025. Đồng chí Nông Văn Hải, Phó Chủ tịch UBND huyện "
    "Na Hang, được giao chỉ đạo hoàn thành chuyển đổi số trong cải cách hành chính.\n",
]


@dataclass(frozen=True, slots=True)
class Source:
    """A text to make documents from: paragraphs and tables in reading order."""

    name: str
    ext: str  # txt | md | html
    raw: str
    blocks: tuple  # ("p", text) | ("table", [[cell, ...], ...])


class _HtmlBlocks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list = []
        self._text: list[str] | None = None
        self._table: list | None = None
        self._row: list | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = []
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th", "p", "h1", "h2", "h3", "li", "div"):
            self._text = []
        elif tag == "br" and self._text is not None:
            self._text.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None:
            self._row.append("".join(self._text or []).strip())
            self._text = None
        elif tag == "tr" and self._table is not None and self._row is not None:
            self._table.append(self._row)
            self._row = None
        elif tag == "table" and self._table is not None:
            self.blocks.append(("table", self._table))
            self._table = None
        elif tag in ("p", "h1", "h2", "h3", "li", "div") and self._text is not None and self._table is None:
            text = "".join(self._text).strip()
            if text:
                self.blocks.append(("p", text))
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def load_sources(corpora: Path = CORPORA) -> list[Source]:
    """The project's own documents (text, Markdown, HTML) under corpora/extract."""
    out: list[Source] = []
    for path in sorted(corpora.glob("*/*")):
        if path.suffix not in (".txt", ".md", ".html"):
            continue
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            parser = _HtmlBlocks()
            parser.feed(raw)
            blocks = tuple(parser.blocks)
        else:
            blocks = tuple(("p", line) for line in raw.splitlines() if line.strip())
        out.append(Source(path.stem, path.suffix[1:], raw, blocks))
    if not out:
        out = [Source(f"mau-{i}", "txt", t, tuple(("p", line) for line in t.splitlines() if line.strip()))
               for i, t in enumerate(FALLBACK)]
    return out


def _filing_line(copy: int) -> str:
    return f"Lưu: VT, bản số {copy}."


def write_docx(src: Source, copy: int, path: Path) -> None:
    """A Word file with the source's paragraphs and tables (merged cells as written)."""
    from docx import Document as Docx
    from docx.shared import Pt

    d = Docx()
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(13)
    for kind, content in src.blocks:
        if kind == "p":
            for line in content.split("\n"):
                d.add_paragraph(line.replace("\t", "    "))
        else:
            rows = [r for r in content if r]
            if not rows:
                continue
            ncols = max(len(r) for r in rows)
            table = d.add_table(rows=len(rows), cols=ncols)
            table.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, cell in enumerate(r):
                    table.cell(i, j).text = cell
    d.add_paragraph(_filing_line(copy))
    d.save(str(path))


def write_text(src: Source, copy: int, path: Path) -> None:
    line = _filing_line(copy)
    if src.ext == "html":
        text = src.raw.replace("</body>", f"<p>{html.escape(line)}</p>\n</body>")
    else:
        text = src.raw.rstrip("\n") + "\n" + line + "\n"
    path.write_text(text, encoding="utf-8")


def docx_to_pdf(docx_files: list[Path], outdir: Path, *, batch: int = 80) -> None:
    """Convert with LibreOffice, many files per ``soffice`` start (it takes seconds to start)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("make_corpus: LibreOffice (soffice) is needed for text PDFs; "
                         "install libreoffice-writer-nogui (see README) or use --mix without pdf/scan")
    with tempfile.TemporaryDirectory(prefix="giaoviec-lo-") as profile:
        for i in range(0, len(docx_files), batch):
            chunk = docx_files[i:i + batch]
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", str(outdir), *map(str, chunk)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)


def pdf_to_scan(pdf: Path, out: Path, rng: random.Random, *, dpi: int = 200) -> int:
    """Rasterise a PDF the way a scanner would: grey pages, a slight skew, no text layer."""
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="giaoviec-scan-") as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        pages = []
        for png in sorted(Path(tmp).glob("p*.png")):
            img = Image.open(png).convert("L")
            img = img.rotate(rng.uniform(-0.8, 0.8), expand=False, fillcolor=255, resample=Image.BILINEAR)
            pages.append(img)
        if not pages:
            raise RuntimeError(f"{pdf}: pdftoppm produced no page")
        pages[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:])
        return len(pages)


def make_corpus(out: Path, docs: int, *, mix: dict[str, int] | None = None, seed: int = 7,
                zip_share: float = 0.1, years: tuple[int, int] = (2016, 2025)) -> dict:
    """Write ``docs`` documents under ``out``; returns a manifest (also OUT.manifest.json).

    >>> m = make_corpus(Path("/tmp/archive"), 20, mix={"docx": 50, "text": 50})
    >>> m["files"]
    20
    """
    mix = mix or DEFAULT_MIX
    rng = random.Random(seed)
    sources = load_sources()
    kinds = [k for k, w in mix.items() for _ in range(int(w))]
    out.mkdir(parents=True, exist_ok=True)
    plan = []
    for i in range(docs):
        src = sources[i % len(sources)]
        kind = kinds[rng.randrange(len(kinds))] if kinds else "text"
        year = rng.randint(*years)
        unit = rng.choice(UNITS)
        in_zip = rng.random() < zip_share
        plan.append((i, src, kind, year, unit, in_zip))

    manifest = {"files": docs, "kinds": {}, "zipped": 0, "scan_pages": 0, "sources": len(sources), "seed": seed}
    with tempfile.TemporaryDirectory(prefix="giaoviec-corpus-") as tmp:
        tmp = Path(tmp)
        staged: dict[int, Path] = {}
        to_pdf: list[Path] = []
        for i, src, kind, _year, _unit, _in_zip in plan:
            stem = f"{src.name}-{i:05d}"
            if kind == "text":
                p = tmp / f"{stem}.{src.ext}"
                write_text(src, i, p)
            else:
                p = tmp / f"{stem}.docx"
                write_docx(src, i, p)
                if kind in ("pdf", "scan"):
                    to_pdf.append(p)
            staged[i] = p
        if to_pdf:
            pdfdir = tmp / "pdf"
            pdfdir.mkdir()
            docx_to_pdf(to_pdf, pdfdir)
        zips: dict[int, zipfile.ZipFile] = {}
        try:
            for i, _src, kind, year, unit, in_zip in plan:
                p = staged[i]
                if kind in ("pdf", "scan"):
                    pdf = tmp / "pdf" / (p.stem + ".pdf")
                    if kind == "scan":
                        scan = tmp / "pdf" / (p.stem + "-scan.pdf")
                        manifest["scan_pages"] += pdf_to_scan(pdf, scan, rng)
                        pdf = scan
                    p = pdf
                name = p.name.replace("-scan.pdf", ".pdf")
                manifest["kinds"][kind] = manifest["kinds"].get(kind, 0) + 1
                if in_zip:
                    if year not in zips:
                        zips[year] = zipfile.ZipFile(out / f"{year}-bo-sung.zip", "w", zipfile.ZIP_DEFLATED)
                    zips[year].write(p, f"{year}/{unit}/{name}")
                    manifest["zipped"] += 1
                else:
                    dest = out / str(year) / unit / name
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(p, dest)
        finally:
            for zf in zips.values():
                zf.close()
    # Beside the archive, not in it: ingest would take it for a document.
    manifest_path(out).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def manifest_path(out: Path) -> Path:
    return out.with_name(out.name + ".manifest.json")


def parse_mix(text: str) -> dict[str, int]:
    mix = {}
    for part in text.split(","):
        k, _, v = part.partition("=")
        if k.strip() not in DEFAULT_MIX:
            raise argparse.ArgumentTypeError(f"unknown kind {k!r}; use {', '.join(DEFAULT_MIX)}")
        mix[k.strip()] = int(v or 1)
    return mix


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.make_corpus", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--mix", type=parse_mix, default=None, help="e.g. docx=35,pdf=35,scan=15,text=15")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--zip-share", type=float, default=0.1)
    args = ap.parse_args(argv)
    manifest = make_corpus(args.out, args.docs, mix=args.mix, seed=args.seed, zip_share=args.zip_share)
    print(json.dumps(manifest, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
