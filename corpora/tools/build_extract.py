"""Build corpora/extract/: generated documents plus the hand-written ones, with gold.

    .venv/bin/python corpora/tools/build_extract.py          # rewrite corpora/extract/{train,dev}
    .venv/bin/python corpora/tools/build_extract.py --check  # rebuild in memory, compare with disk

The generator composes documents from hand-written phrasings (pools.py and the
templates below) with a fixed seed, so the output is reproducible byte for byte.
Gold is produced together with the text: every cadre name and task string is
inserted into the text verbatim, so gold cannot drift from the document.
Hand-written documents come from handwritten.py (text and gold typed by hand).

Each gold file holds the contract shape (`assignments`, `statistics`, `document`)
plus `kind` and `negatives`: the hard negatives the document contains (people
only quoted, elected, thanked, signing; tasks given only to bodies; totals), so
tests can check that at least 35% of the corpus carries them.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pools as P

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "corpora" / "extract"
SEED = 20261125

OLD_TONES = [("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
             ("òe", "oè"), ("óe", "oé"), ("ỏe", "oẻ"), ("ọe", "oẹ"),
             ("ủy", "uỷ"), ("úy", "uý"), ("ùy", "uỳ"), ("ũy", "uỹ"), ("ụy", "uỵ"),
             ("Ủy", "Uỷ"), ("Úy", "Uý")]


def new_tones(text: str) -> str:
    """Move tone marks to the new placement (hòa -> hoà, Ủy -> Uỷ).

    Only open syllables differ between the two styles, and in the new style the
    pairs below occur only in open syllables, so plain replacement is safe.
    >>> new_tones("Ủy ban xã Hòa Phú, Thủy")
    'Uỷ ban xã Hoà Phú, Thuỷ'
    """
    for new, old in OLD_TONES:
        text = text.replace(new, old)
    return text


ROMAN = ["I", "II", "III", "IV"]


@dataclass
class Person:
    name: str
    mention: str      # how the title reads in running text ("Chủ tịch UBND xã Hòa Phú")
    position: str
    unit: str | None


@dataclass
class Doc:
    """A document under construction: text and gold grow together."""
    name: str
    kind: str
    ext: str = "txt"
    text: str = ""
    assignments: list = field(default_factory=list)
    statistics: list = field(default_factory=list)
    negatives: list = field(default_factory=list)
    document: dict = field(default_factory=lambda: {"kind": None, "number": None, "issuer": None,
                                                     "date": None, "title": None})
    origin: str = "generated"

    def assign(self, p: Person, tasks: list[str], period: tuple | None, declared: int | None) -> None:
        self.assignments.append({
            "cadre": p.name, "position": p.position, "unit": p.unit,
            "period": ({"text": period[0], "start": period[1], "end": period[2]} if period else None),
            "declared_count": declared,
            "tasks": [{"text": t} for t in tasks],
        })

    def negative(self, text: str, why: str) -> None:
        self.negatives.append({"text": text, "why": why})

    def stat(self, text: str, tasks: int | None, cadres: int | None) -> None:
        self.statistics.append({"text": text, "tasks": tasks, "cadres": cadres})

    def gold(self, source: str) -> dict:
        return {"source": source, "kind": self.kind, "origin": self.origin,
                "document": self.document, "assignments": self.assignments,
                "statistics": self.statistics, "negatives": self.negatives}

    def apply(self, fn) -> None:
        """Apply a text transformation to the text and every gold string alike."""
        self.text = fn(self.text)

        def walk(v):
            if isinstance(v, str):
                return fn(v)
            if isinstance(v, list):
                return [walk(x) for x in v]
            if isinstance(v, dict):
                return {k: (walk(x) if k not in ("source", "kind", "why", "origin") else x)
                        for k, x in v.items()}
            return v
        self.assignments = walk(self.assignments)
        self.statistics = walk(self.statistics)
        self.negatives = walk(self.negatives)
        self.document = walk(self.document)


class World:
    """Random choices for one document: place, year, people, tasks."""

    # provinces are dealt like cards, so every one of them comes up before any repeats
    deck: list = []

    def __init__(self, rng: random.Random, year: int | None = None):
        self.rng = rng
        if not World.deck:
            World.deck = rng.sample(P.PROVINCES, len(P.PROVINCES))
        self.tinh, self.region, districts = World.deck.pop()
        self.huyen = rng.choice(districts)
        self.year = year or rng.randint(2015, 2026)
        self.used_names: set[str] = set()
        self.used_tasks: set[str] = set()
        self.used_roles: set[tuple] = set()
        self.land = {"north": "north", "northwest": "northwest", "highland": "highland",
                     "central": "central", "delta": "delta", "south": "south"}[self.region]
        self.communes = rng.sample(P.COMMUNES[self.land], 8)
        self.female: set[str] = set()
        self.surnames = P.SURNAMES + (P.SURNAMES_NORTH if self.land in ("north", "northwest") else [])

    def person_name(self) -> str:
        r = self.rng
        for _ in range(100):
            female = r.random() < 0.4
            if self.region in P.ETHNIC and r.random() < 0.3:
                name = r.choice(P.ETHNIC[self.region])
                female = name.startswith("H'") or " Thị " in name or name in ("Siu H'Nuôl",)
            elif not female:
                name = f"{r.choice(self.surnames)} {r.choice(P.MIDDLE_M)} {r.choice(P.GIVEN_M)}"
            else:
                name = f"{r.choice(self.surnames)} {r.choice(P.MIDDLE_F)} {r.choice(P.GIVEN_F)}"
            if female:
                self.female.add(name)
            if name not in self.used_names and name.split()[-1] not in {n.split()[-1] for n in self.used_names}:
                self.used_names.add(name)
                return name
        raise RuntimeError("ran out of names")

    def hon(self, name: str, cap_first: bool = False) -> str:
        """ông / bà as Vietnamese texts address the person."""
        h = "bà" if name in self.female else "ông"
        return cap(h) if cap_first else h

    def person(self, level: str, allow=None) -> Person:
        """A named person holding a title at `level`; `allow(position)` filters titles
        that would clash with the document (the signer's own title, a body the
        decision does not cover)."""
        r = self.rng
        for _ in range(200):
            if level == "xa":
                pos, body = r.choice(P.ROLES_XA)
                place = r.choice(self.communes[:5])
            elif level == "huyen":
                pos, body = r.choice(P.ROLES_HUYEN)
                place = self.huyen
            elif level == "tinh":
                pos, body = r.choice(P.ROLES_TINH)
                place = self.tinh
            else:
                pos, body = r.choice(P.ROLES_SO)
                place = None
            # a body has one Chủ tịch, one Giám đốc, one Phó Chủ tịch Thường trực,
            # but several ordinary deputies
            plural = pos.startswith("Phó") and "Thường trực" not in pos and "," not in pos
            if allow is not None and not allow(pos):
                continue
            if (pos, place) not in self.used_roles or plural:
                break
        self.used_roles.add((pos, place))
        mention = f"{pos} {place}" if place else pos
        unit = f"{body} {place}" if place else body
        return Person(self.person_name(), mention, pos, unit)

    def task(self, level: str, xa: str | None = None, office: str = "") -> str:
        r = self.rng
        pool = {"xa": P.TASKS_XA, "huyen": P.TASKS_HUYEN}.get(level, P.TASKS_TINH + P.TASKS_HUYEN[:8])
        # an office with its own tasks (Đoàn, MTTQ, Công an ...) draws from them first
        own = [t for key, ts in P.TASKS_BY_OFFICE.items() if key in office for t in ts]
        own = [t for t in own if t not in self.used_tasks]
        if self.land not in ("north", "northwest", "highland"):
            # highland and ethnic-minority matters do not belong in a delta or Mekong text
            pool = [t for t in pool if "vùng cao" not in t and "dân tộc thiểu số" not in t]
        for attempt in range(100):
            tpl = r.choice(own) if own and attempt < 5 and r.random() < 0.8 else r.choice(pool)
            xa_, xa2 = r.sample([c for c in self.communes if c != xa], 2)
            xa = xa or xa_
            t = tpl.format(thon=r.choice(P.VILLAGES[self.land]), xa=xa, xa2=xa2, huyen=self.huyen, tinh=self.tinh,
                           sp=r.choice(P.PRODUCTS), n=r.randint(2, 9), k=r.randint(5, 9),
                           m=r.choice([120, 250, 400, 650, 1200, 1800, 2500, 3400]), y=self.year)
            if tpl not in self.used_tasks:
                self.used_tasks.add(tpl)
                return t
        raise RuntimeError("ran out of tasks")

    def tasks(self, level: str, n: int, xa: str | None = None, office: str = "") -> list[str]:
        return [self.task(level, xa, office) for _ in range(n)]

    def period(self, spans_only: bool = False) -> tuple:
        """(text as written, start, end) for a period phrase.

        spans_only keeps to years, stages and terms, for titles such as "Đăng ký
        việc đột phá năm 2023" where a deadline would not read.
        """
        r, y = self.rng, self.year
        dash = r.choice([" - ", " – ", "-"])
        weights = [6, 3, 2, 0, 0, 0] if spans_only else [6, 3, 2, 1, 1, 1]
        kind = r.choices(["year", "stage", "term", "quarter", "before", "until"], weights)[0]
        if kind == "year":
            return (f"năm {y}", y, y)
        if kind == "stage":
            s = 2021 if y >= 2021 else 2016
            return (f"giai đoạn {s}{dash}{s + 4}", s, s + 4)
        if kind == "term":
            s = 2020 if y >= 2020 else 2015
            return (f"nhiệm kỳ {s}{dash}{s + 5}", s, s + 5)
        if kind == "quarter":
            return (f"quý {r.choice(ROMAN)}/{y}", y, y)
        if kind == "before":
            return (f"trước ngày {r.choice(['30/6', '30/9', '31/12', '15/11'])}/{y}", y, y)
        end = min(y + r.randint(1, 3), 2030)
        return (f"đến hết năm {end}", y, end)

    def count_text(self, n: int) -> str:
        r = self.rng.random()
        if r < 0.45:
            return str(n)
        if r < 0.65:
            return f"{n:02d}"
        return P.NUMBER_WORDS[n]

    def date(self) -> tuple[str, str]:
        """(ISO date, 'ngày 5 tháng 3 năm 2023')."""
        m, d = self.rng.randint(1, 12), self.rng.randint(1, 28)
        dd = f"{d:02d}" if d < 10 and self.rng.random() < 0.5 else str(d)
        mm = f"{m:02d}" if m < 3 and self.rng.random() < 0.5 else str(m)
        return (f"{self.year}-{m:02d}-{d:02d}", f"ngày {dd} tháng {mm} năm {self.year}")


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


# ----------------------------------------------------------------------------
# hard negatives: sentences naming people who are given nothing

def neg_quote(w: World, d: Doc) -> str:
    p = w.person(w.rng.choice(["huyen", "tinh", "xa"]))
    verb = w.rng.choice(["cho biết", "nhấn mạnh", "phát biểu", "chia sẻ", "khẳng định"])
    quote = w.rng.choice([
        "việc đột phá phải là việc khó, việc mới, có sản phẩm cụ thể và đo đếm được",
        "cán bộ được giao việc phải nói đi đôi với làm, không để kết quả chỉ nằm trên giấy",
        "sẽ tiếp tục theo dõi, đánh giá sát sao kết quả thực hiện của từng đồng chí",
        "các việc đăng ký còn dàn trải, cần chọn những việc người dân thực sự mong đợi",
        "kết quả thực hiện việc đột phá là căn cứ để đánh giá, xếp loại cán bộ cuối năm",
    ])
    form = w.rng.randint(0, 2)
    if form == 0:
        s = f"Đồng chí {p.name}, {p.mention} {verb}: “{cap(quote)}”."
    elif form == 1:
        s = f"Theo {w.hon(p.name)} {p.name}, {p.mention}, {quote}."
    else:
        s = f"Phát biểu tại hội nghị, đồng chí {p.name}, {p.mention} {verb}, {quote}."
    d.negative(p.name, "quoted")
    return s


def neg_event(w: World, d: Doc, forms: tuple = (0, 1, 2, 3, 4)) -> str:
    p = w.person(w.rng.choice(["tinh", "huyen"]))
    form = w.rng.choice(forms)
    if form == 0:
        d.negative(p.name, "attended")
        return f"Dự hội nghị có đồng chí {p.name}, {p.mention}."
    if form == 1:
        d.negative(p.name, "elected")
        return (f"Cũng tại kỳ họp, các đại biểu đã bầu {w.hon(p.name)} {p.name} giữ chức {p.position} "
                f"với tỷ lệ phiếu tán thành đạt {w.rng.randint(85, 99)}%.")
    if form == 2:
        d.negative(p.name, "thanked")
        return (f"Thay mặt lãnh đạo huyện, đồng chí {p.name}, {p.mention} trao Giấy khen cho "
                f"{w.rng.randint(5, 30)} tập thể, cá nhân có thành tích xuất sắc.")
    if form == 3:
        d.negative(p.name, "visited")
        return (f"Trước đó, đoàn công tác đã đến thăm gia đình {w.hon(p.name)} {p.name}, "
                f"hộ sản xuất {w.rng.choice(P.PRODUCTS)} tiêu biểu của xã {w.communes[6]}.")
    d.negative(p.name, "appointed")
    who = "Ban Thường vụ Tỉnh ủy" if ("tỉnh" in p.mention or "Tỉnh" in p.mention or "Sở" in p.mention) else "Ban Thường vụ Huyện ủy"
    return (f"Dịp này, {who} đã trao quyết định điều động, bổ nhiệm đồng chí "
            f"{p.name} giữ chức {p.position}.")


def neg_body(w: World, d: Doc) -> str:
    body = w.rng.choice(["UBND huyện", "Ban Tổ chức Huyện ủy", "Ủy ban Kiểm tra Huyện ủy",
                         "Văn phòng Huyện ủy", "các chi, đảng bộ cơ sở", "Phòng Nội vụ huyện"])
    what = w.rng.choice([
        "theo dõi, tổng hợp kết quả thực hiện việc đột phá của các đồng chí được giao việc",
        "kiểm tra, giám sát việc thực hiện và báo cáo Ban Thường vụ trước ngày 15/12",
        "hướng dẫn các cơ quan, đơn vị xây dựng kế hoạch triển khai cụ thể",
    ])
    d.negative(body, "body")
    return f"Ban Thường vụ Huyện ủy giao {body} {what}."


def neg_total(w: World, d: Doc) -> str:
    c = w.rng.randint(30, 160)
    t = c + w.rng.randint(10, 90)
    s = f"giao {t} việc đột phá, đổi mới cho {c} cán bộ"
    d.stat(s, t, c)
    d.negative(s, "total")
    lead = w.rng.choice([f"Năm {w.year}, Ban Thường vụ Huyện ủy {w.huyen} đã",
                         f"Tính đến nay, toàn huyện {w.huyen} đã",
                         f"Thực hiện Quy định của Tỉnh ủy {w.tinh}, Ban Thường vụ Huyện ủy đã"])
    return f"{lead} {s} thuộc diện Ban Thường vụ quản lý."


def hard_negatives(w: World, d: Doc, k: int) -> list[str]:
    fns = [neg_quote, neg_event, neg_body, neg_total]
    return [w.rng.choice(fns)(w, d) for _ in range(k)]


# ----------------------------------------------------------------------------
# news: prose paragraphs, one cadre each, in many phrasings

def para_news(w: World, d: Doc, p: Person, period: tuple) -> str:
    r = w.rng
    n = r.randint(1, 4)
    level = "xa" if " xã" in p.mention else ("huyen" if "huyện" in p.mention or "Huyện" in p.mention else "tinh")
    tasks = w.tasks(level, n, office=p.position)
    cnt = w.count_text(n)
    per = period[0]
    deadline = per.startswith(("trước", "đến hết"))
    # a deadline ("trước ngày 30/6/2023", "đến hết năm 2025") reads well only after
    # the task verb; the other forms open with or are governed by "trong"/"theo"
    form = r.choice([1, 4, 6, 9, 10, 11]) if deadline else r.randint(0, 12)
    if form == 11 and deadline:
        form = 1
    declared = n
    if form in (0, 5):
        # the period opens the sentence: gold keeps it as written, capitalised
        period = (cap(per),) + tuple(period[1:])
    if form == 0:
        s = f"{cap(per)}, đồng chí {p.name}, {p.mention} được giao {cnt} việc đột phá là {'; '.join(tasks)}."
    elif form == 1:
        s = (f"Đối với đ/c {p.name} - {p.mention}, Ban Thường vụ giao {cnt} nội dung đột phá {per}, "
             f"gồm: {'; '.join(tasks)}.")
    elif form == 2:
        declared = None
        s = f"Trong {per}, {p.mention} {p.name} đăng ký thực hiện việc đột phá: {'; '.join(tasks)}."
    elif form == 3 and n >= 2:
        ords = ["thứ nhất", "thứ hai", "thứ ba", "thứ tư"]
        body = "; ".join(f"{ords[i]}, {t}" for i, t in enumerate(tasks))
        s = (f"Với cương vị {p.mention}, đồng chí {p.name} được giao {cnt} việc trong {per}: {body}.")
    elif form == 4:
        items = "\n".join(f"- {cap(t)};" for t in tasks[:-1]) + ("\n" if n > 1 else "") + f"- {cap(tasks[-1])}."
        tasks = [cap(t) for t in tasks]
        s = f"Đồng chí {p.name}, {p.mention}, được giao {cnt} việc đột phá {per}, cụ thể:\n{items}"
    elif form == 5:
        extra = r.randint(1, 4)
        declared = n + extra
        cnt = w.count_text(n + extra) if n + extra <= 10 else str(n + extra)
        s = (f"{cap(per)}, {p.mention} {p.name} nhận {cnt} nội dung việc đột phá, đổi mới, "
             f"trong đó nổi bật là {'; '.join(tasks)}.")
    elif form == 6:
        declared = None
        joined = "; ".join(tasks)
        place = p.mention[len(p.position):].strip()
        where = (f"xã {place}" if " xã" in p.position else f"huyện {place}" if place and "uyện" in p.position
                 else f"tỉnh {place}" if place else p.unit)
        s = (f"Ở {where}, đồng chí {p.name}, {p.mention} chọn việc đột phá {per} là {joined}. "
             f"Đến nay, nhiều phần việc đã về đích trước hạn.")
    elif form == 8:
        enum = " ".join(f"({j + 1}) {t};" for j, t in enumerate(tasks))[:-1]
        s = (f"Theo Quyết định giao việc {per}, đồng chí {p.name} - {p.mention} phải hoàn thành "
             f"{cnt} việc: {enum}.")
    elif form == 9 and n >= 2:
        heads = ["Một là", "hai là", "ba là", "bốn là"]
        body = " ".join(f"{heads[j]}, {t}{'.' if j == n - 1 else ';'}" for j, t in enumerate(tasks))
        s = (f"{cap(p.mention)} {p.name} được giao {cnt} việc đột phá {per}. {body} "
             f"“Việc nào cũng khó, nhưng đã nhận thì phải làm đến nơi đến chốn”, {w.hon(p.name)} nói.")
    elif form == 10:
        declared = None
        s = (f"Nhận nhiệm vụ đột phá {per} là {tasks[0]}, đồng chí {p.name}, {p.mention} đã cùng tập thể "
             f"lãnh đạo bàn cách làm ngay từ đầu năm.")
        tasks = tasks[:1]
    elif form == 12:
        # the count first, the tasks two sentences later, the cadre by given name
        # in between, as news stories tell it
        extra = r.randint(1, 3)
        declared = n + extra
        given = p.name.split()[-1]
        pron = r.choice(["anh", "đồng chí"]) if p.name not in w.female else r.choice(["chị", "đồng chí"])
        why = r.choice(["các việc được giao đều xuất phát từ những tồn tại mà người dân phản ánh nhiều năm",
                        "mỗi việc " + pron + " nhận đều đã được bàn kỹ với chi bộ và người dân từ trước",
                        "khó nhất là huy động nguồn lực, vì ngân sách " + ("xã" if level == "xa" else "huyện") + " rất hạn hẹp"])
        k = w.count_text(n)
        s = (f"{cap(per)}, đồng chí {p.name}, {p.mention} được giao {w.count_text(declared) if declared <= 10 else declared} "
             f"nội dung đột phá trong năm công tác. Đồng chí {given} cho biết, {why}. "
             f"Trong số đó, {k} nội dung được ưu tiên làm trước là {'; '.join(tasks)}.")
        period = (cap(per),) + tuple(period[1:])
    else:
        s = (f"{w.hon(p.name, True)} {p.name} ({p.mention}) cho biết, {per} {w.hon(p.name)} được Ban Thường vụ giao {cnt} việc đột phá: "
             f"{'; '.join(tasks)}.")
    d.assign(p, tasks, period, declared)
    return s


def para_pair(w: World, d: Doc, period: tuple) -> str:
    """Two leaders of one commune given the same task in one sentence."""
    xa = w.communes[5]
    a = Person(w.person_name(), "Bí thư Đảng ủy xã", "Bí thư Đảng ủy xã", f"Đảng ủy xã {xa}")
    b = Person(w.person_name(), "Chủ tịch UBND xã", "Chủ tịch UBND xã", f"UBND xã {xa}")
    task = w.task("xa", xa)
    d.assign(a, [task], period, None)
    d.assign(b, [task], period, None)
    return (f"Tại xã {xa}, hai đồng chí {a.name} (Bí thư Đảng ủy xã) và {b.name} (Chủ tịch UBND xã) "
            f"cùng được giao việc đột phá {period[0]} là {task}.")


NEWS_TITLES = [
    "{huyen} giao việc đột phá: Giải quyết nhiều việc khó",
    "{huyen}: Hiệu quả từ giao việc đột phá, đổi mới cho cán bộ",
    "Cán bộ {huyen} nỗ lực hoàn thành việc đột phá năm {year}",
    "Giao việc gắn với trách nhiệm người đứng đầu ở {huyen}",
    "{tinh}: Việc đột phá tạo chuyển biến ở cơ sở",
    "Khi cán bộ được giao “việc khó” ở {huyen}",
    "Đổi mới cách giao việc cho cán bộ lãnh đạo, quản lý ở {tinh}",
    "Người đứng đầu ở {huyen} và những “địa chỉ” trách nhiệm",
    "Nói đi đôi với làm: chuyện giao việc đột phá ở {huyen}",
    "{huyen} ({tinh}): Cán bộ chủ chốt nhận việc, dân theo dõi kết quả",
    "Đột phá từ cơ sở: những việc khó đã có người làm",
    "Bài 1: Giao việc “đúng người, đúng sở trường” ở {huyen}",
    "Chọn việc khó để giao, chọn người dám làm để việc thành",
]
NEWS_LEADS = [
    "Từ đầu nhiệm kỳ, Ban Thường vụ Huyện ủy {huyen} chọn những phần việc khó, việc tồn đọng lâu năm "
    "để giao tận tay người đứng đầu các cơ quan, địa phương.",
    "Những năm qua, việc giao nhiệm vụ đột phá cho người đứng đầu đã trở thành nền nếp ở huyện {huyen}, "
    "tỉnh {tinh}, góp phần tháo gỡ nhiều điểm nghẽn ở cơ sở.",
    "Giao việc cụ thể, đánh giá bằng sản phẩm cụ thể là cách làm mà Huyện ủy {huyen} kiên trì thực hiện "
    "từ đầu nhiệm kỳ đến nay.",
    "(Tin tức {tinh}) - Mỗi cán bộ một việc khó, mỗi việc có địa chỉ và thời hạn rõ ràng: đó là cách "
    "huyện {huyen} đưa nghị quyết vào cuộc sống.",
    "Năm {year} là năm thứ ba huyện {huyen} áp dụng cơ chế giao việc đột phá gắn với đánh giá, xếp loại "
    "cán bộ cuối năm.",
    "Không chỉ dừng ở đăng ký, việc đột phá ở {huyen} được kiểm tra theo quý và công khai kết quả trên "
    "Cổng thông tin điện tử của huyện.",
    "Ở {huyen}, những việc từng bị “bỏ ngỏ” nhiều năm như tranh chấp đất đai, nước sạch, chợ nông thôn "
    "nay đều đã có người chịu trách nhiệm cụ thể.",
    "Theo Ban Tổ chức Huyện ủy {huyen}, việc chọn việc để giao được làm từ dưới lên: cơ sở đề xuất, "
    "huyện thẩm định, Ban Thường vụ quyết định.",
]
NEWS_ENDS = [
    "Thời gian tới, huyện tiếp tục lựa chọn những việc khó, việc mới để giao cho cán bộ, gắn với đánh giá cuối năm.",
    "Việc giao việc đột phá đã góp phần nâng cao tinh thần trách nhiệm, dám nghĩ, dám làm của đội ngũ cán bộ.",
    "Kết quả thực hiện sẽ được công khai để nhân dân cùng theo dõi, giám sát.",
    "Cuối năm, Ban Thường vụ sẽ chấm điểm từng việc; cán bộ không hoàn thành sẽ không được xếp loại xuất sắc.",
    "Theo kế hoạch, huyện sẽ sơ kết cách làm này vào tháng 6 và nhân rộng những mô hình hiệu quả.",
    "Bước đầu, nhiều việc tồn đọng nhiều năm đã được giải quyết dứt điểm, tạo niềm tin trong nhân dân.",
    "",
    "",
]


def gen_news(rng: random.Random, i: int) -> Doc:
    w = World(rng)
    d = Doc(f"g-news-{i:03d}", "news")
    fmt = dict(huyen=w.huyen, tinh=w.tinh, year=w.year)
    paras = [rng.choice(NEWS_TITLES).format(**fmt)]
    if rng.random() < 0.5:
        paras.append(f"{rng.choice(['Minh Anh', 'Thu Hà', 'Quang Huy', 'Bích Ngọc', 'Đức Toàn'])} "
                     f"- {w.date()[0][8:]}/{w.date()[0][5:7]}/{w.year}")
    paras.append(rng.choice(NEWS_LEADS).format(**fmt))
    # what web pages carry besides the story: a photo file name, a caption that
    # names someone (who is given nothing), related links at the end
    if rng.random() < 0.2:
        paras.append(f"{rng.getrandbits(48):012x}_{rng.getrandbits(64):016x}.jpg")
    if rng.random() < 0.4:
        cp = w.person(rng.choice(["huyen", "tinh"]))
        d.negative(cp.name, "caption")
        by = rng.choice(["T.H", "Minh Anh", "Văn Tú", "CTV", "Hồng Nhung"])
        paras.append(rng.choice([
            f"Đồng chí {cp.name}, {cp.mention} kiểm tra tiến độ công trình tại xã {w.communes[7]}. Ảnh: {by}",
            f"{cp.mention} {cp.name} trao đổi với người dân. (Ảnh: {by})",
            f"Lãnh đạo huyện {w.huyen} kiểm tra mô hình sản xuất. Ảnh: {by}",
        ]))
        if "Lãnh đạo huyện" in paras[-1]:
            d.negatives.pop()
    negs = hard_negatives(w, d, rng.choice([0, 1, 1, 2, 2, 3]))
    body = []
    for _ in range(rng.randint(1, 4)):
        p = w.person(rng.choice(["xa", "xa", "huyen", "huyen"]))
        body.append(para_news(w, d, p, w.period()))
    if rng.random() < 0.2:
        body.append(para_pair(w, d, w.period()))
    for s in negs:
        body.insert(rng.randint(0, len(body)), s)
    paras += body
    end = rng.choice(NEWS_ENDS)
    if end:
        paras.append(end)
    if rng.random() < 0.25:
        others = rng.sample(NEWS_TITLES, 2)
        paras.append("Tin liên quan:\n" + "\n".join(f"- {t.format(**fmt)}" for t in others))
    d.text = "\n\n".join(paras) + "\n"
    return d


# ----------------------------------------------------------------------------
# decisions with an appendix table of cadres and tasks

def header_party(w: World, number: str, place_date: str, kind_word: str = "QUYẾT ĐỊNH") -> str:
    return (f"HUYỆN ỦY {w.huyen.upper()}\t\tĐẢNG CỘNG SẢN VIỆT NAM\n*\n"
            f"Số {number}\t\t{place_date}\n\n{kind_word}\n")


def header_state(w: World, number: str, place_date: str, issuer_upper: str, kind_word: str = "QUYẾT ĐỊNH") -> str:
    return (f"{issuer_upper}\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            f"\t\tĐộc lập - Tự do - Hạnh phúc\n"
            f"Số: {number}\t\t{place_date}\n\n{kind_word}\n")


def signer_block(w: World, d: Doc, party: bool) -> str:
    name = w.person_name()
    d.negative(name, "signer")
    if party:
        top, role = w.rng.choice([("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ")])
    else:
        top, role = w.rng.choice([("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")])
    return f"\t\t{top}\n\t\t{role}\n\t\t(Đã ký)\n\n\t\t{name}\n"


def gen_decision(rng: random.Random, i: int, layout: str) -> Doc:
    w = World(rng)
    ext = {"html": "html", "md": "md", "tsv": "txt"}[layout]
    d = Doc(f"g-dec-{i:03d}", "decision", ext=ext)
    party = rng.random() < 0.65
    iso, long_date = w.date()
    num = rng.randint(12, 980)
    if party:
        number = f"{num}-QĐ/HU"
        issuer = f"Ban Thường vụ Huyện ủy {w.huyen}"
    else:
        number = f"{num}/QĐ-UBND"
        issuer = f"UBND huyện {w.huyen}"
    stage = rng.random() < 0.3
    if stage:
        s = 2021 if w.year >= 2021 else 2016
        period = (f"giai đoạn {s} - {s + 4}", s, s + 4)
    else:
        period = (f"năm {w.year}", w.year, w.year)
    title = (f"Về việc giao việc đột phá, đổi mới {period[0]} đối với cán bộ lãnh đạo, quản lý "
             f"diện Ban Thường vụ Huyện ủy quản lý" if party else
             f"Về việc giao nhiệm vụ đột phá {period[0]} cho lãnh đạo UBND các xã, thị trấn và các phòng, đơn vị thuộc UBND huyện")
    d.document = {"kind": "decision", "number": number, "issuer": issuer, "date": iso, "title": title}
    place_date = f"{w.huyen}, {long_date}"
    head = header_party(w, number, place_date) if party else header_state(w, number, place_date, f"ỦY BAN NHÂN DÂN\nHUYỆN {w.huyen.upper()}")
    body = [head + title + "\n",
            (f"BAN THƯỜNG VỤ HUYỆN ỦY {w.huyen.upper()}" if party else f"CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN {w.huyen.upper()}"),
            f"- Căn cứ Điều lệ Đảng và Quy chế làm việc của Ban Chấp hành Đảng bộ huyện nhiệm kỳ {2020 if w.year >= 2020 else 2015} - {2025 if w.year >= 2020 else 2020};"
            if party else "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            f"- Căn cứ Quy định số {rng.randint(10, 99)}-QĐi/TU của Ban Thường vụ Tỉnh ủy {w.tinh} về giao việc đột phá, đổi mới;",
            f"- Xét đề nghị của {'Ban Tổ chức Huyện ủy' if party else 'Trưởng phòng Nội vụ huyện'},",
            "QUYẾT ĐỊNH:",
            f"Điều 1. Giao việc đột phá, đổi mới {period[0]} cho các đồng chí có tên tại Phụ lục kèm theo Quyết định này.",
            "Điều 2. Các đồng chí được giao việc chủ động xây dựng kế hoạch, tổ chức thực hiện và báo cáo kết quả "
            "trước ngày 15 tháng 12 hằng năm.",
            f"Điều 3. {'Ban Tổ chức Huyện ủy' if party else 'Phòng Nội vụ huyện'} theo dõi, đôn đốc việc thực hiện. "
            "Các cơ quan, đơn vị và các đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành."]
    d.negative("Ban Tổ chức Huyện ủy" if party else "Phòng Nội vụ huyện", "body")
    if rng.random() < 0.3:
        t = rng.randint(60, 220)
        c = rng.randint(25, 120)
        s = f"giao {t} việc đột phá cho {c} cán bộ"
        body.insert(4, f"- Xét kết quả rà soát năm {w.year - 1}, Ban Thường vụ đã {s} thuộc diện quản lý;")
        d.stat(s, t, c)
        d.negative(s, "total")
    sign = signer_block(w, d, party)
    people = []
    # a UBND decision covers People's Committee officers and UBND departments only,
    # and its Chủ tịch signs it; a party decision is signed by a Bí thư/Phó Bí thư
    if party:
        allow = None
    else:
        def allow(pos):
            return ("UBND xã" in pos or pos.startswith(("Trưởng Phòng", "Giám đốc"))) and "Chủ tịch UBND huyện" not in pos
    for _ in range(rng.randint(2, 5)):
        p = w.person(rng.choice(["xa", "huyen"]), allow)
        n = rng.randint(1, 4)
        level = "xa" if " xã" in p.mention else "huyen"
        tasks = [cap(t) for t in w.tasks(level, n, office=p.position)]
        deadlines = [rng.choice([f"Quý {rng.choice(ROMAN)}/{w.year}", f"Tháng {rng.randint(6, 12)}/{w.year}",
                                 f"Năm {w.year}", f"Trước 30/6/{w.year}"]) if not stage else
                     rng.choice([f"Năm {y}" for y in range(period[1], period[2] + 1)] + [f"{period[1]} - {period[2]}"])
                     for _ in tasks]
        people.append((p, tasks, deadlines))
        d.assign(p, tasks, period, None)
    app_title = (f"PHỤ LỤC\nDANH SÁCH GIAO VIỆC ĐỘT PHÁ, ĐỔI MỚI {period[0].upper()}\n"
                 f"(Kèm theo Quyết định số {number} ngày {iso[8:]}/{iso[5:7]}/{iso[:4]} của {issuer})")
    col_task = rng.choice(["Nội dung việc đột phá", "Nội dung việc đột phá, đổi mới", "Nhiệm vụ được giao"])
    col_time = rng.choice(["Thời gian hoàn thành", "Thời gian thực hiện"])
    # three ways clerks lay the appendix out: merged name cells (rowspan), the
    # name repeated on every row, or name and title in one cell ("Đ/c X - Chủ tịch ...")
    style = rng.choice(["rowspan", "rowspan", "repeat", "combined"]) if layout == "html" else "rowspan"
    head_cells = ["STT", "Họ và tên", "Chức vụ", col_task, col_time]
    if style == "combined":
        head_cells = ["STT", "Họ tên, chức vụ", col_task, col_time]
    if layout == "html":
        rows = []
        k = 0
        for p, tasks, deadlines in people:
            k += 1
            for j, (t, dl) in enumerate(zip(tasks, deadlines)):
                cells = []
                rs = f' rowspan="{len(tasks)}"' if len(tasks) > 1 else ""
                if style == "rowspan" and j == 0:
                    cells += [f"<td{rs}>{k}</td>", f"<td{rs}>{html.escape(p.name)}</td>",
                              f"<td{rs}>{html.escape(p.mention)}</td>"]
                elif style == "repeat":
                    cells += [f"<td>{k}.{j + 1}</td>", f"<td>{html.escape(p.name)}</td>",
                              f"<td>{html.escape(p.mention)}</td>"]
                elif style == "combined" and j == 0:
                    cells += [f"<td{rs}>{k}</td>",
                              f"<td{rs}>Đ/c {html.escape(p.name)}<br>{html.escape(p.mention)}</td>"]
                cells += [f"<td>{html.escape(t)}</td>", f"<td>{html.escape(dl)}</td>"]
                rows.append("<tr>" + "".join(cells) + "</tr>")
        ptext = "\n".join(f"<p>{html.escape(x)}</p>" for x in "\n\n".join(body).split("\n") if x.strip())
        stext = "\n".join(f"<p>{html.escape(x.strip())}</p>" for x in sign.split("\n") if x.strip())
        apt = "\n".join(f"<p><b>{html.escape(x)}</b></p>" for x in app_title.split("\n"))
        d.text = ("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
                  f"<title>{html.escape(number)}</title></head>\n<body>\n{ptext}\n{stext}\n"
                  "<p>Nơi nhận:<br>- Như Điều 3;<br>- Lưu VP.</p>\n"
                  f"{apt}\n<table border=\"1\">\n<tr>" + "".join(f"<th>{c}</th>" for c in head_cells)
                  + "</tr>\n" + "\n".join(rows) + "\n</table>\n</body></html>\n")
    else:
        lines = []
        k = 0
        for p, tasks, deadlines in people:
            k += 1
            for j, (t, dl) in enumerate(zip(tasks, deadlines)):
                # a merged cell pasted from Word: the name only on its first row
                first = [str(k), p.name, p.mention] if j == 0 else ["", "", ""]
                lines.append("\t".join(first + [t, dl]))
        table = "\t".join(["STT", "Họ và tên", "Chức vụ", col_task, col_time]) + "\n" + "\n".join(lines)
        if layout == "md":
            md_body = "\n\n".join(body).replace("QUYẾT ĐỊNH:", "**QUYẾT ĐỊNH:**")
            d.text = f"{md_body}\n\n{sign}\nNơi nhận:\n- Như Điều 3;\n- Lưu VP.\n\n---\n\n{app_title}\n\n{table}\n"
        else:
            d.text = "\n".join(body) + f"\n\n{sign}\nNơi nhận:\n- Như Điều 3;\n- Lưu VP.\n\n\n{app_title}\n\n{table}\n"
    return d


# ----------------------------------------------------------------------------
# registrations (bản đăng ký) and plans (kế hoạch) with numbered lists

def gen_registration(rng: random.Random, i: int) -> Doc:
    w = World(rng)
    d = Doc(f"g-reg-{i:03d}", "plan")
    level = rng.choice(["xa", "huyen"])
    p = w.person(level, lambda pos: "Thường trực Huyện ủy" not in pos)  # he confirms it
    n = rng.randint(2, 5)
    tasks = [cap(t) for t in w.tasks(level, n, office=p.position)]
    period = w.period(spans_only=True) if rng.random() < 0.4 else (f"năm {w.year}", w.year, w.year)
    iso, long_date = w.date()
    title = f"Đăng ký việc đột phá, đổi mới {period[0]}"
    d.document = {"kind": "plan", "number": None, "issuer": None, "date": iso, "title": title}
    numbering = rng.choice(["1.", "1)", "a)"])

    def num(k):
        return {"1.": f"{k}.", "1)": f"{k})", "a)": f"{'abcdefgh'[k - 1]})"}[numbering]
    items = "\n".join(f"{num(k + 1)} {t}{';' if k < n - 1 else '.'}" for k, t in enumerate(tasks))
    if rng.random() < 0.4:
        # the form with a block per task: only the Nội dung line is the task;
        # product and deadline lines are not tasks of their own
        ords = ["thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm"]
        products = ["Quyết định công nhận", "Báo cáo kết quả có số liệu cụ thể", "Công trình được nghiệm thu",
                    "Nghị quyết chuyên đề của cấp ủy", "Biên bản bàn giao", "Danh sách hộ tham gia"]
        blocks = []
        for k, t in enumerate(tasks):
            dl = rng.choice([f"Quý {rng.choice(ROMAN)}/{w.year}", f"Tháng {rng.randint(5, 12)}/{w.year}",
                             f"31/12/{w.year}"])
            blocks.append(f"Việc {ords[k]}:\n- Nội dung: {t}.\n- Sản phẩm: {rng.choice(products)}.\n"
                          f"- Thời gian hoàn thành: {dl}.")
        items = "\n".join(blocks)
    confirm = w.person_name()
    d.negative(confirm, "signer")
    org = "ĐẢNG BỘ HUYỆN " + w.huyen.upper()
    d.text = (f"{org}\t\tĐẢNG CỘNG SẢN VIỆT NAM\n\t\t{w.huyen}, {long_date}\n\n"
              f"BẢN ĐĂNG KÝ\n{title}\n\n"
              f"Họ và tên: {p.name}\nChức vụ: {p.position}\nĐơn vị công tác: {p.unit}\n\n"
              f"Căn cứ chức trách, nhiệm vụ được giao, tôi đăng ký thực hiện {w.count_text(n)} việc đột phá, "
              f"đổi mới {period[0]} như sau:\n{items}\n\n"
              "Tôi xin cam kết tổ chức thực hiện đạt kết quả và chịu trách nhiệm trước Ban Thường vụ về nội dung đăng ký.\n\n"
              f"XÁC NHẬN CỦA BAN THƯỜNG VỤ\t\tNGƯỜI ĐĂNG KÝ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n{confirm}\t\t{p.name}\n")
    d.assign(p, tasks, period, n)
    return d


def gen_plan(rng: random.Random, i: int) -> Doc:
    w = World(rng)
    d = Doc(f"g-plan-{i:03d}", "plan")
    xa = w.communes[0]
    iso, long_date = w.date()
    s = 2021 if w.year >= 2021 else 2016
    period = rng.choice([(f"năm {w.year}", w.year, w.year), (f"giai đoạn {s} - {s + 4}", s, s + 4)])
    number = f"{rng.randint(3, 90)}-KH/ĐU"
    title = f"Thực hiện việc đột phá, đổi mới {period[0]} của Ban Thường vụ Đảng ủy xã {xa}"
    d.document = {"kind": "plan", "number": number, "issuer": f"Đảng ủy xã {xa}", "date": iso, "title": title}
    lines = [f"ĐẢNG BỘ HUYỆN {w.huyen.upper()}\t\tĐẢNG CỘNG SẢN VIỆT NAM",
             f"ĐẢNG ỦY XÃ {xa.upper()}", "*", f"Số {number}\t\t{xa}, {long_date}", "",
             "KẾ HOẠCH", title, "",
             "I. MỤC ĐÍCH, YÊU CẦU",
             "Cụ thể hóa chương trình công tác của Đảng ủy, xác định rõ người, rõ việc, rõ thời gian, rõ kết quả.",
             "II. NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN"]
    roles = [("Bí thư Đảng ủy xã", "Đảng ủy xã"), ("Chủ tịch UBND xã", "UBND xã"),
             ("Phó Chủ tịch UBND xã", "UBND xã"), ("Chủ tịch Ủy ban MTTQ xã", "Ủy ban MTTQ xã"),
             ("Chủ tịch HĐND xã", "HĐND xã")]
    rng.shuffle(roles)
    style = rng.randint(0, 2)
    for k, (pos, body) in enumerate(roles[:rng.randint(2, 4)], 1):
        p = Person(w.person_name(), pos, pos, f"{body} {xa}")
        n = rng.randint(1, 4)
        tasks = w.tasks("xa", n, xa, office=pos)
        if style == 0:
            lines.append(f"{k}. Đồng chí {p.name} - {pos}, thực hiện {w.count_text(n)} việc:")
            for j, t in enumerate(tasks):
                lines.append(f"{'abcdef'[j]}) {cap(t)}{';' if j < n - 1 else '.'}")
            tasks = [cap(t) for t in tasks]
        elif style == 1:
            lines.append(f"{k}. Đ/c {p.name}, {pos}")
            for j, t in enumerate(tasks):
                lines.append(f"- {cap(t)}.")
            tasks = [cap(t) for t in tasks]
            n = None
        else:
            lines.append(f"{k}. {pos} ({p.name}) chịu trách nhiệm: {'; '.join(tasks)}.")
            n = None
        d.assign(p, tasks, period, n)
    lines += ["III. TỔ CHỨC THỰC HIỆN",
              "1. Văn phòng Đảng ủy tham mưu theo dõi, đôn đốc, tổng hợp kết quả báo cáo Ban Thường vụ.",
              "2. Các chi bộ, đoàn thể căn cứ kế hoạch xây dựng chương trình phối hợp thực hiện.", ""]
    d.negative("Văn phòng Đảng ủy tham mưu theo dõi, đôn đốc", "body")
    signer = w.person_name()
    d.negative(signer, "signer")
    # signed by a Phó Bí thư, a title none of the assignees above holds
    lines += ["\t\tT/M ĐẢNG ỦY", "\t\tPHÓ BÍ THƯ", "", f"\t\t{signer}"]
    # the signer may also be the Bí thư assigned above: keep the signer a separate person
    d.text = "\n".join(lines) + "\n"
    return d


# ----------------------------------------------------------------------------
# reports narrating results per cadre

def gen_report_table(rng: random.Random, i: int) -> Doc:
    """A results report as an HTML table: the Kết quả column is not a task."""
    w = World(rng)
    d = Doc(f"g-rept-{i:03d}", "report", ext="html")
    iso, long_date = w.date()
    year = w.year - 1
    number = f"{rng.randint(100, 999)}-BC/BTCHU"
    title = f"Tổng hợp kết quả thực hiện việc đột phá, đổi mới năm {year} của cán bộ diện Ban Thường vụ quản lý"
    issuer = f"Ban Tổ chức Huyện ủy {w.huyen}"
    d.document = {"kind": "report", "number": number, "issuer": issuer, "date": iso, "title": title}
    period = (f"năm {year}", year, year)
    rows = []
    for k in range(1, rng.randint(3, 6)):
        level = rng.choice(["xa", "huyen"])
        p = w.person(level, lambda pos: "Ban Tổ chức" not in pos)  # the reporting body
        n = rng.randint(1, 3)
        tasks = [cap(t) for t in w.tasks(level, n, office=p.position)]
        results = [rng.choice(["Hoàn thành", "Hoàn thành vượt tiến độ", "Đạt 80% khối lượng",
                               "Chưa hoàn thành, chuyển sang năm sau", "Đang triển khai"]) for _ in tasks]
        for j, (t, res) in enumerate(zip(tasks, results)):
            first = (f'<td rowspan="{n}">{k}</td><td rowspan="{n}">{html.escape(p.name)}</td>'
                     f'<td rowspan="{n}">{html.escape(p.mention)}</td>') if j == 0 else ""
            rows.append(f"<tr>{first}<td>{html.escape(t)}</td><td>{res}</td></tr>")
        d.assign(p, tasks, period, None)
    c = len(d.assignments) + rng.randint(20, 90)
    t = c + rng.randint(10, 60)
    stat = f"giao {t} việc đột phá cho {c} đồng chí"
    d.stat(stat, t, c)
    d.negative(stat, "total")
    signer = w.person_name()
    d.negative(signer, "signer")
    d.text = ("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body>\n"
              f"<p>HUYỆN ỦY {w.huyen.upper()}<br>BAN TỔ CHỨC<br>Số {number}</p>\n"
              f"<p><i>{w.huyen}, {long_date}</i></p>\n<h3>BÁO CÁO</h3>\n<p>{title}</p>\n"
              f"<p>Năm {year}, Ban Thường vụ Huyện ủy đã {stat}. Kết quả của một số đồng chí như sau:</p>\n"
              "<table border=\"1\">\n<tr><th>TT</th><th>Họ và tên</th><th>Chức vụ</th><th>Việc được giao</th>"
              "<th>Kết quả</th></tr>\n" + "\n".join(rows) + "\n</table>\n"
              f"<p>KT. TRƯỞNG BAN<br>PHÓ TRƯỞNG BAN<br>{signer}</p>\n</body></html>\n")
    return d


def gen_award(rng: random.Random, i: int) -> Doc:
    """A commendation list: names and titles in a table, no task (negative)."""
    w = World(rng)
    d = Doc(f"g-award-{i:03d}", "negative", ext="html")
    iso, long_date = w.date()
    number = f"{rng.randint(100, 999)}-QĐ/HU"
    title = f"Về việc khen thưởng cán bộ hoàn thành xuất sắc việc đột phá, đổi mới năm {w.year - 1}"
    d.document = {"kind": "decision", "number": number, "issuer": f"Ban Thường vụ Huyện ủy {w.huyen}",
                  "date": iso, "title": title}
    rows = []
    for k in range(1, rng.randint(3, 6)):
        p = w.person(rng.choice(["xa", "huyen"]))
        d.negative(p.name, "thanked")
        # the merit is said in general words: naming the task done would make the
        # row read like a report of an assignment, which it is not
        feat = rng.choice([f"Hoàn thành xuất sắc việc đột phá năm {w.year - 1}",
                           "Hoàn thành vượt tiến độ các việc được giao",
                           "Có cách làm sáng tạo, hiệu quả, được nhân dân đồng tình",
                           "Hoàn thành 100% việc đột phá, có sản phẩm cụ thể"])
        rows.append(f"<tr><td>{k}</td><td>{html.escape(p.name)}</td><td>{html.escape(p.mention)}</td>"
                    f"<td>{feat}</td></tr>")
    signer = w.person_name()
    d.negative(signer, "signer")
    d.text = ("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body>\n"
              f"<p>HUYỆN ỦY {w.huyen.upper()} &nbsp; ĐẢNG CỘNG SẢN VIỆT NAM</p>\n<p>Số {number} &nbsp; "
              f"<i>{w.huyen}, {long_date}</i></p>\n<h3>QUYẾT ĐỊNH</h3>\n<p>{title}</p>\n"
              "<p>Điều 1. Tặng Giấy khen cho các đồng chí có tên sau đây đã có thành tích xuất sắc:</p>\n"
              "<table border=\"1\">\n<tr><th>TT</th><th>Họ và tên</th><th>Chức vụ</th><th>Thành tích</th></tr>\n"
              + "\n".join(rows) + "\n</table>\n"
              "<p>Điều 2. Văn phòng Huyện ủy, Ban Tổ chức Huyện ủy và các đồng chí có tên tại Điều 1 thi hành Quyết định này.</p>\n"
              f"<p>T/M BAN THƯỜNG VỤ<br>BÍ THƯ<br>{signer}</p>\n</body></html>\n")
    return d


def gen_report(rng: random.Random, i: int) -> Doc:
    w = World(rng)
    d = Doc(f"g-rep-{i:03d}", "report")
    iso, long_date = w.date()
    year = w.year
    number = f"{rng.randint(100, 999)}-BC/HU"
    title = f"Kết quả thực hiện việc đột phá, đổi mới năm {year - 1}"
    d.document = {"kind": "report", "number": number, "issuer": f"Huyện ủy {w.huyen}", "date": iso, "title": title}
    c = rng.randint(30, 140)
    t = c + rng.randint(5, 80)
    stat = f"giao {t} việc đột phá, đổi mới cho {c} cán bộ"
    d.stat(stat, t, c)
    d.negative(stat, "total")
    lines = [header_party(w, number, f"{w.huyen}, {long_date}", "BÁO CÁO").rstrip("\n"), title, "",
             "I. TÌNH HÌNH TRIỂN KHAI",
             f"Năm {year - 1}, Ban Thường vụ Huyện ủy đã {stat} thuộc diện Ban Thường vụ quản lý. "
             f"Đến ngày 30/11/{year - 1}, có {rng.randint(50, 90)}% số việc hoàn thành đúng tiến độ.",
             "II. KẾT QUẢ CỤ THỂ MỘT SỐ ĐỒNG CHÍ"]
    period = (f"Năm {year - 1}", year - 1, year - 1)
    for k in range(rng.randint(2, 4)):
        level = rng.choice(["xa", "huyen"])
        p = w.person(level, lambda pos: pos != "Chánh Văn phòng Huyện ủy")  # the signer's title
        n = rng.randint(1, 3)
        tasks = w.tasks(level, n, office=p.position)
        form = rng.randint(0, 2) if n > 1 else rng.choice([0, 2])
        pct = rng.randint(40, 100)
        if form == 0:
            lines.append(f"- Đồng chí {p.name}, {p.mention} được giao {w.count_text(n)} việc: "
                         f"{'; '.join(tasks)}. Kết quả: hoàn thành {pct}% khối lượng.")
            dc = n
        elif form == 1:
            enum = "; ".join(f"({j + 1}) {t}" for j, t in enumerate(tasks))
            lines.append(f"{k + 1}. {p.mention}, đồng chí {p.name}, thực hiện {enum}. "
                         f"Đánh giá: {'hoàn thành tốt' if pct > 70 else 'chưa hoàn thành'}.")
            dc = None
        else:
            lines.append(f"- Đ/c {p.name} ({p.mention}): được giao {w.count_text(n)} việc đột phá là "
                         f"{'; '.join(tasks)}. Các việc đã triển khai đúng kế hoạch.")
            dc = n
        d.assign(p, tasks, period, dc)
    lines += ["III. HẠN CHẾ VÀ NHIỆM VỤ THỜI GIAN TỚI", neg_quote(w, d) if rng.random() < 0.4 else
              "Một số việc đăng ký chưa thật sự là việc khó; việc đánh giá còn nặng về định tính.",
              neg_body(w, d), "", "\t\tT/L BAN THƯỜNG VỤ\n\t\tCHÁNH VĂN PHÒNG"]
    signer = w.person_name()
    d.negative(signer, "signer")
    lines.append(f"\t\t{signer}")
    d.text = "\n".join(lines) + "\n"
    return d


# ----------------------------------------------------------------------------
# duty splits of People's Committees and steering committees

AREAS = [
    ("Lãnh đạo, chỉ đạo công tác tài chính, ngân sách, thuế, giá và tín dụng", ["Sở Tài chính", "Cục Thuế tỉnh", "Kho bạc Nhà nước tỉnh"]),
    ("Phụ trách lĩnh vực nông nghiệp, lâm nghiệp, thủy lợi, phòng chống thiên tai và xây dựng nông thôn mới", ["Sở Nông nghiệp và Phát triển nông thôn", "Văn phòng Điều phối nông thôn mới tỉnh"]),
    ("Phụ trách lĩnh vực văn hóa, xã hội, giáo dục, y tế và lao động, thương binh và xã hội", ["Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Lao động - Thương binh và Xã hội"]),
    ("Phụ trách lĩnh vực xây dựng, giao thông, quy hoạch và phát triển đô thị", ["Sở Xây dựng", "Sở Giao thông vận tải"]),
    ("Phụ trách lĩnh vực tài nguyên, môi trường, đất đai và khoáng sản", ["Sở Tài nguyên và Môi trường"]),
    ("Phụ trách công tác nội chính, quốc phòng, an ninh, thanh tra và tiếp công dân", ["Công an tỉnh", "Thanh tra tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
]
COMMITTEES = [
    "Trưởng Ban Chỉ đạo các Chương trình mục tiêu quốc gia",
    "Trưởng Ban Chỉ đạo công tác giải phóng mặt bằng các dự án trọng điểm",
    "Trưởng Ban Chỉ đạo phát triển du lịch",
    "Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh",
    "Trưởng Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh",
    "Trưởng Ban Chỉ đạo chuyển đổi số tỉnh",
    "Tổ trưởng Tổ công tác đặc biệt tháo gỡ khó khăn cho các dự án đầu tư",
]


def gen_duty(rng: random.Random, i: int) -> Doc:
    w = World(rng)
    w.year = rng.choice([2016, 2021, 2021, 2022, 2024, 2026])
    d = Doc(f"g-duty-{i:03d}", "decision")
    iso, long_date = w.date()
    term = (f"nhiệm kỳ {w.year if w.year in (2016, 2021, 2026) else 2021} - {(w.year if w.year in (2016, 2021, 2026) else 2021) + 5}",
            w.year if w.year in (2016, 2021, 2026) else 2021, (w.year if w.year in (2016, 2021, 2026) else 2021) + 5)
    number = f"{rng.randint(100, 3000)}/QĐ-UBND"
    title = f"Về việc phân công nhiệm vụ của Chủ tịch, các Phó Chủ tịch UBND tỉnh {w.tinh} {term[0]}"
    d.document = {"kind": "decision", "number": number, "issuer": f"UBND tỉnh {w.tinh}", "date": iso, "title": title}
    areas = rng.sample(AREAS, rng.randint(2, 4))
    comms = rng.sample(COMMITTEES, len(areas))
    lines = [header_state(w, number, f"{w.tinh}, {long_date}", f"ỦY BAN NHÂN DÂN\nTỈNH {w.tinh.upper()}").rstrip("\n"),
             title, "", f"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {w.tinh.upper()}", "QUYẾT ĐỊNH:",
             f"Điều 1. Phân công nhiệm vụ của Chủ tịch, các Phó Chủ tịch UBND tỉnh {term[0]} như sau:"]
    sep = rng.choice([" - ", ", "])
    for k, (area, bodies) in enumerate(areas, 1):
        pos = "Chủ tịch UBND tỉnh" if k == 1 else ("Phó Chủ tịch Thường trực UBND tỉnh" if k == 2 else "Phó Chủ tịch UBND tỉnh")
        p = Person(w.person_name(), pos, pos, f"UBND tỉnh {w.tinh}")
        honor = rng.choice([w.hon(p.name, True), "Đồng chí"])
        lines.append(f"{k}. {honor} {p.name}{sep}{pos}:")
        items = [area, "theo dõi, chỉ đạo: " + ", ".join(bodies)]
        if k == 1:
            items.insert(0, "Lãnh đạo, điều hành chung mọi hoạt động của UBND tỉnh")
        items_text = [cap(x) for x in items]
        lead = rng.choice(["Làm ", "Làm "])
        items_text.append(f"{lead}{comms[k - 1]}")
        tasks = items_text[:-1] + [comms[k - 1]]
        for j, x in enumerate(items_text):
            lines.append(f"{'abcdef'[j]}) {x}{';' if j < len(items_text) - 1 else '.'}")
        d.assign(p, tasks, term, None)
    lines += ["Điều 2. Khi Chủ tịch vắng mặt, Phó Chủ tịch Thường trực được ủy quyền điều hành công việc chung của UBND tỉnh.",
              "Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành và các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
              "", "\t\tCHỦ TỊCH"]
    # the Chủ tịch signs the decision that also assigns him: he stays an assignment
    lines.append(f"\t\t{d.assignments[0]['cadre']}")
    d.negative("Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở", "body")
    d.text = "\n".join(lines) + "\n"
    return d


def gen_duty_news(rng: random.Random, i: int) -> Doc:
    """A press item on a People's Committee's split of duties, in running prose."""
    w = World(rng)
    w.year = rng.choice([2016, 2019, 2021, 2023, 2025])
    d = Doc(f"g-dutyn-{i:03d}", "news")
    areas = rng.sample(AREAS, rng.randint(2, 4))
    iso, _ = w.date()
    intro = rng.choice([
        f"UBND tỉnh {w.tinh} vừa ban hành quyết định phân công nhiệm vụ Chủ tịch, các Phó Chủ tịch UBND tỉnh.",
        f"Ngày {int(iso[8:])}/{int(iso[5:7])}/{w.year}, Chủ tịch UBND tỉnh {w.tinh} ký quyết định phân công công tác "
        "trong Thường trực UBND tỉnh sau khi kiện toàn nhân sự.",
    ])
    period = (f"năm {w.year}", w.year, w.year)
    intro = intro.replace("UBND tỉnh.", f"UBND tỉnh năm {w.year}.") if "vừa" in intro else intro + f" Phân công có hiệu lực từ năm {w.year}."
    title = rng.choice([f"{w.tinh} phân công nhiệm vụ lãnh đạo UBND tỉnh",
                        f"Phân công lại nhiệm vụ các Phó Chủ tịch UBND tỉnh {w.tinh}"])
    paras = [title, intro]
    sents = []
    for k, (area, bodies) in enumerate(areas):
        pos = "Chủ tịch UBND tỉnh" if k == 0 else "Phó Chủ tịch UBND tỉnh"
        p = Person(w.person_name(), pos, pos, f"UBND tỉnh {w.tinh}")
        follow = "theo dõi, chỉ đạo: " + ", ".join(bodies)
        a1 = lower_first(area)
        form = rng.randint(0, 2)
        duties = [a1, follow]
        if form == 1 and len(f"{a1} {follow}".split()) > 28:
            form = 0  # one clause that long would not be one task any more
        if form == 0:
            sents.append(f"{w.hon(p.name, True)} {p.name} - {pos} {a1}; {follow}.")
        elif form == 1:
            # joined by ", đồng thời" in one clause: one duty with two parts, as the
            # guidelines keep "và"-joined parts together
            duties = [f"{a1}, đồng thời {follow}"]
            sents.append(f"{pos} {p.name} {duties[0]}.")
        else:
            sents.append(f"Đối với {w.hon(p.name)} {p.name}, {pos}: {a1}; {follow}.")
        d.assign(p, duties, period, None)
    paras += sents
    if rng.random() < 0.6:
        paras.append(neg_event(w, d, (1, 4)))
    paras.append("Các Phó Chủ tịch chủ động giải quyết công việc thuộc lĩnh vực được phân công và chịu trách "
                 "nhiệm trước Chủ tịch UBND tỉnh.")
    d.negative("Các Phó Chủ tịch chủ động giải quyết công việc", "body")
    d.text = "\n\n".join(paras) + "\n"
    return d


def gen_committee(rng: random.Random, i: int) -> Doc:
    w = World(rng)
    news = rng.random() < 0.4
    d = Doc(f"g-comm-{i:03d}", "news" if news else "decision")
    iso, long_date = w.date()
    s = 2021 if w.year >= 2021 else 2016
    period = rng.choice([(f"giai đoạn {s} - {s + 4}", s, s + 4), (f"năm {w.year}", w.year, w.year)])
    topic = rng.choice(["xây dựng nông thôn mới", "thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững",
                        "chuyển đổi số", "phát triển cây {sp}".format(sp=rng.choice(P.PRODUCTS)),
                        "phòng, chống dịch bệnh", "giải phóng mặt bằng dự án đường cao tốc"])
    level = rng.choice(["huyen", "tinh"])
    where = f"huyện {w.huyen}" if level == "huyen" else f"tỉnh {w.tinh}"
    body_name = f"Ban Chỉ đạo {topic} {where} {period[0]}"
    members = []
    head_pos = "Phó Chủ tịch UBND huyện" if level == "huyen" else "Phó Chủ tịch UBND tỉnh"
    head = Person(w.person_name(), head_pos, head_pos, f"UBND {where}")
    members.append((head, "Trưởng ban"))
    sub = w.person("huyen" if level == "huyen" else "so")
    members.append((sub, "Phó Trưởng ban Thường trực"))
    extra = sorted(rng.choice(["Phó Trưởng ban", "Ủy viên", "Ủy viên"]) for _ in range(rng.randint(1, 3)))
    for role in sorted(extra, key=lambda r: r != "Phó Trưởng ban"):
        members.append((w.person("huyen" if level == "huyen" else "so"), role))
    if news:
        lines = [f"{w.tinh}: Thành lập {body_name.replace(' ' + period[0], '')}", "",
                 f"Ngày {iso[8:]}/{iso[5:7]}, UBND {where} ban hành quyết định thành lập {body_name}."]
        parts = []
        for p, role in members:
            parts.append(rng.choice([f"{w.hon(p.name)} {p.name}, {p.mention} làm {role}",
                                     f"{p.mention} {p.name} làm {role}",
                                     f"{w.hon(p.name)} {p.name} - {p.mention} giữ vai trò {role}"]))
        lines.append(f"Theo đó, {parts[0]}; {parts[1]}" + (f"; {'; '.join(parts[2:])}." if len(parts) > 2 else "."))
        lines.append(f"Ban Chỉ đạo có nhiệm vụ giúp UBND {where} chỉ đạo, điều phối việc thực hiện các mục tiêu {period[0]}.")
        d.negative("Ban Chỉ đạo có nhiệm vụ giúp", "body")
        if rng.random() < 0.6:
            lines.append(neg_quote(w, d))
    else:
        number = f"{rng.randint(100, 3000)}/QĐ-UBND"
        title = f"Về việc thành lập {body_name}"
        issuer_name = f"UBND {where}"
        d.document = {"kind": "decision", "number": number, "issuer": issuer_name, "date": iso, "title": title}
        place = w.huyen if level == "huyen" else w.tinh
        up = f"ỦY BAN NHÂN DÂN\n{'HUYỆN' if level == 'huyen' else 'TỈNH'} {place.upper()}"
        lines = [header_state(w, number, f"{place}, {long_date}", up).rstrip("\n"), title, "",
                 f"CHỦ TỊCH ỦY BAN NHÂN DÂN {'HUYỆN' if level == 'huyen' else 'TỈNH'} {place.upper()}",
                 f"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                 f"Xét đề nghị của {sub.position},", "QUYẾT ĐỊNH:", f"Điều 1. Thành lập {body_name}, gồm các ông (bà) có tên sau:"]
        for k, (p, role) in enumerate(members, 1):
            lines.append(f"{k}. {w.hon(p.name, True)} {p.name}, {p.mention} - {role};")
        lines[-1] = lines[-1][:-1] + "."
        lines.append("Điều 2. Ban Chỉ đạo có nhiệm vụ giúp UBND chỉ đạo, kiểm tra, đôn đốc việc thực hiện; "
                     "Trưởng ban phân công nhiệm vụ cụ thể cho các thành viên.")
        d.negative("Ban Chỉ đạo có nhiệm vụ giúp UBND", "body")
        lines += ["", signer_block(w, d, party=False)]
    for p, role in members:
        d.assign(p, [role], period, None)
    d.text = "\n".join(lines) + "\n"
    return d


# ----------------------------------------------------------------------------
# entirely negative documents: names and titles, no task for any named person

def gen_negative(rng: random.Random, i: int) -> Doc:
    w = World(rng)
    d = Doc(f"g-neg-{i:03d}", "negative")
    form = rng.randint(0, 3)
    if form == 0:
        lines = [f"Hội nghị sơ kết việc giao nhiệm vụ đột phá ở {w.huyen}",
                 f"Ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}, Huyện ủy {w.huyen} tổ chức hội nghị sơ kết "
                 f"việc thực hiện nhiệm vụ đột phá, đổi mới năm {w.year}.",
                 neg_total(w, d), neg_quote(w, d), neg_event(w, d), neg_body(w, d)]
    elif form == 1:
        lines = [f"Kỳ họp thứ {rng.randint(2, 19)} HĐND tỉnh {w.tinh} khóa {'XVIII' if w.year > 2021 else 'XVII'}",
                 f"Sáng nay, HĐND tỉnh {w.tinh} khai mạc kỳ họp. {neg_event(w, d, (0,))}",
                 neg_quote(w, d),
                 "Kỳ họp xem xét các báo cáo, tờ trình về tình hình kinh tế - xã hội và dự toán ngân sách năm tới.",
                 neg_event(w, d, (1,))]
    elif form == 2:
        lines = [f"Huyện {w.huyen} giao chỉ tiêu phát triển kinh tế - xã hội năm {w.year}",
                 f"UBND huyện {w.huyen} đã giao chỉ tiêu cho {rng.randint(8, 25)} xã, thị trấn. "
                 f"Trong đó, UBND các xã chịu trách nhiệm hoàn thành tiêu chí nông thôn mới, "
                 "Phòng Tài chính - Kế hoạch huyện chủ trì theo dõi thu ngân sách.",
                 neg_body(w, d), neg_total(w, d),
                 "Các Chủ tịch UBND xã chịu trách nhiệm trước Chủ tịch UBND huyện về kết quả thực hiện."]
        d.negative("UBND các xã chịu trách nhiệm", "body")
    else:
        lines = [f"Đoàn công tác của tỉnh {w.tinh} làm việc tại huyện {w.huyen}",
                 neg_event(w, d, (0, 2, 3)), neg_quote(w, d), neg_quote(w, d),
                 f"Đoàn đề nghị huyện tập trung tháo gỡ vướng mắc trong giải phóng mặt bằng, đẩy nhanh giải ngân vốn năm {w.year}."]
        d.negative("Đoàn đề nghị huyện tập trung", "body")
    d.text = "\n\n".join(lines) + "\n"
    return d


# ----------------------------------------------------------------------------

def generate() -> list[Doc]:
    rng = random.Random(SEED)
    World.deck = []
    docs: list[Doc] = []
    for i in range(1, 29):
        docs.append(gen_news(rng, i))
    layouts = ["html"] * 10 + ["md"] * 3 + ["tsv"] * 3
    for i, lay in enumerate(layouts, 1):
        docs.append(gen_decision(rng, i, lay))
    for i in range(1, 9):
        docs.append(gen_registration(rng, i))
    for i in range(1, 7):
        docs.append(gen_plan(rng, i))
    for i in range(1, 9):
        docs.append(gen_report(rng, i))
    for i in range(1, 7):
        docs.append(gen_duty(rng, i))
    for i in range(1, 9):
        docs.append(gen_committee(rng, i))
    for i in range(1, 6):
        docs.append(gen_duty_news(rng, i))
    for i in range(1, 11):
        docs.append(gen_negative(rng, i))
    for i in range(1, 5):
        docs.append(gen_report_table(rng, i))
    for i in range(1, 4):
        docs.append(gen_award(rng, i))
    # about a third of the documents use the old tone placement throughout
    for d in docs:
        if rng.random() < 0.3:
            d.apply(new_tones)
    return docs


def handwritten() -> list[Doc]:
    try:
        import handwritten as H
    except ImportError:
        return []
    out = []
    for spec in H.DOCS:
        d = Doc(spec["name"], spec["kind"], ext=spec.get("ext", "txt"), origin="handwritten")
        d.text = spec["text"].lstrip("\n")
        if spec.get("document"):
            d.document = spec["document"]
        for a in spec.get("assignments", []):
            d.assignments.append({
                "cadre": a["cadre"], "position": a.get("position"), "unit": a.get("unit"),
                "period": ({"text": a["period"][0], "start": a["period"][1], "end": a["period"][2]}
                           if a.get("period") else None),
                "declared_count": a.get("declared"),
                "tasks": [{"text": t} for t in a["tasks"]]})
        for s in spec.get("statistics", []):
            d.stat(*s)
        for n in spec.get("negatives", []):
            d.negative(*n)
        out.append(d)
    return out


def split(docs: list[Doc]) -> dict[str, str]:
    """About 20% of each kind (and origin) goes to dev, chosen by a fixed rule."""
    out = {}
    groups: dict[tuple, list[Doc]] = {}
    for d in docs:
        groups.setdefault((d.kind, d.origin), []).append(d)
    for key in sorted(groups):
        for k, d in enumerate(sorted(groups[key], key=lambda x: x.name)):
            out[d.name] = "dev" if k % 5 == 2 else "train"
    return out


def render(docs: list[Doc]) -> dict[Path, str]:
    where = split(docs)
    files: dict[Path, str] = {}
    for d in docs:
        sub = where[d.name]
        fname = f"{d.name}.{d.ext}"
        files[OUT / sub / fname] = d.text
        gold = d.gold(f"corpora/extract/{sub}/{fname}")
        files[OUT / sub / f"{d.name}.gold.json"] = json.dumps(gold, ensure_ascii=False, indent=2) + "\n"
    return files


def manifest(docs: list[Doc]) -> str:
    """One row per document: where it is and what it holds, for stratified sampling."""
    where = split(docs)
    rows = ["path\tsplit\tkind\torigin\tformat\tassignments\ttasks\tstatistics\tnegatives"]
    for d in sorted(docs, key=lambda x: (where[x.name], x.name)):
        rows.append("\t".join([f"corpora/extract/{where[d.name]}/{d.name}.{d.ext}", where[d.name], d.kind,
                               d.origin, d.ext, str(len(d.assignments)),
                               str(sum(len(a["tasks"]) for a in d.assignments)), str(len(d.statistics)),
                               ",".join(sorted({n["why"] for n in d.negatives}))]))
    return "\n".join(rows) + "\n"


def stats(docs: list[Doc]) -> str:
    """Markdown table of documents, assignments and tasks by kind and split."""
    where = split(docs)
    rows = {}
    for d in docs:
        r = rows.setdefault(d.kind, {"train": 0, "dev": 0, "hand": 0, "empty": 0, "hard": 0,
                                     "assignments": 0, "tasks": 0})
        r[where[d.name]] += 1
        r["hand"] += d.origin == "handwritten"
        r["empty"] += not d.assignments
        r["hard"] += bool(d.negatives or d.statistics)
        r["assignments"] += len(d.assignments)
        r["tasks"] += sum(len(a["tasks"]) for a in d.assignments)
    cols = ["train", "dev", "hand", "empty", "hard", "assignments", "tasks"]
    out = ["| kind | train | dev | hand-written | no assignment | with hard negatives | assignments | tasks |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    total = dict.fromkeys(cols, 0)
    for kind in sorted(rows):
        out.append(f"| {kind} | " + " | ".join(str(rows[kind][c]) for c in cols) + " |")
        for c in cols:
            total[c] += rows[kind][c]
    out.append("| **all** | " + " | ".join(f"**{total[c]}**" for c in cols) + " |")
    exts: dict[str, int] = {}
    for d in docs:
        exts[d.ext] = exts.get(d.ext, 0) + 1
    out.append("")
    out.append("Formats: " + ", ".join(f"{n} .{e}" for e, n in sorted(exts.items())) + ".")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    ap.add_argument("--stats", action="store_true", help="print the counts table of the README, write nothing")
    args = ap.parse_args(argv)
    docs = generate() + handwritten()
    if args.stats:
        print(stats(docs))
        return 0
    names = [d.name for d in docs]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate document names")
    files = render(docs)
    files[OUT / "MANIFEST.tsv"] = manifest(docs)
    # the counts table of the README is rewritten with the files, so it cannot go stale
    readme = OUT / "README.md"
    if readme.is_file():
        text = readme.read_text(encoding="utf-8")
        head, rest = text.split("<!-- stats -->\n", 1)
        _, tail = rest.split("\n<!-- /stats -->", 1)
        files[readme] = f"{head}<!-- stats -->\n{stats(docs)}\n<!-- /stats -->{tail}"
    if args.check:
        bad = [str(p) for p, t in files.items() if not p.is_file() or p.read_text(encoding="utf-8") != t]
        on_disk = {p for sub in ("train", "dev") for p in (OUT / sub).glob("*")} | {OUT / "MANIFEST.tsv"}
        extra = sorted(str(p) for p in on_disk - set(files))
        for b in bad + extra:
            print("differs:", b)
        return 1 if bad or extra else 0
    for sub in ("train", "dev"):
        (OUT / sub).mkdir(parents=True, exist_ok=True)
        for p in (OUT / sub).glob("*"):
            if p not in files:
                p.unlink()
    for p, t in files.items():
        p.write_text(t, encoding="utf-8")
    print(f"wrote {len(docs)} documents to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
