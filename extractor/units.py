"""The registry of administrative units (đơn vị hành chính) across the 2025 reform.

On 1 July 2025 Vietnam dropped the district level (huyện, quận, thị xã, thành phố
thuộc tỉnh), merged 63 provinces into 34 and about 10,000 communes (xã, phường,
thị trấn) into 3,321. Records written in 2021 name "huyện Chiêm Hóa"; records written
in 2026 name "xã Chiêm Hóa", "xã Kim Bình"... which replaced it. A reviewer wants
both in one group, and wants to filter the register by either the old or the new
units. This module resolves a unit as written to a :class:`UnitRef` that carries:

- the names as written and as standardised ("huyện Chiêm Hoá" -> "Huyện Chiêm Hóa");
- the legacy (pre-2025) code and name, and the current (post-2025) province and
  communes;
- ``key``: the common grouping key, the legacy *district* the unit lies in
  (``legacy:08.073`` for Chiêm Hóa), so the old district, its old communes and the
  new communes made from them share it;
- ``keys``: every key a filter may ask for (legacy province/district/commune and
  current province/commune).

The data is the offline registry shipped with ``vietnamadminunits`` (its SQLite
dataset and its 2025 converter table). We read those tables directly instead of
calling ``convert_address``, because the converter geocodes over the network
(ArcGIS) when a split commune comes with a street, and nothing here may download.

    >>> ref = resolve_unit("Phòng Nông nghiệp và PTNT huyện Chiêm Hóa", year=2021)
    >>> ref.district_name, ref.key
    ('Huyện Chiêm Hóa', 'legacy:08.073')
    >>> resolve_unit("UBND xã Chiêm Hóa", year=2026).key
    'legacy:08.073'
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path, PurePath
from typing import Literal

from .text import name_key
from .text import spelling_key as accent_key

Level = Literal["province", "district", "commune"]
Era = Literal["legacy", "current"]

# The reform took effect on 1 July 2025: a document dated in 2025 may use either
# map, one from 2026 on uses only the new one.
REFORM_YEAR = 2025


@dataclass(frozen=True, slots=True)
class UnitRef:
    """One administrative unit found in a text, placed before and after the reform.

    ``text`` is the mention as written and ``start``/``end`` its offsets in the
    text given to :func:`resolve_unit`. ``province``/``district``/``commune`` are the
    names as written (None when the text does not say), the ``*_name`` fields the
    standardised names in the unit's own era. ``legacy_*`` describe the unit in the
    63-province map (for a new commune, the old district most of it came from);
    ``current_*`` in the 34-province map (for an old district, every new commune
    made from its communes).
    """

    text: str
    start: int
    end: int
    level: Level
    era: Era
    province: str | None = None
    district: str | None = None
    commune: str | None = None
    province_name: str | None = None
    district_name: str | None = None
    commune_name: str | None = None
    legacy_code: str | None = None  # "08.073" district, "08.073.02287" commune, "08" province
    legacy_name: str | None = None  # "Huyện Chiêm Hóa, Tỉnh Tuyên Quang"
    current_province: str | None = None  # "Tỉnh Tuyên Quang"
    current_communes: tuple[str, ...] = ()  # "Xã Chiêm Hóa", "Xã Kim Bình", ...
    key: str | None = None  # common grouping key: the legacy district, else the legacy province
    keys: tuple[str, ...] = ()  # every legacy/current key, for filters
    candidates: int = 1  # how many registry units the mention could have been

    def to_dict(self) -> dict:
        return {name: (list(getattr(self, name)) if isinstance(getattr(self, name), tuple)
                       else getattr(self, name)) for name in self.__slots__}


# --------------------------------------------------------------------------- text keys


# name_key (accent-, case- and spacing-free: "Chiêm Hoá" = "chiemhoa") and accent_key
# (spelt the same: "Hoà Phú" = "hòa phú", "Vĩnh" != "Vinh") are extractor.text's.


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True, slots=True)
class _Province:
    code: str
    name: str
    era: Era


@dataclass(frozen=True, slots=True)
class _District:
    province: str  # legacy province code
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class _Commune:
    province: str  # province code in its era
    district: str | None  # legacy district code; None for current communes
    code: str
    name: str
    era: Era


def _package_data():
    """vietnamadminunits' data folder, found without importing the package: its
    ``__init__`` pulls in half a second of modules we never call (measured 0.43 s, paid
    by ``giaoviec ingest`` before its first document is handed out)."""
    import importlib.util

    spec = importlib.util.find_spec("vietnamadminunits")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location) / "data"
        if (folder / "dataset.db").is_file():
            return folder
    return resources.files("vietnamadminunits") / "data"  # an unusual install (zip): the slow way


class _Registry:
    """Indexes built once from the vietnamadminunits tables (about 0.3 s)."""

    def __init__(self) -> None:
        data = _package_data()
        with resources.as_file(data / "dataset.db") as db_path:
            conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
            conn.row_factory = sqlite3.Row
            legacy = conn.execute(
                "SELECT province, provinceCode, provinceKey, provinceKeywords, district, districtCode,"
                " districtKey, districtKeywords, ward, wardCode, wardKey, wardKeywords"
                " FROM admin_units_legacy").fetchall()
            current = conn.execute(
                "SELECT province, provinceCode, provinceKey, provinceKeywords, ward, wardCode, wardKey,"
                " wardKeywords FROM admin_units").fetchall()
            conn.close()
        converter = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))

        self.provinces: dict[tuple[Era, str], _Province] = {}
        self.districts: dict[tuple[str, str], _District] = {}
        self.communes: dict[tuple[Era, str, str], _Commune] = {}
        # name key (without the type word) -> registry ids
        self.province_index: dict[Era, dict[str, set[str]]] = {"legacy": defaultdict(set), "current": defaultdict(set)}
        self.district_index: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.commune_index: dict[Era, dict[str, set[tuple[str, str | None, str]]]] = {
            "legacy": defaultdict(set), "current": defaultdict(set)}
        self.districts_of_province: dict[str, list[str]] = defaultdict(list)
        self.communes_of_district: dict[tuple[str, str], list[str]] = defaultdict(list)

        legacy_by_key: dict[str, tuple[str, str, str]] = {}  # "prov_dist_ward" -> codes
        for r in legacy:
            p, d = r["provinceCode"], r["districtCode"]
            if ("legacy", p) not in self.provinces:
                self.provinces[("legacy", p)] = _Province(p, r["province"], "legacy")
                for kw in _keywords(r["provinceKeywords"], r["province"]):
                    self.province_index["legacy"][kw].add(p)
            if (p, d) not in self.districts:
                self.districts[(p, d)] = _District(p, d, r["district"])
                self.districts_of_province[p].append(d)
                for kw in _keywords(r["districtKeywords"], r["district"]):
                    self.district_index[kw].add((p, d))
            if r["wardCode"]:
                w = r["wardCode"]
                self.communes[("legacy", p, w)] = _Commune(p, d, w, r["ward"], "legacy")
                self.communes_of_district[(p, d)].append(w)
                for kw in _keywords(r["wardKeywords"], r["ward"]):
                    self.commune_index["legacy"][kw].add((p, d, w))
                legacy_by_key[f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"] = (p, d, w)
            else:  # island districts (Bạch Long Vĩ, Côn Đảo...) have no communes
                legacy_by_key[f"{r['provinceKey']}_{r['districtKey']}_"] = (p, d, "")

        current_by_key: dict[tuple[str, str], tuple[str, str]] = {}  # (provinceKey, wardKey) -> codes
        current_province_by_key: dict[str, str] = {}
        for r in current:
            p, w = r["provinceCode"], r["wardCode"]
            current_province_by_key[r["provinceKey"]] = p
            if ("current", p) not in self.provinces:
                self.provinces[("current", p)] = _Province(p, r["province"], "current")
                for kw in _keywords(r["provinceKeywords"], r["province"]):
                    self.province_index["current"][kw].add(p)
            self.communes[("current", p, w)] = _Commune(p, None, w, r["ward"], "current")
            for kw in _keywords(r["wardKeywords"], r["ward"]):
                self.commune_index["current"][kw].add((p, None, w))
            current_by_key[(r["provinceKey"], r["wardKey"])] = (p, w)

        # The converter: new commune -> the old communes merged into it (whole), and
        # old commune -> the new communes it was split between.
        self.new_of_old: dict[tuple[str, str, str], set[tuple[str, str]]] = defaultdict(set)
        self.old_of_new: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
        self.new_province_of_old: dict[str, str] = {}
        for new_pkey, old_pkeys in converter["DICT_PROVINCE"].items():
            new_p = current_province_by_key.get(new_pkey)
            for old_pkey in old_pkeys:
                old_p = next((c for (era, c), prov in self.provinces.items()
                              if era == "legacy" and name_key(prov.name) == old_pkey), None)
                if old_p and new_p:
                    self.new_province_of_old[old_p] = new_p
        for new_pkey, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
            for new_wkey, old_keys in wards.items():
                new = current_by_key.get((new_pkey, new_wkey))
                for old_key in old_keys:
                    old = legacy_by_key.get(old_key)
                    if new and old:
                        self.new_of_old[old].add(new)
                        self.old_of_new[new].add(old)
        for new_pkey, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
            for old_key, news in olds.items():
                old = legacy_by_key.get(old_key)
                for item in news:
                    new = current_by_key.get((new_pkey, item["newWardKey"]))
                    if new and old:
                        self.new_of_old[old].add(new)
                        self.old_of_new[new].add(old)


def _keywords(raw: str | None, full_name: str | None) -> set[str]:
    """Name keys without the type word: "Huyện Chiêm Hóa" -> {"chiemhoa"}, plus the
    registry's own spelling variants ("vynhloc" for Vĩnh Lộc) and aliases."""
    out: set[str] = set()
    if full_name:
        out.add(name_key(_strip_type(full_name)))
        out.add(name_key(full_name))
    for kw in json.loads(raw) if raw else []:
        out.add(kw)
    return {k for k in out if k}


