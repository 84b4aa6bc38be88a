"""Person names (họ và tên) by rule.

Vietnamese names are 2-5 capitalised syllables, family name first. A name is
accepted when an honorific announces it (đồng chí, đ/c, ông, bà) or when it starts
with a known family name; syllables that begin a title or a body ("Phó", "Chủ",
"Ban", "UBND") never start a name, and known place names are not people.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import split_tone
from .places import is_large_place, is_place
from .text import LOWER, UPPER, fold
from .titles import find_heads

SURNAMES = set("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Ma Đinh Đàm
Lương Hà Triệu Chu Trịnh Lại Lâm Mai Tạ Tô Tống Vương Quan Quách Cao Đoàn Lò Lục Nông
Hứa Phùng Khổng Thái Tăng Nghiêm La Giáp Kiều Chẩu Bế Hầu Mạc Thân Vi Kim Âu Diệp Từ
Lưu Châu Đồng Mã Bạch Trương Lã Tôn Thạch Sầm Quàng Lường Cầm Bàn Sùng Giàng Thào
Vàng Lầu Mùa Hạng Chảo Tẩn Ninh Nhữ Khuất Doãn Ứng Ôn Phí Đào Văn Hoàng Lê Trịnh
Quang Lục Hoàng Mông Nông Lữ Lỗ Khúc Đậu Cù Kha Giang Ông Yên Viên Bạc Hán Ngọ Mẫn
Tạ Triệu Thái Thiều Ân Cung Đường Đông Hùng Khương Lạc Liêu Lăng Mạch Ngũ Nhan Phó
Tiêu Trình Văn Vòng Y H Ksor Rơ Siu Nay Rah Kpă Bùi Đinh Hoàng Ngọc Dư Quản Đàng
Tòng Cà Khà Lò Lý Hoàng Hồ Vừ Giàng Sình Chang Thào Tráng Pờ Hảng Lầu Mã Sa Thạch Danh Kiên Sơn
Kim Lâm Ôn Đới Lành Sồng Mùa Vừ Lầu Hờ Hà Nguyễn Âu Hàn Mạc Tất Khổng Nhâm Quán Quang Tôn Trang Vòng Lỳ Điêu
Uông Khưu Bành Tiết Ngụy Nguỵ Chế Sử Trầm Lạng Lều Thiệu
""".split())
# "Phó" is a surname but far more often a title; never start a name with it.
SURNAMES.discard("Phó")

NOT_NAME_START = {
    "Phó", "Chủ", "Bí", "Trưởng", "Ban", "Ủy", "Uỷ", "Tỉnh", "Huyện", "Xã", "Sở", "Phòng",
    "Giám", "Chánh", "Đảng", "Hội", "Đoàn", "Thủ", "Bộ", "Thứ", "Tổ", "Đội", "Chi", "Cục",
    "Thường", "Văn", "Trung", "Chính", "Viện", "Trường", "Công", "Tổng", "Năm",
    "Ngày", "Tháng", "Quý", "Giai", "Nhiệm", "Thành", "Thị", "Quận", "Phường", "Thôn", "Bản",
    "Hội đồng", "Nguyên", "Đồng", "Ông", "Bà", "Anh", "Chị", "Các", "Theo", "Trong", "Tại",
    "Đây", "Nhà", "Hợp", "Kế", "Quyết", "Nghị", "Chương", "Dự", "Lãnh", "Cán",
}
# "H'Lim", "K'Mrơng": Central Highlands names carry an apostrophe
# words that begin bodies or sentences but are family names too
FAMILY_TOO = {"Đoàn", "Văn", "Đồng", "Tân", "Lãnh", "Thái", "Quang", "Kim", "Hà", "Cao", "Mai", "Chu", "Nhà",
              "Công", "Trung", "Tổng", "Thân", "Hồ", "Giang", "Lâm", "Lý", "Âu", "Cù", "Châu", "Hoàng"}
