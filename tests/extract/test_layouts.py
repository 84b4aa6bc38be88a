"""Layouts the issue names, written here (no real text copied): titles outside every
list, registrations with one heading per person, member lists of a body set up for a
purpose. Each asserts the records a clerk would type."""
from __future__ import annotations

import pytest

from .perturb import extract_text

SENTENCE = ("Năm 2022, đồng chí Hoàng Thị Lanh, {title}, được giao việc đột phá là số hóa 100% "
            "sổ hộ tịch của xã Hòa Phú.")


def _records(text: str, name: str = "t.txt") -> dict[str, dict]:
    return {a["cadre"].casefold(): a for a in extract_text(text, name)}


def _posts_and_tasks(found: dict[str, dict]) -> dict[str, tuple[str | None, list[str]]]:
    return {k: (a["position"], [t["text"] for t in a["tasks"]]) for k, a in found.items()}


@pytest.mark.parametrize("title", [
    "Chủ tịch UBND xã Hòa Phú",
    "Công chức Tư pháp - Hộ tịch",
    "công chức Địa chính - Xây dựng",
    "Trưởng Trạm Khuyến nông xã",
    "Công chức Văn phòng - Thống kê xã Hòa Phú",
])
def test_a_title_outside_every_list_still_gives_the_record(title):
    found = _records(SENTENCE.format(title=title))
    assert list(found) == ["hoàng thị lanh"]
    a = found["hoàng thị lanh"]
    assert a["position"] == title
    assert [t["text"] for t in a["tasks"]] == ["số hóa 100% sổ hộ tịch của xã Hòa Phú"]
    assert (a["period"]["start"], a["period"]["end"]) == (2022, 2022)


def test_a_commune_civil_servant_serves_the_communes_peoples_committee():
    a = _records(SENTENCE.format(title="Công chức Tư pháp - Hộ tịch"))["hoàng thị lanh"]
    assert a["unit"] == "UBND xã Hòa Phú"


REGISTRATION = """ĐẢNG ỦY XÃ TÂN AN

BẢN ĐĂNG KÝ VIỆC ĐỘT PHÁ, ĐỔI MỚI NĂM 2024

I. {first}
1. Nội dung: Hoàn thành đường bê tông thôn Làng Mới dài 1,2 km.
Giải pháp: Vận động nhân dân hiến đất, góp ngày công.
Thời gian hoàn thành: Tháng 11/2024.
2. Nội dung: Kết nạp 5 đảng viên mới.
Giải pháp: Giao chi bộ thôn bồi dưỡng quần chúng ưu tú.
Thời gian hoàn thành: Tháng 12/2024.

II. {second}
1. Nội dung: Cấp bản sao điện tử cho 100% hồ sơ hộ tịch năm 2024.
Thời gian hoàn thành: Quý III/2024.
"""


@pytest.mark.parametrize("first,second", [
    ("ĐỒNG CHÍ LƯƠNG VĂN THẮNG - BÍ THƯ ĐẢNG ỦY XÃ", "ĐỒNG CHÍ NÔNG THỊ HẠNH - CÔNG CHỨC TƯ PHÁP - HỘ TỊCH"),
    ("Đồng chí Lương Văn Thắng - Bí thư Đảng ủy xã", "Đồng chí Nông Thị Hạnh - Công chức Tư pháp - Hộ tịch"),
], ids=["capitals", "mixed-case"])
def test_a_registration_with_one_heading_per_person(first, second):
    found = _records(REGISTRATION.format(first=first, second=second), "dang-ky.txt")
    assert sorted(found) == ["lương văn thắng", "nông thị hạnh"]
    a, b = found["lương văn thắng"], found["nông thị hạnh"]
    # the "Nội dung:" values only: solutions and deadlines are not tasks
    assert [t["text"] for t in a["tasks"]] == ["Hoàn thành đường bê tông thôn Làng Mới dài 1,2 km",
                                               "Kết nạp 5 đảng viên mới"]
    assert [t["text"] for t in b["tasks"]] == ["Cấp bản sao điện tử cho 100% hồ sơ hộ tịch năm 2024"]
    assert a["position"].casefold() == "bí thư đảng ủy xã"
    assert b["position"].casefold() == "công chức tư pháp - hộ tịch"
    # the body as the heading writes it, with the commune's name from the letterhead
    assert a["unit"].casefold() == "đảng ủy xã tân an"
    assert b["unit"] == "UBND xã Tân An"
    assert (a["period"]["start"], b["period"]["start"]) == (2024, 2024)


MEMBERS = ("Theo quyết định, ông Đàm Văn Hòa, Chủ tịch UBND tỉnh làm Trưởng Ban Chỉ đạo. "
           "3 Phó Trưởng ban chỉ đạo gồm: Thiếu tướng Lục Minh Khang, Giám đốc Công an tỉnh "
           "(Phó Trưởng ban thường trực); bà Vi Thị Ngân, Phó Chủ tịch UBND tỉnh; "
           "ông Hầu Quang Vinh, Giám đốc Sở Y tế.")


def test_a_member_list_gives_each_member_the_role_unless_their_item_names_their_own():
    found = _records(MEMBERS)
    roles = {k: [t["text"] for t in a["tasks"]] for k, a in found.items()}
    assert roles == {
        "đàm văn hòa": ["Trưởng Ban Chỉ đạo"],
        "lục minh khang": ["Phó Trưởng ban thường trực"],
        "vi thị ngân": ["Phó Trưởng ban chỉ đạo"],
        "hầu quang vinh": ["Phó Trưởng ban chỉ đạo"],
    }


def test_the_person_replaced_is_not_assigned():
    found = _records("Theo đó, bà Ma Thị Hồng, Phó Chủ tịch UBND tỉnh, làm Ủy viên Ban Chỉ đạo thay "
                     "ông La Văn Tuấn đã nghỉ hưu.")
    assert list(found) == ["ma thị hồng"]
    assert [t["text"] for t in found["ma thị hồng"]["tasks"]] == ["Ủy viên Ban Chỉ đạo"]


def test_one_person_two_periods_in_one_sentence_gives_one_record_per_period():
    found = extract_text("Đồng chí Triệu Văn Hùng, Bí thư Chi bộ thôn Khuổi Hẩu, năm 2023 được giao kết nạp "
                         "2 đảng viên mới; giai đoạn 2021 - 2025 được giao xây dựng thôn đạt chuẩn nông thôn mới.",
                         "t.txt")
    got = sorted(((a["period"]["start"], a["period"]["end"]), [t["text"] for t in a["tasks"]]) for a in found)
    assert got == [((2021, 2025), ["xây dựng thôn đạt chuẩn nông thôn mới"]),
                   ((2023, 2023), ["kết nạp 2 đảng viên mới"])]
    assert {a["cadre"] for a in found} == {"Triệu Văn Hùng"}


@pytest.mark.parametrize("lead", ["Đ/c Sầm Thị Thu, Chủ tịch Hội Liên hiệp Phụ nữ xã:",
                                  "Đ/c Sầm Thị Thu, Chủ tịch Hội Liên hiệp Phụ nữ xã, được giao làm nhiệm vụ:"])
def test_a_colon_list_is_split_at_semicolons(lead):
    found = _records(f"{lead} thành lập 01 tổ hợp tác may mặc; xây dựng mô hình \"Nhà sạch, vườn đẹp\" "
                     "tại thôn Nà Pồng.")
    assert [t["text"] for t in found["sầm thị thu"]["tasks"]] == [
        "thành lập 01 tổ hợp tác may mặc", "xây dựng mô hình \"Nhà sạch, vườn đẹp\" tại thôn Nà Pồng"]


@pytest.mark.parametrize("sentence,cadre,task", [
    ("Chủ tịch UBND tỉnh ủy quyền cho đồng chí Hoàng Văn Phúc, Phó Chủ tịch UBND tỉnh, chủ trì các cuộc họp "
     "về giải phóng mặt bằng.", "Hoàng Văn Phúc", "chủ trì các cuộc họp về giải phóng mặt bằng"),
    ("Bà Lò Thị Hương, Phó Chủ tịch UBND huyện, đảm nhận nhiệm vụ theo dõi, chỉ đạo lĩnh vực giáo dục và y tế.",
     "Lò Thị Hương", "theo dõi, chỉ đạo lĩnh vực giáo dục và y tế"),
])
def test_a_delegated_or_taken_on_duty_is_an_assignment(sentence, cadre, task):
    found = extract_text(sentence, "t.txt")
    assert [(a["cadre"], [t["text"] for t in a["tasks"]]) for a in found] == [(cadre, [task])]


@pytest.mark.parametrize("sentence", [
    "Đồng chí Vương Đình Khải, Bí thư Huyện ủy, chỉ đạo các xã đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
    "Đồng chí Lý Thị Mến, Phó Bí thư Thường trực Huyện ủy, yêu cầu các cơ quan, đơn vị rà soát lại danh mục dự án.",
])
def test_a_giver_of_directions_is_not_assigned(sentence):
    assert extract_text(sentence, "t.txt") == []


