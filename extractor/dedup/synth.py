"""Synthetic tasks for tests, benchmarks and the labelled pairs in ``corpora/dedup``.

Hand-written task phrasings (``TEMPLATES``) with slots for places, projects, products and
numbers, filled from hand-written syllable lists, so a corpus is as template-heavy as a
province's registers: many tasks share a phrasing and differ only in what they are about.
Planted duplicates are the same task rewritten the ways clerks rewrite it (:func:`vary`):
abbreviations, tone placement, case, punctuation, a word more or less, another year, an
OCR slip. Nothing here is copied from a real document. Everything is seeded.

    >>> tasks, truth = generate_tasks(5, seed=1)
    >>> len(tasks), len(truth)
    (5, 5)
"""
from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator
from typing import TypedDict

from .records import TaskRef

__all__ = ["TEMPLATES", "generate_tasks", "vary", "render", "draw_slots", "change_slot",
           "labelled_pairs"]

# Syllables of place names (tên địa danh): two of them make a commune, village or project
# name. Many share a syllable ("Tân Mỹ", "Tân Phú", "Hòa Phú"), as real names do.
FIRST = """Tân Hòa Phú Kim Vĩnh Minh Trung Xuân Thanh Bình Hồng Đông Tây Nam Bắc Yên Phúc Thịnh
Quang Vinh Long An Hưng Đức Thái Sơn Lâm Hà Hải Thượng Hạ Châu Đại Lạc Mỹ Lộc Thọ Hiệp Thuận
Khánh Tiến Hợp Nghĩa Quý Cẩm Ngọc Bảo Gia Tường Chiến Thắng Hùng Việt Phong Triệu Hoàng Khai
Tri Quyết Đồng Văn""".split()
SECOND = """Mỹ Phú Bình Lợi Hòa An Thành Sơn Lâm Hà Hưng Lộc Thịnh Phong Quang Trung Tiến Hiệp
Xuân Long Vinh Yên Thuận Khánh Nghĩa Đức Tân Thái Đông Tây Nam Bắc Hải Châu Lạc Thọ Ninh Kiều
Liêm Định Hải Tường Điền Giang Hồ Khê Trạch Cường Dương Quới Mai Đào Lĩnh Nguyên Hoan Quỳnh
Đạt Ba Lăng Quậy""".split()
PRODUCTS = """thanh long ruột đỏ|cam sành|bưởi da xanh|chè Shan tuyết|mật ong bạc hà|gạo nếp cái hoa vàng|
miến dong|măng tre Bát Độ|nhãn lồng|vải thiều|quýt vàng|gà đồi|lợn đen|bò vàng|cá lăng|tôm càng xanh|
nấm linh chi|dược liệu quý|trà hoa vàng|mía tím|lạc đỏ|khoai sọ|rau an toàn|hoa lan rừng|dứa Queen|
chuối tiêu hồng|ổi lê|na dai|mơ vàng|mận hậu""".replace("\n", "").split("|")
CROPS = """cây keo|cây quế|cây hồi|cây mắc ca|cây sả|cây gừng|cây chè|cây cam|cây bưởi|cây tre|
cây mía|cây sắn|cây ngô|lúa lai|lúa chất lượng cao|cây dược liệu|cây ăn quả|cây cao su""".replace("\n", "").split("|")
FIELDS = """cải cách hành chính|chuyển đổi số|công tác dân vận|an ninh trật tự|phòng chống ma túy|
xây dựng Đảng|kiểm tra giám sát|thu ngân sách|quản lý đất đai|bảo vệ môi trường|giáo dục và đào tạo|
y tế cơ sở|văn hóa thông tin|giảm nghèo bền vững|thu hút đầu tư|phòng chống thiên tai""".replace("\n", "").split("|")
FAMILY = "Nguyễn Trần Lê Phạm Hoàng Vũ Đỗ Bùi Đặng Ngô Hà Ma Nông Triệu Lương Quan".split()
MIDDLE = "Văn Thị Đức Minh Thanh Ngọc Quang Hữu Xuân Thu".split()
GIVEN = "Hiếu Hùng Lan Mai Tuấn Dũng Hoa Hương Thắng Cường Nam Bình Hà Linh Sơn Tâm".split()

