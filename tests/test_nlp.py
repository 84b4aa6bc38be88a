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


def test_tokenizer_is_safe_when_threads_make_the_first_call_together():
    """underthesea builds its model on first use; threads racing there used to crash
    ("'NoneType' object has no attribute 'process'"). A fresh process, so the model is cold."""
    import subprocess
    import sys

    script = (
        "import threading\n"
        "from extractor.nlp import blank_vi\n"
        "nlp = blank_vi()\n"
        "errors = []\n"
        "def go():\n"
        "    try:\n"
        "        nlp('Năm 2023, đồng chí Lò Văn Pảng, Chủ tịch UBND xã được giao 2 việc')\n"
        "    except Exception as err:\n"
        "        errors.append(repr(err))\n"
        "threads = [threading.Thread(target=go) for _ in range(4)]\n"
        "[t.start() for t in threads]\n"
        "[t.join() for t in threads]\n"
        "print(len(errors)); print(errors)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "0", out.stdout
