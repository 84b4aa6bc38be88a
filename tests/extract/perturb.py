"""Perturbations of real documents that must not change the records extracted from them,
and the measure of how many records survive each (issue 11, robustness).

Each perturbation takes a document's text and its gold assignments (used only to find
where names and titles are written) and returns the perturbed text, or ``None`` when it
does not apply to that document. A perturbation that rewrites a title also says how the
records' positions change (``rename``), so that the original's records can be compared
with the perturbed document's.

    >>> p = dc_abbrev("Đồng chí Lê Văn A, đồng chí B", [])
    >>> p.text
    'Đ/c Lê Văn A, đ/c B'

The measure (:func:`compare`): the share of the original's predicted (cadre, task) pairs
that the perturbed document still gives, with the same cadre (name folded: case, tones),
a task with ``fuzz.ratio >= 80`` on comparison keys (one-to-one), the same role
(``position + unit``, ``fuzz.token_set_ratio >= 80``; for a rewritten title, the position
alone) and the same period.

    python -m tests.extract.perturb [--docs N]     # the table for ../shared/corpus/train
"""
from __future__ import annotations

import random
import re
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractor.evaluate import key, pair_up


@dataclass(frozen=True)
class Perturbed:
    text: str
    # comparison key of an original title -> the title written in its place
    rename: dict[str, str] = field(default_factory=dict)
    # compare the position alone (the unit a rewritten title implies is not known)
    position_only: bool = False
    # comparison key of a gold cadre -> the title the perturbation wrote for that cadre's
    # gold title: where the original's position was only a fragment of the gold title
    # ("Bí thư" for "Tổng Bí thư"), or missing, ``rename`` cannot map it, and the perturbed
    # document giving the cadre the written title is right, not a change for the worse
    titles: dict[str, str] = field(default_factory=dict)
    # compare cadres with the tone marks of their names left out (the perturbation misreads them)
    untoned_names: bool = False


Perturbation = Callable[[str, list[dict]], "Perturbed | None"]


