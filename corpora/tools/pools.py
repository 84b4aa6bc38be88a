"""Hand-written vocabulary for the corpus generator (build_extract.py).

Everything here was written for this project: place names are real Vietnamese
provinces and districts (public geography), people are invented, tasks are
composed in the style of "việc đột phá, đổi mới" registers (việc đột phá = a
breakthrough task assigned to a named cadre).
"""
from __future__ import annotations

# (province, region, [districts]): the pre-2025 provinces, so the corpus is not all
# Tuyên Quang. The five centrally-run cities are left to the hand-written documents,
# since their bodies are named differently (Thành ủy, UBND thành phố).
PROVINCES = [
    ("Tuyên Quang", "north", ["Chiêm Hóa", "Hàm Yên", "Na Hang", "Sơn Dương", "Yên Sơn", "Lâm Bình"]),
    ("Hà Giang", "north", ["Bắc Quang", "Vị Xuyên", "Hoàng Su Phì", "Quản Bạ"]),
    ("Cao Bằng", "north", ["Hòa An", "Trùng Khánh", "Bảo Lạc", "Nguyên Bình"]),
    ("Bắc Kạn", "north", ["Ba Bể", "Chợ Đồn", "Na Rì", "Bạch Thông"]),
    ("Lạng Sơn", "north", ["Hữu Lũng", "Cao Lộc", "Văn Quan", "Bình Gia"]),
    ("Lào Cai", "north", ["Bảo Thắng", "Bát Xát", "Mường Khương", "Văn Bàn"]),
    ("Yên Bái", "north", ["Lục Yên", "Văn Yên", "Trấn Yên", "Mù Cang Chải"]),
    ("Thái Nguyên", "north", ["Đại Từ", "Phú Lương", "Định Hóa", "Võ Nhai"]),
    ("Phú Thọ", "north", ["Thanh Sơn", "Cẩm Khê", "Tân Sơn", "Lâm Thao"]),
    ("Điện Biên", "northwest", ["Điện Biên Đông", "Mường Ảng", "Tuần Giáo", "Mường Chà"]),
    ("Lai Châu", "northwest", ["Tam Đường", "Phong Thổ", "Sìn Hồ", "Than Uyên"]),
    ("Sơn La", "northwest", ["Mộc Châu", "Thuận Châu", "Mai Sơn", "Sông Mã"]),
    ("Hòa Bình", "north", ["Mai Châu", "Lạc Sơn", "Kim Bôi", "Tân Lạc"]),
    ("Quảng Ninh", "north", ["Tiên Yên", "Ba Chẽ", "Bình Liêu", "Đầm Hà"]),
    ("Bắc Giang", "north", ["Lục Ngạn", "Sơn Động", "Yên Thế", "Lạng Giang"]),
    ("Hải Dương", "delta", ["Bình Giang", "Thanh Miện", "Gia Lộc", "Tứ Kỳ"]),
    ("Hưng Yên", "delta", ["Khoái Châu", "Văn Giang", "Phù Cừ", "Ân Thi"]),
    ("Thái Bình", "delta", ["Vũ Thư", "Kiến Xương", "Quỳnh Phụ", "Tiền Hải"]),
    ("Nam Định", "delta", ["Hải Hậu", "Giao Thủy", "Nghĩa Hưng", "Ý Yên"]),
    ("Ninh Bình", "delta", ["Nho Quan", "Gia Viễn", "Yên Mô", "Kim Sơn"]),
    ("Thanh Hóa", "central", ["Thọ Xuân", "Như Thanh", "Hậu Lộc", "Ngọc Lặc"]),
    ("Nghệ An", "central", ["Yên Thành", "Diễn Châu", "Con Cuông", "Nghĩa Đàn"]),
    ("Hà Tĩnh", "central", ["Hương Khê", "Can Lộc", "Đức Thọ", "Kỳ Anh"]),
    ("Quảng Bình", "central", ["Bố Trạch", "Quảng Ninh", "Tuyên Hóa", "Lệ Thủy"]),
    ("Quảng Trị", "central", ["Hải Lăng", "Gio Linh", "Cam Lộ", "Hướng Hóa"]),
    ("Thừa Thiên Huế", "central", ["Phong Điền", "Quảng Điền", "Phú Lộc", "A Lưới"]),
    ("Quảng Nam", "central", ["Duy Xuyên", "Thăng Bình", "Núi Thành", "Đại Lộc"]),
    ("Quảng Ngãi", "central", ["Mộ Đức", "Tư Nghĩa", "Sơn Hà", "Bình Sơn"]),
    ("Bình Định", "central", ["Phù Cát", "Tây Sơn", "Hoài Ân", "Vĩnh Thạnh"]),
    ("Phú Yên", "central", ["Đồng Xuân", "Tuy An", "Sơn Hòa", "Phú Hòa"]),
    ("Khánh Hòa", "central", ["Cam Lâm", "Diên Khánh", "Khánh Vĩnh", "Vạn Ninh"]),
    ("Kon Tum", "highland", ["Đắk Hà", "Sa Thầy", "Kon Plông", "Ngọc Hồi"]),
    ("Gia Lai", "highland", ["Chư Sê", "Ia Grai", "Đak Đoa", "Kbang"]),
    ("Đắk Lắk", "highland", ["Krông Pắc", "Cư M'gar", "Ea Kar", "Lắk"]),
    ("Đắk Nông", "highland", ["Krông Nô", "Đắk Mil", "Tuy Đức", "Cư Jút"]),
    ("Lâm Đồng", "highland", ["Đơn Dương", "Lạc Dương", "Di Linh", "Bảo Lâm"]),
    ("Bình Phước", "south", ["Bù Đăng", "Lộc Ninh", "Hớn Quản", "Phú Riềng"]),
    ("Tây Ninh", "south", ["Tân Châu", "Dương Minh Châu", "Gò Dầu", "Châu Thành"]),
    ("Đồng Nai", "south", ["Định Quán", "Tân Phú", "Xuân Lộc", "Cẩm Mỹ"]),
    ("Long An", "south", ["Đức Hòa", "Cần Giuộc", "Tân Thạnh", "Mộc Hóa"]),
    ("Đồng Tháp", "south", ["Tháp Mười", "Cao Lãnh", "Lai Vung", "Tam Nông"]),
    ("An Giang", "south", ["Tri Tôn", "Tịnh Biên", "Chợ Mới", "Phú Tân"]),
    ("Bến Tre", "south", ["Mỏ Cày Nam", "Giồng Trôm", "Ba Tri", "Chợ Lách"]),
    ("Trà Vinh", "south", ["Cầu Ngang", "Trà Cú", "Tiểu Cần", "Duyên Hải"]),
    ("Sóc Trăng", "south", ["Mỹ Tú", "Kế Sách", "Trần Đề", "Thạnh Trị"]),
    ("Bạc Liêu", "south", ["Hồng Dân", "Phước Long", "Vĩnh Lợi", "Đông Hải"]),
    ("Cà Mau", "south", ["Trần Văn Thời", "U Minh", "Năm Căn", "Ngọc Hiển"]),
    ("Kiên Giang", "south", ["Giồng Riềng", "Hòn Đất", "An Biên", "Gò Quao"]),
    ("Hậu Giang", "south", ["Phụng Hiệp", "Vị Thủy", "Long Mỹ", "Châu Thành A"]),
    ("Vĩnh Long", "south", ["Tam Bình", "Trà Ôn", "Mang Thít", "Long Hồ"]),
    ("Bà Rịa - Vũng Tàu", "south", ["Xuyên Mộc", "Châu Đức", "Đất Đỏ", "Long Điền"]),
    ("Bình Dương", "south", ["Bàu Bàng", "Dầu Tiếng", "Phú Giáo", "Bắc Tân Uyên"]),
    ("Bình Thuận", "south", ["Hàm Thuận Bắc", "Tánh Linh", "Đức Linh", "Tuy Phong"]),
    ("Ninh Thuận", "central", ["Bác Ái", "Ninh Sơn", "Thuận Nam", "Ninh Phước"]),
    ("Tiền Giang", "south", ["Cái Bè", "Cai Lậy", "Gò Công Tây", "Chợ Gạo"]),
    ("Bắc Ninh", "delta", ["Gia Bình", "Lương Tài", "Quế Võ", "Thuận Thành"]),
    ("Hà Nam", "delta", ["Lý Nhân", "Thanh Liêm", "Bình Lục", "Kim Bảng"]),
    ("Vĩnh Phúc", "delta", ["Tam Đảo", "Lập Thạch", "Sông Lô", "Yên Lạc"]),
]

