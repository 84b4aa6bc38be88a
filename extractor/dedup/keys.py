"""Matching keys for tasks (nội dung việc đột phá): one normal form per way of writing.

Two clerks write the same task differently: ``UBND`` or ``Ủy ban nhân dân``, ``hoà`` or
``hòa``, capitals or not, a comma more. :func:`match_key` folds those differences away
and keeps, beside the normalised syllables, the *features that must agree* for two tasks
to be the same task: the numbers ("kết nạp 5 đảng viên" is not "kết nạp 12 đảng viên")
and the proper names of places and projects ("xã Tân Mỹ", "dự án Đồng Bài").

Years (1900-2099) are kept apart from the other numbers and out of the syllables: a task
carried over from 2022 to 2023 ("... năm 2022" / "... năm 2023") is the same task, so
years are not compared at all (explanations still show them).

Proper names are read from capitals in the text as written (Vietnamese writes place and
project names capitalised, common words not), then compared in normalised form. After a
place or organisation head word (:data:`HEADS`: xã, thôn, bản, tổ, đường, hợp tác xã,
trường, dự án, công trình, sản phẩm...; đơn vị = unit, thôn = village) the whole
capitalised run is the name, whatever its syllables ("xã Trường Thịnh", "HTX Nông nghiệp
và dịch vụ Lạc Hội"); other capitalised runs lose the institution words they start with
("Hội Nông dân", "Đoàn Thanh niên"). No registry is needed: a village or a cooperative
no table lists is read the same way (issue 16). A text written all in capitals or all
in lower case has no usable capitals and yields no names; the score then checks the
*other* side's names against its words, so a lower-case copy of "xã Tân Mỹ" still
agrees with "xã tân mỹ" (see :mod:`extractor.dedup.scoring`).
"""
from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..text import normalize_tones, strip_marks

__all__ = ["Key", "match_key", "normalize_text", "plain_word", "plain_tokens", "ABBREVIATIONS",
           "PHRASE_ABBREVIATIONS", "HEADS", "head_at", "slot_start"]

# Abbreviation -> words, for single tokens (lower case, after tone normalisation).
# Only abbreviations that mean one thing in task texts; "TT" (thị trấn / trung tâm /
# thông tư) and "NN" (nông nghiệp / nhà nước) are ambiguous alone and are left as written.
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "htx": "hợp tác xã",
    "thtx": "tổ hợp tác xã",
    "ntm": "nông thôn mới",
    "ptnt": "phát triển nông thôn",
    "mttq": "mặt trận tổ quốc",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "đtn": "đoàn thanh niên",
    "tncs": "thanh niên cộng sản",
    "btv": "ban thường vụ",
    "bch": "ban chấp hành",
    "bcđ": "ban chỉ đạo",
    "ktxh": "kinh tế xã hội",
    "atgt": "an toàn giao thông",
    "gpmb": "giải phóng mặt bằng",
    "cchc": "cải cách hành chính",
    "tthc": "thủ tục hành chính",
    "cntt": "công nghệ thông tin",
    "mtqg": "mục tiêu quốc gia",
    "ctmtqg": "chương trình mục tiêu quốc gia",
    "gdđt": "giáo dục và đào tạo",
    "nnptnt": "nông nghiệp và phát triển nông thôn",
    "tnmt": "tài nguyên và môi trường",
    "lđtbxh": "lao động thương binh và xã hội",
    "khcn": "khoa học và công nghệ",
    "tdtt": "thể dục thể thao",
    "bchqs": "ban chỉ huy quân sự",
    "qpan": "quốc phòng an ninh",
    "antt": "an ninh trật tự",
    "attp": "an toàn thực phẩm",
    "vsmt": "vệ sinh môi trường",
    "vsattp": "vệ sinh an toàn thực phẩm",
    "pccc": "phòng cháy chữa cháy",
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "nhcsxh": "ngân hàng chính sách xã hội",
    "ccb": "cựu chiến binh",
    "lhpn": "liên hiệp phụ nữ",
    "hlhpn": "hội liên hiệp phụ nữ",
    "hnd": "hội nông dân",
    "cbcc": "cán bộ công chức",
    "cbccvc": "cán bộ công chức viên chức",
    "đv": "đảng viên",
    "tp": "thành phố",
    "tx": "thị xã",
    "xhcn": "xã hội chủ nghĩa",
    "cnhhđh": "công nghiệp hóa hiện đại hóa",
    "hđh": "hiện đại hóa",
    "cnh": "công nghiệp hóa",
    "gcnqsdđ": "giấy chứng nhận quyền sử dụng đất",
    "qsdđ": "quyền sử dụng đất",
}

