"""Scans of our own: synthetic decisions with appendix tables, rendered and degraded.

A decision (quyết định) whose appendix (phụ lục) is the table "DANH SÁCH GIAO VIỆC ĐỘT
PHÁ, ĐỔI MỚI" — STT | Họ và tên | Chức vụ | Nội dung | Thời gian hoàn thành, the STT,
name and position cells merged over a person's task rows — is drawn with PIL, so the
cell grid of every table is known exactly, then degraded as offices scan paper:

- ``clean``: 300 dpi, nothing done;
- ``office``: 200 dpi grey, skew ±0.5-3°, blur, noise, JPEG artefacts, faint and broken
  ruling lines, bleed-through of the other side, a stamp over the table's lines;
- ``copy``: a poor copy of a copy: 200 dpi, stronger blur and noise, toner speckle,
  doubled rules (the copier's ghost), lower contrast;
- ``phone``: a colour photo of the page on a desk: perspective, uneven light, JPEG;
- ``phone_angle``: the page turned on a wooden desk and photographed at a steep angle
  (the far edge 20-30 % shorter, its text smaller), a lamp's light falling off, the soft
  shadow of the phone and hand over part of the page, a warm cast, slight defocus.

The texts are written here (names, positions and tasks from small pools with a seed);
nothing is copied from real documents. Used by ``bench/bench_read.py`` and tests/read.

    >>> pages = render_decision(seed=1, people=3)
    >>> [p.image.size for p in pages][0], [len(t.cells) > 0 for p in pages for t in p.tables]
    ((2481, 3507), [True])
"""
from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

__all__ = ["TruthTable", "ScanPage", "render_decision", "degrade", "SEVERITIES", "save_pdf", "save_tiff",
           "HEADER", "make_people"]

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SEVERITIES = ("clean", "office", "copy", "phone", "phone_angle")
HEADER = ["STT", "Họ và tên", "Chức vụ", "Nội dung", "Thời gian hoàn thành"]
WIDTHS = [0.07, 0.19, 0.22, 0.37, 0.15]  # share of the table width per column

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hà", "Ma", "Quan", "Chu",
            "Triệu", "Lý", "Lương", "Đinh", "Nông"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Xuân", "Hồng", "Kim", "Trung", "Thu"]
GIVEN = ["Dũng", "Lan", "Tùy", "Hùng", "Hương", "Thắng", "Nga", "Tuấn", "Hạnh", "Phương", "Cường", "Thủy",
         "Long", "Yến", "Khánh", "Hiền", "Sơn", "Quyết", "Toàn", "Nhung"]
POSITIONS = ["Bí thư Đảng ủy xã {p}", "Chủ tịch UBND xã {p}", "Phó Chủ tịch UBND xã {p}",
             "Trưởng phòng Nông nghiệp và Môi trường", "Phó Bí thư Thường trực Đảng ủy xã {p}",
             "Chủ tịch Ủy ban MTTQ xã {p}", "Trưởng Ban Tổ chức Huyện ủy", "Giám đốc Trung tâm Y tế huyện",
             "Trưởng Công an xã {p}", "Chánh Văn phòng Huyện ủy"]
PLACES = ["Hòa Phú", "Yên Nguyên", "Kim Bình", "Tân Mỹ", "Phúc Thịnh", "Hùng Mỹ", "Vinh Quang", "Bình An",
          "Minh Quang", "Trung Hà"]
TASKS = ["Hoàn thành đường giao thông nông thôn thôn {t}, dài {n} km",
         "Trồng mới {n} ha rừng sản xuất tập trung",
         "Xây dựng nhà văn hóa thôn {t} đạt chuẩn",
         "Kết nạp {n} đảng viên mới trong năm",
         "Xây dựng {n} mô hình kinh tế hộ gia đình thu nhập trên 100 triệu đồng",
         "Chuyển đổi số trong giải quyết thủ tục hành chính, đạt {n}% hồ sơ trực tuyến",
         "Giảm {n} hộ nghèo so với đầu năm",
         "Vận động nhân dân hiến {n} m2 đất làm đường",
         "Hoàn thành tiêu chí xã nông thôn mới nâng cao",
         "Sắp xếp, tinh gọn bộ máy các tổ chức trong hệ thống chính trị",
         "Cải tạo {n} phòng học tại trường tiểu học {t}",
         "Phát triển {n} ha vùng chè đạt tiêu chuẩn an toàn"]