# Communes and villages by region, so a Tây Nguyên text has buôn and plei, a
# Mekong text has ấp, a northern mountain text has bản and Tày names.
COMMUNES = {
    "north": ["Hòa Phú", "Tân Lập", "Phúc Thịnh", "Trung Hà", "Yên Nguyên", "Kim Bình", "Minh Quang",
              "Xuân Quang", "Hùng Lợi", "Thượng Lâm", "Phú Lương", "Nà Hang", "Hợp Thành", "Đồng Tâm",
              "Khuôn Hà", "Năng Khả", "Bình An", "Tân Thành"],
    "northwest": ["Chiềng Sơn", "Mường Phăng", "Bản Lầu", "Chiềng Mai", "Mường Lói", "Nậm Xe",
                  "Pú Nhi", "Tà Xùa", "Lao Chải", "Sơn Bình", "Tân Lập", "Quài Tở"],
    "highland": ["Ea Tul", "Ia Le", "Đắk Ơ", "Ea Kly", "Ia Grai", "Cư Pơng", "Đắk Rve", "Krông Jing",
                 "Ia Pết", "Đắk Mar", "Hòa Thuận", "Tân Hòa"],
    "central": ["Cát Thịnh", "Hưng Đạo", "Phú Thủy", "Xuân Hòa", "Kỳ Tân", "Hương Trạch", "Duy Sơn",
                "Tam Anh", "Đức Phong", "Hành Thiện", "Nghĩa Mỹ", "Triệu Phong", "Cẩm Thành", "Quảng Phú"],
    "delta": ["Thúc Kháng", "Hồng Phong", "Vĩnh Lộc", "Đồng Tâm", "Nam Hòa", "Thái Học", "Giao Thủy",
              "Hải Minh", "Yên Phong", "Quỳnh Hải", "Vũ Hội", "An Ninh", "Khánh Thủy", "Gia Tân"],
    "south": ["Tân An", "Bình Thuận", "Mỹ Lộc", "Vĩnh Thạnh", "Long Hòa", "An Phú", "Phước Hưng",
              "Tân Phú Thạnh", "Hòa Lợi", "Lương Hòa", "Thạnh Phú", "Khánh Hưng", "Vĩnh Kim", "Tân Hưng"],
}
VILLAGES = {  # with their prefix: thôn, bản, buôn, plei, làng, xóm, ấp
    "north": ["thôn Nà Khà", "thôn Bản Chợ", "thôn Lăng Quậy", "thôn Khuổi Củng", "thôn Đồng Chùa",
              "thôn Nặm Đăm", "thôn Pác Cáp", "thôn Làng Mới", "thôn Yên Lập", "bản Tấu", "thôn Nà Mường",
              "thôn Cốc Phát"],
    "northwest": ["bản Hua Pù", "bản Kéo Hượn", "bản Nà Sản", "bản Huổi Lóng", "bản Mường Cang",
                  "bản Pá Khoang", "bản Lả", "bản Có Sung"],
    "highland": ["buôn Trấp", "buôn Đôn", "plei Kần", "buôn Ea Nao", "làng Đê Tar", "buôn K'Mrơng Prông",
                 "thôn 5", "plei Bông"],
    "central": ["thôn Tân Tiến", "xóm Đồi", "thôn Phú Lễ", "thôn Trung Lương", "làng Kim Long",
                "thôn Hà Trung", "thôn 7", "xóm Bãi"],
    "delta": ["thôn Hợp Nhất", "thôn Đông", "xóm 3", "thôn Bùi Xá", "thôn Phương Đình", "xóm Trại",
              "thôn An Lạc", "thôn Cao Xá"],
    "south": ["ấp 3", "ấp Bình Thạnh", "ấp Mỹ Hòa", "ấp Tân Quy", "ấp Phước Lợi", "ấp Kinh Xáng",
              "ấp Rạch Gốc", "ấp Long Thới"],
}

