"""Documents written by hand, each with its own phrasing, and their gold.

Read by build_extract.py, which writes them to corpora/extract/{train,dev} beside
the generated ones. All people, numbers and events are invented; places are real.

Spec keys: name, kind (news|decision|plan|report|negative), ext (txt|md|html),
text, document ({kind, number, issuer, date, title}), assignments (cadre,
position, unit, period as (text, start, end) or None, declared, tasks),
statistics ((text, tasks, cadres)), negatives ((text, why)).
"""
from __future__ import annotations

NO_DOC = None

DOCS: list[dict] = []


def doc(**spec) -> None:
    DOCS.append(spec)


# --------------------------------------------------------------------------- news

doc(name="h-001", kind="news", text="""
Bát Xát: Người đứng đầu nhận “việc khó”

Năm 2019, Ban Thường vụ Huyện ủy Bát Xát giao 142 việc đột phá cho 87 cán bộ chủ chốt từ huyện đến cơ sở. Không ít việc được xem là “đụng đâu vướng đó”, nhưng sau một năm, nhiều kết quả đã hiện rõ.

Xã Y Tý là một ví dụ. Đ/c Sùng A Lềnh, Bí thư Đảng ủy xã Y Tý được giao bảy nội dung đột phá, trong đó có ba việc trọng tâm là đưa 120 ha chè Shan tuyết cổ thụ vào chăm sóc, khai thác theo hướng hữu cơ; vận động các hộ người Hà Nhì giữ gìn nhà trình tường để làm du lịch cộng đồng; xóa bỏ tục thách cưới nặng nề ở các thôn vùng cao.

“Ngày đầu nhận việc tôi lo lắm, vì toàn việc chạm vào tập quán của bà con”, anh Lềnh tâm sự.

Ở cấp huyện, đồng chí Phạm Thị Thanh Hương, Trưởng Phòng Văn hóa và Thông tin huyện Bát Xát được giao 2 việc: tham mưu tổ chức Lễ hội Mùa vàng Y Tý gắn với quảng bá sản phẩm du lịch; số hóa toàn bộ hồ sơ di tích cấp tỉnh trên địa bàn huyện.

Đánh giá về cách làm này, đồng chí Vũ Xuân Trường, Trưởng Ban Tổ chức Tỉnh ủy Lào Cai nhận xét, Bát Xát đã chọn đúng những việc mà người dân chờ đợi nhiều năm nay.
""", assignments=[
    dict(cadre="Sùng A Lềnh", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Y Tý",
         period=("Năm 2019", 2019, 2019), declared=7, tasks=[
             "đưa 120 ha chè Shan tuyết cổ thụ vào chăm sóc, khai thác theo hướng hữu cơ",
             "vận động các hộ người Hà Nhì giữ gìn nhà trình tường để làm du lịch cộng đồng",
             "xóa bỏ tục thách cưới nặng nề ở các thôn vùng cao"]),
    dict(cadre="Phạm Thị Thanh Hương", position="Trưởng Phòng Văn hóa và Thông tin huyện",
         unit="Phòng Văn hóa và Thông tin huyện Bát Xát", period=("Năm 2019", 2019, 2019), declared=2, tasks=[
             "tham mưu tổ chức Lễ hội Mùa vàng Y Tý gắn với quảng bá sản phẩm du lịch",
             "số hóa toàn bộ hồ sơ di tích cấp tỉnh trên địa bàn huyện"]),
], statistics=[("giao 142 việc đột phá cho 87 cán bộ", 142, 87)],
    negatives=[("Vũ Xuân Trường", "quoted"), ("giao 142 việc đột phá cho 87 cán bộ", "total")])

doc(name="h-002", kind="news", text="""
Krông Pắc: Chủ tịch xã “cầm” việc đột phá về cà phê tái canh

(ĐLO) Bước sang năm 2023, huyện Krông Pắc tiếp tục giao việc đột phá gắn với thế mạnh của từng xã. Theo ghi nhận của phóng viên, nhiều cán bộ đã chủ động đăng ký những phần việc vốn lâu nay “không ai muốn nhận”.

Tại xã Ea Kly, ông Y Khim Mlô, Chủ tịch UBND xã nhận nhiệm vụ tái canh 200 ha cà phê già cỗi gắn với trồng xen sầu riêng. Cùng với đó, ông còn được giao hoàn thiện hồ sơ công nhận xã đạt chuẩn nông thôn mới trước ngày 30/11/2023.

Bà H’Nga Êban, Chủ tịch Hội Liên hiệp Phụ nữ xã Ea Kly cho biết, Hội đã vận động 45 hội viên tham gia tổ hợp tác sản xuất cà phê sạch.

Trong khi đó, ở xã Vụ Bổn, đồng chí Lê Văn Bình, Phó Bí thư Thường trực Đảng ủy xã được phân công đột phá về chuyển đổi số: triển khai sổ tay đảng viên điện tử tới 100% chi bộ; đưa 90% hồ sơ một cửa của xã lên môi trường mạng.
""", assignments=[
    dict(cadre="Y Khim Mlô", position="Chủ tịch UBND xã", unit="UBND xã Ea Kly",
         period=("năm 2023", 2023, 2023), declared=None, tasks=[
             "tái canh 200 ha cà phê già cỗi gắn với trồng xen sầu riêng",
             "hoàn thiện hồ sơ công nhận xã đạt chuẩn nông thôn mới trước ngày 30/11/2023"]),
    dict(cadre="Lê Văn Bình", position="Phó Bí thư Thường trực Đảng ủy xã", unit="Đảng ủy xã Vụ Bổn",
         period=("năm 2023", 2023, 2023), declared=None, tasks=[
             "triển khai sổ tay đảng viên điện tử tới 100% chi bộ",
             "đưa 90% hồ sơ một cửa của xã lên môi trường mạng"]),
], negatives=[("H’Nga Êban", "quoted")])

doc(name="h-003", kind="news", text="""
Mỗi Phó Chủ tịch huyện một công trình trọng điểm

Thực hiện chủ đề năm 2024 “Kỷ cương, trách nhiệm, tăng tốc, bứt phá”, UBND huyện Đức Thọ (Hà Tĩnh) phân công mỗi lãnh đạo huyện trực tiếp “bám” một công trình.

Ông Trần Hữu Lộc - Phó Chủ tịch UBND huyện phụ trách giải phóng mặt bằng đoạn cao tốc Bắc - Nam qua các xã Tùng Ảnh, Đức Lạng; bà Nguyễn Thị Hải Yến - Phó Chủ tịch UBND huyện chỉ đạo hoàn thành Trường THCS Hoàng Xuân Hãn đạt chuẩn quốc gia trong quý III/2024.

Theo Chủ tịch UBND huyện Đặng Quốc Thái, việc phân công cụ thể giúp tránh tình trạng “cha chung không ai khóc”.

Đến nay, huyện đã bàn giao được 85% mặt bằng cho nhà thầu.
""", assignments=[
    dict(cadre="Trần Hữu Lộc", position="Phó Chủ tịch UBND huyện", unit="UBND huyện Đức Thọ",
         period=("năm 2024", 2024, 2024), declared=None, tasks=[
             "giải phóng mặt bằng đoạn cao tốc Bắc - Nam qua các xã Tùng Ảnh, Đức Lạng"]),
    dict(cadre="Nguyễn Thị Hải Yến", position="Phó Chủ tịch UBND huyện", unit="UBND huyện Đức Thọ",
         period=("năm 2024", 2024, 2024), declared=None, tasks=[
             "chỉ đạo hoàn thành Trường THCS Hoàng Xuân Hãn đạt chuẩn quốc gia trong quý III/2024"]),
], negatives=[("Đặng Quốc Thái", "quoted")])

doc(name="h-004", kind="negative", text="""
Tổng kết 5 năm thực hiện Quy định giao việc đột phá

Chiều 18/12/2025, Ban Thường vụ Tỉnh ủy Yên Bái tổ chức hội nghị tổng kết 5 năm thực hiện Quy định số 12 về giao việc đột phá, đổi mới đối với người đứng đầu.

Trong giai đoạn 2021 - 2025, các cấp ủy đã giao 3.416 việc đột phá cho 1.209 lượt cán bộ; có 87,4% số việc hoàn thành đúng và vượt tiến độ.

Phát biểu kết luận, đồng chí Nguyễn Minh Khôi, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh nhấn mạnh: “Mỗi việc giao phải có sản phẩm, mỗi sản phẩm phải đo đếm được”.

Dịp này, 36 tập thể và 52 cá nhân được Ban Thường vụ Tỉnh ủy tặng Bằng khen. Đồng chí Hoàng Thị Xuân, Trưởng phòng Nội vụ huyện Lục Yên nhận Bằng khen vì có thành tích xuất sắc trong tham mưu thực hiện việc đột phá.
""", assignments=[],
    statistics=[("giao 3.416 việc đột phá cho 1.209 lượt cán bộ", 3416, 1209)],
    negatives=[("Nguyễn Minh Khôi", "quoted"), ("Hoàng Thị Xuân", "thanked"),
               ("giao 3.416 việc đột phá cho 1.209 lượt cán bộ", "total")])

doc(name="h-005", kind="news", text="""
Giồng Trôm: Bí thư xã “xắn tay” làm đường giao thông nông thôn

Năm 2022, Huyện ủy Giồng Trôm (Bến Tre) lần đầu triển khai giao “việc đột phá” cho Bí thư, Chủ tịch UBND 20 xã, thị trấn.

Ông Võ Minh Tâm, Bí thư Đảng ủy xã Lương Hòa nhận hai việc: vận động người dân hiến đất làm 4,5 km đường nhựa liên ấp Lương Hòa - Lương Thuận; thành lập HTX dừa hữu cơ xuất khẩu với ít nhất 150 thành viên.

Ông Huỳnh Văn Tới, Chủ tịch UBND xã Phong Nẫm đăng ký đột phá về chỉnh trang đô thị: xóa 100% cầu khỉ trên địa bàn xã.

Ông Trương Văn Sáu, người dân ấp Phong Điền, phấn khởi: “Có đường, trái dừa của bà con bán được giá hơn trước”.
""", assignments=[
    dict(cadre="Võ Minh Tâm", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Lương Hòa",
         period=("Năm 2022", 2022, 2022), declared=2, tasks=[
             "vận động người dân hiến đất làm 4,5 km đường nhựa liên ấp Lương Hòa - Lương Thuận",
             "thành lập HTX dừa hữu cơ xuất khẩu với ít nhất 150 thành viên"]),
    dict(cadre="Huỳnh Văn Tới", position="Chủ tịch UBND xã", unit="UBND xã Phong Nẫm",
         period=("Năm 2022", 2022, 2022), declared=None, tasks=["xóa 100% cầu khỉ trên địa bàn xã"]),
], negatives=[("Trương Văn Sáu", "quoted")])

doc(name="h-006", kind="news", text="""
Đoàn thanh niên nhận việc đột phá về chuyển đổi số

Tại hội nghị Ban Chấp hành Tỉnh đoàn Thái Nguyên lần thứ 8 (khóa XIX), các đồng chí trong BTV Tỉnh đoàn đã đăng ký việc đột phá năm 2021.

Theo đó, đ/c Dương Văn Lưu, Phó Bí thư Tỉnh đoàn nhận việc xây dựng nền tảng “Sổ tay ĐTN điện tử” dùng chung cho 100% cơ sở đoàn; đ/c Lâm Thị Thu Hằng, Ủy viên BTV, Chánh Văn phòng Tỉnh đoàn nhận việc tổ chức 30 lớp tập huấn kỹ năng số cho đoàn viên nông thôn.

Đ/c Ngô Thị Hoài, Bí thư Tỉnh đoàn nhấn mạnh, mỗi việc đăng ký phải gắn với sản phẩm cụ thể và thời gian hoàn thành trước ngày 15/12/2021.
""", assignments=[
    dict(cadre="Dương Văn Lưu", position="Phó Bí thư Tỉnh đoàn", unit="Tỉnh đoàn Thái Nguyên",
         period=("năm 2021", 2021, 2021), declared=None, tasks=[
             "xây dựng nền tảng “Sổ tay ĐTN điện tử” dùng chung cho 100% cơ sở đoàn"]),
    dict(cadre="Lâm Thị Thu Hằng", position="Ủy viên BTV, Chánh Văn phòng Tỉnh đoàn",
         unit="Tỉnh đoàn Thái Nguyên", period=("năm 2021", 2021, 2021), declared=None, tasks=[
             "tổ chức 30 lớp tập huấn kỹ năng số cho đoàn viên nông thôn"]),
], negatives=[("Ngô Thị Hoài", "quoted")])

doc(name="h-007", kind="news", text="""
Hương Khê giao 205 việc đột phá cho 119 cán bộ

HTĐT - Năm 2023, Ban Thường vụ Huyện ủy Hương Khê đã giao 205 việc đột phá, đổi mới cho 119 cán bộ thuộc diện quản lý. Các việc giao tập trung vào xây dựng NTM, chuyển đổi cơ cấu cây trồng và cải cách hành chính.

Đáng chú ý, đồng chí Phan Văn Kỳ, Bí thư Đảng ủy xã Hương Trạch, được giao đưa xã về đích NTM nâng cao; đồng thời phát triển thương hiệu bưởi Phúc Trạch gắn với truy xuất nguồn gốc.

Trong khi đó, đồng chí Lê Thị Mai Phương - Trưởng phòng Tài chính - Kế hoạch huyện được giao việc đột phá là tham mưu đấu giá thành công 12 khu đất ở để tạo nguồn thu cho ngân sách.

Trao đổi với phóng viên, đồng chí Nguyễn Hữu Thành, Trưởng Ban Tổ chức Huyện ủy cho biết, cuối năm huyện sẽ chấm điểm từng việc theo thang 100 điểm.
""", assignments=[
    dict(cadre="Phan Văn Kỳ", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Hương Trạch",
         period=("Năm 2023", 2023, 2023), declared=None, tasks=[
             "đưa xã về đích NTM nâng cao",
             "phát triển thương hiệu bưởi Phúc Trạch gắn với truy xuất nguồn gốc"]),
    dict(cadre="Lê Thị Mai Phương", position="Trưởng phòng Tài chính - Kế hoạch huyện",
         unit="Phòng Tài chính - Kế hoạch huyện Hương Khê", period=("Năm 2023", 2023, 2023), declared=None, tasks=[
             "tham mưu đấu giá thành công 12 khu đất ở để tạo nguồn thu cho ngân sách"]),
], statistics=[("giao 205 việc đột phá, đổi mới cho 119 cán bộ", 205, 119)],
    negatives=[("Nguyễn Hữu Thành", "quoted"), ("giao 205 việc đột phá, đổi mới cho 119 cán bộ", "total")])

doc(name="h-008", kind="negative", text="""
Quảng Trị có thêm một Phó Chủ tịch UBND tỉnh

Sáng 14/7/2017, tại kỳ họp thứ 5, HĐND tỉnh Quảng Trị khóa VII, nhiệm kỳ 2016 - 2021 đã tiến hành bầu bổ sung chức danh Phó Chủ tịch UBND tỉnh.

Với 100% đại biểu có mặt tán thành, ông Hồ Đắc Khang, Giám đốc Sở Kế hoạch và Đầu tư được bầu giữ chức Phó Chủ tịch UBND tỉnh Quảng Trị nhiệm kỳ 2016 - 2021.

Kỳ họp cũng miễn nhiệm chức danh Ủy viên UBND tỉnh đối với bà Trần Thị Lệ Hằng, nguyên Giám đốc Sở Tư pháp, do nghỉ hưu theo chế độ.

Phát biểu nhận nhiệm vụ, ông Hồ Đắc Khang cảm ơn sự tín nhiệm của các đại biểu và hứa sẽ cùng tập thể UBND tỉnh phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội.
""", assignments=[], negatives=[("Hồ Đắc Khang", "elected"), ("Trần Thị Lệ Hằng", "dismissed")])