HAMLETS = ["Bản Khóa", "Đồng Mạ", "Nà Héc", "Khuôn Hà", "Làng Chùa", "Pác Cáp", "Nà Mỏ", "Thôn Trung"]
PERIODS = ["Quý II/{y}", "Tháng 6/{y}", "Quý IV/{y}", "Tháng 12/{y}", "Năm {y}", "Tháng 9/{y}"]


@dataclass
class TruthTable:
    """The exact grid of one drawn table: ``cells[(row, col)]`` is the text of the cell
    that owns the grid position (a merged name cell repeated down its rows, as
    ``extractor.records.Table`` resolves merges); ``spans`` is (rowspan, colspan) of
    each owner; ``boxes`` its box in the clean 300-dpi page. ``header``: row 0 is the
    header; ``continued``: it goes on from the previous page."""

    cells: dict[tuple[int, int], str]
    spans: dict[tuple[int, int], tuple[int, int]]
    boxes: dict[tuple[int, int], tuple[int, int, int, int]]
    nrows: int
    ncols: int
    ruled: bool = True
    header: bool = True
    continued: bool = False
    rules: list[tuple[int, int, int, int]] = field(default_factory=list)  # (x0, y0, x1, y1) as drawn

    def grid(self) -> list[list[str]]:
        return [[self.cells.get((r, c), "") for c in range(self.ncols)] for r in range(self.nrows)]

    def owner(self, r: int, c: int) -> tuple[int, int]:
        for (orow, ocol), (rs, cs) in self.spans.items():
            if orow <= r < orow + rs and ocol <= c < ocol + cs:
                return orow, ocol
        return r, c


@dataclass
class ScanPage:
    image: Image.Image
    text: list[str]  # the lines outside tables, top to bottom
    tables: list[TruthTable] = field(default_factory=list)
    dpi: int = 300


def make_people(rng: random.Random, n: int, year: int) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """``n`` cadres: (name, position, [(task, period), ...]) with 1-3 tasks each."""
    out = []
    seen = set()
    while len(out) < n:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if name in seen:
            continue
        seen.add(name)
        pos = rng.choice(POSITIONS).format(p=rng.choice(PLACES))
        tasks = []
        for _ in range(rng.choice([1, 2, 2, 3])):
            t = rng.choice(TASKS).format(t=rng.choice(HAMLETS), n=rng.choice([2, 3, 5, 12, 15, 20, 45, 80]))
            tasks.append((t, rng.choice(PERIODS).format(y=year)))
        out.append((name, pos, tasks))
    return out