PRODUCTS = [
    "cam sành", "bưởi Phúc Trạch", "chè Shan tuyết", "thanh long ruột đỏ", "miến dong",
    "mật ong bạc hà", "gạo nếp cái hoa vàng", "cà phê Robusta", "sầu riêng", "quế hữu cơ",
    "tôm càng xanh", "dừa sáp", "măng tre Bát Độ", "hồng không hạt", "vải thiều",
    "lạp sườn gác bếp", "nấm linh chi", "dưa lưới nhà màng", "chuối tiêu hồng", "rau an toàn",
]

SURNAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Hà", "Đinh", "Lương", "Chu", "Tạ", "Trịnh", "Mai", "Đào", "Cao",
    "Lâm", "Thân", "Kiều", "Âu", "Nguyễn", "Trần", "Lê", "Phạm",
]
# surnames of Tày, Nùng, Dao, Thái, Mông families: only in northern mountain texts
SURNAMES_NORTH = ["Ma", "Nông", "Lò", "Quàng", "Triệu", "Bàn", "Vi", "Lục", "Hứa", "Mông", "Sầm",
                  "Lèo", "Tòng", "Bế", "La", "Hà", "Lường", "Chẩu"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Xuân", "Ngọc", "Trọng", "Công",
            "Đình", "Tiến", "Mạnh", "Quang", "Tuấn", "Anh", "Bá", "Duy"]