def test_the_unit_of_a_chief_of_office_is_the_office():
    found = extract_text("Đồng chí Mông Văn Sáng, Chánh Văn phòng Huyện ủy, được giao tham mưu xây dựng quy chế "
                         "làm việc của Ban Chấp hành Đảng bộ huyện.", "t.txt")
    assert [(a["cadre"], a["unit"]) for a in found] == [("Mông Văn Sáng", "Văn phòng Huyện ủy")]


def test_a_member_list_with_titles_before_names():
    found = _records("Thành viên Ban Chỉ đạo huyện phòng, chống thiên tai còn có Giám đốc Trung tâm Y tế huyện "
                     "Bế Văn Lợi, Trưởng phòng Nông nghiệp huyện Hoàng Thị Nhung, Phó Trưởng phòng phụ trách "
                     "Phòng Tài chính huyện Ma Văn Dũng.")
    assert {k: ([t["text"] for t in a["tasks"]], a["position"]) for k, a in found.items()} == {
        "bế văn lợi": (["Thành viên Ban Chỉ đạo huyện phòng, chống thiên tai"], "Giám đốc Trung tâm Y tế huyện"),
        "hoàng thị nhung": (["Thành viên Ban Chỉ đạo huyện phòng, chống thiên tai"], "Trưởng phòng Nông nghiệp huyện"),
        "ma văn dũng": (["Thành viên Ban Chỉ đạo huyện phòng, chống thiên tai"],
                        "Phó Trưởng phòng phụ trách Phòng Tài chính huyện"),
    }


def test_people_listed_before_a_shared_role_all_hold_it():
    found = _records("Ban Chỉ đạo gồm 5 thành viên. Phó Bí thư Thường trực Huyện ủy Hà Thị Liên; Chủ tịch UBND "
                     "huyện Nông Văn Chiến và 2 Phó Chủ tịch UBND huyện: Lục Văn Bình, Đàm Thị Hoa làm Phó Trưởng "
                     "ban Chỉ đạo.")
    assert {k: [t["text"] for t in a["tasks"]] for k, a in found.items()} == {
        name: ["Phó Trưởng ban Chỉ đạo"] for name in ("hà thị liên", "nông văn chiến", "lục văn bình", "đàm thị hoa")}


def test_a_duty_and_a_second_role_joined_by_kiem_are_two_tasks_and_truc_tiep_stays():
    found = _records("Theo quyết định phân công, ông Đinh Văn Quý, Phó Chủ tịch UBND huyện, trực tiếp phụ trách "
                     "lĩnh vực thủy lợi, nông nghiệp kiêm Trưởng ban Chỉ đạo giải phóng mặt bằng huyện.")
    assert [t["text"] for t in found["đinh văn quý"]["tasks"]] == [
        "trực tiếp phụ trách lĩnh vực thủy lợi, nông nghiệp", "Trưởng ban Chỉ đạo giải phóng mặt bằng huyện"]


def test_joining_a_body_in_a_role_gives_the_role():
    found = extract_text("Theo đó, ông Hà Văn Sinh, Giám đốc Sở Tài chính, tham gia Ủy viên Ban Chỉ đạo tỉnh thay "
                         "ông Lò Văn Pao.", "t.txt")
    assert [(a["cadre"], [t["text"] for t in a["tasks"]]) for a in found] == [
        ("Hà Văn Sinh", ["Ủy viên Ban Chỉ đạo tỉnh"])]


@pytest.mark.parametrize("roles", [
    ["Chủ tịch Hội đồng Giáo dục quốc phòng tỉnh", "Trưởng Ban Chỉ đạo cải cách hành chính tỉnh"],
    # a role over bodies the text does not name one by one
    ["trưởng một số Ban chỉ đạo", "Chủ tịch các hội đồng cấp tỉnh"],
])
def test_two_roles_in_bodies_with_a_comma_between_are_two_tasks(roles):
    found = _records("Theo quyết định phân công, ông Lý Văn Tài, Phó Chủ tịch UBND tỉnh, được giao làm "
                     f"{', '.join(roles)}.")
    assert [t["text"] for t in found["lý văn tài"]["tasks"]] == roles


def test_a_counted_seat_gives_it_to_each_holder_listed_after_the_colon():
    # the seat first, then its holders with their titles: each holds it (convention 1)
    found = _posts_and_tasks(_records(
        "Ban Chỉ đạo do Chủ tịch UBND tỉnh Lò Văn Pín làm Trưởng ban, cùng 2 Phó Trưởng ban: Phó Chủ tịch UBND "
        "tỉnh Hà Thị Nga; Phó Chủ tịch HĐND tỉnh Cầm Bá Tú và 15 thành viên. Trung tâm Chỉ huy do ông Lò Văn "
        "Pín làm Chỉ huy trưởng; 2 Phó Chỉ huy trưởng gồm: Phó Chủ tịch UBND tỉnh Hà Thị Nga và Giám đốc Sở "
        "Y tế Vi Văn Hải."))
    assert found["hà thị nga"] == ("Phó Chủ tịch UBND tỉnh", ["Phó Trưởng ban", "Phó Chỉ huy trưởng"])
    assert found["cầm bá tú"] == ("Phó Chủ tịch HĐND tỉnh", ["Phó Trưởng ban"])
    assert found["vi văn hải"] == ("Giám đốc Sở Y tế", ["Phó Chỉ huy trưởng"])
    assert found["lò văn pín"][1] == ["Trưởng ban", "Chỉ huy trưởng"]


def test_a_counted_seat_with_another_number_of_names_gives_nothing():
    found = _records("Ban Chỉ đạo có 3 Phó Trưởng ban: Phó Chủ tịch UBND tỉnh Hà Thị Nga; Phó Chủ tịch HĐND tỉnh "
                     "Cầm Bá Tú.")
    assert found == {}


def test_a_name_written_again_with_a_small_letter_is_the_same_person():
    # "Nguyễn phú Trọng": a slip of the writer; the name finder asks for capitals
    found = _tasks(_records(
        "Cụ thể, 3 tiểu ban gồm: Tiểu ban Văn kiện do Tổng Bí thư Lò Văn Pín làm Trưởng Tiểu ban; Tiểu ban Kinh "
        "tế do Thủ tướng Hà Văn Nam làm Trưởng Tiểu ban; Tiểu ban Nhân sự do Tổng Bí thư Lò văn Pín làm Phó "
        "Trưởng tiểu ban và Tiểu ban Tổ chức do Thường trực Ban Bí thư Cầm Bá Tú làm Trưởng Tiểu ban."))
    assert found == {"lò văn pín": ["Trưởng Tiểu ban", "Phó Trưởng tiểu ban"], "hà văn nam": ["Trưởng Tiểu ban"],
                     "cầm bá tú": ["Trưởng Tiểu ban"]}


def _tasks(found: dict[str, dict]) -> dict[str, list[str]]:
    return {k: [t["text"] for t in a["tasks"]] for k, a in found.items()}


def test_a_post_held_with_the_title_is_the_titles_and_the_seat_follows_lam():
    found = _records("Theo quyết định, đại tá Hà Văn Nam, Phó Chỉ huy trưởng kiêm Tham mưu trưởng Bộ Chỉ huy "
                     "Quân sự tỉnh làm Trưởng cơ quan thường trực Ban Chỉ đạo.")
    nam = found["hà văn nam"]
    assert nam["position"] == "Phó Chỉ huy trưởng kiêm Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh"
    assert nam["unit"].startswith("Bộ Chỉ huy Quân sự tỉnh")
    assert [t["text"] for t in nam["tasks"]] == ["Trưởng cơ quan thường trực Ban Chỉ đạo"]


def test_a_name_cut_short_is_merged_into_the_full_name():
    found = extract_text("1. Chủ tịch UBND tỉnh Lục Văn Thiêm phụ trách lĩnh vực tư pháp.\n"
                         "Ông Lục Văn Thiêm được giao làm Trưởng Ban Chỉ đạo cải cách hành chính tỉnh.", "t.txt")
    assert [a["cadre"] for a in found] == ["Lục Văn Thiêm"]


def test_taking_a_permanent_post_is_an_appointment_not_an_assignment():
    found = _records("Mỗi ủy viên Ban Thường vụ được phân công một chức danh riêng. Cụ thể, ông Đinh Công Sứ "
                     "làm Trưởng ban Tổ chức Tỉnh ủy; ông Hà Văn Trọng làm Phó Chủ tịch Thường trực UBND tỉnh.")
    assert {k: [t["text"] for t in a["tasks"]] for k, a in found.items()} == {
        "hà văn trọng": ["Phó Chủ tịch Thường trực UBND tỉnh"]}