doc(name="h-009", kind="news", text="""
Yên Thành: Khi người đứng đầu “đặt hàng” chính mình

Bài 2: Những việc khó đã có người nhận

Cuối tháng 3/2018, chúng tôi trở lại xã Công Thành, nơi đồng chí Hồ Sỹ Hùng, Bí thư Đảng ủy, Chủ tịch HĐND xã được Ban Thường vụ Huyện ủy Yên Thành giao ba việc đột phá giai đoạn 2018 - 2020, gồm: dồn điền đổi thửa 350 ha đất lúa ở các xóm phía Bắc; xây dựng cánh đồng mẫu lớn liên kết tiêu thụ với doanh nghiệp; di dời 40 hộ chăn nuôi lợn ra khỏi khu dân cư.

Anh Hùng kể, riêng việc dồn điền đổi thửa đã phải họp dân tới 17 lần.

Cũng trong đợt này, Chủ tịch UBND xã Bảo Thành, đồng chí Đinh Văn Thắm nhận việc xây dựng làng du lịch cộng đồng gắn với đền thờ Phạm Công Bình.
""", assignments=[
    dict(cadre="Hồ Sỹ Hùng", position="Bí thư Đảng ủy, Chủ tịch HĐND xã", unit="Đảng ủy xã Công Thành",
         period=("giai đoạn 2018 - 2020", 2018, 2020), declared=3, tasks=[
             "dồn điền đổi thửa 350 ha đất lúa ở các xóm phía Bắc",
             "xây dựng cánh đồng mẫu lớn liên kết tiêu thụ với doanh nghiệp",
             "di dời 40 hộ chăn nuôi lợn ra khỏi khu dân cư"]),
    dict(cadre="Đinh Văn Thắm", position="Chủ tịch UBND xã", unit="UBND xã Bảo Thành",
         period=("giai đoạn 2018 - 2020", 2018, 2020), declared=None, tasks=[
             "xây dựng làng du lịch cộng đồng gắn với đền thờ Phạm Công Bình"]),
])

doc(name="h-010", kind="news", text="""
Ba Chẽ phân công lãnh đạo huyện phụ trách “điểm nghẽn”

Ngày 6/2/2020, Ban Thường vụ Huyện ủy Ba Chẽ (Quảng Ninh) ban hành thông báo phân công các đồng chí Ủy viên BTV Huyện ủy theo dõi, chỉ đạo xử lý các “điểm nghẽn” năm 2020.

Cụ thể: đồng chí Đặng Ngọc Minh, Phó Bí thư Thường trực Huyện ủy theo dõi, chỉ đạo công tác bồi thường, giải phóng mặt bằng dự án đường tỉnh 330; đồng chí Bàn Thị Phương, Chủ tịch Ủy ban MTTQ huyện theo dõi việc vận động đồng bào Dao Thanh Y ở xã Đạp Thanh trồng cây quế, cây hồi.

Văn phòng Huyện ủy có trách nhiệm tổng hợp, báo cáo Thường trực Huyện ủy hằng tháng.
""", assignments=[
    dict(cadre="Đặng Ngọc Minh", position="Phó Bí thư Thường trực Huyện ủy", unit="Huyện ủy Ba Chẽ",
         period=("năm 2020", 2020, 2020), declared=None, tasks=[
             "theo dõi, chỉ đạo công tác bồi thường, giải phóng mặt bằng dự án đường tỉnh 330"]),
    dict(cadre="Bàn Thị Phương", position="Chủ tịch Ủy ban MTTQ huyện", unit="Ủy ban MTTQ huyện Ba Chẽ",
         period=("năm 2020", 2020, 2020), declared=None, tasks=[
             "theo dõi việc vận động đồng bào Dao Thanh Y ở xã Đạp Thanh trồng cây quế, cây hồi"]),
], negatives=[("Văn phòng Huyện ủy có trách nhiệm tổng hợp", "body")])

# ---------------------------------------------------------------------- decisions

doc(name="h-011", kind="decision", ext="html", text="""
<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Quyết định 125-QĐ/HU</title></head>
<body>
<table>
<tr><td>HUYỆN ỦY HÀM YÊN<br>*<br>Số 125-QĐ/HU</td>
<td>ĐẢNG CỘNG SẢN VIỆT NAM<br><i>Hàm Yên, ngày 20 tháng 02 năm 2022</i></td></tr>
</table>
<h3>QUYẾT ĐỊNH</h3>
<p>về việc giao việc đột phá, đổi mới năm 2022 đối với người đứng đầu cấp ủy, chính quyền các xã, thị trấn</p>
<p>- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;</p>
<p>- Căn cứ Quy định số 30-QĐi/TU ngày 15/4/2021 của Ban Thường vụ Tỉnh ủy Tuyên Quang;</p>
<p>- Xét đề nghị của Ban Tổ chức Huyện ủy,</p>
<p><b>BAN THƯỜNG VỤ HUYỆN ỦY QUYẾT ĐỊNH:</b></p>
<p>Điều 1. Giao việc đột phá, đổi mới năm 2022 cho 04 đồng chí (có danh sách kèm theo).</p>
<p>Điều 2. Các đồng chí có tên tại Điều 1 xây dựng kế hoạch chi tiết, gửi về Ban Thường vụ Huyện ủy (qua Ban Tổ chức) trước ngày 10/3/2022.</p>
<p>Điều 3. Quyết định có hiệu lực kể từ ngày ký.</p>
<p>T/M BAN THƯỜNG VỤ<br>PHÓ BÍ THƯ<br><br>Hoàng Bình Nguyên</p>
<p><b>DANH SÁCH</b><br>cán bộ được giao việc đột phá, đổi mới năm 2022<br><i>(kèm theo Quyết định số 125-QĐ/HU ngày 20/02/2022 của Ban Thường vụ Huyện ủy)</i></p>
<table border="1">
<tr><th>TT</th><th>Họ và tên</th><th>Chức vụ</th><th>Nội dung việc đột phá</th><th>Thời gian hoàn thành</th></tr>
<tr><td rowspan="3">1</td><td rowspan="3">Ma Văn Chương</td><td rowspan="3">Bí thư Đảng ủy xã Yên Thuận</td>
<td>Trồng mới 50 ha cam sành theo quy trình VietGAP tại thôn Bản Ba</td><td>Quý IV/2022</td></tr>
<tr><td>Kết nạp 12 đảng viên mới là người dân tộc Dao</td><td>Tháng 12/2022</td></tr>
<tr><td>Xóa 05 nhà tạm, nhà dột nát cho hộ nghèo</td><td>Trước ngày 30/9/2022</td></tr>
<tr><td rowspan="2">2</td><td rowspan="2">Trần Thị Huệ</td><td rowspan="2">Chủ tịch UBND xã Phù Lưu</td>
<td>Hoàn thành tiêu chí số 17 về môi trường và an toàn thực phẩm</td><td>Quý III/2022</td></tr>
<tr><td>Thu hút 01 doanh nghiệp đầu tư xưởng chế biến gỗ rừng trồng</td><td>Năm 2022</td></tr>
<tr><td>3</td><td>Nguyễn Đức Toàn</td><td>Chủ tịch UBND thị trấn Tân Yên</td>
<td>Xử lý dứt điểm 07 trường hợp lấn chiếm hành lang an toàn giao thông Quốc lộ 2</td><td>Quý II/2022</td></tr>
<tr><td rowspan="2">4</td><td rowspan="2">Lộc Thị Kim</td><td rowspan="2">Bí thư Đảng ủy, Chủ tịch HĐND xã Minh Khương</td>
<td>Xây dựng chi bộ thôn Khuổi Lầy đạt “4 tốt”</td><td>Năm 2022</td></tr>
<tr><td>Vận động nhân dân hiến 2.000 m<sup>2</sup> đất xây dựng nhà văn hóa thôn Nà Lá</td><td>Quý IV/2022</td></tr>
</table>
</body></html>
""", document=dict(kind="decision", number="125-QĐ/HU", issuer="Ban Thường vụ Huyện ủy Hàm Yên",
                    date="2022-02-20",
                    title="về việc giao việc đột phá, đổi mới năm 2022 đối với người đứng đầu cấp ủy, chính quyền các xã, thị trấn"),
    assignments=[
    dict(cadre="Ma Văn Chương", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Yên Thuận",
         period=("năm 2022", 2022, 2022), declared=None, tasks=[
             "Trồng mới 50 ha cam sành theo quy trình VietGAP tại thôn Bản Ba",
             "Kết nạp 12 đảng viên mới là người dân tộc Dao",
             "Xóa 05 nhà tạm, nhà dột nát cho hộ nghèo"]),
    dict(cadre="Trần Thị Huệ", position="Chủ tịch UBND xã", unit="UBND xã Phù Lưu",
         period=("năm 2022", 2022, 2022), declared=None, tasks=[
             "Hoàn thành tiêu chí số 17 về môi trường và an toàn thực phẩm",
             "Thu hút 01 doanh nghiệp đầu tư xưởng chế biến gỗ rừng trồng"]),
    dict(cadre="Nguyễn Đức Toàn", position="Chủ tịch UBND thị trấn", unit="UBND thị trấn Tân Yên",
         period=("năm 2022", 2022, 2022), declared=None, tasks=[
             "Xử lý dứt điểm 07 trường hợp lấn chiếm hành lang an toàn giao thông Quốc lộ 2"]),
    dict(cadre="Lộc Thị Kim", position="Bí thư Đảng ủy, Chủ tịch HĐND xã", unit="Đảng ủy xã Minh Khương",
         period=("năm 2022", 2022, 2022), declared=None, tasks=[
             "Xây dựng chi bộ thôn Khuổi Lầy đạt “4 tốt”",
             "Vận động nhân dân hiến 2.000 m2 đất xây dựng nhà văn hóa thôn Nà Lá"]),
], negatives=[("Hoàng Bình Nguyên", "signer"), ("Ban Tổ chức Huyện ủy", "body")])

doc(name="h-012", kind="decision", text="""
ỦY BAN NHÂN DÂN                    CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH ĐIỆN BIÊN                           Độc lập - Tự do - Hạnh phúc

Số: 1468/QĐ-UBND                  Điện Biên, ngày 28 tháng 8 năm 2025

QUYẾT ĐỊNH
Về việc kiện toàn Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Điện Biên giai đoạn 2021 - 2025

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;
Theo đề nghị của Giám đốc Sở Dân tộc và Tôn giáo tại Tờ trình số 219/TTr-SDTTG ngày 20/8/2025.

QUYẾT ĐỊNH:

Điều 1. Kiện toàn Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Điện Biên giai đoạn 2021 - 2025 (sau đây gọi là Ban Chỉ đạo), gồm:
1. Ông Lò Văn Phương, Phó Chủ tịch Thường trực UBND tỉnh - Trưởng ban.
2. Ông Vừ A Sểnh, Phó Chủ tịch UBND tỉnh - Phó Trưởng ban phụ trách Chương trình phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi.
3. Bà Lường Thị Thoa, Giám đốc Sở Nông nghiệp và Môi trường - Phó Trưởng ban Thường trực.
4. Ông Phạm Đức Toàn, Giám đốc Sở Tài chính - Ủy viên.
5. Đại diện lãnh đạo các sở, ngành: Y tế, Giáo dục và Đào tạo, Xây dựng - Ủy viên.

Điều 2. Ban Chỉ đạo có nhiệm vụ giúp UBND tỉnh chỉ đạo, điều phối việc thực hiện các chương trình. Trưởng ban phân công nhiệm vụ cụ thể cho từng thành viên.

Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ban, ngành, Chủ tịch UBND các xã, phường và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.

                                              CHỦ TỊCH
                                              (Đã ký)
                                              Lê Văn Tường
""", document=dict(kind="decision", number="1468/QĐ-UBND", issuer="UBND tỉnh Điện Biên", date="2025-08-28",
                    title="Về việc kiện toàn Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Điện Biên giai đoạn 2021 - 2025"),
    assignments=[
    dict(cadre="Lò Văn Phương", position="Phó Chủ tịch Thường trực UBND tỉnh", unit="UBND tỉnh Điện Biên",
         period=("giai đoạn 2021 - 2025", 2021, 2025), declared=None, tasks=["Trưởng ban"]),
    dict(cadre="Vừ A Sểnh", position="Phó Chủ tịch UBND tỉnh", unit="UBND tỉnh Điện Biên",
         period=("giai đoạn 2021 - 2025", 2021, 2025), declared=None, tasks=[
             "Phó Trưởng ban phụ trách Chương trình phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi"]),
    dict(cadre="Lường Thị Thoa", position="Giám đốc Sở Nông nghiệp và Môi trường", unit="Sở Nông nghiệp và Môi trường",
         period=("giai đoạn 2021 - 2025", 2021, 2025), declared=None, tasks=["Phó Trưởng ban Thường trực"]),
    dict(cadre="Phạm Đức Toàn", position="Giám đốc Sở Tài chính", unit="Sở Tài chính",
         period=("giai đoạn 2021 - 2025", 2021, 2025), declared=None, tasks=["Ủy viên"]),
], negatives=[("Lê Văn Tường", "signer"), ("Đại diện lãnh đạo các sở, ngành", "body")])

doc(name="h-013", kind="decision", ext="md", text="""
**ĐẢNG BỘ TỈNH SÓC TRĂNG**
**HUYỆN ỦY MỸ TÚ**

Số 87-QĐ/HU — Mỹ Tú, ngày 05 tháng 01 năm 2024

# QUYẾT ĐỊNH
## Giao nhiệm vụ trọng tâm, đột phá năm 2024 cho Bí thư các đảng ủy xã

Điều 1. Giao nhiệm vụ trọng tâm, đột phá năm 2024 cho các đồng chí Bí thư đảng ủy xã như phụ lục kèm theo.

Điều 2. Văn phòng Huyện ủy, Ban Tổ chức Huyện ủy theo dõi, định kỳ 6 tháng báo cáo Thường trực Huyện ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Trần Văn Đời

---

### PHỤ LỤC

STT	Họ và tên	Chức vụ	Nội dung nhiệm vụ đột phá	Thời gian thực hiện
1	Lâm Văn Sơn	Bí thư Đảng ủy xã Long Hưng	Xây dựng vùng lúa ST25 liên kết tiêu thụ 800 ha	Vụ Đông Xuân 2023 - 2024
		Bí thư Đảng ủy xã Long Hưng	Nâng chất ấp văn hóa Tân Mỹ đạt chuẩn ấp nông thôn mới kiểu mẫu	Năm 2024
2	Thạch Thị Sa Rinh	Bí thư Đảng ủy xã Mỹ Phước	Vận động đồng bào Khmer xây dựng 3 điểm sinh hoạt văn hóa tại chùa	Quý II/2024
3	Tô Hoàng Kha	Bí thư Đảng ủy xã Phú Mỹ	Phát triển 2 sản phẩm OCOP từ khóm và bưởi năm roi	Năm 2024
			Giảm tỷ lệ hộ nghèo khmer xuống dưới 3%	Năm 2024
""", document=dict(kind="decision", number="87-QĐ/HU", issuer="Ban Thường vụ Huyện ủy Mỹ Tú", date="2024-01-05",
                    title="Giao nhiệm vụ trọng tâm, đột phá năm 2024 cho Bí thư các đảng ủy xã"),
    assignments=[
    dict(cadre="Lâm Văn Sơn", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Long Hưng",
         period=("năm 2024", 2024, 2024), declared=None, tasks=[
             "Xây dựng vùng lúa ST25 liên kết tiêu thụ 800 ha",
             "Nâng chất ấp văn hóa Tân Mỹ đạt chuẩn ấp nông thôn mới kiểu mẫu"]),
    dict(cadre="Thạch Thị Sa Rinh", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Mỹ Phước",
         period=("năm 2024", 2024, 2024), declared=None, tasks=[
             "Vận động đồng bào Khmer xây dựng 3 điểm sinh hoạt văn hóa tại chùa"]),
    dict(cadre="Tô Hoàng Kha", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Phú Mỹ",
         period=("năm 2024", 2024, 2024), declared=None, tasks=[
             "Phát triển 2 sản phẩm OCOP từ khóm và bưởi năm roi",
             "Giảm tỷ lệ hộ nghèo khmer xuống dưới 3%"]),
], negatives=[("Trần Văn Đời", "signer"), ("Văn phòng Huyện ủy, Ban Tổ chức Huyện ủy theo dõi", "body")])

# ------------------------------------------------------------ plans, registrations