# Abbreviations written in parts ("KT-XH", "GD&ĐT", "NN và PTNT"): after punctuation is
# dropped and "&" read as "và" they are token sequences. Keys are tuples of tokens.
PHRASE_ABBREVIATIONS: dict[tuple[str, ...], str] = {
    ("kt", "xh"): "kinh tế xã hội",
    ("gd", "đt"): "giáo dục và đào tạo",
    ("gd", "và", "đt"): "giáo dục và đào tạo",
    ("nn", "ptnt"): "nông nghiệp và phát triển nông thôn",
    ("nn", "và", "ptnt"): "nông nghiệp và phát triển nông thôn",
    ("tn", "mt"): "tài nguyên và môi trường",
    ("tn", "và", "mt"): "tài nguyên và môi trường",
    ("kh", "cn"): "khoa học và công nghệ",
    ("kh", "và", "cn"): "khoa học và công nghệ",
    ("qp", "an"): "quốc phòng an ninh",
    ("lđ", "tb", "xh"): "lao động thương binh và xã hội",
    ("lđ", "tb", "và", "xh"): "lao động thương binh và xã hội",
    ("lđtb", "và", "xh"): "lao động thương binh và xã hội",
    ("cnh", "hđh"): "công nghiệp hóa hiện đại hóa",
    ("vs", "attp"): "vệ sinh an toàn thực phẩm",
    ("nn", "dv"): "nông nghiệp và dịch vụ",
    ("nn", "và", "dv"): "nông nghiệp và dịch vụ",
}
# Typed without the Đ key ("HDND", "BCD", "GDDT"): the same abbreviations. Not "DV"
# (dịch vụ far more often than đảng viên).
for _abbr, _words in list(ABBREVIATIONS.items()):
    if _abbr != "đv":
        ABBREVIATIONS.setdefault(_abbr.replace("đ", "d"), _words)
for _parts, _words in list(PHRASE_ABBREVIATIONS.items()):
    PHRASE_ABBREVIATIONS.setdefault(tuple(p.replace("đ", "d") for p in _parts), _words)
_PHRASE_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
for _parts, _words in sorted(PHRASE_ABBREVIATIONS.items(), key=lambda kv: -len(kv[0])):
    _PHRASE_FIRST.setdefault(_parts[0], []).append((_parts, tuple(_words.split())))
_EXPAND: dict[str, tuple[str, ...]] = {k: tuple(v.split()) for k, v in ABBREVIATIONS.items()}
_ABBREV_FIRST = frozenset(_EXPAND) | frozenset(_PHRASE_FIRST)