@pytest.mark.parametrize("text, person", [
    # a street named after a person is not a person
    ("Trụ sở đặt tại số 12 đường Nguyễn Văn Cừ. Đồng chí Lê Văn Hải, Chủ tịch UBND xã, được giao "
     "làm đường liên thôn.", "lê văn hải"),
    # a place run, then the name, read whole
    ("Ban tổ chức lễ kỷ niệm có 11 người, Bí thư Tỉnh ủy Lai Châu Hoàng Thị Thu Vân làm trưởng ban.",
     "hoàng thị thu vân"),
    # more than five capitalised syllables begin with a place
    ("Phó Bí thư Thành đoàn Hồ Chí Minh Lê Quang Khải làm Ủy viên Ban Chỉ đạo.", "lê quang khải"),
])
def test_the_person_is_told_from_the_streets_and_places_beside_the_name(text, person):
    assert list(_records(text)) == [person]


def test_a_body_named_for_an_election_does_not_make_its_head_a_proposal():
    found = _records("Ban bầu cử đại biểu HĐND tỉnh ở đơn vị bầu cử số 2 do Phó Chủ tịch UBND tỉnh Nông Quốc Tuấn "
                     "làm trưởng ban.")
    assert {k: [t["text"] for t in a["tasks"]] for k, a in found.items()} == {"nông quốc tuấn": ["trưởng ban"]}


def test_la_before_a_role_in_a_body_assigns_it():
    found = _records("Chiều 3/9, đoàn kiểm tra của Đảng ủy do bà Ma Thị Lan, Phó Bí thư Đảng ủy xã là trưởng đoàn "
                     "đã về thôn Phúc Yên.")
    assert {k: [t["text"] for t in a["tasks"]] for k, a in found.items()} == {"ma thị lan": ["trưởng đoàn"]}


def test_a_seat_taken_over_from_someone_is_the_task():
    found = _records("Theo đó, bà Lục Thị Vân, Chủ tịch Hội Nông dân tỉnh, Ủy viên thay bà Hoàng Thị Mơ đã nhận "
                     "nhiệm vụ mới; ông Bàn Văn Chài, Giám đốc Sở Y tế, Ủy viên thay ông Mã Văn Lực.")
    assert {k: [t["text"] for t in a["tasks"]] for k, a in found.items()} == {
        "lục thị vân": ["Ủy viên"], "bàn văn chài": ["Ủy viên"]}


def test_a_role_held_by_a_list_introduced_by_do():
    found = _records("Hai Tổ phó Tổ công tác do hai Phó Chủ tịch UBND tỉnh gồm các ông Hoàng Văn Sơn, Nông Đức "
                     "Lâm đảm nhiệm.")
    assert {k: [t["text"] for t in a["tasks"]] for k, a in found.items()} == {
        "hoàng văn sơn": ["Tổ phó Tổ công tác"], "nông đức lâm": ["Tổ phó Tổ công tác"]}


def test_a_duty_whose_subject_is_a_role_goes_to_the_role_holder():
    found = _records("Tổ công tác liên ngành do ông Lương Văn Đức, Chủ tịch UBND huyện, làm Tổ trưởng.\n"
                     "Tổ trưởng trực tiếp điều hành và chỉ đạo mọi việc của Tổ công tác.")
    assert [t["text"] for t in found["lương văn đức"]["tasks"]] == [
        "Tổ trưởng", "trực tiếp điều hành và chỉ đạo mọi việc của Tổ công tác"]


def test_duties_with_their_own_verbs_after_semicolons_are_split_objects_are_not():
    found = _records("Theo quyết định phân công, Chủ tịch UBND tỉnh Hoàng Văn Nam trực tiếp chỉ đạo Sở Tài chính; "
                     "phối hợp chỉ đạo Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh; theo dõi các huyện Na Hang, Lâm Bình.\n"
                     "(Ảnh: Minh Khôi)")
    assert [t["text"] for t in found["hoàng văn nam"]["tasks"]] == [
        "trực tiếp chỉ đạo Sở Tài chính", "phối hợp chỉ đạo Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh",
        "theo dõi các huyện Na Hang, Lâm Bình"]


@pytest.mark.parametrize("sentence", [
    "Bộ trưởng Bộ Nội vụ Lê Hồng Sơn, giữ chức Trưởng ban Ban Điều phối vùng Tây Bắc.",
    "Ông Lê Hồng Sơn, Bộ trưởng Bộ Nội vụ, giữ chức Trưởng ban Ban Điều phối vùng Tây Bắc.",
])
def test_a_verb_after_the_appositions_comma_and_a_name_that_begins_like_a_place(sentence):
    found = _records(sentence)
    assert {k: [t["text"] for t in a["tasks"]] for k, a in found.items()} == {
        "lê hồng sơn": ["Trưởng ban Ban Điều phối vùng Tây Bắc"]}


def test_a_term_is_narrowed_to_the_dated_start_inside_it():
    found = extract_text("Ban Chỉ đạo nhiệm kỳ 2021 - 2026. Theo đó, ông Tô Văn Hòa, Giám đốc Sở Tư pháp, tham gia "
                         "Ủy viên Ban Chỉ đạo. Quyết định có hiệu lực từ ngày 15/3/2023.", "t.txt")
    assert [(a["cadre"], a["period"]["start"], a["period"]["end"]) for a in found] == [("Tô Văn Hòa", 2023, 2026)]


def test_items_of_the_next_section_are_no_ones():
    found = _records("II. NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN\n1. Đ/c Ma Thị Hường, Phó Chủ tịch UBND xã\n"
                     "- Vận động nhân dân hiến đất mở rộng đường liên thôn.\nIII. TỔ CHỨC THỰC HIỆN\n"
                     "1. Văn phòng Đảng ủy tham mưu theo dõi, đôn đốc, tổng hợp kết quả.\n"
                     "2. Các chi bộ, đoàn thể xây dựng chương trình phối hợp thực hiện.")
    assert {k: [t["text"] for t in a["tasks"]] for k, a in found.items()} == {
        "ma thị hường": ["Vận động nhân dân hiến đất mở rộng đường liên thôn"]}


@pytest.mark.parametrize("title", [
    "Nhân viên Thú y - Chăn nuôi",       # no head of any list: the apposition alone says it
    "Kiểm lâm địa bàn xã Hòa Phú",
    "Thiếu tướng, Phó Giám đốc Công an tỉnh",  # a rank before the post: the post is the title
])
def test_a_post_in_apposition_is_the_position_whatever_its_head(title):
    a = _records(SENTENCE.format(title=title))["hoàng thị lanh"]
    assert a["position"] == title.split(", ")[-1]


@pytest.mark.parametrize("title", ["Hà Giang", "Theo kế hoạch năm 2022"])
def test_a_place_or_a_phrase_after_the_comma_is_not_a_position(title):
    found = _records(SENTENCE.format(title=title))
    assert not (found.get("hoàng thị lanh") or {}).get("position")


def test_text_wrapped_at_a_page_width_reads_as_its_sentences():
    # a copy from a PDF: every line stops at the margin, mid-sentence
    text = ("QUYẾT ĐỊNH\nPhân công nhiệm vụ năm 2023\n"
            "1. Giao đồng chí Lường Văn Tỉnh, Phó Chủ tịch UBND xã\n"
            "Tân Lập, thực hiện việc đột phá: hoàn thành\n"
            "chuyển đổi 20 ha đất lúa kém hiệu quả sang trồng\n"
            "cam của xã.\n")
    found = _records(text)
    a = found["lường văn tỉnh"]
    assert a["position"].startswith("Phó Chủ tịch UBND xã")
    # the record's text is the page's own (its span points there): compare it word by word
    assert [" ".join(t["text"].split()) for t in a["tasks"]] == [
        "hoàn thành chuyển đổi 20 ha đất lúa kém hiệu quả sang trồng cam của xã"]


@pytest.mark.parametrize("sentence", [
    "Giao đồng chí Lường Văn Tỉnh, Phó Chủ tịch UBND xã Tân Lập, thực hiện việc đột phá: {task}.",
    "Phân công đồng chí Lường Văn Tỉnh, Phó Chủ tịch UBND xã Tân Lập thực hiện {task}.",
    "UBND huyện giao ông Lường Văn Tỉnh, Phó Chủ tịch UBND xã Tân Lập, thực hiện việc đột phá {task}.",
])
def test_a_decision_that_gives_the_person_the_work_to_carry_out(sentence):
    task = "hoàn thành chuyển đổi 20 ha đất lúa kém hiệu quả"
    a = _records(sentence.format(task=task))["lường văn tỉnh"]  # a name ending like a place word
    assert a["position"] == "Phó Chủ tịch UBND xã Tân Lập"
    assert [t["text"] for t in a["tasks"]] == [task]


