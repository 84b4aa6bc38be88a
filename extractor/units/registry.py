"""The registry of administrative units before and after the 2025 reform, read once from
the offline tables shipped with ``vietnamadminunits`` (its SQLite dataset and its 2025
converter table), and :class:`UnitRef`, a unit placed in both maps.

We read those tables directly instead of calling ``convert_address``, because the
converter geocodes over the network (ArcGIS) when a split commune comes with a street,
and nothing here may download.

    >>> describe_key("legacy:08.073")
    'Huyện Chiêm Hóa, Tỉnh Tuyên Quang (trước 7/2025)'
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

from extractor.text import name_key

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

    def to_dict(self) -> dict[str, Any]:
        return {name: (list(getattr(self, name)) if isinstance(getattr(self, name), tuple)
                       else getattr(self, name)) for name in self.__slots__}


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


def _package_data() -> Traversable:
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


class Registry:
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
        out.add(name_key(strip_type(full_name)))
        out.add(name_key(full_name))
    for kw in json.loads(raw) if raw else []:
        out.add(kw)
    return {k for k in out if k}


_TYPE_PREFIX = re.compile(r"^(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\s+", re.IGNORECASE)


def strip_type(name: str) -> str:
    """A unit's name without its type word: "Huyện Chiêm Hóa" -> "Chiêm Hóa"."""
    return _TYPE_PREFIX.sub("", name.strip())


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry, loaded on first use and kept (read-only, safe to share)."""
    return Registry()


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
