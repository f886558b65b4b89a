"""Deterministic Vietnamese news text in Markdown (~4 KB an item) for the benchmarks' data."""

from __future__ import annotations

import random

_SUBJECTS = [
    "Ủy ban nhân dân tỉnh",
    "Sở Tài nguyên và Môi trường",
    "Sở Giáo dục và Đào tạo",
    "Ban Quản lý dự án",
    "Hội đồng nhân dân huyện",
    "Sở Kế hoạch và Đầu tư",
    "Công an tỉnh",
    "Sở Y tế",
    "Trung tâm Phục vụ hành chính công",
    "Đoàn công tác của Bộ Nội vụ",
    "Ủy ban Mặt trận Tổ quốc",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Thanh tra tỉnh",
]
_VERBS = [
    "tổ chức hội nghị triển khai",
    "ban hành kế hoạch thực hiện",
    "kiểm tra tiến độ",
    "đánh giá kết quả",
    "hướng dẫn thủ tục",
    "tăng cường công tác",
    "phê duyệt đề án",
    "chỉ đạo khẩn trương hoàn thành",
    "tuyên truyền, phổ biến",
    "rà soát, sửa đổi",
    "tiếp nhận ý kiến góp ý về",
    "công bố danh mục",
]
_OBJECTS = [
    "chuyển đổi số trong cơ quan nhà nước",
    "cải cách thủ tục hành chính",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "xây dựng nông thôn mới",
    "giải phóng mặt bằng",
    "an toàn giao thông dịp Tết Nguyên đán",
    "bảo vệ môi trường lưu vực sông",
    "dịch vụ công trực tuyến toàn trình",
    "đầu tư công trung hạn giai đoạn 2026–2030",
    "chương trình mục tiêu quốc gia giảm nghèo bền vững",
    "quy hoạch sử dụng đất cấp huyện",
    "tuyển sinh vào lớp 10 năm học mới",
    "tiêm chủng mở rộng cho trẻ em",
    "phát triển du lịch cộng đồng",
    "quản lý chất lượng nước sinh hoạt",
]
_TAILS = [
    "trên địa bàn tỉnh",
    "tại các xã vùng sâu, vùng xa",
    "trong quý III",
    "theo đúng quy định",
    "đến hết năm 2026",
    "với sự tham gia của đại diện các sở, ngành",
    "nhằm nâng cao hiệu quả",
    "bảo đảm công khai, minh bạch",
    "đáp ứng yêu cầu của người dân và doanh nghiệp",
    "góp phần phát triển kinh tế – xã hội của địa phương",
]
_FILLERS = [
    "Theo báo cáo, đến nay đã có {n} hồ sơ được giải quyết đúng hạn, đạt {p}% kế hoạch.",
    "Đồng chí Phó Chủ tịch đề nghị các đơn vị khẩn trương khắc phục những tồn tại, hạn chế.",
    "Hội nghị đã thống nhất {n} nhiệm vụ trọng tâm cần thực hiện trong thời gian tới.",
    "Căn cứ Quyết định số {n}/QĐ-UBND ngày {d}/{m}/2026 của Ủy ban nhân dân tỉnh.",
    "Tổng kinh phí thực hiện dự kiến khoảng {n} tỷ đồng từ nguồn ngân sách địa phương.",
    "Người dân có thể tra cứu thông tin tại Cổng thông tin điện tử hoặc gọi đường dây nóng.",
    "Các địa phương được yêu cầu báo cáo kết quả trước ngày {d} tháng {m}.",
    "Đoàn kiểm tra ghi nhận nhiều mô hình hay, cách làm sáng tạo ở cơ sở.",
    "Việc đấu thầu thực hiện qua Hệ thống mạng đấu thầu quốc gia theo Nghị định số {n}/2024/NĐ-CP.",
    "Ý kiến góp ý xin gửi về Văn phòng Sở trước ngày {d}/{m}/2026 để tổng hợp.",
]


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.45:
        return rng.choice(_FILLERS).format(
            n=rng.randint(2, 950),
            p=rng.randint(60, 100),
            d=rng.randint(1, 28),
            m=rng.randint(1, 12),
        )
    return (
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}."
    )


def title(rng: random.Random) -> str:
    text = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    return text[:1].upper() + text[1:]


def body(rng: random.Random, size: int = 3100) -> str:
    """Markdown of about ``size`` characters (3,100 ≈ 4 KB of UTF-8): paragraphs, headings,
    lists, quotes."""
    parts: list[str] = []
    length = 0
    while length < size:
        roll = rng.random()
        if roll < 0.1:
            block = "## " + title(rng)
        elif roll < 0.2:
            block = "\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(2, 4)))
        elif roll < 0.25:
            block = "> " + _sentence(rng)
        else:
            block = " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))
        parts.append(block)
        length += len(block) + 2
    return "\n\n".join(parts) + "\n"


def content(rng: random.Random, category: str, size: int = 3100) -> dict[str, object]:
    """The content fields of one item (what a writer sends)."""
    return {
        "category": category,
        "title": title(rng),
        "summary": _sentence(rng) + " " + _sentence(rng),
        "body": body(rng, size),
        "author": rng.choice(["Minh Anh", "Thu Hà", "Quốc Bảo", "Ngọc Lan", "Văn Hùng"]),
        "unit": rng.choice(["Văn phòng Sở", "Phòng Tổng hợp", "Trung tâm Truyền thông"]),
    }
