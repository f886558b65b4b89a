"""Demo content for ``portal-server serve --demo`` and ``portal-desk --demo``: pure data, no I/O.

The province (Hòa Bình An), its people, numbers, addresses and domains are invented; the texts are
original. They follow the sections of BD-11 (plus AG-13 clarifications) and use the provincial
structure in force in 2026 (departments merged in 2025, no district level), so the units read as
a real portal's would. The seeder (``portal/demo/__init__.py``) takes every item through its
``path`` with
the real service functions, so each item's history is real; ``tests/portal/test_demo_content.py``
replays every path against ``desktop.models`` first.

Shape, agreed with the seeder:

- ``ITEMS[i]["content"]``: the content fields of docs/api.md (``translation_of`` left out: ids are
  made at seed time; ``ITEMS[i]["translation_of_index"]`` names the original by its index).
- ``ITEMS[i]["path"]``: ``(action, actor, comment or None)`` in order; an empty path leaves a draft.
- ``ITEMS[i]["comments"]``: editorial comments ``(author, body)``, added after the path.
"""

from __future__ import annotations

import hashlib
from typing import Any

DEMO_PASSWORD = "bien-tap-demo-2026"

#: The demo also seeds citizens' questions and consultation comments (portal/demo/questions.py);
#: other contents (the tests') do not.
WITH_CITIZENS = True

SITE: dict[str, Any] = {
    "id": "demo",
    "name": "Cổng Thông tin điện tử tỉnh Hòa Bình An (bản trình diễn)",
    "settings": {"four_eyes": True},
}

USERS: list[dict[str, Any]] = [
    {"username": "thanhvien1", "full_name": "Nguyễn Thị Thu Hà", "roles": ["member"]},
    {"username": "thanhvien2", "full_name": "Trần Minh Khoa", "roles": ["member"]},
    {"username": "phoban", "full_name": "Lê Thị Ngọc Ánh", "roles": ["deputy"]},
    {"username": "truongban", "full_name": "Phạm Văn Thành", "roles": ["head"]},
    {"username": "quantri", "full_name": "Đỗ Quang Huy", "roles": ["admin"]},
]

_ISSUE = "issue_date"
_APPROVAL = "approval_date"

#: BD-11 sections 1–13 and AG-13 clarifications; units per BD-12, deadlines per BD-13 / AG-12.
CATEGORIES: list[dict[str, Any]] = [
    {"id": "gioi-thieu", "name": "Giới thiệu", "kind": "intro",
     "unit": "Sở Nội vụ", "deadline": None, "position": 1},
    {"id": "tin-tuc", "name": "Tin tức, sự kiện", "kind": "news",
     "unit": "Văn phòng UBND tỉnh", "deadline": None, "position": 2},
    {"id": "chi-dao-dieu-hanh", "name": "Chỉ đạo, điều hành", "kind": "direction",
     "unit": "Văn phòng UBND tỉnh", "deadline": None, "position": 3},
    {"id": "pho-bien-phap-luat", "name": "Phổ biến, hướng dẫn pháp luật", "kind": "dissemination",
     "unit": "Sở Tư pháp", "deadline": {"days": 15, "from": _ISSUE}, "position": 4},
    {"id": "chien-luoc-quy-hoach", "name": "Chiến lược, quy hoạch, kế hoạch phát triển",
     "kind": "strategy", "unit": "Sở Tài chính", "deadline": {"days": 10, "from": _APPROVAL},
     "position": 5},
    {"id": "van-ban-phap-luat", "name": "Văn bản quy phạm pháp luật", "kind": "legal",
     "unit": "Văn phòng UBND tỉnh", "deadline": {"days": 2, "from": _ISSUE}, "position": 6},
    {"id": "cong-bao", "name": "Công báo điện tử", "kind": "gazette",
     "unit": "Văn phòng UBND tỉnh", "deadline": None, "position": 7},
    {"id": "du-an-dau-tu", "name": "Dự án, đầu tư, đấu thầu, mua sắm công", "kind": "projects",
     "unit": "Sở Tài chính", "deadline": {"days": 10, "from": _APPROVAL}, "position": 8},
    {"id": "lay-y-kien", "name": "Lấy ý kiến góp ý dự thảo văn bản", "kind": "consultation",
     "unit": "Sở Tư pháp", "deadline": None, "position": 9},
    {"id": "danh-ba", "name": "Thông tin liên hệ cán bộ có thẩm quyền", "kind": "contacts",
     "unit": "Văn phòng UBND tỉnh", "deadline": None, "position": 10},
    {"id": "thong-tin-giao-dich", "name": "Thông tin giao dịch", "kind": "transactions",
     "unit": "Văn phòng UBND tỉnh", "deadline": None, "position": 11},
    {"id": "khoa-hoc-cong-nghe", "name": "Chương trình, đề tài khoa học", "kind": "science",
     "unit": "Sở Khoa học và Công nghệ", "deadline": {"days": 20, "from": _APPROVAL},
     "position": 12},
    {"id": "giai-thich-lam-ro", "name": "Thông tin giải thích, làm rõ", "kind": "clarification",
     "unit": "Sở Văn hóa, Thể thao và Du lịch", "deadline": None, "position": 13},
    {"id": "chuyen-doi-so", "name": "Chuyển đổi số", "kind": "free",
     "unit": "Sở Khoa học và Công nghệ", "deadline": None, "position": 14},
    {"id": "thong-ke", "name": "Thông tin thống kê", "kind": "statistics",
     "unit": "Thống kê tỉnh Hòa Bình An", "deadline": {"days": 10, "from": "decision_date"},
     "position": 15},
    {"id": "lich-lam-viec", "name": "Lịch làm việc của lãnh đạo tỉnh", "kind": "work_calendar",
     "unit": "Văn phòng UBND tỉnh", "deadline": None, "position": 16},
    {"id": "lien-ket-don-vi", "name": "Trang thông tin điện tử các đơn vị trực thuộc",
     "kind": "unit_sites", "unit": "Sở Khoa học và Công nghệ", "deadline": None, "position": 17},
    {"id": "dich-vu-cong", "name": "Dịch vụ công trực tuyến", "kind": "public_services",
     "unit": "Văn phòng UBND tỉnh", "deadline": None, "position": 18},
    {"id": "hoi-dap", "name": "Hỏi đáp", "kind": "questions",
     "unit": "Văn phòng UBND tỉnh", "deadline": None, "position": 19},
]  # fmt: skip

#: thanhvien2 edits news for the deputy; the deputy approves news for the head (BD-18.4, BD-22).
GRANTS: list[dict[str, Any]] = [
    {
        "grantee": "thanhvien2",
        "step": "edit",
        "categories": ["tin-tuc"],
        "granted_by": "phoban",
        "valid_days": 365,
        "decision_ref": "Quyết định số 15/QĐ-BBT ngày 05/01/2026 của Ban Biên tập Cổng Thông tin"
        " điện tử tỉnh về việc phân công biên tập tin chuyên mục Tin tức, sự kiện",
    },
    {
        "grantee": "phoban",
        "step": "approve",
        "categories": ["tin-tuc"],
        "granted_by": "truongban",
        "valid_days": 180,
        "decision_ref": "Quyết định số 16/QĐ-BBT ngày 05/01/2026 của Trưởng Ban Biên tập về việc"
        " ủy quyền duyệt tin chuyên mục Tin tức, sự kiện",
    },
]

#: The legal document's downloadable file (BD-11 §6): the seeder stores it as a blob first.
_LEGAL_FILE = (
    "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH AN\n"
    "Số: 12/2026/QĐ-UBND\n\n"
    "QUYẾT ĐỊNH\n"
    "Ban hành Quy chế tiếp nhận, xử lý, trả lời phản ánh, kiến nghị của người dân, doanh nghiệp"
    " trên địa bàn tỉnh Hòa Bình An\n\n"
    "(Bản trình diễn: văn bản và số liệu là hư cấu.)\n"
).encode()
LEGAL_FILE_SHA = hashlib.sha256(_LEGAL_FILE).hexdigest()
#: sha256 → (content type, bytes): the files the demo items carry.
FILES: dict[str, tuple[str, bytes]] = {LEGAL_FILE_SHA: ("text/plain; charset=utf-8", _LEGAL_FILE)}
#: sha256 → the name the file was uploaded with (the public page's link text).
FILE_NAMES: dict[str, str] = {LEGAL_FILE_SHA: "Quyết định 12-2026-QĐ-UBND.txt"}

