"""Test documents made on the fly (never copied from ../shared): a DOCX decision,
the same text as a scanned PDF, and a several-page scan for the worker-kill test.
The text is our own, in the style of a district decision."""
from __future__ import annotations

import io

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

HEADER = [
    "ĐẢNG BỘ HUYỆN KIM BÌNH",
    "BAN THƯỜNG VỤ HUYỆN ỦY",
    "Số 47-QĐ/HU",
    "QUYẾT ĐỊNH",
    "về việc giao việc đột phá năm 2022 cho cán bộ chủ chốt",
    "Điều 1. Giao việc đột phá năm 2022 cho các đồng chí sau:",
]


def decision_lines(names=("Lương Văn Khải", "Phan Thị Ngọc Hà"), commune="Hòa Phú", year=2022) -> list[str]:
    a, b = names
    return HEADER + [
        f"Năm {year}, đồng chí {a}, Chủ tịch UBND xã {commune} được giao 2 việc đột phá là: chỉ đạo hoàn thành "
        f"cứng hóa 4 km đường giao thông nông thôn tại thôn Khuôn Hà, xã {commune}; vận động nhân dân trồng "
        "mới 30 ha rừng sản xuất.",
        f"Năm {year}, đồng chí {b}, Trưởng Phòng Tài nguyên và Môi trường huyện Kim Bình được giao 2 việc đột phá "
        f"là: chỉ đạo hoàn thành cứng hoá 4 km đường giao thông nông thôn tại thôn Khuôn Hà xã {commune}; hoàn "
        "thành cấp giấy chứng nhận quyền sử dụng đất cho 200 hộ gia đình.",
        "Điều 2. Các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
    ]


def make_docx(lines: list[str]) -> bytes:
    from docx import Document

    d = Document()
    for line in lines:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_scan_pdf(lines: list[str], pages: int = 1, dpi: int = 200) -> bytes:
    """Render the lines as a grey-on-white raster page (like a scanner) and save as an
    image-only PDF: there is no text layer, so the reader must OCR it."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    width, height = int(8.27 * dpi), int(11.69 * dpi)
    font = ImageFont.truetype(FONT, int(dpi * 0.15))
    images = []
    per_page = max(1, -(-len(lines) // pages))
    for p in range(pages):
        im = Image.new("L", (width, height), 250)
        draw = ImageDraw.Draw(im)
        y = int(dpi * 0.8)
        for line in lines[p * per_page:(p + 1) * per_page]:
            # wrap long lines
            words, cur = line.split(), ""
            for w in words:
                trial = (cur + " " + w).strip()
                if draw.textlength(trial, font=font) > width - 2 * int(dpi * 0.8):
                    draw.text((int(dpi * 0.8), y), cur, fill=20, font=font)
                    y += int(font.size * 1.6)
                    cur = w
                else:
                    cur = trial
            draw.text((int(dpi * 0.8), y), cur, fill=20, font=font)
            y += int(font.size * 1.6)
        images.append(im.filter(ImageFilter.GaussianBlur(0.6)).convert("RGB"))
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()