def _occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``text``, case-insensitive, not inside a longer word."""
    if not needle:
        return []
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return [m.start() for m in re.finditer(pattern, text, flags=re.IGNORECASE)]


def _names(gold: list[dict]) -> list[str]:
    return sorted({a["cadre"] for a in gold if a.get("cadre")}, key=len, reverse=True)


def _positions(gold: list[dict]) -> list[str]:
    return sorted({a["position"] for a in gold if a.get("position")}, key=len, reverse=True)


def _changed(text: str, new: str, **kw) -> Perturbed | None:
    return Perturbed(new, **kw) if new != text else None


# ------------------------------------------------------------------ the perturbations
# a line that starts like a heading or a list item: "I.", "2)", "a.", "-", "+", "đồng chí …"
_HEADING = re.compile(r"\s*(?:(?:[IVXLC]+|\d+|[a-zđ])[.):/]\s|[-+•*–]\s*|(?:đồng chí|đ/c|ông|bà)\s)", re.IGNORECASE)


def capitals(text: str, gold: list[dict]) -> Perturbed | None:
    """Names in CAPITALS, and short heading or list lines naming a cadre in capitals as a
    whole (``I. ĐỒNG CHÍ … - …``, as registrations write them)."""
    chars = list(text)
    for name in _names(gold):
        for at in _occurrences(text, name):
            chars[at:at + len(name)] = text[at:at + len(name)].upper()
    out = "".join(chars)
    lines = out.split("\n")
    for i, line in enumerate(lines):
        if _HEADING.match(line) and len(line.strip()) <= 120 and any(_occurrences(line, n) for n in _names(gold)):
            lines[i] = line.upper()
    return _changed(text, "\n".join(lines))


# the words titles begin with; only those are put in lower case (a place keeps its capital)
TITLE_WORDS = frozenset("""phó chủ tịch bí thư trưởng giám đốc công chức chánh ủy uỷ viên thường trực tổ
    thành cán bộ chỉ huy tư lệnh chính trị đại biểu kế toán hiệu chuyên""".split())


def lower_titles(text: str, gold: list[dict]) -> Perturbed | None:
    """Titles in lower case, as many registrations write them: ``chủ tịch UBND xã``,
    ``trưởng phòng Nông nghiệp`` (the leading title words only: bodies and places keep
    their capitals)."""
    out = text
    for pos in _positions(gold):
        words = pos.split(" ")
        i = 0
        while i < len(words) and words[i].casefold() in TITLE_WORDS:
            i += 1
        lowered = " ".join([w.lower() for w in words[:i]] + words[i:])
        if lowered != pos:
            out = re.sub(r"(?<!\w)" + re.escape(pos) + r"(?!\w)", lambda m, lowered=lowered: lowered, out)
    return _changed(text, out)


# titles written for this suite: none is in the recognisers' lists, all are real kinds of post
UNSEEN_TITLES = (
    "Công chức Tư pháp - Hộ tịch", "Trưởng Trạm Khuyến nông xã", "Công chức Văn phòng - Thống kê",
    "Công chức Địa chính - Xây dựng", "Trưởng Đài Truyền thanh xã", "Phó Trưởng Trạm Y tế xã",
    "Trưởng Ban Quản lý rừng phòng hộ", "Chỉ huy trưởng Ban Chỉ huy Quân sự xã",
    "Giám đốc Hợp tác xã Chè Bát Tiên", "Công chức Văn hóa - Xã hội",
)


def unseen_title(text: str, gold: list[dict]) -> Perturbed | None:
    """Every gold title written in the text replaced by a title outside any list
    (``Công chức Tư pháp - Hộ tịch``, ``Trưởng Trạm Khuyến nông xã``, …), one per title."""
    positions = [p for p in _positions(gold) if _occurrences(text, p)]
    # a title inside another one (Phó Chủ tịch / Chủ tịch) would be cut in two: keep the longest
    positions = [p for p in positions if not any(p != q and key(p) in key(q) for q in positions)]
    if not positions:
        return None
    rng = random.Random(len(text))
    titles = list(UNSEEN_TITLES)
    rng.shuffle(titles)
    rename, out = {}, text
    for i, pos in enumerate(positions):
        new = titles[i % len(titles)]
        rename[key(pos)] = new
        out = re.sub(r"(?<!\w)" + re.escape(pos) + r"(?!\w)", lambda m, new=new: new, out, flags=re.IGNORECASE)
    written = {key(a["cadre"]): _rename(a["position"], rename) for a in gold if a.get("cadre") and a.get("position")}
    return _changed(text, out, rename=rename, position_only=True,
                    titles={c: t for c, t in written.items() if t != key(None)})


def dc_abbrev(text: str, gold: list[dict]) -> Perturbed | None:
    """``Đ/c`` for ``đồng chí`` (``Đ/C`` in capitals)."""
    def abbreviate(m: re.Match) -> str:
        word = m.group(0)
        return "Đ/C" if word.isupper() else ("Đ/c" if word[0].isupper() else "đ/c")

    return _changed(text, re.sub(r"(?<!\w)đồng chí(?!\w)", abbreviate, text, flags=re.IGNORECASE))


# where a title written after the name ends: the next mark, or a verb of the sentence
_TITLE_END = re.compile(r"[,;:.()\n–]| - | (?:được|làm|là|phụ trách|chịu|giữ|có|trực tiếp|tham gia|đảm nhận|"
                        r"thực hiện|đăng ký|chỉ đạo|theo dõi|cùng|và)(?!\w)")


_CLOSING_COMMA = re.compile(r", (?:được|làm|là|phụ trách|chịu|giữ|có|trực tiếp|tham gia|đảm nhận|cùng)(?!\w)")


def title_first(text: str, gold: list[dict]) -> Perturbed | None:
    """``Chủ tịch UBND xã X Nguyễn Văn A`` where the text has ``Nguyễn Văn A, Chủ tịch UBND xã X``
    (``đồng chí`` stays before the title; ``ông``/``bà`` go)."""
    edits: list[tuple[int, int, str]] = []
    for a in gold:
        name, pos = a.get("cadre"), a.get("position")
        if not name or not pos:
            continue
        for at in _occurrences(text, name):
            after = at + len(name)
            if not text.startswith(", ", after):
                continue
            start = after + 2
            if not text[start:start + len(pos)].casefold() == pos.casefold():
                continue
            m = _TITLE_END.search(text, start + len(pos))
            end = m.start() if m else len(text)
            if end - start > 120:
                continue
            title = text[start:end].rstrip()
            # the comma that closed "Name, Title," goes with the apposition: "Title Name làm …"
            if _CLOSING_COMMA.match(text, start + len(title)):
                end = start + len(title) + 1
            # "ông/bà <title> <name>" is not written: the title replaces them ("đồng chí" stays)
            honorific = re.search(r"(?<!\w)(?:ông|bà)\s+$", text[max(0, at - 4):at], flags=re.IGNORECASE)
            begin = at - len(honorific.group(0)) if honorific else at
            edits.append((begin, end if end > start + len(title) else start + len(title), f"{title} {text[at:after]}"))
    out, last = [], 0
    for s, e, new in sorted(set(edits)):
        if s < last:
            continue
        out.append(text[last:s] + new)
        last = e
    return _changed(text, "".join(out) + text[last:])


def ocr_breaks(text: str, gold: list[dict]) -> Perturbed | None:
    """Lines broken mid-sentence at a page's width (about 60 characters), as OCR and
    copies from PDF give them."""
    lines = []
    for line in text.split("\n"):
        if len(line) <= 70:
            lines.append(line)
        else:
            lines.extend(textwrap.wrap(line, width=60, break_long_words=False, break_on_hyphens=False))
    return _changed(text, "\n".join(lines))


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def new_tone(word: str) -> str:
    """The new tone placement of one syllable: on the second vowel of oa, oe, uy with no
    final consonant (hòa -> hoà, thủy -> thuỷ); other syllables come back unchanged.

    >>> new_tone("Hòa"), new_tone("thủy"), new_tone("hoàn"), new_tone("quý")
    ('Hoà', 'thuỷ', 'hoàn', 'quý')
    """
    nfd = unicodedata.normalize("NFD", word)
    tones = [c for c in nfd if c in _TONES]
    if len(tones) != 1:
        return word
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    low = bare.casefold()
    if len(low) < 2 or low[-2:] not in ("oa", "oe", "uy") or low.startswith("qu") and low[-2:] == "uy":
        return word
    return unicodedata.normalize("NFC", bare + tones[0])


def tones(text: str, gold: list[dict]) -> Perturbed | None:
    """Old tone placement turned into the new one everywhere (hòa -> hoà, thủy -> thuỷ)."""
    return _changed(text, re.sub(r"\w+", lambda m: new_tone(m.group(0)), text))


# The tone slips OCR makes most in scanned names (corpora/ocr_names): grave read as acute,
# acute as hook, hook and tilde as acute, the dot below lost.
_SLIPS = {"\u0300": "\u0301", "\u0301": "\u0309", "\u0309": "\u0301", "\u0303": "\u0301", "\u0323": ""}


def slip_tone(word: str) -> str:
    """``word`` with its tone mark misread as OCR misreads it (unchanged without one).

    >>> slip_tone("Trần"), slip_tone("Nguyễn"), slip_tone("Phạm"), slip_tone("Lê")
    ('Trấn', 'Nguyến', 'Pham', 'Lê')
    """
    nfd = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(_SLIPS.get(c, c) if c in _TONES else c for c in nfd))


def ocr_names(text: str, gold: list[dict]) -> Perturbed | None:
    """Each cadre's family and given name read with the wrong tone mark, wherever the
    name is written (``Trấn Văn Tuấn`` for ``Trần Văn Tuấn``, in capitals too), as a
    scanned page gives them back: the name must still be found (its records are compared
    with tone marks left out of names)."""
    new = text
    for name in _names(gold):
        words = name.split()
        if len(words) < 2:
            continue
        slipped = " ".join(slip_tone(w) if i in (0, len(words) - 1) else w for i, w in enumerate(words))
        for was, now in ((name, slipped), (name.upper(), slipped.upper())):
            new = re.sub(r"(?<!\w)" + re.escape(was) + r"(?!\w)", now, new)
    return _changed(text, new, untoned_names=True)


PERTURBATIONS: dict[str, Perturbation] = {
    "capitals": capitals,
    "lower_titles": lower_titles,
    "unseen_title": unseen_title,
    "dc_abbrev": dc_abbrev,
    "title_first": title_first,
    "ocr_breaks": ocr_breaks,
    "tones": tones,
    "ocr_names": ocr_names,
}


# ------------------------------------------------------------------ the measure
def _rename(text: str | None, rename: dict[str, str]) -> str:
    k = key(text)
    for old, new in sorted(rename.items(), key=lambda kv: -len(kv[0])):  # "phó chủ tịch …" before "chủ tịch …"
        if old and old in k:
            k = k.replace(old, key(new))
    return k


def _period(a: dict) -> tuple | None:
    p = a.get("period")
    return (p.get("start"), p.get("end")) if p else None


def _tasks(a: dict, rename: dict[str, str] | None = None) -> list[str]:
    """Comparison keys of an assignment's tasks; with ``rename``, as the perturbation
    rewrote them (a task that names a rewritten title, "giúp Chủ tịch UBND …", is
    rewritten in the text too)."""
    return [_rename(t["text"] if isinstance(t, dict) else t, rename or {}) for t in a.get("tasks") or []]


@dataclass
class Tally:
    pairs: int = 0     # (cadre, task) pairs the original gives
    kept: int = 0      # of which the perturbed document gives the same
    extra: int = 0     # pairs the perturbed document gives that the original did not
    docs: int = 0
    changed_docs: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.kept / self.pairs if self.pairs else 1.0


def compare(original: list[dict], perturbed: list[dict], how: Perturbed) -> tuple[int, int, int]:
    """(pairs of the original, pairs kept, extra pairs) for one document's assignments."""
    def role(a: dict, renamed: bool) -> str:
        position = _rename(a.get("position"), how.rename) if renamed else key(a.get("position"))
        return position if how.position_only else f"{position} {key(a.get('unit'))}".strip()

    def person(a: dict) -> str:
        k = key(a.get("cadre"))
        if not how.untoned_names:
            return k
        return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", k) if c not in _TONES))

    def same(o: dict, p: dict) -> float:
        if person(o) != person(p):
            return 0.0
        ot, pt = _tasks(o, how.rename), _tasks(p)
        common = len(pair_up(ot, pt, fuzz.ratio, 80.0)) / max(len(ot), len(pt), 1)
        return 100.0 + 0.5 * common + 0.4 * (_period(o) == _period(p))

    def alike(a: str, b: str) -> bool:
        return a == b or fuzz.token_set_ratio(a, b) >= 80

    total = sum(len(_tasks(a)) for a in original)
    kept = found = 0
    for oi, pi in pair_up(original, perturbed, same, 100.0):
        o, p = original[oi], perturbed[pi]
        hits = len(pair_up(_tasks(o, how.rename), _tasks(p), fuzz.ratio, 80.0))
        found += hits
        rp = role(p, False)
        written = how.titles.get(key(p.get("cadre")))
        if _period(o) == _period(p) and (alike(role(o, True), rp) or (written is not None and alike(written, rp))):
            kept += hits
    extra = sum(len(_tasks(a)) for a in perturbed) - found
    return total, kept, extra