#: Labels for the metadata keys used below (the public page's fact box), Vietnamese and English.
METADATA_LABELS: dict[str, tuple[str, str]] = {
    "document_type": ("Hình thức văn bản", "Document type"),
    "number": ("Số ký hiệu", "Number and symbol"),
    "issuer": ("Cơ quan ban hành", "Issuing authority"),
    "signer": ("Người ký", "Signed by"),
    "issue_date": ("Ngày ban hành", "Issue date"),
    "effective_date": ("Ngày hiệu lực", "Effective date"),
    "abstract": ("Trích yếu", "Abstract"),
    "replaces": ("Văn bản được thay thế", "Replaces"),
    "related_document": ("Văn bản liên quan", "Related document"),
    "document_status": ("Tình trạng văn bản", "Document status"),
    "field": ("Lĩnh vực", "Field"),
    "period": ("Thời kỳ", "Period"),
    "project_name": ("Tên dự án", "Project name"),
    "investor": ("Chủ đầu tư", "Investor"),
    "location": ("Địa điểm", "Location"),
    "objective": ("Mục tiêu chính", "Main objective"),
    "project_type": ("Loại dự án", "Project type"),
    "duration": ("Thời gian thực hiện", "Duration"),
    "budget": ("Kinh phí", "Budget"),
    "compensation_plan": ("Phương án bồi thường, giải phóng mặt bằng", "Compensation plan"),
    "funding_type": ("Loại hình tài trợ", "Funding type"),
    "donor": ("Nhà tài trợ", "Donor"),
    "status": ("Tình trạng", "Status"),
    "approval_decision": ("Quyết định phê duyệt", "Approval decision"),
    "approval_date": ("Ngày phê duyệt", "Approval date"),
    "plan_type": ("Loại chiến lược, quy hoạch, kế hoạch", "Kind of plan"),
    "file": ("Tệp văn bản", "Document file"),
    "draft_title": ("Tên dự thảo", "Draft"),
    "drafting_unit": ("Cơ quan chủ trì soạn thảo", "Drafting unit"),
    "comment_deadline": ("Hạn góp ý", "Comment deadline"),
    "receiving_unit": ("Đơn vị tiếp nhận góp ý", "Receiving unit"),
    "address": ("Địa chỉ tiếp nhận", "Receiving address"),
    "full_name": ("Họ và tên", "Name"),
    "position": ("Chức vụ", "Position"),
    "unit": ("Đơn vị công tác", "Unit"),
    "phone": ("Điện thoại", "Phone"),
    "fax": ("Fax", "Fax"),
    "email": ("Thư điện tử", "E-mail"),
    "code": ("Mã số", "Code"),
    "program_name": ("Tên chương trình, đề tài", "Title"),
    "management_level": ("Cấp quản lý", "Management level"),
    "lead_unit": ("Đơn vị chủ trì", "Lead unit"),
    "misinformation": ("Thông tin sai lệch", "False claim"),
    "appeared_in": ("Nơi xuất hiện", "Where it appeared"),
    "appeared_on": ("Ngày xuất hiện", "When it appeared"),
    "clarifying_agency": ("Cơ quan giải thích, làm rõ", "Clarifying agency"),
    "decision_date": ("Ngày quyết định công bố", "Date of the decision to publish"),
    "publishing_unit": ("Cơ quan công bố", "Publishing agency"),
    "leader": ("Lãnh đạo", "Leader"),
    "week_start": ("Từ ngày", "From"),
    "week_end": ("Đến ngày", "Until"),
    "unit_name": ("Tên đơn vị", "Unit"),
    "site_url": ("Địa chỉ trang thông tin điện tử", "Website address"),
    "service_name": ("Tên dịch vụ", "Service"),
    "level": ("Mức độ", "Level"),
    "service_url": ("Địa chỉ đăng tải dịch vụ", "Service address"),
    "in_use_since": ("Thời điểm đưa vào sử dụng", "In use since"),
    "provider": ("Cơ quan cung cấp dịch vụ", "Providing agency"),
    "provided_by": ("Nguồn dịch vụ", "Provided by"),
    "guide_url": ("Hướng dẫn sử dụng", "User guide"),
}

#: Project status values (BD-11.8: preparing, in progress, completed).
PROJECT_STATUSES: dict[str, tuple[str, str]] = {
    "preparing": ("Đang chuẩn bị đầu tư", "Preparing"),
    "in_progress": ("Đang triển khai", "In progress"),
    "completed": ("Đã hoàn thành", "Completed"),
}

_PUBLISH: list[tuple[str, str, str | None]] = [
    ("forward", "phoban", None),
    ("approve", "truongban", None),
]

_DX_CONFERENCE_VI = """\
Sáng ngày 17/11/2026, tại Trung tâm Hội nghị tỉnh, UBND tỉnh Hòa Bình An tổ chức hội nghị đánh \
giá kết quả thực hiện nhiệm vụ chuyển đổi số năm 2026 và triển khai nhiệm vụ năm 2027. Đồng chí \
Trịnh Quốc Vinh, Phó Chủ tịch UBND tỉnh chủ trì hội nghị. Tham dự có lãnh đạo các sở, ban, ngành; \
hội nghị được kết nối trực tuyến đến 86 điểm cầu tại UBND các xã, phường.

# Kết quả nổi bật

Theo báo cáo của Sở Khoa học và Công nghệ, năm 2026 tỉnh hoàn thành 27/30 chỉ tiêu chuyển đổi \
số, trong đó:

- 100% văn bản trao đổi giữa các cơ quan nhà nước (trừ văn bản mật) được gửi, nhận dưới dạng \
điện tử và ký số;
- Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh được kết nối, đồng bộ với Cổng Dịch \
vụ công quốc gia;
- Ứng dụng “Hòa Bình An Số” đạt hơn 215.000 lượt tải, tiếp nhận 9.870 phản ánh, kiến nghị của \
người dân.

| Chỉ tiêu | Kế hoạch năm 2026 | Thực hiện |
|---|---|---|
| Hồ sơ xử lý trực tuyến toàn trình | 60% | 68,4% |
| Thanh toán trực tuyến phí, lệ phí | 50% | 57,2% |
| Cán bộ được tập huấn kỹ năng số | 3.000 người | 3.412 người |

# Hạn chế và nhiệm vụ năm 2027

Hội nghị cũng chỉ ra một số hạn chế: hạ tầng mạng ở một số xã vùng sâu chưa ổn định; việc khai \
thác dữ liệu dùng chung giữa các ngành chưa đồng đều; nhân lực công nghệ thông tin ở cấp xã còn \
thiếu.

Phát biểu kết luận, đồng chí Phó Chủ tịch UBND tỉnh đề nghị các cơ quan, đơn vị tập trung hoàn \
thiện cơ sở dữ liệu chuyên ngành, ưu tiên dữ liệu đất đai, dân cư và doanh nghiệp; bảo đảm an toàn \
thông tin theo cấp độ cho các hệ thống dùng chung; đẩy mạnh hướng dẫn người dân sử dụng dịch vụ \
công trực tuyến ngay tại bộ phận một cửa.

Dịp này, Chủ tịch UBND tỉnh tặng Bằng khen cho 12 tập thể và 18 cá nhân có thành tích xuất sắc \
trong công tác chuyển đổi số năm 2026.
"""

_DX_CONFERENCE_EN = """\
On the morning of 17 November 2026, at the Provincial Conference Centre, the People's Committee \
of Hoa Binh An province held a conference to review the results of digital transformation in \
2026 and to set the tasks for 2027. Mr Trinh Quoc Vinh, Vice Chairman of the Provincial People's \
Committee, chaired the conference, which was attended by the heads of provincial departments and \
connected online to 86 commune and ward People's Committees.

# Main results

According to the Department of Science and Technology, the province met 27 of its 30 digital \
transformation targets in 2026, including:

- all documents exchanged between state agencies (except classified ones) are sent, received and \
signed electronically;
- the province's administrative procedure system is connected to and synchronised with the \
National Public Service Portal;
- the “Hoa Binh An So” app has been downloaded more than 215,000 times and has received 9,870 \
reports and recommendations from citizens.

| Target | Plan for 2026 | Achieved |
|---|---|---|
| Applications handled fully online | 60% | 68.4% |
| Fees and charges paid online | 50% | 57.2% |
| Officials trained in digital skills | 3,000 | 3,412 |

# Shortcomings and tasks for 2027

The conference also noted that network infrastructure in some remote communes is still \
unstable, that sectors make uneven use of shared data, and that communes lack IT staff.

Concluding the conference, the Vice Chairman asked agencies to complete their sectoral \
databases, giving priority to land, population and enterprise data; to secure shared systems \
according to their security level; and to help citizens use online public services at the \
one-stop desks.

On this occasion, the Chairman of the Provincial People's Committee awarded certificates of \
merit to 12 groups and 18 individuals for their outstanding contribution to digital \
transformation in 2026.
"""

