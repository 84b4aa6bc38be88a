"""A second task generator for the duplicate bench (issue 16): a province's archive as it is.

The first generator (extractor/dedup/synth.py) draws names from two hand-written syllable
lists. Real registers differ: a few dozen task shapes are reused by every commune, the
communes are the real ones (their names share syllables, some are the same two syllables
in the other order, some differ only in a tone mark: "Thịnh Trường" / "Trường Thịnh",
"Vĩnh Hội" / "Vinh Hội"), and villages, roads, cooperatives and schools carry names of
their own that no registry lists. Here:

- ``SHAPES``: task shapes with slots, written as registers write them;
- {xa}: real commune names, from the registry the project already loads
  (extractor/units/registry.py, vietnamadminunits' tables): the communes of a few northern
  provinces, plus, for some of them, the name in the other order or without one tone
  mark where the bare syllable is itself Vietnamese (names outside the tables: new after
  the 2025 merger, or just another place);
- {thon} villages, {htx} cooperatives, {truong} schools: invented from Kinh and Tày
  syllables; {duong} roads named after people or numbered; {cay}, {sp}, {lv}, numbers;
- planted rewrites (15 %): abbreviations, the new tone placement (hoà), filler words, a dropped word,
  case, punctuation, an added year (:func:`rewrite`). Nothing is copied from a document.

The truth key is the shape and its slot values: two tasks are the same task when they
share them, whatever the year. Everything is seeded.

    >>> tasks, truth = generate(5, seed=1)
    >>> len(tasks), len(truth)
    (5, 5)
"""
from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from extractor.dedup.records import TaskRef

__all__ = ["SHAPES", "iter_templated", "generate", "rewrite", "communes", "draw", "render"]

# Provinces whose communes fill {xa} (names as in the registry, type word dropped).
PROVINCES = ("Tuyên Quang", "Hà Giang", "Yên Bái", "Phú Thọ", "Thái Nguyên", "Bắc Kạn",
             "Lạng Sơn", "Cao Bằng", "Nghệ An", "Thanh Hóa")