# Capitalised words that are institutions or document kinds, not names: "Hội Nông dân",
# "Nghị quyết", "Đoàn TNCS Hồ Chí Minh". They are cut out of capitalised runs. Single
# syllables only when they are never the start of a place name; the rest as phrases
# ("Thanh" is a name, "Thanh niên" is not).
NAME_STOP_SINGLE = frozenset("""
ủy ban đảng bộ chi hội đoàn tỉnh huyện xã phường thôn bản xóm ấp tổ khu phòng sở trường
cục trạm ngày tháng năm đường ocop covid vietgap
""".split())
NAME_STOP_PHRASES = frozenset(tuple(p.split()) for p in """
nhân dân|hội đồng|mặt trận|tổ quốc|thanh niên|cộng sản|hồ chí minh|nhà nước|chính phủ|
quốc hội|thị trấn|thành phố|thị xã|thường vụ|chấp hành|liên hiệp|phụ nữ|nông dân|
cựu chiến binh|việt nam|công an|quân sự|văn hóa|thông tin|ngân hàng|bệnh viện|y tế|kho bạc|
thường trực|hợp tác xã|tổ hợp tác|nông nghiệp|phát triển|nông thôn|tài chính|kế toán|
giáo dục|đào tạo|tài nguyên|môi trường|lao động|thương binh|xã hội|khoa học|công nghệ|
nội vụ|tư pháp|thanh tra|kinh tế|hạ tầng|dân tộc|tôn giáo|giao thông|vận tải|xây dựng|
tuyên giáo|dân vận|tổ chức|kiểm tra|mầm non|tiểu học|trung học|cơ sở|phổ thông|đường hoa|
dự án|đề án|chương trình|kế hoạch|nghị quyết|chỉ thị|quyết định|thông báo|công văn
""".replace("\n", "").split("|"))
_STOP_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _p in sorted(NAME_STOP_PHRASES, key=len, reverse=True):
    _STOP_BY_FIRST.setdefault(_p[0], []).append(_p)


def _names(run: list[str], out: list[tuple[str, ...]]) -> None:
    """Cut institution words out of a capitalised run; keep pieces of two syllables or more."""
    piece: list[str] = []
    i, n = 0, len(run)
    while i < n:
        tok = run[i]
        cut = 1 if tok in NAME_STOP_SINGLE or tok[0].isdigit() else 0
        for phrase in _STOP_BY_FIRST.get(tok, ()):
            if tuple(run[i:i + len(phrase)]) == phrase:
                cut = len(phrase)
                break
        if cut:
            if len(piece) >= 2:
                out.append(tuple(piece))
            piece = []
            i += cut
            continue
        piece.append(tok)
        i += 1
    if len(piece) >= 2:
        out.append(tuple(piece))

# Head words of places and organisations (issue 16): the capitalised run right after one
# is a proper name whole, whatever its syllables ("xã Trường Thịnh", "HTX ... Lạc Hội":
# "trường" and "hội" are cut out of runs elsewhere, where they start institutions).
# Tokens as in keys: lower case, abbreviations written out ("HTX" -> "hợp tác xã"). Not
# "hồ" (lake): "Hồ Chí Minh" is a name of its own.
HEADS = frozenset(tuple(h.split()) for h in """
xã|thôn|bản|xóm|ấp|làng|tổ|phường|đường|trường|cầu|chợ|huyện|quận|tỉnh|khu|suối|sông|đập|núi|
đèo|bến|cảng|mỏ|thị trấn|thành phố|thị xã|đặc khu|tổ dân phố|khu phố|khu dân cư|dự án|
công trình|sản phẩm|hợp tác xã|tổ hợp tác|tổ hợp tác xã|nhà văn hóa|trạm y tế|điểm trường|
cụm công nghiệp|khu công nghiệp|tuyến đường|đảng bộ|chi bộ
""".replace("\n", "").split("|"))
_HEAD_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _h in sorted(HEADS, key=len, reverse=True):
    _HEAD_BY_FIRST.setdefault(_h[0], []).append(_h)
_HEAD_FIRST = frozenset(_HEAD_BY_FIRST)
# What a kind of place says about itself before its name: "HTX Nông nghiệp và dịch vụ
# Lạc Hội", "trường Trung học cơ sở Kim Bình". Whole phrases only ("xã Trung Hội" keeps
# its "Trung").
_DESCRIBE_COOP = [tuple(p.split()) for p in """nông lâm nghiệp|nông nghiệp|lâm nghiệp|dịch vụ|
tổng hợp|thủy sản|chăn nuôi|sản xuất|kinh doanh|thương mại|vận tải|môi trường|và|nn|dv""".replace(
    "\n", "").split("|")]
_DESCRIBE_SCHOOL = [tuple(p.split()) for p in """phổ thông dân tộc bán trú|phổ thông dân tộc nội trú|
trung học cơ sở|trung học phổ thông|tiểu học|mầm non|liên cấp|thcs|thpt|ptdtbt|ptdtnt|th|mn|và""".replace(
    "\n", "").split("|")]
