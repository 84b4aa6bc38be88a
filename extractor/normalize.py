"""Normalise Vietnamese text: NFC, one tone placement, whitespace, hyphenation,
legacy encodings (TCVN3/ABC, VNI), and a score of how Vietnamese a text is.

Tone placement (the old one: "hòa", "thủy", never "hoà", "thuỷ"), the syllable model
and accent folding are :mod:`extractor.text`'s; this module applies them to a page and
keeps what it did as :class:`Fix` records. Tone placement only moves a mark between
letters of one syllable, so the NFC text keeps its length and every offset computed on
it stays valid.

    >>> normalize_text("Xã  Hoà Phú, huyện Chiêm Hoá")[0]
    'Xã Hòa Phú, huyện Chiêm Hóa'
    >>> fold("Hòa Phú")
    'hoa phu'
"""
from __future__ import annotations

import re
import unicodedata

from .records import Fix
from .text import ACUTE, DOT, GRAVE, HOOK, TILDE, TONES, WORD_RE, fold, is_vietnamese_syllable, place_tones, split_tone

__all__ = [
    "normalize_text", "normalize_counts", "fixes_from_counts", "normalize_line", "place_tones", "fold",
    "vietnamese_quality",
    "is_vietnamese_syllable", "decode_legacy", "decode_bytes", "encode_legacy",
]

# --------------------------------------------------------------------------- letters

# The syllable model and tone placement live in extractor.text (one rule, one place).
_TONE_SET = frozenset(TONES)
_WORD_RE = WORD_RE
_split_tone = split_tone


# --------------------------------------------------------------------------- normalise

_HSPACE_RE = re.compile(r"[^\S\n]+")  # horizontal whitespace (incl. tabs, NBSP)
_MANY_NL_RE = re.compile(r"\n{3,}")
_HYPHEN_BREAK_RE = re.compile(r"(\w)-[^\S\n]*\n[^\S\n]*(\w+)", re.UNICODE)
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\ufeff]")
# Symbol/Wingdings bullets come out of Word and PDF as private-use characters.
_PUA_RE = re.compile("[\ue000-\uf8ff]")
# Letters drawn as Vietnamese đ/Đ but another code point: the Icelandic eth (Tesseract
# writes "QÐ" for "QĐ"; so do some legacy fonts) and the African D. A search for "Đồng
# chí", "QĐ-UBND" or a name would miss them. One character for one: offsets hold.
# the eth and the African D for đ/Đ; the fraction and division slashes for "/" ("quý I⁄2017"
# as Tesseract writes it: no period or number reads through them)
_LOOKALIKE = str.maketrans({"\u00d0": "\u0110", "\u0189": "\u0110", "\u00f0": "\u0111", "\u0256": "\u0111",
                            "\u2044": "/", "\u2215": "/"})


def _dehyphenate(text: str) -> str:
    def join(m: re.Match[str]) -> str:
        # A word cut by a hyphen at the end of a line: Vietnamese breaks between syllables,
        # so two syllables are rejoined with a space; a foreign word ("inter-net") without.
        start = text.rfind(" ", 0, m.start(1)) + 1
        start = max(start, text.rfind("\n", 0, m.start(1)) + 1)
        left = text[start: m.start(1) + 1]
        right = m.group(2)
        if m.group(1).isdigit() or right[0].isdigit() or (left.isupper() and right.isupper()):
            return f"{m.group(1)}-{right}"  # a date or a code broken at its own hyphen: "8-11-2025", "HĐND-UBND"
        if is_vietnamese_syllable(left) and is_vietnamese_syllable(right):
            return f"{m.group(1)} {right}"
        return f"{m.group(1)}{right}"

    return _HYPHEN_BREAK_RE.sub(join, text)


def normalize_line(s: str) -> str:
    """Normalise a one-line value (a paragraph, a table cell): like :func:`normalize_text`
    but every run of whitespace, newlines included, becomes one space.

        >>> normalize_line("  Ủy ban\\n nhân   dân ")
        'Ủy ban nhân dân'
    """
    text, _ = normalize_text(s)
    return " ".join(text.split())


