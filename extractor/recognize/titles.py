"""Titles (chức vụ) and the bodies they belong to (đơn vị).

A title is a *head* ("Phó Chủ tịch", "Trưởng phòng", "Bí thư", "Tỉnh ủy viên", ...)
followed by the body it heads ("UBND xã Hòa Phú", "Phòng Nông nghiệp ... huyện
Chiêm Hóa"). Matching runs on :func:`text.fold` output, so either tone placement and
any capitalisation match ("Uỷ viên" = "ủy viên", "Phó chủ tịch" = "Phó Chủ tịch").
"""
from __future__ import annotations

import re

# Heads, longest first inside each alternative so the regex prefers "phó chủ tịch
# thường trực" over "phó chủ tịch". Abbreviations are as clerks write them.
_HEADS = [
    r"chủ tịch", r"bí thư(?: chi bộ| đảng ủy| đoàn)?", r"giám đốc", r"tổng giám đốc",
    r"trưởng (?:ban|phòng|đoàn|thôn|bản|ấp|khu phố|tổ dân phố|khoa|trạm|công an|đài|cục|chi nhánh)",
    r"chánh (?:văn phòng|thanh tra|án)", r"chi cục trưởng", r"cục trưởng", r"vụ trưởng",
    r"tổng cục trưởng", r"thủ tướng(?: chính phủ)?", r"bộ trưởng", r"thứ trưởng", r"thống đốc", r"tổng thư ký",
    r"tỉnh ủy viên", r"huyện ủy viên", r"thành ủy viên", r"đảng ủy viên",
    r"ủy viên(?: ban thường vụ| btv| bch| ban chấp hành| thường vụ| trung ương| ubnd| ủy ban)?",
    r"chủ nhiệm", r"hiệu trưởng", r"viện trưởng", r"thủ trưởng", r"tư lệnh",
    r"chỉ huy trưởng", r"chính ủy", r"(?:tổng )?tham mưu trưởng", r"đội trưởng", r"tổ trưởng", r"kế toán trưởng",
    r"trưởng", r"trưởng đoàn đbqh",
    r"thường trực", r"tổng biên tập", r"người đứng đầu", r"chánh",
    # the generic nouns of a post, which communes qualify with their own fields
    r"công chức", r"cán bộ", r"chuyên viên", r"viên chức",
]
HEAD_RE = r"(?:phó |nguyên )?(?:" + "|".join(sorted(_HEADS, key=len, reverse=True)) + r")"
# A head must start at a word boundary and not be glued to the next syllable.
HEAD = re.compile(r"(?<![\w])" + HEAD_RE + r"(?![\w])")

# Words that end a title: the verb that follows an apposition, or a new clause.
STOP_WORDS = [
    "được", "làm", "phụ trách", "theo dõi", "chỉ đạo", "giúp", "trực tiếp", "cho biết",
    "phát biểu", "nhấn mạnh", "khẳng định", "chủ trì", "đã", "sẽ", "đang", "đăng ký",
    "là", "có", "tặng", "ký", "thay mặt", "chịu trách nhiệm", "tạm thời", "kiêm", "cùng",
    "dự", "tại", "về", "đề nghị", "yêu cầu", "giao", "nêu", "trình bày", "báo cáo",
    "thực hiện", "thôi", "đến", "do", "thì", "nay", "để", "nhằm", "trong", "với", "khi", "đồng chí", "ông", "bà",
    "đ/c", "và các", "chia sẻ", "đánh giá", "tham dự", "trao", "cũng",
    "chọn", "lựa chọn", "nhận", "cam kết", "dẫn đầu", "việc được giao", "nội dung", "phải", "cần",
    "lãnh đạo", "giữ vai trò", "đảm nhiệm", "đảm nhận", "có trách nhiệm", "tiếp thu", "ghi nhận",
    "biểu dương", "phê bình", "đề xuất", "kiến nghị", "mong muốn", "bày tỏ", "trả lời", "giải trình",
    "cảm ơn", "đồng ý", "quyết định", "ban hành", "phân công", "tiếp", "đón", "gặp", "làm việc", "chủ động",
]
# Body names that contain a comma or a dash themselves: a title does not end inside them.
COMPOUND_BODIES = re.compile(r"văn hóa,\s*thể thao và du lịch|lao động\s*[-–,]\s*thương binh và xã hội|"
                             r"nông nghiệp\s*(?:-|và)\s*phát triển nông thôn|khoa học\s*(?:-|và)\s*công nghệ|"
                             r"hđnd\s*[-–]\s*ubnd|thi đua\s*[-–]\s*khen thưởng|văn hóa\s*[-–]\s*thông tin|"
                             r"giáo dục\s*(?:-|và)\s*đào tạo|tài nguyên\s*(?:-|và)\s*môi trường|"
                             r"kế hoạch\s*(?:-|và)\s*đầu tư|thông tin\s*(?:-|và)\s*truyền thông|"
                             r"tài chính\s*[-–]\s*kế hoạch|"
                             r"kinh tế\s*[-–]\s*hạ tầng|nội vụ\s*[-–]\s*lao động|y tế\s*[-–]\s*dân số|"
                             r"kinh tế\s*[-–]\s*xã hội|quốc phòng\s*[-–]\s*an ninh")
