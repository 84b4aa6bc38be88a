"""Normalisation: NFC, tone placement, whitespace, hyphenation, legacy encodings, quality."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize import (
    decode_bytes,
    decode_legacy,
    encode_legacy,
    fold,
    is_vietnamese_syllable,
    normalize_line,
    normalize_text,
    place_tones,
    vietnamese_quality,
)

from read_helpers import SENTENCE, cp1258

# Syllables in both conventions, and ones whose mark must not move.
SYLLABLES = ("hoà hòa thuỷ thủy uỷ ủy khoẻ xoè tuỳ Thuỵ hoạ oà Hoá loà quý quỳnh gìn giữ thuở hoàn "
             "toán ngoài người mùa của quả quốc giường Nguyễn Việt tiếng uyển khuya khuỷu thuyền "
             "Huế chuyện hoặc ưu rượu Khánh Đồng Mạ đảng uỷ Quảng Trị").split()

VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
TONED = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
vi_text = st.text(alphabet=VI_LETTERS + TONED + TONED.upper() + " \n\t-.,;:0123456789", max_size=200)


def test_tone_placement_matches_underthesea():
    """Our per-syllable placement agrees with underthesea.text_normalize (the reference
    convention, slow and tokenising) on every syllable of the list."""
    underthesea = pytest.importorskip("underthesea")
    for word in SYLLABLES:
        reference = underthesea.text_normalize(word)
        if reference != word or place_tones(word) == word:
            assert place_tones(word) == reference, word
        else:
            # underthesea maps only the syllables in its table; the rule goes further
            assert word in ("loà",), word
            assert place_tones(word) == "lòa"


def test_old_convention_and_offsets():
    text, fixes = normalize_text("Xã Hoà Phú, huyện Chiêm Hoá, thuỷ lợi")
    assert text == "Xã Hòa Phú, huyện Chiêm Hóa, thủy lợi"
    assert [f.kind for f in fixes] == ["tone_placement"]
    # moving a tone never changes the length, so offsets computed before stay valid
    assert len(text) == len("Xã Hoà Phú, huyện Chiêm Hoá, thuỷ lợi")


def test_nfd_input_is_composed():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Hiếu")
    text, fixes = normalize_text(decomposed)
    assert text == "Nguyễn Văn Hiếu"
    assert "nfc" in [f.kind for f in fixes]


def test_whitespace_and_hyphenation():
    text, _ = normalize_text("  Ủy   ban\u00a0nhân\tdân \r\n\r\n\r\n\r\nphát-\ntriển kinh tế inter-\nnet ")
    assert text == "Ủy ban nhân dân\n\nphát triển kinh tế internet"
    assert normalize_line(" a\n b\t c ") == "a b c"
    # a dash between years is not a line-end hyphen
    assert normalize_text("giai đoạn 2021 -\n2025")[0] == "giai đoạn 2021 -\n2025"


def test_private_use_bullets_become_dashes():
    assert normalize_text("\uf0b7 Trồng rừng")[0] == "- Trồng rừng"


@given(vi_text)
@settings(max_examples=300, deadline=None)
def test_normalize_is_idempotent_and_nfc(s):
    once, _ = normalize_text(s)
    assert normalize_text(once) == (once, [])
    assert unicodedata.is_normalized("NFC", once)


@given(vi_text)
@settings(max_examples=300, deadline=None)
def test_normalize_is_stable_under_nfd_input(s):
    assert normalize_text(unicodedata.normalize("NFD", s))[0] == normalize_text(s)[0]


@given(st.text(alphabet=VI_LETTERS + TONED, min_size=1, max_size=8))
@settings(max_examples=300, deadline=None)
def test_place_tones_keeps_length_and_letters(word):
    out = place_tones(word)
    assert len(out) == len(word)
    assert fold(out) == fold(word)


def test_fold():
    assert fold("Hòa Phú") == "hoa phu"
    assert fold("  ĐẢNG ủy  Xã ") == "dang uy xa"
    assert fold("hoà") == fold("hòa")


def test_is_vietnamese_syllable():
    for w in ("Nguyễn", "người", "UBND".lower()[:0] or "xã", "khuỷu", "quốc", "gìn"):
        assert is_vietnamese_syllable(w), w
    for w in ("bzn", "dânq", "Ngụyễn", "cát̀", "tràc", "xyz", "hello"):
        assert not is_vietnamese_syllable(w), w


def test_vietnamese_quality():
    assert vietnamese_quality("Ủy ban nhân dân xã Hòa Phú, UBND huyện Chiêm Hóa") == 1.0
    # what Tesseract makes of a page on its side: confident nonsense
    assert vietnamese_quality("161 TẸP 2ÔTA TẸP uoÁ£nBN q2 Bưọp :qtaq §0H ueA 081 NH1") < 0.5
    # diacritics lost: still letters, but fewer valid syllables
    assert vietnamese_quality("Uy ban nhan dan xa Hoa Phu") >= vietnamese_quality("Ủy bàn nhãng dâñ xa Hoã Phưu") - 1
    assert vietnamese_quality("") == 0.0


# Text that TCVN3 can carry: it has no toned capitals (ABC used capital fonts for them).
tcvn3_text = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxy" + TONED + "ĂÂÊÔƠƯĐ BCDGHKLMNPQRSTVX .,;:-", max_size=120)
vni_text = st.text(alphabet=VI_LETTERS + TONED + TONED.upper() + " .,;:-", max_size=120)
WORDS = ("ủy ban nhân dân xã huyện tỉnh đồng chí giao việc đột phá năm giai đoạn thực hiện "
         "hoàn thành đường giao thông nông thôn trồng rừng kết nạp đảng viên mới xây dựng "
         "chủ tịch bí thư phó trưởng phòng tài chính nguyễn trần lê thị văn hòa phú chiêm "
         "quốc gia người dân thủy lợi khuyến khích được các và của cho").split()
# Vietnamese as written: most syllables carry a mark, and not all the same one. Text with
# one marked word ("ban ban ban bí bí bí") reads as well in either legacy encoding, and no
# reader can tell which it was.
sentences = st.lists(st.sampled_from(WORDS), min_size=6, max_size=40).map(" ".join).filter(
    lambda s: len({w for w in s.split() if not w.isascii()}) >= 3)


@given(tcvn3_text)
@settings(max_examples=200, deadline=None)
def test_tcvn3_tables_round_trip(s):
    s = unicodedata.normalize("NFC", s)
    assert decode_legacy(encode_legacy(s, "tcvn3"), encoding="tcvn3") == (s, "tcvn3")


@given(vni_text)
@settings(max_examples=200, deadline=None)
def test_vni_tables_round_trip(s):
    s = unicodedata.normalize("NFC", s)
    assert decode_legacy(encode_legacy(s, "vni"), encoding="vni") == (s, "vni")


@given(sentences, st.sampled_from(["tcvn3", "vni"]))
@settings(max_examples=200, deadline=None)
def test_legacy_detection_round_trip(s, enc):
    """Vietnamese text we encode ourselves is detected as what it is and comes back."""
    data = encode_legacy(s, enc)
    if data == s.encode():  # nothing but ASCII letters: nothing to detect
        return
    assert decode_legacy(data) == (s, enc)
    assert decode_bytes(data) == (s, enc)


def test_legacy_detection_on_real_sentences():
    for enc in ("tcvn3", "vni"):
        data = encode_legacy(SENTENCE, enc)
        text, found = decode_bytes(data)
        assert found == enc
        expected = SENTENCE if enc == "vni" else SENTENCE.replace("Ủy", "ủy")  # no toned capitals in TCVN3
        assert text == expected
        # the same legacy text saved again as UTF-8 (opened as Latin-1, then saved)
        text2, found2 = decode_bytes(data.decode("cp1252").encode("utf-8"))
        assert (text2, found2) == (expected, enc)


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "windows-1258"])
def test_decode_bytes_unicode_and_windows_1258(codec):
    data = cp1258(SENTENCE) if codec == "windows-1258" else SENTENCE.encode(codec)
    text, found = decode_bytes(data)
    assert text == SENTENCE
    assert found == {"utf-16-le": "utf-16"}.get(codec, codec)


def test_plain_utf8_is_not_taken_for_legacy():
    for s in ("Café crème brûlée, naïve façade", "Họ và tên: Đỗ Văn Hiếu", "Số: 30-QĐ/TU ngày 01/3/2022"):
        assert decode_bytes(s.encode())[0] == s


@pytest.mark.parametrize("line, read, fixed", [
    # Tesseract reads "Đảng" as "Đẳng" about once in five on an office scan: a title holding
    # it ("Bí thư Đẳng ủy xã") is no title. "đẳng" in its compounds is a word of its own.
    ("Đồng chí Hà Văn Sơn, Bí thư Đẳng ủy xã, Ủy viên BCH Đẳng bộ huyện; bình đẳng giới, cao đẳng",
     "Đồng chí Hà Văn Sơn, Bí thư Đảng ủy xã, Ủy viên BCH Đảng bộ huyện; bình đẳng giới, cao đẳng", 2),
    # a marked vowel written as a capital inside a word ("y tẾ", "vỆ sinh"), and the I of the
    # Highlands' "Ia" as an l ("xã la Grai"): no words of the language, and a task's text
    # must match its next reading
    ("Thu hút 3 bác sĩ về trạm y tẾ xã la Grai; nâng tỷ lệ hộ dùng nước hợp vỆ sinh; ứng dụng eKYC, mRNA; "
     "2 triệu đô la Mỹ",
     "Thu hút 3 bác sĩ về trạm y tế xã Ia Grai; nâng tỷ lệ hộ dùng nước hợp vệ sinh; ứng dụng eKYC, mRNA; "
     "2 triệu đô la Mỹ", 3),
    # ";" read as ":" after a list's items: two tasks ran into one
    ("Đồng chí Cao Anh Hậu được giao: xóa thôn trắng đảng viên; cấp giấy cho 120 hộ còn tồn đọng: thu hút "
     "doanh nghiệp đầu tư. Ghi chú: Đồng ý; Nội dung: Xây chợ.",
     "Đồng chí Cao Anh Hậu được giao: xóa thôn trắng đảng viên; cấp giấy cho 120 hộ còn tồn đọng; thu hút "
     "doanh nghiệp đầu tư. Ghi chú: Đồng ý; Nội dung: Xây chợ.", 1),
])
def test_ocr_slips_are_read_back_but_typed_text_is_kept(line, read, fixed):
    from extractor.read.layout import PageBuilder

    scanned = PageBuilder(1, ocr=True)
    scanned.add_block("paragraph", line)
    assert scanned.page(ocr=True).text == read
    assert any(f.kind == "ocr_word" and f"{fixed} word" in f.detail for f in scanned_fixes(scanned))
    typed = PageBuilder(1)
    typed.add_block("paragraph", line)
    assert typed.page().text == line


def scanned_fixes(builder):
    from extractor.normalize import fixes_from_counts

    return fixes_from_counts(builder.fix_counts)


def test_a_fraction_slash_ocr_wrote_is_a_slash_and_the_period_reads_through():
    from extractor.normalize import normalize_text
    from extractor.recognize.periods import find_periods

    text, fixes = normalize_text("Ông Hà Quốc Dương cho biết, quý I\u20442017 ông được giao bốn việc đột phá")
    assert [(p.first, p.last) for p in find_periods(text)] == [(2017, 2017)]
    assert any(f.kind == "lookalike" for f in fixes)
