"""Where a text is (its province, and its district and commune when one dominates) and
the unit a title implies there. Shared by the prose and table linkers and the pipeline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TypedDict

from ..recognize.text import fold
from ..recognize.titles import split_unit

# the level word in any case: letterheads are typed in CAPITALS ("ĐẢNG ỦY XÃ THÁI BÌNH")
_LEVEL_NAME = re.compile(r"(?<![\w])((?i:tỉnh|huyện|xã|thị xã|thành phố|thị trấn|phường|quận))[ \t]+"
                         r"((?:[A-ZĐÂĂÊÔƠƯ][\w]*|\d+)(?:[ \t](?:[A-ZĐÂĂÊÔƠƯ][\w]*)){0,3})")


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


def place_context(text: str, province: str | None) -> PlaceContext:
    """The places a text is about: its province, and its district and commune when one
    dominates ("UBND huyện" in a text about huyện Đức Thọ is UBND huyện Đức Thọ)."""
    from collections import Counter

    counts: dict[str, Counter[str]] = {"huyện": Counter(), "xã": Counter()}
    for m in _LEVEL_NAME.finditer(text):
        level = {"thị xã": "huyện", "thành phố": "huyện", "quận": "huyện", "thị trấn": "xã",
                 "phường": "xã"}.get(m.group(1).lower(), m.group(1).lower())
        name = re.split(r"\s(?=[A-ZĐ][a-zđ]*\s+[A-ZĐ][\w]*\s+[A-ZĐ])", m.group(2))[0]  # not a person after it
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
    for part in reversed(re.split(r",\s*", position)):
        unit = split_unit(part.strip())
        if unit:
            break
    if unit:
        m = re.search(r"(?:^|\s)(tỉnh|huyện|xã)(?: ủy)?$", fold(unit))
        place = context.at(m.group(1)) if m else None
        if place:
            unit = f"{unit} {place}"
    if not unit and re.match(r"công chức(?![\w])", fold(position.strip())):
        # a commune's civil servants (công chức Địa chính, Tư pháp - Hộ tịch…) serve its People's Committee
        unit = f"UBND xã {context.at('xã')}" if context.at("xã") else "UBND xã"
    return unit or hints.get("unit")