doc(name="h-014", kind="plan", text="""
ĐẢNG BỘ HUYỆN CHỢ ĐỒN                         ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ BẰNG LÃNG
          *                                   Bằng Lãng, ngày 12 tháng 3 năm 2021

BẢN ĐĂNG KÝ
Nhiệm vụ đột phá nhiệm kỳ 2020 - 2025

Họ và tên: Triệu Thị Nguyệt
Chức vụ: Bí thư Đảng ủy xã Bằng Lãng
Nhiệm vụ được phân công: phụ trách chung

Căn cứ Nghị quyết Đại hội Đảng bộ xã lần thứ XXIV, tôi đăng ký 04 nhiệm vụ đột phá trong nhiệm kỳ như sau:

Một là, đưa tỷ lệ hộ nghèo của xã giảm bình quân 4%/năm;
Hai là, phát triển 300 ha cây hồng không hạt, mỗi thôn có ít nhất 01 tổ hợp tác;
Ba là, hoàn thành cứng hóa 100% đường trục thôn, liên thôn;
Bốn là, xây dựng Đảng bộ xã đạt trong sạch, vững mạnh tiêu biểu 3 năm liền.

Tôi cam kết thực hiện nghiêm túc các nội dung đã đăng ký.

NGƯỜI ĐĂNG KÝ
Triệu Thị Nguyệt
""", document=dict(kind="plan", number=None, issuer=None, date="2021-03-12",
                    title="Nhiệm vụ đột phá nhiệm kỳ 2020 - 2025"),
    assignments=[
    dict(cadre="Triệu Thị Nguyệt", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Bằng Lãng",
         period=("nhiệm kỳ 2020 - 2025", 2020, 2025), declared=4, tasks=[
             "đưa tỷ lệ hộ nghèo của xã giảm bình quân 4%/năm",
             "phát triển 300 ha cây hồng không hạt, mỗi thôn có ít nhất 01 tổ hợp tác",
             "hoàn thành cứng hóa 100% đường trục thôn, liên thôn",
             "xây dựng Đảng bộ xã đạt trong sạch, vững mạnh tiêu biểu 3 năm liền"]),
])

doc(name="h-015", kind="plan", text="""
UBND HUYỆN DI LINH                       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHÒNG NÔNG NGHIỆP VÀ PTNT                   Độc lập - Tự do - Hạnh phúc
Số: 45/KH-NN                                 Di Linh, ngày 20 tháng 01 năm 2023

KẾ HOẠCH
Thực hiện việc đột phá, đổi mới năm 2023 của lãnh đạo Phòng Nông nghiệp và PTNT

I. MỤC ĐÍCH
Cụ thể hóa các việc đột phá đã được Ban Thường vụ Huyện ủy Di Linh giao tại Quyết định số 512-QĐ/HU.

II. NỘI DUNG
1. Đồng chí K’ Brèo, Trưởng phòng:
- Tham mưu chuyển đổi 600 ha cà phê sang mô hình trồng xen sầu riêng, bơ;
- Xây dựng chuỗi liên kết tiêu thụ cà phê đặc sản với 2 doanh nghiệp xuất khẩu.
2. Đồng chí Nguyễn Văn Khải, Phó Trưởng phòng:
- Hướng dẫn 5 HTX hoàn thiện hồ sơ sản phẩm OCOP.
3. Các bộ phận chuyên môn phối hợp thực hiện theo chức năng.

III. TIẾN ĐỘ
Hoàn thành trước ngày 15/12/2023.

                                    TRƯỞNG PHÒNG
                                    K’ Brèo
""", document=dict(kind="plan", number="45/KH-NN", issuer="Phòng Nông nghiệp và PTNT huyện Di Linh", date="2023-01-20",
                    title="Thực hiện việc đột phá, đổi mới năm 2023 của lãnh đạo Phòng Nông nghiệp và PTNT"),
    assignments=[
    dict(cadre="K’ Brèo", position="Trưởng phòng", unit="Phòng Nông nghiệp và PTNT huyện Di Linh",
         period=("năm 2023", 2023, 2023), declared=None, tasks=[
             "Tham mưu chuyển đổi 600 ha cà phê sang mô hình trồng xen sầu riêng, bơ",
             "Xây dựng chuỗi liên kết tiêu thụ cà phê đặc sản với 2 doanh nghiệp xuất khẩu"]),
    dict(cadre="Nguyễn Văn Khải", position="Phó Trưởng phòng", unit="Phòng Nông nghiệp và PTNT huyện Di Linh",
         period=("năm 2023", 2023, 2023), declared=None, tasks=[
             "Hướng dẫn 5 HTX hoàn thiện hồ sơ sản phẩm OCOP"]),
], negatives=[("Các bộ phận chuyên môn phối hợp thực hiện", "body")])

doc(name="h-016", kind="plan", text="""
KẾ HOẠCH HÀNH ĐỘNG
Thực hiện chủ đề năm 2025 “Tăng tốc về đích” của Đảng ủy xã Tam Anh Nam

Ban Thường vụ Đảng ủy xã phân công nhiệm vụ cụ thể như sau:

+ Đ/c Võ Thị Kim Chi, Bí thư Đảng ủy xã: chỉ đạo hoàn thành đề án sắp xếp thôn, tổ dân phố; chủ trì đánh giá chất lượng tổ chức cơ sở đảng cuối năm.
+ Đ/c Trương Công Định, Phó Bí thư, Chủ tịch UBND xã: thu ngân sách đạt 120% dự toán; đưa chợ Tam Anh vào hoạt động trước ngày 30/6/2025.
+ Đ/c Huỳnh Văn Ba, Chủ tịch Ủy ban MTTQ Việt Nam xã: vận động xây dựng 12 nhà Đại đoàn kết cho hộ nghèo.

Văn phòng Đảng ủy chịu trách nhiệm theo dõi, đôn đốc; Ban Tuyên giáo tuyên truyền kết quả trên Đài truyền thanh xã.
""", document=dict(kind="plan", number=None, issuer="Đảng ủy xã Tam Anh Nam", date=None,
                    title="Thực hiện chủ đề năm 2025 “Tăng tốc về đích” của Đảng ủy xã Tam Anh Nam"),
    assignments=[
    dict(cadre="Võ Thị Kim Chi", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Tam Anh Nam",
         period=("năm 2025", 2025, 2025), declared=None, tasks=[
             "chỉ đạo hoàn thành đề án sắp xếp thôn, tổ dân phố",
             "chủ trì đánh giá chất lượng tổ chức cơ sở đảng cuối năm"]),
    dict(cadre="Trương Công Định", position="Phó Bí thư, Chủ tịch UBND xã", unit="UBND xã Tam Anh Nam",
         period=("năm 2025", 2025, 2025), declared=None, tasks=[
             "thu ngân sách đạt 120% dự toán",
             "đưa chợ Tam Anh vào hoạt động trước ngày 30/6/2025"]),
    dict(cadre="Huỳnh Văn Ba", position="Chủ tịch Ủy ban MTTQ Việt Nam xã", unit="Ủy ban MTTQ Việt Nam xã Tam Anh Nam",
         period=("năm 2025", 2025, 2025), declared=None, tasks=[
             "vận động xây dựng 12 nhà Đại đoàn kết cho hộ nghèo"]),
], negatives=[("Văn phòng Đảng ủy chịu trách nhiệm theo dõi", "body")])

# ------------------------------------------------------------------------ reports

doc(name="h-017", kind="report", text="""
BÁO CÁO
Kết quả thực hiện nhiệm vụ đột phá năm 2020 của Ban Thường vụ Huyện ủy Tân Châu

I. KẾT QUẢ CHUNG
Năm 2020, Ban Thường vụ Huyện ủy đã giao 64 nhiệm vụ đột phá cho 31 đồng chí. Đến nay đã hoàn thành 52 nhiệm vụ (đạt 81,2%); 9 nhiệm vụ đang thực hiện; 3 nhiệm vụ chưa triển khai do ảnh hưởng dịch Covid-19.

II. KẾT QUẢ CỦA TỪNG ĐỒNG CHÍ (trích)
1. Đồng chí Nguyễn Thành Tâm, Bí thư Đảng ủy xã Tân Hòa: nhiệm vụ được giao là giải quyết dứt điểm 14 hồ sơ tranh chấp đất với Công ty cao su. Kết quả: đã giải quyết 11/14 hồ sơ.
2. Đồng chí Trần Thị Bé Hai, Chủ tịch UBND xã Suối Ngô: nhiệm vụ được giao là nâng tỷ lệ người dân tham gia bảo hiểm y tế đạt 92%; vận động 70 hộ xây dựng nhà tiêu hợp vệ sinh. Kết quả: hoàn thành cả hai nhiệm vụ.
3. Đồng chí Lê Minh Luân, Trưởng Công an huyện: nhiệm vụ được giao là xóa 3 điểm phức tạp về ma túy tại các xã biên giới. Kết quả: đã xóa 2 điểm.

III. ĐÁNH GIÁ
Một số nhiệm vụ xác định chưa sát, chưa thật sự là việc khó.
""", document=dict(kind="report", number=None, issuer="Ban Thường vụ Huyện ủy Tân Châu", date=None,
                    title="Kết quả thực hiện nhiệm vụ đột phá năm 2020 của Ban Thường vụ Huyện ủy Tân Châu"),
    assignments=[
    dict(cadre="Nguyễn Thành Tâm", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Tân Hòa",
         period=("Năm 2020", 2020, 2020), declared=None, tasks=[
             "giải quyết dứt điểm 14 hồ sơ tranh chấp đất với Công ty cao su"]),
    dict(cadre="Trần Thị Bé Hai", position="Chủ tịch UBND xã", unit="UBND xã Suối Ngô",
         period=("Năm 2020", 2020, 2020), declared=None, tasks=[
             "nâng tỷ lệ người dân tham gia bảo hiểm y tế đạt 92%",
             "vận động 70 hộ xây dựng nhà tiêu hợp vệ sinh"]),
    dict(cadre="Lê Minh Luân", position="Trưởng Công an huyện", unit="Công an huyện Tân Châu",
         period=("Năm 2020", 2020, 2020), declared=None, tasks=[
             "xóa 3 điểm phức tạp về ma túy tại các xã biên giới"]),
], statistics=[("giao 64 nhiệm vụ đột phá cho 31 đồng chí", 64, 31)],
    negatives=[("giao 64 nhiệm vụ đột phá cho 31 đồng chí", "total")])

doc(name="h-018", kind="report", text="""
HUYỆN ỦY THANH SƠN
BAN TỔ CHỨC
Số 211-BC/BTCHU

BÁO CÁO
tình hình thực hiện việc đột phá 6 tháng đầu năm 2017

Thực hiện chỉ đạo của Thường trực Huyện ủy, Ban Tổ chức báo cáo như sau:

Sáu tháng đầu năm, tất cả cán bộ nhận việc đều đã có kế hoạch chi tiết gửi Ban Tổ chức. Một số việc có chuyển biến rõ nét: xã Khả Cửu hoàn thành đường bê tông nội đồng dài 3,2 km; thị trấn Thanh Sơn xử lý xong 26 trường hợp vi phạm trật tự xây dựng.

Tuy nhiên, vẫn còn 7 đồng chí chậm triển khai, trong đó có đồng chí Đinh Công Sứ, Chủ tịch UBND xã Địch Quả. Ban Tổ chức đã có văn bản nhắc nhở và đề nghị các đồng chí khắc phục trong quý III/2017.

Ban Tổ chức Huyện ủy đề nghị Thường trực Huyện ủy chỉ đạo UBND huyện ưu tiên nguồn lực cho các việc có tính lan tỏa.

                                      TRƯỞNG BAN
                                      Hà Thị Thu Hiền
""", document=dict(kind="report", number="211-BC/BTCHU", issuer="Ban Tổ chức Huyện ủy Thanh Sơn", date=None,
                    title="tình hình thực hiện việc đột phá 6 tháng đầu năm 2017"),
    assignments=[], negatives=[("Đinh Công Sứ", "mentioned"), ("Hà Thị Thu Hiền", "signer"),
                               ("chỉ đạo UBND huyện ưu tiên nguồn lực", "body")])

# ------------------------------------------------------- duty splits and committees

doc(name="h-019", kind="decision", text="""
QUY CHẾ LÀM VIỆC CỦA UBND TỈNH BÌNH ĐỊNH (TRÍCH)
Phụ lục: Phân công công tác của Chủ tịch, các Phó Chủ tịch UBND tỉnh nhiệm kỳ 2021 - 2026

1. Chủ tịch UBND tỉnh - ông Phạm Anh Khoa
Lãnh đạo, quản lý toàn diện các lĩnh vực công tác thuộc thẩm quyền của UBND tỉnh. Trực tiếp chỉ đạo các lĩnh vực: quy hoạch, kế hoạch đầu tư, tổ chức bộ máy, nội chính. Là chủ tài khoản ngân sách tỉnh.

2. Phó Chủ tịch Thường trực UBND tỉnh - ông Lâm Hải Đăng
Giúp Chủ tịch chỉ đạo các lĩnh vực: tài chính, ngân sách, thuế, ngân hàng, đầu tư công. Theo dõi, chỉ đạo: Sở Tài chính, Cục Thuế, Kho bạc Nhà nước tỉnh, Ngân hàng Nhà nước chi nhánh tỉnh.

3. Phó Chủ tịch UBND tỉnh - bà Nguyễn Thị Thu Trang
Giúp Chủ tịch chỉ đạo các lĩnh vực: văn hóa, thể thao, du lịch, giáo dục, y tế, lao động. Làm Chủ tịch Hội đồng Giáo dục quốc phòng và an ninh tỉnh.

Khi Chủ tịch vắng mặt, Phó Chủ tịch Thường trực thay mặt Chủ tịch điều hành công việc chung.
""", document=dict(kind="decision", number=None, issuer="UBND tỉnh Bình Định", date=None,
                    title="Phân công công tác của Chủ tịch, các Phó Chủ tịch UBND tỉnh nhiệm kỳ 2021 - 2026"),
    assignments=[
    dict(cadre="Phạm Anh Khoa", position="Chủ tịch UBND tỉnh", unit="UBND tỉnh Bình Định",
         period=("nhiệm kỳ 2021 - 2026", 2021, 2026), declared=None, tasks=[
             "Lãnh đạo, quản lý toàn diện các lĩnh vực công tác thuộc thẩm quyền của UBND tỉnh",
             "Trực tiếp chỉ đạo các lĩnh vực: quy hoạch, kế hoạch đầu tư, tổ chức bộ máy, nội chính",
             "Là chủ tài khoản ngân sách tỉnh"]),
    dict(cadre="Lâm Hải Đăng", position="Phó Chủ tịch Thường trực UBND tỉnh", unit="UBND tỉnh Bình Định",
         period=("nhiệm kỳ 2021 - 2026", 2021, 2026), declared=None, tasks=[
             "Giúp Chủ tịch chỉ đạo các lĩnh vực: tài chính, ngân sách, thuế, ngân hàng, đầu tư công",
             "Theo dõi, chỉ đạo: Sở Tài chính, Cục Thuế, Kho bạc Nhà nước tỉnh, Ngân hàng Nhà nước chi nhánh tỉnh"]),
    dict(cadre="Nguyễn Thị Thu Trang", position="Phó Chủ tịch UBND tỉnh", unit="UBND tỉnh Bình Định",
         period=("nhiệm kỳ 2021 - 2026", 2021, 2026), declared=None, tasks=[
             "Giúp Chủ tịch chỉ đạo các lĩnh vực: văn hóa, thể thao, du lịch, giáo dục, y tế, lao động",
             "Chủ tịch Hội đồng Giáo dục quốc phòng và an ninh tỉnh"]),
])

doc(name="h-020", kind="news", text="""
Gia Lai thành lập Tổ công tác gỡ vướng cho dự án điện gió

Ngày 9/3/2022, Chủ tịch UBND tỉnh Gia Lai ký quyết định thành lập Tổ công tác đặc biệt tháo gỡ khó khăn cho các dự án điện gió trên địa bàn tỉnh.

Theo quyết định, ông Rơ Mah Khôi, Phó Chủ tịch UBND tỉnh làm Tổ trưởng; ông Đỗ Văn Tiến, Giám đốc Sở Kế hoạch và Đầu tư làm Tổ phó thường trực; ông Nguyễn Hữu Tài, Giám đốc Sở Tài nguyên và Môi trường làm Tổ phó.

Tổ công tác có nhiệm vụ rà soát, tổng hợp vướng mắc của từng dự án, đề xuất giải pháp tháo gỡ trước ngày 30/6/2022.

Trước đó, tại buổi làm việc với các nhà đầu tư, ông Võ Đình Lực, Chủ tịch UBND tỉnh yêu cầu các sở, ngành không để doanh nghiệp phải chờ đợi.
""", assignments=[
    dict(cadre="Rơ Mah Khôi", position="Phó Chủ tịch UBND tỉnh", unit="UBND tỉnh Gia Lai",
         period=("trước ngày 30/6/2022", 2022, 2022), declared=None, tasks=["Tổ trưởng"]),
    dict(cadre="Đỗ Văn Tiến", position="Giám đốc Sở Kế hoạch và Đầu tư", unit="Sở Kế hoạch và Đầu tư",
         period=("trước ngày 30/6/2022", 2022, 2022), declared=None, tasks=["Tổ phó thường trực"]),
    dict(cadre="Nguyễn Hữu Tài", position="Giám đốc Sở Tài nguyên và Môi trường", unit="Sở Tài nguyên và Môi trường",
         period=("trước ngày 30/6/2022", 2022, 2022), declared=None, tasks=["Tổ phó"]),
], negatives=[("Võ Đình Lực", "quoted"), ("Tổ công tác có nhiệm vụ rà soát", "body")])