SYL = rf"[{UPPER}]['’][{UPPER}][{LOWER}]+|[{UPPER}][{LOWER}]+|[{UPPER}](?=\s)"
NAME = re.compile(rf"(?<![\w])(?:{SYL})(?:[ ](?:{SYL})){{1,6}}")
HONORIFIC = re.compile(r"(?:(?<![\w])(?:đồng chí|Đồng chí|ĐỒNG CHÍ|đ/c|Đ/c|đ/ c|Đ/C|đ\.c|Đ\.c|"
                       r"ông|Ông|bà|Bà|(?:PGS\.\s?)?TS\.|ThS\.|Ths\.|GS\.|BSCKII\.|BSCKI\.|BS\.|CN\.|KS\.|DS\.|"
                       r"[Tt]hượng tá|[Đđ]ại tá|[Tt]rung tá|[Tt]hiếu tá|[Đđ]ại tướng|[Tt]hượng tướng|[Tt]rung tướng|"
                       r"[Tt]hiếu tướng|[Đđ]ại úy|[Đđ]ại uý|[Tt]hượng úy|[Tt]hượng uý))\s+\**")
# Family names at least this common in the repair lexicon (weights of data/surnames.txt:
# 30 and up are the 37 names most Kinh people carry) are recognised when read with
# another tone mark: what a scan gives back for a common family name is likelier a slip
# than a rare one.
_COMMON_FAMILY = 30.0


def untoned(word: str) -> str:
    """``word`` in lower case without its tone mark, what OCR most often misreads in a name
    (vowel marks kept): "Nguyển" -> "nguyên"."""
    return split_tone(word.lower())[0]


@lru_cache(maxsize=1)
def _slip_bases() -> tuple[frozenset[str], frozenset[str]]:
    """(common family names, every known name part), each without its tone mark."""
    from ..repair import GIVEN, MIDDLE, SURNAME, lexicon

    lex = lexicon()
    family = frozenset(untoned(k) for k, w in lex[SURNAME].items() if w >= _COMMON_FAMILY)
    parts = frozenset(untoned(k) for k in (*lex[MIDDLE], *lex[GIVEN]))
    return family, parts


def slipped_family_name(words: list[str]) -> bool:
    """A name read by OCR with its family name's tone mark wrong ("Trấn Văn Tuấn",
    "Bủi Thị Hoa", "NGUYỂN VĂN AN"): the first word, not itself a family name nor a word
    that opens titles and bodies, is a common family name but for its tone mark, and
    each of the two to four words after it is a known middle or given name but for its
    tone mark. The name repair then restores it, and says so (``extractor.repair``).

    >>> slipped_family_name("Trấn Văn Tuấn".split()), slipped_family_name("Trấn Yên".split())
    (True, False)
    >>> slipped_family_name("Vụ Tổ Chức".split())
    False
    """
    if not 3 <= len(words) <= 5:
        return False
    first = words[0].title()
    if first in SURNAMES or first in NOT_NAME_START or first in FAMILY_TOO:
        return False
    family, parts = _slip_bases()
    return untoned(first) in family and all(untoned(w) in parts for w in words[1:])


def is_family_name(words: list[str], slips: bool = True) -> bool:
    """The first of ``words`` (a capitalised run) opens a person's name: a known family
    name, or, with ``slips``, a common one whose tone mark OCR misread
    (:func:`slipped_family_name`)."""
    return words[0] in SURNAMES or slips and slipped_family_name(words)


def _inside_sentence(text: str, start: int) -> bool:
    """The word at ``start`` does not open a sentence or a line: there a capital is no
    sign of a name ("Đảo Phú Quốc …", "Hạ Long Bay"), so a family name read with another
    tone mark is taken only inside one."""
    i = start
    while i > 0 and text[i - 1] in " \t":  # back over the spaces, not a copy of the page
        i -= 1
    return i > 0 and text[i - 1] not in ".!?\n"


