"""Repair of names and titles after OCR (issue 12): strong evidence only, every repair explained."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from extractor.normalize import place_tones
from extractor.records import Assignment, Document, Field, Page, Span, Task
from extractor.repair import repair_assignments, repair_name, repair_title
from extractor.repair.confusion import confusion_cost

NAMES = Path(__file__).resolve().parents[2] / "corpora" / "ocr_names" / "names.jsonl"


@pytest.mark.parametrize("read, true", [
    ("Trân Văn Hùng", "Trần Văn Hùng"),  # the three examples
    ("Nguyễn Văn Đũng", "Nguyễn Văn Dũng"),
    ("Lê Văn Tuy", "Lê Văn Tùy"),
    ("Nguyên Thị Hương", "Nguyễn Thị Hương"),
    ("Phạm Thi Lan", "Phạm Thị Lan"),  # "Thi" is a given name, hardly ever a middle one
    ("Ngõ Quang Minh", "Ngô Quang Minh"),  # a tone read for the circumflex
    ("Iê Văn Narn", "Lê Văn Nam"),  # letter shapes: l/I, rn/m
    ("TRÂN VĂN ĐŨNG", "TRẦN VĂN DŨNG"),  # capitals stay capitals
    ("Lam Ö Thông", "Lam Ô Thông"),  # a letter no Vietnamese name has, even alone
    ("Siu Doän Thảo Mai", "Siu Doãn Thảo Mai"),  # ... and in a name of other rules, only it
    ("kha Tú Dũng", "Kha Tú Dũng"),  # a part read in another case than the rest
    ("LÊ Tuyết Mai", "Lê Tuyết Mai"),
    ("NGUYỄN VĂN an", "NGUYỄN VĂN AN"),
    ("Trần Huyến Mai", "Trần Huyền Mai"),  # a rare given name in middle place, one slip from a common one
])
def test_damaged_names_are_restored(read, true):
    assert repair_name(read)[0] == true


@pytest.mark.parametrize("name", [
    "Trần Văn Dũng", "Nguyễn Thị Trân",  # Trân is a given name: only the family name is wrong
    "Khổng Thị Thoan", "Lăng Văn Sính", "Đàm Hậu Ngọc Thi", "Bế Văn Đông", "Ma Trọng Long",
    "Ksor H'Luân", "Hờ A Sính", "Y Moan Niê",  # Central Highlands and Hmong names
    "Nguyễn Thị Dung",  # Dung and Dũng are both names: nothing to tell them apart
    "Siu Đức Ksor", "LÊ VĂN TÂM", "Lê Văn Y",  # one case throughout; a capital alone is an initial
])
def test_correct_names_are_left_alone(name):
    assert repair_name(name) == (name, ())


def test_ambiguous_reading_is_left_as_read():
    # "Hung" is Hùng or Hưng, both common: no strong evidence, no repair
    assert repair_name("Lê Văn Hung") == ("Lê Văn Hung", ())


def test_every_repair_is_explained():
    name, fixes = repair_name("Trân Văn Đũng")
    assert name == "Trần Văn Dũng"
    assert [(f.field, f.original, f.repaired) for f in fixes] == [
        ("cadre", "Trân", "Trần"), ("cadre", "Đũng", "Dũng")]
    assert "họ 'Trân'" in fixes[0].reason and "dấu thanh" in fixes[0].reason
    assert "tên 'Đũng'" in fixes[1].reason and "đ/d" in fixes[1].reason


def test_case_and_foreign_letters_are_explained():
    _, [case] = repair_name("kha Tú Dũng")
    assert (case.original, case.repaired) == ("kha", "Kha") and "viết khác các chữ còn lại" in case.reason
    _, [letter] = repair_name("Siu Doän Thảo Mai")
    assert (letter.original, letter.repaired) == ("Doän", "Doãn") and "'ä' không có trong chữ Việt" in letter.reason


def test_titles_are_repaired_phrase_by_phrase():
    text, fixes = repair_title("Phó Chù tịch UBND xã Hòa Phú")
    assert text == "Phó Chủ tịch UBND xã Hòa Phú"
    assert [(f.field, f.original, f.repaired) for f in fixes] == [("position", "Chù", "Chủ")]
    # place names are not title words: never touched
    assert repair_title("Bí thư Đảng ủy xã Kiên Đài") == ("Bí thư Đảng ủy xã Kiên Đài", ())
    assert repair_title("Ủy ban nhân dàn huyện Chiêm Hóa", "unit")[0] == "Ủy ban nhân dân huyện Chiêm Hóa"
    # a title word read for another ("Chỉ" for "Chi") only where the phrase says so
    assert repair_title("Bí thư Chỉ bộ thôn 3")[0] == "Bí thư Chi bộ thôn 3"
    assert repair_title("Chỉ huy trưởng Ban Chỉ huy Quân sự huyện")[1] == ()


def test_confusion_costs():
    assert confusion_cost("trân", "trần") == 1
    assert confusion_cost("đũng", "dũng") == 1
    assert confusion_cost("hùng", "dũng") > 2


def test_assignments_carry_their_repairs():
    a = Assignment(cadre=Field("Trân Văn Đũng", Span(1, 10, 23), 0.9, "rule:honorific"),
                   tasks=(Task("xây dựng chợ"),), position=Field("Chù tịch UBND xã", Span(1, 25, 41)))
    (b,) = repair_assignments([a])
    assert b.cadre.text == "Trần Văn Dũng" and b.cadre.span == a.cadre.span
    assert b.cadre.source == "rule:honorific+repair"
    assert b.position.text == "Chủ tịch UBND xã"
    d = b.to_dict()
    assert d["cadre"] == "Trần Văn Dũng"
    assert [(r["field"], r["original"], r["repaired"]) for r in d["repairs"]] == [
        ("cadre", "Trân", "Trần"), ("cadre", "Đũng", "Dũng"), ("position", "Chù", "Chủ")]
    # nothing to repair: the very same record comes back
    assert repair_assignments([b])[0].repairs == b.repairs


def test_pipeline_repairs_only_ocr_pages():
    from extractor.pipeline import extract_document

    text = ("Năm 2022, đồng chí Trân Văn Đũng, Chủ tịch UBND xã Hòa Phú được giao 2 việc là làm đường thôn 3; "
            "xây chợ xã.")
    scanned = extract_document(Document("a.png", "", "image", (Page(1, text, ocr=True),)))
    (a,) = scanned.assignments
    assert a.cadre.text == "Trần Văn Dũng"
    assert text[a.cadre.span.start:a.cadre.span.end] == "Trân Văn Đũng"  # the span keeps what was read
    assert [r.original for r in a.repairs] == ["Trân", "Đũng"]
    typed = extract_document(Document("a.txt", "", "txt", (Page(1, text),)))
    assert typed.assignments[0].cadre.text == "Trân Văn Đũng" and not typed.assignments[0].repairs


def _norm(s: str) -> str:
    return " ".join(place_tones(w) for w in unicodedata.normalize("NFC", s).split())


def test_labelled_ocr_names():
    """corpora/ocr_names: names rendered, degraded and OCR'd (corpora/tools/build_ocr_names.py)."""
    rows = [json.loads(line) for line in NAMES.read_text(encoding="utf-8").splitlines()]
    correct = [r for r in rows if _norm(r["read"]) == _norm(r["true"])]
    damaged = [r for r in rows if _norm(r["read"]) != _norm(r["true"])]
    assert len(damaged) >= 200
    changed = [r["read"] for r in correct if repair_name(r["read"])[1]]
    assert changed == []  # no correct name changed
    restored = sum(_norm(repair_name(r["read"])[0]) == _norm(r["true"]) for r in damaged)
    # not all (the share: `python -m bench repair`): a read that is itself a known name in its
    # place ("Tuyến" for "Tuyền") cannot be told from a correct one, and ties are left
    assert restored / len(damaged) >= 0.5
    office = [r for r in damaged if r["severity"] in ("office", "small")]  # scans as offices make them
    assert sum(_norm(repair_name(r["read"])[0]) == _norm(r["true"]) for r in office) / len(office) >= 0.6