_DESCRIBE: dict[tuple[str, ...], list[tuple[str, ...]]] = {
    ("hợp", "tác", "xã"): _DESCRIBE_COOP, ("tổ", "hợp", "tác"): _DESCRIBE_COOP,
    ("tổ", "hợp", "tác", "xã"): _DESCRIBE_COOP,
    ("trường",): _DESCRIBE_SCHOOL, ("điểm", "trường"): _DESCRIBE_SCHOOL,
}


def head_at(tokens: Sequence[str], i: int) -> tuple[str, ...] | None:
    """The head word starting at ``tokens[i]`` (longest), or None."""
    for head in _HEAD_BY_FIRST.get(tokens[i], ()):
        if tuple(tokens[i:i + len(head)]) == head:
            return head
    return None


def head_slots(tokens: Sequence[str]) -> Iterator[tuple[tuple[str, ...], int, int]]:
    """Each head word in ``tokens``, in order, with its rank among the heads alike ("xã" the
    first, second, …) and where the name after it starts: (head, rank, slot start).

    >>> list(head_slots("xã an phú và xã tân an".split()))
    [(('xã',), 0, 1), (('xã',), 1, 5)]
    """
    seen: dict[tuple[str, ...], int] = {}
    for x in range(len(tokens)):
        head = head_at(tokens, x)
        if head is None:
            continue
        rank = seen.get(head, 0)
        seen[head] = rank + 1
        yield head, rank, slot_start(tokens, x, head)


def slot_start(tokens: Sequence[str], i: int, head: tuple[str, ...]) -> int:
    """Where the name after the head at ``tokens[i]`` starts: past the head and what the
    head's kind says about itself ("nông nghiệp và dịch vụ", "tiểu học")."""
    j = i + len(head)
    phrases = _DESCRIBE.get(head)
    while phrases and j < len(tokens):
        for p in phrases:
            if tuple(tokens[j:j + len(p)]) == p:
                j += len(p)
                break
        else:
            break
    return j


def _slot_names(tokens: list[str], caps: list[bool], named: dict[tuple[str, ...], str]) -> list[bool]:
    """Names right after head words (the whole capitalised run); returns the positions
    they and their heads cover, which the other capitalised runs then skip."""
    n = len(tokens)
    covered: list[bool] | None = None
    after = -1  # positions before this are inside a name already read
    for i in [i for i, tok in enumerate(tokens) if tok in _HEAD_FIRST]:
        if i < after:
            continue
        head = head_at(tokens, i)
        if head is None:
            continue
        j = slot_start(tokens, i, head)
        if j < n and caps[j]:  # else a nested head ("dự án đường Lê Lợi") is read at its own place
            k = j
            while k < n and caps[k]:
                k += 1
            named.setdefault(tuple(tokens[j:k]), " ".join(head))
            if covered is None:
                covered = [False] * n
            for x in range(i, k):
                covered[x] = True
            after = k
    return covered if covered is not None else [False] * n


_YEAR = re.compile(r"(?:19|20)\d\d")
# A token: a number (with its thousands/decimal marks) or a run of letters/digits.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+")
_FIXES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ"})
_DIGIT = re.compile(r"\d")
_intern = sys.intern


# Tone placement ("hoà" -> "hòa", "thuỷ" -> "thủy", "hòan" -> "hoàn"; "quý" kept) is
# extractor.text's, the same rule as reading and search.
_fix_tones = normalize_tones


def normalize_text(text: str) -> str:
    """The normalised form of a text, without abbreviation expansion or features.

    >>> normalize_text("Thuỷ lợi,  HOÀ BÌNH")
    'thủy lợi hòa bình'
    """
    lowered = _fix_tones(unicodedata.normalize("NFC", text).translate(_FIXES).lower())
    return " ".join(_TOKEN.findall(lowered))


_PLAIN: dict[str, str] = {}


