"""Marks OCR reads around and between the words of a name (issue 12 part 2).

A copy of a copy leaves specks, dots and bits of ruling lines beside the name in its cell:
"Hoàng Xuân. Tuấn", "Lê Kim .Phương", "Trần Ngọc Khánh ˆ", "Nguyễn __ Quang Hiển". No
name holds them; left in, they hid the name from the repair (a word with a mark is not
a syllable) and shifted the places of its parts. They are dropped, each with a repair.
"""
from __future__ import annotations

import pytest

from extractor.records import Assignment, Field, Span, Task
from extractor.repair import repair_assignments, repair_name
from extractor.repair.document import repair_names_in_document


@pytest.mark.parametrize(("read", "fixed"), [
    ("Hoàng Xuân. Tuấn", "Hoàng Xuân Tuấn"),
    ("Lê Kim .Phương", "Lê Kim Phương"),
    ("Phạm Đức Hiền”", "Phạm Đức Hiền"),
    ("Trần Ngọc Khánh ˆ", "Trần Ngọc Khánh"),
    ("Hoàng Thanh Nga `~ ˆ", "Hoàng Thanh Nga"),
    ("Nguyễn __ Quang Hiển", "Nguyễn Quang Hiển"),
    ("Phạm Thị Hiển -", "Phạm Thị Hiển"),
])
def test_marks_around_a_name_are_dropped_with_a_reason(read, fixed):
    name, fixes = repair_name(read)
    assert name == fixed
    assert fixes and all(f.original in read.split() and "bỏ đi" in f.reason for f in fixes)


def test_a_word_freed_of_its_marks_takes_its_place_in_the_name():
    # "__" is no middle name: "Trân" is still the family name and "Đũng" the given one
    name, fixes = repair_name("Trân __ Văn Đũng,")
    assert name == "Trần Văn Dũng"
    assert [(f.original, f.repaired) for f in fixes] == [("Trân", "Trần"), ("__", ""), ("Đũng,", "Dũng")]
    assert "không thuộc tên" in fixes[-1].reason and "đ/d" in fixes[-1].reason


def test_names_of_other_rules_and_numbers_stay_as_read():
    assert repair_name("H'Hen Niê") == ("H'Hen Niê", ())
    assert repair_name("Y Moan Niê -") == ("Y Moan Niê -", ())
    assert repair_name("Nguyễn Văn 3") == ("Nguyễn Văn 3", ())
    assert repair_name("Nguyễn Văn A2 -") == ("Nguyễn Văn A2 -", ())
    assert repair_name("Lê Văn Hùng") == ("Lê Văn Hùng", ())


def test_the_document_pass_keeps_the_page_reading_as_the_original():
    (speckled, _), (clean, _) = repair_names_in_document(["Lê Văn. Tuy -", "Lê Văn Tùy"])
    assert speckled == clean == "Lê Văn Tùy"
    a = Assignment(Field("Lê Văn. Tuy -", Span(1, 0, 13)), (Task("x"),))
    b = Assignment(Field("Lê Văn Tùy", Span(1, 20, 30)), (Task("y"),))
    fixed, _ = repair_assignments([a, b])
    assert fixed.cadre.text == "Lê Văn Tùy"
    assert [(r.original, r.repaired) for r in fixed.repairs] == [("Văn.", "Văn"), ("Tuy", "Tùy"), ("-", "")]
