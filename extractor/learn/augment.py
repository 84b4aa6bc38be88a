"""Training copies of a gold document written the other ways real documents are written.

The real corpus writes most names in normal case, titles from a few dozen offices, and
whole sentences on one line. Registrations write names and headings in CAPITALS, a
commune writes titles nobody listed ("Công chức Địa chính - Xây dựng"), often in lower
case, and OCR breaks lines mid-sentence. A tagger that saw only the first kind leans on
the shape of the words; each copy here keeps the gold and changes one of these, so the
tagger learns the context instead (issue 11, robustness).

The synthetic titles are built from parts (a head and a field), not taken from a list of
real titles, and none of them is in the robustness suite's list.

    >>> import random
    >>> t, g = capitals("Ông Lê Văn An được giao làm đường.", [{"cadre": "Lê Văn An", "tasks": []}], random.Random(0))
    >>> t
    'Ông LÊ VĂN AN được giao làm đường.'
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable

from ..recognize.text import fold
from ..records import JsonObject

_HEADS = ["Cán bộ", "Công chức", "Chuyên viên", "Trưởng", "Phó Trưởng", "Phụ trách", "Giám đốc", "Phó Giám đốc",
          "Tổ trưởng", "Đội trưởng", "Trưởng trạm", "Chủ nhiệm"]
_FIELDS = ["Lâm nghiệp", "Thủy sản", "Thú y", "Giao thông", "Dân số", "Môi trường", "Thương mại", "Du lịch",
           "Khoa học", "Thống kê", "Kế toán", "Tài nguyên", "Nước sạch", "Chăn nuôi", "Điện lực", "Bưu điện",
           "Địa chất", "Hộ tịch", "Chữ thập đỏ", "Khuyến công", "Quản lý thị trường", "Phát thanh"]
_PLACES = ["xã", "phường", "thị trấn", "huyện", "thôn", ""]


def synthetic_title(rng: random.Random) -> str:
    """A plausible title made of parts: "Công chức Thú y - Giao thông xã"."""
    head = rng.choice(_HEADS)
    field = rng.choice(_FIELDS)
    if rng.random() < 0.4:
        field += " - " + rng.choice(_FIELDS)
    place = rng.choice(_PLACES)
    title = f"{head} {field} {place}".strip()
    return title.lower() if rng.random() < 0.3 else title


def _replace_all(text: str, old: str, new_for: Callable[[str], str]) -> str:
    """Replace every occurrence of ``old`` (compared folded) with ``new_for(match_text)``."""
    if not old:
        return text
    pattern = re.compile(r"(?<![\w])" + r"\s+".join(re.escape(w) for w in fold(old).split()) + r"(?![\w])")
    folded = fold(text)
    out, pos = [], 0
    for m in pattern.finditer(folded):
        out.append(text[pos:m.start()])
        out.append(new_for(text[m.start():m.end()]))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def capitals(text: str, gold: list[JsonObject], rng: random.Random) -> tuple[str, list[JsonObject]]:
    """Names in CAPITALS, and half of the short lines that name a cadre in CAPITALS."""
    for a in gold:
        text = _replace_all(text, a.get("cadre") or "", str.upper)
    lines = text.split("\n")
    names = [fold(a.get("cadre") or "") for a in gold if a.get("cadre")]
    for i, line in enumerate(lines):
        if len(line) < 140 and any(n and n in fold(line) for n in names) and rng.random() < 0.5:
            lines[i] = line.upper()
    return "\n".join(lines), gold


def _constant(value: str) -> Callable[[str], str]:
    """A replacement that ignores what it replaces."""
    def replacement(_match: str) -> str:
        return value

    return replacement


def titles(text: str, gold: list[JsonObject], rng: random.Random) -> tuple[str, list[JsonObject]]:
    """Every gold title replaced by a synthetic one (sometimes in lower case)."""
    out = []
    for a in gold:
        pos = a.get("position") or ""
        if pos and "," not in pos:
            new = synthetic_title(rng)
            text = _replace_all(text, pos, _constant(new))
            a = dict(a, position=new)
        out.append(a)
    return text, out


def breaks(text: str, gold: list[JsonObject], rng: random.Random) -> tuple[str, list[JsonObject]]:
    """Long lines wrapped at 50-75 characters, as OCR keeps the printed line breaks."""
    width = rng.randint(50, 75)
    lines = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            if cut <= 0:
                break
            lines.append(line[:cut])
            line = line[cut + 1:]
        lines.append(line)
    return "\n".join(lines), gold


AUGMENTATIONS = {"capitals": capitals, "titles": titles, "breaks": breaks}


def augment(text: str, gold: list[JsonObject], seed: int) -> list[tuple[str, list[JsonObject]]]:
    """One copy per augmentation, each with its gold (deterministic for a seed)."""
    rng = random.Random(seed)
    out = []
    for fn in AUGMENTATIONS.values():
        new_text, new_gold = fn(text, [dict(a) for a in gold], rng)
        if new_text != text:
            out.append((new_text, new_gold))
    return out