def test_a_member_list_goes_on_in_a_paragraph_of_members_only():
    text = ("Ủy viên Ban Chỉ đạo gồm: ông Lò Văn Pín, Phó Giám đốc Sở Nội vụ; bà Vàng Thị Mỷ, "
            "Phó Giám đốc Sở Y tế.\n\n"
            "Ông Sùng A Lử, Trưởng phòng Dân tộc huyện; Thiếu tá Giàng Seo Phủ, Phó Chỉ huy trưởng "
            "Ban Chỉ huy Quân sự huyện.\n\n"
            "Ban Chỉ đạo họp thường kỳ mỗi quý một lần.")
    found = _records(text)
    assert sorted(found) == ["giàng seo phủ", "lò văn pín", "sùng a lử", "vàng thị mỷ"]
    assert all([t["text"] for t in a["tasks"]] == ["Ủy viên Ban Chỉ đạo"] for a in found.values())


def test_a_spokesperson_named_is_an_assignment_of_that_role():
    a = _records("Cụ thể, bà Lò Thị Mai, Phó Chánh Văn phòng UBND tỉnh Sơn La là người phát ngôn "
                 "của UBND tỉnh.")["lò thị mai"]
    assert [t["text"] for t in a["tasks"]] == ["người phát ngôn của UBND tỉnh"]


def test_after_a_name_and_its_colon_each_sentence_with_a_duty_verb_is_a_duty():
    text = ("Phó Chủ tịch UBND huyện Lò Văn Pín: Chỉ đạo công tác tài chính, ngân sách, thuế… "
            "Trực tiếp theo dõi Phòng Tài chính; Chi cục Thuế; Kho bạc Nhà nước huyện.\n"
            "Phó Chủ tịch UBND huyện Hà Thị Mai: Chỉ đạo lĩnh vực văn hóa, xã hội.")
    found = _records(text)
    assert [t["text"] for t in found["lò văn pín"]["tasks"]] == [
        "Chỉ đạo công tác tài chính, ngân sách, thuế",
        "Trực tiếp theo dõi Phòng Tài chính; Chi cục Thuế; Kho bạc Nhà nước huyện"]
    assert [t["text"] for t in found["hà thị mai"]["tasks"]] == ["Chỉ đạo lĩnh vực văn hóa, xã hội"]


@pytest.mark.parametrize("text", [
    "Chiều 17/8, ông Lò Văn Pín, Vụ trưởng, đọc quyết định ông Hà Văn Nam, Thứ trưởng thôi kiêm nhiệm "
    "phụ trách điều hành Bệnh viện tỉnh.",
    "Ông Hà Văn Nam, Phó Bí thư Huyện ủy, nhận chức vụ Trưởng ban Tổ chức Huyện ủy từ hôm nay.",
    "Phó Chủ tịch UBND tỉnh Hà Văn Nam thôi kiêm chức Trưởng ban Ban Điều phối giảm nghèo và Trưởng ban "
    "Ban Chỉ đạo nông thôn mới.",
    "Đón đoàn có đồng chí Hà Văn Nam - Bí thư Tỉnh ủy, Trưởng ban Chỉ đạo phòng chống thiên tai tỉnh, "
    "Chủ tịch Hội đồng thi đua tỉnh.",
])
def test_a_duty_given_up_a_post_taken_or_a_role_in_a_title_list_is_no_assignment(text):
    assert "hà văn nam" not in _records(text)


@pytest.mark.parametrize("text", [
    "Ông Hà Văn Nam, Bí thư Đảng ủy xã, chia sẻ: Tôi không thấy áp lực khi được giao đảm nhận việc khó.",
    "Bà Lò Thị Mai nhận quyết định công nhận kết quả bầu Phó Chủ tịch HĐND xã - Ảnh: Đ.L",
])
def test_a_fragment_that_opens_with_a_pronoun_or_a_photo_credit_is_no_task(text):
    for a in _records(text).values():
        assert not any(t["text"].lower().startswith(("tôi ", "chúng tôi")) or "Ảnh:" in t["text"]
                       for t in a["tasks"])


def test_people_invited_to_join_a_body_hold_that_role_a_visits_party_does_not():
    joined = _records("Bên cạnh đó, một số người được mời tham gia Ban Chỉ đạo là: Phó Chủ tịch Hội Nông dân "
                      "tỉnh Lò Văn Pín; Phó Giám đốc Sở Y tế Hà Thị Mai.")
    assert sorted(joined) == ["hà thị mai", "lò văn pín"]
    assert all([t["text"] for t in a["tasks"]] == ["tham gia Ban Chỉ đạo"] for a in joined.values())
    visit = _records("Cùng đi trong đoàn công tác có các đồng chí: Lò Văn Pín, Phó Chủ tịch UBND tỉnh; "
                     "Hà Thị Mai, Giám đốc Sở Y tế.")
    assert visit == {}


def test_a_post_standing_for_its_holder_is_the_person_the_page_names_in_it():
    text = ("Riêng đồng chí Giám đốc Sở được giao 3 việc: làm 5 km đường, trồng 20 ha quế và xây 2 chợ.\n"
            "Giám đốc Sở Y tế Lò Văn Pín cho biết sẽ hoàn thành trong năm.")
    a = _records(text)["lò văn pín"]
    assert a["position"] == "Giám đốc Sở Y tế"
    assert [t["text"] for t in a["tasks"]] == ["làm 5 km đường", "trồng 20 ha quế", "xây 2 chợ"]
    # two holders named, or none: nobody is guessed
    two = text + "\nNguyên Giám đốc Sở Hà Văn Nam cũng dự."
    assert "lò văn pín" not in _records(two.replace("Nguyên Giám đốc", "Giám đốc"))


def test_a_bare_role_goes_on_with_its_bodys_name():
    found = _records("Ban Chỉ đạo gồm: ông Lò Văn Pín làm Phó Trưởng Ban Chỉ đạo; bà Hà Thị Mai làm "
                     "Tổ trưởng Tổ tuyên truyền, vận động.")
    assert [t["text"] for t in found["lò văn pín"]["tasks"]] == ["Phó Trưởng Ban Chỉ đạo"]
    assert [t["text"] for t in found["hà thị mai"]["tasks"]] == ["Tổ trưởng Tổ tuyên truyền, vận động"]
    # the model's role cut short at its head is given its body's name back
    from extractor.link.combine import _with_body
    from extractor.recognize.text import fold

    text = "Ông Lò Văn Pín giữ chức Tổ trưởng Tổ vận tải và kho bãi; bà Mai làm Trưởng ban."
    s = text.index("Tổ trưởng")
    s2, e2 = _with_body(text, fold(text), (s, s + len("Tổ trưởng")))
    assert text[s2:e2] == "Tổ trưởng Tổ vận tải và kho bãi"
    s = text.index("Trưởng ban")
    assert _with_body(text, fold(text), (s, s + len("Trưởng ban"))) == (s, s + len("Trưởng ban"))


MEMBERS_BY_ITEM = """Ban tổ chức lễ kỷ niệm gồm các đồng chí có tên sau:
1. Đồng chí Lê Văn Tám, Bí thư Thị ủy, Chủ tịch UBND
thị xã, Trưởng ban.
2. Đồng chí Đại tá Hoàng Văn Bảy, Chỉ huy trưởng Ban Chỉ huy Quân sự huyện, Phó
Trưởng ban.
3. Đồng chí Nguyễn Thị Sáu, Phó Chủ tịch UBND huyện, Phó Trưởng ban.
"""


@pytest.mark.parametrize("wrapped", [False, True])
def test_a_member_list_item_ends_with_the_seat_each_member_holds(wrapped):
    text = MEMBERS_BY_ITEM if wrapped else MEMBERS_BY_ITEM.replace("UBND\nthị xã", "UBND thị xã").replace(
        "Phó\nTrưởng", "Phó Trưởng")
    found = _records(text)
    assert sorted(found) == ["hoàng văn bảy", "lê văn tám", "nguyễn thị sáu"]  # the rank is not the name
    tasks = {k: [" ".join(t["text"].split()) for t in a["tasks"]] for k, a in found.items()}
    assert tasks == {"lê văn tám": ["Trưởng ban"], "hoàng văn bảy": ["Phó Trưởng ban"],
                     "nguyễn thị sáu": ["Phó Trưởng ban"]}
    assert " ".join(found["lê văn tám"]["position"].split()) == "Bí thư Thị ủy, Chủ tịch UBND thị xã"


def test_title_first_names_after_a_long_body_name_are_split_from_it():
    text = ("Tổ công tác gồm: Thứ trưởng Bộ Xây dựng Hoàng Sinh Nhật Tân, Phó Tổng Giám đốc Kho bạc "
            "Nhà nước Việt Nam Đoàn Thái Hòa, Phó Chủ nhiệm Ủy ban Dân tộc Lò Huy làm thành viên.")
    from extractor.recognize.names import find_names

    assert [text[s:e] for s, e, _ in find_names(text)] == ["Hoàng Sinh Nhật Tân", "Đoàn Thái Hòa", "Lò Huy"]