# Task phrasings (nội dung việc đột phá), written as registers write them. Slots:
# {xa} commune, {thon} village, {duan} road project, {htx} cooperative, {sp} product,
# {cay} crop, {lv} field, {n} a count, {ha} hectares, {pct} a percentage, {km} kilometres,
# {nam} a year (may differ in a duplicate: a task carried over).
TEMPLATES = [
    "Chỉ đạo xây dựng xã {xa} đạt chuẩn nông thôn mới nâng cao, trọng tâm là thôn {thon}, năm {nam}",
    "Tham mưu, chỉ đạo xây dựng thôn {thon}, xã {xa} đạt chuẩn thôn nông thôn mới kiểu mẫu",
    "Chỉ đạo giải phóng mặt bằng dự án đường {duan} đảm bảo tiến độ",
    "Vận động nhân dân hiến đất mở rộng đường giao thông nông thôn thôn {thon} xã {xa}",
    "Chỉ đạo kết nạp {n} đảng viên mới tại Đảng bộ xã {xa} trong năm {nam}",
    "Thành lập mới Hợp tác xã {htx} gắn với sản phẩm {sp}",
    "Xây dựng sản phẩm {sp} của xã {xa} đạt chuẩn OCOP 3 sao",
    "Phát triển vùng trồng {cay} tập trung {ha} ha tại xã {xa}",
    "Chỉ đạo hoàn thành {km} km đường bê tông nội đồng tại thôn {thon}",
    "Nâng tỷ lệ hộ dân thôn {thon} sử dụng nước sạch đạt {pct}%",
    "Tham mưu thực hiện có hiệu quả công tác {lv} tại Ủy ban nhân dân xã {xa}",
    "Chỉ đạo chuyển đổi {ha} ha đất lúa kém hiệu quả sang trồng {cay} tại xã {xa}",
    "Xây dựng mô hình điểm về {lv} tại thôn {thon}, xã {xa}",
    "Đôn đốc hoàn thành dự án cầu {duan} trước ngày 30/6/{nam}",
    "Thu hồi nợ đọng thuế trên địa bàn xã {xa} đạt {pct}% kế hoạch",
    "Chỉ đạo Hợp tác xã {htx} liên kết tiêu thụ {sp} cho nông dân thôn {thon}",
    "Giảm tỷ lệ hộ nghèo xã {xa} xuống dưới {pct}% theo chuẩn mới",
    "Tuyên truyền vận động {n} hộ dân thôn {thon} chỉnh trang nhà ở, hàng rào, cổng ngõ",
    "Xây dựng tuyến đường hoa kiểu mẫu thôn {thon} dài {km} km",
    "Chỉ đạo Đoàn Thanh niên xã {xa} ra quân làm đường giao thông nông thôn thôn {thon}",
    "Hoàn thành cấp giấy chứng nhận quyền sử dụng đất cho {n} hộ tại xã {xa}",
    "Tham mưu Ban Thường vụ Huyện ủy lãnh đạo công tác {lv} tại xã {xa}",
    "Phấn đấu xã {xa} đạt chuẩn quốc gia về y tế, {pct}% người dân có bảo hiểm y tế năm {nam}",
    "Chỉ đạo trường mầm non {thon} xã {xa} đạt chuẩn quốc gia mức độ 1",
    "Hướng dẫn Hội Nông dân xã {xa} xây dựng mô hình trồng {cay} liên kết",
    "Đầu tư xây dựng nhà văn hóa thôn {thon} xã {xa} bằng nguồn xã hội hóa",
    "Vận động {n} hộ kinh doanh tại chợ {xa} thanh toán không dùng tiền mặt",
    "Triển khai mô hình camera an ninh tại thôn {thon}, xã {xa}",
    "Khắc phục tồn tại, hạn chế đối với công trình nước sạch tập trung thôn {thon} xã {xa}",
    "Chỉ đạo thực hiện dự án trồng {cay} trên tuyến đường {duan}",
    "Xây dựng Hợp tác xã {htx} trở thành Hợp tác xã kiểu mới với {n} thành viên",
    "Phát triển đàn {sp} quy mô {n} con tại thôn {thon}",
    "Hoàn thiện hồ sơ đề nghị công nhận xã {xa} đạt chuẩn nông thôn mới, thôn {thon} đạt chuẩn kiểu mẫu",
    "Chỉ đạo bê tông hóa {km} km kênh mương nội đồng xã {xa}",
    "Tổ chức bồi dưỡng {lv} cho {n} cán bộ, công chức xã {xa}",
    "Thành lập {n} tổ hợp tác sản xuất {sp} tại xã {xa}",
    "Xây dựng điểm du lịch cộng đồng thôn {thon} gắn với sản phẩm {sp}",
    "Đẩy nhanh tiến độ giải ngân vốn đầu tư công dự án đường {duan} đạt {pct}%",
    "Chỉ đạo sáp nhập thôn {thon} vào thôn {thon2} xã {xa}",
    "Tham mưu Ủy ban nhân dân huyện nâng cấp chợ nông thôn xã {xa} với {n} ki-ốt",
    "Hỗ trợ {n} hộ nghèo thôn {thon} xây dựng nhà ở kiên cố",
    "Giải quyết dứt điểm đơn thư khiếu nại kéo dài tại thôn {thon}, xã {xa}",
    "Chỉ đạo Mặt trận Tổ quốc xã {xa} vận động xây dựng quỹ vì người nghèo đạt {pct}% chỉ tiêu",
    "Duy trì phủ sóng internet cáp quang đến {pct}% hộ gia đình thôn {thon}",
    "Xây dựng vườn mẫu trồng {cay} tại thôn {thon} xã {xa}",
    "Củng cố Chi bộ thôn {thon} xã {xa} đạt trong sạch vững mạnh năm {nam}",
    "Chỉ đạo thu gom rác thải sinh hoạt tập trung tại thôn {thon}, xã {xa}",
    "Nâng cao chất lượng hoạt động Hợp tác xã {htx} và sản phẩm {sp}",
    "Xây dựng cầu treo thôn {thon} đi thôn {thon2}",
    "Trồng mới {ha} ha rừng sản xuất bằng {cay} tại xã {xa}",
    "Tham mưu Hội đồng nhân dân huyện ban hành nghị quyết hỗ trợ phát triển {sp} tại xã {xa}",
    "Hoàn thành di dời {n} hộ dân vùng sạt lở thôn {thon}",
    "Tuyên truyền an toàn giao thông cho học sinh trên tuyến đường {duan}",
    "Xây dựng khu dân cư thôn {thon} xã {xa} đạt chuẩn an ninh trật tự",
    "Cải tạo {ha} ha vườn tạp trồng {sp} tại xã {xa}",
    "Quản lý, bảo vệ {ha} ha rừng phòng hộ khu vực {duan}",
]