# "Ông HOÀNG VĂN THÁI," - names typed in capitals, only when an honorific announces them
CAPS_NAME = re.compile(rf"(?<![\w])[{UPPER}]{{1,7}}(?: [{UPPER}]{{1,7}}){{1,4}}(?![\w])")
# Words that may follow a name inside the capitalised run but are not part of it.
_TRAILING_NOT_NAME = {"Phó", "Chủ", "Bí", "Trưởng", "Giám", "Tỉnh", "Ủy", "Uỷ", "UBND", "Huyện"}


# a verb right after the run closes it as a mark does: "… Bùi Văn Tỉnh làm trưởng đoàn"
_VERB_AFTER = re.compile(r" (?:làm|là|được|giữ|phụ trách|cho biết|đã|sẽ|và|trực tiếp|chịu)(?![\w])")


def clean_name(name: str, *, closed: bool = False) -> str:
    """Cut syllables that begin a title off the end of a capitalised run; the last one
    stays when a mark closes the run (``closed``): "Bùi Văn Tỉnh, Bí thư …" is a name."""
    words = name.split()
    for i, w in enumerate(words):
        if i > 0 and w in _TRAILING_NOT_NAME and not (closed and i == len(words) - 1):
            words = words[:i]
            break
    return " ".join(words)


def find_names(text: str) -> list[tuple[int, int, str]]:
    """Person names in ``text`` as (start, end, how) with how in {'honorific', 'surname'}.

    The name marker, the tagger's features and both linkers ask this of the same page:
    it is worked out once per text (cached, like ``find_periods``).

    >>> find_names("Năm 2021, đồng chí Ma Trọng Long, Chủ tịch UBND xã Hòa Phú được giao")
    [(19, 32, 'honorific')]
    """
    return list(_find_names(text))


def _person_after(ws: list[str], first: int) -> int | None:
    """Where a person's name begins at the end of a run of capitalised words that begins with
    a body's or place's name (from ``first`` on): two to four syllables, the longest that
    opens with a family name and is no place."""
    return next((k for k in range(max(first, len(ws) - 4), len(ws) - 1)
                 if is_family_name(ws[k:]) and not is_place(" ".join(ws[k:]))), None)


def _keep_from(found: dict[int, tuple[int, int, str]], s: int, ws: list[str], k: int | None) -> None:
    """Record the name ``ws[k:]`` of the run that starts at ``s`` (nothing when ``k`` is None)."""
    if k is None:
        return
    s2 = s + len(" ".join(ws[:k])) + (1 if k else 0)
    found[s2] = (s2, s2 + len(" ".join(ws[k:])), "surname")


def _after_title(text: str, start: int) -> bool:
    """A title's head word ends the clause right before ``start`` ("Thứ trưởng Bộ …")."""
    floor = max(0, start - 40)
    clause = max(text.rfind(c, floor, start) for c in ",;:.()\n") + 1
    return bool(find_heads(fold(text[max(floor, clause):start + 1])))