def test_an_interim_duty_over_a_domain_keeps_its_objects_together():
    found = _records("Phó Chủ tịch UBND huyện Lò Văn Pín tạm thời phụ trách lĩnh vực nông nghiệp; "
                     "tài nguyên, môi trường; giao thông. Đồng thời trực tiếp chỉ đạo Phòng Tư pháp.\n"
                     "Phó Chủ tịch UBND huyện Hà Thị Mai phụ trách lĩnh vực y tế; giáo dục; "
                     "làm Trưởng Ban Chỉ đạo phổ cập giáo dục.")
    assert [t["text"] for t in found["lò văn pín"]["tasks"]][0] == (
        "tạm thời phụ trách lĩnh vực nông nghiệp; tài nguyên, môi trường; giao thông")
    assert [t["text"] for t in found["hà thị mai"]["tasks"]] == [
        "phụ trách lĩnh vực y tế; giáo dục", "Trưởng Ban Chỉ đạo phổ cập giáo dục"]


def test_a_title_that_va_opens_before_a_name_is_the_next_persons():
    found = _records("Chủ tịch UBND huyện Lò Văn Pín là Trưởng Ban; Phó Chủ tịch UBND huyện Hà Văn Nam làm Phó "
                     "Trưởng Ban Thường trực và Chủ tịch Hội Nông dân huyện Hà Thị Mai làm Phó Trưởng Ban.")
    assert [t["text"] for t in found["hà văn nam"]["tasks"]] == ["Phó Trưởng Ban Thường trực"]
    assert found["hà thị mai"]["position"] == "Chủ tịch Hội Nông dân huyện"


def test_later_sentences_whose_subject_is_the_person_add_their_duties():
    found = _records("Chủ tịch UBND huyện đã ký quyết định phân công ông Lò Văn Pín làm Phó Chủ tịch "
                     "Thường trực UBND huyện.\nÔng Lò Văn Pín sẽ phụ trách lĩnh vực tài chính, ngân sách. "
                     "Bên cạnh đó, ông Pín còn phụ trách công tác đối ngoại.\n"
                     "Theo ông Pín, khó nhất là việc thu ngân sách vì nguồn thu còn hẹp.")
    tasks = [t["text"] for t in found["lò văn pín"]["tasks"]]
    assert tasks[0] == "Phó Chủ tịch Thường trực UBND huyện"
    assert "phụ trách lĩnh vực tài chính, ngân sách" in tasks
    assert not any("nguồn thu" in t or "khó nhất" in t for t in tasks)  # what he says is no duty


def test_people_listed_before_lan_luot_take_the_items_after_it_in_order():
    found = _records("Ban Chỉ đạo được kiện toàn. Ba Phó Chủ tịch UBND huyện: Lò Văn Pín, Hà Văn Nam và Cầm Bá Tú "
                     "đồng thời được giao, lần lượt là Tổ trưởng Tổ tuyên truyền, vận động, Tổ trưởng Tổ hậu cần "
                     "và Tổ trưởng Tổ an ninh.")
    tasks = {k: [t["text"] for t in a["tasks"]] for k, a in found.items()}
    assert tasks == {"lò văn pín": ["Tổ trưởng Tổ tuyên truyền, vận động"], "hà văn nam": ["Tổ trưởng Tổ hậu cần"],
                     "cầm bá tú": ["Tổ trưởng Tổ an ninh"]}


def test_standing_in_for_the_chair_is_an_acting_duty_of_the_deputy_not_the_chairs():
    found = _records("Theo đó, ông Hà Văn Nam sẽ thay mặt Chủ tịch Lò Văn Pín điều hành công việc hằng ngày "
                     "của UBND huyện khi Chủ tịch đi vắng. Ông Hà Văn Nam sinh năm 1975.\n"
                     "Thay mặt lãnh đạo huyện, ông Cầm Bá Tú trao quà cho các hộ nghèo.")
    assert list(found) == ["hà văn nam"]
    a = found["hà văn nam"]
    assert [t["text"] for t in a["tasks"]] == [
        "thay mặt Chủ tịch Lò Văn Pín điều hành công việc hằng ngày của UBND huyện khi Chủ tịch đi vắng"]
    assert a["period"] is None  # a birth year is no period


def test_a_duty_said_twice_is_recorded_once():
    found = _records("Phó Chủ tịch UBND huyện Hà Văn Nam được phân công theo dõi, chỉ đạo Phòng Tư pháp huyện.\n"
                     "Cụ thể, Phó Chủ tịch UBND huyện Hà Văn Nam được phân công theo dõi, chỉ đạo Phòng Tư pháp huyện.")
    assert [t["text"] for t in found["hà văn nam"]["tasks"]] == ["theo dõi, chỉ đạo Phòng Tư pháp huyện"]


def test_a_seat_then_the_heads_own_duty_are_two_tasks_but_a_teams_area_is_not_copied():
    found = _records("Ông Lò Văn Pín, Chủ tịch UBND huyện làm Chủ tịch Ủy ban Bầu cử huyện, phụ trách chung, "
                     "chịu trách nhiệm điều hành mọi công việc của Ủy ban Bầu cử huyện.")
    assert [t["text"] for t in found["lò văn pín"]["tasks"]] == [
        "Chủ tịch Ủy ban Bầu cử huyện",
        "phụ trách chung, chịu trách nhiệm điều hành mọi công việc của Ủy ban Bầu cử huyện"]


def test_people_named_inside_a_duty_do_not_end_it():
    found = _records("Ban Thường vụ vừa phân công bà Hà Thị Mai, Phó Bí thư Thường trực Huyện ủy điều hành công việc "
                     "của Huyện ủy, sau khi ông Lò Văn Pín xin thôi giữ các chức vụ.")
    a = found["hà thị mai"]
    assert a["position"] == "Phó Bí thư Thường trực Huyện ủy"  # the title ends before its verb
    assert [t["text"] for t in a["tasks"]] == [
        "điều hành công việc của Huyện ủy, sau khi ông Lò Văn Pín xin thôi giữ các chức vụ"]
    assert "lò văn pín" not in found


def test_the_title_after_the_verb_that_assigns_is_the_persons():
    from extractor.link.prose import title_before
    from extractor.recognize.text import fold

    text = "Chủ tịch UBND huyện phân công Phó Chủ tịch UBND huyện Hà Văn Nam điều hành hoạt động chung."
    s, e = title_before(text, fold(text), text.index("Hà Văn Nam"), 0)
    assert text[s:e] == "Phó Chủ tịch UBND huyện"


def test_title_first_members_with_a_dash_before_the_verb_and_marks_glued_to_names():
    found = _records("Các Phó Trưởng ban gồm: Bí thư Huyện ủy Lục Yên Lương Nguyễn Minh Trí - làm Phó Trưởng ban "
                     "Thường trực; Tỉnh ủy viên, Giám đốc Sở Xây dựng Trần Tuấn Khanh(Thường trực) "
                     "làm Phó Trưởng ban.")
    assert sorted(found) == ["lương nguyễn minh trí", "trần tuấn khanh"]
    assert [t["text"] for t in found["lương nguyễn minh trí"]["tasks"]] == ["Phó Trưởng ban Thường trực"]


def test_a_seat_among_the_titles_of_someone_chairing_or_suspended_is_no_assignment():
    assert _records("Sáng 13/3, Bí thư Tỉnh ủy Lò Văn Pín, Trưởng Ban Chỉ đạo chuyển đổi số tỉnh chủ trì hội nghị "
                    "sơ kết.") == {}
    assert _records("Ông Hà Văn Nam, Phó Chủ tịch UBND xã Tân An bị tạm đình chỉ công tác 15 ngày.") == {}
    # the make-up of a team for the work reported still counts (convention 2)
    found = _records("Đoàn công tác do đồng chí Lò Văn Pín, Bí thư Huyện ủy làm trưởng đoàn đã làm việc với xã Tân An.")
    assert [t["text"] for t in found["lò văn pín"]["tasks"]] == ["trưởng đoàn"]


def test_a_name_ending_in_a_title_word_is_closed_by_the_verb_after_it():
    from extractor.recognize.names import find_names

    text = "Bí thư Thị ủy, Chủ tịch UBND thị xã Bùi Văn Tỉnh làm trưởng đoàn; ông Lê Văn An Tỉnh ủy viên dự."
    assert [text[s:e] for s, e, _ in find_names(text)] == ["Bùi Văn Tỉnh", "Lê Văn An"]


def test_members_whose_posts_name_their_parent_bodies_after_commas_each_get_their_seat():
    found = _records("Tổ Thẩm định do ông Lê Văn Bình, Thứ trưởng Bộ Tư pháp làm Tổ trưởng; ông Trần Hữu Cảnh, Phó "
                     "Cục trưởng Cục Đường bộ, Bộ Giao thông vận tải, Phó Tổ trưởng; ông Đặng Minh Châu, Phó Vụ trưởng "
                     "Vụ Ngân sách, Bộ Tài chính, Phó Tổ trưởng.")
    assert sorted(found) == ["lê văn bình", "trần hữu cảnh", "đặng minh châu"]
    assert [t["text"] for t in found["trần hữu cảnh"]["tasks"]] == ["Phó Tổ trưởng"]
    # the seat closing one member's item is not the next member's post
    assert found["đặng minh châu"]["position"] == "Phó Vụ trưởng Vụ Ngân sách, Bộ Tài chính"