MIDDLE_F = ["Thị", "Thu", "Thanh", "Hồng", "Minh", "Ngọc", "Kim", "Bích", "Thúy", "Lan"]
GIVEN_M = ["Hùng", "Dũng", "Long", "Hải", "Sơn", "Tuấn", "Thắng", "Hiếu", "Khánh", "Bình",
           "Cường", "Trung", "Hòa", "Lâm", "Phong", "Toàn", "Vinh", "Quyết", "Lợi", "Tâm",
           "Đạt", "Kiên", "Nam", "Huy", "Thành", "Chiến", "Hưng", "Tùng", "Điệp", "Thuận",
           "Quý", "Lực", "Nghĩa", "Phúc", "Sáng", "Tới", "Khoa", "Hậu", "Dương", "Thủy"]
GIVEN_F = ["Hương", "Lan", "Mai", "Hà", "Thủy", "Hoa", "Nga", "Hạnh", "Nhung", "Oanh",
           "Loan", "Yến", "Thảo", "Trang", "Hiền", "Hòa", "Ngân", "Tuyết", "Huyền", "Dung",
           "Phượng", "Liên", "Thoa", "Thắm", "Vân", "Xuân", "Quyên", "Duyên"]
# Names of Central Highlands and north-western peoples, written as they are.
ETHNIC = {
    "highland": ["Y Blốc Niê", "Y Ngọc Êban", "H'Lim Niê", "Y Ngông Kđăm", "Ksor Hơn",
                 "Rơ Châm Phin", "Kpă Blưk", "Siu H'Nuôl", "H'Yim Kđoh", "Y Khăm Byă",
                 "Nay Phi La", "A Pương", "Đinh Thị Hrim", "Rơ Mah Tuấn", "Y Kim Hđơk"],
    "northwest": ["Sùng A Páo", "Giàng A Lình", "Lầu Mí Sính", "Thào Seo Lử", "Lò Văn Puốn",
                  "Quàng Văn Hặc", "Vàng A Dình", "Mùa A Sơn", "Lò Thị Minh", "Cà Văn Chiến",
                  "Tòng Thị Hoa", "Lường Văn Khiêm", "Sồng A Hồ", "Hờ A Lử"],
    "north": ["Ma Văn Thoại", "Nông Thị Khuyên", "Bàn Văn Mềnh", "Triệu Tiến Vượng",
              "Hoàng Thị Khiên", "Bế Văn Kìm", "Lục Văn Bẩy", "Ma Thế Hồng", "Chẩu Văn Khoa",
              "Sầm Thị Lệ", "Lý Tà Sài", "Phùng Thị Mỷ"],
}

