"""Validate the annotated corpus corpora/extract (documents we wrote, with gold).

What a gold file must be (see /work/shared/corpus/GUIDELINES.md and CONTRACT.md):
every cadre and task is written verbatim in its document, names carry no
honorific, tasks carry no numbering or closing ";"/".", and the split keeps
train and dev apart. The counts are the targets of issue 3.
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTRACT = ROOT / "corpora" / "extract"
SPLITS = ("train", "dev")
KINDS = {"news", "decision", "plan", "report", "negative"}
DOC_KINDS = {"decision", "report", "plan", "news", "other", None}
TEXT_EXT = {".txt", ".md", ".html"}
# the 63 provinces and cities before the 2025 merger (the corpus spans 2015-2026)
PROVINCES = """An Giang, Bà Rịa - Vũng Tàu, Bắc Giang, Bắc Kạn, Bạc Liêu, Bắc Ninh, Bến Tre, Bình Định,
Bình Dương, Bình Phước, Bình Thuận, Cà Mau, Cần Thơ, Cao Bằng, Đà Nẵng, Đắk Lắk, Đắk Nông, Điện Biên,
Đồng Nai, Đồng Tháp, Gia Lai, Hà Giang, Hà Nam, Hà Nội, Hà Tĩnh, Hải Dương, Hải Phòng, Hậu Giang,
Hòa Bình, Hưng Yên, Khánh Hòa, Kiên Giang, Kon Tum, Lai Châu, Lâm Đồng, Lạng Sơn, Lào Cai, Long An,
Nam Định, Nghệ An, Ninh Bình, Ninh Thuận, Phú Thọ, Phú Yên, Quảng Bình, Quảng Nam, Quảng Ngãi,
Quảng Ninh, Quảng Trị, Sóc Trăng, Sơn La, Tây Ninh, Thái Bình, Thái Nguyên, Thanh Hóa, Thừa Thiên Huế,
Tiền Giang, Hồ Chí Minh, Trà Vinh, Tuyên Quang, Vĩnh Long, Vĩnh Phúc, Yên Bái"""
PROVINCES = [p.strip() for p in PROVINCES.replace("\n", " ").split(",")]


class _Text(HTMLParser):
    """Visible text of an HTML file, one block per line (what a reader sees)."""

    BLOCKS = {"p", "br", "tr", "td", "th", "div", "li", "h1", "h2", "h3", "table", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = _Text()
        parser.feed(raw)
        raw = "".join(parser.parts)
    return raw


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def documents() -> list[tuple[str, Path, Path]]:
    """(split, document path, gold path) for every gold file."""
    out = []
    for split in SPLITS:
        for gold in sorted((EXTRACT / split).glob("*.gold.json")):
            stem = gold.name[: -len(".gold.json")]
            docs = [p for p in gold.parent.glob(stem + ".*") if p.suffix in TEXT_EXT]
            assert len(docs) == 1, f"{gold}: expected one document beside it, found {docs}"
            out.append((split, docs[0], gold))
    return out


DOCS = documents() if EXTRACT.is_dir() else []
IDS = [f"{s}/{d.name}" for s, d, _ in DOCS]


def load(gold: Path) -> dict:
    return json.loads(gold.read_text(encoding="utf-8"))


def test_corpus_exists():
    assert DOCS, f"{EXTRACT} holds no gold files; run corpora/tools/build_extract.py"


def test_every_document_has_gold():
    for split in SPLITS:
        for p in (EXTRACT / split).iterdir():
            if p.suffix in TEXT_EXT:
                stem = p.name.split(".")[0]
                assert (p.parent / f"{stem}.gold.json").is_file(), f"{p} has no gold file"


@pytest.mark.parametrize(("split", "doc", "gold"), DOCS, ids=IDS)
def test_gold_shape(split, doc, gold):
    g = load(gold)
    assert g["source"] == f"corpora/extract/{split}/{doc.name}"
    assert g["kind"] in KINDS
    assert g.get("origin") in {"generated", "handwritten"}
    d = g["document"]
    assert set(d) == {"kind", "number", "issuer", "date", "title"}
    assert d["kind"] in DOC_KINDS
    if d["date"] is not None:
        assert re.fullmatch(r"20[12]\d-\d\d-\d\d", d["date"]), d["date"]
    if g["kind"] in ("decision",):
        # excerpts may lack the số/ký hiệu, never the trích yếu
        assert d["kind"] == "decision" and d["title"], "a decision needs its trích yếu"
    assert isinstance(g["assignments"], list)
    if g["kind"] == "negative":
        assert g["assignments"] == [], "a negative document has no assignments"
    names = [a["cadre"] for a in g["assignments"]]
    assert len(names) == len(set(names)), "one assignment per cadre per document"
    for a in g["assignments"]:
        assert set(a) == {"cadre", "position", "unit", "period", "declared_count", "tasks"}, a.keys()
        assert isinstance(a["cadre"], str) and a["cadre"].strip() == a["cadre"] and a["cadre"]
        assert not re.match(r"(?i)(đồng chí|đ/c|ông|bà)\s", a["cadre"]), a["cadre"]
        assert a["position"] is None or (isinstance(a["position"], str) and a["position"])
        assert a["unit"] is None or (isinstance(a["unit"], str) and a["unit"])
        if a["period"] is not None:
            p = a["period"]
            assert set(p) == {"text", "start", "end"}
            assert 2010 <= p["start"] <= p["end"] <= 2035, p
        if a["declared_count"] is not None:
            assert isinstance(a["declared_count"], int)
            assert a["declared_count"] >= len(a["tasks"]), "a count below the tasks listed is a typo"
        assert a["tasks"], f"{a['cadre']}: an assignment has at least one task"
        for t in a["tasks"]:
            assert set(t) == {"text"}
            text = t["text"]
            assert text == text.strip() and text
            assert not re.match(r"^([0-9]+[.)]|[a-hđ]\)|[-+•*])\s", text), f"numbering left in {text!r}"
            assert not text.endswith((";", ".", ",", ":")), f"closing punctuation left in {text!r}"
            assert len(text.split()) <= 40, f"task too long to be one task: {text!r}"
    for s in g["statistics"]:
        assert set(s) == {"text", "tasks", "cadres"}


@pytest.mark.parametrize(("split", "doc", "gold"), DOCS, ids=IDS)
def test_gold_text_is_verbatim(split, doc, gold):
    """Cadre names, tasks, statistics and hard negatives are written in the text."""
    g = load(gold)
    text = collapse(visible_text(doc))
    for a in g["assignments"]:
        assert collapse(a["cadre"]) in text, f"{doc.name}: cadre {a['cadre']!r} not in text"
        for t in a["tasks"]:
            assert collapse(t["text"]) in text, f"{doc.name}: task {t['text']!r} not in text"
        if a["period"] is not None and a["period"]["text"]:
            assert collapse(a["period"]["text"]) in text, f"{doc.name}: period {a['period']['text']!r}"
    for s in g["statistics"]:
        assert collapse(s["text"]) in text
    cadres = {a["cadre"] for a in g["assignments"]}
    for n in g["negatives"]:
        assert collapse(n["text"]) in text, f"{doc.name}: negative {n['text']!r} not in text"
        assert n["text"] not in cadres, f"{doc.name}: {n['text']!r} is both a cadre and a negative"


@pytest.mark.parametrize(("split", "doc", "gold"), DOCS, ids=IDS)
def test_tasks_are_split(split, doc, gold):
    """A task never swallows the next one: ';' separates tasks in these texts."""
    for a in load(gold)["assignments"]:
        for t in a["tasks"]:
            assert ";" not in t["text"], f"{doc.name}: unsplit task {t['text']!r}"


def test_train_and_dev_do_not_overlap():
    by_split: dict[str, dict[str, str]] = {s: {} for s in SPLITS}
    for split, doc, _ in DOCS:
        digest = hashlib.sha256(collapse(visible_text(doc)).encode()).hexdigest()
        by_split[split][doc.name.split(".")[0]] = digest
    names = set(by_split["train"]) & set(by_split["dev"])
    assert not names, f"in both train and dev: {sorted(names)}"
    hashes = set(by_split["train"].values()) & set(by_split["dev"].values())
    assert not hashes, "the same text is in train and dev"
    every = list(by_split["train"].values()) + list(by_split["dev"].values())
    assert len(every) == len(set(every)), "two documents have the same text"


def test_counts_meet_targets():
    golds = [load(g) for _, _, g in DOCS]
    assert len(golds) >= 100, f"{len(golds)} documents, the target is 100"
    hand = sum(g["origin"] == "handwritten" for g in golds)
    assert hand >= 30, f"{hand} hand-written documents, the target is 30"
    empty = sum(not g["assignments"] for g in golds)
    assert empty >= 15, f"{empty} entirely negative documents, the target is ~15"
    hard = sum(bool(g["negatives"]) or bool(g["statistics"]) for g in golds)
    assert hard >= 0.35 * len(golds), f"{hard}/{len(golds)} documents carry hard negatives, the target is 35%"
    kinds = Counter(g["kind"] for g in golds)
    assert set(kinds) == KINDS, kinds
    exts = Counter(d.suffix for _, d, _ in DOCS)
    assert exts[".html"] >= 5 and exts[".md"] + exts[".txt"] >= 5, exts


def test_split_is_stratified():
    per = Counter((s, load(g)["kind"]) for s, _, g in DOCS)
    for kind in KINDS:
        total = per[("train", kind)] + per[("dev", kind)]
        dev = per[("dev", kind)]
        assert dev >= 1, f"no {kind} document in dev"
        assert 0.1 <= dev / total <= 0.35, f"{kind}: {dev}/{total} in dev"


def test_variety():
    """Not one province, one year, one tone style."""
    text = " ".join(collapse(visible_text(d)) for _, d, _ in DOCS)
    folded = text.replace("oà", "òa").replace("uỷ", "ủy").replace("oá", "óa")
    provinces = {p for p in PROVINCES if p in folded}
    assert len(provinces) >= 30, sorted(provinces)
    years = Counter(int(y) for y in re.findall(r"\bnăm (20[12]\d)\b", text))
    assert len([y for y in years if 2015 <= y <= 2026]) >= 10, years
    assert "Hoà" in text or "hoà" in text, "no new tone placement"
    assert "Hòa" in text or "hòa" in text, "no new tone placement"
    for abbr in ("UBND", "HĐND", "HTX", "MTTQ", "đ/c", "Đ/c", "BTV", "NTM", "ĐTN"):
        assert abbr in text, f"abbreviation {abbr} never used"


def test_scorer_scores_gold_against_itself_as_perfect(reference_scorer, tmp_path):
    """The gold is in the shape the reference scorer reads: gold vs gold is 1.0."""
    for split in SPLITS:
        preds = tmp_path / f"{split}.jsonl"
        with preds.open("w", encoding="utf-8") as fh:
            for s, _doc, gold in DOCS:
                if s == split:
                    fh.write(json.dumps(load(gold), ensure_ascii=False) + "\n")
        out = subprocess.run([sys.executable, str(reference_scorer), str(EXTRACT / split), str(preds), "--json"],
                             capture_output=True, text=True, check=True)
        res = json.loads(out.stdout)
        assert res["unread"] == 0
        for k in ("record_f1", "cadre_f1", "role_accuracy", "period_accuracy"):
            assert res[k] == 1.0, (split, k, res)


def test_generator_is_reproducible():
    """corpora/tools/build_extract.py --check: the committed files are what the seed gives."""
    out = subprocess.run([sys.executable, str(ROOT / "corpora" / "tools" / "build_extract.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def _shingles(text: str, n: int) -> set[str]:
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_nothing_is_copied_from_the_real_documents(shared_dev):
    """No run of 12 words is shared with ../shared/corpus/dev: we wrote our own texts.

    Shorter runs do occur, because titles are titles ("Trưởng Phòng Nông nghiệp và
    phát triển nông thôn huyện ..."); 12 words is longer than any title we use.
    """
    real = set()
    for path in shared_dev.glob("*.txt"):
        real |= _shingles(path.read_text(encoding="utf-8"), 12)
    copied = {d.name: sorted(_shingles(visible_text(d), 12) & real)[:3] for _, d, _ in DOCS}
    copied = {k: v for k, v in copied.items() if v}
    assert not copied, copied


@pytest.mark.parametrize(("split", "doc", "gold"), DOCS, ids=IDS)
def test_one_holder_per_single_office(split, doc, gold):
    """A body has one Chủ tịch, one Bí thư, one Giám đốc: two cadres holding the same
    single office in one document would be a generator slip, not a real text."""
    seen: dict[tuple, str] = {}
    for a in load(gold)["assignments"]:
        pos = a["position"] or ""
        if not pos or pos.startswith(("Phó", "Ủy viên", "Uỷ viên", "Thành viên")) and "Thường trực" not in pos:
            continue
        if "Trưởng thôn" in pos:
            continue
        key = (pos, a["unit"])
        assert key not in seen, f"{doc.name}: {seen.get(key)} and {a['cadre']} both {pos} of {a['unit']}"
        seen[key] = a["cadre"]


def _tools():
    sys.path.insert(0, str(ROOT / "corpora" / "tools"))
    import build_extract

    return build_extract


def test_old_tone_placement_examples():
    new_tones = _tools().new_tones
    assert new_tones("Ủy ban xã Hòa Phú, Thủy, khỏe") == "Uỷ ban xã Hoà Phú, Thuỷ, khoẻ"
    # closed syllables are written the same in both styles
    assert new_tones("hoàn thành, toàn huyện, quý") == "hoàn thành, toàn huyện, quý"


@pytest.mark.parametrize("text", ["Hòa Bình", "thủy lợi", "Ủy ban MTTQ", "khỏe mạnh", "Thúy Hòa", "hoàn thành"])
def test_new_tones_are_the_same_words_to_the_scorer(text, reference_scorer):
    """Documents in the old placement stay comparable: the reference key is unchanged."""
    sys.path.insert(0, str(reference_scorer.parent))
    from score import key

    new_tones = _tools().new_tones
    assert key(new_tones(text)) == key(text)
    assert new_tones(new_tones(text)) == new_tones(text)


def test_diff_tool_is_silent_on_gold_against_itself(tmp_path):
    """corpora/tools/diff_pred.py reports nothing when the predictions are the gold."""
    preds = tmp_path / "dev.jsonl"
    preds.write_text("".join(json.dumps(load(g), ensure_ascii=False) + "\n" for s, _, g in DOCS if s == "dev"),
                     encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "corpora" / "tools" / "diff_pred.py"), str(EXTRACT / "dev"),
                          str(preds)], capture_output=True, text=True, check=True)
    assert out.stdout == ""
    # and it does report a dropped task
    first = next(load(g) for s, _, g in DOCS if s == "dev" and load(g)["assignments"])
    first["assignments"][0]["tasks"] = first["assignments"][0]["tasks"][1:] or [{"text": "việc khác hẳn"}]
    preds.write_text(json.dumps(first, ensure_ascii=False) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "corpora" / "tools" / "diff_pred.py"), str(EXTRACT / "dev"),
                          str(preds)], capture_output=True, text=True, check=True)
    assert "task-" in out.stdout