def test_a_list_announced_as_several_people_shares_the_role_of_its_last_member():
    found = _records("Ban Phòng thủ dân sự do Phó Chủ tịch UBND tỉnh Hà Văn Lâm làm Trưởng ban; các ông Vũ Đình Nam "
                     "- Giám đốc Sở Xây dựng, Lý Văn Hòa - Chính ủy, Tham mưu trưởng Bộ đội Biên phòng tỉnh là Phó "
                     "Trưởng ban (danh sách này thay cho danh sách năm 2019).")
    assert sorted(found) == ["hà văn lâm", "lý văn hòa", "vũ đình nam"]
    assert [t["text"] for t in found["vũ đình nam"]["tasks"]] == ["Phó Trưởng ban"]
    assert found["vũ đình nam"]["position"] == "Giám đốc Sở Xây dựng"


def test_a_military_rank_written_in_lower_case_announces_a_name():
    from extractor.recognize.names import find_names

    text = ("Hai phó trưởng ban có thiếu tướng Vũ Đình Nam, Tư lệnh Quân khu và đại tá Lý Văn Hòa, Giám đốc "
            "Công an tỉnh.")
    assert [(text[s:e], how) for s, e, how in find_names(text)] == [("Vũ Đình Nam", "honorific"),
                                                                    ("Lý Văn Hòa", "honorific")]


def test_co_chairs_named_with_their_seats_before_the_verb_of_the_occasion_are_not_assigned():
    assert _records("Bí thư Tỉnh ủy Lò Văn Pín - Trưởng Ban Điều phối, Phó Bí thư Tỉnh ủy Hà Văn Nam - Phó Trưởng "
                    "Ban Điều phối đồng chủ trì buổi làm việc.") == {}


def test_a_name_the_tagger_cuts_short_is_the_whole_name_the_rules_read():
    from extractor.learn.tagger import TaggedSpan
    from extractor.link.combine import model_assignments

    text = "Phó Chủ tịch Thường trực Trịnh Bình Minh thay mặt Chủ tịch theo dõi, chỉ đạo Sở Tư pháp."
    s = text.index("Trịnh")
    cut = [TaggedSpan(s, s + len("Trịnh Bình"), "CADRE", 0.9),
           TaggedSpan(text.index("theo dõi"), len(text) - 1, "TASK", 0.9)]
    assert [text[slice(*r.cadre)] for r in model_assignments(text, cut)] == ["Trịnh Bình Minh"]


def test_a_duty_whose_subject_is_a_bare_title_goes_to_the_person_named_with_that_title():
    found = _records("Chủ tịch UBND tỉnh Hà Văn Lâm vừa ký quyết định phân công công việc trong lãnh đạo UBND "
                     "tỉnh.\nPhó Chủ tịch UBND tỉnh Vũ Đình Nam phụ trách lĩnh vực kinh tế.\n"
                     "Theo phân công, Chủ tịch UBND tỉnh lãnh đạo, quản lý toàn diện hoạt động của UBND tỉnh. "
                     "Trực tiếp chỉ đạo công tác quy hoạch và tài chính.")
    lam = [t["text"] for t in found["hà văn lâm"]["tasks"]]
    assert any(t.startswith("lãnh đạo, quản lý toàn diện") for t in lam)
    assert any(t.startswith("Trực tiếp chỉ đạo công tác quy hoạch") for t in lam)
    assert [t["text"] for t in found["vũ đình nam"]["tasks"]] == ["phụ trách lĩnh vực kinh tế"]


def test_a_post_not_yet_given_is_no_task():
    from extractor.link.combine import _given_up
    from extractor.recognize.text import fold

    text = "Quyết định chưa phân công Phó Thủ tướng thường trực."
    t = (text.index("Phó"), len(text) - 1)
    assert _given_up(fold(text), t)
    text = "Quyết định phân công Phó Thủ tướng thường trực."
    assert not _given_up(fold(text), (text.index("Phó"), len(text) - 1))


def test_a_term_is_narrowed_to_the_year_the_decision_dividing_the_work_was_issued():
    found = _records("Ngày 12/12/2023, UBND tỉnh đã ban hành Quyết định số 57/QĐ-UBND về việc phân công công tác "
                     "trong lãnh đạo UBND tỉnh nhiệm kỳ 2021-2026.\n"
                     "Phó Chủ tịch UBND tỉnh Vũ Đình Nam phụ trách lĩnh vực kinh tế.")
    period = found["vũ đình nam"]["period"]
    assert (period["start"], period["end"]) == (2023, 2026)


def test_a_post_goes_on_through_its_parent_bodies_up_to_the_verb():
    found = _records("Ông Đào Văn Kiên - Phó Vụ trưởng Vụ Pháp chế, Bộ Tư pháp được giao nhiệm vụ trưởng đoàn kiểm "
                     "tra, thời gian thực hiện là 20 ngày.")
    assert found["đào văn kiên"]["position"] == "Phó Vụ trưởng Vụ Pháp chế, Bộ Tư pháp"
    assert [t["text"] for t in found["đào văn kiên"]["tasks"]] == ["trưởng đoàn kiểm tra"]
    found = _records("Tổ Tài chính do ông Lê Văn Định, Thứ trưởng Bộ Tài chính làm Tổ trưởng; ông Nguyễn Xuân Khang, "
                     "Cục trưởng Cục Quân nhu, Tổng cục Hậu cần, Bộ Công an, Phó Tổ trưởng.")
    assert found["nguyễn xuân khang"]["position"] == "Cục trưởng Cục Quân nhu, Tổng cục Hậu cần, Bộ Công an"


def test_a_body_that_gives_after_the_post_is_not_part_of_the_post():
    found = _records("Đối với đ/c Lò Văn Sính - Chánh Văn phòng HĐND và UBND huyện, Ban Thường vụ giao hai nội dung "
                     "đột phá năm 2023, gồm: xây dựng khu dân cư an toàn; số hóa hồ sơ cán bộ.")
    assert found["lò văn sính"]["position"] == "Chánh Văn phòng HĐND và UBND huyện"
    assert [t["text"] for t in found["lò văn sính"]["tasks"]] == ["xây dựng khu dân cư an toàn", "số hóa hồ sơ cán bộ"]


@pytest.mark.parametrize("text,standing,other", [
    # the standing role in brackets after the post replaces the list's shared role of its rank
    ("3 Phó Trưởng ban chỉ đạo gồm: Trung tướng Lê Văn Giang, Tư lệnh Quân khu 2 (Phó Trưởng ban thường trực); "
     "Thiếu tướng Lê Quốc Hưng, Giám đốc Công an tỉnh; Đại tá Phạm Văn Sơn, Giám đốc Sở Nội vụ.",
     "lê văn giang", "lê quốc hưng"),
    # and in a bracket glued to the name, title first
    ("3 Phó Trưởng ban chỉ đạo gồm: Trung tướng Tư lệnh Quân khu 2 Phan Văn Giang(Phó Trưởng ban thường trực); "
     "Thiếu tướng Giám đốc Công an tỉnh Lê Quốc Hùng; Đại tá Giám đốc Sở Nội vụ Phạm Trường Sơn.",
     "phan văn giang", "lê quốc hùng"),
])
def test_a_standing_role_in_brackets_is_theirs_in_place_of_the_lists_shared_role(text, standing, other):
    found = _records(text)
    assert [t["text"] for t in found[standing]["tasks"]] == ["Phó Trưởng ban thường trực"]
    assert [t["text"] for t in found[other]["tasks"]] == ["Phó Trưởng ban chỉ đạo"]


def test_people_met_or_attending_listed_with_their_seats_are_not_assigned():
    assert _records("Cùng làm việc với đoàn, phía địa phương có các đồng chí: Hà Văn Nam - Bí thư Tỉnh ủy, "
                    "Trưởng ban Điều phối phòng chống thiên tai; "
                    "Lò Văn Pín - Phó Bí thư Tỉnh ủy, Phó Trưởng ban Điều phối phòng chống thiên tai.") == {}


def test_a_line_labelled_with_roles_gives_each_role_to_the_person_of_the_item():
    found = _records("1. Chủ tịch UBND tỉnh Hà Văn Lâm: điều hành chung công việc của UBND tỉnh.\n"
                     "Vai trò: Chủ tịch Hội đồng Giáo dục quốc phòng, Trưởng Ban Chỉ đạo cải cách hành chính.\n"
                     "2. Phó Chủ tịch UBND tỉnh Lò Văn Pín: phụ trách lĩnh vực kinh tế.")
    tasks = [t["text"] for t in found["hà văn lâm"]["tasks"]]
    assert "Chủ tịch Hội đồng Giáo dục quốc phòng" in tasks and "Trưởng Ban Chỉ đạo cải cách hành chính" in tasks
    assert [t["text"] for t in found["lò văn pín"]["tasks"]] == ["phụ trách lĩnh vực kinh tế"]


