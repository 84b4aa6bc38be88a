"""Helpers shared by tests/read (a plain module: the test folders are not packages)."""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

SENTENCE = ("Ban Thường vụ Huyện ủy giao việc đột phá năm 2024 cho đồng chí Nguyễn Thị Lan, "
            "Chủ tịch Ủy ban nhân dân xã Hòa Phú: hoàn thành đường giao thông nông thôn, "
            "trồng mới hai mươi héc ta rừng sản xuất; xây dựng nhà văn hóa thôn Đồng Mạ.")


def cp1258(s: str) -> bytes:
    """Windows-1258 writes tones as combining marks after a precomposed base letter."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in "\u0300\u0301\u0303\u0309\u0323"))
            tone = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
            out.append(base.encode("cp1258") + tone.encode("cp1258"))
    return b"".join(out)




def check_spans(doc):
    """Every block, table and cell points at its own text in the normalised page."""
    for b in doc.blocks:
        assert doc.pages[b.span.page - 1].text[b.span.start:b.span.end] == b.text
    for t in doc.tables:
        page = doc.pages[t.page - 1].text
        assert page[t.span.start:t.span.end].count("\n") == len(t.rows) - 1
        for row in t.rows:
            for cell in row:
                assert page[cell.span.start:cell.span.end] == cell.text
                assert "\t" not in cell.text and "\n" not in cell.text


def words_in_order(text: str, expected: str) -> float:
    """Share of the expected words found in ``text`` in the same order (OCR is checked by
    its words in order, not by exact equality)."""
    import difflib

    a = expected.split()
    b = text.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(m.size for m in matcher.get_matching_blocks()) / len(a) if a else 1.0


def text_image(lines: list[str], path, *, size: int = 40, width: int = 1600, pad: int = 60):
    """A clean image of ``lines`` (DejaVu Serif), for small fast OCR tests."""
    from pathlib import Path

    from PIL import Image, ImageDraw, ImageFont

    candidates = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
                  Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")]
    font_path = next((p for p in candidates if p.exists()), None)
    if font_path is None:
        import pytest

        pytest.skip("no TrueType font with Vietnamese letters (fonts-dejavu-core)")
    font = ImageFont.truetype(str(font_path), size)
    height = pad * 2 + int(size * 1.6) * len(lines)
    im = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(im)
    for k, line in enumerate(lines):
        draw.text((pad, pad + k * int(size * 1.6)), line, font=font, fill=0)
    return im


# --------------------------------------------------------------------------- document makers

# A made-up decision: names, units and tasks are invented for the tests.
DECISION_TITLE = "QUYẾT ĐỊNH về việc giao việc đột phá năm 2024"
PEOPLE = [
    ("Nguyễn Thị Lan", "Chủ tịch UBND xã", ["Hoàn thành đường giao thông nông thôn thôn Bản Khoá",
                                            "Trồng mới 20 ha rừng sản xuất",
                                            "Xây dựng nhà văn hoá thôn Đồng Mạ"]),
    ("Lê Văn Thuỷ", "Bí thư Đảng uỷ xã", ["Kết nạp 5 đảng viên mới"]),
    ("Hoàng Đức Minh", "Trưởng Phòng Tài chính", ["Giảm nợ đọng xây dựng cơ bản",
                                                 "Số hoá hồ sơ ngân sách"]),
]
HEADER = ["STT", "Họ và tên", "Chức vụ", "Nội dung việc đột phá", "Thời gian"]


def soffice() -> str:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if not binary:
        pytest.skip("LibreOffice (soffice) is not installed")
    return binary


def convert(paths: list[Path], target: str, outdir: Path) -> list[Path]:
    """Convert files with LibreOffice headless in one run (start-up is the slow part)."""
    binary = soffice()
    profile = outdir / ".lo-profile"
    subprocess.run([binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(outdir), *map(str, paths)],
                   check=True, capture_output=True, timeout=300)
    out = [outdir / (p.stem + "." + target.split(":")[0]) for p in paths]
    for o in out:
        assert o.exists(), f"LibreOffice did not write {o}"
    return out


def render(pdf: Path, outdir: Path, dpi: int = 300) -> list[Path]:
    """Render every page of a PDF to grayscale PNG with pdftoppm."""
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    stem = outdir / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(stem)], check=True, timeout=300)
    return sorted(outdir.glob(pdf.stem + "-*.png"))


def degrade(png: Path, out: Path, *, angle: float = 1.5, noise: float = 12.0, blur: float = 0.7, seed: int = 1) -> Path:
    """A degraded scan: rotated by ``angle`` degrees, Gaussian noise, slight blur."""
    import numpy as np
    from PIL import Image, ImageFilter

    im = Image.open(png).convert("L")
    im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    im = im.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(im, dtype=np.float32)
    rng = np.random.default_rng(seed)
    arr = np.clip(arr + rng.normal(0, noise, arr.shape), 0, 255).astype("uint8")
    Image.fromarray(arr).save(out)
    return out


def images_to_pdf(images: list[Path], out: Path, dpi: int = 300) -> Path:
    """An image-only PDF (a scan with no text layer)."""
    from PIL import Image

    frames = [Image.open(p).convert("L") for p in images]
    frames[0].save(out, save_all=True, append_images=frames[1:], resolution=dpi)
    return out


def decision_docx(path: Path, *, people=PEOPLE, intro: bool = True) -> Path:
    """A decision with numbered articles and an appendix table whose name, position and
    number cells are merged over the rows of that person's tasks."""
    import docx
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    if intro:
        d.add_paragraph(DECISION_TITLE)
        d.add_paragraph("Điều 1. Giao việc đột phá cho các đồng chí có tên tại Phụ lục kèm theo.")
        d.add_paragraph("Điều 2. Quyết định có hiệu lực kể từ ngày ký.")
        d.add_paragraph("PHỤ LỤC")
    nrows = 1 + sum(len(t) for _, _, t in people)
    table = d.add_table(rows=nrows, cols=len(HEADER))
    table.style = "Table Grid"
    for k, h in enumerate(HEADER):
        table.cell(0, k).text = h
    r = 1
    for i, (name, pos, tasks) in enumerate(people, start=1):
        first = r
        for task in tasks:
            table.cell(r, 3).text = task
            table.cell(r, 4).text = "Năm 2024"
            r += 1
        last = r - 1
        for col, value in ((0, str(i)), (1, name), (2, pos)):
            cell = table.cell(first, col).merge(table.cell(last, col)) if last > first else table.cell(first, col)
            cell.text = value
    d.add_paragraph("Nơi nhận: như Điều 3.")
    d.save(path)
    return path