SHAPES = [
    "Xây dựng xã {xa} đạt chuẩn nông thôn mới nâng cao",
    "Chỉ đạo xây dựng xã {xa} đạt chuẩn nông thôn mới kiểu mẫu",
    "Kết nạp {n} đảng viên mới tại Đảng bộ xã {xa}",
    "Phấn đấu kết nạp {n} đảng viên mới cho Chi bộ thôn {thon}",
    "Xây dựng mô hình trồng {cay} tại thôn {thon}, xã {xa}",
    "Mở rộng mô hình trồng {cay} tại thôn {thon}",
    "Đẩy mạnh cải cách hành chính tại Ủy ban nhân dân xã {xa}",
    "Thực hiện cải cách hành chính tại Ủy ban nhân dân xã {xa} gắn với chuyển đổi số",
    "Củng cố Hợp tác xã Nông nghiệp và dịch vụ {htx} gắn với sản phẩm {sp}",
    "Thành lập mới Hợp tác xã Nông nghiệp và dịch vụ {htx} tại xã {xa}",
    "Quy hoạch sử dụng đất xã {xa} giai đoạn 2021-2030",
    "Hoàn thành giải phóng mặt bằng dự án đường {duong} đoạn qua xã {xa}",
    "Nâng cấp, mở rộng đường {duong} qua thôn {thon}",
    "Xây dựng trường Tiểu học {truong} đạt chuẩn quốc gia mức độ {lvl}",
    "Xây dựng trường Mầm non {truong} xã {xa} đạt chuẩn quốc gia",
    "Xây dựng sản phẩm {sp} của xã {xa} đạt chuẩn OCOP {sao} sao",
    "Phát triển vùng trồng {cay} tập trung {ha} ha tại xã {xa}",
    "Chuyển đổi {ha} ha đất lúa kém hiệu quả sang trồng {cay} tại xã {xa}",
    "Xây dựng nhà văn hóa thôn {thon} xã {xa} bằng nguồn xã hội hóa",
    "Hoàn thành {km} km đường bê tông nội đồng tại thôn {thon}",
    "Giảm tỷ lệ hộ nghèo xã {xa} xuống dưới {pct}% theo chuẩn mới",
    "Vận động {n} hộ dân thôn {thon} hiến đất làm đường giao thông nông thôn",
    "Thực hiện có hiệu quả công tác {lv} tại xã {xa}",
    "Xây dựng mô hình điểm về {lv} tại thôn {thon}, xã {xa}",
    "Cấp giấy chứng nhận quyền sử dụng đất cho {n} hộ tại xã {xa}",
    "Đầu tư xây dựng công trình nước sạch tập trung thôn {thon} xã {xa}",
    "Xây dựng thôn {thon} đạt chuẩn khu dân cư nông thôn mới kiểu mẫu",
    "Củng cố Chi bộ thôn {thon} xã {xa} đạt trong sạch vững mạnh",
    "Triển khai mô hình camera an ninh tại thôn {thon}, xã {xa}",
    "Hỗ trợ {n} hộ nghèo thôn {thon} xây dựng nhà ở kiên cố",
    "Xây dựng cầu treo thôn {thon} đi thôn {thon2}",
    "Sáp nhập thôn {thon} vào thôn {thon2} xã {xa}",
    "Trồng mới {ha} ha rừng sản xuất bằng {cay} tại xã {xa}",
    "Thu ngân sách trên địa bàn xã {xa} đạt {pct}% dự toán",
    "Chỉ đạo Hội Nông dân xã {xa} xây dựng mô hình chăn nuôi {vat}",
    "Phát triển đàn {vat} quy mô {n} con tại thôn {thon}",
    "Duy trì xã {xa} đạt chuẩn phổ cập giáo dục mầm non cho trẻ 5 tuổi",
    "Di dời {n} hộ dân vùng có nguy cơ sạt lở thôn {thon} xã {xa}",
]

# Village syllables (tên thôn, bản): Kinh and Tày/Thái/Mông place words.
VILLAGE_A = """Nà Khuổi Pác Bó Cốc Phiêng Nặm Khau Lũng Pò Kéo Bản Mường Làng Đồng Tân Phú Hòa
Thượng Hạ Trung Ngòi Suối Khe Lăng Nậm Tả Hồng Minh Tiền Hậu Đông Tây Cây Gốc Bãi Đầm""".split()
VILLAGE_B = """Cọ Củng Mạ Chang Vài Hin Lỏong Quang Thịnh Hội Lùng Sáng Pết Khoang Tấu Mới Cũ
Trà Tẩu Thác Đá Vàng Mai Sơn Lâm Bình Hòa Thuận Hồng Phúc Lộc Thành Chùa Đình Giữa Ngoài""".split()
PEOPLE = """Lê Lợi|Trần Phú|Nguyễn Trãi|Hoàng Văn Thụ|Quang Trung|Võ Nguyên Giáp|Lý Thái Tổ|
Trần Hưng Đạo|Phan Đình Phùng|Nguyễn Du|Lê Duẩn|Hùng Vương|Kim Đồng|Bế Văn Đàn|Tô Hiệu|
Nguyễn Văn Cừ|Lý Tự Trọng|Hồ Tùng Mậu|Chu Văn An|Nguyễn Thái Học""".replace("\n", "").split("|")
CROPS = """cây keo|cây quế|cây hồi|cây mắc ca|cây sả|chè|cam sành|bưởi|cây dược liệu|ngô lai|
lúa chất lượng cao|rau an toàn|dong riềng|khoai môn|lạc|đậu tương|
cây ăn quả có múi|cỏ voi""".replace("\n", "").split("|")
PRODUCTS = """chè Shan tuyết|miến dong|mật ong bạc hà|cam sành|bưởi Soi Hà|gạo nếp cái hoa vàng|
thịt trâu gác bếp|măng khô|rượu ngô|trà hoa vàng|tinh dầu quế|nấm hương|lạp xưởng|bánh gai|
quýt vàng|hồng không hạt""".replace("\n", "").split("|")
ANIMALS = "lợn đen|bò vàng|dê núi|gà đồi|trâu|cá lăng|vịt bầu|ong lấy mật".split("|")
FIELDS = """dân vận|phòng chống ma túy|an ninh trật tự|bảo vệ môi trường|quản lý đất đai|
phòng chống thiên tai|giảm nghèo bền vững|chuyển đổi số|thu hút đầu tư|văn hóa thông tin""".replace("\n", "").split("|")