def test_a_title_written_with_its_name_is_not_a_bare_title_subject():
    found = _records("Từ trái sang: Phó Thủ tướng Lê Minh Khải, Phó Thủ tướng Trần Hồng Hải, Phó Thủ tướng Trần "
                     "Lưu Quảng\n\nPhó Thủ tướng Trần Hồng Hải theo dõi, chỉ đạo các ngành văn hóa, thể thao.\n\n"
                     "Phó Thủ tướng Trần Lưu Quảng theo dõi, chỉ đạo công tác dân tộc, tôn giáo.")
    assert "lê minh khải" not in found
    assert [t["text"] for t in found["trần hồng hải"]["tasks"]] == ["theo dõi, chỉ đạo các ngành văn hóa, thể thao"]


def test_a_clause_whose_subject_is_a_body_is_no_task_of_the_person_above():
    from extractor.link.combine import _body_acts
    from extractor.recognize.text import fold

    text = "Năm 2021, Ban Chỉ đạo phòng chống thiên tai các huyện tiếp tục rà soát các điểm sạt lở."
    assert _body_acts(text, fold(text), (0, len(text) - 1))
    text = "Ban hành quy chế làm việc của Ban Chỉ đạo."
    assert not _body_acts(text, fold(text), (0, len(text) - 1))
    text = "phụ trách Sở Y tế và Sở Giáo dục."
    assert not _body_acts(text, fold(text), (0, len(text) - 1))


def _combined(text: str, name: str, rule: list[tuple[int, int]], trigger: str,
              model: list[tuple[int, int]] | None = None) -> list[str]:
    """The tasks ``combine`` keeps for one person given the rules' and the tagger's tasks."""
    from extractor.link.combine import combine
    from extractor.link.prose import RawAssignment

    cadre = (text.index(name), text.index(name) + len(name))
    rules = [RawAssignment(cadre=cadre, name_how="honorific", tasks=rule, trigger=trigger, span=(0, len(text)))]
    tagged = [RawAssignment(cadre=cadre, name_how="model", tasks=model, trigger="model", span=(0, len(text)))] \
        if model else []
    [kept] = combine(text, rules, tagged)
    return [text[s:e] for s, e in kept.tasks]


def test_a_duty_the_tagger_began_after_its_lead_keeps_the_lead_the_rules_read():
    text = "Ông Hà Văn Pửa giúp Chủ tịch UBND huyện theo dõi khối nội chính."
    duty, cut = _span(text, "giúp Chủ tịch UBND huyện theo dõi khối nội chính"), _span(text, "theo dõi khối nội chính")
    assert _combined(text, "Hà Văn Pửa", [duty], "duty", [cut]) == [text[slice(*duty)]]
    # a lead that is not a duty's ("đi công tác"): the tagger's edge stands
    text = "Ông Hà Văn Pửa đi công tác và theo dõi khối nội chính."
    duty, cut = _span(text, "đi công tác và theo dõi khối nội chính"), _span(text, "theo dõi khối nội chính")
    assert _combined(text, "Hà Văn Pửa", [duty], "duty", [cut]) == [text[slice(*cut)]]


def _span(text: str, part: str) -> tuple[int, int]:
    return text.index(part), text.index(part) + len(part)


def test_a_posts_head_alone_is_a_class_of_people_not_a_task():
    text = "Thủ tướng Hà Văn Lâm phân công cho phó thủ tướng; Hà Văn Lâm làm Trưởng ban Chỉ đạo."
    head = (text.index("phó thủ"), text.index(";"))
    seat = (text.index("Trưởng ban"), len(text) - 1)
    assert _combined(text, "Hà Văn Lâm", [head, seat], "giao") == ["Trưởng ban Chỉ đạo"]


def test_work_handed_over_to_someone_is_their_task():
    found = _records("Ông Hà Văn Nhiệm phải bàn giao các việc đang làm của UBND xã Tân An cho ông Nguyễn Văn Thiện, "
                     "Ủy viên UBND xã để điều hành UBND xã trong thời gian ông nghỉ chữa bệnh.")
    assert [t["text"] for t in found["nguyễn văn thiện"]["tasks"]] == [
        "điều hành UBND xã trong thời gian ông nghỉ chữa bệnh"]


def test_a_title_glued_to_the_name_by_a_dash_or_a_space():
    from extractor.link.prose import title_after
    from extractor.recognize.text import fold

    for text in ("bà Đinh Thị Hồng Nhung-Phó Chánh Văn phòng UBND tỉnh là người phát ngôn",
                 "bà Đinh Thị Hồng Nhung Phó Chánh Văn phòng UBND tỉnh là người phát ngôn"):
        end = text.index("Nhung") + len("Nhung")
        titles, _ = title_after(text, fold(text), end, len(text))
        assert [text[s:e] for s, e in titles] == ["Phó Chánh Văn phòng UBND tỉnh"]


def test_the_dot_of_tp_does_not_end_a_sentence_nor_a_title():
    from extractor.link.prose import sentences, title_before
    from extractor.recognize.text import fold

    text = "Phó Chủ tịch UBND TP. Đà Lạt Nguyễn Lộc Hưng phụ trách đối ngoại. Ông Hưng chỉ đạo Văn phòng."
    assert [text[s:e].strip() for s, e in sentences(text, 0, len(text))][0].endswith("phụ trách đối ngoại.")
    s, e = title_before(text, fold(text), text.index("Nguyễn"), 0)
    assert text[s:e] == "Phó Chủ tịch UBND TP. Đà Lạt"


def test_a_duty_that_lists_its_objects_after_nhu_is_one_task():
    from extractor.link.prose import link_prose

    text = ("Chủ tịch UBND tỉnh Hà Văn Lâm phụ trách các đề án, chương trình như: xây dựng chính quyền số; phát "
            "triển đô thị; chuyển đổi số.")
    [raw] = link_prose(text)
    assert [text[s:e] for s, e in raw.tasks] == [text[text.index("phụ trách"):-1]]


def test_a_domains_fields_the_tagger_cut_at_a_comma_stay_one_duty():
    text = ("Ông Hà Văn Lâm - Chủ tịch UBND tỉnh phụ trách lĩnh vực nông nghiệp, lâm nghiệp, thủy lợi và xây dựng "
            "nông thôn mới.")
    duty = (text.index("phụ trách"), len(text) - 1)
    cut = (duty[0], text.index(", thủy lợi"))
    assert _combined(text, "Hà Văn Lâm", [duty], "duty", [cut]) == [text[duty[0]:duty[1]]]


def test_a_bare_title_subject_finds_its_holder_named_in_capitals():
    found = _records("Chủ tịch UBND tỉnh HÀ VĂN LÂM vừa ký quyết định phân công công việc trong lãnh đạo UBND "
                     "tỉnh.\nPhó Chủ tịch UBND tỉnh Vũ Đình Nam phụ trách lĩnh vực kinh tế.\n"
                     "Theo phân công, Chủ tịch UBND tỉnh lãnh đạo, quản lý toàn diện hoạt động của UBND tỉnh. "
                     "Trực tiếp chỉ đạo công tác quy hoạch và tài chính.")
    lam = [t["text"] for t in found["hà văn lâm"]["tasks"]]
    assert "lãnh đạo, quản lý toàn diện hoạt động của UBND tỉnh" in lam
    assert [t["text"] for t in found["vũ đình nam"]["tasks"]] == ["phụ trách lĩnh vực kinh tế"]


# a body's members, each led by a title, and a group that a count and a title announce
MEMBERS_LED_BY_TITLES = (
    "Hội đồng thẩm định có 6 người: ông Lý Văn Kha, Bí thư Huyện ủy làm Chủ tịch Hội đồng. "
    "Trưởng Đài Truyền thanh xã Hà Thị Mơ; Chủ tịch UBND huyện Nông Văn Lực; Phó Trưởng Trạm Y tế "
    "xã Vi Văn Sâm và 2 Công chức Tư pháp - Hộ tịch: Mạc Văn Tỉnh, Hứa Thị Duyên làm Phó Chủ tịch Hội đồng.")


def test_members_each_led_by_a_title_share_the_seat_the_last_is_given():
    found = _records(MEMBERS_LED_BY_TITLES)
    assert _posts_and_tasks(found) == {
        "lý văn kha": ("Bí thư Huyện ủy", ["Chủ tịch Hội đồng"]),
        "hà thị mơ": ("Trưởng Đài Truyền thanh xã", ["Phó Chủ tịch Hội đồng"]),
        "nông văn lực": ("Chủ tịch UBND huyện", ["Phó Chủ tịch Hội đồng"]),
        "vi văn sâm": ("Phó Trưởng Trạm Y tế xã", ["Phó Chủ tịch Hội đồng"]),
        "mạc văn tỉnh": ("Công chức Tư pháp - Hộ tịch", ["Phó Chủ tịch Hội đồng"]),
        "hứa thị duyên": ("Công chức Tư pháp - Hộ tịch", ["Phó Chủ tịch Hội đồng"]),
    }