# Abbreviations clerks write (or write out): (written out, short). Used both ways.
ABBREVIATE = [
    ("Ủy ban nhân dân", "UBND"), ("Hội đồng nhân dân", "HĐND"), ("Hợp tác xã", "HTX"),
    ("nông thôn mới", "NTM"), ("Mặt trận Tổ quốc", "MTTQ"), ("Đoàn Thanh niên", "ĐTN"),
    ("Ban Thường vụ", "BTV"), ("giải phóng mặt bằng", "GPMB"), ("an toàn giao thông", "ATGT"),
    ("cải cách hành chính", "CCHC"), ("an ninh trật tự", "ANTT"), ("giáo dục và đào tạo", "GD&ĐT"),
    ("thành phố", "TP"), ("đảng viên", "đv"),
]
# The old tone placement (hòa, thủy) -> the new one (hoà, thuỷ), as some clerks write.
OLD_TO_NEW = {}
for _v, _marks in (("a", "òóỏõọ"), ("e", "òóỏõọ"), ("y", "ùúủũụ")):
    for _m in _marks:
        _base = unicodedata.normalize("NFD", _m)
        OLD_TO_NEW[_m + _v] = _base[0] + unicodedata.normalize("NFC", _v + _base[1:])
_OLD_TONE = re.compile("(" + "|".join(OLD_TO_NEW) + r")(?![^\W\d_])")
ADD_FRONT = ["Tập trung", "Tiếp tục", "Triển khai", "Tích cực"]
ADD_BACK = ["hiệu quả", "đúng tiến độ", "theo kế hoạch", "bền vững"]
DROPPABLE = ["thực hiện", "các", "công tác", "tổ chức", "mới", "tập trung", "kiểu mẫu"]
_SLOT = re.compile(r"\{(\w+)\}")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(SECOND)}"