# ------------------------------------------------------------- more negatives

doc(name="h-021", kind="negative", text="""
Lãnh đạo tỉnh thăm, chúc Tết các gia đình chính sách ở Hậu Giang

Sáng 5/2/2024, đoàn công tác do ông Nguyễn Văn Hồng, Phó Bí thư Tỉnh ủy dẫn đầu đã đến thăm, tặng quà các gia đình chính sách tại huyện Phụng Hiệp.

Đoàn đến thăm gia đình bà Lê Thị Sáu, mẹ liệt sĩ ở xã Hòa An, và ông Phan Văn Đực, thương binh hạng 2/4 ở thị trấn Cây Dương.

Ông Nguyễn Văn Hồng đề nghị cấp ủy, chính quyền địa phương tiếp tục quan tâm chăm lo đời sống người có công.

Cùng đi có bà Trần Thị Mỹ Hạnh, Giám đốc Sở Lao động - Thương binh và Xã hội.
""", assignments=[], negatives=[("Nguyễn Văn Hồng", "visited"), ("Lê Thị Sáu", "visited"),
                               ("Phan Văn Đực", "visited"), ("Trần Thị Mỹ Hạnh", "attended")])

doc(name="h-022", kind="negative", text="""
THÔNG BÁO
Kết luận của Thường trực Huyện ủy Văn Quan tại buổi làm việc với Đảng ủy xã Tràng Các

Ngày 16/10/2019, đồng chí Hoàng Văn Páo, Phó Bí thư Thường trực Huyện ủy chủ trì buổi làm việc với Đảng ủy xã Tràng Các. Dự có đồng chí Lương Thị Nhặt, Trưởng Ban Dân vận Huyện ủy.

Sau khi nghe báo cáo, Thường trực Huyện ủy kết luận:
1. Đảng ủy xã Tràng Các tập trung lãnh đạo hoàn thành chỉ tiêu trồng rừng năm 2019.
2. UBND xã khẩn trương hoàn thiện hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới.
3. Các phòng, ban chuyên môn của huyện hỗ trợ xã tháo gỡ vướng mắc về đất đai.

T/L BAN THƯỜNG VỤ
CHÁNH VĂN PHÒNG
Nông Văn Thiết
""", assignments=[], negatives=[("Hoàng Văn Páo", "chaired"), ("Lương Thị Nhặt", "attended"),
                               ("Nông Văn Thiết", "signer"),
                               ("UBND xã khẩn trương hoàn thiện hồ sơ", "body")])

doc(name="h-023", kind="negative", text="""
Ra mắt Ban Chấp hành Hội Nông dân huyện Phù Cừ khóa X

Đại hội đại biểu Hội Nông dân huyện Phù Cừ lần thứ X, nhiệm kỳ 2023 - 2028 đã bầu 23 đồng chí vào Ban Chấp hành. Đồng chí Đào Văn Tuyến tái đắc cử Chủ tịch Hội Nông dân huyện; đồng chí Nguyễn Thị Lành được bầu làm Phó Chủ tịch.

Đại hội đề ra mục tiêu đến năm 2028 có 70% hộ nông dân đạt danh hiệu sản xuất, kinh doanh giỏi các cấp.

Đến dự và chỉ đạo đại hội có đồng chí Bùi Huy Hoàng, Phó Chủ tịch Hội Nông dân tỉnh Hưng Yên.
""", assignments=[], negatives=[("Đào Văn Tuyến", "elected"), ("Nguyễn Thị Lành", "elected"),
                               ("Bùi Huy Hoàng", "attended")])

doc(name="h-024", kind="negative", text="""
Phú Tân: Nhiều việc đột phá chưa đạt yêu cầu

Theo báo cáo của Ban Tổ chức Huyện ủy Phú Tân (An Giang), năm 2016 toàn huyện có 47 cán bộ được giao 96 việc đột phá. Kết quả, có 19 việc chưa hoàn thành, chủ yếu ở lĩnh vực giải phóng mặt bằng và thu hút đầu tư.

Nguyên nhân được chỉ ra là một số cán bộ đăng ký việc quá sức, thiếu nguồn lực; có nơi chọn việc đơn giản, thuộc chức trách thường xuyên.

Ban Thường vụ Huyện ủy yêu cầu từ năm 2017, việc đăng ký phải được thẩm định trước khi giao.
""", assignments=[], statistics=[("47 cán bộ được giao 96 việc đột phá", 96, 47)],
    negatives=[("47 cán bộ được giao 96 việc đột phá", "total"),
               ("việc đăng ký phải được thẩm định trước khi giao", "body")])

doc(name="h-025", kind="negative", text="""
Kon Tum: Giao chỉ tiêu phát triển rừng năm 2026 cho các huyện

UBND tỉnh Kon Tum vừa có quyết định giao chỉ tiêu trồng rừng năm 2026. Theo đó, huyện Kon Plông trồng mới 850 ha; huyện Sa Thầy 600 ha; huyện Đắk Hà 420 ha.

Sở Nông nghiệp và Môi trường chủ trì hướng dẫn, kiểm tra; Chủ tịch UBND các huyện chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện.

Ông A Pớt, Phó Giám đốc Sở cho biết, năm nay tỉnh ưu tiên cây gỗ lớn bản địa.
""", assignments=[], negatives=[("A Pớt", "quoted"),
                               ("Sở Nông nghiệp và Môi trường chủ trì hướng dẫn", "body")])

# -------------------------------------------------------- more positive documents

doc(name="h-026", kind="news", text="""
Người “gánh” việc đột phá ở vùng biên Mường Khương

Năm 2018, đồng chí Thào Seo Sinh, Bí thư Đảng uỷ xã Pha Long được Ban Thường vụ Huyện uỷ Mường Khương giao 3 việc đột phá: xây dựng 2 tuyến đường liên thôn ra cặp mốc biên giới; vận động 100% hộ người Mông không tái trồng cây thuốc phiện; đưa diện tích chè Shan vùng cao lên 150 ha.

Cuối năm 2018, cả ba việc đều về đích; riêng tuyến đường thứ hai hoàn thành sớm hơn kế hoạch gần hai tháng.

Hỏi về bí quyết, anh Sinh cười: “Cứ việc gì dân thấy lợi thì dân làm, mình chỉ cần làm trước cho dân xem”.
""", assignments=[
    dict(cadre="Thào Seo Sinh", position="Bí thư Đảng uỷ xã", unit="Đảng uỷ xã Pha Long",
         period=("Năm 2018", 2018, 2018), declared=3, tasks=[
             "xây dựng 2 tuyến đường liên thôn ra cặp mốc biên giới",
             "vận động 100% hộ người Mông không tái trồng cây thuốc phiện",
             "đưa diện tích chè Shan vùng cao lên 150 ha"]),
])

doc(name="h-027", kind="news", text="""
Ủy quyền điều hành UBND thành phố trong thời gian Chủ tịch đi học

Ngày 3/4/2023, Chủ tịch UBND thành phố Bảo Lộc (Lâm Đồng) ban hành quyết định ủy quyền cho ông Tôn Thất Minh, Phó Chủ tịch Thường trực UBND thành phố tạm thời điều hành hoạt động của UBND thành phố từ ngày 5/4 đến hết ngày 30/6/2023. Đây là thời gian Chủ tịch UBND thành phố tham gia lớp bồi dưỡng tại Học viện Chính trị quốc gia Hồ Chí Minh.

Cũng trong thời gian này, bà Nguyễn Thị Phương Dung, Phó Chủ tịch UBND thành phố được giao kiêm nhiệm phụ trách thêm lĩnh vực tài nguyên, môi trường và xây dựng.

Ông Tôn Thất Minh có trách nhiệm báo cáo Chủ tịch kết quả điều hành sau khi kết thúc thời gian ủy quyền.
""", assignments=[
    dict(cadre="Tôn Thất Minh", position="Phó Chủ tịch Thường trực UBND thành phố", unit="UBND thành phố Bảo Lộc",
         period=("từ ngày 5/4 đến hết ngày 30/6/2023", 2023, 2023), declared=None, tasks=[
             "tạm thời điều hành hoạt động của UBND thành phố từ ngày 5/4 đến hết ngày 30/6/2023"]),
    dict(cadre="Nguyễn Thị Phương Dung", position="Phó Chủ tịch UBND thành phố", unit="UBND thành phố Bảo Lộc",
         period=("từ ngày 5/4 đến hết ngày 30/6/2023", 2023, 2023), declared=None, tasks=[
             "kiêm nhiệm phụ trách thêm lĩnh vực tài nguyên, môi trường và xây dựng"]),
])

doc(name="h-028", kind="report", text="""
ĐẢNG ỦY XÃ QUẢNG PHÚ
Báo cáo sơ kết việc thực hiện việc đột phá, đổi mới quý III/2023

Quý III/2023, các đồng chí được giao việc đột phá đã tập trung triển khai, cụ thể:

- Đồng chí Lê Quang Vũ (Bí thư Đảng ủy) - việc được giao: chỉ đạo hoàn thiện hồ sơ xã đạt chuẩn nông thôn mới kiểu mẫu về sản xuất hàng hóa. Tiến độ: đạt 80%.
- Đồng chí Nguyễn Thị Thanh Nhàn (Phó Chủ tịch UBND xã) - việc được giao: giải quyết dứt điểm tình trạng rác thải ở chợ Quảng Phú; vận động 30 hộ kinh doanh dùng túi thân thiện với môi trường. Tiến độ: hoàn thành.
- Đồng chí Cao Xuân Hạ (Bí thư Đoàn xã) - việc được giao: thành lập Câu lạc bộ thanh niên khởi nghiệp với 20 thành viên. Tiến độ: đang thực hiện.

Nhìn chung, các việc đều bám sát kế hoạch; riêng việc của Đoàn xã còn chậm do thiếu kinh phí.
""", document=dict(kind="report", number=None, issuer="Đảng ủy xã Quảng Phú", date=None,
                    title="Báo cáo sơ kết việc thực hiện việc đột phá, đổi mới quý III/2023"),
    assignments=[
    dict(cadre="Lê Quang Vũ", position="Bí thư Đảng ủy", unit="Đảng ủy xã Quảng Phú",
         period=("Quý III/2023", 2023, 2023), declared=None, tasks=[
             "chỉ đạo hoàn thiện hồ sơ xã đạt chuẩn nông thôn mới kiểu mẫu về sản xuất hàng hóa"]),
    dict(cadre="Nguyễn Thị Thanh Nhàn", position="Phó Chủ tịch UBND xã", unit="UBND xã Quảng Phú",
         period=("Quý III/2023", 2023, 2023), declared=None, tasks=[
             "giải quyết dứt điểm tình trạng rác thải ở chợ Quảng Phú",
             "vận động 30 hộ kinh doanh dùng túi thân thiện với môi trường"]),
    dict(cadre="Cao Xuân Hạ", position="Bí thư Đoàn xã", unit="Đoàn xã Quảng Phú",
         period=("Quý III/2023", 2023, 2023), declared=None, tasks=[
             "thành lập Câu lạc bộ thanh niên khởi nghiệp với 20 thành viên"]),
])

doc(name="h-029", kind="news", text="""
Cà Mau: Phân công Phó Chủ tịch UBND tỉnh làm Trưởng Ban Chỉ đạo phát triển kinh tế biển

Ngày 22/6/2015, UBND tỉnh Cà Mau kiện toàn Ban Chỉ đạo phát triển kinh tế biển giai đoạn 2015 - 2020.

Ông Lâm Văn Tám, Phó Chủ tịch UBND tỉnh giữ chức Trưởng ban. Ông Châu Văn Khải, Giám đốc Sở Nông nghiệp và Phát triển nông thôn làm Phó Trưởng ban Thường trực; ông Nguyễn Chí Hiếu, Giám đốc Sở Kế hoạch và Đầu tư làm Phó Trưởng ban.

Ban Chỉ đạo giúp UBND tỉnh điều phối các chương trình nuôi tôm siêu thâm canh, khai thác hải sản xa bờ và bảo vệ rừng ngập mặn.
""", assignments=[
    dict(cadre="Lâm Văn Tám", position="Phó Chủ tịch UBND tỉnh", unit="UBND tỉnh Cà Mau",
         period=("giai đoạn 2015 - 2020", 2015, 2020), declared=None, tasks=["Trưởng ban"]),
    dict(cadre="Châu Văn Khải", position="Giám đốc Sở Nông nghiệp và Phát triển nông thôn",
         unit="Sở Nông nghiệp và Phát triển nông thôn",
         period=("giai đoạn 2015 - 2020", 2015, 2020), declared=None, tasks=["Phó Trưởng ban Thường trực"]),
    dict(cadre="Nguyễn Chí Hiếu", position="Giám đốc Sở Kế hoạch và Đầu tư", unit="Sở Kế hoạch và Đầu tư",
         period=("giai đoạn 2015 - 2020", 2015, 2020), declared=None, tasks=["Phó Trưởng ban"]),
], negatives=[("Ban Chỉ đạo giúp UBND tỉnh điều phối", "body")])

doc(name="h-030", kind="plan", ext="md", text="""
# Danh sách đăng ký việc đột phá năm 2016 — Đảng bộ thị trấn Phố Lu

| STT | Họ và tên | Chức vụ | Việc đăng ký |
|---|---|---|---|
| 1 | Nguyễn Quang Huy | Bí thư Đảng ủy thị trấn | Chỉnh trang 2 tuyến phố chính theo hướng văn minh đô thị |
| 2 | Vi Thị Hoa | Chủ tịch UBND thị trấn | Xử lý dứt điểm điểm tập kết rác tự phát ven Quốc lộ 4E |
| | | | Thu hồi 100% diện tích đất công bị lấn chiếm tại tổ dân phố số 5 |
| 3 | Phạm Văn Quyết | Chủ tịch Ủy ban MTTQ thị trấn | Vận động xây dựng quỹ khuyến học đạt 200 triệu đồng |

*Danh sách do Văn phòng Đảng ủy tổng hợp ngày 10/01/2016.*
""", document=dict(kind="plan", number=None, issuer="Đảng bộ thị trấn Phố Lu", date="2016-01-10",
                    title="Danh sách đăng ký việc đột phá năm 2016"),
    assignments=[
    dict(cadre="Nguyễn Quang Huy", position="Bí thư Đảng ủy thị trấn", unit="Đảng ủy thị trấn Phố Lu",
         period=("năm 2016", 2016, 2016), declared=None, tasks=[
             "Chỉnh trang 2 tuyến phố chính theo hướng văn minh đô thị"]),
    dict(cadre="Vi Thị Hoa", position="Chủ tịch UBND thị trấn", unit="UBND thị trấn Phố Lu",
         period=("năm 2016", 2016, 2016), declared=None, tasks=[
             "Xử lý dứt điểm điểm tập kết rác tự phát ven Quốc lộ 4E",
             "Thu hồi 100% diện tích đất công bị lấn chiếm tại tổ dân phố số 5"]),
    dict(cadre="Phạm Văn Quyết", position="Chủ tịch Ủy ban MTTQ thị trấn", unit="Ủy ban MTTQ thị trấn Phố Lu",
         period=("năm 2016", 2016, 2016), declared=None, tasks=[
             "Vận động xây dựng quỹ khuyến học đạt 200 triệu đồng"]),
])

# ------------------------------------------------------------------ harder cases

doc(name="h-031", kind="news", text="""
Sơn Dương: Việc đột phá đi vào thực chất

Năm 2024, đồng chí Nông Văn Hoà, Chủ tịch UBND xã Tân Trào được giao 2 việc đột phá là chỉnh trang khuôn viên Khu di tích Quốc gia đặc biệt gắn với phát triển du lịch cộng đồng; vận động 60 hộ dân thôn Tân Lập làm homestay đạt chuẩn OCOP. Theo đồng chí Hoà, khó nhất là việc thứ hai vì bà con chưa quen làm dịch vụ.

Cùng năm, đồng chí Lê Thị Thu Hằng, Bí thư Đảng uỷ xã Minh Thanh nhận việc đột phá là xây dựng vùng nguyên liệu chè xanh 120 ha gắn với nhà máy chế biến của Công ty cổ phần chè
""", assignments=[
    dict(cadre="Nông Văn Hoà", position="Chủ tịch UBND xã", unit="UBND xã Tân Trào",
         period=("Năm 2024", 2024, 2024), declared=2, tasks=[
             "chỉnh trang khuôn viên Khu di tích Quốc gia đặc biệt gắn với phát triển du lịch cộng đồng",
             "vận động 60 hộ dân thôn Tân Lập làm homestay đạt chuẩn OCOP"]),
    dict(cadre="Lê Thị Thu Hằng", position="Bí thư Đảng uỷ xã", unit="Đảng uỷ xã Minh Thanh",
         period=("Năm 2024", 2024, 2024), declared=None, tasks=[
             # the excerpt is cut off: the task stays as far as it goes
             "xây dựng vùng nguyên liệu chè xanh 120 ha gắn với nhà máy chế biến của Công ty cổ phần chè"]),
])