# "giao" is the verb "to assign", but "Sở Giao thông vận tải" is a body; "chỉ đạo" is the verb
# "to direct", but "Trưởng ban Chỉ đạo bầu cử" names a steering committee
# "điều hành" is a verb after a title, but "Giám đốc điều hành", "Ban Điều hành" are posts
# "phối hợp" is a verb after a title, but "Tổ phối hợp liên ngành" is a body
STOP = re.compile(r"(?:\s(?:" + "|".join(re.escape(w) for w in STOP_WORDS if w not in ("giao", "chỉ đạo")) +
                  r"|giao(?! thông))|(?<!ban)\schỉ đạo|(?<!ban)(?<!đốc)\sđiều hành|(?<!ban)(?<!tổ)\sphối hợp)(?![\w])")
# Punctuation that closes a title (a comma may join several titles, handled by callers).
TITLE_END = re.compile(r"[,;:!?()\[\]\"“”\n\t]|\.(?=\s|$)|\s[-–—]\s")

# Body words: what is left of a title when its head is removed, if it names a body.
BODY_START = re.compile(
    r"(?:ubnd|hđnd|ủy ban|hội đồng|mttq|ủy ban mttq|đảng ủy|tỉnh ủy|huyện ủy|thành ủy|"
    r"thị ủy|quận ủy|sở|phòng|ban|chi cục|cục|trung tâm|hội|đoàn|liên đoàn|công an|"
    r"bộ|tổng cục|văn phòng|thanh tra|trường|bệnh viện|viện|htx|hợp tác xã|công ty|"
    r"chi bộ|đảng bộ|ban quản lý|kho bạc|ngân hàng|báo|đài|tòa án|viện kiểm sát|"
    r"bộ chỉ huy|ban chỉ huy|liên minh|mặt trận|ủy ban kiểm tra|thôn|bản|xã|phường|"
    r"thị trấn|huyện|tỉnh|thành phố|quận|thị xã|trạm|đồn|hạt|học viện|tổng công ty|tập đoàn|"
    r"quốc hội|chính phủ)(?![\w])")

LEVELS = ("tỉnh", "huyện", "xã", "thành phố", "thị xã", "quận", "phường", "thị trấn")