NUMBER_WORDS = {1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy",
                8: "tám", 9: "chín", 10: "mười"}

# Roles: (position as written, body that becomes the unit, level of the place
# that follows it). level "xa" takes a commune, "huyen" a district, "tinh" a
# province, None takes nothing (the body is the whole unit: "Sở Tài chính").
ROLES_XA = [
    ("Bí thư Đảng ủy xã", "Đảng ủy xã"),
    ("Phó Bí thư Thường trực Đảng ủy xã", "Đảng ủy xã"),
    ("Chủ tịch UBND xã", "UBND xã"),
    ("Phó Chủ tịch UBND xã", "UBND xã"),
    ("Chủ tịch HĐND xã", "HĐND xã"),
    ("Chủ tịch Ủy ban MTTQ xã", "Ủy ban MTTQ xã"),
    ("Bí thư Đoàn xã", "Đoàn xã"),
    ("Chủ tịch Hội Nông dân xã", "Hội Nông dân xã"),
    ("Bí thư Đảng ủy, Chủ tịch HĐND xã", "Đảng ủy xã"),
    ("Phó Bí thư Đảng ủy, Chủ tịch UBND xã", "UBND xã"),
]
ROLES_HUYEN = [
    ("Trưởng Phòng Nông nghiệp và phát triển nông thôn huyện", "Phòng Nông nghiệp và phát triển nông thôn huyện"),
    ("Trưởng Phòng Tài nguyên và Môi trường huyện", "Phòng Tài nguyên và Môi trường huyện"),
    ("Trưởng Phòng Giáo dục và Đào tạo huyện", "Phòng Giáo dục và Đào tạo huyện"),
    ("Trưởng Phòng Kinh tế và Hạ tầng huyện", "Phòng Kinh tế và Hạ tầng huyện"),
    ("Trưởng Phòng Tài chính - Kế hoạch huyện", "Phòng Tài chính - Kế hoạch huyện"),
    ("Trưởng Phòng Văn hóa và Thông tin huyện", "Phòng Văn hóa và Thông tin huyện"),
    ("Chánh Văn phòng Huyện ủy", "Văn phòng Huyện ủy"),
    ("Chánh Văn phòng HĐND và UBND huyện", "Văn phòng HĐND và UBND huyện"),
    ("Trưởng Ban Tuyên giáo Huyện ủy", "Ban Tuyên giáo Huyện ủy"),
    ("Trưởng Ban Tổ chức Huyện ủy", "Ban Tổ chức Huyện ủy"),
    ("Chủ nhiệm Ủy ban Kiểm tra Huyện ủy", "Ủy ban Kiểm tra Huyện ủy"),
    ("Phó Chủ tịch UBND huyện", "UBND huyện"),
    ("Chủ tịch UBND huyện", "UBND huyện"),
    ("Phó Bí thư Thường trực Huyện ủy", "Huyện ủy"),
    ("Chủ tịch Hội Nông dân huyện", "Hội Nông dân huyện"),
    ("Bí thư Huyện đoàn", "Huyện đoàn"),
    ("Giám đốc Trung tâm Y tế huyện", "Trung tâm Y tế huyện"),
    ("Giám đốc Ban Quản lý dự án đầu tư xây dựng huyện", "Ban Quản lý dự án đầu tư xây dựng huyện"),
    ("Chủ tịch Ủy ban MTTQ Việt Nam huyện", "Ủy ban MTTQ Việt Nam huyện"),
    ("Trưởng Công an huyện", "Công an huyện"),
]
ROLES_TINH = [
    ("Phó Chủ tịch UBND tỉnh", "UBND tỉnh"),
    ("Chủ tịch UBND tỉnh", "UBND tỉnh"),
    ("Phó Chủ tịch Thường trực UBND tỉnh", "UBND tỉnh"),
    ("Chánh Văn phòng Tỉnh ủy", "Văn phòng Tỉnh ủy"),
    ("Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy"),
    ("Phó Chủ tịch HĐND tỉnh", "HĐND tỉnh"),
]
ROLES_SO = [
    ("Giám đốc Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
    ("Giám đốc Sở Tài chính", "Sở Tài chính"),
    ("Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Giám đốc Sở Giao thông vận tải", "Sở Giao thông vận tải"),
    ("Giám đốc Sở Tài nguyên và Môi trường", "Sở Tài nguyên và Môi trường"),
    ("Phó Giám đốc Sở Xây dựng", "Sở Xây dựng"),
    ("Giám đốc Sở Y tế", "Sở Y tế"),
    ("Giám đốc Sở Nội vụ", "Sở Nội vụ"),
    ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Phó Giám đốc Sở Công Thương", "Sở Công Thương"),
    ("Chi cục trưởng Chi cục Phát triển nông thôn", "Chi cục Phát triển nông thôn"),
    ("Giám đốc Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"),
]

# Task templates. Slots: {thon} village, {xa} commune, {huyen} district,
# {tinh} province, {sp} product, {n} small number, {m} larger number,
# {y} a year. Tasks are 5-30 words and never contain ";".
TASKS_XA = [
    "chỉ đạo xây dựng {thon} đạt chuẩn khu dân cư nông thôn mới kiểu mẫu",
    "vận động nhân dân hiến {m} m2 đất mở rộng đường trục {thon}",
    "thành lập hợp tác xã kiểu mới tại {xa} chuyên sản xuất và tiêu thụ {sp}",
    "phát triển vùng trồng {sp} tập trung quy mô {n}0 ha theo tiêu chuẩn VietGAP",
    "sửa chữa, đưa trở lại hoạt động trạm cấp nước sinh hoạt bị hỏng ở {thon}",
    "kết nạp 1{k} đảng viên mới, trong đó có {n} đảng viên là người dân tộc thiểu số",
    "xóa thôn trắng đảng viên tại {thon}",
    "giải quyết dứt điểm vụ tranh chấp đất đai kéo dài tại {thon}",
    "giảm tỷ lệ hộ nghèo của xã xuống dưới {n}% theo chuẩn nghèo đa chiều",
    "hoàn thành giải phóng mặt bằng tuyến đường liên xã {xa} - {xa2}",
    "xây dựng mô hình dân vận khéo trong phát triển kinh tế tại {thon}",
    "đưa xã {xa} đạt chuẩn nông thôn mới nâng cao",
    "vận động {m} hộ dân chỉnh trang nhà ở, hàng rào, cổng ngõ xanh - sạch - đẹp",
    "thu hút doanh nghiệp đầu tư nhà máy chế biến {sp} trên địa bàn xã",
    "chỉ đạo hoàn thành thu ngân sách nhà nước trên địa bàn đạt trên 1{n}0% dự toán giao",
    "xây dựng chợ nông thôn trung tâm xã theo hình thức xã hội hóa",
    "nâng cao tỷ lệ hộ gia đình sử dụng nước hợp vệ sinh lên {k}0%",
    "chấm dứt tình trạng tảo hôn và hôn nhân cận huyết thống tại các thôn, bản vùng cao",
    "chuyển đổi {n}0 ha đất trồng lúa kém hiệu quả sang trồng {sp}",
    "thành lập tổ hợp tác chăn nuôi trâu, bò hàng hóa tại {thon}",
    "hoàn thành cấp giấy chứng nhận quyền sử dụng đất lần đầu cho {m} hộ còn tồn đọng",
    "xây dựng {n} tuyến đường hoa, đường cây xanh kiểu mẫu trên địa bàn xã",
    "duy trì xã đạt chuẩn quốc gia về y tế và nâng chất lượng trạm y tế xã",
    "chỉ đạo chuyển đổi số trong thanh toán không dùng tiền mặt tại chợ trung tâm xã",
    "củng cố chi bộ {thon} từ yếu kém thành hoàn thành tốt nhiệm vụ",
    # short ones, as registers often write them
    "xóa {n} nhà tạm cho hộ nghèo",
    "xây mới nhà văn hóa {thon}",
    "xây mới cầu giao thông nông thôn tại {thon}",
    "bê tông hóa đường trục {thon}",
    "thành lập chi bộ {thon}",
    # and long ones, with the how and the by-when inside the task
    "vận động nhân dân {thon} và các hộ giáp ranh hiến đất, tháo dỡ công trình để mở rộng tuyến đường "
    "liên thôn lên 5 m mặt đường, hoàn thành trước mùa mưa bão",
]
TASKS_HUYEN = [
    "tham mưu trồng {sp} dọc tuyến đường liên xã {xa} - {xa2} tạo cảnh quan xanh",
    "tham mưu xây dựng thương hiệu và chỉ dẫn địa lý cho {sp} của huyện",
    "tham mưu hoàn thành quy hoạch sử dụng đất huyện {huyen} thời kỳ 2021 - 2030",
    "rà soát, xử lý dứt điểm {n}0 hồ sơ đất đai tồn đọng kéo dài trên địa bàn huyện",
    "xây dựng trường Tiểu học {xa} đạt chuẩn quốc gia mức độ 2",
    "nâng tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình lên {k}0%",
    "hoàn thành giải ngân vốn đầu tư công năm {y} đạt trên {k}5% kế hoạch",
    "tham mưu tổ chức thành công Lễ hội {sp} huyện {huyen} lần thứ {n}",
    "chỉ đạo hoàn thành dự án đường tránh trung tâm huyện {huyen} đúng tiến độ",
    "tham mưu kiện toàn tổ chức cơ sở đảng ở các xã sau sắp xếp đơn vị hành chính",
    "xây dựng phần mềm quản lý văn bản và hồ sơ công việc liên thông đến {n}0 xã, thị trấn",
    "tham mưu thu hút dự án đầu tư cụm công nghiệp {xa} với diện tích {n}0 ha",
    "giảm số vụ tai nạn giao thông trên địa bàn huyện cả ba tiêu chí so với năm trước",
    "thực hiện chuyển đổi số trong công tác kiểm tra, giám sát của cấp ủy huyện",
    "tham mưu sáp nhập, kiện toàn các trường học có quy mô nhỏ trên địa bàn huyện",
    "phát triển {n} sản phẩm OCOP đạt 4 sao của huyện {huyen}",
    "tham mưu đầu tư hệ thống chiếu sáng và camera an ninh tại trung tâm thị trấn",
    "chỉ đạo xử lý dứt điểm tình trạng khai thác cát, sỏi trái phép trên sông",
    "tham mưu đưa Trung tâm Chính trị huyện đạt chuẩn mức 1",
    "xây dựng mô hình khu dân cư an toàn về an ninh trật tự tại thị trấn",
    "đôn đốc hoàn thành bàn giao mặt bằng sạch dự án đường cao tốc đoạn qua huyện",
    "tham mưu sửa chữa, nâng cấp {n} công trình thủy lợi xuống cấp",
    "vận động thành lập mới {n} hợp tác xã nông nghiệp hoạt động hiệu quả",
    "nâng chất lượng khám chữa bệnh, triển khai bệnh án điện tử tại Trung tâm Y tế huyện",
    "giải ngân 100% vốn sự nghiệp nông thôn mới",
    "sáp nhập {n} trường mầm non nhỏ lẻ",
    "tham mưu Ban Thường vụ Huyện ủy ban hành đề án phát triển kinh tế đồi rừng gắn với chế biến sâu "
    "lâm sản, bảo đảm mỗi xã có ít nhất một cơ sở chế biến gỗ rừng trồng",
]
TASKS_TINH = [
    "chỉ đạo hoàn thành dự án đường cao tốc đoạn qua địa bàn tỉnh {tinh}",
    "tham mưu thu hút dự án khu công nghiệp có tổng vốn đầu tư trên {n} nghìn tỷ đồng",
    "cải thiện chỉ số năng lực cạnh tranh cấp tỉnh PCI tăng ít nhất {n} bậc",
    "hoàn thành quy hoạch tỉnh {tinh} thời kỳ 2021 - 2030, tầm nhìn đến năm 2050",
    "chỉ đạo giải ngân vốn đầu tư công đạt trên {k}5% kế hoạch được giao",
    "xây dựng cơ sở dữ liệu đất đai dùng chung kết nối các huyện, thành phố",
    "tham mưu đề án phát triển du lịch cộng đồng gắn với bảo tồn văn hóa các dân tộc",
    "đưa chương trình mỗi xã một sản phẩm đạt {m} sản phẩm OCOP được công nhận",
    "hoàn thành sắp xếp các đơn vị sự nghiệp công lập trực thuộc tỉnh",
    "tham mưu xây dựng Trung tâm phục vụ hành chính công một cấp",
]
TASKS_COMMITTEE = ["Trưởng ban", "Phó Trưởng ban Thường trực", "Phó Trưởng ban", "Ủy viên",
                   "Tổ trưởng", "Tổ phó", "Thành viên"]

# Tasks that fit a particular office better than the general pools: chosen first
# when the title contains the key.
TASKS_BY_OFFICE = {
    "Đoàn": [
        "thành lập {n} câu lạc bộ thanh niên khởi nghiệp gắn với sản phẩm {sp}",
        "xây dựng công trình thanh niên thắp sáng đường quê tại {thon}",
        "hỗ trợ {n} đoàn viên thanh niên vay vốn phát triển mô hình kinh tế",
        "triển khai nền tảng sinh hoạt đoàn trực tuyến tới 100% chi đoàn",
    ],
    "MTTQ": [
        "vận động xây dựng {n}0 nhà Đại đoàn kết cho hộ nghèo",
        "xây dựng mô hình camera an ninh do nhân dân đóng góp tại {thon}",
        "nâng cao hiệu quả giám sát, phản biện xã hội đối với các công trình dân sinh",
        "vận động quỹ Vì người nghèo đạt trên {m} triệu đồng",
    ],
    "Hội Nông dân": [
        "xây dựng {n} chi hội nông dân nghề nghiệp trồng {sp}",
        "hỗ trợ hội viên đưa sản phẩm {sp} lên sàn thương mại điện tử",
        "thành lập tổ hợp tác nông dân sản xuất {sp} theo chuỗi giá trị",
    ],
    "Công an": [
        "xóa {n} điểm phức tạp về ma túy trên địa bàn",
        "hoàn thành cấp căn cước và tài khoản định danh điện tử mức 2 cho {k}0% dân số",
        "xây dựng mô hình tổ liên gia an toàn phòng cháy chữa cháy tại {thon}",
        "giảm {n}0% số vụ phạm pháp hình sự so với năm trước",
    ],
    "Y tế": [
        "triển khai bệnh án điện tử tại 100% khoa lâm sàng",
        "nâng tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi đạt trên 9{n}%",
        "thu hút {n} bác sĩ về công tác tại các trạm y tế xã vùng sâu",
    ],
    "Giáo dục": [
        "xây dựng trường Tiểu học {xa} đạt chuẩn quốc gia mức độ 2",
        "xóa phòng học tạm, phòng học mượn tại các điểm trường vùng khó khăn",
        "nâng tỷ lệ học sinh học 2 buổi/ngày lên {k}0%",
    ],
    "Kiểm tra": [
        "thực hiện chuyển đổi số trong công tác kiểm tra, giám sát của cấp ủy huyện",
        "kiểm tra dấu hiệu vi phạm đối với {n} tổ chức đảng có đơn thư kéo dài",
    ],
    "Tuyên giáo": [
        "xây dựng trang thông tin điện tử tuyên truyền nghị quyết của Đảng bộ huyện",
        "biên soạn tài liệu lịch sử Đảng bộ xã {xa} giai đoạn 1945 - 2020",
    ],
    "Tổ chức": [
        "tham mưu kiện toàn tổ chức cơ sở đảng ở các xã sau sắp xếp đơn vị hành chính",
        "xây dựng phần mềm quản lý hồ sơ đảng viên liên thông đến các chi bộ",
    ],
    "Tài nguyên": [
        "rà soát, xử lý dứt điểm {n}0 hồ sơ đất đai tồn đọng kéo dài trên địa bàn huyện",
        "hoàn thành đo đạc, lập bản đồ địa chính cho {n} xã còn lại",
        "xử lý dứt điểm tình trạng khai thác cát, sỏi trái phép trên sông",
    ],
}
