"""The Vietnamese syllable (âm tiết) and where its tone mark goes.

A syllable is an onset, a vowel nucleus and a coda ("ngh" + "iê" + "ng"); it carries at
most one tone mark (dấu thanh: huyền, sắc, hỏi, ngã, nặng) on one of its vowels. Two
conventions place that mark differently in "oa", "oe", "uy" ending a syllable: the
*old* placement puts it on the first vowel ("hòa", "thủy", "khỏe"), the *new* one on the
second ("hoà", "thuỷ", "khoẻ"). Both are in the documents we read; we keep the old one,
as ``underthesea.text_normalize`` does, so that names and tasks compare equal.

Moving a mark only moves it between letters of one syllable, so a text keeps its length
and every offset computed on it stays valid.

    >>> place_tones("thuỷ"), place_tones("Hoà"), place_tones("hoàn"), place_tones("quý")
    ('thủy', 'Hòa', 'hoàn', 'quý')
"""
from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["GRAVE", "ACUTE", "HOOK", "TILDE", "DOT", "TONES", "WORD_RE", "place_tones",
           "normalize_tones", "is_vietnamese_syllable", "split_tone"]

# Combining tone marks and the vowel modifiers that are part of the letter.
GRAVE, ACUTE, HOOK, TILDE, DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
TONES = (GRAVE, ACUTE, HOOK, TILDE, DOT)
_TONE_SET = frozenset(TONES)
# Some sources use the Vietnamese-specific combining marks U+0340/U+0341 (grave/acute tone).
_TONE_ALIASES = {"\u0340": GRAVE, "\u0341": ACUTE}
_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
_CODAS = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
# Vowel nuclei (with modifiers, without tone) that occur in Vietnamese, including the
# glides "i/y/o/u" that close a syllable ("ai", "ao", "ươi").
_NUCLEI = frozenset("""
a ă â e ê i o ô ơ u ư y
ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ ưa ưi ươ ưu uy yê
oai oay oeo uây uôi ươi ươu uya uyê uyu iêu yêu uyê ueo
""".split())
# Nuclei that may be followed by a final consonant.
_CLOSED_OK = frozenset("a ă â e ê i o ô ơ u ư y iê oa oă oe uâ uê uô ươ uy yê uyê oo".split())
_STOP_CODAS = frozenset({"c", "ch", "p", "t"})

# A word: a run of letters (no digits, no underscore).
WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def split_tone(syllable: str, where: list[int] | None = None) -> tuple[str, str | None, int]:
    """A syllable without its tone mark: (NFC text without tone, tone, count of tones).

    ``where`` (if given) receives the index of the letter that carried the tone.

        >>> split_tone("Hoà")
        ('Hoa', '̀', 1)
    """
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = None
    count = 0
    kept = []
    base = ""
    letters = 0
    for ch in decomposed:
        ch = _TONE_ALIASES.get(ch, ch)
        if ch in _TONE_SET:
            tone = ch
            if where is not None:
                where.append(letters - 1)
            # a tone on a consonant ("ñ" read from a legacy byte) is no Vietnamese letter
            count += 1 if base.lower() in "aeiouy" and base else 9
        else:
            if not unicodedata.combining(ch):
                base = ch
                letters += 1
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone, count


def _rhyme_ok(nucleus: str, coda: str) -> bool:
    """Finals that Vietnamese spelling allows after a nucleus: "anh", "ích", never "ônh",
    "ing"; "ă"/"â" never end a syllable."""
    if coda in ("nh", "ch"):
        return nucleus in ("a", "ê", "i", "y", "oa", "uê", "uy")
    if coda in ("ng", "c"):
        return nucleus not in ("ê", "i", "y", "ơ", "uê", "uy", "uơ")
    if not coda:
        return nucleus not in ("ă", "â", "oă", "uâ", "iê", "yê", "uyê", "uô", "ươ")
    return True


def _parse(bare_lower: str) -> tuple[str, str, str] | None:
    """Split a toneless lower-case syllable into (onset, nucleus, coda), or None."""
    for onset in _ONSETS:
        if not bare_lower.startswith(onset):
            continue
        rest = bare_lower[len(onset):]
        for coda in _CODAS:
            if coda and not rest.endswith(coda):
                continue
            nucleus = rest[: len(rest) - len(coda)] if coda else rest
            if not nucleus:
                # "gi" + coda: "gìn" = g + i + n; handled by the onset "g".
                continue
            if nucleus in _NUCLEI and (not coda or nucleus in _CLOSED_OK) and _rhyme_ok(nucleus, coda):
                return onset, nucleus, coda
    return None


