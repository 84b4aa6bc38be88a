"""Where a text is (its province, and its district and commune when one dominates) and
the unit a title implies there. Shared by the prose and table linkers and the pipeline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TypedDict

from ..recognize.text import fold
from ..recognize.titles import BODY_START, COMPOUND_BODIES, HEAD, split_unit

# the level word in any case: letterheads are typed in CAPITALS ("ĐẢNG ỦY XÃ THÁI BÌNH")
# (spaces only: a tab parts a table's cells, "huyện<TAB>Chỉ đạo …" names no place)
_LEVEL_NAME = re.compile(r"(?<![\w])((?i:tỉnh|huyện|xã|thị xã|thành phố|thị trấn|phường|quận)"
                         r"(?: (?i:ủy|uỷ))?) +"
                         r"((?:[A-ZĐÂĂÊÔƠƯ][\w]*|\d+)(?: (?:[A-ZĐÂĂÊÔƠƯ][\w]*)){0,3})")


class Hints(TypedDict, total=False):
    """What the caller knows of a document beyond its text (folder names of an archive):
    the fallback year and unit when the text gives none."""

    year: int | str
    unit: str


@dataclass
class PlaceContext:
    """Where a text is: the place it is about at each level ("tỉnh", "huyện", "xã"; None
    where none dominates) and the year it was written, for units and periods it leaves implicit."""

    places: dict[str, str | None] = field(default_factory=dict)
    year: int | None = None

    def at(self, level: str) -> str | None:
        return self.places.get(level)


# the national motto and the Party's name heading every decision: "XÃ HỘI …" is no
# commune, and OCR reads the letterhead's two columns as one line ("UBND HUYỆN KIM SƠN
# CỘNG HÒA XÃ HỘI …", "ĐẢNG ỦY XÃ PHÚC SƠN ĐẢNG CỘNG SẢN VIỆT NAM")
_MOTTO = re.compile(r"(?i:c[ộo]ng\s+h[òo][aà]\s+x[ãa]\s+h[ộo]i\s+ch[ủu]\s+ngh[ĩi]a\s+vi[ệe]t\s+nam|"
                    r"đ[ảa]ng\s+c[ộo]ng\s+s[ảa]n\s+vi[ệe]t\s+nam)")


def place_context(text: str, province: str | None) -> PlaceContext:
    """The places a text is about: its province, and its district and commune when one
    dominates ("UBND huyện" in a text about huyện Đức Thọ is UBND huyện Đức Thọ)."""
    from collections import Counter

    counts: dict[str, Counter[str]] = {"huyện": Counter(), "xã": Counter()}
    text = _MOTTO.sub(lambda m: "\n" * len(m.group(0)), text)
    for m in _LEVEL_NAME.finditer(text):
        # "Huyện ủy Na Hang" names its district as "huyện Na Hang" does
        written = re.sub(r"\s+(?:ủy|uỷ)$", "", m.group(1).lower())
        if written != m.group(1).lower() and m.group(2).isupper():
            continue  # "ĐOÀN CÔNG TÁC HUYỆN ỦY LÀM VIỆC TẠI …": a heading's words, not a place
        level = {"thị xã": "huyện", "thành phố": "huyện", "quận": "huyện", "thị trấn": "xã",
                 "phường": "xã"}.get(written, written)
        if m.group(2)[:1].isdigit() and (written not in ("quận", "phường", "xã") or
                                         text[m.end(2):m.end(2) + 1] in (".", ")")):
            continue  # "Quận 3", "phường 2" are places; "huyện 2. …" is the end of one item and a number
        name = re.split(r"\s(?=[A-ZĐ][a-zđ]*\s+[A-ZĐ][\w]*\s+[A-ZĐ])", m.group(2))[0]  # not a person after it
        words = name.split()
        if len(words[0]) > 1 and words[0].isupper():
            # a letterhead's capitals end the name where the column beside it begins
            # ("ĐẢNG ỦY XÃ KIM BÌNH Kim Bình, ngày …", read as one line)
            name = " ".join(words[:next((i for i, w in enumerate(words) if not w.isupper()), len(words))])
        if name.isupper():
            name = name.title()
        if level in counts:
            counts[level][name] += 1
    places: dict[str, str | None] = {"tỉnh": province}
    for level, c in counts.items():
        top = c.most_common(2)
        # one place clearly dominant, else unknown (a report on many communes names none)
        places[level] = top[0][0] if top and (len(top) == 1 or top[0][1] >= 2 * top[1][1]) else None
    return PlaceContext(places)


# bodies set up for a purpose: their roles are tasks, not the office that names a unit
_TEMPORARY = re.compile(r"(?<![\w])(?:ban chỉ đạo|ban tổ chức (?:đại hội|lễ|hội nghị|hội thi|cuộc thi|giải)|"
                        r"tổ công tác|tiểu ban|ủy ban bầu cử|ban bầu cử|"
                        r"hội đồng (?:thẩm định|thi đua|tuyển dụng|xét|bầu cử)|đoàn (?:kiểm tra|công tác|giám sát)|"
                        r"tổ giúp việc|ban điều hành|ban chỉ huy phòng)(?![\w])")


# a province's departments, which the text names without their province
_PROVINCIAL = re.compile(r"sở(?![\w])")
# a place already written in the unit ("Sở Y tế tỉnh Lào Cai", "Sở Nội vụ TP HCM")
_PLACED = re.compile(r"(?<![\w])(?:tỉnh|thành phố|TP|Tp)(?![\w])")
# centrally governed cities: their departments are "Sở … TP Hà Nội", not "tỉnh"
_CITIES = ("hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế")


def _parts(position: str) -> list[str]:
    """A position's titles, split at commas that are not inside a body's name
    ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch" is one title) and at "kiêm".

    >>> _parts("Phó tư lệnh kiêm Tham mưu trưởng Bộ Tư lệnh, Ủy viên Ban Thường vụ")
    ['Phó tư lệnh', 'Tham mưu trưởng Bộ Tư lệnh', 'Ủy viên Ban Thường vụ']
    """
    folded = fold(position)
    inside = [(m.start(), m.end()) for m in COMPOUND_BODIES.finditer(folded)]
    out, at = [], 0
    for m in re.finditer(r",\s*|\s+kiêm(?:\s+nhiệm)?\s+", position):  # "Phó tư lệnh kiêm Tham mưu trưởng …": two
        if not any(s <= m.start() < e for s, e in inside):
            out.append(position[at:m.start()])
            at = m.end()
    out.append(position[at:])
    return [p for p in out if p.strip()]


def unit_for(position: str | None, context: PlaceContext | str | None, hints: Hints) -> str | None:
    """The body of the last title that names one, with the context place when the title
    says only the level ("Phó Chủ tịch UBND tỉnh" -> "UBND tỉnh Hà Tĩnh").

    >>> unit_for("Phó Chủ tịch UBND tỉnh", PlaceContext({"tỉnh": "Hà Tĩnh"}), {})
    'UBND tỉnh Hà Tĩnh'
    >>> unit_for("Phó Chủ tịch UBND tỉnh", "Hà Tĩnh", {})  # the province alone
    'UBND tỉnh Hà Tĩnh'
    """
    if not isinstance(context, PlaceContext):
        context = PlaceContext({"tỉnh": context})
    if not position:
        return hints.get("unit")
    unit = None
    parts = _parts(position)
    # the last *permanent* office names the unit: a role in a body set up for a purpose
    # ("Phó Trưởng ban Thường trực Ban Tổ chức Đại hội") does not (convention 9)
    lasting = [p for p in parts if not _TEMPORARY.search(fold(p))] or parts
    parents: list[str] = []
    for part in reversed(lasting):
        f = fold(part.strip())
        if BODY_START.match(f) and not HEAD.match(f):
            # "Cục trưởng Cục Quân y, Tổng cục Hậu cần, Bộ Quốc phòng": the bodies the office sits in
            parents.insert(0, part.strip())
            continue
        unit = split_unit(part.strip())
        if unit:
            unit = ", ".join([unit] + parents)
            break
        parents = []
    if unit:
        m = re.search(r"(?:^|\s)(tỉnh|huyện|xã)(?: ủy)?$", fold(unit))
        place = context.at(m.group(1)) if m else None
        if place:
            unit = f"{unit} {place}"
        elif _PROVINCIAL.match(fold(unit)) and context.at("tỉnh") and not _PLACED.search(unit) and \
                fold(context.at("tỉnh") or "") not in fold(unit):
            # "Giám đốc Sở Y tế" in a text about Lào Cai: "Sở Y tế tỉnh Lào Cai" (convention 9)
            province = context.at("tỉnh") or ""
            unit = f"{unit} {'TP' if fold(province) in _CITIES else 'tỉnh'} {province}"
    if not unit and re.match(r"công chức(?![\w])", fold(position.strip())):
        # a commune's civil servants (công chức Địa chính, Tư pháp - Hộ tịch…) serve its People's Committee
        unit = f"UBND xã {context.at('xã')}" if context.at("xã") else "UBND xã"
    return unit or hints.get("unit")
