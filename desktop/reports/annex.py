"""The annex of Decision 04/2013/QĐ-UBND (BD-27), "Mẫu Báo cáo tình hình hoạt động của
Website", word for word: the report's fixed text lives here and nowhere else.

Taken from the decision's text (``shared/seeds/000_…``), correcting only the scan's typos:
"WEBSIE" → "WEBSITE", "Sơ đổ" → "Sơ đồ", "bới" → "bởi", "mô là kỳ" → "mô tả kỹ", "c-mail" →
"e-mail", "thắc mặc" → "thắc mắc", "các các dịch vụ" → "các dịch vụ", "Või" → "Với", "ghi rõ
lên đơn vị" → "ghi rõ tên đơn vị", "uplink/dovnlink" → "uplink/downlink", "địa chí" → "địa
chỉ", "mình" for "minh", "Đánh dấu" for "Đánh đấu", and the scan's stray characters ("C", "U",
"l") read as the boxes and marks they stand for.
"""

from __future__ import annotations

BOX = "☐"

TITLE = ("BÁO CÁO", "TÌNH HÌNH HOẠT ĐỘNG CỦA WEBSITE")
NATION = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

#: The reporter's block under the title: (label, key of the value the report knows or "").
IDENTITY: tuple[tuple[str, str], ...] = (
    ("Tên miền Trang thông tin điện tử", "portal_url"),
    ("Địa chỉ IP", ""),
    ("Họ và tên người cung cấp thông tin", "reporter"),
    ("Chức vụ", ""),
    ("Đơn vị công tác", "agency"),
    ("Điện thoại", ""),
    ("Di động", ""),
    ("Địa chỉ e-mail", ""),
)

INFRASTRUCTURE_HEADING = "I. CƠ SỞ HẠ TẦNG:"
INFRASTRUCTURE: tuple[str, ...] = (
    "1. Cơ quan, đơn vị lưu trữ website tại:",
    "a/ Tại cơ quan đơn vị:",
    "- Tên nhà cung cấp đường truyền kết nối:",
    f"- Hình thức kết nối: {BOX} Trực tiếp (lease line)   {BOX} Gián tiếp",
    "- Băng thông trong nước (uplink/downlink):",
    "- Băng thông quốc tế (uplink/downlink):",
    "b/ Thuê ngoài:",
    "- Tên nhà cung cấp dịch vụ:",
    "- Hình thức thuê:",
    "- Băng thông trong nước (uplink/downlink):",
    "- Băng thông quốc tế (uplink/downlink):",
)

INFORMATION_HEADING = "II. CUNG CẤP THÔNG TIN"
SELF_ASSESSMENT_INTRO = (
    "1. Cơ quan, đơn vị tự đánh giá trang thông tin điện tử của cơ quan mình theo các tiêu chí "
    "sau đây. Đánh dấu X vào cột “Tự đánh giá”."
)
SELF_ASSESSMENT_COLUMNS = ("TT", "Tiêu chí", "Tự đánh giá")
GRADES = ("Đầy đủ", "Chưa đầy đủ", "Chưa có")