_TYPE_PREFIX = re.compile(r"^(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\s+", re.IGNORECASE)


def _strip_type(name: str) -> str:
    return _TYPE_PREFIX.sub("", name.strip())


@lru_cache(maxsize=1)
def registry() -> _Registry:
    """The registry, loaded on first use and kept (read-only, safe to share)."""
    return _Registry()


# --------------------------------------------------------------------------- mentions

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
class _Mention:
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


def find_mentions(text: str) -> list[_Mention]:
    """Every "type word + Name" in the text: "huyện Chiêm Hóa", "TP. Tuyên Quang",
    "Huyện ủy Chiêm Hóa". Names are capitalised words (or a number: "Phường 1");
    "xã hội" is not a commune because "hội" is not capitalised."""
    out: list[_Mention] = []
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
            out.append(_Mention(m.group(1), _levels_of(m.group(1)), " ".join(words), m.start(), end))
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
        mentions = [_Mention("", ("province", "district", "commune"), bare, at, at + len(bare))]
    ref = _resolve(reg, text, mentions, year, province_hint)
    if ref is not None and ref.candidates > 1 and within:
        # The outer place's mentions filter the candidates but are not part of the
        # unit as written (no offsets in this text).
        context = [replace(m, start=-1, end=-1) for m in find_mentions(within)]
        narrowed = _resolve(reg, text, mentions + context, year, province_hint)
        if narrowed is not None and narrowed.level == ref.level and narrowed.candidates < ref.candidates:
            ref = narrowed
    return ref


