"""Documents the browser tests upload, written here (names and places are invented).

A DOCX decision of 2022 with an appendix table of cadres and tasks, and a scanned
PDF plan of 2023 (text drawn with DejaVu at 300 dpi, saved as an image-only PDF)
that gives two of the same tasks to other cadres, so the service suggests two
near-duplicate pairs: one word for word, one with a word more.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# The shared task texts: each appears in both documents.
TASK_SAME = "Xây dựng thôn Nà Mòn đạt chuẩn nông thôn mới kiểu mẫu"
TASK_NEAR_2022 = "Vận động nhân dân hiến 2500 m2 đất mở rộng đường liên thôn Khuổi Tát"
TASK_NEAR_2023 = "Vận động nhân dân hiến 2500 m2 đất để mở rộng đường liên thôn Khuổi Tát"

DOCX_CADRES = [
    ("Hoàng Văn Thắng", "Chủ tịch UBND xã Phú Đình", [
        (TASK_SAME, "Năm 2022"),
        (TASK_NEAR_2022, "Năm 2022"),
    ]),
    ("Đinh Thị Lan", "Bí thư Đảng ủy xã Bình Yên", [
        ("Củng cố chi bộ thôn Nà Lá từ yếu kém thành hoàn thành tốt nhiệm vụ", "Năm 2022"),
        ("Thành lập hợp tác xã chè Tân Cương Bình Yên với 30 thành viên", "Năm 2022"),
    ]),
]

SCAN_CADRES = [
    ("Lường Văn Quý", "Chủ tịch UBND xã Điềm Mặc",
     [TASK_SAME, "Đưa chợ phiên Điềm Mặc vào hoạt động theo hình thức xã hội hóa"]),
    ("Ma Thị Hường", "Phó Bí thư Đảng ủy xã Điềm Mặc", [TASK_NEAR_2023]),
]


def make_docx(path: Path) -> Path:
    """A decision (quyết định) of 2022 whose appendix table lists cadres and their tasks.

    >>> make_docx(Path("/tmp/qd.docx")).suffix
    '.docx'
    """
    from docx import Document

    doc = Document()
    for line in ["HUYỆN ỦY ĐỊNH HÓA\tĐẢNG CỘNG SẢN VIỆT NAM", "*",
                 "Số 120-QĐ/HU\tĐịnh Hóa, ngày 10 tháng 3 năm 2022"]:
        doc.add_paragraph(line)
    doc.add_paragraph("QUYẾT ĐỊNH").runs[0].bold = True
    doc.add_paragraph("Về việc giao việc đột phá, đổi mới năm 2022 đối với cán bộ lãnh đạo, quản lý "
                      "diện Ban Thường vụ Huyện ủy quản lý")
    doc.add_paragraph("BAN THƯỜNG VỤ HUYỆN ỦY ĐỊNH HÓA")
    doc.add_paragraph("QUYẾT ĐỊNH:")
    doc.add_paragraph("Điều 1. Giao việc đột phá, đổi mới năm 2022 cho các đồng chí có tên tại Phụ lục "
                      "kèm theo Quyết định này.")
    doc.add_paragraph("Điều 2. Các đồng chí được giao việc chủ động xây dựng kế hoạch, tổ chức thực hiện "
                      "và báo cáo kết quả trước ngày 15 tháng 12 năm 2022.")
    doc.add_paragraph("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n(Đã ký)\nTriệu Văn Sơn")
    doc.add_page_break()
    doc.add_paragraph("PHỤ LỤC")
    doc.add_paragraph("DANH SÁCH GIAO VIỆC ĐỘT PHÁ, ĐỔI MỚI NĂM 2022")
    doc.add_paragraph("(Kèm theo Quyết định số 120-QĐ/HU ngày 10/3/2022 của Ban Thường vụ Huyện ủy Định Hóa)")
    rows = [("STT", "Họ và tên", "Chức vụ", "Nội dung việc đột phá, đổi mới", "Thời gian thực hiện")]
    for n, (name, position, tasks) in enumerate(DOCX_CADRES, 1):
        for i, (task, when) in enumerate(tasks):
            rows.append((str(n), name, position, task, when) if i == 0 else ("", "", "", task, when))
    table = doc.add_table(rows=len(rows), cols=5)
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    doc.save(path)
    return path


def plan_lines() -> list[str]:
    """The scanned plan's lines, as a clerk would read them off the paper."""
    lines = ["ĐẢNG BỘ HUYỆN ĐỊNH HÓA", "ĐẢNG ỦY XÃ ĐIỀM MẶC", "Số 45-KH/ĐU, Điềm Mặc, ngày 20 tháng 2 năm 2023", "",
             "KẾ HOẠCH", "Thực hiện việc đột phá, đổi mới năm 2023 của Ban Thường vụ Đảng ủy xã Điềm Mặc", "",
             "I. MỤC ĐÍCH, YÊU CẦU", "Xác định rõ người, rõ việc, rõ thời gian, rõ kết quả.",
             "II. NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN"]
    for n, (name, position, tasks) in enumerate(SCAN_CADRES, 1):
        lines.append(f"{n}. Đ/c {name}, {position}")
        lines.extend(f"- {t}." for t in tasks)
    lines += ["III. TỔ CHỨC THỰC HIỆN",
              "1. Văn phòng Đảng ủy tham mưu theo dõi, đôn đốc, tổng hợp kết quả báo cáo Ban Thường vụ.",
              "2. Các chi bộ, đoàn thể căn cứ kế hoạch xây dựng chương trình phối hợp thực hiện.", "",
              "T/M ĐẢNG ỦY", "BÍ THƯ", "Nông Văn Khải"]
    return lines


def make_scan_pdf(path: Path, dpi: int = 300) -> Path:
    """An image-only PDF of the plan: an A4 page drawn at ``dpi`` with DejaVu Sans, as a
    scanner would give it (no text layer), so the service has to OCR it.

    >>> make_scan_pdf(Path("/tmp/kh.pdf")).stat().st_size > 10_000
    True
    """
    from PIL import Image, ImageDraw, ImageFont

    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    size = int(dpi * 11 / 72)  # 11 pt
    font = ImageFont.truetype(FONT, size)
    bold = ImageFont.truetype(FONT_BOLD, size)
    x, y = int(dpi * 0.7), int(dpi * 0.8)
    for line in plan_lines():
        f = bold if line.isupper() or line.startswith(("I.", "II.", "III.")) else font
        for part in textwrap.wrap(line, 78) or [""]:
            draw.text((x, y), part, font=f, fill=0)
            y += int(size * 1.5)
    page.save(path, "PDF", resolution=dpi)
    return path