doc(name="h-032", kind="decision", ext="html", text="""
<html><head><meta charset="utf-8"></head><body>
<p align="center"><b>TỈNH ỦY LAI CHÂU</b> &nbsp;&nbsp;&nbsp; <b>ĐẢNG CỘNG SẢN VIỆT NAM</b></p>
<p>Số 1024-QĐ/TU &nbsp;&nbsp; <i>Lai Châu, ngày 10 tháng 4 năm 2021</i></p>
<p align="center"><b>QUYẾT ĐỊNH</b><br>giao nhiệm vụ đột phá giai đoạn 2021 - 2025 cho một số đồng chí Tỉnh ủy viên là người đứng đầu sở, ngành</p>
<p>Điều 1. Giao nhiệm vụ đột phá giai đoạn 2021 - 2025 cho các đồng chí có tên trong danh sách kèm theo.</p>
<p>Điều 2. Ban Tổ chức Tỉnh ủy giúp Ban Thường vụ theo dõi, đánh giá kết quả thực hiện hằng năm.</p>
<p>T/M BAN THƯỜNG VỤ<br>BÍ THƯ<br>Giàng A Tủa</p>
<table border="1" cellpadding="3">
<thead><tr><th>TT</th><th>Họ và tên</th><th>Chức vụ</th><th>Nhiệm vụ đột phá</th><th>Sản phẩm</th></tr></thead>
<tbody>
<tr><td rowspan="2">1</td><td rowspan="2">Tống Quang Hiệp</td><td rowspan="2">Tỉnh ủy viên, Giám đốc Sở Kế hoạch và Đầu tư</td>
<td>Tham mưu thu hút ít nhất 03 dự án du lịch quy mô lớn vào Khu du lịch Sìn Hồ</td><td>Giấy chứng nhận đầu tư</td></tr>
<tr><td>Cải thiện chỉ số PCI của tỉnh lên nhóm trung bình khá</td><td>Kết quả công bố PCI</td></tr>
<tr><td>2</td><td>Lò Thị Kim Ngân</td><td>Tỉnh ủy viên, Giám đốc Sở Văn hóa, Thể thao và Du lịch</td>
<td>Xây dựng 05 bản du lịch cộng đồng tiêu biểu của đồng bào Thái, Mông, Dao, Lự</td><td>Quyết định công nhận</td></tr>
<tr><td rowspan="3">3</td><td rowspan="3">Vàng Seo Chứ</td><td rowspan="3">Tỉnh ủy viên, Bí thư Huyện ủy Phong Thổ</td>
<td>Phát triển 3.000 ha cây quế, sa nhân tím dưới tán rừng</td><td>Diện tích nghiệm thu</td></tr>
<tr><td>Xóa bỏ cơ bản tình trạng di cư tự do, tảo hôn ở các xã biên giới</td><td>Báo cáo đánh giá</td></tr>
<tr><td>Đưa xã Sì Lở Lầu đạt chuẩn nông thôn mới</td><td>Quyết định công nhận</td></tr>
</tbody></table>
</body></html>
""", document=dict(kind="decision", number="1024-QĐ/TU", issuer="Ban Thường vụ Tỉnh ủy Lai Châu", date="2021-04-10",
                    title="giao nhiệm vụ đột phá giai đoạn 2021 - 2025 cho một số đồng chí Tỉnh ủy viên là người đứng đầu sở, ngành"),
    assignments=[
    dict(cadre="Tống Quang Hiệp", position="Tỉnh ủy viên, Giám đốc Sở Kế hoạch và Đầu tư", unit="Sở Kế hoạch và Đầu tư",
         period=("giai đoạn 2021 - 2025", 2021, 2025), declared=None, tasks=[
             "Tham mưu thu hút ít nhất 03 dự án du lịch quy mô lớn vào Khu du lịch Sìn Hồ",
             "Cải thiện chỉ số PCI của tỉnh lên nhóm trung bình khá"]),
    dict(cadre="Lò Thị Kim Ngân", position="Tỉnh ủy viên, Giám đốc Sở Văn hóa, Thể thao và Du lịch",
         unit="Sở Văn hóa, Thể thao và Du lịch", period=("giai đoạn 2021 - 2025", 2021, 2025), declared=None, tasks=[
             "Xây dựng 05 bản du lịch cộng đồng tiêu biểu của đồng bào Thái, Mông, Dao, Lự"]),
    dict(cadre="Vàng Seo Chứ", position="Tỉnh ủy viên, Bí thư Huyện ủy Phong Thổ", unit="Huyện ủy Phong Thổ",
         period=("giai đoạn 2021 - 2025", 2021, 2025), declared=None, tasks=[
             "Phát triển 3.000 ha cây quế, sa nhân tím dưới tán rừng",
             "Xóa bỏ cơ bản tình trạng di cư tự do, tảo hôn ở các xã biên giới",
             "Đưa xã Sì Lở Lầu đạt chuẩn nông thôn mới"]),
], negatives=[("Giàng A Tủa", "signer"), ("Ban Tổ chức Tỉnh ủy giúp Ban Thường vụ", "body")])

doc(name="h-033", kind="decision", text="""
HUYỆN ỦY ĐẠI TỪ
Số 45-QĐ/HU

QUYẾT ĐỊNH
Phân công nhiệm vụ các đồng chí Thường trực Huyện ủy khóa XXIV, nhiệm kỳ 2020 - 2025

Điều 1. Phân công nhiệm vụ như sau:

1. Đồng chí Hà Thị Bích Ngọc - Bí thư Huyện ủy
Phụ trách: lãnh đạo toàn diện các mặt công tác của Đảng bộ huyện; trực tiếp phụ trách công tác tổ chức cán bộ, nội chính, quốc phòng - an ninh.

2. Đồng chí Phạm Văn Hoa - Phó Bí thư Thường trực Huyện ủy
Phụ trách: công tác xây dựng Đảng, kiểm tra, giám sát, dân vận; chủ trì giải quyết công việc hằng ngày của Thường trực Huyện ủy.

3. Đồng chí Đào Đức Thịnh - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện
Phụ trách: lãnh đạo, chỉ đạo toàn diện lĩnh vực kinh tế - xã hội, quốc phòng - an ninh trên địa bàn huyện.

Điều 2. Văn phòng Huyện ủy và các cơ quan liên quan căn cứ Quyết định thi hành.
""", document=dict(kind="decision", number="45-QĐ/HU", issuer="Huyện ủy Đại Từ", date=None,
                    title="Phân công nhiệm vụ các đồng chí Thường trực Huyện ủy khóa XXIV, nhiệm kỳ 2020 - 2025"),
    assignments=[
    dict(cadre="Hà Thị Bích Ngọc", position="Bí thư Huyện ủy", unit="Huyện ủy Đại Từ",
         period=("nhiệm kỳ 2020 - 2025", 2020, 2025), declared=None, tasks=[
             "lãnh đạo toàn diện các mặt công tác của Đảng bộ huyện",
             "trực tiếp phụ trách công tác tổ chức cán bộ, nội chính, quốc phòng - an ninh"]),
    dict(cadre="Phạm Văn Hoa", position="Phó Bí thư Thường trực Huyện ủy", unit="Huyện ủy Đại Từ",
         period=("nhiệm kỳ 2020 - 2025", 2020, 2025), declared=None, tasks=[
             "công tác xây dựng Đảng, kiểm tra, giám sát, dân vận",
             "chủ trì giải quyết công việc hằng ngày của Thường trực Huyện ủy"]),
    dict(cadre="Đào Đức Thịnh", position="Phó Bí thư Huyện ủy, Chủ tịch UBND huyện", unit="UBND huyện Đại Từ",
         period=("nhiệm kỳ 2020 - 2025", 2020, 2025), declared=None, tasks=[
             "lãnh đạo, chỉ đạo toàn diện lĩnh vực kinh tế - xã hội, quốc phòng - an ninh trên địa bàn huyện"]),
], negatives=[("Văn phòng Huyện ủy và các cơ quan liên quan", "body")])

doc(name="h-034", kind="report", text="""
Báo cáo tham luận tại Hội nghị sơ kết giữa nhiệm kỳ

Thực hiện việc đột phá giai đoạn 2021 - 2025 ở Đảng bộ xã Ia Pết

Đảng bộ xã Ia Pết có 312 đảng viên, sinh hoạt tại 17 chi bộ. Năm 2021, Ban Thường vụ Huyện ủy Đak Đoa giao cho các đồng chí chủ chốt của xã 6 việc đột phá.

Tôi - Rơ Lan Thuấn, Bí thư Đảng ủy xã - được giao 2 việc: phát triển đảng viên ở 5 làng chưa có chi bộ riêng; đưa 100% làng có quy ước, hương ước phù hợp pháp luật. Đến nay, cả 5 làng đều đã có chi bộ.

Đồng chí Ksor Hyôn, Chủ tịch UBND xã được giao chuyển đổi 150 ha cà phê già cỗi sang trồng cây ăn quả. Đồng chí Hyôn chia sẻ: “Có làng, bà con chỉ đồng ý khi thấy nhà bên cạnh thu hoạch sầu riêng”.

Xin trân trọng cảm ơn.
""", document=dict(kind="report", number=None, issuer=None, date=None,
                    title="Thực hiện việc đột phá giai đoạn 2021 - 2025 ở Đảng bộ xã Ia Pết"),
    assignments=[
    dict(cadre="Rơ Lan Thuấn", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Ia Pết",
         period=("giai đoạn 2021 - 2025", 2021, 2025), declared=2, tasks=[
             "phát triển đảng viên ở 5 làng chưa có chi bộ riêng",
             "đưa 100% làng có quy ước, hương ước phù hợp pháp luật"]),
    dict(cadre="Ksor Hyôn", position="Chủ tịch UBND xã", unit="UBND xã Ia Pết",
         period=("giai đoạn 2021 - 2025", 2021, 2025), declared=None, tasks=[
             "chuyển đổi 150 ha cà phê già cỗi sang trồng cây ăn quả"]),
], statistics=[("giao cho các đồng chí chủ chốt của xã 6 việc đột phá", 6, None)])

doc(name="h-035", kind="news", text="""
Buôn Ma Thuột: Đưa việc đột phá về buôn

Giai đoạn 2021 - 2025, Thành ủy Buôn Ma Thuột chọn chỉnh trang các buôn đồng bào Êđê là một trong ba khâu đột phá.

Đồng chí Y Djuan Byă, Phó Bí thư Đảng ủy, Chủ tịch UBND xã Ea Tu được giao 3 nội dung: bảo tồn 20 ngôi nhà dài truyền thống; khôi phục đội chiêng ở mỗi buôn; xây dựng buôn Kô Tam thành điểm du lịch cộng đồng.

Bà H’Zuin Niê, nghệ nhân buôn Kô Tam, phấn khởi cho biết, giờ khách đến buôn đông hơn, con cháu cũng thích học đánh chiêng.

Ở phường Tân Lập, đồng chí Trần Đình Phong, Bí thư Đảng ủy phường được giao xử lý dứt điểm 35 trường hợp xây dựng trái phép trên đất nông nghiệp.
""", assignments=[
    dict(cadre="Y Djuan Byă", position="Phó Bí thư Đảng ủy, Chủ tịch UBND xã", unit="UBND xã Ea Tu",
         period=("Giai đoạn 2021 - 2025", 2021, 2025), declared=3, tasks=[
             "bảo tồn 20 ngôi nhà dài truyền thống",
             "khôi phục đội chiêng ở mỗi buôn",
             "xây dựng buôn Kô Tam thành điểm du lịch cộng đồng"]),
    dict(cadre="Trần Đình Phong", position="Bí thư Đảng ủy phường", unit="Đảng ủy phường Tân Lập",
         period=("Giai đoạn 2021 - 2025", 2021, 2025), declared=None, tasks=[
             "xử lý dứt điểm 35 trường hợp xây dựng trái phép trên đất nông nghiệp"]),
], negatives=[("H’Zuin Niê", "quoted")])

doc(name="h-036", kind="negative", text="""
Chậm giải phóng mặt bằng, Chủ tịch UBND huyện bị phê bình

Tại cuộc họp trực tuyến về tiến độ dự án đường ven biển chiều 12/9/2022, Chủ tịch UBND tỉnh Thái Bình đã phê bình Chủ tịch UBND các huyện Tiền Hải, Thái Thụy vì để chậm bàn giao mặt bằng.

Chủ tịch UBND tỉnh yêu cầu các huyện hoàn thành bàn giao 100% mặt bằng trước ngày 30/10/2022; Sở Tài nguyên và Môi trường hướng dẫn tháo gỡ vướng mắc về giá đất bồi thường.

Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh được giao đôn đốc nhà thầu tăng ca, bảo đảm tiến độ.
""", assignments=[], negatives=[("Chủ tịch UBND các huyện Tiền Hải, Thái Thụy", "role without name"),
                               ("Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh được giao", "body")])

doc(name="h-037", kind="plan", text="""
TRUNG TÂM Y TẾ HUYỆN NHO QUAN

KẾ HOẠCH
Cải tiến chất lượng bệnh viện năm 2019

Phân công thực hiện:
- BSCKII. Đinh Văn Thịnh, Giám đốc Trung tâm: chỉ đạo triển khai bệnh án điện tử tại 3 khoa lâm sàng; Trưởng Ban Chỉ đạo cải tiến chất lượng.
- ThS. Bùi Thị Ngọc Lan, Phó Giám đốc: xây dựng quy trình khám bệnh rút ngắn thời gian chờ xuống dưới 60 phút.
- CN. Phạm Văn Khương, Trưởng phòng Kế hoạch - Nghiệp vụ: tổng hợp, báo cáo kết quả hằng quý.

Các khoa, phòng xây dựng kế hoạch chi tiết, gửi về phòng Kế hoạch - Nghiệp vụ trước ngày 15/3/2019.
""", document=dict(kind="plan", number=None, issuer="Trung tâm Y tế huyện Nho Quan", date=None,
                    title="Cải tiến chất lượng bệnh viện năm 2019"),
    assignments=[
    dict(cadre="Đinh Văn Thịnh", position="Giám đốc Trung tâm", unit="Trung tâm Y tế huyện Nho Quan",
         period=("năm 2019", 2019, 2019), declared=None, tasks=[
             "chỉ đạo triển khai bệnh án điện tử tại 3 khoa lâm sàng",
             "Trưởng Ban Chỉ đạo cải tiến chất lượng"]),
    dict(cadre="Bùi Thị Ngọc Lan", position="Phó Giám đốc", unit="Trung tâm Y tế huyện Nho Quan",
         period=("năm 2019", 2019, 2019), declared=None, tasks=[
             "xây dựng quy trình khám bệnh rút ngắn thời gian chờ xuống dưới 60 phút"]),
    dict(cadre="Phạm Văn Khương", position="Trưởng phòng Kế hoạch - Nghiệp vụ", unit="Trung tâm Y tế huyện Nho Quan",
         period=("năm 2019", 2019, 2019), declared=None, tasks=[
             "tổng hợp, báo cáo kết quả hằng quý"]),
], negatives=[("Các khoa, phòng xây dựng kế hoạch chi tiết", "body")])