def extract_text(text: str, name: str) -> list[dict]:
    """The contract's assignments for a text, read as a .txt file is."""
    from extractor.pipeline import extract_document
    from extractor.read import read_bytes

    doc = read_bytes(text.encode("utf-8"), name)
    return extract_document(doc).to_dict()["assignments"]


def measure(documents: list[tuple[str, str, list[dict]]],
            perturbations: dict[str, Perturbation] = PERTURBATIONS) -> dict[str, Tally]:
    """Run every perturbation over ``documents`` ((name, text, gold)); a Tally each."""
    originals = {name: extract_text(text, name + ".txt") for name, text, _ in documents}
    out = {}
    for pname, perturb in perturbations.items():
        tally = Tally()
        for name, text, gold in documents:
            how = perturb(text, gold)
            if how is None or not originals[name]:
                continue
            total, kept, extra = compare(originals[name], extract_text(how.text, name + ".txt"), how)
            tally.docs += 1
            tally.pairs += total
            tally.kept += kept
            tally.extra += extra
            if kept < total or extra:
                tally.changed_docs.append(name)
        out[pname] = tally
    return out


def table(results: dict[str, Tally], thresholds: dict[str, float] | None = None) -> str:
    """The per-perturbation table: documents perturbed, pairs, kept, share, extra pairs."""
    thresholds = thresholds or {}
    rows = [f"{'perturbation':14} {'docs':>5} {'pairs':>6} {'kept':>6} {'share':>7} {'extra':>6} {'floor':>6}"]
    for name, t in results.items():
        floor = thresholds.get(name)
        rows.append(f"{name:14} {t.docs:5} {t.pairs:6} {t.kept:6} {t.share:7.3f} {t.extra:6} "
                    f"{'' if floor is None else f'{floor:.3f}':>6}")
    return "\n".join(rows)