def _tone_index(onset: str, nucleus: str, coda: str) -> int:
    """Index inside the nucleus that carries the tone, old placement (hòa, thủy)."""
    for i, ch in enumerate(nucleus):  # a modified vowel takes the mark: ơ in "ươ", ê in "uyê"
        if ch in "ăâêôơư":
            if nucleus == "ươ" or nucleus.startswith("ươ"):
                return 1
            return i
    if len(nucleus) == 1:
        return 0
    if len(nucleus) == 3:
        return 1
    # two plain vowels: on the second when a final consonant follows (hoàn, toán),
    # on the first otherwise (hòa, thủy, mùa, tài)
    return 1 if coda else 0


@functools.lru_cache(maxsize=65536)
def place_tones(word: str) -> str:
    """Put the tone mark of one syllable where the old placement wants it ("thuỷ" ->
    "thủy"), keeping its case and length. Words that are not a Vietnamese syllable come
    back unchanged.

        >>> place_tones("KHOẺ"), place_tones("Uỷ"), place_tones("hòan"), place_tones("Quỳnh")
        ('KHỎE', 'Ủy', 'hoàn', 'Quỳnh')
    """
    if not word or len(word) > 8:
        return word
    bare, tone, count = split_tone(word)
    if tone is None or count != 1:
        return word
    lower = bare.lower()
    parts = _parse(lower)
    if parts is None:
        return word
    onset, nucleus, coda = parts
    idx = len(onset) + _tone_index(onset, nucleus, coda)
    if len(bare) != len(lower):  # a letter whose lower-case is longer: leave alone
        return word
    out = bare[:idx] + unicodedata.normalize("NFC", bare[idx] + tone) + bare[idx + 1:]
    out = unicodedata.normalize("NFC", out)
    # offsets must not move: only accept a result of the same length as the input
    return out if len(out) == len(word) else word


# Vowel letters in any case with any marks, and those of them carrying a tone.
_VOWEL_LETTERS = "".join(sorted(
    c for c in map(chr, range(0x41, 0x1F00))
    if c.isalpha() and unicodedata.normalize("NFD", c)[0] in "aeiouyAEIOUY"))
_TONED = "".join(c for c in _VOWEL_LETTERS if _TONE_SET & set(unicodedata.normalize("NFD", c)))
# A mark can only stand in the wrong place in a nucleus of two vowels or more, so only
# words with a toned vowel beside another vowel are looked at: most words are skipped.
_MAYBE_MISPLACED = re.compile(rf"[{_TONED}][{_VOWEL_LETTERS}]|[{_VOWEL_LETTERS}][{_TONED}]")


def normalize_tones(text: str) -> str:
    """:func:`place_tones` on every word of an NFC ``text``; the length is kept.

        >>> normalize_tones("Uỷ ban xã Hoà Phú, tuỳ theo hoàn cảnh")
        'Ủy ban xã Hòa Phú, tùy theo hoàn cảnh'
    """
    if text.isascii():
        return text
    out: list[str] = []
    done = 0  # text[:done] is in out
    n = len(text)
    for m in _MAYBE_MISPLACED.finditer(text):
        start, end = m.start(), m.end()
        if start < done:
            continue
        while start > done and _is_letter(text[start - 1]):
            start -= 1
        while end < n and _is_letter(text[end]):
            end += 1
        word = text[start:end]
        fixed = place_tones(word)
        if fixed != word:
            out.append(text[done:start])
            out.append(fixed)
            done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _is_letter(ch: str) -> bool:
    """A letter of a word as :data:`WORD_RE` reads them (not a digit, not "_")."""
    return ch.isalpha()


@functools.lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` is a well-formed Vietnamese syllable (any case, either placement).

        >>> is_vietnamese_syllable("Nguyễn"), is_vietnamese_syllable("Nguyẽn"[:3] + "q")
        (True, False)
    """
    where: list[int] = []
    bare, tone, count = split_tone(word, where)
    if count > 1:
        return False
    parts = _parse(bare.lower())
    if parts is None:
        return False
    onset, nucleus, coda = parts
    # A syllable closed by a stop (c, ch, p, t) only takes the sắc or nặng tone.
    if coda in _STOP_CODAS and tone not in (None, ACUTE, DOT):
        return False
    if tone is not None and len(bare) == len(word):
        # The mark sits where one of the two placements puts it ("xã", never "xaõ").
        allowed = {len(onset) + _tone_index(onset, nucleus, coda)}
        if nucleus in ("oa", "oe", "uy") and not coda:
            allowed.add(len(onset) + 1)
        if where and where[0] not in allowed:
            return False
    return True