_ROAD_SAFETY = """\
Sáng ngày 19/11/2026, tại Quảng trường trung tâm tỉnh, Ban An toàn giao thông tỉnh phối hợp với \
Công an tỉnh và Sở Xây dựng tổ chức lễ ra quân đợt cao điểm bảo đảm trật tự, an toàn giao thông \
dịp cuối năm 2026, Tết Dương lịch và Tết Nguyên đán Đinh Mùi 2027. Tham gia lễ ra quân có hơn 600 \
cán bộ, chiến sĩ, đoàn viên thanh niên và tình nguyện viên.

# Tình hình 10 tháng năm 2026

Trong 10 tháng năm 2026, trên địa bàn tỉnh xảy ra 142 vụ tai nạn giao thông, làm chết 71 người, \
bị thương 118 người; so với cùng kỳ năm 2025 giảm 9 vụ, giảm 6 người chết và giảm 11 người bị \
thương. Nguyên nhân chủ yếu vẫn là điều khiển phương tiện sau khi uống rượu, bia, chạy quá tốc \
độ quy định và không chú ý quan sát.

# Nội dung trọng tâm của đợt cao điểm

Từ nay đến hết ngày 28/02/2027, các lực lượng chức năng tập trung:

- kiểm tra, xử lý nghiêm vi phạm nồng độ cồn, tốc độ, chở quá số người quy định và xe ô tô chở \
hàng quá tải trọng;
- tăng cường tuần tra trên các tuyến quốc lộ, đường tỉnh và khu vực cổng trường học, chợ, khu \
công nghiệp vào giờ cao điểm;
- bảo đảm an toàn cho hoạt động vận tải hành khách phục vụ người dân về quê đón Tết;
- tuyên truyền trực tiếp tại khu dân cư và trên mạng xã hội về văn hóa giao thông, “Đã uống \
rượu, bia thì không lái xe”.

# Đề nghị đối với người dân

Ban An toàn giao thông tỉnh đề nghị người dân chấp hành nghiêm quy định khi tham gia giao thông, \
đội mũ bảo hiểm đạt chuẩn, không sử dụng điện thoại khi lái xe, và kịp thời phản ánh hành vi vi \
phạm qua đường dây nóng của Công an tỉnh hoặc ứng dụng “Hòa Bình An Số”.
"""

_DECISION_12 = """\
Ngày 30/10/2026, Ủy ban nhân dân tỉnh Hòa Bình An ban hành Quyết định số 12/2026/QĐ-UBND ban \
hành Quy chế tiếp nhận, xử lý, trả lời phản ánh, kiến nghị của người dân, doanh nghiệp trên địa \
bàn tỉnh. Quyết định có hiệu lực kể từ ngày 10/11/2026 và thay thế Quyết định số 18/2020/QĐ-UBND \
ngày 15/6/2020 của UBND tỉnh.

# Phạm vi và đối tượng áp dụng

Quy chế quy định việc tiếp nhận, phân loại, chuyển xử lý, trả lời và công khai kết quả xử lý \
phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính, hành vi hành chính và các vấn \
đề đời sống, kinh tế – xã hội trên địa bàn tỉnh. Quy chế áp dụng đối với các sở, ban, ngành, \
UBND các xã, phường và cơ quan, đơn vị có liên quan; việc giải quyết khiếu nại, tố cáo thực hiện \
theo quy định của pháp luật về khiếu nại, tố cáo.

# Kênh tiếp nhận

- Ứng dụng “Hòa Bình An Số” và Cổng Dịch vụ công của tỉnh;
- Tổng đài 1022 và hộp thư điện tử pakn@hoabinhan.gov.vn;
- Trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh và bộ phận một cửa các xã, phường.

# Thời hạn trả lời

| Loại phản ánh, kiến nghị | Thời hạn trả lời |
|---|---|
| Thuộc thẩm quyền một cơ quan, không cần xác minh | 05 ngày làm việc |
| Cần kiểm tra, xác minh tại hiện trường | 10 ngày làm việc |
| Liên quan đến nhiều cơ quan, lĩnh vực | 15 ngày làm việc |

Phản ánh, kiến nghị không thuộc thẩm quyền được chuyển đến cơ quan có thẩm quyền trong 01 ngày \
làm việc và thông báo cho người gửi. Kết quả xử lý được công khai trên ứng dụng “Hòa Bình An Số”, \
trừ thông tin cá nhân của người phản ánh.

Toàn văn Quyết định được đăng trên Công báo tỉnh và mục Văn bản quy phạm pháp luật của Cổng \
Thông tin điện tử tỉnh.
"""

_GUIDE_1022_OLD = """\
Thực hiện Quy chế tiếp nhận, xử lý phản ánh, kiến nghị ban hành kèm theo Quyết định số \
18/2020/QĐ-UBND ngày 15/6/2020 của UBND tỉnh, Ban Biên tập hướng dẫn người dân, doanh nghiệp \
cách gửi phản ánh, kiến nghị về thủ tục hành chính như sau.

# Các kênh gửi phản ánh, kiến nghị

- Gọi Tổng đài 1022 trong giờ hành chính, từ thứ Hai đến thứ Sáu;
- Gửi thư điện tử đến địa chỉ pakn@hoabinhan.gov.vn;
- Gửi văn bản qua đường bưu chính hoặc nộp trực tiếp tại bộ phận một cửa của cơ quan giải quyết \
thủ tục hành chính.

# Nội dung cần có

Phản ánh, kiến nghị cần ghi rõ họ tên, địa chỉ, số điện thoại liên hệ của người gửi; nội dung \
phản ánh, kiến nghị; tên thủ tục hành chính và cơ quan có liên quan. Người gửi nên kèm theo giấy \
tờ, hình ảnh (nếu có) để cơ quan có thẩm quyền xem xét nhanh hơn. Phản ánh, kiến nghị không ghi \
họ tên, địa chỉ hoặc sử dụng từ ngữ thiếu văn hóa sẽ không được xem xét.

# Thời hạn trả lời

| Trường hợp | Thời hạn |
|---|---|
| Nội dung đơn giản | 10 ngày làm việc |
| Cần kiểm tra, xác minh | 20 ngày làm việc |
| Liên quan đến nhiều cơ quan | 30 ngày làm việc |

Phản ánh, kiến nghị không thuộc thẩm quyền được chuyển đến cơ quan có thẩm quyền trong 03 ngày \
làm việc. Kết quả trả lời được gửi đến người phản ánh qua thư điện tử hoặc đường bưu chính.
"""

_WHATS_NEW_1022 = """\
Quy chế tiếp nhận, xử lý, trả lời phản ánh, kiến nghị của người dân, doanh nghiệp ban hành kèm \
theo Quyết định số 12/2026/QĐ-UBND ngày 30/10/2026 của UBND tỉnh có hiệu lực từ ngày 10/11/2026, \
thay thế Quy chế ban hành kèm theo Quyết định số 18/2020/QĐ-UBND. Sở Tư pháp giới thiệu những \
điểm mới chính để người dân, doanh nghiệp và cơ quan, đơn vị thực hiện.

# Thời hạn trả lời được rút ngắn

| Nội dung | Quy chế cũ | Quy chế mới |
|---|---|---|
| Không cần xác minh | 10 ngày làm việc | 05 ngày làm việc |
| Cần kiểm tra, xác minh | 20 ngày làm việc | 10 ngày làm việc |
| Liên quan đến nhiều cơ quan | 30 ngày làm việc | 15 ngày làm việc |
| Chuyển phản ánh không thuộc thẩm quyền | 03 ngày làm việc | 01 ngày làm việc |

# Thêm kênh tiếp nhận, công khai kết quả

- Người dân có thể gửi phản ánh, kiến nghị qua ứng dụng “Hòa Bình An Số” vào bất kỳ thời điểm \
nào, kèm hình ảnh, video và vị trí;
- Mỗi phản ánh, kiến nghị được cấp một mã số để người gửi theo dõi tình trạng xử lý;
- Kết quả xử lý được công khai trên ứng dụng, trừ thông tin cá nhân của người gửi.

# Trách nhiệm của cơ quan, đơn vị

Thủ trưởng cơ quan, đơn vị chịu trách nhiệm về chất lượng và thời hạn trả lời; phản ánh, kiến \
nghị quá hạn được tự động cảnh báo và tổng hợp vào kết quả đánh giá cải cách hành chính hằng năm.

Người dân lưu ý cung cấp họ tên, số điện thoại chính xác và không gửi thông tin sai sự thật.
"""

_DX_PLAN_2027 = """\
Sở Khoa học và Công nghệ đã hoàn thiện dự thảo Kế hoạch chuyển đổi số tỉnh Hòa Bình An năm 2027, \
trình UBND tỉnh xem xét, ban hành.

# Mục tiêu

- 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình;
- 100% xã, phường có điểm hỗ trợ người dân sử dụng dịch vụ công trực tuyến và thanh toán không \
dùng tiền mặt;
- 70% hộ gia đình có địa chỉ số gắn với bản đồ số của tỉnh;
- Hoàn thành cơ sở dữ liệu đất đai, kết nối với cơ sở dữ liệu quốc gia về dân cư.

# Nhiệm vụ trọng tâm

- Nâng cấp Trung tâm dữ liệu tỉnh, bảo đảm an toàn thông tin cấp độ 3 cho các hệ thống dùng chung;
- Mở rộng ứng dụng “Hòa Bình An Số” với các dịch vụ y tế, giáo dục và giao thông;
- Tập huấn kỹ năng số cho 4.000 cán bộ, công chức và thành viên tổ công nghệ số cộng đồng.

# Kinh phí dự kiến

| Nguồn vốn | Kinh phí |
|---|---|
| Ngân sách tỉnh | 92,4 tỷ đồng |
| Ngân sách trung ương hỗ trợ | 35,0 tỷ đồng |
| Xã hội hóa | 12,6 tỷ đồng |

Các sở, ban, ngành và UBND các xã, phường căn cứ kế hoạch của tỉnh xây dựng kế hoạch của cơ \
quan, đơn vị mình, gửi Sở Khoa học và Công nghệ trước ngày 31/01/2027 để tổng hợp.
"""