#: The self-assessment table, row by row: (criterion, the points it checks).
SELF_ASSESSMENT: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Giới thiệu về tổ chức, chức năng, nhiệm vụ, quyền hạn của cơ quan và của từng đơn vị "
        "trực thuộc.",
        (
            "Quyết định thành lập",
            "Sơ đồ thể hiện cấu trúc của tổ chức",
            "Giới thiệu về tổ chức, chức năng nhiệm vụ, quyền hạn của cơ quan",
            "Giới thiệu về tổ chức, chức năng nhiệm vụ, quyền hạn và địa chỉ trang thông tin "
            "điện tử của các đơn vị trực thuộc",
        ),
    ),
    (
        "Có hệ thống văn bản quy phạm pháp luật chuyên ngành và văn bản pháp luật có liên quan",
        (
            "Danh sách các văn bản quy phạm pháp luật chuyên ngành",
            "Cho phép tải các văn bản quy phạm pháp luật chuyên ngành",
            "Phân loại các văn bản quy phạm pháp luật theo lĩnh vực, ngày ban hành, cơ quan "
            "ban hành...",
            "Tham chiếu giữa các văn bản để dễ theo dõi",
        ),
    ),
    (
        "Quy trình, thủ tục hành chính được thực hiện bởi các đơn vị trực thuộc, tên của người "
        "chịu trách nhiệm trong từng khâu thực hiện quy trình, thủ tục hành chính, thời hạn "
        "giải quyết các thủ tục hành chính",
        (
            "Danh sách các thủ tục hành chính được thực hiện bởi các đơn vị trực thuộc",
            "Các thủ tục hành chính được mô tả kỹ, ít nhất có các bước thực hiện, thời gian, "
            "e-mail và điện thoại công vụ của người liên lạc",
            "Các thủ tục có nêu thêm cụ thể tên của người chịu trách nhiệm trong từng khâu "
            "thực hiện quy trình, thủ tục hành chính",
            "Thời hạn giải quyết của từng quy trình, thủ tục hành chính",
        ),
    ),
    (
        "Thông tin tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách, "
        "chiến lược, quy hoạch chuyên ngành",
        (
            "Thông tin tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật nói chung",
            "Thông tin tuyên truyền, phổ biến, hướng dẫn về chế độ",
            "Thông tin tuyên truyền, phổ biến, hướng dẫn về chính sách",
            "Thông tin tuyên truyền, phổ biến, hướng dẫn về chiến lược",
            "Thông tin tuyên truyền, phổ biến, hướng dẫn về quy hoạch",
        ),
    ),
    (
        "Cung cấp danh mục địa chỉ thư điện tử chính thức của từng đơn vị trực thuộc và cán "
        "bộ, công chức có thẩm quyền",
        (
            "Đầy đủ địa chỉ thư điện tử của lãnh đạo hoặc đại diện có ủy quyền",
            "Đầy đủ thư điện tử của đại diện các đơn vị trực thuộc và có thẩm quyền",
        ),
    ),
    (
        "Cung cấp thông tin về dự án, hạng mục đầu tư, đấu thầu, mua sắm công",
        (
            "Danh sách tên các hạng mục đầu tư, đấu thầu, mua sắm",
            "Các hạng mục có nêu rõ chủ đầu tư và chủ quản đầu tư",
            "Các hạng mục có nêu rõ kinh phí, nguồn vốn",
            "Các hạng mục có nêu rõ thời gian, tiến độ thực hiện, đơn vị thực hiện",
        ),
    ),
    (
        "Danh mục các hoạt động trên môi trường mạng đang được cơ quan thực hiện",
        (
            "Liệt kê danh sách tên các dịch vụ được cung cấp trên môi trường mạng",
            "Mô tả tính năng của các dịch vụ",
            "Ghi rõ đơn vị triển khai và vận hành",
            "Ghi rõ hướng dẫn sử dụng",
        ),
    ),
    (
        "Mục lấy ý kiến góp ý của tổ chức, cá nhân",
        (
            "Cho phép nêu ý kiến đóng góp, thắc mắc, khiếu nại",
            "Liên lạc được tới các cán bộ xử lý trực tiếp",
            "Cam kết thời gian tương tác với công dân",
            "Diễn đàn để trao đổi",
        ),
    ),
)
TOTAL = "Tổng số:"

RESPONSIBILITY_HEADING = (
    "2. Trách nhiệm cung cấp thông tin cho Website tỉnh theo quy định tại Điều 12"
)

SERVICES_HEADING = "III. DỊCH VỤ CÔNG/HÀNH CHÍNH CÔNG TRỰC TUYẾN"
SERVICES: tuple[str, ...] = (
    "1. Các dịch vụ hành chính công trực tuyến được đăng tải trên website:",
    "a. Số lượng các dịch vụ hành chính công trực tuyến:",
    "Trong đó: chia theo các mức độ: 1, 2, 3, 4:",
    "b. Với mỗi dịch vụ hành chính công trực tuyến, Quý cơ quan cung cấp các thông tin sau:",
    "Tên dịch vụ:",
    "Địa chỉ đăng tải dịch vụ: http://",
    "Thời điểm dịch vụ được đưa vào sử dụng: tháng:",
    "Cơ quan cung cấp dịch vụ:",
    f"{BOX} Của chính Quý cơ quan",
    f"{BOX} Tích hợp từ các đơn vị trực thuộc (ghi rõ tên đơn vị cung cấp dịch vụ).",
)
SERVICE_LEVELS = ("Mức độ 1", "Mức độ 2", "Mức độ 3", "Mức độ 4")

#: Lines that introduce the lines under them (no dots to fill after them).
LEADS = frozenset(
    {
        INFRASTRUCTURE[0],
        INFRASTRUCTURE[1],
        INFRASTRUCTURE[6],
        SERVICES[0],
        SERVICES[2],
        SERVICES[3],
        SERVICES[7],
    }
)

SIGNATURE = ("THỦ TRƯỞNG CƠ QUAN ĐƠN VỊ", "(Ký tên, đóng dấu)")