def normalize_counts(s: str) -> tuple[str, dict[str, int]]:
    """:func:`normalize_text` with the fixes as counts per kind (for summing over pages).

        >>> normalize_counts("Hoà  Phú, thuỷ lợi")
        ('Hòa Phú, thủy lợi', {'whitespace': 1, 'tone_placement': 2})
        >>> normalize_counts("Theo QÐ này")  # an eth, as Tesseract writes it
        ('Theo QĐ này', {'lookalike': 1})
        >>> normalize_counts("quý I\u20442017")  # a fraction slash, as Tesseract writes it
        ('quý I/2017', {'lookalike': 1})
    """
    counts: dict[str, int] = {}
    text = unicodedata.normalize("NFC", s)
    if text != s:
        counts["nfc"] = 1
    before = text
    text = _INVISIBLE_RE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _PUA_RE.sub("-", text)
    text = text.replace("\f", "\n").replace("\v", "\n")
    text = _HSPACE_RE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_NL_RE.sub("\n\n", text).strip()
    if text != before:
        counts["whitespace"] = 1
    letters = text.translate(_LOOKALIKE)
    if letters != text:
        counts["lookalike"] = sum(a != b for a, b in zip(letters, text, strict=True))
        text = letters
    if "-" in text and "\n" in text:
        joined = _dehyphenate(text)
        if joined != text:
            counts["dehyphenate"] = 1
            text = joined
    changed = 0

    def retone(m: re.Match[str]) -> str:
        nonlocal changed
        word = m.group(0)
        if word.isascii():  # no tone mark to move
            return word
        new = place_tones(word)
        if new != word:
            changed += 1
        return new

    text = _WORD_RE.sub(retone, text)
    # Re-composition can only be needed if a mark stood alone; keep NFC as the invariant.
    text = unicodedata.normalize("NFC", text)
    if changed:
        counts["tone_placement"] = changed
    return text, counts


# Tesseract's vie model reads "Đảng" (the Party: "Bí thư Đảng ủy", "Trung ương Đảng", in
# most titles of these documents) as "Đẳng" about once in five on an office scan (real
# documents of ../shared typed, printed and scanned: 39 of 178), and a title with "Đẳng" in it
# is no title. "đẳng" is a word only in a few compounds ("bình đẳng", "cao đẳng", "đẳng
# cấp"), which are kept; so is a text typed, not read by OCR.
_DANG = re.compile(r"(?<!\w)(đẳng|Đẳng|ĐẲNG)(?!\w)")
_DANG_COMPOUND_BEFORE = frozenset("bình cao đồng siêu thượng hạ sơ tương ưu biệt bậc hạng ngang".split())
_DANG_COMPOUND_AFTER = frozenset("cấp thức hướng nhiệt áp trị tích phương lập tính".split())
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_WORD_AFTER = re.compile(r"^\W*(\w+)")


_WORD = re.compile(r"[^\W\d_]{2,}")
# "xã la Grai", "huyện la Pa": the capital I of the Highlands' "Ia" read as an l. A small
# "la" before a name is no word of a sentence ("la bàn", "la hét" go on in lower case)
_IA = re.compile(r"(?<![\w'’])(?<!đô )(?<!Đô )la(?= [A-ZĐ][^\W\d_]*(?:[\s,.;:)]|$))")
_COLON_AFTER_ITEMS = re.compile(r"(;[^.!?\n:;]*?):(\s*\w)")


