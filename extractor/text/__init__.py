"""Vietnamese text rules in one place: the syllable model, tone placement, case and
accent folding, and the keys built from them (issue 15).

Reading (:mod:`extractor.normalize`), the recognisers, duplicate keys
(:mod:`extractor.dedup.keys`), unit names (:mod:`extractor.units`) and the service's
search columns all use these functions; tests/text checks their keys agree.

    >>> from extractor.text import place_tones, fold_case, search_key, name_key
    >>> place_tones("Hoà"), fold_case("Uỷ ban"), search_key("Hòa Phú"), name_key("Hoà Phú")
    ('Hòa', 'ủy ban', 'hoa phu', 'hoaphu')
"""
from __future__ import annotations

from .folding import fold, fold_case, name_key, search_key, spelling_key, strip_accents, strip_marks
from .syllables import (
                        ACUTE,
                        DOT,
                        GRAVE,
                        HOOK,
                        TILDE,
                        TONES,
                        WORD_RE,
                        is_vietnamese_syllable,
                        normalize_tones,
                        place_tones,
                        split_tone,
)

__all__ = [
    "place_tones", "normalize_tones", "is_vietnamese_syllable", "split_tone", "WORD_RE",
    "GRAVE", "ACUTE", "HOOK", "TILDE", "DOT", "TONES",
    "fold_case", "spelling_key", "strip_marks", "strip_accents", "fold", "search_key", "name_key",
]