def find_heads(folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of title heads in ``folded[start:end]``.

    >>> from extractor.recognize.text import fold
    >>> find_heads(fold("ông A, Phó Chủ tịch UBND tỉnh làm"))
    [(7, 19)]
    """
    end = len(folded) if end is None else end
    return [(m.start(), m.end()) for m in HEAD.finditer(folded, start, end)]


def title_extent(folded: str, head_start: int, limit: int) -> int:
    """Where the title that starts at ``head_start`` ends (exclusive), before ``limit``.

    The body after the head runs until punctuation, a dash, or a verb from
    :data:`STOP_WORDS`; " và " is kept ("Nông nghiệp và phát triển nông thôn").
    """
    m = HEAD.match(folded, head_start)
    pos = m.end() if m else head_start
    ends = [limit]
    e = TITLE_END.search(folded, pos, limit)
    if e:
        ends.append(e.start())
    s = STOP.search(folded, pos, limit)
    if s:
        ends.append(s.start())
    # "và các thành viên", "và ông ..." end a title too.
    v = re.compile(r"\svà\s(?:các|ông|bà|đồng chí)\b").search(folded, pos, limit)
    if v:
        ends.append(v.start())
    end = min(ends)
    for c in COMPOUND_BODIES.finditer(folded, pos, limit):
        if c.start() < end < c.end():
            return title_extent(folded, c.end(), limit) if c.end() < limit else limit
    return end


# "Bộ trưởng Quốc phòng": a minister named with the ministry's field alone
_MINISTER_OF = re.compile(r"(?:phó\s+)?(?:bộ trưởng|thứ trưởng)\s+(?!bộ(?![\w]))(?=\w)")
# the national offices whose body goes without saying
_NATIONAL = re.compile(r"(?:phó\s+)?(?:(thủ tướng(?: thường trực)?)|chủ tịch (?:quốc hội|qh))")


def _body_after_unknown_head(position: str, folded: str) -> str | None:
    """The body of a title whose head is in no list: the first capitalised body word after
    the head ("Bác sĩ Trạm Y tế xã" -> "Trạm Y tế xã", "Thư ký HĐND xã" -> "HĐND xã")."""
    from .text import fold

    if BODY_START.match(folded):
        return None  # a body, not a title ("Bộ Công an" after "Cục trưởng Cục X,")
    for b in BODY_START.finditer(folded):
        if b.start() == 0 or folded[b.start() - 1] != " ":
            continue
        if position[b.start()].isupper():
            rest = position[b.start():].strip(" ,-–")
            return None if fold(rest) in LEVELS else rest
    return None


def split_unit(position: str) -> str | None:
    """The body named in a position, if any: "Chủ tịch UBND xã Hòa Phú" -> "UBND xã Hòa Phú".

    >>> split_unit("Trưởng Phòng Nông nghiệp huyện Chiêm Hóa")
    'Phòng Nông nghiệp huyện Chiêm Hóa'
    >>> split_unit("Tỉnh ủy viên") is None
    True
    """
    from .text import fold

    folded = fold(position)
    m = HEAD.match(folded)
    if not m:
        return _body_after_unknown_head(position, folded)
    national = _NATIONAL.fullmatch(folded)
    if national:
        # "Phó Thủ tướng", "Chủ tịch QH": the body the title plainly implies
        return "Chính phủ" if national.group(1) else "Quốc hội"
    rest_at = m.end()
    minister = _MINISTER_OF.match(folded)
    if minister and not re.search(r"[,(]", folded):
        return "Bộ " + position[minister.end():].strip()  # "Bộ trưởng Quốc phòng" -> "Bộ Quốc phòng"
    # "Trưởng phòng X": the head swallowed the body word; give it back.
    # longest first: "Chánh Văn phòng" gives back "Văn phòng", not "phòng"
    if folded[m.start():m.end()].endswith(" chính phủ"):
        rest_at = m.end() - len("chính phủ")  # "Thủ tướng Chính phủ": the head swallowed its body
    for word in ("văn phòng", "chi nhánh", "thanh tra", "công an", "đảng ủy", "chi bộ", "ban", "phòng",
                 "đoàn", "thôn", "bản", "ấp", "cục", "trạm", "khoa", "đài"):
        if folded[m.start():m.end()].endswith(" " + word):
            rest_at = m.end() - len(word)
            break
    # "Phó Chủ tịch Thường trực UBND tỉnh": the qualifier is not the body
    q = re.compile(r"\s*(?:thường trực|phụ trách|kiêm nhiệm)(?![\w])").match(folded, rest_at)
    if q:
        rest_at = q.end()
    rest = position[rest_at:].strip(" ,-–")
    if not rest:
        return None
    b = BODY_START.match(fold(rest))
    if not b:
        return None
    if fold(rest) in LEVELS:
        return None
    return rest
