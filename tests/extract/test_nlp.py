"""The spaCy language: underthesea words mapped back onto the exact text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.nlp import blank_vi, load_nlp

VI = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
text = st.text(alphabet=st.sampled_from(list(VI + VI.upper() + " \n\t.,;:-–()0123456789/\"“”")), max_size=200)

_nlp = blank_vi()


@settings(max_examples=150, deadline=None)
@given(text)
def test_tokenizer_keeps_text_exactly(s):
    doc = _nlp(s)
    assert doc.text == s
    for tok in doc:
        assert s[tok.idx:tok.idx + len(tok.text)] == tok.text


def test_words_are_underthesea_words():
    assert [t.text for t in _nlp("Chủ tịch UBND xã Hòa Phú được giao việc đột phá")][:2] == ["Chủ tịch", "UBND"]


def test_pipeline_marks_titles_names_periods():
    nlp = load_nlp()
    doc = nlp("Năm 2021, đồng chí Ma Trọng Long, Chủ tịch UBND xã Hòa Phú được giao 3 việc đột phá.")
    assert [s.text for s in doc.spans["names"]] == ["Ma Trọng Long"]
    assert any(s.text.startswith("Chủ tịch UBND xã Hòa Phú") for s in doc.spans["titles"])
    assert [s.text for s in doc.spans["periods"]] == ["Năm 2021"]
    assert "giaoviec_linker" in nlp.pipe_names
