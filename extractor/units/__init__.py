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
dataset and its 2025 converter table), read directly: nothing here may download.

    >>> ref = resolve_unit("Phòng Nông nghiệp và PTNT huyện Chiêm Hóa", year=2021)
    >>> ref.district_name, ref.key
    ('Huyện Chiêm Hóa', 'legacy:08.073')
    >>> resolve_unit("UBND xã Chiêm Hóa", year=2026).key
    'legacy:08.073'

The package: :mod:`~extractor.units.registry` (the tables, :class:`UnitRef`),
:mod:`~extractor.units.resolve` (a unit as written to a :class:`UnitRef` and its keys)
and :mod:`~extractor.units.hints` (year and unit from an archive's folder names).
"""
from __future__ import annotations

# name_key (accent-, case- and spacing-free: "Chiêm Hoá" = "chiemhoa") and accent_key
# (spelt the same: "Hoà Phú" = "hòa phú", "Vĩnh" != "Vinh") are extractor.text's.
from extractor.text import name_key
from extractor.text import spelling_key as accent_key
from extractor.units.hints import hints_from_path
from extractor.units.registry import REFORM_YEAR, UnitRef, describe_key, registry
from extractor.units.resolve import find_mentions, resolve_unit, unit_keys

__all__ = ["REFORM_YEAR", "UnitRef", "accent_key", "describe_key", "find_mentions", "hints_from_path", "name_key",
           "registry", "resolve_unit", "unit_keys"]