def draw_slots(template: str, rng: random.Random) -> dict[str, str]:
    """Random values for a template's slots."""
    values: dict[str, str] = {}
    for slot in _SLOT.findall(template):
        if slot in values:
            continue
        if slot in ("xa", "thon", "thon2", "htx"):
            values[slot] = _name(rng)
        elif slot == "duan":
            values[slot] = f"{_name(rng)} - {_name(rng)}" if rng.random() < 0.6 else _name(rng)
        elif slot == "sp":
            values[slot] = rng.choice(PRODUCTS)
        elif slot == "cay":
            values[slot] = rng.choice(CROPS)
        elif slot == "lv":
            values[slot] = rng.choice(FIELDS)
        elif slot == "n":
            values[slot] = str(rng.randint(2, 120))
        elif slot == "ha":
            values[slot] = str(rng.choice([rng.randint(5, 500), rng.randint(1, 99) * 10]))
        elif slot == "pct":
            values[slot] = str(rng.randint(60, 100))
        elif slot == "km":
            values[slot] = rng.choice([str(rng.randint(1, 40)), f"{rng.randint(1, 9)},{rng.randint(1, 9)}"])
        elif slot == "nam":
            values[slot] = str(rng.randint(2021, 2026))
        else:
            raise KeyError(slot)
    return values


def render(template: str, values: dict[str, str]) -> str:
    """A template's text with its slots filled from ``values``.

    >>> render("Xây dựng xã {xa} đạt chuẩn NTM", {"xa": "Tân Mỹ"})
    'Xây dựng xã Tân Mỹ đạt chuẩn NTM'
    """
    return _SLOT.sub(lambda m: values[m.group(1)], template)


def change_slot(template: str, values: dict[str, str], rng: random.Random) -> tuple[dict[str, str], str]:
    """The same phrasing about something else: one non-year slot changed (a hard negative)."""
    slots = [s for s in dict.fromkeys(_SLOT.findall(template)) if s != "nam"]
    slot = rng.choice(slots)
    other = dict(values)
    while other[slot] == values[slot]:
        other[slot] = draw_slots("{" + slot + "}", rng)[slot]
    return other, slot


def _new_tones(text: str) -> str:
    return _OLD_TONE.sub(lambda m: OLD_TO_NEW[m.group(1)], text)