def _resolve(reg: _Registry, text: str, mentions: list[_Mention], year: int | None,
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


def _resolve_in_era(reg: _Registry, text: str, mentions: list[_Mention], era: Era,
                    province_hint: str | None) -> UnitRef | None:
    provinces: set[str] | None = None
    province_m = district_m = commune_m = None
    # "tỉnh X" names a province; "thành phố X" only when X is a centrally-run city
    # (Hà Nội, Cần Thơ...), else it is a provincial city (the old district level).
    for m in sorted((m for m in mentions if "province" in m.levels), key=lambda m: len(m.levels)):
        found = reg.province_index[era].get(name_key(m.name), set())
        if len(m.levels) > 1 and m.kind:
            found = {p for p in found if name_key(reg.provinces[(era, p)].name).startswith("thanhpho")}
        if found:
            provinces, province_m = set(found), m
            break
    if provinces is None and province_hint:
        found = reg.province_index[era].get(name_key(_strip_type(province_hint)), set())
        if not found and era == "current":  # a legacy province named as hint: map it forward
            found = {reg.new_province_of_old[p] for p in reg.province_index["legacy"].get(
                name_key(_strip_type(province_hint)), set()) if p in reg.new_province_of_old}
        provinces = set(found) or None

    districts: set[tuple[str, str]] | None = None
    if era == "legacy":
        for m in mentions:
            if "district" in m.levels and m is not province_m:
                found = {d for d in reg.district_index.get(name_key(m.name), set())
                         if provinces is None or d[0] in provinces}
                if len(found) > 1:
                    found = _same_type(found, m, lambda d: reg.districts[d].name)
                if found:
                    districts, district_m = found, m
                    break

    communes: set[tuple[str, str | None, str]] | None = None
    for m in mentions:
        if "commune" in m.levels and m is not province_m and m is not district_m:
            found = {c for c in reg.commune_index[era].get(name_key(m.name), set())
                     if (provinces is None or c[0] in provinces)
                     and (districts is None or (c[0], c[1]) in districts)}
            if len(found) > 1:
                found = _same_type(found, m, lambda c: reg.communes[(era, c[0], c[2])].name)
            if found:
                communes, commune_m = found, m
                break

    if communes:
        if len(communes) > 1:
            names = [reg.communes[(era, p, w)].name for p, _, w in communes]
            return _ambiguous(reg, text, commune_m, "commune", era, names)
        return _commune_ref(reg, text, commune_m, district_m, province_m, era, next(iter(communes)), 1)
    if districts:
        if len(districts) > 1:
            return _ambiguous(reg, text, district_m, "district", era, [reg.districts[d].name for d in districts])
        return _district_ref(reg, text, district_m, province_m, next(iter(districts)), 1)
    if province_m and provinces:
        return _province_ref(reg, text, province_m, era, sorted(provinces)[0], len(provinces))
    return None


_TYPE_KEYS = {"tp": "thanhpho", "tx": "thixa", "tt": "thitran", "h": "huyen"}


def _same_type(found: set, m: _Mention, name_of) -> set:
    """"Thị trấn Hát Lót" and "Xã Hát Lót" are both in huyện Mai Sơn, "Nga Thanh" and
    "Nga Thành" both in huyện Nga Sơn: when a name fits several units, keep those of
    the type word written, then those spelt with the same accents, if any."""
    kind = name_key(m.kind)
    kind = _TYPE_KEYS.get(kind, kind)
    if kind:
        found = {u for u in found if name_key(name_of(u)).startswith(kind)} or found
    if len(found) > 1:
        written = accent_key(m.name)
        found = {u for u in found if accent_key(_strip_type(name_of(u))) == written} or found
    return found


def _ambiguous(reg, text, m: _Mention, level: Level, era: Era, names: list[str]) -> UnitRef:
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


def _written(m: _Mention | None) -> str | None:
    return m.name if m and m.start >= 0 else None


def _span_text(text: str, *ms: _Mention | None) -> tuple[str, int, int]:
    present = [m for m in ms if m and m.start >= 0]
    if not present:  # only context mentions: nothing of this text to point at
        return "", -1, -1
    start = min(m.start for m in present)
    end = max(m.end for m in present)
    return text[start:end], start, end


def _current_names(reg: _Registry, news: set[tuple[str, str]]) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    provinces = Counter(p for p, _ in news)
    province = reg.provinces[("current", provinces.most_common(1)[0][0])].name if provinces else None
    names = tuple(sorted({reg.communes[("current", p, w)].name for p, w in news}))
    keys = tuple(sorted({f"current:{p}" for p, _ in news} | {f"current:{p}.{w}" for p, w in news}))
    return province, names, keys


def _district_ref(reg, text, district_m, province_m, chosen, candidates) -> UnitRef:
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


def _province_ref(reg, text, province_m, era, p, candidates) -> UnitRef:
    province = reg.provinces[(era, p)]
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


def _commune_ref(reg, text, commune_m, district_m, province_m, era, chosen, candidates) -> UnitRef:
    p, d, w = chosen
    commune = reg.communes[(era, p, w)]
    written, start, end = _span_text(text, commune_m, district_m, province_m)
    if era == "legacy":
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


def describe_key(key: str) -> str | None:
    """A reviewer's label for a key, for filter menus; None for an unknown key.

    >>> describe_key("legacy:08.073")
    'Huyện Chiêm Hóa, Tỉnh Tuyên Quang (trước 7/2025)'
    >>> describe_key("current:08")
    'Tỉnh Tuyên Quang'
    """
    reg = registry()
    era, _, code = key.partition(":")
    parts = code.split(".")
    try:
        if era == "legacy":
            names = [reg.provinces[("legacy", parts[0])].name]
            if len(parts) > 1:
                names.insert(0, reg.districts[(parts[0], parts[1])].name)
            if len(parts) > 2:
                names.insert(0, reg.communes[("legacy", parts[0], parts[2])].name)
            return ", ".join(names) + " (trước 7/2025)"
        if era == "current":
            names = [reg.provinces[("current", parts[0])].name]
            if len(parts) > 1:
                names.insert(0, reg.communes[("current", parts[0], parts[1])].name)
            return ", ".join(names)
    except KeyError:
        return None
    return None


# --------------------------------------------------------------------------- path hints

# Folder names archivists use that happen to spell a place without accents
# ("Van ban" = văn bản, not huyện Văn Bàn).
_FOLDER_WORDS = {name_key(w) for w in (
    "văn bản", "tài liệu", "báo cáo", "quyết định", "kế hoạch", "tổng hợp", "scan", "lưu trữ",
    "hồ sơ", "công văn", "thông báo", "nghị quyết", "đăng ký", "phụ lục", "khác", "mới", "cũ",
    "giao việc", "việc đột phá", "đột phá", "docs", "documents", "files", "pdf", "word", "ảnh")}
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")


def hints_from_path(path: str | PurePath) -> dict:
    """Year and unit from the folder names of an archive path (not the file name).

    Archivists file documents as "2019/Chiêm Hóa/QD-12.pdf" or "Năm 2019/Huyện Chiêm
    Hóa/…"; the innermost folder that is a year gives ``year``, the innermost one
    that is a known unit gives ``unit`` as written (and ``province`` when a folder
    names one). Zip files count as folders ("2019.zip/…").

    >>> hints_from_path("luu-tru/2019/Chiêm Hóa/qd-12.pdf")
    {'year': 2019, 'unit': 'Chiêm Hóa'}
    """
    parts = tuple([p for p in re.split(r"[\\/]+", str(path)) if p][:-1])
    return dict(_folder_hints(parts))


@lru_cache(maxsize=4096)
def _folder_hints(parts: tuple[str, ...]) -> tuple[tuple[str, object], ...]:
    """The hints of one chain of folders: an archive holds many files a folder, and
    resolving its names against the registry cost 3.5 ms a file (measured in ingest)."""
    hints: dict = {}
    for part in reversed(parts):
        name = re.sub(r"\.zip$", "", part, flags=re.IGNORECASE).replace("_", " ").strip()
        years = _YEAR.findall(name)
        if years and "year" not in hints:
            hints["year"] = int(years[0])
        label = re.sub(r"(?i)\bnăm\b", " ", _YEAR.sub(" ", name)).strip(" -.")
        if not re.search(r"[^\W\d_]{2,}", label):
            continue  # only a year ("2019", "Năm 2019") or a number
        if name_key(label) in _FOLDER_WORDS:
            continue
        ref = resolve_unit(label, year=hints.get("year"))
        # A folder name must be a unit's whole name ("Chiêm Hóa", "Xã Hòa Phú"); a
        # one-word name must also be unique. "Van ban" or "Tong hop" (common folder
        # words above) must not become communes. A name found in several provinces
        # ("Hòa Phú") is still a good hint: the document's own text settles it.
        if ref is None or (not find_mentions(label) and ref.text != label):
            continue
        if ref.key is None and len(label.split()) < 2:
            continue
        if ref.level == "province":
            hints.setdefault("province", label)
        else:
            hints.setdefault("unit", label)
    return tuple((k, hints[k]) for k in ("year", "unit", "province") if k in hints)


__all__ = ["UnitRef", "resolve_unit", "unit_keys", "describe_key", "hints_from_path", "accent_key", "find_mentions",
           "name_key", "registry", "REFORM_YEAR"]