# Rewrites clerks make. Abbreviations both ways: (written out, short).
ABBREV = [("Ủy ban nhân dân", "UBND"), ("Hợp tác xã", "HTX"), ("nông thôn mới", "NTM"),
          ("cải cách hành chính", "CCHC"), ("Hội Nông dân", "HND"), ("đảng viên", "ĐV"),
          ("giải phóng mặt bằng", "GPMB"), ("an ninh trật tự", "ANTT"),
          ("Nông nghiệp và dịch vụ", "NN&DV"), ("giấy chứng nhận quyền sử dụng đất", "GCNQSDĐ")]
FRONT = ["Tập trung", "Tiếp tục", "Tích cực", "Chỉ đạo", "Tham mưu"]
BACK = ["hiệu quả", "đúng tiến độ", "theo kế hoạch", "trong năm", "bền vững"]
INSIDE = [(" xây dựng ", " xây dựng các "), (" tại ", " tại địa bàn "), (" công tác ", " các công tác ")]
DROP = ["mới", "tại", "các", "có", "việc", "cho", "về"]  # one word
# The old tone placement (hòa, thủy) -> the new one (hoà, thuỷ), as some clerks write.
_OLD_TO_NEW = {}
for _v, _marks in (("a", "òóỏõọ"), ("e", "òóỏõọ"), ("y", "ùúủũụ")):
    for _m in _marks:
        _d = unicodedata.normalize("NFD", _m)
        _OLD_TO_NEW[_m + _v] = _d[0] + unicodedata.normalize("NFC", _v + _d[1:])
_OLD = re.compile("(" + "|".join(_OLD_TO_NEW) + r")(?![^\W\d_])")
_SLOT = re.compile(r"\{(\w+)\}")


def _strip_marks(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)) \
        .replace("đ", "d").replace("Đ", "D")


def _possible(plain: str) -> bool:
    """Whether a syllable without marks is one Vietnamese writes ("Vinh", "Lam"), not one
    it cannot ("Lac" ends in c without a tone, "Duong" has a bare "uo"): only real
    spellings make another place's name."""
    w = plain.lower()
    return w.isalpha() and not w.endswith(("p", "t", "c", "ch")) and not any(
        x in w for x in ("ie", "uo", "ye", "uu"))


@lru_cache(maxsize=1)
def communes() -> tuple[str, ...]:
    """Commune names of :data:`PROVINCES` (legacy and current tables, type word dropped),
    and for one in six of the two-syllable ones the name in the other order and one in
    eight with one syllable's marks dropped where that is still a syllable ("Vĩnh Hội" ->
    "Vinh Hội"; not "Lạc" -> "Lac"): places the tables may not list, a hard negative for
    each other."""
    from extractor.units import registry

    reg = registry()
    wanted = {code for (era, code), p in reg.provinces.items()
              if any(p.name.endswith(" " + name) for name in PROVINCES)}
    names = sorted({re.sub(r"^(Xã|Phường|Thị trấn|Đặc khu)\s+", "", c.name)
                    for (era, p, _), c in reg.communes.items() if p in wanted})
    names = [n for n in names if not n[:1].isdigit()]
    rng = random.Random(16)
    extra = set()
    for n in names:
        parts = n.split()
        if len(parts) == 2 and rng.random() < 1 / 6:
            extra.add(f"{parts[1]} {parts[0]}")
        if rng.random() < 1 / 8:
            marked = [i for i, w in enumerate(parts) if _strip_marks(w) != w and _possible(_strip_marks(w))]
            if marked:
                i = rng.choice(marked)
                extra.add(" ".join(_strip_marks(w) if k == i else w for k, w in enumerate(parts)))
    return tuple(sorted(set(names) | extra))


