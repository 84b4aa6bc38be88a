"""The model's side of linking (``extractor.link.combine``): what it does to the tagger's
spans before and after they are assembled into people."""
from __future__ import annotations

from extractor.learn.assemble import Assembled
from extractor.learn.tagger import TaggedSpan
from extractor.link.combine import _clipped, _respectively
from extractor.recognize.text import fold


def _span(text: str, part: str) -> tuple[int, int]:
    at = text.index(part)
    return at, at + len(part)


def test_items_given_respectively_are_dealt_out_in_the_order_the_people_are_named():
    text = ("Ông A Văn Một, B Thị Hai và C Văn Ba cùng nhận thêm việc, lần lượt là "
            "Tổ trưởng Tổ Một, Tổ trưởng Tổ Hai và Tổ trưởng Tổ Ba.")
    items = [_span(text, f"Tổ trưởng Tổ {n}") for n in ("Một", "Hai", "Ba")]
    people = [Assembled(cadre=_span(text, name), mentions=[_span(text, name)], position=[],
                        tasks=list(items) if name != "B Thị Hai" else [], confidence=1.0, shared=list(items))
              for name in ("C Văn Ba", "A Văn Một", "B Thị Hai")]
    # B was missed by the tagger in this sentence, but the sentence names three people: one item each
    people[2].tasks = [items[0]]
    _respectively(fold(text), people)
    assert {text[slice(*p.cadre)]: [text[slice(*t)] for t in p.tasks] for p in people} == {
        "A Văn Một": ["Tổ trưởng Tổ Một"],
        "B Thị Hai": ["Tổ trưởng Tổ Hai"],
        "C Văn Ba": ["Tổ trưởng Tổ Ba"],
    }


def test_a_list_is_not_dealt_out_when_the_people_and_items_do_not_pair_up():
    text = "Ông A Văn Một và B Thị Hai lần lượt là Tổ trưởng Tổ Một, Tổ trưởng Tổ Hai và Tổ trưởng Tổ Ba."
    items = [_span(text, f"Tổ trưởng Tổ {n}") for n in ("Một", "Hai", "Ba")]
    people = [Assembled(cadre=_span(text, n), mentions=[_span(text, n)], position=[], tasks=list(items),
                        confidence=1.0) for n in ("A Văn Một", "B Thị Hai")]
    _respectively(fold(text), people)
    assert all(p.tasks == items for p in people)


def test_a_tagged_title_is_cut_at_a_semicolon_a_name_and_a_bracketed_seat():
    text = "Trưởng Trạm Y tế xã (Phó Trưởng ban); Lò Văn Khiêm, Trưởng Đài Truyền thanh xã"
    sp = TaggedSpan(0, len(text), "POSITION", 0.7)
    name = _span(text, "Lò Văn Khiêm")
    got = _clipped(text, fold(text), sp, [(*name, "surname")], [])
    assert [text[g.start:g.end] for g in got] == ["Trưởng Trạm Y tế xã", "Trưởng Đài Truyền thanh xã"]
    assert all(g.label == "POSITION" and g.confidence == 0.7 for g in got)
    task = TaggedSpan(0, 10, "TASK", 0.9)
    assert _clipped(text, fold(text), task, [(*name, "surname")], []) == [task]