doc(name="h-038", kind="decision", text="""
UỶ BAN NHÂN DÂN HUYỆN TRÀ CÚ          CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                         Độc lập - Tự do - Hạnh phúc
Số: 2230/QĐ-UBND                      Trà Cú, ngày 14 tháng 11 năm 2018

QUYẾT ĐỊNH
Thành lập Tổ công tác kiểm tra, xử lý vi phạm khai thác cát trên sông Hậu

Điều 1. Thành lập Tổ công tác kiểm tra, xử lý vi phạm khai thác cát trên sông Hậu đoạn qua huyện Trà Cú, gồm:
- Ông Kim Sô Phia, Phó Chủ tịch UBND huyện - Tổ trưởng;
- Thượng tá Thạch Minh Tuấn, Phó Trưởng Công an huyện - Tổ phó;
- Ông Huỳnh Văn Ngà, Trưởng phòng Tài nguyên và Môi trường - Tổ phó thường trực;
- Đại diện Đồn Biên phòng Định An - thành viên.
Điều 2. Tổ công tác hoạt động đến hết năm 2019, tự giải thể khi hoàn thành nhiệm vụ.

                                          KT. CHỦ TỊCH
                                          PHÓ CHỦ TỊCH
                                          Kim Sô Phia
""", document=dict(kind="decision", number="2230/QĐ-UBND", issuer="UBND huyện Trà Cú", date="2018-11-14",
                    title="Thành lập Tổ công tác kiểm tra, xử lý vi phạm khai thác cát trên sông Hậu"),
    assignments=[
    dict(cadre="Kim Sô Phia", position="Phó Chủ tịch UBND huyện", unit="UBND huyện Trà Cú",
         period=("đến hết năm 2019", 2018, 2019), declared=None, tasks=["Tổ trưởng"]),
    dict(cadre="Thạch Minh Tuấn", position="Phó Trưởng Công an huyện", unit="Công an huyện Trà Cú",
         period=("đến hết năm 2019", 2018, 2019), declared=None, tasks=["Tổ phó"]),
    dict(cadre="Huỳnh Văn Ngà", position="Trưởng phòng Tài nguyên và Môi trường",
         unit="Phòng Tài nguyên và Môi trường huyện Trà Cú",
         period=("đến hết năm 2019", 2018, 2019), declared=None, tasks=["Tổ phó thường trực"]),
], negatives=[("Đại diện Đồn Biên phòng Định An", "body")])

doc(name="h-039", kind="news", text="""
Trưởng thôn cũng nhận “việc đột phá”

Không chỉ cán bộ chủ chốt xã, năm 2023, Đảng ủy xã Cẩm Thành (huyện Cẩm Thủy, Thanh Hóa) còn giao việc đột phá cho bí thư chi bộ, trưởng thôn.

Ông Phạm Bá Thiết, Bí thư Chi bộ, Trưởng thôn Ngọc Sơn nhận việc bê tông hóa 1,2 km đường ra khu sản xuất trước ngày 30/6/2023. Bà Trương Thị Liên, Trưởng thôn Thành Long được giao vận động 40 hộ trồng bưởi Diễn theo hướng hữu cơ.

Chủ tịch UBND xã Cẩm Thành Lê Văn Điệp đánh giá, cách làm này giúp các thôn chủ động hơn, không trông chờ vào xã.
""", assignments=[
    dict(cadre="Phạm Bá Thiết", position="Bí thư Chi bộ, Trưởng thôn", unit="thôn Ngọc Sơn",
         period=("năm 2023", 2023, 2023), declared=None, tasks=[
             "bê tông hóa 1,2 km đường ra khu sản xuất trước ngày 30/6/2023"]),
    dict(cadre="Trương Thị Liên", position="Trưởng thôn", unit="thôn Thành Long",
         period=("năm 2023", 2023, 2023), declared=None, tasks=[
             "vận động 40 hộ trồng bưởi Diễn theo hướng hữu cơ"]),
], negatives=[("Lê Văn Điệp", "quoted")])

doc(name="h-040", kind="report", ext="md", text="""
## Kết quả thực hiện việc đột phá năm 2025 — huyện Lục Ngạn

Năm 2025, Ban Thường vụ Huyện ủy Lục Ngạn giao 211 việc đột phá cho 96 cán bộ; đến ngày 20/12/2025 đã hoàn thành 187 việc.

### Một số việc tiêu biểu

1. **Đ/c Giáp Văn Tâm**, Chủ tịch UBND xã Phượng Sơn: xây dựng chợ đầu mối vải thiều đạt chuẩn vệ sinh an toàn thực phẩm — *hoàn thành*.
2. **Đ/c Hoàng Thị Mến**, Bí thư Đảng ủy xã Tân Sơn: đưa 250 ha vải thiều vào quy trình sản xuất hữu cơ xuất khẩu sang Nhật Bản — *hoàn thành 80%*.
3. **Đ/c Thân Văn Thư**, Trưởng phòng Kinh tế và Hạ tầng huyện: tham mưu đầu tư tuyến đường kết nối Khu công nghiệp Lục Ngạn với Quốc lộ 31 — *đang triển khai*.

> Ý kiến của đồng chí Lê Minh Sơn, Phó Bí thư Tỉnh ủy: “Lục Ngạn đã chọn đúng việc, trúng việc”.
""", document=dict(kind="report", number=None, issuer="Ban Thường vụ Huyện ủy Lục Ngạn", date=None,
                    title="Kết quả thực hiện việc đột phá năm 2025"),
    assignments=[
    dict(cadre="Giáp Văn Tâm", position="Chủ tịch UBND xã", unit="UBND xã Phượng Sơn",
         period=("Năm 2025", 2025, 2025), declared=None, tasks=[
             "xây dựng chợ đầu mối vải thiều đạt chuẩn vệ sinh an toàn thực phẩm"]),
    dict(cadre="Hoàng Thị Mến", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Tân Sơn",
         period=("Năm 2025", 2025, 2025), declared=None, tasks=[
             "đưa 250 ha vải thiều vào quy trình sản xuất hữu cơ xuất khẩu sang Nhật Bản"]),
    dict(cadre="Thân Văn Thư", position="Trưởng phòng Kinh tế và Hạ tầng huyện",
         unit="Phòng Kinh tế và Hạ tầng huyện Lục Ngạn", period=("Năm 2025", 2025, 2025), declared=None, tasks=[
             "tham mưu đầu tư tuyến đường kết nối Khu công nghiệp Lục Ngạn với Quốc lộ 31"]),
], statistics=[("giao 211 việc đột phá cho 96 cán bộ", 211, 96)],
    negatives=[("Lê Minh Sơn", "quoted")])

# ------------------------------------------------------ national level, post-2025

doc(name="h-041", kind="news", text="""
Phân công nhiệm vụ các Phó Thủ tướng Chính phủ nhiệm kỳ 2021 - 2026 (giả định)

Theo quyết định của Thủ tướng Chính phủ, Phó Thủ tướng Đinh Quang Hiển theo dõi, chỉ đạo: Bộ Tài chính, Bộ Kế hoạch và Đầu tư, Ngân hàng Nhà nước Việt Nam; làm Trưởng Ban Chỉ đạo đổi mới và phát triển doanh nghiệp.

Phó Thủ tướng Vương Thị Thanh Hà phụ trách lĩnh vực văn hóa, xã hội, khoa học và công nghệ; theo dõi, chỉ đạo: Bộ Y tế, Bộ Giáo dục và Đào tạo, Bộ Lao động - Thương binh và Xã hội.

Các Phó Thủ tướng được sử dụng quyền hạn của Thủ tướng, nhân danh Thủ tướng khi giải quyết công việc thuộc lĩnh vực được phân công.

(Bài viết minh họa; nhân vật là hư cấu.)
""", assignments=[
    dict(cadre="Đinh Quang Hiển", position="Phó Thủ tướng", unit="Chính phủ",
         period=("nhiệm kỳ 2021 - 2026", 2021, 2026), declared=None, tasks=[
             "theo dõi, chỉ đạo: Bộ Tài chính, Bộ Kế hoạch và Đầu tư, Ngân hàng Nhà nước Việt Nam",
             "Trưởng Ban Chỉ đạo đổi mới và phát triển doanh nghiệp"]),
    dict(cadre="Vương Thị Thanh Hà", position="Phó Thủ tướng", unit="Chính phủ",
         period=("nhiệm kỳ 2021 - 2026", 2021, 2026), declared=None, tasks=[
             "phụ trách lĩnh vực văn hóa, xã hội, khoa học và công nghệ",
             "theo dõi, chỉ đạo: Bộ Y tế, Bộ Giáo dục và Đào tạo, Bộ Lao động - Thương binh và Xã hội"]),
], negatives=[("Các Phó Thủ tướng được sử dụng quyền hạn", "body")])

doc(name="h-042", kind="decision", text="""
ĐẢNG BỘ TỈNH TUYÊN QUANG
ĐẢNG ỦY XÃ PHÚC SƠN
*
Số 12-QĐ/ĐU
                                  Phúc Sơn, ngày 02 tháng 3 năm 2026

QUYẾT ĐỊNH
giao nhiệm vụ trọng tâm năm 2026 cho các đồng chí Ủy viên Ban Thường vụ Đảng ủy xã
(sau sắp xếp đơn vị hành chính cấp xã)

Căn cứ Quyết định thành lập Đảng bộ xã Phúc Sơn trên cơ sở hợp nhất Đảng bộ các xã Phúc Sơn, Minh Quang, Thượng Lâm;
Ban Thường vụ Đảng ủy xã quyết định:

Điều 1. Giao nhiệm vụ trọng tâm năm 2026 cho các đồng chí sau:

STT	Họ và tên	Chức vụ	Nhiệm vụ	Thời hạn
1	Hoàng Thị Hảo	Bí thư Đảng ủy xã	Hoàn thành số hóa 100% hồ sơ đảng viên của 3 đảng bộ cũ	Quý II/2026
		Bí thư Đảng ủy xã	Sắp xếp trụ sở làm việc dôi dư sau hợp nhất vào mục đích công cộng	Quý IV/2026
2	Ma Văn Quỳnh	Phó Bí thư, Chủ tịch UBND xã	Vận hành Trung tâm phục vụ hành chính công xã đúng tiến độ	Tháng 7/2026
		Phó Bí thư, Chủ tịch UBND xã	Bảo đảm giải quyết thủ tục hành chính không phụ thuộc địa giới	Năm 2026
3	Lý Văn Sâm	Ủy viên BTV, Chủ tịch Ủy ban MTTQ Việt Nam xã	Kiện toàn ban công tác mặt trận ở 46 thôn sau sáp nhập	Quý III/2026

Điều 2. Văn phòng Đảng ủy theo dõi, tổng hợp kết quả báo cáo Ban Chấp hành Đảng bộ xã.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Ma Văn Quỳnh
""", document=dict(kind="decision", number="12-QĐ/ĐU", issuer="Ban Thường vụ Đảng ủy xã Phúc Sơn", date="2026-03-02",
                    title="giao nhiệm vụ trọng tâm năm 2026 cho các đồng chí Ủy viên Ban Thường vụ Đảng ủy xã"),
    assignments=[
    dict(cadre="Hoàng Thị Hảo", position="Bí thư Đảng ủy xã", unit="Đảng ủy xã Phúc Sơn",
         period=("năm 2026", 2026, 2026), declared=None, tasks=[
             "Hoàn thành số hóa 100% hồ sơ đảng viên của 3 đảng bộ cũ",
             "Sắp xếp trụ sở làm việc dôi dư sau hợp nhất vào mục đích công cộng"]),
    dict(cadre="Ma Văn Quỳnh", position="Phó Bí thư, Chủ tịch UBND xã", unit="UBND xã Phúc Sơn",
         period=("năm 2026", 2026, 2026), declared=None, tasks=[
             "Vận hành Trung tâm phục vụ hành chính công xã đúng tiến độ",
             "Bảo đảm giải quyết thủ tục hành chính không phụ thuộc địa giới"]),
    dict(cadre="Lý Văn Sâm", position="Ủy viên BTV, Chủ tịch Ủy ban MTTQ Việt Nam xã",
         unit="Ủy ban MTTQ Việt Nam xã Phúc Sơn", period=("năm 2026", 2026, 2026), declared=None, tasks=[
             "Kiện toàn ban công tác mặt trận ở 46 thôn sau sáp nhập"]),
], negatives=[("Văn phòng Đảng ủy theo dõi, tổng hợp", "body")])

doc(name="h-043", kind="news", text="""
Chiêm Hoá: Giao việc gắn với trách nhiệm người đứng đầu

Năm 2023, Ban Thường vụ Huyện uỷ Chiêm Hoá tiếp tục giao việc đột phá cho 78 cán bộ. Trong đó, đồng chí Hoàng Văn Toà, Bí thư Đảng uỷ xã Kim Bình được giao bảy nội dung, gồm 3 nội dung thực hiện năm 2023 và 4 nội dung thực hiện giai đoạn 2021 - 2025. Các nội dung năm 2023 là phục dựng lễ hội Lồng tồng của đồng bào Tày; đầu tư hệ thống tưới nhỏ giọt cho 40 ha cam; hoàn thiện nhà bia tưởng niệm tại di tích Kim Bình.

Đồng chí Toà chia sẻ, có những việc phải kiên trì vận động cả năm trời người dân mới đồng thuận.

Cũng trong năm, đồng chí Quan Thị Thuỷ, Phó Chủ tịch UBND huyện được giao chỉ đạo giải quyết dứt điểm 21 vụ việc khiếu nại, tố cáo tồn đọng từ các năm trước.
""", assignments=[
    dict(cadre="Hoàng Văn Toà", position="Bí thư Đảng uỷ xã", unit="Đảng uỷ xã Kim Bình",
         period=("Năm 2023", 2023, 2023), declared=7, tasks=[
             "phục dựng lễ hội Lồng tồng của đồng bào Tày",
             "đầu tư hệ thống tưới nhỏ giọt cho 40 ha cam",
             "hoàn thiện nhà bia tưởng niệm tại di tích Kim Bình"]),
    dict(cadre="Quan Thị Thuỷ", position="Phó Chủ tịch UBND huyện", unit="UBND huyện Chiêm Hoá",
         period=("Năm 2023", 2023, 2023), declared=None, tasks=[
             "chỉ đạo giải quyết dứt điểm 21 vụ việc khiếu nại, tố cáo tồn đọng từ các năm trước"]),
], statistics=[("giao việc đột phá cho 78 cán bộ", None, 78)],
    negatives=[("giao việc đột phá cho 78 cán bộ", "total")])

doc(name="h-044", kind="negative", text="""
Kỷ luật cảnh cáo nguyên Chủ tịch UBND xã vì vi phạm trong quản lý đất đai

Ủy ban Kiểm tra Huyện ủy Tri Tôn (An Giang) vừa thi hành kỷ luật bằng hình thức cảnh cáo đối với ông Chau Sóc Kha, nguyên Chủ tịch UBND xã Lương Phi, do vi phạm trong cấp giấy chứng nhận quyền sử dụng đất giai đoạn 2016 - 2019.

Cùng vụ việc, bà Néang Sa Ri, công chức địa chính xã, bị khiển trách.

Ủy ban Kiểm tra Huyện ủy yêu cầu Đảng ủy xã Lương Phi tổ chức kiểm điểm, rút kinh nghiệm sâu sắc và khắc phục hậu quả trong quý I/2020.
""", assignments=[], negatives=[("Chau Sóc Kha", "disciplined"), ("Néang Sa Ri", "disciplined"),
                               ("yêu cầu Đảng ủy xã Lương Phi tổ chức kiểm điểm", "body")])

doc(name="h-045", kind="negative", ext="html", text="""
<html><head><meta charset="utf-8"><title>Khen thưởng</title></head><body>
<p><b>ỦY BAN NHÂN DÂN TỈNH NINH THUẬN</b></p>
<p>Số: 455/QĐ-UBND &nbsp; Ninh Thuận, ngày 08 tháng 6 năm 2020</p>
<p><b>QUYẾT ĐỊNH</b><br>Về việc tặng Bằng khen của Chủ tịch UBND tỉnh cho các cá nhân có thành tích xuất sắc trong thực hiện việc đột phá năm 2019</p>
<p>Điều 1. Tặng Bằng khen cho 03 cá nhân có tên sau:</p>
<table border="1">
<tr><th>STT</th><th>Họ và tên</th><th>Chức vụ, đơn vị</th><th>Thành tích</th></tr>
<tr><td>1</td><td>Đàng Văn Thạch</td><td>Chủ tịch UBND xã Phước Hà</td><td>Hoàn thành xuất sắc việc đột phá về nước sinh hoạt cho đồng bào Raglai</td></tr>
<tr><td>2</td><td>Pinăng Thị Hoa</td><td>Phó Chủ tịch UBND huyện Thuận Nam</td><td>Chỉ đạo hoàn thành chương trình kiên cố hóa trường lớp</td></tr>
<tr><td>3</td><td>Trượng Văn Minh</td><td>Trưởng phòng Nông nghiệp và PTNT huyện Bác Ái</td><td>Tham mưu phát triển 500 ha cây mắc ca</td></tr>
</table>
<p>Điều 2. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.</p>
<p>CHỦ TỊCH<br>Lưu Văn Thành</p>
</body></html>
""", document=dict(kind="decision", number="455/QĐ-UBND", issuer="UBND tỉnh Ninh Thuận", date="2020-06-08",
                    title="Về việc tặng Bằng khen của Chủ tịch UBND tỉnh cho các cá nhân có thành tích xuất sắc trong thực hiện việc đột phá năm 2019"),
    assignments=[], negatives=[("Đàng Văn Thạch", "thanked"), ("Pinăng Thị Hoa", "thanked"),
                               ("Trượng Văn Minh", "thanked"), ("Lưu Văn Thành", "signer")])

