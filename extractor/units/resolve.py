"""Resolving a unit as written ("UBND xã Hoà Phú, huyện Chiêm Hoá") to a :class:`UnitRef`
in the registry, in the map of its year, and the keys the service groups and filters by.

    >>> resolve_unit("UBND xã Chiêm Hóa", year=2026).key
    'legacy:08.073'
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from extractor.text import name_key
from extractor.text import spelling_key as accent_key
from extractor.units.registry import REFORM_YEAR, Era, Level, Registry, UnitRef, registry, strip_type

# Type words as clerks write them, with the abbreviations seen in documents.
# Order matters: "thị xã" before "xã", "thành phố" before nothing else.
_TYPES: list[tuple[str, tuple[Level, ...]]] = [
    (r"thành\s+phố|tp\.?", ("province", "district")),
    (r"thị\s+xã|tx\.", ("district",)),
    (r"thị\s+trấn|tt\.", ("commune",)),
    (r"tỉnh", ("province",)),
    (r"huyện|quận|h\.", ("district",)),
    (r"xã|phường|đặc\s+khu", ("commune",)),
]
_TYPE_RE = re.compile(r"(?<![\wÀ-ỹ])(" + "|".join(t for t, _ in _TYPES) + r")(?=[\s\.])", re.IGNORECASE)
# "Huyện ủy Chiêm Hóa", "Tỉnh ủy Tuyên Quang", "Đảng ủy xã X": the body word between.
_BODY_WORD = re.compile(r"\s*(ủy|uỷ|UỶ|ỦY)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"\s*([^\W\d_][\w']*|\d+[A-Za-z]?)", re.UNICODE)
_STOP = {"ủy", "uỷ", "ubnd", "hđnd", "huyện", "xã", "tỉnh", "phường", "quận", "và", "thuộc", "về"}


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str  # the type word as written
    levels: tuple[Level, ...]
    name: str
    start: int
    end: int


def _levels_of(word: str) -> tuple[Level, ...]:
    w = word.lower().replace(" ", "")
    for pattern, levels in _TYPES:
        if re.fullmatch(pattern.replace(r"\s+", ""), w, re.IGNORECASE):
            return levels
    return ()


def find_mentions(text: str) -> list[Mention]:
    """Every "type word + Name" in the text: "huyện Chiêm Hóa", "TP. Tuyên Quang",
    "Huyện ủy Chiêm Hóa". Names are capitalised words (or a number: "Phường 1");
    "xã hội" is not a commune because "hội" is not capitalised."""
    out: list[Mention] = []
    for m in _TYPE_RE.finditer(text):
        pos = m.end()
        if text[pos:pos + 1] == ".":
            pos += 1
        body = _BODY_WORD.match(text, pos)
        if body:
            pos = body.end()
        words: list[str] = []
        end = pos
        while len(words) < 5:
            w = _NAME_WORD.match(text, end)
            if not w:
                break
            word = w.group(1)
            is_number = word[0].isdigit()
            # "Phường 1", "xã Hòa Tú 2", "Phường Hà Giang 1": a number starts or ends a name.
            if not (word[0].isupper() or is_number):
                break
            if words and (word.lower() in _STOP or _levels_of(word)):
                # A type word ends the name ("xã Hòa Phú huyện Chiêm Hóa"), unless no
                # name follows it: then it is part of this one ("xã Tứ Xã", "xã Phước Tỉnh").
                nxt = _NAME_WORD.match(text, w.end())
                lead = nxt.group(1) if nxt else ""
                if nxt and (lead[0].isupper() or lead[0].isdigit() or lead.lower() in ("ủy", "uỷ")):
                    break
                if word.lower() in ("ủy", "uỷ", "ubnd", "hđnd", "và", "thuộc", "về"):
                    break
                words.append(word)
                end = w.end()
                break
            words.append(word)
            end = w.end()
            if is_number:
                break
        if words:
            out.append(Mention(m.group(1), _levels_of(m.group(1)), " ".join(words), m.start(), end))
    return out


# --------------------------------------------------------------------------- resolving


def resolve_unit(text: str, *, year: int | None = None, province_hint: str | None = None,
                 within: str | None = None) -> UnitRef | None:
    """Resolve the most specific administrative unit named in ``text``.

    ``year`` picks the map: before 2025 the legacy one (with districts), from 2026
    the current one; 2025 or unknown tries legacy first. ``province_hint`` (a name
    such as "Tuyên Quang") and ``within`` (another place the document names: its
    issuer "Huyện ủy Chiêm Hóa", its folder) settle names that exist in several
    places; they never make a unit out of a text that names none. A bare name
    without a type word ("Chiêm Hóa") is tried as province, then district, then
    commune. Returns None when nothing in the text is a known unit.

    >>> ref = resolve_unit("UBND xã Hoà Phú, huyện Chiêm Hoá", year=2021)
    >>> ref.commune_name, ref.district_name, ref.province_name
    ('Xã Hòa Phú', 'Huyện Chiêm Hóa', 'Tỉnh Tuyên Quang')
    >>> resolve_unit("UBND xã Hòa Phú", year=2021, within="Huyện ủy Chiêm Hóa").key
    'legacy:08.073'
    """
    if not text or not text.strip():
        return None
    reg = registry()
    mentions = find_mentions(text)
    if not mentions:
        bare = text.strip()
        at = text.find(bare)
        mentions = [Mention("", ("province", "district", "commune"), bare, at, at + len(bare))]
    ref = _resolve(reg, text, mentions, year, province_hint)
    if ref is not None and ref.candidates > 1 and within:
        # The outer place's mentions filter the candidates but are not part of the
        # unit as written (no offsets in this text).
        context = [replace(m, start=-1, end=-1) for m in find_mentions(within)]
        narrowed = _resolve(reg, text, mentions + context, year, province_hint)
        if narrowed is not None and narrowed.level == ref.level and narrowed.candidates < ref.candidates:
            ref = narrowed
    return ref


def _resolve(reg: Registry, text: str, mentions: list[Mention], year: int | None,
             province_hint: str | None) -> UnitRef | None:
    eras: list[Era] = ["current", "legacy"] if (year is not None and year > REFORM_YEAR) else ["legacy", "current"]
    if any("district" in m.levels and "province" not in m.levels and m.start >= 0 for m in mentions):
        eras = ["legacy"]  # only the old map has districts
    # The year's own map wins whenever it knows the name; the other map is only a
    # fallback (a 2025 document may already use the new communes).
    for era in eras:
        ref = _resolve_in_era(reg, text, mentions, era, province_hint)
        if ref is not None:
            return ref
    return None


def _resolve_in_era(reg: Registry, text: str, mentions: list[Mention], era: Era,
                    province_hint: str | None) -> UnitRef | None:
    provinces: set[str] | None = None
    province_m: Mention | None = None
    district_m: Mention | None = None
    commune_m: Mention | None = None
    # "tỉnh X" names a province; "thành phố X" only when X is a centrally-run city
    # (Hà Nội, Cần Thơ...), else it is a provincial city (the old district level).
    for m in sorted((m for m in mentions if "province" in m.levels), key=lambda m: len(m.levels)):
        named = reg.province_index[era].get(name_key(m.name), set())
        if len(m.levels) > 1 and m.kind:
            named = {p for p in named if name_key(reg.provinces[(era, p)].name).startswith("thanhpho")}
        if named:
            provinces, province_m = set(named), m
            break
    if provinces is None and province_hint:
        hinted = reg.province_index[era].get(name_key(strip_type(province_hint)), set())
        if not hinted and era == "current":  # a legacy province named as hint: map it forward
            hinted = {reg.new_province_of_old[p] for p in reg.province_index["legacy"].get(
                name_key(strip_type(province_hint)), set()) if p in reg.new_province_of_old}
        provinces = set(hinted) or None

    districts: set[tuple[str, str]] | None = None
    if era == "legacy":
        for m in mentions:
            if "district" in m.levels and m is not province_m:
                in_district = {d for d in reg.district_index.get(name_key(m.name), set())
                               if provinces is None or d[0] in provinces}
                if len(in_district) > 1:
                    in_district = _same_type(in_district, m, lambda d: reg.districts[d].name)
                if in_district:
                    districts, district_m = in_district, m
                    break

    communes: set[tuple[str, str | None, str]] | None = None
    for m in mentions:
        if "commune" in m.levels and m is not province_m and m is not district_m:
            in_commune = {c for c in reg.commune_index[era].get(name_key(m.name), set())
                          if (provinces is None or c[0] in provinces)
                          and (districts is None or (c[0], c[1]) in districts)}
            if len(in_commune) > 1:
                in_commune = _same_type(in_commune, m, lambda c: reg.communes[(era, c[0], c[2])].name)
            if in_commune:
                communes, commune_m = in_commune, m
                break

    # A set of units is found together with the mention that named it.
    if communes and commune_m is not None:
        if len(communes) > 1:
            names = [reg.communes[(era, p, w)].name for p, _, w in communes]
            return _ambiguous(reg, text, commune_m, "commune", era, names)
        return _commune_ref(reg, text, commune_m, district_m, province_m, era, next(iter(communes)), 1)
    if districts and district_m is not None:
        if len(districts) > 1:
            return _ambiguous(reg, text, district_m, "district", era, [reg.districts[d].name for d in districts])
        return _district_ref(reg, text, district_m, province_m, next(iter(districts)), 1)
    if province_m and provinces:
        return _province_ref(reg, text, province_m, era, sorted(provinces)[0], len(provinces))
    return None


U = TypeVar("U")  # a unit's key in the registry: province, district or commune
_TYPE_KEYS = {"tp": "thanhpho", "tx": "thixa", "tt": "thitran", "h": "huyen"}


def _same_type(found: set[U], m: Mention, name_of: Callable[[U], str]) -> set[U]:
    """"Thị trấn Hát Lót" and "Xã Hát Lót" are both in huyện Mai Sơn, "Nga Thanh" and
    "Nga Thành" both in huyện Nga Sơn: when a name fits several units, keep those of
    the type word written, then those spelt with the same accents, if any."""
    kind = name_key(m.kind)
    kind = _TYPE_KEYS.get(kind, kind)
    if kind:
        found = {u for u in found if name_key(name_of(u)).startswith(kind)} or found
    if len(found) > 1:
        written = accent_key(m.name)
        found = {u for u in found if accent_key(strip_type(name_of(u))) == written} or found
    return found


def _ambiguous(reg: Registry, text: str, m: Mention, level: Level, era: Era, names: list[str]) -> UnitRef:
    """A name found in several places ("xã Hòa Phú" is in six provinces) and nothing
    to tell which: keep what is certain, leave the keys empty rather than guess, and
    say how many it could be so a reviewer (or a province hint) can settle it."""
    standard = names[0] if len(set(names)) == 1 else None
    return UnitRef(
        text=text[m.start:m.end], start=m.start, end=m.end, level=level, era=era,
        district=m.name if level == "district" else None, commune=m.name if level == "commune" else None,
        district_name=standard if level == "district" else None,
        commune_name=standard if level == "commune" else None,
        candidates=len(names))


def _written(m: Mention | None) -> str | None:
    return m.name if m and m.start >= 0 else None


def _span_text(text: str, *ms: Mention | None) -> tuple[str, int, int]:
    present = [m for m in ms if m and m.start >= 0]
    if not present:  # only context mentions: nothing of this text to point at
        return "", -1, -1
    start = min(m.start for m in present)
    end = max(m.end for m in present)
    return text[start:end], start, end


def _current_names(reg: Registry, news: set[tuple[str, str]]) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    provinces = Counter(p for p, _ in news)
    province = reg.provinces[("current", provinces.most_common(1)[0][0])].name if provinces else None
    names = tuple(sorted({reg.communes[("current", p, w)].name for p, w in news}))
    keys = tuple(sorted({f"current:{p}" for p, _ in news} | {f"current:{p}.{w}" for p, w in news}))
    return province, names, keys


def _district_ref(reg: Registry, text: str, district_m: Mention, province_m: Mention | None,
                  chosen: tuple[str, str], candidates: int) -> UnitRef:
    p, d = chosen
    district = reg.districts[(p, d)]
    province = reg.provinces[("legacy", p)]
    news = set()
    for w in reg.communes_of_district[(p, d)] or [""]:
        news |= reg.new_of_old.get((p, d, w), set())
    cur_province, cur_names, cur_keys = _current_names(reg, news)
    if cur_province is None and p in reg.new_province_of_old:
        cur_province = reg.provinces[("current", reg.new_province_of_old[p])].name
    written, start, end = _span_text(text, district_m, province_m)
    return UnitRef(
        text=written, start=start, end=end, level="district", era="legacy",
        province=_written(province_m), district=district_m.name,
        province_name=province.name, district_name=district.name,
        legacy_code=f"{p}.{d}", legacy_name=f"{district.name}, {province.name}",
        current_province=cur_province, current_communes=cur_names,
        key=f"legacy:{p}.{d}",
        keys=tuple(sorted({f"legacy:{p}", f"legacy:{p}.{d}"} | set(cur_keys))),
        candidates=candidates)


def _province_ref(reg: Registry, text: str, province_m: Mention, era: Era, p: str, candidates: int) -> UnitRef:
    province = reg.provinces[(era, p)]
    legacy_code: str | None
    legacy_name: str | None
    if era == "legacy":
        new_p = reg.new_province_of_old.get(p)
        cur = reg.provinces[("current", new_p)].name if new_p else None
        keys = {f"legacy:{p}"} | ({f"current:{new_p}"} if new_p else set())
        legacy_code, legacy_name, key = p, province.name, f"legacy:{p}"
    else:
        olds = sorted(o for o, n in reg.new_province_of_old.items() if n == p)
        cur = province.name
        keys = {f"current:{p}"} | {f"legacy:{o}" for o in olds}
        # The new province keeps the code of one old one; that one is its history.
        legacy_code = p if p in olds else (olds[0] if olds else None)
        legacy_name = reg.provinces[("legacy", legacy_code)].name if legacy_code else None
        key = f"legacy:{legacy_code}" if legacy_code else f"current:{p}"
    return UnitRef(
        text=text[province_m.start:province_m.end], start=province_m.start, end=province_m.end,
        level="province", era=era, province=province_m.name, province_name=province.name,
        legacy_code=legacy_code, legacy_name=legacy_name, current_province=cur,
        key=key, keys=tuple(sorted(keys)), candidates=candidates)


def _commune_ref(reg: Registry, text: str, commune_m: Mention, district_m: Mention | None,
                 province_m: Mention | None, era: Era, chosen: tuple[str, str | None, str],
                 candidates: int) -> UnitRef:
    p, d, w = chosen
    commune = reg.communes[(era, p, w)]
    written, start, end = _span_text(text, commune_m, district_m, province_m)
    if era == "legacy" and d is not None:  # a legacy commune always lies in a district
        district = reg.districts[(p, d)]
        province = reg.provinces[("legacy", p)]
        news = reg.new_of_old.get((p, d, w), set())
        cur_province, cur_names, cur_keys = _current_names(reg, news)
        return UnitRef(
            text=written, start=start, end=end, level="commune", era="legacy",
            province=_written(province_m), district=_written(district_m), commune=commune_m.name,
            province_name=province.name, district_name=district.name, commune_name=commune.name,
            legacy_code=f"{p}.{d}.{w}", legacy_name=f"{commune.name}, {district.name}, {province.name}",
            current_province=cur_province, current_communes=cur_names,
            key=f"legacy:{p}.{d}",
            keys=tuple(sorted({f"legacy:{p}", f"legacy:{p}.{d}", f"legacy:{p}.{d}.{w}"} | set(cur_keys))),
            candidates=candidates)
    # A new commune: its history is the old communes merged into it; the old
    # district most of them belonged to is the grouping key.
    olds = reg.old_of_new.get((p, w), set())
    province = reg.provinces[("current", p)]
    by_district = Counter((op, od) for op, od, _ in olds)
    legacy_code = legacy_name = None
    key = f"current:{p}.{w}"
    if by_district:
        (op, od), _ = sorted(by_district.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        legacy_code = f"{op}.{od}"
        legacy_name = f"{reg.districts[(op, od)].name}, {reg.provinces[('legacy', op)].name}"
        key = f"legacy:{op}.{od}"
    keys = {f"current:{p}", f"current:{p}.{w}"}
    keys |= {f"legacy:{op}" for op, _, _ in olds} | {f"legacy:{op}.{od}" for op, od, _ in olds}
    keys |= {f"legacy:{op}.{od}.{ow}" for op, od, ow in olds if ow}
    return UnitRef(
        text=written, start=start, end=end, level="commune", era="current",
        province=_written(province_m), commune=commune_m.name,
        province_name=province.name, commune_name=commune.name,
        legacy_code=legacy_code, legacy_name=legacy_name,
        current_province=province.name, current_communes=(commune.name,),
        key=key, keys=tuple(sorted(keys)), candidates=candidates)


def unit_keys(text: str | None, *, year: int | None = None, province_hint: str | None = None,
              within: str | None = None) -> tuple[str | None, tuple[str, ...]]:
    """(grouping key, all filter keys) for a unit as written; (None, ()) if unknown.

    The service stores both beside an assignment so the register can be grouped by
    ``key`` and filtered by any legacy or current unit (``key in keys``).

    >>> unit_keys("UBND huyện Chiêm Hóa", year=2021)[0]
    'legacy:08.073'
    """
    ref = resolve_unit(text or "", year=year, province_hint=province_hint, within=within)
    return (ref.key, ref.keys) if ref else (None, ())