_ROAD_816 = """\
Ngày 12/11/2026, UBND tỉnh ban hành Quyết định số 2145/QĐ-UBND phê duyệt dự án nâng cấp, mở rộng \
Đường tỉnh 816 đoạn từ xã Tân Lập đến phường Bình An. Thực hiện quy định về công khai thông tin \
dự án đầu tư công, Sở Tài chính thông tin các nội dung chính như sau.

# Thông tin chung

| Nội dung | Thông tin |
|---|---|
| Chủ đầu tư | Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh |
| Nhóm dự án | Nhóm B, đầu tư công |
| Tổng mức đầu tư | 186,5 tỷ đồng |
| Nguồn vốn | Ngân sách tỉnh |
| Thời gian thực hiện | 2027–2029 |

# Quy mô đầu tư

- Nâng cấp, mở rộng 12,8 km đường đạt tiêu chuẩn đường cấp III đồng bằng, nền đường rộng 12 m, \
mặt đường bê tông nhựa rộng 11 m;
- Xây dựng mới 02 cầu bê tông cốt thép và 14 cống thoát nước ngang;
- Lắp đặt hệ thống chiếu sáng, biển báo, vạch sơn tại các nút giao và đoạn qua khu dân cư.

# Mục tiêu

Dự án hoàn thiện trục giao thông kết nối các xã phía tây với trung tâm tỉnh, rút ngắn thời gian \
vận chuyển nông sản, giảm nguy cơ tai nạn giao thông trên đoạn đường hẹp, nhiều khúc cua.

# Tiến độ dự kiến

- Quý I/2027: lựa chọn nhà thầu tư vấn, lập thiết kế bản vẽ thi công;
- Quý III/2027: khởi công xây dựng;
- Quý IV/2029: hoàn thành, đưa vào sử dụng.

Thông tin về đấu thầu các gói thầu của dự án sẽ được cập nhật tại chuyên mục này.
"""

_CONSULTATION_DX_COOP = """\
Thực hiện chỉ đạo của UBND tỉnh, Sở Khoa học và Công nghệ được giao chủ trì xây dựng dự thảo \
Nghị quyết của Hội đồng nhân dân tỉnh quy định chính sách hỗ trợ chuyển đổi số cho hợp tác xã, \
hộ kinh doanh trên địa bàn tỉnh Hòa Bình An giai đoạn 2027–2030. Để hoàn thiện dự thảo, Sở Khoa \
học và Công nghệ đề nghị các tổ chức, cá nhân quan tâm nghiên cứu, góp ý.

# Nội dung chính của dự thảo

- Đối tượng áp dụng: hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác và hộ kinh doanh đăng ký hoạt \
động trên địa bàn tỉnh;
- Hỗ trợ 50% chi phí thuê phần mềm kế toán, hóa đơn điện tử, quản lý bán hàng trong 12 tháng \
đầu, tối đa 10 triệu đồng cho mỗi đơn vị;
- Hỗ trợ 100% chi phí tham gia các lớp tập huấn kỹ năng số do tỉnh tổ chức;
- Hỗ trợ 30% chi phí xây dựng gian hàng trên sàn thương mại điện tử, tối đa 5 triệu đồng cho \
mỗi đơn vị;
- Mỗi đơn vị được hưởng mỗi nội dung hỗ trợ một lần trong giai đoạn 2027–2030.

# Cách thức góp ý

Ý kiến góp ý gửi bằng văn bản về Phòng Chuyển đổi số, Sở Khoa học và Công nghệ, số 25 đường \
Trần Hưng Đạo, phường Bình An, tỉnh Hòa Bình An, hoặc qua thư điện tử gopy.skhcn@hoabinhan.gov.vn. \
Văn bản góp ý cần ghi rõ tên, địa chỉ, số điện thoại của tổ chức, cá nhân góp ý.

Thời hạn nhận góp ý: hết ngày 18/12/2026. Sau thời hạn này, cơ quan chủ trì soạn thảo tổng hợp, \
tiếp thu, giải trình ý kiến góp ý và gửi hồ sơ đến Sở Tư pháp để thẩm định theo quy định.

Toàn văn dự thảo Nghị quyết và Tờ trình kèm theo được đăng tải để tổ chức, cá nhân tham khảo.
"""

_SPOKESPERSON = """\
Theo Quy chế phát ngôn và cung cấp thông tin cho báo chí của UBND tỉnh, Chánh Văn phòng UBND \
tỉnh là người được giao phát ngôn, cung cấp thông tin cho báo chí thường xuyên. Tổ chức, cá nhân \
và cơ quan báo chí liên hệ theo thông tin dưới đây.

# Người phát ngôn

Ông Võ Đình Nam, Chánh Văn phòng UBND tỉnh Hòa Bình An.

- Điện thoại: 0200 3 822 101
- Fax: 0200 3 822 199
- Thư điện tử: vdnam@hoabinhan.gov.vn

# Đầu mối liên hệ của Văn phòng UBND tỉnh

| Họ và tên | Chức vụ | Điện thoại | Thư điện tử |
|---|---|---|---|
| Võ Đình Nam | Chánh Văn phòng | 0200 3 822 101 | vdnam@hoabinhan.gov.vn |
| Hoàng Thị Mai Phương | Phó Chánh Văn phòng | 0200 3 822 102 | htmphuong@hoabinhan.gov.vn |
| Ngô Văn Tài | Phó Chánh Văn phòng | 0200 3 822 103 | nvtai@hoabinhan.gov.vn |
| Bùi Thanh Tâm | Trưởng phòng Hành chính – Tổ chức | 0200 3 822 110 | bttam@hoabinhan.gov.vn |

# Lưu ý khi liên hệ

- Thời gian làm việc: buổi sáng từ 07 giờ đến 11 giờ 30, buổi chiều từ 13 giờ 30 đến 17 giờ, \
từ thứ Hai đến thứ Sáu.
- Phản ánh, kiến nghị về thủ tục hành chính đề nghị gửi qua ứng dụng “Hòa Bình An Số” hoặc Tổng \
đài 1022 theo Quy chế ban hành kèm theo Quyết định số 12/2026/QĐ-UBND.
- Cơ quan báo chí đề nghị cung cấp thông tin gửi văn bản hoặc thư điện tử, ghi rõ nội dung cần \
cung cấp và thời hạn đăng, phát.
"""

_SCIENCE_RICE = """\
Ngày 06/11/2026, UBND tỉnh ban hành Quyết định số 1987/QĐ-UBND phê duyệt danh mục nhiệm vụ khoa \
học và công nghệ cấp tỉnh đặt hàng thực hiện từ năm 2027. Trong đó có đề tài “Nghiên cứu xây \
dựng mô hình canh tác lúa giảm phát thải khí nhà kính tại tỉnh Hòa Bình An”.

# Thông tin chung

- Mã số: ĐTKHCN.2027.03
- Cấp quản lý: cấp tỉnh
- Lĩnh vực: nông nghiệp
- Đơn vị chủ trì: Trung tâm Khuyến nông tỉnh Hòa Bình An
- Thời gian thực hiện: 30 tháng, từ tháng 01/2027 đến tháng 6/2029

# Mục tiêu

- Xác định quy trình canh tác lúa phù hợp với điều kiện của tỉnh, áp dụng tưới ngập khô xen kẽ, \
giảm lượng giống gieo sạ và bón phân cân đối;
- Xây dựng 03 mô hình trình diễn với tổng diện tích 150 ha tại các xã vùng trọng điểm lúa;
- Giảm ít nhất 20% lượng phát thải khí nhà kính và tăng 10% lợi nhuận cho nông dân so với canh \
tác truyền thống.

# Sản phẩm dự kiến

- Quy trình kỹ thuật canh tác lúa giảm phát thải được Hội đồng khoa học cấp tỉnh công nhận;
- Báo cáo đánh giá hiệu quả kinh tế, môi trường của các mô hình;
- Tài liệu tập huấn và 20 lớp tập huấn cho nông dân, cán bộ khuyến nông cơ sở.

Kết quả đề tài sẽ được công bố tại chuyên mục này sau khi được Hội đồng khoa học nghiệm thu.
"""