doc(name="h-046", kind="news", text="""
Quận Long Biên: Bí thư phường “đặt hàng” việc khó

Thực hiện chủ đề năm 2018 của Quận ủy Long Biên (Hà Nội), Ban Thường vụ Quận ủy giao việc đột phá cho bí thư, chủ tịch 14 phường.

Theo đó, bà Nguyễn Thị Minh Hạnh, Bí thư Đảng ủy phường Bồ Đề nhận việc giải tỏa dứt điểm chợ cóc tại ngõ 9 Hồng Tiến. Ông Lưu Quang Huy, Chủ tịch UBND phường Phúc Đồng nhận 2 việc: hoàn thành giải phóng mặt bằng dự án đường 40m qua phường; cải tạo 3 vườn hoa, sân chơi cho trẻ em.

Ông Đỗ Văn Thắng, người dân tổ 7 phường Phúc Đồng, bày tỏ mong muốn dự án sớm hoàn thành để người dân đi lại thuận tiện.
""", assignments=[
    dict(cadre="Nguyễn Thị Minh Hạnh", position="Bí thư Đảng ủy phường", unit="Đảng ủy phường Bồ Đề",
         period=("năm 2018", 2018, 2018), declared=None, tasks=[
             "giải tỏa dứt điểm chợ cóc tại ngõ 9 Hồng Tiến"]),
    dict(cadre="Lưu Quang Huy", position="Chủ tịch UBND phường", unit="UBND phường Phúc Đồng",
         period=("năm 2018", 2018, 2018), declared=2, tasks=[
             "hoàn thành giải phóng mặt bằng dự án đường 40m qua phường",
             "cải tạo 3 vườn hoa, sân chơi cho trẻ em"]),
], negatives=[("Đỗ Văn Thắng", "quoted")])

doc(name="h-047", kind="plan", text="""
ĐĂNG KÝ VIỆC ĐỘT PHÁ NĂM 2015

Người đăng ký: Đồng chí Hà Văn Khiêm
Chức danh: Chủ tịch Hội Cựu chiến binh huyện Mai Châu

Nội dung đăng ký:
+ Vận động hội viên hiến 3.000 m2 đất làm đường giao thông nông thôn ở xã Pà Cò
+ Xây dựng 02 mô hình cựu chiến binh làm kinh tế giỏi gắn với du lịch homestay bản Lác
+ Không để hội viên vi phạm pháp luật, tham gia tụ tập đông người

Ý kiến của Thường trực Huyện ủy: Đồng ý.
(Đã ký) Xa Văn Dình - Phó Bí thư Thường trực Huyện ủy
""", document=dict(kind="plan", number=None, issuer=None, date=None, title="ĐĂNG KÝ VIỆC ĐỘT PHÁ NĂM 2015"),
    assignments=[
    dict(cadre="Hà Văn Khiêm", position="Chủ tịch Hội Cựu chiến binh huyện", unit="Hội Cựu chiến binh huyện Mai Châu",
         period=("NĂM 2015", 2015, 2015), declared=None, tasks=[
             "Vận động hội viên hiến 3.000 m2 đất làm đường giao thông nông thôn ở xã Pà Cò",
             "Xây dựng 02 mô hình cựu chiến binh làm kinh tế giỏi gắn với du lịch homestay bản Lác",
             "Không để hội viên vi phạm pháp luật, tham gia tụ tập đông người"]),
], negatives=[("Xa Văn Dình", "signer")])

doc(name="h-048", kind="report", text="""
HĐND HUYỆN PHONG ĐIỀN
THƯỜNG TRỰC

BÁO CÁO
Kết quả giám sát việc thực hiện nhiệm vụ đột phá của UBND huyện năm 2021

Qua giám sát, Thường trực HĐND huyện nhận thấy: UBND huyện đã phân công ông Hoàng Trọng Quý, Phó Chủ tịch UBND huyện trực tiếp chỉ đạo 2 nhiệm vụ đột phá là phát triển vùng sen Phong Điền quy mô 50 ha; thu hút nhà đầu tư vào Cụm công nghiệp Phong Thu. Đến cuối năm, nhiệm vụ thứ nhất đạt 70%, nhiệm vụ thứ hai chưa có nhà đầu tư.

Ông Trần Tiến Dũng, Chủ tịch HĐND huyện đề nghị UBND huyện có giải pháp quyết liệt hơn trong năm 2022.

Đại biểu Lê Thị Nhi, Tổ đại biểu xã Phong Hiền, kiến nghị ưu tiên nguồn vốn cho giao thông nội đồng.
""", document=dict(kind="report", number=None, issuer="Thường trực HĐND huyện Phong Điền", date=None,
                    title="Kết quả giám sát việc thực hiện nhiệm vụ đột phá của UBND huyện năm 2021"),
    assignments=[
    dict(cadre="Hoàng Trọng Quý", position="Phó Chủ tịch UBND huyện", unit="UBND huyện Phong Điền",
         period=("năm 2021", 2021, 2021), declared=2, tasks=[
             "phát triển vùng sen Phong Điền quy mô 50 ha",
             "thu hút nhà đầu tư vào Cụm công nghiệp Phong Thu"]),
], negatives=[("Trần Tiến Dũng", "quoted"), ("Lê Thị Nhi", "quoted")])

doc(name="h-049", kind="news", text="""
Hoà Vang: Uỷ viên Ban Thường vụ nhận “việc khó” về môi trường

Giai đoạn 2020 - 2025, Ban Thường vụ Huyện uỷ Hoà Vang (Đà Nẵng) phân công mỗi Uỷ viên Ban Thường vụ phụ trách một “điểm nóng” về môi trường.

Đồng chí Lê Quang Tịnh, Uỷ viên Ban Thường vụ, Phó Chủ tịch UBND huyện được giao xử lý dứt điểm ô nhiễm mùi tại bãi rác Khánh Sơn; đồng chí Phan Thị Thuý Linh, Uỷ viên Ban Thường vụ, Trưởng Ban Dân vận Huyện uỷ được giao vận động 500 hộ dân vùng ven bãi rác đồng thuận di dời.

Hai việc này được đưa vào tiêu chí đánh giá, xếp loại cán bộ hằng năm.
""", assignments=[
    dict(cadre="Lê Quang Tịnh", position="Uỷ viên Ban Thường vụ, Phó Chủ tịch UBND huyện", unit="UBND huyện Hoà Vang",
         period=("Giai đoạn 2020 - 2025", 2020, 2025), declared=None, tasks=[
             "xử lý dứt điểm ô nhiễm mùi tại bãi rác Khánh Sơn"]),
    dict(cadre="Phan Thị Thuý Linh", position="Uỷ viên Ban Thường vụ, Trưởng Ban Dân vận Huyện uỷ",
         unit="Ban Dân vận Huyện uỷ Hoà Vang", period=("Giai đoạn 2020 - 2025", 2020, 2025), declared=None, tasks=[
             "vận động 500 hộ dân vùng ven bãi rác đồng thuận di dời"]),
])

doc(name="h-050", kind="negative", text="""
Hội nghị trực tuyến toàn tỉnh về giao việc đột phá năm 2026

Sáng 10/1/2026, Ban Thường vụ Tỉnh ủy Vĩnh Long (mới) tổ chức hội nghị trực tuyến đến 124 điểm cầu xã, phường.

Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị. Tại điểm cầu xã Tân Lược, ông Nguyễn Thành Được, Bí thư Đảng ủy xã, phát biểu tham luận về kinh nghiệm chọn việc đột phá ở một xã thuần nông.

Hội nghị thống nhất: năm 2026 mỗi xã, phường chọn tối đa 03 việc đột phá, gửi Ban Tổ chức Tỉnh ủy thẩm định trước ngày 31/01/2026.
""", assignments=[], negatives=[("Nguyễn Thành Được", "quoted"),
                               ("mỗi xã, phường chọn tối đa 03 việc đột phá", "body")])

# ------------------------------------------------------------ unusual structures

doc(name="h-051", kind="news", text="""
“Nhận việc khó thì phải có cách làm khác”

Năm 2017, ông Mạc Văn Thiện, Chủ tịch UBND xã Hồng Phong (huyện Ninh Giang, Hải Dương) là một trong những cán bộ trẻ được Huyện ủy giao việc đột phá. Phóng viên đã có cuộc trò chuyện với ông.

PV: Thưa ông, năm nay ông nhận những việc gì?
Ông Mạc Văn Thiện: Tôi được giao hai việc. Việc thứ nhất là dồn thửa, đổi ruộng để hình thành 3 vùng sản xuất tập trung. Việc thứ hai là di chuyển nghĩa trang tự phát ra khỏi cánh đồng thôn Bồng Lai.

PV: Việc nào khó hơn?
Ông Mạc Văn Thiện: Việc thứ hai, vì đụng đến tâm linh. Chúng tôi phải họp từng dòng họ.

PV: Xin cảm ơn ông!
""", assignments=[
    dict(cadre="Mạc Văn Thiện", position="Chủ tịch UBND xã", unit="UBND xã Hồng Phong",
         period=("Năm 2017", 2017, 2017), declared=2, tasks=[
             "dồn thửa, đổi ruộng để hình thành 3 vùng sản xuất tập trung",
             "di chuyển nghĩa trang tự phát ra khỏi cánh đồng thôn Bồng Lai"]),
])

doc(name="h-052", kind="decision", text="""
UBND HUYỆN GIO LINH
VĂN PHÒNG HĐND VÀ UBND

Số: 318/TB-UBND                                   Gio Linh, ngày 22 tháng 5 năm 2024

THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp về tiến độ các dự án đầu tư công năm 2024

Ngày 20/5/2024, đồng chí Lê Minh Hải, Chủ tịch UBND huyện chủ trì cuộc họp nghe báo cáo tiến độ các dự án đầu tư công. Sau khi nghe báo cáo và ý kiến các đại biểu, Chủ tịch UBND huyện kết luận:

1. Giao đồng chí Nguyễn Văn Sáu, Phó Chủ tịch UBND huyện trực tiếp chỉ đạo giải phóng mặt bằng dự án đường ven biển đoạn qua xã Trung Giang, hoàn thành trước ngày 30/6/2024.
2. Giao đồng chí Hồ Thị Diệu, Phó Chủ tịch UBND huyện chủ trì làm việc với các nhà thầu chậm tiến độ, đề xuất xử lý vi phạm hợp đồng.
3. Phòng Tài chính - Kế hoạch tham mưu điều chuyển vốn từ các dự án giải ngân chậm sang dự án có khối lượng.
4. Ban Quản lý dự án đầu tư xây dựng huyện báo cáo tiến độ hằng tuần.

Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện.

                                                   CHÁNH VĂN PHÒNG
                                                   Trần Hữu Phước
""", document=dict(kind="decision", number="318/TB-UBND", issuer="Văn phòng HĐND và UBND huyện Gio Linh",
                    date="2024-05-22",
                    title="Kết luận của Chủ tịch UBND huyện tại cuộc họp về tiến độ các dự án đầu tư công năm 2024"),
    assignments=[
    dict(cadre="Nguyễn Văn Sáu", position="Phó Chủ tịch UBND huyện", unit="UBND huyện Gio Linh",
         period=("năm 2024", 2024, 2024), declared=None, tasks=[
             "trực tiếp chỉ đạo giải phóng mặt bằng dự án đường ven biển đoạn qua xã Trung Giang, hoàn thành trước ngày 30/6/2024"]),
    dict(cadre="Hồ Thị Diệu", position="Phó Chủ tịch UBND huyện", unit="UBND huyện Gio Linh",
         period=("năm 2024", 2024, 2024), declared=None, tasks=[
             "chủ trì làm việc với các nhà thầu chậm tiến độ, đề xuất xử lý vi phạm hợp đồng"]),
], negatives=[("Lê Minh Hải", "chaired"), ("Trần Hữu Phước", "signer"),
               ("Phòng Tài chính - Kế hoạch tham mưu điều chuyển vốn", "body")])

doc(name="h-053", kind="news", text="""
Từ người phản biện đến người nhận việc

Tại hội nghị Ban Chấp hành Đảng bộ huyện Vĩnh Thạnh (Bình Định) tháng 1/2022, đồng chí Đinh Văn Hlâm, Chủ tịch Ủy ban MTTQ huyện phát biểu, nhiều việc đột phá năm trước còn chung chung, khó đánh giá.

Ngay sau đó, Ban Thường vụ Huyện ủy giao chính đồng chí Hlâm thực hiện việc đột phá năm 2022 là vận động đồng bào Bana ở xã Vĩnh Kim chuyển 80 ha rẫy sang trồng keo và mắc ca.

Đồng chí Bí thư Huyện ủy cho rằng, người góp ý thẳng thắn cũng phải là người làm gương.
""", assignments=[
    dict(cadre="Đinh Văn Hlâm", position="Chủ tịch Ủy ban MTTQ huyện", unit="Ủy ban MTTQ huyện Vĩnh Thạnh",
         period=("năm 2022", 2022, 2022), declared=None, tasks=[
             "vận động đồng bào Bana ở xã Vĩnh Kim chuyển 80 ha rẫy sang trồng keo và mắc ca"]),
])

doc(name="h-054", kind="decision", text="""
ĐẢNG BỘ TỈNH BẮC KẠN
HUYỆN ỦY NA RÌ
Số 301-QĐ/HU

QUYẾT ĐỊNH
Về việc phân công cấp ủy viên phụ trách địa bàn năm 2019

Điều 1. Phân công các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện phụ trách địa bàn như sau:
- Ông HOÀNG VĂN THÁI, Huyện ủy viên, Trưởng phòng Nội vụ: phụ trách Đảng bộ xã Kim Hỷ.
- Bà NÔNG THỊ LÝ, Huyện ủy viên, Chủ tịch Hội Liên hiệp Phụ nữ huyện: phụ trách Đảng bộ xã Lương Thượng.
- Ông LÝ VĂN DŨNG, Huyện ủy viên, Giám đốc Trung tâm Y tế huyện: phụ trách Đảng bộ thị trấn Yến Lạc.

Điều 2. Các đồng chí được phân công có trách nhiệm dự sinh hoạt, nắm tình hình và báo cáo Thường trực Huyện ủy hằng quý.
""", document=dict(kind="decision", number="301-QĐ/HU", issuer="Huyện ủy Na Rì", date=None,
                    title="Về việc phân công cấp ủy viên phụ trách địa bàn năm 2019"),
    assignments=[
    dict(cadre="HOÀNG VĂN THÁI", position="Huyện ủy viên, Trưởng phòng Nội vụ", unit="Phòng Nội vụ huyện Na Rì",
         period=("năm 2019", 2019, 2019), declared=None, tasks=["phụ trách Đảng bộ xã Kim Hỷ"]),
    dict(cadre="NÔNG THỊ LÝ", position="Huyện ủy viên, Chủ tịch Hội Liên hiệp Phụ nữ huyện",
         unit="Hội Liên hiệp Phụ nữ huyện Na Rì", period=("năm 2019", 2019, 2019), declared=None,
         tasks=["phụ trách Đảng bộ xã Lương Thượng"]),
    dict(cadre="LÝ VĂN DŨNG", position="Huyện ủy viên, Giám đốc Trung tâm Y tế huyện",
         unit="Trung tâm Y tế huyện Na Rì", period=("năm 2019", 2019, 2019), declared=None,
         tasks=["phụ trách Đảng bộ thị trấn Yến Lạc"]),
])

doc(name="h-055", kind="negative", text="""
Hội thảo khoa học “Cơ chế bảo vệ cán bộ dám nghĩ, dám làm”

Ngày 14/11/2024, tại Cần Thơ, Học viện Chính trị khu vực IV phối hợp với Ban Tổ chức Thành ủy tổ chức hội thảo khoa học.

PGS.TS Trần Văn Khải, Phó Giám đốc Học viện cho rằng, cần phân biệt rõ sai sót do đổi mới, sáng tạo với vi phạm vì động cơ cá nhân. TS. Lý Thị Bé Tư, giảng viên Khoa Xây dựng Đảng, đề xuất lượng hóa tiêu chí đánh giá việc đột phá bằng sản phẩm.

Hội thảo nhận được 46 tham luận. Ban tổ chức sẽ tổng hợp, kiến nghị Trung ương hoàn thiện quy định.
""", assignments=[], negatives=[("Trần Văn Khải", "quoted"), ("Lý Thị Bé Tư", "quoted"),
                               ("Ban tổ chức sẽ tổng hợp, kiến nghị", "body")])

