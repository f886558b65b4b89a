"""The demo's citizens (issue 18): questions in every state (one late), the published answer and
a draft answer of the Q&A section, and comments on the demo's consultation (item 8). Invented
people and addresses; seeded by :func:`seed_citizens` after the items."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.engine import Connection

from portal.board import consultation
from portal.board import questions as board_questions

#: Answers: items of the Q&A section, walked through their path like the demo's items.
ANSWERS: list[dict[str, Any]] = [
    {
        "author": "thanhvien1",
        "content": {
            "category": "hoi-dap",
            "title": "Trả lời: thủ tục cấp đổi giấy phép lái xe khi chuyển nơi cư trú",
            "summary": "Người dân cấp đổi giấy phép lái xe trực tuyến trên Cổng Dịch vụ công"
            " quốc gia, không phải về nơi đã cấp.",
            "body": "Theo quy định hiện hành, người có giấy phép lái xe do ngành công an cấp"
            " được đề nghị cấp đổi tại bất kỳ địa phương nào, không phụ thuộc nơi cư trú.\n\n"
            "Hồ sơ nộp trực tuyến trên **Cổng Dịch vụ công quốc gia** hoặc trực tiếp tại"
            " Trung tâm Phục vụ hành chính công tỉnh; thời hạn giải quyết không quá 5 ngày"
            " làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
            "language": "vi",
            "origin": "original",
            "author": "Thu Hà",
            "unit": "Văn phòng UBND tỉnh",
            "metadata": {},
            "trigger_date": None,
        },
        "path": [
            ("submit", "thanhvien1", None),
            ("forward", "phoban", None),
            ("approve", "truongban", None),
        ],
    },
    {
        "author": "thanhvien2",
        "content": {
            "category": "hoi-dap",
            "title": "Trả lời: hỗ trợ học phí cho học sinh trung học phổ thông",
            "summary": "Học sinh trung học phổ thông công lập được miễn học phí từ năm học"
            " 2025–2026.",
            "body": "Từ năm học 2025–2026, học sinh trung học phổ thông học tại trường công lập"
            " được miễn học phí theo Nghị quyết của Quốc hội.",
            "language": "vi",
            "origin": "original",
            "author": "Minh Khoa",
            "unit": "Văn phòng UBND tỉnh",
            "metadata": {},
            "trigger_date": None,
        },
        "path": [],
    },
]

#: Questions: ``days_ago`` is when each came in; ``answer`` an index of :data:`ANSWERS`.
QUESTIONS: list[dict[str, Any]] = [
    {
        "name": "Lường Văn Tâm",
        "email": "luongvantam@example.vn",
        "phone": "0912 000 111",
        "title": "Thủ tục cấp đổi giấy phép lái xe khi chuyển nơi cư trú",
        "body": "Tôi chuyển từ tỉnh khác về Hòa Bình An sinh sống. Xin hỏi tôi có thể cấp đổi"
        " giấy phép lái xe ở tỉnh không, hay phải về nơi đã cấp?",
        "days_ago": 12,
        "answer": 0,
    },
    {
        "name": "Hoàng Thị Mai",
        "email": "hoangmai@example.vn",
        "title": "Hỗ trợ học phí cho học sinh trung học phổ thông",
        "body": "Con tôi học lớp 10 trường công lập. Xin hỏi năm học này có được miễn học phí"
        " không và cần giấy tờ gì?",
        "days_ago": 6,
        "answer": 1,
        "assigned_to": "thanhvien2",
    },
    {
        "name": "Đinh Công Lực",
        "email": "dinhcongluc@example.vn",
        "title": "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
        "body": "Gia đình tôi sử dụng đất ổn định từ năm 1995, chưa có giấy chứng nhận."
        "\nXin hỏi hồ sơ đề nghị cấp lần đầu gồm những gì?",
        "days_ago": 3,
    },
    {
        "name": "Bùi Văn Sơn",
        "email": "buivanson@example.vn",
        "title": "Chậm chi trả tiền bồi thường giải phóng mặt bằng",
        "body": "Dự án mở rộng đường tỉnh 435 thu hồi đất của gia đình tôi từ tháng 6 nhưng"
        " đến nay chưa nhận tiền bồi thường.",
        "days_ago": 45,  # late whatever the holidays between (Tết: 9 days off)
        "assigned_to": "thanhvien1",
    },
    {
        "name": "Nguyễn Thị Hằng",
        "email": "nguyenhang@example.vn",
        "title": "Lịch tiêm chủng mở rộng tại trạm y tế xã",
        "body": "Xin hỏi lịch tiêm chủng mở rộng tháng này tại Trạm Y tế xã Tân Lạc?",
        "days_ago": 9,
        "redirect": (
            "Trung tâm Kiểm soát bệnh tật tỉnh",
            "Lịch tiêm chủng do Trung tâm Kiểm soát bệnh tật tỉnh công bố; câu hỏi đã được"
            " chuyển đến Trung tâm để trả lời trực tiếp.",
        ),
    },
    {
        "name": "Trịnh Văn Quang",
        "email": "trinhquang@example.vn",
        "title": "Đề nghị đăng quảng cáo trên Cổng",
        "body": "Công ty tôi muốn đặt quảng cáo trên Cổng Thông tin điện tử tỉnh.",
        "days_ago": 8,
        "decline": "Cổng Thông tin điện tử tỉnh không đăng quảng cáo thương mại.",
    },
]

#: Comments on the demo's consultation (item 8): (name, e-mail, text, days ago).
CONSULTATION_COMMENTS: list[tuple[str, str, str, int]] = [
    (
        "Hợp tác xã Nông nghiệp Tân Lập",
        "htx.tanlap@example.vn",
        "Đề nghị nâng mức hỗ trợ chi phí thuê phần mềm kế toán từ 50% lên 70% trong hai năm"
        " đầu, vì đa số hợp tác xã chưa có kế toán chuyên trách.",
        3,
    ),
    (
        "Phạm Thị Lan (hộ kinh doanh)",
        "phamlan@example.vn",
        "Khoản 2 Điều 5 cần ghi rõ hộ kinh doanh nộp hồ sơ đề nghị hỗ trợ ở đâu.\n"
        "Đề nghị cho nộp trực tuyến.",
        2,
    ),
]

CONSULTATION_INDEX = 8


def seed_citizens(conn: Connection, site: str, now: datetime, seed_item: Any) -> None:
    """Seed :data:`ANSWERS` (with ``seed_item``, the demo's own), :data:`QUESTIONS` and
    :data:`CONSULTATION_COMMENTS`; ``now`` is the seeding moment."""
    from portal.demo import DEMO_NAMESPACE

    answer_ids = []
    for index, spec in enumerate(ANSWERS):
        at = now - timedelta(days=4 - index)
        seed_item(conn, site, 100 + index, spec, at)
        answer_ids.append(str(uuid.uuid5(DEMO_NAMESPACE, f"{site}/{100 + index}")))
    table = board_questions.questions
    for spec in QUESTIONS:
        at = now - timedelta(days=spec["days_ago"], hours=2)
        fields = {k: spec[k] for k in ("name", "email", "title", "body")}
        fields["phone"] = spec.get("phone", "")
        created = board_questions.receive(conn, site, fields, at)
        values: dict[str, Any] = {}
        if "assigned_to" in spec:
            values |= {"assigned_to": spec["assigned_to"], "state": "assigned"}
        if "answer" in spec:
            values |= {"answer_item": answer_ids[spec["answer"]], "state": "assigned"}
            values.setdefault("assigned_to", ANSWERS[spec["answer"]]["author"])
        if "redirect" in spec:
            agency, comment = spec["redirect"]
            values |= {"state": "redirected", "redirected_to": agency, "response": comment}
            values["closed_at"] = at + timedelta(hours=3)
        if "decline" in spec:
            values |= {"state": "declined", "response": spec["decline"]}
            values["closed_at"] = at + timedelta(days=1)
        if values:
            conn.execute(update(table).where(table.c.id == created["id"]).values(**values))
    item_id = str(uuid.uuid5(DEMO_NAMESPACE, f"{site}/{CONSULTATION_INDEX}"))
    for name, email, text, days_ago in CONSULTATION_COMMENTS:
        conn.execute(
            consultation.public_comments.insert().values(
                id=str(uuid.uuid5(DEMO_NAMESPACE, f"{item_id}/comment/{name}")),
                item_id=item_id,
                site=site,
                name=name,
                email=email,
                body=text,
                created_at=now - timedelta(days=days_ago),
            )
        )