def draw(shape: str, rng: random.Random) -> dict[str, str]:
    """Slot values for a shape."""
    out: dict[str, str] = {}
    pool = communes()
    for slot in _SLOT.findall(shape):
        if slot in out:
            continue
        if slot == "xa":
            out[slot] = rng.choice(pool)
        elif slot in ("thon", "thon2", "htx", "truong"):
            r = rng.random()
            if slot == "truong" and r < 0.5:
                out[slot] = rng.choice(pool)  # schools are named after their commune
            elif slot == "htx" and r < 0.3:
                out[slot] = rng.choice(pool)
            else:
                out[slot] = f"{rng.choice(VILLAGE_A)} {rng.choice(VILLAGE_B)}"
        elif slot == "duong":
            out[slot] = rng.choice(PEOPLE) if rng.random() < 0.7 else f"tỉnh {rng.randint(150, 199)}"
        elif slot == "cay":
            out[slot] = rng.choice(CROPS)
        elif slot == "sp":
            out[slot] = rng.choice(PRODUCTS)
        elif slot == "vat":
            out[slot] = rng.choice(ANIMALS)
        elif slot == "lv":
            out[slot] = rng.choice(FIELDS)
        elif slot == "n":
            out[slot] = str(rng.randint(2, 60))
        elif slot == "ha":
            out[slot] = str(rng.choice([rng.randint(5, 300), rng.randint(1, 50) * 10]))
        elif slot == "pct":
            out[slot] = str(rng.randint(70, 100))
        elif slot == "km":
            out[slot] = rng.choice([str(rng.randint(1, 25)), f"{rng.randint(1, 9)},{rng.randint(1, 9)}"])
        elif slot == "lvl":
            out[slot] = rng.choice(["1", "2"])
        elif slot == "sao":
            out[slot] = rng.choice(["3", "4"])
        else:
            raise KeyError(slot)
    return out


def render(shape: str, values: dict[str, str]) -> str:
    return _SLOT.sub(lambda m: values[m.group(1)], shape)


def rewrite(text: str, rng: random.Random) -> tuple[str, list[str]]:
    """The same task written again: one to three of the rewrites clerks make.

    >>> rewrite("Xây dựng xã Tân Mỹ đạt chuẩn nông thôn mới", random.Random(2))[1]
    ['abbrev']
    """
    ops = ["abbrev", "abbrev", "tone", "case", "punct", "filler", "drop", "year"]
    done = []
    for op in rng.sample(ops, rng.choice([1, 1, 2, 2, 3])):
        before = text
        if op == "abbrev":
            opts = [(a, b) for a, b in ABBREV if a in text or re.search(rf"(?<!\w){re.escape(b)}(?!\w)", text)]
            if opts:
                full, short = rng.choice(opts)
                text = text.replace(full, short, 1) if full in text else \
                    re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text, count=1)
        elif op == "tone":
            text = _OLD.sub(lambda m: _OLD_TO_NEW[m.group(1)], text)
        elif op == "case":
            r = rng.random()
            text = text.upper() if r < 0.15 else text.lower() if r < 0.55 else text[:1].lower() + text[1:]
        elif op == "punct":
            r = rng.random()
            if r < 0.4:
                text += rng.choice([".", ";", " .", "./."])
            elif r < 0.7:
                text = text.replace(", ", " ", 1) if ", " in text else text.replace(" tại ", ", tại ", 1)
            else:
                text = "- " + text
        elif op == "filler":
            r = rng.random()
            if r < 0.4:
                text = rng.choice(FRONT) + " " + text[:1].lower() + text[1:]
            elif r < 0.8:
                text = text + " " + rng.choice(BACK)
            else:
                a, b = rng.choice(INSIDE)
                text = text.replace(a, b, 1)
        elif op == "drop":
            present = [w for w in DROP if f" {w} " in f" {text} "]
            if present:
                w = rng.choice(present)
                text = re.sub(rf"(^| ){re.escape(w)}(?= |,|$)", "", text, count=1).strip()
        elif op == "year":
            text = text + f" năm {rng.randint(2021, 2026)}"
        if text != before:
            done.append(op)
    return text, done