_CLARIFY_MOTORBIKES = """\
Từ ngày 14/11/2026, trên một số trang, nhóm mạng xã hội lan truyền bài viết có nội dung “từ ngày \
01/01/2027, tỉnh Hòa Bình An cấm toàn bộ xe máy đi vào khu vực trung tâm phường Bình An, người \
vi phạm bị phạt đến 5 triệu đồng”. Bài viết sử dụng hình ảnh văn bản được cắt ghép, không có số, \
ngày ban hành và cơ quan ban hành.

# Thông tin chính thức

Sở Xây dựng khẳng định:

- UBND tỉnh không ban hành bất kỳ văn bản nào về việc cấm hoặc hạn chế xe máy lưu thông vào khu \
vực trung tâm phường Bình An;
- Việc tổ chức giao thông trên các tuyến đường khu vực trung tâm vẫn thực hiện theo phương án \
hiện hành;
- Mọi chủ trương điều chỉnh tổ chức giao thông có ảnh hưởng đến người dân đều được lấy ý kiến \
công khai tại chuyên mục Lấy ý kiến góp ý của Cổng Thông tin điện tử tỉnh trước khi ban hành.

# Khuyến cáo

Người dân cần tiếp nhận thông tin từ các nguồn chính thức như Cổng Thông tin điện tử tỉnh, \
trang thông tin điện tử của các sở, ngành và các cơ quan báo chí; không chia sẻ, bình luận, lan \
truyền thông tin chưa được kiểm chứng.

Tổ chức, cá nhân đăng tải, chia sẻ thông tin sai sự thật sẽ bị xử lý theo quy định của pháp \
luật. Khi phát hiện thông tin sai lệch về tỉnh, người dân có thể phản ánh qua ứng dụng “Hòa Bình \
An Số” hoặc Tổng đài 1022.
"""

_DENGUE_REPOST = """\
# Tình hình dịch bệnh

Theo Trung tâm Kiểm soát bệnh tật tỉnh, tính đến ngày 15/11/2026, toàn tỉnh ghi nhận 1.236 ca \
mắc sốt xuất huyết, tăng 14% so với cùng kỳ năm 2025, chưa ghi nhận trường hợp tử vong. Số ca \
mắc tập trung ở các phường đông dân cư và khu nhà trọ công nhân gần các khu công nghiệp. Thời \
tiết cuối mùa mưa, nắng mưa xen kẽ tạo điều kiện thuận lợi cho muỗi vằn sinh sản, nên nguy cơ \
dịch bùng phát vẫn còn cao.

# Khuyến cáo của ngành y tế

Để chủ động phòng bệnh, Sở Y tế khuyến cáo người dân:

- hằng tuần đậy kín, cọ rửa dụng cụ chứa nước; thả cá diệt lăng quăng, bọ gậy vào bể chứa nước \
lớn;
- thu gom, hủy bỏ vật dụng phế thải có thể đọng nước như chai lọ, lốp xe cũ, gáo dừa;
- ngủ màn kể cả ban ngày, mặc quần áo dài tay, dùng bình xịt hoặc hương xua muỗi;
- phối hợp với ngành y tế khi phun hóa chất diệt muỗi tại khu dân cư.

# Khi có dấu hiệu bệnh

Khi có biểu hiện sốt cao đột ngột, đau đầu, đau nhức cơ, xuất huyết dưới da, người bệnh cần đến \
cơ sở y tế gần nhất để được khám và theo dõi; không tự ý điều trị tại nhà, không dùng aspirin để \
hạ sốt. Trẻ em, phụ nữ mang thai, người cao tuổi và người có bệnh nền cần được theo dõi sát trong \
những ngày sau khi hết sốt, vì đây là giai đoạn dễ xảy ra biến chứng.

Các trạm y tế xã, phường đã được bổ sung thuốc, vật tư và phân công cán bộ trực để tiếp nhận, \
tư vấn cho người dân.
"""

_TRAINING_DRAFT = """\
Trong hai ngày 19 và 20/11/2026, Ban Biên tập Cổng Thông tin điện tử tỉnh tổ chức lớp tập huấn \
kỹ năng biên tập, cập nhật thông tin cho 172 cán bộ phụ trách trang thông tin điện tử của 86 xã, \
phường trên địa bàn tỉnh.

# Nội dung tập huấn

- Quy trình ba bước cập nhật tin, biên tập tin và duyệt tin trước khi đăng;
- Ghi rõ nguồn tin và tác giả khi đăng lại tin, bài của cơ quan khác;
- Trình bày văn bản quy phạm pháp luật với đầy đủ số ký hiệu, ngày ban hành, ngày hiệu lực, \
trích yếu và tệp văn bản để tải về;
- Bảo mật tài khoản: không lưu tên đăng nhập, mật khẩu trên trình duyệt, sử dụng mật khẩu mạnh \
và thay đổi định kỳ.

# Thời hạn cập nhật thông tin

| Loại thông tin | Thời hạn |
|---|---|
| Văn bản quy phạm pháp luật (cơ quan ban hành) | 02 ngày làm việc kể từ ngày ban hành |
| Phổ biến, hướng dẫn pháp luật, chính sách | 15 ngày làm việc kể từ ngày ban hành |
| Kế hoạch, dự án, đấu thầu | 10 ngày làm việc kể từ ngày phê duyệt |
| Chương trình, đề tài khoa học | 20 ngày làm việc kể từ ngày phê duyệt |

# Kết quả

Cuối khóa, học viên thực hành trên hệ thống: mỗi người soạn một tin, gửi biên tập và theo dõi \
đến khi tin được duyệt. Có 165/172 học viên (đạt 95,9%) hoàn thành bài thực hành đạt yêu cầu.

Phát biểu bế mạc, đại diện Ban Biên tập đề nghị các xã, phường bố trí cán bộ ổn định, cập nhật \
thông tin đúng thời hạn và chủ động phối hợp khi phát hiện thông tin sai lệch trên địa bàn.
"""

_STATISTICS_OCT = """\
Thống kê tỉnh Hòa Bình An công bố số liệu thống kê tình hình kinh tế - xã hội tháng 10 và 10 \
tháng năm 2026, theo Quyết định công bố của Trưởng Thống kê tỉnh ngày 10/11/2026. Số liệu dưới \
đây là số liệu chính thức; số liệu tháng 11 sẽ được công bố theo lịch phổ biến thông tin thống kê.

# Một số chỉ tiêu chủ yếu

| Chỉ tiêu | 10 tháng năm 2026 | So với cùng kỳ |
|---|---|---|
| Chỉ số sản xuất công nghiệp (IIP) | — | tăng 8,7% |
| Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ | 41.326 tỷ đồng | tăng 11,2% |
| Thu ngân sách nhà nước trên địa bàn | 9.874 tỷ đồng | đạt 86,5% dự toán |
| Doanh nghiệp thành lập mới | 1.128 doanh nghiệp | tăng 6,4% |

# Nhận định chung

- Sản xuất công nghiệp tiếp tục tăng trưởng khá, nhất là ngành chế biến nông sản và may mặc;
- Hoạt động thương mại, dịch vụ sôi động dịp Lễ hội Văn hóa - Du lịch tỉnh;
- Chỉ số giá tiêu dùng bình quân 10 tháng tăng 3,1%, trong tầm kiểm soát;
- Tình hình lao động, việc làm ổn định; an sinh xã hội được bảo đảm.

Tệp số liệu đầy đủ (biểu mẫu theo hệ thống chỉ tiêu thống kê cấp tỉnh) được đăng kèm theo. Tổ \
chức, cá nhân sử dụng số liệu đề nghị ghi rõ nguồn: Thống kê tỉnh Hòa Bình An.
"""

_LEADERS_WEEK = """\
Văn phòng UBND tỉnh thông báo lịch làm việc của Chủ tịch, các Phó Chủ tịch UBND tỉnh trong tuần \
từ ngày 23/11 đến ngày 27/11/2026. Lịch có thể thay đổi; thay đổi được cập nhật ngay trên Cổng \
Thông tin điện tử tỉnh.

# Chủ tịch UBND tỉnh Hoàng Minh Tuấn

- Thứ Hai (23/11): 8 giờ, dự phiên họp thường kỳ UBND tỉnh tháng 11; 14 giờ, làm việc với Sở Tài \
chính về dự toán ngân sách năm 2027.
- Thứ Ba (24/11): nghỉ lễ Ngày Văn hóa Việt Nam.
- Thứ Tư (25/11): 8 giờ, tiếp công dân định kỳ tại Trụ sở Tiếp công dân tỉnh; 14 giờ, kiểm tra \
tiến độ dự án nâng cấp Đường tỉnh 816.
- Thứ Năm (26/11): cả ngày, dự kỳ họp thứ 12 Hội đồng nhân dân tỉnh.
- Thứ Sáu (27/11): 8 giờ, làm việc với UBND xã Tân Lập; 14 giờ, giải quyết công việc tại cơ quan.

# Các Phó Chủ tịch UBND tỉnh

- Phó Chủ tịch Trịnh Quốc Vinh: thứ Hai dự phiên họp UBND tỉnh; thứ Tư chủ trì hội nghị triển \
khai Kế hoạch chuyển đổi số năm 2027; thứ Năm dự kỳ họp Hội đồng nhân dân tỉnh.
- Phó Chủ tịch Nguyễn Thị Lan Hương: thứ Hai dự phiên họp UBND tỉnh; thứ Tư kiểm tra công tác \
phòng, chống sốt xuất huyết tại phường Bình An; thứ Năm dự kỳ họp Hội đồng nhân dân tỉnh; thứ \
Sáu tiếp đoàn công tác của Bộ Y tế.
"""