def _bare(word: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return plain.replace("đ", "d").replace("Đ", "D")


def _spellable(bare: str) -> bool:
    """Whether Vietnamese writes this syllable without marks ("Vinh", "Tan", "Lam"): then
    it is a word of its own. Without a tone a syllable cannot end in p, t, c, ch ("Lac"),
    and "ie", "uo", "ye", "uu" always carry a mark ("Nguyen", "Duong")."""
    w = bare.lower()
    return not w.endswith(("p", "t", "c", "ch")) and not any(x in w for x in ("ie", "uo", "ye", "uu"))


# Syllables names are made of here (lower case). One of them written without its marks,
# where the bare syllable is itself a syllable ("Tân Mỹ" -> "Tan Mỹ", "Vĩnh" -> "Vinh"),
# spells another place, not the same one: registers hold both "Vĩnh Hội" and "Vinh Hội"
# (issue 16). Such a rewrite is no duplicate, so the slip below never makes one.
_NAME_SYLLABLES = frozenset(w.lower() for w in FIRST + SECOND + [
    w for p in PRODUCTS for w in p.split() if w[:1].isupper()])


def _slip_marks(text: str, rng: random.Random) -> str:
    """An OCR or typing slip: one word loses its marks (a common word, or a name syllable
    Vietnamese cannot write bare: "Lạc" -> "Lac")."""
    words = text.split(" ")
    marked = [i for i, w in enumerate(words) if not w.isascii() and w.isalpha()
              and (w.lower() not in _NAME_SYLLABLES or not _spellable(_bare(w)))]
    if not marked:
        return text
    i = rng.choice(marked)
    words[i] = _bare(words[i])
    return " ".join(words)


def vary(text: str, rng: random.Random, *, years: tuple[str, str] | None = None,
         n_ops: int | None = None) -> tuple[str, list[str]]:
    """Rewrite a task the ways clerks do; returns the new text and the rewrites applied.

    >>> vary("Chỉ đạo Ủy ban nhân dân xã Tân Mỹ", random.Random(3), n_ops=1)[1]
    ['punct']
    """
    ops = ["abbrev", "tone", "case", "punct", "add", "drop", "abbrev", "punct", "year", "typo"]
    chosen = rng.sample(ops, n_ops or rng.choice([1, 1, 2, 2, 3]))
    done = []
    bare = False
    for op in chosen:
        before = text
        if op == "abbrev":
            options = [(a, b) for a, b in ABBREVIATE if a in text or re.search(rf"\b{re.escape(b)}\b", text)]
            if options:
                full, short = rng.choice(options)
                if full in text:
                    text = text.replace(full, short, 1)
                else:
                    text = re.sub(rf"\b{re.escape(short)}\b", full, text, count=1)
        elif op == "tone":
            text = _new_tones(text)
        elif op == "case":
            r = rng.random()
            text = text.upper() if r < 0.1 else text.lower() if r < 0.6 else text[:1].lower() + text[1:]
        elif op == "punct":
            r = rng.random()
            if r < 0.4:
                text = text + rng.choice([".", ";", " ;", "./."])
            elif r < 0.7:
                text = text.replace(", ", " ", 1) if ", " in text else text.replace(" ", ", ", 1)
            else:
                text = "- " + text if " - " not in text else text.replace(" - ", "-")
        elif op == "add":
            if rng.random() < 0.5:
                text = rng.choice(ADD_FRONT) + " " + text[:1].lower() + text[1:]
            else:
                text = text + " " + rng.choice(ADD_BACK)
        elif op == "drop":
            present = [w for w in DROPPABLE if f" {w} " in f" {text} "]
            if present:
                w = rng.choice(present)
                text = re.sub(rf"(^| ){re.escape(w)}(?= |$)", "", text, count=1).strip()
        elif op == "year" and years:
            old, new = years
            text = text.replace(old, new)
        elif op == "typo":
            if rng.random() < 0.25:
                bare = True  # typed without a Vietnamese keyboard: every word, the rest too
            else:
                text = _slip_marks(text, rng)
        if text != before or (op == "typo" and bare):
            done.append(op)
    if bare:
        text = " ".join(_bare(w) for w in text.split(" "))
    return text, done


# What makes two generated tasks the same task: the phrasing's number and its slot
# values, the year left out.
TruthKey = tuple[int, *tuple[tuple[str, str], ...]]


class LabelledPair(TypedDict):
    """Two task texts and whether they are the same task (1) or not (0), with how ``b``
    was made from ``a`` ("abbreviate+case", "other_xa")."""

    a: str
    b: str
    label: int
    why: str


def _cadre(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def iter_tasks(n: int, seed: int = 0, dup_rate: float = 0.15) -> Iterator[tuple[TaskRef, TruthKey]]:
    """``n`` tasks with planted duplicates, each with its truth key (same key = same task).

    The truth key is the phrasing and its slot values, years left out (a carried-over
    task is a duplicate); two tasks drawn alike by chance are duplicates too.
    """
    rng = random.Random(seed)
    bases: list[tuple[int, dict[str, str], str, str, str]] = []
    for i in range(n):
        if bases and rng.random() < dup_rate:
            t_idx, values, text, cadre, unit = bases[rng.randrange(len(bases))]
            years = None
            if "nam" in values:
                years = (values["nam"], str(rng.randint(2021, 2026)))
            new_text, _ = vary(text, rng, years=years)
            same = rng.random() < 0.5
            truth: TruthKey = (t_idx, *sorted((k, v) for k, v in values.items() if k != "nam"))
            yield (TaskRef(f"t{i}", new_text, cadre if same else _cadre(rng), unit,
                           rng.randint(2021, 2026)), truth)
            continue
        t_idx = rng.randrange(len(TEMPLATES))
        values = draw_slots(TEMPLATES[t_idx], rng)
        text = render(TEMPLATES[t_idx], values)
        cadre = _cadre(rng)
        unit = f"UBND xã {values['xa']}" if "xa" in values else f"UBND huyện {rng.choice(FIRST)} {rng.choice(SECOND)}"
        if len(bases) < 2_000_000:
            bases.append((t_idx, values, text, cadre, unit))
        truth = (t_idx, *sorted((k, v) for k, v in values.items() if k != "nam"))
        yield TaskRef(f"t{i}", text, cadre, unit, int(values.get("nam", rng.randint(2021, 2026)))), truth


def generate_tasks(n: int, seed: int = 0, dup_rate: float = 0.15) -> tuple[list[TaskRef], list[TruthKey]]:
    """``n`` tasks and their truth keys (see :func:`iter_tasks`)."""
    tasks: list[TaskRef] = []
    truth: list[TruthKey] = []
    for t, k in iter_tasks(n, seed, dup_rate):
        tasks.append(t)
        truth.append(k)
    return tasks, truth


def labelled_pairs(n_pos: int, n_neg: int, seed: int = 0) -> list[LabelledPair]:
    """Pairs of task texts with a label: 1 the same task rewritten, 0 the same phrasing about
    something else (another commune, project, product, number: the hard negatives)."""
    rng = random.Random(seed)
    out: list[LabelledPair] = []
    for k in range(n_pos + n_neg):
        t_idx = rng.randrange(len(TEMPLATES))
        values = draw_slots(TEMPLATES[t_idx], rng)
        a = render(TEMPLATES[t_idx], values)
        if k < n_pos:
            years = (values["nam"], str(rng.randint(2021, 2026))) if "nam" in values else None
            b, ops = vary(a, rng, years=years)
            if not ops:
                b, ops = vary(a, rng, n_ops=1)
            out.append({"a": a, "b": b, "label": 1, "why": "+".join(ops) or "same"})
        else:
            other, slot = change_slot(TEMPLATES[t_idx], values, rng)
            b = render(TEMPLATES[t_idx], other)
            ops = []
            if rng.random() < 0.5:  # a negative written differently too
                b, ops = vary(b, rng, n_ops=1)
            out.append({"a": a, "b": b, "label": 0, "why": "+".join([f"other_{slot}"] + ops)})
    return out