def fix_ocr_words(text: str) -> tuple[str, int]:
    """Words OCR misreads the same way again and again, read back: "Đẳng" for "Đảng"
    outside the compounds "đẳng" makes. (text, words changed); one letter for one, so
    offsets hold. For OCR'd text only.

    >>> fix_ocr_words("Bí thư Đẳng ủy xã, Ủy viên Trung ương ĐẲNG; trường cao đẳng, bình đẳng giới")
    ('Bí thư Đảng ủy xã, Ủy viên Trung ương ĐẢNG; trường cao đẳng, bình đẳng giới', 2)
    >>> fix_ocr_words("trạm y tẾ, nước hợp vỆ sinh; eKYC, mRNA, iPhone, Đảng, UBND")
    ('trạm y tế, nước hợp vệ sinh; eKYC, mRNA, iPhone, Đảng, UBND', 2)
    >>> fix_ocr_words("hợp tác xã tại la Grai, huyện la Pa; la bàn, La Văn Cầu, 2 triệu đô la Mỹ")
    ('hợp tác xã tại Ia Grai, huyện Ia Pa; la bàn, La Văn Cầu, 2 triệu đô la Mỹ', 2)
    >>> fix_ocr_words("giao: xóa nhà tạm; cấp giấy cho 120 hộ: thu hút đầu tư; Ghi chú: Đồng ý")
    ('giao: xóa nhà tạm; cấp giấy cho 120 hộ; thu hút đầu tư; Ghi chú: Đồng ý', 1)
    """
    n = 0

    def back(m: re.Match[str]) -> str:
        nonlocal n
        before = _WORD_BEFORE.search(text[max(0, m.start() - 30):m.start()])
        after = _WORD_AFTER.search(text[m.end():m.end() + 30])
        if (before and before.group(1).lower() in _DANG_COMPOUND_BEFORE) or \
                (after and after.group(1).lower() in _DANG_COMPOUND_AFTER):
            return m.group(0)
        n += 1
        return {"đẳng": "đảng", "Đẳng": "Đảng", "ĐẲNG": "ĐẢNG"}[m.group(0)]

    # "y tẾ", "vỆ sinh": a capital with a mark inside a word begun in lower case is the
    # engine's slip (no acronym puts a Vietnamese vowel in capitals after a small letter:
    # "eKYC", "mRNA" stay)
    def lower(m: re.Match[str]) -> str:
        nonlocal n
        w = m.group(0)
        if not w[0].islower() or not any(ch.isupper() and not ch.isascii() for ch in w[1:]):
            return w
        n += 1
        return w[0] + "".join(ch.lower() if not ch.isascii() else ch for ch in w[1:])

    # "…; cấp giấy cho 120 hộ còn tồn đọng: thu hút …": a colon after a ';' of the same
    # sentence, going on in lower case, is a ';' the engine misread (a colon opens a list,
    # it does not come after its items)
    def semicolon(m: re.Match[str]) -> str:
        nonlocal n
        if not m.group(2).strip()[:1].islower():
            return m.group(0)
        n += 1
        return m.group(1) + ";" + m.group(2)

    def ia(m: re.Match[str]) -> str:
        nonlocal n
        n += 1
        return "I" + m.group(0)[1:]

    text = _WORD.sub(lower, _DANG.sub(back, text))
    text = _IA.sub(ia, text)
    return _COLON_AFTER_ITEMS.sub(semicolon, text), n


_FIX_DETAILS = {
    "nfc": "composed to Unicode NFC",
    "whitespace": "collapsed whitespace",
    "dehyphenate": "joined words cut by a hyphen at a line end",
    "tone_placement": "{n} syllable(s) to hòa/thủy placement",
    "lookalike": "{n} look-alike character(s) to Vietnamese đ/Đ or '/'",
    "ocr_word": "{n} word(s) OCR misreads read back ('Đẳng' → 'Đảng', 'tẾ' → 'tế', "
                "':' → ';' after a list's items, 'la Grai' → 'Ia Grai')",
}


def fixes_from_counts(counts: dict[str, int]) -> list[Fix]:
    """Explained :class:`Fix` records from counts per kind (see :func:`normalize_counts`)."""
    return [Fix(kind, _FIX_DETAILS[kind].format(n=n)) for kind, n in counts.items() if n and kind in _FIX_DETAILS]


def normalize_text(s: str) -> tuple[str, list[Fix]]:
    """NFC, one tone placement, whitespace collapsed, line-end hyphens joined.

    Returns the text and the list of :class:`Fix` made (empty when nothing changed).
    Idempotent: ``normalize_text(normalize_text(s)[0])[0] == normalize_text(s)[0]``.

        >>> text, fixes = normalize_text("Thuỷ  lợi\\r\\n")
        >>> text, [f.kind for f in fixes]
        ('Thủy lợi', ['whitespace', 'tone_placement'])
    """
    text, counts = normalize_counts(s)
    return text, fixes_from_counts(counts)