def test_labelled_ocr_titles():
    """corpora/ocr_names/titles.jsonl: titles and bodies rendered, degraded and OCR'd."""
    rows = [json.loads(line) for line in NAMES.with_name("titles.jsonl").read_text(encoding="utf-8").splitlines()]
    damaged = [r for r in rows if _norm(r["read"]) != _norm(r["true"])]
    assert [r["read"] for r in rows if r not in damaged and repair_title(r["read"])[1]] == []
    restored = sum(_norm(repair_title(r["read"])[0]) == _norm(r["true"]) for r in damaged)
    # not all: place names are never repaired, and a stray quote stays
    assert restored / len(damaged) >= 0.8


SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is absent")
def test_real_names_and_titles_are_left_alone():
    """The gold cadres, positions and units of the shared corpus (typed, so correct) as if
    OCR had read them: none is changed but the family name "Nguyên", which is left out of
    the lexicon on purpose (the commonest misreading of Nguyễn; the reviewer sees it)."""
    names, titles = [], []
    for path in sorted(SHARED.glob("*/*.gold.json")):
        for a in json.loads(path.read_text(encoding="utf-8")).get("assignments", []):
            names.append(a["cadre"])
            titles += [(k, a[k]) for k in ("position", "unit") if a.get(k)]
    assert len(names) > 300
    changed = [n for n in names if repair_name(n)[1]]
    assert all(n.startswith("Nguyên ") for n in changed), changed
    assert [t for k, t in titles if repair_title(t, k)[1]] == []


def test_a_family_name_missing_from_the_list_is_not_changed_on_a_guess():
    # "Lèo" (a Thái family name) is not in the lexicon; "Lò" is the nearest listed, at a
    # few per cent: a guess, and the register would hold another family
    assert repair_name("Lèo Ngọc Lợi", confidences=[92.0, 95.0, 94.0]) == ("Lèo Ngọc Lợi", ())
    assert repair_name("Lèo Tuấn Phúc") == ("Lèo Tuấn Phúc", ())
    # a syllable that is no family name at all is still read back as the one it slipped from
    assert repair_name("Trân Văn Hùng")[0] == "Trần Văn Hùng"