def plain_word(word: str) -> str:
    """A word without tone or vowel marks ("mỹ" -> "my", "đường" -> "duong"); cached.

    >>> plain_word("đường")
    'duong'
    """
    out = _PLAIN.get(word)
    if out is None:
        out = _intern(strip_marks(word))
        if len(_PLAIN) < 1_000_000:
            _PLAIN[word] = out
    return out


def plain_tokens(tokens: Iterable[str]) -> tuple[str, ...]:
    """:func:`plain_word` of each token.

    >>> plain_tokens(["xã", "tân", "mỹ"])
    ('xa', 'tan', 'my')
    """
    return tuple(map(plain_word, tokens))


def _number(token: str) -> str:
    """'05' -> '5'; '1.000' -> '1000' (Vietnamese thousands dot); '1,50' / '1.5' -> '1,5'.

    The decimal mark of the key is the Vietnamese comma, so a key read again is the same key.
    """
    if "." in token or "," in token:
        parts = re.split(r"[.,]", token)
        if "." in token and "," not in token and all(len(p) == 3 for p in parts[1:]):
            return str(int("".join(parts)))
        if "," in token and "." in token:  # "1.234,5": thousands dots, decimal comma
            head, _, tail = token.replace(".", "").partition(",")
        else:
            head, _, tail = token.replace(",", ".").partition(".")
        tail = tail.replace(".", "").replace(",", "").rstrip("0")
        return f"{int(head)},{tail}" if tail else str(int(head))
    return str(int(token))


@dataclass(frozen=True, slots=True)
class Key:
    """A task's matching key.

    ``tokens``: normalised syllables (NFC, old tone placement "hòa", lower case, no
    punctuation, abbreviations written out, numbers in one form, years left out).
    ``text``: the same joined by spaces.
    ``numbers``: the sorted non-year numbers, which must be equal for a duplicate.
    ``years``: the years, which need not be. ``names``: proper names (the capitalised run
    after a head word, or two syllables or more of a capitalised run elsewhere); see
    :mod:`extractor.dedup.scoring` for how they must agree.
    ``original``: the text as given, for explanations. ``name_heads``: for each name, the
    head word it stands after ("xã", "hợp tác xã"; "" for a capitalised run elsewhere).
    ``plain``: ``text`` without tone marks (a text written entirely without them is
    compared on it).
    """

    text: str
    tokens: tuple[str, ...]
    numbers: tuple[str, ...]
    years: tuple[str, ...]
    names: tuple[tuple[str, ...], ...]
    original: str
    name_heads: tuple[str, ...] = ()
    plain: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            plain = " ".join(map(_PLAIN.__getitem__, self.tokens))
        except KeyError:
            plain = " ".join(map(plain_word, self.tokens))
        object.__setattr__(self, "plain", plain)



_set = object.__setattr__


def rebuilt_key(text: str, numbers: tuple[str, ...], years: tuple[str, ...],
                names: tuple[tuple[str, ...], ...], original: str, name_heads: tuple[str, ...],
                plain: str) -> Key:
    """A :class:`Key` from the parts another process made (its ``plain`` too): the
    syllables interned here, so a million keys share them; no field read again."""
    k = object.__new__(Key)
    _set(k, "text", text)
    _set(k, "tokens", tuple(map(_intern, text.split())))
    _set(k, "numbers", numbers)
    _set(k, "years", years)
    _set(k, "names", names)
    _set(k, "original", original)
    _set(k, "name_heads", name_heads)
    _set(k, "plain", plain)
    return k

def _expand(tokens: list[str], caps: list[bool], bare: bool = False) -> tuple[list[str], list[bool]]:
    """Abbreviations written out; without marks when ``bare`` (the task is typed without them)."""
    out: list[str] = []
    out_caps: list[bool] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        phrases = _PHRASE_FIRST.get(tok)
        if phrases:
            for key, words in phrases:
                k = len(key)
                if tuple(tokens[i:i + k]) == key:
                    out.extend(map(plain_word, words) if bare else words)
                    out_caps.extend([False] * len(words))  # expansions are never names
                    i += k
                    break
            else:
                phrases = None
            if phrases:
                continue
        expansion = _EXPAND.get(tok)
        if expansion:
            out.extend(map(plain_word, expansion) if bare else expansion)
            out_caps.extend([False] * len(expansion))
        else:
            out.append(tok)
            out_caps.append(caps[i])
        i += 1
    return out, out_caps