# ------------------------------------------- negatives of the kinds real texts have

doc(name="h-056", kind="negative", text="""
Hội nghị giao ban khối Dân vận quý II/2021

Chiều 28/6/2021, Ban Dân vận Tỉnh ủy Tây Ninh tổ chức hội nghị giao ban khối Dân vận quý II. Đồng chí Nguyễn Thị Xuân Lộc, Trưởng Ban Dân vận Tỉnh ủy chủ trì; đồng chí Lê Văn Dũ, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh đồng chủ trì hội nghị.

Các đại biểu tập trung thảo luận về công tác dân vận trong giải phóng mặt bằng và phòng, chống dịch Covid-19.

Kết luận hội nghị, đồng chí chủ trì đề nghị các cơ quan trong khối tiếp tục nắm chắc tình hình nhân dân, kịp thời tham mưu cấp ủy giải quyết những vấn đề bức xúc.
""", assignments=[], negatives=[("Nguyễn Thị Xuân Lộc", "chaired"), ("Lê Văn Dũ", "chaired"),
                               ("đề nghị các cơ quan trong khối", "body")])

doc(name="h-057", kind="negative", text="""
ỦY BAN NHÂN DÂN                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH PHÚ THỌ                                 Độc lập - Tự do - Hạnh phúc
Số: 2045/UBND-KTN                       Phú Thọ, ngày 09 tháng 9 năm 2016
V/v triển khai các nhiệm vụ trọng tâm phòng, chống lụt bão

Kính gửi:
- Các sở, ban, ngành;
- UBND các huyện, thành, thị.

Để chủ động ứng phó với mùa mưa bão năm 2016, Chủ tịch UBND tỉnh yêu cầu:
1. Sở Nông nghiệp và Phát triển nông thôn chủ trì kiểm tra an toàn các hồ chứa, đê điều; hoàn thành trước ngày 20/9/2016.
2. UBND các huyện ven sông Thao, sông Lô rà soát phương án sơ tán dân ở khu vực có nguy cơ sạt lở.
3. Sở Giao thông vận tải bố trí lực lượng, vật tư bảo đảm giao thông thông suốt.

                                                  KT. CHỦ TỊCH
                                                  PHÓ CHỦ TỊCH
                                                  Hà Văn Khải
""", document=dict(kind="other", number="2045/UBND-KTN", issuer="UBND tỉnh Phú Thọ", date="2016-09-09",
                    title="V/v triển khai các nhiệm vụ trọng tâm phòng, chống lụt bão"),
    assignments=[], negatives=[("Hà Văn Khải", "signer"),
                               ("Sở Nông nghiệp và Phát triển nông thôn chủ trì kiểm tra", "body"),
                               ("UBND các huyện ven sông Thao", "body")])

doc(name="h-058", kind="negative", text="""
Cơ cấu Ban Chỉ đạo chuyển đổi số cấp huyện

Theo hướng dẫn của Sở Thông tin và Truyền thông tỉnh Quảng Ngãi, Ban Chỉ đạo chuyển đổi số cấp huyện gồm:
- Trưởng ban: Chủ tịch UBND huyện;
- Phó Trưởng ban thường trực: Phó Chủ tịch UBND huyện phụ trách khối văn hóa - xã hội;
- Phó Trưởng ban: Trưởng phòng Văn hóa và Thông tin huyện;
- Các ủy viên: lãnh đạo các phòng, ban, đơn vị trực thuộc UBND huyện.

Ban Chỉ đạo hoạt động theo chế độ kiêm nhiệm; Trưởng ban quyết định phân công nhiệm vụ cụ thể của từng thành viên.
""", assignments=[], negatives=[("Trưởng ban: Chủ tịch UBND huyện", "role without name")])

doc(name="h-059", kind="negative", text="""
Chuyện ở một xã vùng cao

Năm 2020, đồng chí N.V.H, Bí thư Đảng ủy một xã vùng cao của huyện được giao 3 việc đột phá. Sau một năm, cả ba việc đều “dậm chân tại chỗ”. Khi được hỏi, đồng chí H. cho rằng do thiếu kinh phí.

Câu chuyện cho thấy, chọn việc đột phá mà không tính đến nguồn lực thì dễ trở thành hình thức.
""", assignments=[], negatives=[("N.V.H", "anonymised")])

doc(name="h-060", kind="negative", text="""
Đề xuất thành lập Tổ công tác đặc biệt về đất đai

Tại phiên họp thường kỳ tháng 10/2025, Sở Nông nghiệp và Môi trường tỉnh Khánh Hòa đề xuất thành lập Tổ công tác đặc biệt tháo gỡ vướng mắc về đất đai cho các dự án du lịch ven biển.

Theo dự thảo, Sở có thể nghiên cứu đề xuất ông Trịnh Minh Hoàng, Phó Chủ tịch UBND tỉnh làm Tổ trưởng. Tuy nhiên, UBND tỉnh chưa thông qua đề xuất này và giao Sở Nội vụ thẩm định thêm về thẩm quyền, thành phần.
""", assignments=[], negatives=[("Trịnh Minh Hoàng", "proposed"),
                               ("giao Sở Nội vụ thẩm định thêm", "body")])

doc(name="h-061", kind="negative", text="""
Hữu Lũng: Sơ kết 6 tháng thực hiện Nghị quyết Đại hội Đảng bộ huyện

Ngày 8/7/2016, Huyện ủy Hữu Lũng tổ chức hội nghị sơ kết 6 tháng đầu năm. Phát biểu chỉ đạo, đồng chí Hoàng Văn Nghĩa, Phó Bí thư Thường trực Tỉnh ủy Lạng Sơn yêu cầu huyện tập trung tháo gỡ khó khăn cho sản xuất na, bưởi; đẩy nhanh tiến độ xây dựng nông thôn mới; làm tốt công tác chuẩn bị bầu cử.

Đồng chí Lộc Văn Thắm, Bí thư Huyện ủy tiếp thu ý kiến chỉ đạo và khẳng định huyện sẽ hoàn thành các chỉ tiêu năm 2016.
""", assignments=[], negatives=[("Hoàng Văn Nghĩa", "quoted"), ("Lộc Văn Thắm", "quoted")])

doc(name="h-062", kind="negative", text="""
NGHỊ QUYẾT
Miễn nhiệm chức vụ Phó Chủ tịch UBND huyện Con Cuông nhiệm kỳ 2021 - 2026

HỘI ĐỒNG NHÂN DÂN HUYỆN CON CUÔNG
KHÓA XX, KỲ HỌP THỨ 14

QUYẾT NGHỊ:
Điều 1. Miễn nhiệm chức vụ Phó Chủ tịch UBND huyện Con Cuông nhiệm kỳ 2021 - 2026 đối với ông Lô Thanh Kỳ do nghỉ hưu theo chế độ.
Điều 2. Xác nhận kết quả bầu ông Vi Văn Sơn, Trưởng phòng Tài chính - Kế hoạch huyện, giữ chức Phó Chủ tịch UBND huyện nhiệm kỳ 2021 - 2026.
Điều 3. Thường trực HĐND, UBND huyện và các ông có tên tại Điều 1, Điều 2 thi hành Nghị quyết này.

                                          CHỦ TỊCH
                                          Lương Thị Hường
""", document=dict(kind="other", number=None, issuer="HĐND huyện Con Cuông", date=None,
                    title="Miễn nhiệm chức vụ Phó Chủ tịch UBND huyện Con Cuông nhiệm kỳ 2021 - 2026"),
    assignments=[], negatives=[("Lô Thanh Kỳ", "dismissed"), ("Vi Văn Sơn", "elected"),
                               ("Lương Thị Hường", "signer")])

doc(name="h-063", kind="negative", text="""
Tóm tắt tiểu sử đồng chí Bùi Đức Hạnh

Đồng chí Bùi Đức Hạnh sinh năm 1975, quê quán xã Yên Lạc, huyện Yên Thủy, tỉnh Hòa Bình. Trình độ chuyên môn: Thạc sĩ Quản lý kinh tế; lý luận chính trị: Cao cấp.

Quá trình công tác: từ năm 2010 đến 2015 là Phó Chủ tịch UBND huyện Yên Thủy; từ năm 2015 đến 2020 là Bí thư Huyện ủy Lạc Thủy; từ tháng 10/2020 là Tỉnh ủy viên, Giám đốc Sở Tài nguyên và Môi trường tỉnh Hòa Bình.
""", assignments=[], negatives=[("Bùi Đức Hạnh", "biography")])

# ------------------------------------------------- teams, the newly elected, storms

doc(name="h-064", kind="news", text="""
Quảng Bình: 3 đoàn kiểm tra công tác chuẩn bị đại hội đảng bộ cấp huyện

Ngày 3/3/2020, Ban Thường vụ Tỉnh ủy Quảng Bình ban hành quyết định thành lập 3 đoàn kiểm tra công tác chuẩn bị đại hội đảng bộ cấp huyện nhiệm kỳ 2020 - 2025.

Đồng chí Trương Đình Khiêm, Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy làm trưởng đoàn kiểm tra tại Đảng bộ huyện Tuyên Hóa và Minh Hóa. Đồng chí Hoàng Thị Thu Nga, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy làm trưởng đoàn kiểm tra tại Đảng bộ thị xã Ba Đồn và huyện Quảng Trạch. Tại Đảng bộ huyện Lệ Thủy, Quảng Ninh và thành phố Đồng Hới, đồng chí Phan Mạnh Cường, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy làm trưởng đoàn.

Các đoàn làm việc từ ngày 10/3 đến ngày 15/4/2020.
""", assignments=[
    dict(cadre="Trương Đình Khiêm", position="Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
         unit="Ủy ban Kiểm tra Tỉnh ủy Quảng Bình", period=("từ ngày 10/3 đến ngày 15/4/2020", 2020, 2020), declared=None,
         tasks=["trưởng đoàn kiểm tra tại Đảng bộ huyện Tuyên Hóa và Minh Hóa"]),
    dict(cadre="Hoàng Thị Thu Nga", position="Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy",
         unit="Ban Dân vận Tỉnh ủy Quảng Bình", period=("từ ngày 10/3 đến ngày 15/4/2020", 2020, 2020), declared=None,
         tasks=["trưởng đoàn kiểm tra tại Đảng bộ thị xã Ba Đồn và huyện Quảng Trạch"]),
    dict(cadre="Phan Mạnh Cường", position="Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy",
         unit="Ban Tổ chức Tỉnh ủy Quảng Bình", period=("từ ngày 10/3 đến ngày 15/4/2020", 2020, 2020), declared=None,
         # the scope comes before the name, so the task is only the role
         tasks=["trưởng đoàn"]),
])

doc(name="h-065", kind="news", text="""
Tân Phó Chủ tịch UBND tỉnh Lạng Sơn được phân công phụ trách nông nghiệp

Chiều 19/8/2023, HĐND tỉnh Lạng Sơn tổ chức kỳ họp chuyên đề, bầu bà Đoàn Thị Mai, Giám đốc Sở Nông nghiệp và Phát triển nông thôn giữ chức Phó Chủ tịch UBND tỉnh nhiệm kỳ 2021 - 2026.

Ngay sau kỳ họp, Chủ tịch UBND tỉnh đã ký quyết định phân công bà Đoàn Thị Mai phụ trách các lĩnh vực nông nghiệp, lâm nghiệp, thủy lợi và xây dựng nông thôn mới; làm Trưởng Ban Chỉ đạo các chương trình mục tiêu quốc gia của tỉnh.

Cũng tại kỳ họp, ông Hồ Văn Tiến được bầu giữ chức Ủy viên UBND tỉnh.
""", assignments=[
    dict(cadre="Đoàn Thị Mai", position="Phó Chủ tịch UBND tỉnh", unit="UBND tỉnh Lạng Sơn",
         period=("nhiệm kỳ 2021 - 2026", 2021, 2026), declared=None, tasks=[
             "phụ trách các lĩnh vực nông nghiệp, lâm nghiệp, thủy lợi và xây dựng nông thôn mới",
             "Trưởng Ban Chỉ đạo các chương trình mục tiêu quốc gia của tỉnh"]),
], negatives=[("Hồ Văn Tiến", "elected")])

doc(name="h-066", kind="news", text="""
Nghệ An lập Sở chỉ huy tiền phương ứng phó bão số 4

Trước diễn biến phức tạp của bão số 4, chiều 16/9/2019, Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Nghệ An quyết định thành lập Sở chỉ huy tiền phương tại thị xã Hoàng Mai.

Ông Lê Hồng Quang, Phó Chủ tịch Thường trực UBND tỉnh trực tiếp chỉ huy tại Sở chỉ huy tiền phương. Ông Nguyễn Văn Thuận, Giám đốc Sở Nông nghiệp và Phát triển nông thôn được giao theo dõi tình hình hồ đập và phương án xả lũ hồ Vực Mấu.

Chủ tịch UBND các huyện, thị ven biển phải có mặt tại địa bàn, tuyệt đối không để tàu thuyền ra khơi.
""", assignments=[
    dict(cadre="Lê Hồng Quang", position="Phó Chủ tịch Thường trực UBND tỉnh", unit="UBND tỉnh Nghệ An",
         period=("16/9/2019", 2019, 2019), declared=None, tasks=["trực tiếp chỉ huy tại Sở chỉ huy tiền phương"]),
    dict(cadre="Nguyễn Văn Thuận", position="Giám đốc Sở Nông nghiệp và Phát triển nông thôn",
         unit="Sở Nông nghiệp và Phát triển nông thôn", period=("16/9/2019", 2019, 2019), declared=None, tasks=[
             "theo dõi tình hình hồ đập và phương án xả lũ hồ Vực Mấu"]),
], negatives=[("Chủ tịch UBND các huyện, thị ven biển", "role without name")])

doc(name="h-067", kind="plan", ext="md", text="""
# KẾ HOẠCH năm học 2022 - 2023
## Trường THPT Na Hang — Phân công nhiệm vụ đột phá của Ban Giám hiệu

| Họ và tên | Chức vụ | Nhiệm vụ đột phá | Thời hạn |
|---|---|---|---|
| Ma Thị Thu Trang | Hiệu trưởng | Nâng tỷ lệ học sinh đỗ tốt nghiệp THPT lên 98% | Tháng 6/2023 |
| | | Xây dựng thư viện số dùng chung cho học sinh nội trú | Tháng 12/2022 |
| Nông Văn Quý | Phó Hiệu trưởng | Tổ chức 2 chuyên đề dạy học theo chương trình giáo dục phổ thông 2018 | Học kỳ I |
| Hoàng Hải Yến | Phó Hiệu trưởng | Vận động xã hội hóa 300 triệu đồng sửa chữa khu ký túc xá | Tháng 3/2023 |

*Các tổ chuyên môn xây dựng kế hoạch cụ thể, nộp về Ban Giám hiệu trước ngày 15/9/2022.*
""", document=dict(kind="plan", number=None, issuer="Trường THPT Na Hang", date=None,
                    title="KẾ HOẠCH năm học 2022 - 2023"),
    assignments=[
    dict(cadre="Ma Thị Thu Trang", position="Hiệu trưởng", unit="Trường THPT Na Hang",
         period=("năm học 2022 - 2023", 2022, 2023), declared=None, tasks=[
             "Nâng tỷ lệ học sinh đỗ tốt nghiệp THPT lên 98%",
             "Xây dựng thư viện số dùng chung cho học sinh nội trú"]),
    dict(cadre="Nông Văn Quý", position="Phó Hiệu trưởng", unit="Trường THPT Na Hang",
         period=("năm học 2022 - 2023", 2022, 2023), declared=None, tasks=[
             "Tổ chức 2 chuyên đề dạy học theo chương trình giáo dục phổ thông 2018"]),
    dict(cadre="Hoàng Hải Yến", position="Phó Hiệu trưởng", unit="Trường THPT Na Hang",
         period=("năm học 2022 - 2023", 2022, 2023), declared=None, tasks=[
             "Vận động xã hội hóa 300 triệu đồng sửa chữa khu ký túc xá"]),
], negatives=[("Các tổ chuyên môn xây dựng kế hoạch cụ thể", "body")])