_HEALTH_SITE = """\
Trang thông tin điện tử Sở Y tế tỉnh Hòa Bình An là trang thành viên của Cổng Thông tin điện tử \
tỉnh, do Ban Biên tập của Sở quản lý và cập nhật. Trang cung cấp thông tin về tổ chức, hoạt \
động của ngành y tế và hướng dẫn người dân tiếp cận dịch vụ khám, chữa bệnh trên địa bàn.

# Nội dung chính của trang

- Giới thiệu cơ cấu tổ chức, chức năng, nhiệm vụ của Sở và các đơn vị trực thuộc: Trung tâm \
Kiểm soát bệnh tật tỉnh, Bệnh viện Đa khoa tỉnh và các trung tâm y tế khu vực;
- Tin tức, sự kiện và văn bản chỉ đạo, điều hành của ngành;
- Thông tin phòng, chống dịch bệnh, khuyến cáo sức khỏe theo mùa;
- Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Sở, liên kết đến Cổng Dịch vụ \
công của tỉnh;
- Danh bạ thư điện tử công vụ của lãnh đạo Sở và các phòng chuyên môn.

# Liên hệ

Mọi ý kiến về nội dung của trang, đề nghị gửi về Văn phòng Sở Y tế theo địa chỉ thư điện tử \
vanthu.syt@hoabinhan.gov.vn hoặc số điện thoại 0200 3 852 300 trong giờ hành chính. Danh sách \
đầy đủ trang thông tin điện tử của các sở, ngành và xã, phường được cập nhật tại chuyên mục này.
"""

_BUILDING_PERMIT = """\
Tổ chức, cá nhân đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ trên địa bàn tỉnh có thể nộp hồ \
sơ, theo dõi quá trình xử lý và nhận kết quả hoàn toàn trực tuyến (mức độ 4) trên Cổng Dịch vụ \
công của tỉnh, không phải đến bộ phận một cửa.

# Thành phần hồ sơ

- Đơn đề nghị cấp giấy phép xây dựng theo mẫu (điền trực tuyến);
- Bản sao giấy tờ chứng minh quyền sử dụng đất (tệp điện tử hoặc kết nối từ cơ sở dữ liệu đất \
đai);
- Hai bộ bản vẽ thiết kế xây dựng (tệp PDF có chữ ký số hoặc bản chụp);
- Cam kết bảo đảm an toàn đối với công trình liền kề, nếu có.

# Thời hạn và lệ phí

| Nội dung | Quy định |
|---|---|
| Thời hạn giải quyết | 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ |
| Lệ phí | 75.000 đồng, nộp trực tuyến |
| Cách nhận kết quả | Bản điện tử trên Cổng Dịch vụ công hoặc qua dịch vụ bưu chính công ích |

Dịch vụ do Sở Xây dựng cung cấp, được tích hợp lên Cổng Dịch vụ công của tỉnh. Người dân cần hỗ \
trợ có thể gọi Tổng đài 1022 hoặc xem hướng dẫn sử dụng từng bước trên Cổng.
"""