def test_a_members_title_stops_at_the_next_members_name_and_bracketed_seat():
    text = ("4 Phó Chủ tịch Hội đồng gồm các đồng chí: Lò Văn Khiêm, Phó Trưởng Trạm Y tế xã; Hoàng Thị "
            "Nhài, Trưởng Ban Quản lý rừng phòng hộ (Phó Chủ tịch Thường trực Hội đồng); Vàng Văn Sinh, "
            "Trưởng Trạm Khuyến nông xã; Lục Văn Tài, Chủ tịch Hội Nông dân huyện.")
    found = _records(text)
    assert {k: a["position"] for k, a in found.items()} == {
        "lò văn khiêm": "Phó Trưởng Trạm Y tế xã",
        "hoàng thị nhài": "Trưởng Ban Quản lý rừng phòng hộ",
        "vàng văn sinh": "Trưởng Trạm Khuyến nông xã",
        "lục văn tài": "Chủ tịch Hội Nông dân huyện",
    }
    assert [t["text"] for t in found["hoàng thị nhài"]["tasks"]] == ["Phó Chủ tịch Thường trực Hội đồng"]


def test_a_title_before_a_name_does_not_reach_back_over_another_name():
    text = ("Thành viên Ban chỉ đạo gồm Trưởng ban là Bí thư Huyện ủy Lương Văn Hải, 3 Phó trưởng ban là "
            "Trưởng Trạm Y tế xã Hà Văn Ấm, Chủ tịch Hội Nông dân huyện Lò Thị Bính, Giám đốc Sở Tài chính "
            "Vi Văn Cửu.")
    found = _records(text)
    assert found["vi văn cửu"]["position"] == "Giám đốc Sở Tài chính"
    assert found["lò thị bính"]["position"] == "Chủ tịch Hội Nông dân huyện"


def test_items_given_respectively_go_one_to_each():
    text = ("Ban Chỉ đạo có 3 Phó Trưởng ban là 3 Phó Chủ tịch UBND huyện: {a}, {b} và {c}. "
            "3 Phó Chủ tịch UBND huyện: {a}, {b} và {c} cùng nhận thêm việc, lần lượt là Tổ trưởng "
            "Tổ Văn thư, Tổ trưởng Tổ Hậu cần và Tổ trưởng Tổ Kỹ thuật.")
    found = _records(text.format(a="Đào Văn Quyết", b="Ninh Thị Hảo", c="Tòng Văn Phiêng"))
    assert {k: [t["text"] for t in a["tasks"]] for k, a in found.items()} == {
        "đào văn quyết": ["Phó Trưởng ban", "Tổ trưởng Tổ Văn thư"],
        "ninh thị hảo": ["Phó Trưởng ban", "Tổ trưởng Tổ Hậu cần"],
        "tòng văn phiêng": ["Phó Trưởng ban", "Tổ trưởng Tổ Kỹ thuật"],
    }
    assert all(a["position"] == "Phó Chủ tịch UBND huyện" for a in found.values())


@pytest.mark.parametrize("text", [
    "Ban Thường vụ Huyện ủy phân công đồng chí Lưu Văn Tám, Phó Bí thư Thường trực Huyện ủy và đồng chí "
    "Giàng A Dơ, Phó Chủ tịch UBND huyện trực tiếp chỉ đạo việc giải phóng mặt bằng dự án đường tránh.",
    "UBND tỉnh giao ông Lưu Văn Tám, Phó Bí thư Thường trực Huyện ủy và ông Giàng A Dơ, Phó Chủ tịch UBND "
    "huyện phối hợp trực tiếp chỉ đạo việc giải phóng mặt bằng dự án đường tránh.",
])
def test_two_people_a_verb_hands_one_duty_each_hold_it(text):
    found = _records(text)
    assert {k: a["position"] for k, a in found.items()} == {
        "lưu văn tám": "Phó Bí thư Thường trực Huyện ủy", "giàng a dơ": "Phó Chủ tịch UBND huyện"}
    for a in found.values():
        # the duty is what follows the second person's title
        assert [t["text"] for t in a["tasks"]] == [text[text.index("UBND huyện ") + len("UBND huyện "):-1]]


def test_a_duty_keeps_its_verb_after_duoc_giao_and_loses_chiu_trach_nhiem():
    found = _records("Ông Mông Văn Sử, Phó Chủ tịch UBND huyện được giao phụ trách lĩnh vực nông nghiệp, thủy lợi. "
                     "Bà Lục Thị Hoa, Phó Giám đốc Trung tâm Y tế huyện chịu trách nhiệm điều hành hoạt động "
                     "của Trung tâm trong thời gian Giám đốc đi học.")
    assert [t["text"] for t in found["mông văn sử"]["tasks"]] == ["phụ trách lĩnh vực nông nghiệp, thủy lợi"]
    assert [t["text"] for t in found["lục thị hoa"]["tasks"]] == [
        "điều hành hoạt động của Trung tâm trong thời gian Giám đốc đi học"]


def test_a_plural_title_before_two_names_is_each_ones_and_the_next_seat_ends_a_role():
    found = _records("Theo quyết định, Chủ tịch UBND huyện Vũ Văn Lâm sẽ là Trưởng ban, 2 Phó Trưởng ban sẽ "
                     "là các Phó Chủ tịch UBND huyện Đào Đức Hạnh và Tạ Minh Hòa.")
    assert _posts_and_tasks(found) == {
        "vũ văn lâm": ("Chủ tịch UBND huyện", ["Trưởng ban"]),
        "đào đức hạnh": ("Phó Chủ tịch UBND huyện", ["Phó Trưởng ban"]),
        "tạ minh hòa": ("Phó Chủ tịch UBND huyện", ["Phó Trưởng ban"]),
    }


FIRST_PERSON_FORM = """ĐẢNG ỦY XÃ PHÚC NINH

ĐĂNG KÝ THỰC HIỆN VIỆC ĐỘT PHÁ, ĐỔI MỚI NĂM 2025

Tôi tên là: Hoàng Văn Sình
Chức vụ: Chủ tịch Hội Nông dân xã
Đăng ký thực hiện các việc đột phá sau:
- Thành lập 01 chi hội nghề nghiệp trồng cam;
- Hỗ trợ 10 hộ vay vốn phát triển sản xuất.

NGƯỜI ĐĂNG KÝ
"""


def test_a_registration_in_the_first_person_with_one_field_a_line():
    (a,) = extract_text(FIRST_PERSON_FORM, "dang_ky.txt")
    assert (a["cadre"], a["position"], a["period"]["start"]) == ("Hoàng Văn Sình", "Chủ tịch Hội Nông dân xã", 2025)
    # the "Chức vụ:" field is who the person is, not a task
    assert [t["text"] for t in a["tasks"]] == ["Thành lập 01 chi hội nghề nghiệp trồng cam",
                                              "Hỗ trợ 10 hộ vay vốn phát triển sản xuất"]


@pytest.mark.parametrize("lead", ["bản thân được giao", "tôi được Ban Thường vụ giao"])
def test_a_speaker_reporting_their_own_assignment_in_the_first_person(lead):
    found = _records(f"Bà Sầm Thị Quế, Chủ tịch UBND xã Yên Thuận cho biết: Năm 2024, {lead} 2 việc đột phá "
                     "gồm: làm cầu treo bản Khuổi Phìn và mở lớp dạy chữ Dao.")
    a = found["sầm thị quế"]
    assert [t["text"] for t in a["tasks"]] == ["làm cầu treo bản Khuổi Phìn", "mở lớp dạy chữ Dao"]
    assert a["period"]["start"] == 2024


def test_the_task_written_before_the_person_it_was_given_to():
    found = _records("Với việc đột phá được giao là xây dựng mô hình thôn thông minh, ông Lý Văn Thào, Bí thư "
                     "Chi bộ thôn Nà Khá đã vận động nhân dân lắp đặt 20 camera an ninh.")
    a = found["lý văn thào"]
    assert (a["position"], [t["text"] for t in a["tasks"]]) == (
        "Bí thư Chi bộ thôn Nà Khá", ["xây dựng mô hình thôn thông minh"])


def test_people_a_plural_lead_lists_before_the_verb_share_what_it_gives():
    found = _records("Các đồng chí: Lý Văn Sơn - Bí thư Đảng ủy xã; Đàm Thị Lụa - Chủ tịch UBND xã được giao chỉ "
                     "đạo xây dựng xã đạt chuẩn nông thôn mới nâng cao năm 2025.")
    assert {k: a["position"] for k, a in found.items()} == {
        "lý văn sơn": "Bí thư Đảng ủy xã", "đàm thị lụa": "Chủ tịch UBND xã"}
    assert all([t["text"] for t in a["tasks"]] == ["chỉ đạo xây dựng xã đạt chuẩn nông thôn mới nâng cao năm 2025"]
               for a in found.values())