def vietnamese_quality(text: str) -> float:
    """Share of the words in ``text`` that are valid Vietnamese syllables, 0..1.

    Used to flag OCR pages that Tesseract read confidently but wrongly (lost or wrong
    diacritics give impossible syllables). Acronyms in capitals (UBND, HĐND) and numbers
    are not counted either way. A text with no words scores 0.

        >>> vietnamese_quality("Ủy ban nhân dân xã Hòa Phú")
        1.0
        >>> vietnamese_quality("Uy bzn nhãn dânq") < 0.8
        True
    """
    good = total = 0
    for m in _WORD_RE.finditer(text):
        word = m.group(0)
        if word.isupper() and not is_vietnamese_syllable(word):
            continue  # acronym (UBND, HĐND, QĐ, TU) or an initial (Nguyễn Văn A)
        total += 1
        if is_vietnamese_syllable(word):
            good += 1
    return good / total if total else 0.0


# --------------------------------------------------------------------------- legacy encodings

# TCVN 5712:1993 "VN3" (the ABC fonts .VnTime...): one byte per letter. Capitals with a
# tone do not exist in it (ABC used separate capital fonts, .VnTimeH), so they decode to
# lower case; the seven plain capitals Ă Â Ê Ô Ơ Ư Đ do exist.
_TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

# VNI Windows: a base ASCII vowel followed by one mark byte (read as Windows-1252); ơ, ư,
# đ and the toned i / ỵ are single bytes. Mark bytes differ for lower and upper case.
_VNI_MARKS_LOWER = {
    0xF9: ACUTE, 0xF8: GRAVE, 0xFB: HOOK, 0xF5: TILDE, 0xEF: DOT,
    0xE2: "\u0302", 0xE1: "\u0302" + ACUTE, 0xE0: "\u0302" + GRAVE, 0xE5: "\u0302" + HOOK,
    0xE3: "\u0302" + TILDE, 0xE4: "\u0302" + DOT,
    0xEA: "\u0306", 0xE9: "\u0306" + ACUTE, 0xE8: "\u0306" + GRAVE, 0xFA: "\u0306" + HOOK,
    0xFC: "\u0306" + TILDE, 0xEB: "\u0306" + DOT,
}
_VNI_MARKS_UPPER = {b - 0x20: m for b, m in _VNI_MARKS_LOWER.items()}
_VNI_SINGLE = {
    0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư", 0xF1: "đ", 0xD1: "Đ",
    0xED: "í", 0xEC: "ì", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị",
    0xCD: "Í", 0xCC: "Ì", 0xC6: "Ỉ", 0xD3: "Ĩ", 0xD2: "Ị",
    0xEE: "ỵ", 0xCE: "Ỵ",
}


def _byte_char(b: int) -> str:
    """The character a legacy byte shows as when the text was read as Windows-1252."""
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


_TCVN3_DECODE = {_byte_char(b): u for b, u in _TCVN3.items()}
_TCVN3_ENCODE = {u: b for b, u in _TCVN3.items()}
_VNI_MARK_CHARS = {_byte_char(b): m for b, m in {**_VNI_MARKS_LOWER, **_VNI_MARKS_UPPER}.items()}
_VNI_LOWER_MARK_CHARS = {_byte_char(b) for b in _VNI_MARKS_LOWER}
_VNI_SINGLE_CHARS = {_byte_char(b): u for b, u in _VNI_SINGLE.items()}
_VNI_BASES = set("aeouyAEOUY") | {"ơ", "ư", "Ơ", "Ư"}
_VNI_ENCODE_SINGLE = {u: _byte_char(b) for b, u in _VNI_SINGLE.items()}
_VNI_ENCODE_MARKS = {("".join(sorted(m)), upper): _byte_char(b)
                     for table, upper in ((_VNI_MARKS_LOWER, False), (_VNI_MARKS_UPPER, True))
                     for b, m in table.items()}


