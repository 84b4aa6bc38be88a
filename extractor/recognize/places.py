"""Places (địa danh) from the administrative registry shipped with ``vietnamadminunits``.

Used to tell a place from a person ("UBND tỉnh Quảng Nam Trần Văn Tân"), and to find
the province a text is about, so that "Phó Chủ tịch UBND tỉnh" gets the unit
"UBND tỉnh Quảng Nam" (GUIDELINES: unit "as plainly implied by the title").
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TypedDict

from ..text import name_key
from .text import LOWER, UPPER

_CAP_SEQ = re.compile(rf"[{UPPER}][{LOWER}]*(?:[ -][{UPPER}][{LOWER}]*){{0,3}}")
# Gazetteer keys are the unit registry's (extractor.text.name_key): "Đắk Lắk" -> "daklak".
_key = lru_cache(maxsize=65536)(name_key)


class Gazetteer(TypedDict):
    """The place names known, by gazetteer key (:func:`extractor.text.name_key`)."""

    provinces: dict[str, str]  # key -> short name ("Quảng Nam")
    districts: dict[str, set[str]]  # key -> keys of the provinces it lies in
    wards: set[str]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """{'provinces': {key: short name}, 'districts': {key: {province keys}}, 'wards': set(keys)}."""
    import vietnamadminunits

    data_dir = Path(vietnamadminunits.__file__).parent / "data"
    legacy = json.loads((data_dir / "parser_legacy.json").read_text(encoding="utf-8"))
    provinces: dict[str, str] = {}
    for p in legacy["DICT_PROVINCE"].values():
        provinces[_key(p["provinceShort"])] = p["provinceShort"]
    districts: dict[str, set[str]] = {}
    for pkey, dists in legacy["DICT_PROVINCE_DISTRICT"].items():
        short = legacy["DICT_PROVINCE"][pkey]["provinceShort"]
        for d in dists.values():
            districts.setdefault(_key(d["districtShort"]), set()).add(_key(short))
    wards: set[str] = set()
    for dists in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].values():
        for wardmap in dists.values():
            for w in wardmap.values():
                if isinstance(w.get("wardShort"), str):
                    wards.add(_key(w["wardShort"]))
    try:  # provinces after the 2025 merger, so new names are known too
        new = json.loads((data_dir / "parser_from_2025.json").read_text(encoding="utf-8"))
        for p in new.get("DICT_PROVINCE", {}).values():
            provinces.setdefault(_key(p["provinceShort"]), p["provinceShort"])
    except (OSError, KeyError, ValueError):
        pass
    return {"provinces": provinces, "districts": districts, "wards": wards}


@lru_cache(maxsize=65536)
def is_place(name: str) -> bool:
    """True when ``name`` is a known province, district or ward name.

    >>> is_place("Hòa Phú"), is_place("Ma Trọng Long")
    (True, False)
    """
    g = gazetteer()
    k = _key(name)
    return k in g["provinces"] or k in g["districts"] or k in g["wards"]


def is_large_place(name: str) -> bool:
    """True when ``name`` is a known province or district (wards, often named after people,
    excluded).

    >>> is_large_place("Dương Minh Châu"), is_large_place("Nguyễn Thái Bình")
    (True, False)
    """
    g = gazetteer()
    k = _key(name)
    return k in g["provinces"] or k in g["districts"]


def context_province(text: str) -> str | None:
    """The province a text is about, spelled as the text spells it when it does.

    Direct mentions ("tỉnh Hà Tĩnh") weigh most; district names vote for their
    province ("Hội An", "Điện Bàn" -> Quảng Nam).

    >>> context_province("UBND tỉnh Hà Tĩnh họp. Tỉnh Hà Tĩnh có ba phó chủ tịch")
    'Hà Tĩnh'
    """
    g = gazetteer()
    votes: Counter[str] = Counter()
    written: dict[str, str] = {}
    for m in _CAP_SEQ.finditer(text):
        words = m.group(0).split()
        # try the longest sub-sequence first: "Thành phố Tây Ninh" -> "Tây Ninh"
        for i in range(len(words)):
            for j in range(len(words), i + 1, -1):
                cand = " ".join(words[i:j])
                k = _key(cand)
                before = text[max(0, m.start() - 6):m.start()].lower()
                if k in g["provinces"]:
                    votes[k] += 3 if "tỉnh" in before else 2
                    written.setdefault(k, cand)
                    break
                if k in g["districts"] and len(g["districts"][k]) == 1:
                    votes[next(iter(g["districts"][k]))] += 1
                    break
            else:
                continue
            break
    if not votes:
        return None
    best, _ = votes.most_common(1)[0]
    return written.get(best, g["provinces"].get(best))
