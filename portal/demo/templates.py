"""The demo's templates per section (issue 20): a press release for the news, a legal document
notice for legal documents, an invitation to comment for consultations."""

from __future__ import annotations

from typing import Any

TEMPLATES: dict[str, dict[str, Any]] = {
    "tin-tuc": {
        "title": "Thông cáo báo chí: [sự kiện]",
        "summary": "[Cơ quan] thông báo [nội dung chính] ngày [dd/mm/yyyy].",
        "body": (
            "**[Địa danh], ngày [dd] tháng [mm] năm [yyyy]** — [Cơ quan] tổ chức [sự kiện].\n\n"
            "## Nội dung chính\n\n"
            "- [Điểm thứ nhất]\n- [Điểm thứ hai]\n\n"
            "## Thông tin liên hệ\n\n"
            "[Họ tên], [chức vụ], điện thoại [số], thư điện tử [địa chỉ].\n"
        ),
    },
    "van-ban-phap-luat": {
        "title": "Quyết định số [số]/[năm]/QĐ-UBND về [trích yếu]",
        "summary": "Ngày [dd/mm/yyyy], UBND tỉnh ban hành Quyết định số [số] về [trích yếu].",
        "body": (
            "Ngày [dd/mm/yyyy], Ủy ban nhân dân tỉnh ban hành **Quyết định số [số]/[năm]/QĐ-UBND** "
            "về [trích yếu].\n\n"
            "Quyết định có hiệu lực từ ngày [dd/mm/yyyy].\n\n"
            "Toàn văn quyết định được đính kèm dưới đây.\n"
        ),
    },
    "lay-y-kien": {
        "title": "Lấy ý kiến góp ý dự thảo [tên văn bản]",
        "summary": "[Cơ quan soạn thảo] đề nghị cơ quan, tổ chức, cá nhân góp ý dự thảo [tên].",
        "body": (
            "Thực hiện quy định của Luật Ban hành văn bản quy phạm pháp luật, [cơ quan soạn thảo] "
            "đăng tải toàn văn dự thảo [tên văn bản] để lấy ý kiến góp ý.\n\n"
            "## Cách gửi ý kiến\n\n"
            "- Gửi trực tiếp trên Cổng thông tin điện tử (mục góp ý dưới đây);\n"
            "- Hoặc gửi văn bản về [địa chỉ], thư điện tử [địa chỉ].\n\n"
            "Thời hạn nhận ý kiến: đến hết ngày [dd/mm/yyyy].\n"
        ),
    },
}
