"""One set of Vietnamese text rules (issue 15): tone placement, case and accent folding
are extractor.text's, and the keys built on them elsewhere agree with each other.

The search columns (service.storage.fold), the duplicate keys (extractor.dedup), the
unit keys (extractor.units) and the recognisers' folded text (extractor.recognize.text)
are checked on generated Vietnamese text in either tone placement and any case.
"""
from __future__ import annotations

import doctest
import importlib
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import normalize, units
from extractor.dedup import match_key
from extractor.recognize import text as recognize_text
from extractor.text import (
    ACUTE,
    DOT,
    TONES,
    fold,
    fold_case,
    is_vietnamese_syllable,
    name_key,
    place_tones,
    search_key,
    spelling_key,
    strip_marks,
)
from service.storage.fold import fold as service_fold

_ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph",
           "qu", "s", "t", "th", "tr", "v", "x"]
_NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uy", "uê", "ươ",
           "iê", "uô", "ai", "ao", "oi", "ơi", "ưa", "ua", "uyê", "oai", "ươi"]
_CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]


@st.composite
def syllables(draw) -> str:
    """A Vietnamese syllable, its tone mark on any vowel of its nucleus (so in either
    placement, or misplaced as a careless typist would), in any case."""
    onset = draw(st.sampled_from(_ONSETS))
    nucleus = draw(st.sampled_from(_NUCLEI))
    coda = draw(st.sampled_from(_CODAS))
    bare = onset + nucleus + coda
    if not is_vietnamese_syllable(bare):
        onset, nucleus, coda = (onset, nucleus, "") if is_vietnamese_syllable(onset + nucleus) else ("b", "a", "n")
        bare = onset + nucleus + coda
    tone = draw(st.sampled_from((None,) + TONES))
    if coda in ("c", "ch", "p", "t") and tone not in (None, ACUTE, DOT):
        tone = ACUTE
    word = bare
    if tone is not None:
        at = draw(st.sampled_from(range(len(onset), len(onset) + len(nucleus))))
        word = unicodedata.normalize("NFC", bare[:at + 1] + tone + bare[at + 1:])
    case = draw(st.sampled_from(("lower", "title", "upper")))
    return {"lower": word, "title": word[:1].upper() + word[1:], "upper": word.upper()}[case]


texts = st.lists(syllables(), min_size=1, max_size=8).map(" ".join)


@given(syllables())
@settings(max_examples=400, deadline=None)
def test_tone_placement_is_idempotent_and_keeps_length(word):
    placed = place_tones(word)
    assert len(placed) == len(word)
    assert place_tones(placed) == placed
    assert strip_marks(placed) == strip_marks(word)  # only the place of a mark moves


@given(texts)
@settings(max_examples=300, deadline=None)
def test_search_dedup_and_unit_keys_agree(text):
    placed = " ".join(map(place_tones, text.split()))
    key = match_key(text)
    # Accent-free keys: the search column, the unit key and the duplicate key's
    # unmarked words are one folding, whichever tone placement the text used.
    assert service_fold(text) == search_key(text) == search_key(placed) == fold(text)
    assert units.name_key(text) == name_key(text) == search_key(text).replace(" ", "")
    assert key.plain == search_key(text)
    assert normalize.fold(text) == fold(text)
    # Keys with marks: the duplicate key's words, the unit's spelling key and the
    # recognisers' folded text are the same old-placement lower case.
    assert key.text == spelling_key(text) == units.accent_key(placed) == spelling_key(placed)
    assert recognize_text.fold(text) == fold_case(text) == fold_case(placed) == spelling_key(text)
    assert match_key(placed).tokens == key.tokens


@pytest.mark.parametrize(("old", "new"), [("hòa", "hoà"), ("Thủy", "Thuỷ"), ("khỏe", "khoẻ"), ("Ủy ban", "Uỷ ban"),
                                          ("Tùy", "Tuỳ")])
def test_the_old_placement_is_kept(old, new):
    # old placement: the mark on the first vowel of an open oa, oe, uy; new: on the second
    assert normalize.normalize_text(new)[0] == old
    assert fold_case(new) == old.lower() == spelling_key(new)
    assert match_key(new).text == old.lower()


@pytest.mark.parametrize("word", ["hoàn", "quý", "Quỳnh", "toán", "thuở", "người", "khuya"])
def test_marks_already_in_place_stay(word):
    assert place_tones(word) == word
    assert fold_case(word) == word.lower()


def test_accents_tell_names_apart_until_dropped():
    assert spelling_key("Vĩnh Hội") != spelling_key("Vinh Hội")
    assert search_key("Vĩnh Hội") == search_key("Vinh Hoi") == "vinh hoi"
    assert name_key("Vĩnh Hội") == name_key("vinh-hoi")


@pytest.mark.parametrize("name", ["extractor.text", "extractor.text.syllables", "extractor.text.folding"])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