def _decode_tcvn3(text: str) -> str:
    return "".join(_TCVN3_DECODE.get(ch, ch) for ch in text)


def _decode_vni(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        base = _VNI_SINGLE_CHARS.get(ch, ch) if ch in ("ô", "Ô", "ö", "Ö") else ch
        if base in _VNI_BASES and i + 1 < n and text[i + 1] in _VNI_MARK_CHARS \
                and (text[i + 1] in _VNI_LOWER_MARK_CHARS) == base.islower():
            # VNI writes lower-case marks after lower-case vowels and capital marks after capitals
            mark = _VNI_MARK_CHARS[text[i + 1]]
            if base in ("ơ", "ư", "Ơ", "Ư") and not all(c in _TONE_SET for c in mark):
                out.append(base)  # ơ/ư take no circumflex or breve: not a mark here
                i += 1
                continue
            if ("\u0306" in mark and base.lower() != "a") or ("\u0302" in mark and base.lower() not in "aeo"):
                out.append(base)
                i += 1
                continue
            # a circumflex/breve mark sits before the tone in NFD order
            out.append(unicodedata.normalize("NFC", base + mark))
            i += 2
            continue
        out.append(_VNI_SINGLE_CHARS.get(ch, ch))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode Unicode Vietnamese into ``"tcvn3"`` or ``"vni"`` bytes (for tests and fixtures).

    TCVN3 has no toned capitals: they are written in lower case, as ABC fonts did.

        >>> encode_legacy("Việt Nam", "vni").decode("cp1252")
        'Vieät Nam'
    """
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    if encoding == "tcvn3":
        for ch in text:
            if ch in _TCVN3_ENCODE:
                out.append(_byte_char(_TCVN3_ENCODE[ch]))
            elif ch.lower() in _TCVN3_ENCODE and ch.lower() != ch:
                out.append(_byte_char(_TCVN3_ENCODE[ch.lower()]))
            else:
                out.append(ch)
        return "".join(out).encode("cp1252")
    if encoding == "vni":
        for ch in text:
            if ch in _VNI_ENCODE_SINGLE:
                out.append(_VNI_ENCODE_SINGLE[ch])
                continue
            d = unicodedata.normalize("NFD", ch)
            base, marks = d[0], d[1:]
            if not marks or base not in "aeouyAEOUYiI":
                out.append(ch)
                continue
            upper = base.isupper()
            if marks.startswith("\u031b"):  # horn: ơ / ư are single bytes, tone follows
                out.append(_VNI_ENCODE_SINGLE[unicodedata.normalize("NFC", base + "\u031b")])
                marks = marks[1:]
                if marks:
                    out.append(_VNI_ENCODE_MARKS[("".join(sorted(marks)), upper)])
                continue
            key = ("".join(sorted(marks)), upper)
            if key not in _VNI_ENCODE_MARKS:  # i with a tone has its own byte (handled above)
                out.append(ch)
                continue
            out.append(base)
            out.append(_VNI_ENCODE_MARKS[key])
        return "".join(out).encode("cp1252")
    raise ValueError(f"unknown legacy encoding {encoding!r}: use 'tcvn3' or 'vni'")


def _legacy_marker_share(text: str, markers: set[str]) -> float:
    letters = sum(1 for ch in text if ch.isalpha())
    return sum(1 for ch in text if ch in markers) / letters if letters else 0.0


def decode_legacy(data: bytes | str, encoding: str | None = None) -> tuple[str, str | None]:
    """Detect text typed in TCVN3 (ABC) or VNI and convert it to Unicode.

    ``data`` is raw bytes or text that was decoded as Windows-1252/Latin-1. Returns the
    converted text and ``"tcvn3"`` / ``"vni"``, or the text unchanged and ``None`` when
    it is not legacy-encoded (the better-scoring reading wins, by :func:`vietnamese_quality`).
    ``encoding="tcvn3"`` or ``"vni"`` skips detection and converts.

        >>> decode_legacy("Ch\\xf1 t\\xdech UBND x\\xb7")
        ('Chủ tịch UBND xã', 'tcvn3')
    """
    if isinstance(data, bytes):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    else:
        text = data
    if encoding is not None:
        converters = {"tcvn3": _decode_tcvn3, "vni": _decode_vni}
        if encoding not in converters:
            raise ValueError(f"unknown legacy encoding {encoding!r}: use 'tcvn3' or 'vni'")
        return converters[encoding](text), encoding
    base_q = vietnamese_quality(text)
    # Bytes read as Windows-1252 are rarely Vietnamese on their own, so a legacy reading
    # that scores as well wins; text already decoded must be clearly improved.
    best, best_enc, best_q = text, None, base_q - 0.005 if isinstance(data, bytes) else base_q + 0.02
    for enc, fn, markers in (("tcvn3", _decode_tcvn3, set(_TCVN3_DECODE)),
                              ("vni", _decode_vni, set(_VNI_MARK_CHARS) | set(_VNI_SINGLE_CHARS))):
        if _legacy_marker_share(text, markers) == 0:
            continue
        converted = fn(text)
        q = vietnamese_quality(converted)
        if enc == "vni":
            # Tie-break on shape: in VNI every mark byte follows a vowel ("oâ", "eá").
            q += 0.01 * _vni_shape(text)
        if q > best_q:
            best, best_enc, best_q = converted, enc, q
    return best, best_enc


def _vni_shape(text: str) -> float:
    """Share of VNI mark characters that stand right after a vowel they can modify."""
    marks = after_vowel = 0
    for i, ch in enumerate(text):
        if ch in _VNI_MARK_CHARS and ch not in _VNI_SINGLE_CHARS:
            marks += 1
            prev = text[i - 1] if i else ""
            if (prev in _VNI_BASES or prev in ("ô", "Ô", "ö", "Ö")) and prev.islower() == (ch in _VNI_LOWER_MARK_CHARS):
                after_vowel += 1
    return after_vowel / marks if marks else 0.0


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file, detecting its encoding.

    UTF-8 (with or without BOM), UTF-16 (BOM, or NUL-interleaved), Windows-1258, and the
    legacy TCVN3 and VNI. Returns ``(text, encoding)`` where ``encoding`` is one of
    ``utf-8``, ``utf-8-sig``, ``utf-16``, ``windows-1258``, ``tcvn3``, ``vni``. The text
    is NFC (Windows-1258 writes tones as combining marks).

        >>> decode_bytes(b"Ho\\xcca Ph\\xfa")   # Windows-1258: "o" + combining grave
        ('Hòa Phú', 'windows-1258')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return unicodedata.normalize("NFC", data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return unicodedata.normalize("NFC", data.decode("utf-16", errors="replace")), "utf-16"
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4:
        even_nuls = sample[0::2].count(b"\x00")
        odd_nuls = sample[1::2].count(b"\x00")
        codec = "utf-16-be" if even_nuls > odd_nuls else "utf-16-le"
        return unicodedata.normalize("NFC", data.decode(codec, errors="replace")), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        text = unicodedata.normalize("NFC", text)
        # UTF-8 that carries legacy text (a TCVN3 file once opened as Latin-1 and saved)
        converted, enc = decode_legacy(text)
        return (converted, enc) if enc else (text, "utf-8")
    candidates: list[tuple[float, str, str]] = []
    try:
        t = unicodedata.normalize("NFC", data.decode("cp1258"))
        candidates.append((vietnamese_quality(t), "windows-1258", t))
    except UnicodeDecodeError:
        pass
    legacy, enc = decode_legacy(data)
    if enc:
        candidates.append((vietnamese_quality(legacy), enc, legacy))
    if not candidates:
        t = data.decode("latin-1")
        return t, "latin-1"
    # On a tie the legacy reading wins: Windows-1258 text shows itself by its combining
    # tone bytes, which no TCVN3/VNI reading turns into valid syllables.
    candidates.sort(key=lambda c: (c[0], c[1] != "windows-1258"), reverse=True)
    q, enc, t = candidates[0]
    return t, enc