def iter_templated(n: int, seed: int = 0, dup_rate: float = 0.15) -> Iterator[tuple[TaskRef, tuple]]:
    """``n`` tasks (ids ``t0``...), each with its truth key (same key = same task)."""
    rng = random.Random(seed)
    bases: list[tuple[str, tuple, str]] = []
    for i in range(n):
        year = rng.randint(2021, 2026)
        if bases and rng.random() < dup_rate:
            text, truth, unit = bases[rng.randrange(len(bases))]
            text, _ = rewrite(text, rng)
            yield TaskRef(f"t{i}", text, None, unit, year), truth
            continue
        k = rng.randrange(len(SHAPES))
        values = draw(SHAPES[k], rng)
        text = render(SHAPES[k], values)
        truth = (k,) + tuple(sorted(values.items()))
        unit = f"UBND xã {values['xa']}" if "xa" in values else None
        if len(bases) < 2_000_000:
            bases.append((text, truth, unit))
        yield TaskRef(f"t{i}", text, None, unit, year), truth


def generate(n: int, seed: int = 0, dup_rate: float = 0.15) -> tuple[list[TaskRef], list[tuple]]:
    tasks, truth = [], []
    for t, k in iter_templated(n, seed, dup_rate):
        tasks.append(t)
        truth.append(k)
    return tasks, truth


def labelled(n_pos: int, n_neg: int, seed: int = 0) -> list[dict]:
    """Labelled pairs for corpora/dedup: 1 a task written again (:func:`rewrite`), 0 the
    same shape about another place, village, cooperative, school, road or number; for a
    commune, often the hardest kind: the same syllables in the other order, or one
    syllable without its marks where that is another name ("Vĩnh" / "Vinh")."""
    rng = random.Random(seed)
    pool = communes()
    by_plain: dict[str, list[str]] = {}
    for name in pool:
        by_plain.setdefault(_strip_marks(name).lower(), []).append(name)
    out = []
    for k in range(n_pos + n_neg):
        shape = SHAPES[rng.randrange(len(SHAPES))]
        values = draw(shape, rng)
        a = render(shape, values)
        if k < n_pos:
            b, ops = rewrite(a, rng)
            while not ops:
                b, ops = rewrite(a, rng)
            out.append({"a": a, "b": b, "label": 1, "why": "+".join(ops)})
            continue
        slots = [s for s in dict.fromkeys(_SLOT.findall(shape))]
        slot = rng.choice(slots)
        other = dict(values)
        why = f"other_{slot}"
        if slot == "xa":
            parts = values["xa"].split()
            twins = [x for x in by_plain.get(_strip_marks(values["xa"]).lower(), []) if x != values["xa"]]
            flipped = " ".join(reversed(parts))
            r = rng.random()
            if twins and r < 0.5:
                other["xa"], why = rng.choice(twins), "other_xa_marks"
            elif len(parts) == 2 and r < 0.8:
                other["xa"], why = flipped, "other_xa_order"
        while other[slot] == values[slot]:
            other[slot] = draw("{" + slot + "}", rng)[slot]
        b = render(shape, other)
        ops = []
        if rng.random() < 0.5:  # written differently too: the new tone placement, case, abbreviations
            b, ops = rewrite(b, rng)
        out.append({"a": a, "b": b, "label": 0, "why": "+".join([why] + ops)})
    return out