@lru_cache(maxsize=256)
def _find_names(text: str) -> tuple[tuple[int, int, str], ...]:
    found: dict[int, tuple[int, int, str]] = {}
    for m in NAME.finditer(text):
        start, raw = m.start(), m.group(0)
        # a sentence-initial capital ("Năm", "Theo") is not a name start: slide right
        words = raw.split()
        offset = 0
        pre = text[max(0, start - 12):start]
        hon0 = HONORIFIC.search(pre)
        announced = hon0 is not None and hon0.end() == len(pre)
        # after "bà", "Đoàn Thị Mai" is a name; elsewhere "Đoàn", "Hội" begin bodies
        while words and ((words[0] in NOT_NAME_START and not (announced and words[0] in FAMILY_TOO))
                         or words[0].isupper() and len(words[0]) > 1):
            offset += len(words[0]) + 1
            words = words[1:]
            announced = False
        if len(words) < 2:
            continue
        # a name directly after a place-level word is a place ("xã Hòa Phú")
        s = start + offset
        name = clean_name(" ".join(words), closed=text[m.end():m.end() + 1] in (",", ";", ")", ":") or
                          text[m.end():m.end() + 3] in (" - ", " – ") or bool(_VERB_AFTER.match(text, m.end())))
        if len(name.split()) < 2:
            continue
        prefix = text[max(0, s - 12):s]
        hon = HONORIFIC.search(prefix)
        honorific = hon is not None and hon.end() == len(prefix)
        if re.search(r"(?<![\w])(?<!thành )(?<!Thành )(?:đường|phố|Đường|Phố)\s$", prefix) and not honorific:
            continue  # streets are named after people ("đường Nguyễn Văn Hưởng")
        if len(name.split()) == 2 and not honorific and re.search(
                r"(?<![\w])(?:Sở|Bộ|Ban|Phòng|Cục|Viện|Trường|Hội|Đài|Báo|Quỹ|[Cc]ông ty)\s$", prefix):
            continue  # "Sở Nông Nghiệp và PTNT": a body's own name, not a person after it
        level_before = re.search(r"(?:tỉnh|huyện|xã|phường|thị trấn|thị xã|thành phố|quận|thôn|"
                                 r"bản|TP\.|Tp\.)\s$", prefix)
        if level_before and not honorific:
            # "UBND tỉnh Quảng Nam Trần Văn Tân": skip the place, keep the person
            ws = name.split()
            for k in range(len(ws) - 2, -1, -1):
                if (k == 0 or is_place(" ".join(ws[:k]))) and not is_place(" ".join(ws[k:])) \
                        and len(ws) - k >= 2 and is_family_name(ws[k:]):
                    _keep_from(found, s, ws, k)
                    break
            else:
                # a place the registry does not know ("xã Chè Bát Tiên Nguyễn Thị Phương Hoa"):
                # two syllables at least for the place
                _keep_from(found, s, ws, _person_after(ws, 2))
            continue
        ws = name.split()
        # a person's name has at most five syllables: a longer run begins with a place
        # ("… Cộng sản Hồ Chí Minh Nguyễn Anh Tuấn")
        if len(ws) > 5 or len(ws) == 5 and not honorific:
            places = [k for k in range(1, len(ws) - 1) if is_place(" ".join(ws[:k]))]
            cut = next((k for k in places if is_family_name(ws[k:]) and not is_place(" ".join(ws[k:]))), None)
            if cut is None and _after_title(text, start):
                # "Thứ trưởng Bộ Xây dựng Hoàng Sinh Nhật Tân": the body's name, then the person's
                cut = _person_after(ws, 1)
            _keep_from(found, s, ws, cut)
            if len(ws) > 5 or places or cut is not None:
                continue
        # a place then a person needs two words for the person: "Lê Hồng Anh" is not "Lê Hồng" + 1
        if not is_family_name(ws, _inside_sentence(text, s)) or \
                is_place(" ".join(ws[:2])) and len(ws) >= 4 and not honorific:
            # "Huyện ủy Sìn Hồ Đào Văn Lực": a place, then the person
            for k in range(len(ws) - 2, 0, -1):
                if is_place(" ".join(ws[:k])) and is_family_name(ws[k:]) and not is_place(" ".join(ws[k:])):
                    _keep_from(found, s, ws, k)
                    break
            else:
                if honorific:
                    found[s] = (s, s + len(name), "honorific")
                elif _after_title(text, start):
                    # "Bộ trưởng Bộ Công Thương Trần Tuấn Anh": the rest of the body's name first
                    _keep_from(found, s, ws, _person_after(ws, 1))
            continue
        if honorific:
            found[s] = (s, s + len(name), "honorific")
        elif not is_place(name) or len(ws) >= 3 and not is_large_place(name):
            # wards are named after people ("phường Nguyễn Thái Bình"); with no level word
            # before it, a family name and two more syllables is the person
            found[s] = (s, s + len(name), "surname")
    for m in CAPS_NAME.finditer(text):
        prefix = text[max(0, m.start() - 12):m.start()]
        hon = HONORIFIC.search(prefix)
        if hon and hon.end() == len(prefix) and m.start() not in found and \
                is_family_name([w.title() for w in m.group(0).split()]):
            found[m.start()] = (m.start(), m.end(), "honorific")
    return tuple(sorted(found.values()))