def match_key(text: str) -> Key:
    """Normalise a task's text into its :class:`Key`.

    >>> k = match_key("Chỉ đạo UBND xã Tân Mỹ kết nạp 05 đảng viên năm 2022.")
    >>> k.text
    'chỉ đạo ủy ban nhân dân xã tân mỹ kết nạp 5 đảng viên năm'
    >>> k.numbers, k.years, k.names
    (('5',), ('2022',), (('tân', 'mỹ'),))
    """
    fixed = _prepare(text)
    # Fast path (issue 4: a million keys): every step before the features works inside
    # one whitespace-separated word (lower(), the tone fix, the token regex, capitals), so
    # each distinct written word is read once and cached; registers reuse a few thousand.
    # A word whose reading depends on more than itself falls back to the whole-text path;
    # tests check both give the same key (tests/dedup/test_keys.py).
    tokens: list[str] = []
    cap_at: list[int] = []  # positions of capitalised tokens
    counts = 0  # lower-case starts + changed words << 20 + words with digits << 40
    cache = _WORD_CACHE
    for word in fixed.split():
        got = cache.get(word)
        if got is None:
            got = _read_word(word)
            if got is None:
                return _match_key_whole(text, fixed)
            if len(cache) < 200_000:
                cache[word] = got
        toks, wcaps, wcounts = got
        if wcaps:
            base = len(tokens)
            cap_at.extend([base + k for k in wcaps])
        tokens.extend(toks)
        counts += wcounts
    if len(tokens) > _LOW:  # the counts would overflow their bits
        return _match_key_whole(text, fixed)
    n_lower = counts & _LOW
    changed = (counts >> 20) & _LOW
    digit = counts >> 40
    caps = [False] * len(tokens)
    n_caps = 0
    if changed and cap_at:
        # Position 0 is never a capital: a sentence starts with one; that says nothing.
        n_caps = len(cap_at) - (cap_at[0] == 0)
        if n_caps and n_lower < 2:
            n_caps = 0  # ALL CAPS or Title Case: capitals carry no meaning
        if n_caps:
            for k in cap_at:
                caps[k] = True
            caps[0] = False
    return _features(text, tokens, caps, n_caps, digit != 0)


# A written word read alone: its tokens, the positions of the capitalised ones, and
# counts packed in one int (see _read_word).
_WordReading = tuple[tuple[str, ...], tuple[int, ...], int]
_WORD_CACHE: dict[str, _WordReading] = {}
_LOW = (1 << 20) - 1


def _read_word(word: str) -> _WordReading | None:
    """One written word's tokens, which of them are capitalised, and counts (tokens
    starting lower case; lower() changed the word << 20; it has a digit << 40); None when
    the word must be read with its text."""
    lowered = word.lower()
    if len(lowered) != len(word):
        return None
    raw = _TOKEN.findall(_fix_tones(lowered))
    orig = _TOKEN.findall(word)
    if len(orig) != len(raw):
        return None
    wcaps = tuple(k for k, (o, r) in enumerate(zip(orig, raw, strict=True))
                  if o[0] != r[0] and o[0].isupper() and not (len(o) > 1 and o.isupper()))
    counts = (sum(1 for o in orig if o[0].islower()) + ((lowered != word) << 20)
              + ((_DIGIT.search(lowered) is not None) << 40))
    return tuple(map(_intern, raw)), wcaps, counts


_NUMERIC: dict[str, tuple[str, bool]] = {}


def _numeric(tok: str) -> tuple[str, bool]:
    """A number token's normal form and whether it is a year; cached."""
    try:
        value = _intern(_number(tok))
    except ValueError:
        value = tok
    out = (value, len(value) == 4 and _YEAR.fullmatch(value) is not None)
    if len(_NUMERIC) < 200_000:
        _NUMERIC[tok] = out
    return out