def shared_documents(folder, *, limit: int | None = None, seed: int = 0) -> list[tuple[str, str, list[dict]]]:
    """(name, text, gold) for the documents of a gold folder that have assignments in their
    gold (sampled with ``seed`` when ``limit`` is given)."""
    from pathlib import Path

    from extractor.evaluate import documents_for, load_golds

    golds = load_golds(Path(folder))
    docs = [(p.name.split(".")[0], p.read_text(encoding="utf-8"), golds[p.name.split(".")[0]])
            for p in documents_for(Path(folder)) if golds.get(p.name.split(".")[0])]
    if limit is not None and limit < len(docs):
        docs = sorted(random.Random(seed).sample(docs, limit))
    return docs


if __name__ == "__main__":
    import argparse
    import sys
    import time

    from tests.conftest import SHARED

    parser = argparse.ArgumentParser(prog="python -m tests.extract.perturb", description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=str(SHARED / "corpus" / "train"))
    parser.add_argument("--docs", type=int, default=None, help="sample this many documents (seed 0)")
    parser.add_argument("--show", default=None, help="print the perturbed text of this document for each perturbation")
    opts = parser.parse_args()
    docs = shared_documents(opts.folder, limit=opts.docs)
    if opts.show:
        for name, text, gold in docs:
            if name == opts.show:
                for pname, perturb in PERTURBATIONS.items():
                    how = perturb(text, gold)
                    print(f"===== {pname}: {'(does not apply)' if how is None else how.rename}")
                    if how is not None:
                        print(how.text)
        sys.exit(0)
    started = time.time()
    results = measure(docs)
    print(table(results))
    for name, t in results.items():
        print(f"{name}: changed in {', '.join(t.changed_docs) or '-'}")
    print(f"{len(docs)} documents, {time.time() - started:.1f} s", file=sys.stderr)