ITEMS: list[dict[str, Any]] = [
    {  # 0: published news, the original of item 1
        "author": "thanhvien1",
        "content": {
            "category": "tin-tuc",
            "title": "Hội nghị đánh giá kết quả chuyển đổi số năm 2026, triển khai nhiệm vụ năm"
            " 2027",
            "summary": "Sáng 17/11, UBND tỉnh tổ chức hội nghị đánh giá kết quả chuyển đổi số năm"
            " 2026. Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt 68,4%,"
            " vượt chỉ tiêu đề ra.",
            "body": _DX_CONFERENCE_VI,
            "language": "vi",
            "origin": "original",
            "author": "Thu Hà",
            "unit": "Sở Khoa học và Công nghệ",
            "metadata": {},
            "trigger_date": None,
        },
        "path": [("submit", "thanhvien1", None), *_PUBLISH],
        "comments": [
            (
                "phoban",
                "Đề nghị bổ sung bảng số liệu so với kế hoạch năm 2026 và nêu rõ số điểm"
                " cầu trực tuyến.",
            ),
            ("thanhvien1", "Đã bổ sung bảng số liệu theo báo cáo của Sở Khoa học và Công nghệ."),
        ],
    },
    {  # 1: published English translation of item 0 (AG-9)
        "author": "thanhvien2",
        "translation_of_index": 0,
        "content": {
            "category": "tin-tuc",
            "title": "Hoa Binh An reviews its digital transformation in 2026 and sets the tasks"
            " for 2027",
            "summary": "On 17 November, the Provincial People's Committee reviewed the year's"
            " digital transformation. The share of applications handled fully online reached"
            " 68.4%, above the target.",
            "body": _DX_CONFERENCE_EN,
            "language": "en",
            "origin": "original",
            "author": "Thu Hà; translated by Minh Khoa",
            "unit": "Sở Khoa học và Công nghệ",
            "metadata": {},
            "trigger_date": None,
        },
        "path": [("submit", "thanhvien2", None), *_PUBLISH],
        "comments": [],
    },
    {  # 2: waiting for step 2; thanhvien2 may forward it through the news grant
        "author": "thanhvien1",
        "content": {
            "category": "tin-tuc",
            "title": "Ra quân đợt cao điểm bảo đảm trật tự, an toàn giao thông dịp cuối năm 2026"
            " và Tết Nguyên đán Đinh Mùi 2027",
            "summary": "Sáng 19/11, Ban An toàn giao thông tỉnh phối hợp với Công an tỉnh tổ chức"
            " lễ ra quân đợt cao điểm bảo đảm trật tự, an toàn giao thông, kéo dài đến hết ngày"
            " 28/02/2027.",
            "body": _ROAD_SAFETY,
            "language": "vi",
            "origin": "original",
            "author": "Thu Hà",
            "unit": "Ban An toàn giao thông tỉnh",
            "metadata": {},
            "trigger_date": None,
        },
        "path": [("submit", "thanhvien1", None)],
        "comments": [],
    },
    {  # 3: published legal document (BD-11.6)
        "author": "thanhvien2",
        "content": {
            "category": "van-ban-phap-luat",
            "title": "Quyết định số 12/2026/QĐ-UBND ban hành Quy chế tiếp nhận, xử lý, trả lời"
            " phản ánh, kiến nghị của người dân, doanh nghiệp trên địa bàn tỉnh",
            "summary": "Ngày 30/10/2026, UBND tỉnh ban hành Quyết định số 12/2026/QĐ-UBND. Quyết"
            " định có hiệu lực từ ngày 10/11/2026, thay thế Quyết định số 18/2020/QĐ-UBND.",
            "body": _DECISION_12,
            "language": "vi",
            "origin": "original",
            "author": "",
            "unit": "Văn phòng UBND tỉnh",
            "metadata": {
                "document_type": "Quyết định",
                "number": "12/2026/QĐ-UBND",
                "issuer": "Ủy ban nhân dân tỉnh Hòa Bình An",
                "signer": "Phó Chủ tịch UBND tỉnh Trịnh Quốc Vinh",
                "issue_date": "2026-10-30",
                "effective_date": "2026-11-10",
                "abstract": "Ban hành Quy chế tiếp nhận, xử lý, trả lời phản ánh, kiến nghị của"
                " người dân, doanh nghiệp trên địa bàn tỉnh Hòa Bình An",
                "field": "Hành chính",
                "replaces": "Quyết định số 18/2020/QĐ-UBND ngày 15/6/2020 của UBND tỉnh",
                "file": LEGAL_FILE_SHA,
            },
            "attachments": [LEGAL_FILE_SHA],
            "trigger_date": "2026-10-30",
        },
        "path": [("submit", "thanhvien2", None), *_PUBLISH],
        "comments": [
            ("phoban", "Đã đối chiếu số ký hiệu, ngày ban hành và ngày hiệu lực với bản gốc."),
        ],
    },
    {  # 4: taken down: the guide follows a regulation that has been replaced (AG-25)
        "author": "thanhvien1",
        "content": {
            "category": "pho-bien-phap-luat",
            "title": "Hướng dẫn gửi phản ánh, kiến nghị về thủ tục hành chính qua Tổng đài 1022",
            "summary": "Người dân, doanh nghiệp có thể gửi phản ánh, kiến nghị qua Tổng đài 1022,"
            " thư điện tử hoặc trực tiếp tại bộ phận một cửa theo Quy chế ban hành kèm theo Quyết"
            " định số 18/2020/QĐ-UBND.",
            "body": _GUIDE_1022_OLD,
            "language": "vi",
            "origin": "original",
            "author": "Thu Hà",
            "unit": "Sở Tư pháp",
            "metadata": {
                "related_document": "Quyết định số 18/2020/QĐ-UBND ngày 15/6/2020 của UBND tỉnh",
            },
            # Its regulation dates from 2020, before the demo's history: no deadline to count.
            "trigger_date": None,
        },
        "path": [
            ("submit", "thanhvien1", None),
            *_PUBLISH,
            (
                "take_down",
                "truongban",
                "Gỡ bỏ vì Quy chế ban hành kèm theo Quyết định số 18/2020/QĐ-UBND đã được thay thế"
                " bởi Quyết định số 12/2026/QĐ-UBND ngày 30/10/2026 của UBND tỉnh (có hiệu lực từ"
                " ngày 10/11/2026). Hướng dẫn theo Quy chế mới sẽ được đăng thay thế.",
            ),
        ],
        "comments": [],
    },
    {  # 5: waiting for step 3 (the head's queue)
        "author": "thanhvien1",
        "content": {
            "category": "pho-bien-phap-luat",
            "title": "Những điểm mới của Quy chế tiếp nhận, xử lý, trả lời phản ánh, kiến nghị"
            " của người dân, doanh nghiệp",
            "summary": "Quy chế ban hành kèm theo Quyết định số 12/2026/QĐ-UBND rút ngắn một nửa"
            " thời hạn trả lời, bổ sung kênh tiếp nhận qua ứng dụng “Hòa Bình An Số” và công khai"
            " kết quả xử lý.",
            "body": _WHATS_NEW_1022,
            "language": "vi",
            "origin": "original",
            "author": "Thu Hà",
            "unit": "Sở Tư pháp",
            "metadata": {
                "related_document": "Quyết định số 12/2026/QĐ-UBND ngày 30/10/2026 của UBND tỉnh",
            },
            "trigger_date": "2026-10-30",
        },
        "path": [("submit", "thanhvien1", None), ("forward", "phoban", None)],
        "comments": [
            (
                "phoban",
                "Đã biên tập lại bảng so sánh theo đúng Quy chế mới; kính trình Trưởng Ban duyệt.",
            ),
        ],
    },
    {  # 6: rejected at step 3: a plan must be approved before it is published
        "author": "thanhvien2",
        "content": {
            "category": "chien-luoc-quy-hoach",
            "title": "Kế hoạch chuyển đổi số tỉnh Hòa Bình An năm 2027",
            "summary": "Năm 2027, tỉnh phấn đấu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến"
            " toàn trình và 100% xã, phường có điểm hỗ trợ người dân sử dụng dịch vụ số.",
            "body": _DX_PLAN_2027,
            "language": "vi",
            "origin": "original",
            "author": "Minh Khoa",
            "unit": "Sở Khoa học và Công nghệ",
            "metadata": {
                "plan_type": "socio_economic",
                "issuer": "Ủy ban nhân dân tỉnh Hòa Bình An",
                "field": "Chuyển đổi số",
                "period": "Năm 2027",
                "document_status": "Dự thảo, Sở Khoa học và Công nghệ trình UBND tỉnh ngày"
                " 16/11/2026",
                "approval_date": "2026-11-16",
            },
            "trigger_date": None,
        },
        "path": [
            ("submit", "thanhvien2", None),
            ("forward", "phoban", None),
            (
                "reject",
                "truongban",
                "Kế hoạch mới là dự thảo đang trình UBND tỉnh, chưa được phê duyệt nên không đăng."
                " Khi UBND tỉnh ban hành, đề nghị lập tin mới, ghi rõ số, ngày ban hành Kế hoạch.",
            ),
        ],
        "comments": [],
    },
    {  # 7: returned from step 3 to step 2 (the deputy's queue)
        "author": "thanhvien2",
        "content": {
            "category": "du-an-dau-tu",
            "title": "Thông tin dự án nâng cấp, mở rộng Đường tỉnh 816 đoạn từ xã Tân Lập đến"
            " phường Bình An",
            "summary": "Dự án có tổng mức đầu tư 186,5 tỷ đồng từ ngân sách tỉnh, thực hiện trong"
            " giai đoạn 2027–2029, nâng cấp 12,8 km đường đạt tiêu chuẩn đường cấp III đồng bằng.",
            "body": _ROAD_816,
            "language": "vi",
            "origin": "original",
            "author": "Minh Khoa",
            "unit": "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
            "metadata": {
                "project_name": "Nâng cấp, mở rộng Đường tỉnh 816 đoạn từ xã Tân Lập đến phường"
                " Bình An",
                "investor": "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
                "location": "Xã Tân Lập và phường Bình An, tỉnh Hòa Bình An",
                "objective": "Hoàn thiện trục giao thông kết nối các xã phía tây với trung tâm"
                " tỉnh, bảo đảm an toàn giao thông",
                "field": "Giao thông",
                "project_type": "group_b",
                "duration": "2027–2029",
                "budget": 186_500_000_000,
                "funding_type": "state_budget",
                "donor": "Không",
                "status": "preparing",
                "approval_decision": "Quyết định số 2145/QĐ-UBND ngày 12/11/2026 của UBND tỉnh",
                "approval_date": "2026-11-12",
            },
            "trigger_date": "2026-11-12",
        },
        "path": [
            ("submit", "thanhvien2", None),
            ("forward", "phoban", None),
            (
                "return",
                "truongban",
                "Đề nghị bổ sung phương án bồi thường, hỗ trợ, tái định cư theo yêu cầu công khai"
                " thông tin dự án; kiểm tra lại tổng mức đầu tư cho khớp với Quyết định số"
                " 2145/QĐ-UBND.",
            ),
        ],
        "comments": [],
    },
    {  # 8: published consultation (BD-11.9)
        "author": "thanhvien1",
        "content": {
            "category": "lay-y-kien",
            "title": "Lấy ý kiến góp ý dự thảo Nghị quyết quy định chính sách hỗ trợ chuyển đổi"
            " số cho hợp tác xã, hộ kinh doanh giai đoạn 2027–2030",
            "summary": "Sở Khoa học và Công nghệ đề nghị tổ chức, cá nhân góp ý dự thảo Nghị quyết"
            " trước ngày 18/12/2026 theo địa chỉ và hộp thư điện tử nêu trong thông báo.",
            "body": _CONSULTATION_DX_COOP,
            "language": "vi",
            "origin": "original",
            "author": "Thu Hà",
            "unit": "Sở Khoa học và Công nghệ",
            "metadata": {
                "draft_title": "Dự thảo Nghị quyết của Hội đồng nhân dân tỉnh quy định chính sách"
                " hỗ trợ chuyển đổi số cho hợp tác xã, hộ kinh doanh trên địa bàn tỉnh Hòa Bình An"
                " giai đoạn 2027–2030",
                "drafting_unit": "Sở Khoa học và Công nghệ",
                "comment_deadline": "2026-12-18",
                "receiving_unit": "Phòng Chuyển đổi số, Sở Khoa học và Công nghệ tỉnh Hòa Bình An",
                "address": "Số 25 đường Trần Hưng Đạo, phường Bình An, tỉnh Hòa Bình An",
                "email": "gopy.skhcn@hoabinhan.gov.vn",
                "phone": "0200 3 852 416",
            },
            "trigger_date": None,
        },
        "path": [("submit", "thanhvien1", None), *_PUBLISH],
        "comments": [],
    },
    {  # 9: published contact entry (BD-11.10)
        "author": "thanhvien2",
        "content": {
            "category": "danh-ba",
            "title": "Thông tin liên hệ người phát ngôn và đầu mối cung cấp thông tin của UBND"
            " tỉnh",
            "summary": "Người phát ngôn của UBND tỉnh là Chánh Văn phòng UBND tỉnh. Tổ chức, cá"
            " nhân và cơ quan báo chí liên hệ theo thông tin dưới đây.",
            "body": _SPOKESPERSON,
            "language": "vi",
            "origin": "original",
            "author": "",
            "unit": "Văn phòng UBND tỉnh",
            "metadata": {
                "full_name": "Võ Đình Nam",
                "position": "Chánh Văn phòng UBND tỉnh, Người phát ngôn của UBND tỉnh",
                "unit": "Văn phòng UBND tỉnh Hòa Bình An",
                "phone": "0200 3 822 101",
                "fax": "0200 3 822 199",
                "email": "vdnam@hoabinhan.gov.vn",
            },
            "trigger_date": None,
        },
        "path": [("submit", "thanhvien2", None), *_PUBLISH],
        "comments": [],
    },
    {  # 10: returned to its author (a draft again, with the deputy's comment); can be resubmitted
        "author": "thanhvien1",
        "content": {
            "category": "khoa-hoc-cong-nghe",
            "title": "Đề tài cấp tỉnh “Nghiên cứu xây dựng mô hình canh tác lúa giảm phát thải khí"
            " nhà kính tại tỉnh Hòa Bình An”",
            "summary": "Đề tài thuộc danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng thực"
            " hiện từ năm 2027, do Trung tâm Khuyến nông tỉnh chủ trì, thời gian thực hiện 30"
            " tháng.",
            "body": _SCIENCE_RICE,
            "language": "vi",
            "origin": "original",
            "author": "Thu Hà",
            "unit": "Sở Khoa học và Công nghệ",
            "metadata": {
                "code": "ĐTKHCN.2027.03",
                "program_name": "Nghiên cứu xây dựng mô hình canh tác lúa giảm phát thải khí nhà"
                " kính tại tỉnh Hòa Bình An",
                "management_level": "province",
                "field": "Nông nghiệp",
                "lead_unit": "Trung tâm Khuyến nông tỉnh Hòa Bình An",
                "duration": "30 tháng (01/2027 – 6/2029)",
                "approval_decision": "Quyết định số 1987/QĐ-UBND ngày 06/11/2026 của UBND tỉnh",
                "approval_date": "2026-11-06",
            },
            "trigger_date": "2026-11-06",
        },
        "path": [
            ("submit", "thanhvien1", None),
            (
                "return",
                "phoban",
                "Đề nghị bổ sung kinh phí thực hiện từ ngân sách nhà nước và họ tên chủ nhiệm đề"
                " tài theo Quyết định số 1987/QĐ-UBND; đính kèm tệp Quyết định để người đọc tải"
                " về.",
            ),
        ],
        "comments": [],
    },
    {  # 11: published clarification of false information (AG-13)
        "author": "thanhvien2",
        "content": {
            "category": "giai-thich-lam-ro",
            "title": "Thông tin “cấm xe máy vào khu vực trung tâm tỉnh từ ngày 01/01/2027” là sai"
            " sự thật",
            "summary": "Sở Xây dựng khẳng định UBND tỉnh không ban hành văn bản nào về việc cấm"
            " hoặc hạn chế xe máy; thông tin lan truyền trên mạng xã hội là sai sự thật.",
            "body": _CLARIFY_MOTORBIKES,
            "language": "vi",
            "origin": "original",
            "author": "Minh Khoa",
            "unit": "Sở Xây dựng",
            "metadata": {
                "misinformation": "Từ ngày 01/01/2027, tỉnh cấm xe máy đi vào khu vực trung tâm"
                " phường Bình An",
                "appeared_in": "Một số trang, nhóm mạng xã hội",
                "appeared_on": "2026-11-14",
                "clarifying_agency": "Sở Xây dựng tỉnh Hòa Bình An",
            },
            "trigger_date": None,
        },
        "path": [("submit", "thanhvien2", None), *_PUBLISH],
        "comments": [
            (
                "truongban",
                "Tin cần đăng ngay trong ngày; đề nghị chia sẻ lên trang mạng xã hội"
                " chính thức của tỉnh.",
            ),
        ],
    },
    {  # 12: published repost, edited and approved through the two grants
        "author": "thanhvien1",
        "content": {
            "category": "tin-tuc",
            "title": "Chủ động phòng, chống sốt xuất huyết trong thời điểm cuối mùa mưa",
            "summary": "Từ đầu năm đến nay, toàn tỉnh ghi nhận 1.236 ca mắc sốt xuất huyết, tăng"
            " 14% so với cùng kỳ. Ngành y tế khuyến cáo người dân diệt lăng quăng, bọ gậy và đi"
            " khám sớm khi có dấu hiệu sốt.",
            "body": _DENGUE_REPOST,
            "language": "vi",
            "origin": "repost",
            "source": {
                "name": "Trang thông tin điện tử Sở Y tế tỉnh Hòa Bình An",
                "url": "https://soyte.hoabinhan.gov.vn/tin-tuc/chu-dong-phong-chong-sot-xuat-huyet"
                "-cuoi-mua-mua",
            },
            "author": "Ngọc Lan (Trung tâm Kiểm soát bệnh tật tỉnh)",
            "unit": "Sở Y tế",
            "metadata": {},
            "trigger_date": None,
        },
        "path": [
            ("submit", "thanhvien1", None),
            ("forward", "thanhvien2", None),
            ("approve", "phoban", None),
        ],
        "comments": [
            (
                "thanhvien2",
                "Đã đối chiếu số liệu với bài gốc trên Trang thông tin điện tử Sở Y tế;"
                " giữ nguyên tên tác giả.",
            ),
        ],
    },
    {  # 13: a draft ready to submit, for a newcomer to take through all three steps
        "author": "thanhvien1",
        "content": {
            "category": "tin-tuc",
            "title": "Tập huấn kỹ năng biên tập, cập nhật thông tin cho cán bộ phụ trách trang"
            " thông tin điện tử cấp xã",
            "summary": "Trong hai ngày 19 và 20/11, Ban Biên tập Cổng Thông tin điện tử tỉnh tập"
            " huấn cho 172 cán bộ phụ trách trang thông tin điện tử của 86 xã, phường.",
            "body": _TRAINING_DRAFT,
            "language": "vi",
            "origin": "original",
            "author": "Thu Hà",
            "unit": "Ban Biên tập Cổng Thông tin điện tử tỉnh",
            "metadata": {},
            "trigger_date": None,
        },
        "path": [],
        "comments": [],
    },
    {  # 14: published statistics (BD-13.6: within 10 working days of the decision to publish)
        "author": "thanhvien2",
        "content": {
            "category": "thong-ke",
            "title": "Tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2026",
            "summary": "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ 10 tháng đạt 41.326 tỷ đồng,"
            " tăng 11,2% so với cùng kỳ; thu ngân sách đạt 86,5% dự toán năm.",
            "body": _STATISTICS_OCT,
            "language": "vi",
            "origin": "original",
            "author": "Minh Khoa",
            "unit": "Thống kê tỉnh Hòa Bình An",
            "metadata": {
                "period": "Tháng 10 và 10 tháng năm 2026",
                "decision_date": "2026-11-10",
                "publishing_unit": "Thống kê tỉnh Hòa Bình An",
                "field": "Kinh tế - xã hội",
            },
            "trigger_date": "2026-11-10",
        },
        "path": [("submit", "thanhvien2", None), *_PUBLISH],
        "comments": [],
    },
    {  # 15: published leaders' work calendar (BD-11.3)
        "author": "thanhvien1",
        "content": {
            "category": "lich-lam-viec",
            "title": "Lịch làm việc của lãnh đạo UBND tỉnh tuần từ ngày 23/11 đến ngày 27/11/2026",
            "summary": "Trong tuần, Chủ tịch UBND tỉnh tiếp công dân định kỳ vào sáng thứ Tư và dự"
            " kỳ họp thứ 12 Hội đồng nhân dân tỉnh vào thứ Năm.",
            "body": _LEADERS_WEEK,
            "language": "vi",
            "origin": "original",
            "author": "",
            "unit": "Văn phòng UBND tỉnh",
            "metadata": {
                "leader": "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
                "week_start": "2026-11-23",
                "week_end": "2026-11-27",
            },
            "trigger_date": None,
        },
        "path": [("submit", "thanhvien1", None), *_PUBLISH],
        "comments": [],
    },
    {  # 16: published link to a subordinate unit's site (BD-14.1.b)
        "author": "thanhvien2",
        "content": {
            "category": "lien-ket-don-vi",
            "title": "Trang thông tin điện tử Sở Y tế tỉnh Hòa Bình An",
            "summary": "Trang thành viên của Cổng Thông tin điện tử tỉnh, cung cấp thông tin về"
            " tổ chức, hoạt động của ngành y tế và hướng dẫn khám, chữa bệnh.",
            "body": _HEALTH_SITE,
            "language": "vi",
            "origin": "original",
            "author": "",
            "unit": "Sở Y tế",
            "metadata": {
                "unit_name": "Sở Y tế tỉnh Hòa Bình An",
                "site_url": "https://soyte.hoabinhan.gov.vn",
                "email": "vanthu.syt@hoabinhan.gov.vn",
                "phone": "0200 3 852 300",
            },
            "trigger_date": None,
        },
        "path": [("submit", "thanhvien2", None), *_PUBLISH],
        "comments": [],
    },
    {  # 17: published online public service with its level (BD-15–17, AG-14, annex III)
        "author": "thanhvien1",
        "content": {
            "category": "dich-vu-cong",
            "title": "Cấp giấy phép xây dựng nhà ở riêng lẻ (dịch vụ công trực tuyến mức độ 4)",
            "summary": "Hồ sơ được nộp, theo dõi và nhận kết quả hoàn toàn trực tuyến trên Cổng"
            " Dịch vụ công của tỉnh; thời hạn giải quyết 15 ngày.",
            "body": _BUILDING_PERMIT,
            "language": "vi",
            "origin": "original",
            "author": "",
            "unit": "Sở Xây dựng",
            "metadata": {
                "service_name": "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                "field": "Xây dựng",
                "level": "4",
                "service_url": "https://dichvucong.hoabinhan.gov.vn/thu-tuc/cap-giay-phep-xay-dung",
                "in_use_since": "2026-03-02",
                "provider": "Sở Xây dựng tỉnh Hòa Bình An",
                "provided_by": "integrated",
                "guide_url": "https://dichvucong.hoabinhan.gov.vn/huong-dan",
            },
            "trigger_date": None,
        },
        "path": [("submit", "thanhvien1", None), *_PUBLISH],
        "comments": [],
    },
]