class _Canvas:
    """One A4 page at ``dpi`` with a cursor; fonts sized in points."""

    def __init__(self, dpi: int = 300):
        self.dpi = dpi
        self.w, self.h = round(8.27 * dpi), round(11.69 * dpi)
        self.image = Image.new("L", (self.w, self.h), 255)
        self.draw = ImageDraw.Draw(self.image)
        self.margin_l, self.margin_r = round(1.1 * dpi), round(0.7 * dpi)
        self.y = round(0.8 * dpi)
        self.lines: list[str] = []
        self.tables: list[TruthTable] = []

    def font(self, pt: float, bold: bool = False) -> ImageFont.FreeTypeFont:
        name = "DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf"
        return ImageFont.truetype(str(FONT_DIR / name), round(pt * self.dpi / 72))

    @property
    def bottom(self) -> int:
        return self.h - round(0.8 * self.dpi)

    def text(self, line: str, pt: float = 13, bold: bool = False, center: bool = False) -> None:
        f = self.font(pt, bold)
        width = self.w - self.margin_l - self.margin_r
        for part in wrap(line, f, width):
            x = self.margin_l + ((width - f.getlength(part)) / 2 if center else 0)
            self.draw.text((x, self.y), part, font=f, fill=0)
            self.lines.append(part)
            self.y += round(f.size * 1.45)
        self.y += round(f.size * 0.3)


    def columns(self, left: list[str], right: list[str], pt: float = 12) -> None:
        """A letterhead: ``left`` (the issuer) and ``right`` (the Party's or the nation's
        name, then place and date) side by side, each line centred in its column, the
        first line of each bold; as OCR reads them, one text line a row."""
        width = self.w - self.margin_l - self.margin_r
        split = self.margin_l + round(width * 0.42)
        y0 = self.y
        for k in range(max(len(left), len(right))):
            f = self.font(pt, bold=k == 0)
            row = []
            for lines, x0, x1 in ((left, self.margin_l, split), (right, split, self.w - self.margin_r)):
                if k < len(lines):
                    self.draw.text((x0 + (x1 - x0 - f.getlength(lines[k])) / 2, y0), lines[k], font=f, fill=0)
                    row.append(lines[k])
            self.lines.append(" ".join(row))
            y0 += round(f.size * 1.45)
        self.y = y0 + round(self.font(pt).size * 0.8)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Greedy word wrap of ``text`` to ``width`` pixels (newlines kept)."""
    out = []
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}".strip()
            if line and font.getlength(trial) > width:
                out.append(line)
                line = word
            else:
                line = trial
        out.append(line)
    return out


def _table_rows(people) -> list[list[tuple[str, int]]]:
    """Rows of (text, rowspan) per column; rowspan 0 = covered by the cell above."""
    rows = []
    for k, (name, pos, tasks) in enumerate(people, start=1):
        for i, (task, period) in enumerate(tasks):
            n = len(tasks)
            lead = [(str(k), n), (name, n), (pos, n)] if i == 0 else [("", 0)] * 3
            rows.append(lead + [(task, 1), (period, 1)])
    return rows


def _draw_table(cv: _Canvas, rows, *, header: bool, ruled: bool, continued: bool,
                rng: random.Random) -> int:
    """Draw as many of ``rows`` (whole people) as fit; return how many rows were drawn."""
    f = cv.font(11.5)
    fb = cv.font(11.5, bold=True)
    pad = round(0.06 * cv.dpi)
    line_h = round(f.size * 1.35)
    x0, x1 = cv.margin_l - round(0.3 * cv.dpi), cv.w - cv.margin_r + round(0.1 * cv.dpi)
    xs = [x0]
    for share in WIDTHS:
        xs.append(xs[-1] + round(share * (x1 - x0)))
    xs[-1] = x1
    gap = round(0.25 * cv.dpi) if not ruled else 0  # borderless: white space between columns
    if not ruled:
        xs = [x0 + sum(round(s * (x1 - x0 - gap * 4)) for s in WIDTHS[:i]) + gap * i for i in range(6)]

    def cell_lines(text: str, c: int, span_cols: int = 1) -> list[str]:
        return wrap(text, f, xs[c + span_cols] - xs[c] - 2 * pad - (gap if not ruled else 0)) if text else []

    # height of each row: the tallest of its single cells, and a merged cell's lines
    # spread over its rows
    body = []
    if header:
        body.append(([(h, 1) for h in HEADER], True))
    body += [(r, False) for r in rows]
    heights = []
    for r, _is_head in body:
        nl = max(len(cell_lines(t, c)) if span == 1 else 1 for c, (t, span) in enumerate(r))
        heights.append(max(1, nl) * line_h + 2 * pad)
    # merged cells taller than their rows: stretch the rows
    for i, (r, _) in enumerate(body):
        for c, (t, span) in enumerate(r):
            if span > 1:
                need = len(cell_lines(t, c)) * line_h + 2 * pad
                have = sum(heights[i:i + span])
                if need > have:
                    heights[i + span - 1] += need - have
    # whole people only
    y = cv.y
    fit = 0
    i = 1 if header else 0
    while i < len(body):
        span = max(s for _, s in body[i][0][:1]) or 1
        block = sum(heights[i:i + span])
        if y + sum(heights[:i]) - (0 if not header else 0) + block > cv.bottom:
            break
        i += span
        fit = i - (1 if header else 0)
    if fit == 0:
        return 0
    body = body[: fit + (1 if header else 0)]
    heights = heights[: len(body)]
    ys = [cv.y]
    for hgt in heights:
        ys.append(ys[-1] + hgt + (round(0.04 * cv.dpi) if not ruled else 0))
    truth = TruthTable({}, {}, {}, len(body), len(HEADER), ruled=ruled, header=header, continued=continued)
    for i, (r, is_head) in enumerate(body):
        for c, (t, span) in enumerate(r):
            if span == 0:
                continue
            top, bot = ys[i], ys[i + span] - (round(0.04 * cv.dpi) if not ruled else 0)
            lines = cell_lines(t, c)
            font = fb if is_head else f
            total = len(lines) * line_h
            ty = top + pad if span == 1 else top + max(pad, (bot - top - total) // 2)
            for ln in lines:
                tx = xs[c] + pad
                if is_head or c in (0, 4):
                    tx = xs[c] + (xs[c + 1] - xs[c] - (gap if not ruled else 0) - font.getlength(ln)) / 2
                cv.draw.text((tx, ty), ln, font=font, fill=0)
                ty += line_h
            text = " ".join(lines)
            for k in range(span):
                truth.cells[(i + k, c)] = text
            if span > 1:
                truth.spans[(i, c)] = (span, 1)
            truth.boxes[(i, c)] = (xs[c], top, xs[c + 1], bot)
    if ruled:
        lw = max(1, round(cv.dpi / 150))
        for x in xs:
            truth.rules.append((x, ys[0], x, ys[-1]))
        for i, yv in enumerate(ys):
            if 0 < i < len(ys) - 1:
                # a rule between rows runs only under cells that end there
                for c in range(len(HEADER)):
                    ends = truth.owner(i - 1, c)[0] + truth.spans.get(truth.owner(i - 1, c), (1, 1))[0] == i
                    if ends:
                        truth.rules.append((xs[c], yv, xs[c + 1], yv))
            else:
                truth.rules.append((xs[0], yv, xs[-1], yv))
        for x0_, y0_, x1_, y1_ in truth.rules:
            cv.draw.line([(x0_, y0_), (x1_, y1_)], fill=0, width=lw)
    cv.tables.append(truth)
    cv.y = ys[-1] + round(0.15 * cv.dpi)
    return fit


def render_decision(seed: int = 0, *, people: int = 5, ruled: bool = True, repeat_header: bool = True,
                    dpi: int = 300, year: int = 2025) -> list[ScanPage]:
    """A decision (page 1) and its appendix table (page 2 on; continued on further pages,
    with the header repeated or not). Clean pages at ``dpi``, with their truth."""
    rng = random.Random(seed)
    place = rng.choice(PLACES)
    ppl = make_people(rng, people, year)
    pages: list[ScanPage] = []

    cv = _Canvas(dpi)
    # the issuer left, the Party's name right: OCR reads each row of the two as one line
    cv.columns(["ĐẢNG BỘ HUYỆN CHIÊM HÓA", f"ĐẢNG ỦY XÃ {place.upper()}", f"Số {rng.randint(10, 300)}-QĐ/ĐU"],
               ["ĐẢNG CỘNG SẢN VIỆT NAM", f"{place}, ngày 15 tháng 3 năm {year}"])
    cv.text("QUYẾT ĐỊNH", 15, bold=True, center=True)
    cv.text(f"về việc giao việc đột phá, đổi mới năm {year}", 13, center=True)
    cv.text(f"Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ xã {place} nhiệm kỳ 2020 - 2025; "
            f"xét đề nghị của Văn phòng Đảng ủy, Ban Thường vụ Đảng ủy xã quyết định:", 13)
    cv.text("Điều 1. Giao việc đột phá, đổi mới cho các đồng chí có tên tại Danh sách kèm theo.", 13)
    cv.text(f"Điều 2. Các đồng chí được giao việc tổ chức thực hiện, báo cáo kết quả trước ngày "
            f"15/12/{year}.", 13)
    cv.text("Điều 3. Văn phòng Đảng ủy và các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành "
            "Quyết định này.", 13)
    cv.text("T/M BAN THƯỜNG VỤ", 12, bold=True)
    cv.text("BÍ THƯ", 12, bold=True)
    pages.append(ScanPage(cv.image, cv.lines, cv.tables, dpi))

    rows = _table_rows(ppl)
    first = True
    while rows:
        cv = _Canvas(dpi)
        if first:
            cv.text(f"DANH SÁCH GIAO VIỆC ĐỘT PHÁ, ĐỔI MỚI NĂM {year}", 13, bold=True, center=True)
            cv.text(f"(Kèm theo Quyết định của Ban Thường vụ Đảng ủy xã {place})", 12, center=True)
        n = _draw_table(cv, rows, header=first or repeat_header, ruled=ruled, continued=not first, rng=rng)
        if n == 0:
            raise ValueError("a cadre's rows do not fit on one page")
        rows = rows[n:]
        first = False
        pages.append(ScanPage(cv.image, cv.lines, cv.tables, dpi))
    return pages


# ---- degradation -----------------------------------------------------------------------


def _stamp(size: int, rng: random.Random) -> Image.Image:
    """A round red office stamp (RGBA)."""
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    red = (200, 30, 40, 200)
    d.ellipse([4, 4, size - 4, size - 4], outline=red, width=max(3, size // 40))
    d.ellipse([size // 7, size // 7, size - size // 7, size - size // 7], outline=red, width=max(2, size // 80))
    d.polygon([(size / 2, size * 0.35), (size * 0.55, size * 0.48), (size * 0.45, size * 0.48)], fill=red)
    f = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), size // 11)
    d.text((size * 0.2, size * 0.55), "ĐẢNG ỦY XÃ", font=f, fill=red)
    return im.rotate(rng.uniform(-30, 30), resample=Image.BICUBIC)


def _damage_rules(gray: np.ndarray, table: TruthTable, rng: random.Random, *, faint: bool,
                  broken: bool, doubled: bool) -> np.ndarray:
    """Fade, break or double the ruling lines of ``table`` (in the clean page)."""
    out = gray.astype(np.int16)
    band = 1  # the rules are drawn 1-2 px wide; text sits farther than this from them
    line_mask = np.zeros(out.shape, bool)
    for x0, y0, x1, y1 in table.rules:
        line_mask[max(0, y0 - band):y1 + band + 1, max(0, x0 - band):x1 + band + 1] = True
    ink = (out < 128) & line_mask
    if faint:
        out[ink] = rng.randint(150, 185)
    if broken:
        # gaps of 3-12 px every few hundred: a worn ribbon, a dry toner drum
        for x0, y0, x1, y1 in table.rules:
            length = max(x1 - x0, y1 - y0)
            for _ in range(length // 180):
                g = rng.randint(0, length)
                n = rng.randint(3, 12)
                if y0 == y1:
                    out[max(0, y0 - band):y0 + band + 2, x0 + g:x0 + g + n] = 255
                else:
                    out[y0 + g:y0 + g + n, max(0, x0 - band):x0 + band + 2] = 255
    if doubled:
        dy = rng.randint(4, 7)
        ghost = np.roll(np.where(ink, out, 255), dy, axis=0)
        ghost = np.roll(ghost, rng.randint(-3, 3), axis=1)
        out = np.minimum(out, np.where(ghost < 255, 170, 255))
    return np.clip(out, 0, 255).astype(np.uint8)


def degrade(page: ScanPage, severity: str, seed: int = 0, *, back: ScanPage | None = None,
            colour: bool = False) -> Image.Image:
    """``page`` as it comes out of a scanner (or phone) at ``severity``; see the module
    docstring. ``back``: the other side of the sheet, for bleed-through. ``colour``: an
    RGB scan (the stamp stays red). The truth of the tables is unchanged: cells are
    compared by (row, column) and text, not by position."""
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}")
    if severity == "clean":
        return page.image.copy()
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    gray = np.asarray(page.image).copy()
    for t in page.tables:
        if t.ruled:
            gray = _damage_rules(gray, t, rng, faint=severity in ("office", "copy") and rng.random() < 0.6,
                                 broken=severity in ("office", "copy"), doubled=severity == "copy")
    if back is not None and severity in ("office", "copy"):
        mirrored = np.asarray(back.image.transpose(Image.FLIP_LEFT_RIGHT).resize(page.image.size))
        bleed = 0.10 if severity == "office" else 0.16
        gray = np.minimum(gray, (255 - (255 - mirrored) * bleed).astype(np.uint8))
    im = Image.fromarray(gray).convert("RGB")
    tables = [t for t in page.tables if t.ruled]
    if tables and severity in ("office", "copy", "phone", "phone_angle"):
        # a stamp over the table's left border: its rules and the STT cells under it
        # (text under a stamp is another matter: what matters here is the grid)
        t = tables[0]
        bx = [b for b in t.boxes.values()]
        size = round(1.3 * page.dpi)
        top, bottom = min(b[1] for b in bx), max(b[3] for b in bx)
        x = min(b[0] for b in bx) - size * 3 // 4 - rng.randint(0, size // 8)
        y = top + rng.randint(size // 2, max(size // 2 + 1, bottom - top - size))
        s = _stamp(size, rng)
        im.paste(s, (x, y), s)
    if severity == "phone":
        return _photo(im, rng, nrng)
    if severity == "phone_angle":
        return _angled_photo(im, rng, nrng)
    angle = rng.uniform(0.5, 3.0) * rng.choice([-1, 1])
    im = im.rotate(angle, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    target = 200
    size = (round(im.width * target / page.dpi), round(im.height * target / page.dpi))
    im = im.resize(size, Image.LANCZOS)
    blur = rng.uniform(0.5, 0.9) if severity == "office" else rng.uniform(0.9, 1.2)
    im = im.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(im, dtype=np.float32)
    if severity == "copy":
        arr = 60 + arr * 0.72  # washed out: grey paper, grey ink
        speck = nrng.random(arr.shape[:2]) < 0.002
        arr[speck] = 40
    arr = arr + nrng.normal(0, 9 if severity == "office" else 14, arr.shape[:2])[..., None]
    arr = np.clip(arr, 0, 255).astype(np.uint8)
    im = Image.fromarray(arr, "RGB")
    if not colour:
        im = im.convert("L")
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=rng.randint(55, 75) if severity == "office" else rng.randint(35, 50))
    out = Image.open(io.BytesIO(buf.getvalue()))
    out.load()
    out.info["dpi"] = (target, target)
    out.info["skew"] = angle  # degrees counter-clockwise the page was turned
    return out


def _photo(im: Image.Image, rng: random.Random, nrng) -> Image.Image:
    """The page photographed on a desk: perspective, uneven light, a little blur."""
    import cv2

    src = np.asarray(im.resize((im.width // 2, im.height // 2), Image.LANCZOS))
    h, w = src.shape[:2]
    W, H = round(w * 1.25), round(h * 1.15)
    desk = np.zeros((H, W, 3), np.uint8) + np.array([95, 80, 60], np.uint8)
    j = lambda s: rng.uniform(-s, s)  # noqa: E731
    dst = np.float32([[W * 0.1 + j(60), H * 0.06 + j(40)], [W * 0.9 + j(60), H * 0.05 + j(40)],
                      [W * 0.93 + j(60), H * 0.95 + j(40)], [W * 0.07 + j(60), H * 0.94 + j(40)]])
    m = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), dst)
    warped = cv2.warpPerspective(src, m, (W, H), borderMode=cv2.BORDER_TRANSPARENT, dst=desk.copy())
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = rng.uniform(0, W), rng.uniform(0, H)
    light = 1.0 - 0.35 * np.hypot(xx - cx, yy - cy) / np.hypot(W, H)
    shadow = np.where(xx + yy * rng.uniform(0.2, 0.6) > W * rng.uniform(0.6, 0.9), 0.8, 1.0)
    arr = warped.astype(np.float32) * (light * shadow)[..., None]
    arr = cv2.GaussianBlur(arr, (0, 0), 0.8) + nrng.normal(0, 5, arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=80)
    res = Image.open(io.BytesIO(buf.getvalue()))
    res.load()
    res.info["corners"] = dst.tolist()  # where the page's corners (tl, tr, br, bl) lie on the photo
    return res


def _angled_photo(im: Image.Image, rng: random.Random, nrng: np.random.Generator) -> Image.Image:
    """The page turned on a wooden desk, photographed at a steep angle under a lamp, the
    phone and hand casting a soft shadow: see ``phone_angle`` in the module docstring."""
    import cv2

    src = np.asarray(im.resize((im.width // 2, im.height // 2), Image.LANCZOS))
    h, w = src.shape[:2]
    W, H = round(w * 1.3), round(h * 1.15)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    # wood: grain running along the desk, wavy, and its colour
    grain = 14 * np.sin(xx / W * rng.uniform(30, 50) + 3 * np.sin(yy / H * rng.uniform(4, 8)))
    grain = grain + nrng.normal(0, 6, (H, W))
    desk = np.clip(np.array([120, 88, 58], np.float32) + grain[..., None], 0, 255).astype(np.uint8)
    # the page's corners: turned on the desk, then seen from the near edge, the far one
    # shorter and pushed back (a homography of the whole frame)
    turn = np.radians(rng.uniform(3, 10) * rng.choice([-1, 1]))
    c, s_ = np.cos(turn), np.sin(turn)
    rect = np.float32([[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]])
    turned = rect @ np.float32([[c, s_], [-s_, c]]) + np.float32([W / 2, H / 2])
    far = rng.uniform(0.70, 0.80)  # the far edge's width against the near one's
    frame = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    seen = np.float32([[W * (1 - far) / 2, H * 0.08], [W * (1 + far) / 2, H * 0.08], [W, H], [0, H]])
    tilt = cv2.getPerspectiveTransform(frame, seen)
    dst = cv2.perspectiveTransform(turned[None], tilt)[0]
    # fit the page in the frame with a margin of desk round it
    lo, hi = dst.min(axis=0), dst.max(axis=0)
    k = min(W * 0.9 / (hi[0] - lo[0]), H * 0.92 / (hi[1] - lo[1]), 1.0)
    dst = ((dst - (lo + hi) / 2) * k + np.float32([W / 2, H / 2]) + np.float32([rng.uniform(-20, 20), 0]))
    m = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), dst.astype(np.float32))
    warped = cv2.warpPerspective(src, m, (W, H), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_TRANSPARENT,
                                 dst=desk.copy())
    # a lamp to one side: light falling off across the frame
    lx, ly = rng.choice([-0.3, 1.3]) * W, rng.uniform(0, H)
    light = 1.0 - 0.45 * np.hypot(xx - lx, yy - ly) / np.hypot(W, H)
    # the phone and the hand holding it: a soft dark shape coming in from the near edge
    sx, sw = rng.uniform(0.3, 0.7) * W, rng.uniform(0.18, 0.3) * W
    reach = rng.uniform(0.35, 0.6) * H
    shade = np.exp(-(((xx - sx) / sw) ** 2)) * (1 / (1 + np.exp((H - reach - yy) / (0.04 * H))))
    light *= 1.0 - rng.uniform(0.35, 0.5) * shade
    arr = warped.astype(np.float32) * light[..., None] * np.float32([1.0, 0.95, 0.84])
    arr = cv2.GaussianBlur(arr, (0, 0), rng.uniform(0.9, 1.2)) + nrng.normal(0, 5, arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=rng.randint(65, 80))
    res = Image.open(io.BytesIO(buf.getvalue()))
    res.load()
    res.info["corners"] = dst.tolist()  # where the page's corners (tl, tr, br, bl) lie on the photo
    return res


def save_pdf(images: list[Image.Image], path: Path, dpi: int = 200) -> Path:
    """An image-only PDF, one page an image (what a scanner writes)."""
    ims = [im.convert("L") if im.mode not in ("L", "RGB") else im for im in images]
    ims[0].save(path, save_all=True, append_images=ims[1:], resolution=dpi)
    return path


def save_tiff(images: list[Image.Image], path: Path, dpi: int = 200) -> Path:
    ims = [im.convert("L") for im in images]
    ims[0].save(path, save_all=True, append_images=ims[1:], compression="tiff_lzw", dpi=(dpi, dpi))
    return path


def _norm(text: str) -> str:
    from extractor.normalize import normalize_line

    return " ".join(normalize_line(text).split())


def score_table(rows: list[list[str]], truth: TruthTable) -> dict[str, int]:
    """Compare a table as read (``rows`` of cell texts, merged cells repeated) with the
    truth, cell by cell at the same (row, column): ``right`` counts cells whose text is
    within 20 % edits of the truth (the cell landed where it belongs); ``edits`` and
    ``chars`` give the character error rate of the cell texts (a missing cell counts
    all its characters).

    >>> t = TruthTable({(0, 0): "Họ và tên", (1, 0): "Trần Văn Dũng"}, {}, {}, 2, 1)
    >>> score_table([["Họ và tên"], ["Trân Văn Dũng"]], t)
    {'cells': 2, 'right': 2, 'edits': 1, 'chars': 22}
    """
    from rapidfuzz.distance import Levenshtein

    out = {"cells": 0, "right": 0, "edits": 0, "chars": 0}
    for (r, c), text in truth.cells.items():
        ref = _norm(text)
        if not ref:
            continue
        hyp = _norm(rows[r][c]) if r < len(rows) and c < len(rows[r]) else ""
        d = Levenshtein.distance(hyp, ref)
        out["cells"] += 1
        out["right"] += d <= 0.2 * len(ref)
        out["edits"] += d
        out["chars"] += len(ref)
    return out