def _prepare(text: str) -> str:
    fixed = unicodedata.normalize("NFC", text)
    if "&" in fixed:  # "GD&ĐT", "NN & PTNT": read as "và", as written out
        fixed = fixed.replace("&", " và ")
    if "\u00d0" in fixed or "\u00f0" in fixed:  # Icelandic eth typed for Đ/đ in old files
        fixed = fixed.translate(_FIXES)
    return fixed


def _match_key_whole(text: str, fixed: str | None = None) -> Key:
    """:func:`match_key` reading the whole text at once (the reference for the fast path)."""
    if fixed is None:
        fixed = _prepare(text)
    lowered = fixed.lower()
    caps: list[bool] = []
    n_caps = 0
    raw = _TOKEN.findall(_fix_tones(lowered))
    if lowered != fixed and len(lowered) == len(fixed):
        # The same regex over the original gives the same tokens (lower() keeps lengths
        # and letter classes), so capitals can be read token by token.
        orig = _TOKEN.findall(fixed)
        if len(orig) == len(raw):
            # Capitalised, not an acronym: "OCOP", "THCS", "TT" are never part of a name.
            caps = [o[0] != r[0] and o[0].isupper() and not (len(o) > 1 and o.isupper())
                    for o, r in zip(orig, raw, strict=True)]
            if caps:
                caps[0] = False  # a sentence starts with a capital; that says nothing
            n_caps = sum(caps)
            if n_caps and sum(1 for o in orig if o[0].islower()) < 2:
                n_caps = 0  # ALL CAPS or Title Case: capitals carry no meaning
    if not n_caps:
        caps = [False] * len(raw)
    return _features(text, list(map(_intern, raw)), caps, n_caps, bool(_DIGIT.search(lowered)))


def _features(text: str, tokens: list[str], caps: list[bool], n_caps: int, digit: bool) -> Key:
    """Numbers and years out of the tokens, abbreviations written out, names from capitals."""
    numbers: list[str] = []
    years: list[str] = []
    if digit:
        drop: list[int] = []
        for k, tok in enumerate(tokens):
            if tok[0].isdigit() and tok[-1].isdigit():
                value, is_year = _NUMERIC.get(tok) or _numeric(tok)
                if is_year:
                    # A year is not compared at all: "năm 2022" / "năm 2023" is a task
                    # carried over, the same task.
                    years.append(value)
                    drop.append(k)
                else:
                    numbers.append(value)
                    tokens[k] = value
        if drop:
            gone = set(drop)
            tokens = [t for k, t in enumerate(tokens) if k not in gone]
            caps = [c for k, c in enumerate(caps) if k not in gone]
    present = set(tokens)
    if not _ABBREV_FIRST.isdisjoint(present):
        # A task typed without marks ("Tham muu BTV Huyen uy ...") has its abbreviations
        # written out without them too: it stays a text without marks, which the score
        # compares on unmarked syllables. Abbreviations alone ("GPMB") say nothing of marks.
        bare = "".join(tokens).isascii() and not all(
            t in _ABBREV_FIRST or t[0].isdigit() for t in tokens)
        tokens, caps = _expand(tokens, caps, bare)
    if not n_caps:
        return Key(" ".join(tokens), tuple(tokens), tuple(sorted(numbers)), tuple(sorted(years)),
                   (), text)
    named: dict[tuple[str, ...], str] = {}
    covered = _slot_names(tokens, caps, named)
    # Other runs of two or more capitalised tokens, institution words cut out.
    others: list[tuple[str, ...]] = []
    start = prev = -2
    for k in [k for k, c in enumerate(caps) if c and not covered[k]] + [-1]:
        if k == prev + 1:
            prev = k
            continue
        if prev > start:
            _names(tokens[start:prev + 1], others)
        start = prev = k
    for name in others:
        named.setdefault(name, "")
    names = sorted(named)
    return Key(" ".join(tokens), tuple(tokens), tuple(sorted(numbers)), tuple(sorted(years)),
               tuple(names), text, tuple(named[x] for x in names))
