"""Realistic Vietnamese items, seeded, for the search and report tests and for ``bench/``.

``make_items(n, seed=...)`` yields items in the portal's JSON form (``Item.to_dict()``), with
workflow step records and the version history the portal would give, so they can be applied
through the store's own pull (``apply_changes``) like a real sync. The same seed always gives the
same items. Word frequencies are skewed like real news: ``tỉnh``, ``năm``, ``thực hiện`` are in
most items, a department's name in some, a document number in a few.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from desktop.models.text import slugify
from portal.demo.content import CATEGORIES

SITE = "demo"

#: Share of items per category id (news and direction dominate, as on real portals).
CATEGORY_WEIGHTS: dict[str, int] = {
    "tin-tuc": 40,
    "chi-dao-dieu-hanh": 14,
    "van-ban-phap-luat": 10,
    "pho-bien-phap-luat": 8,
    "chien-luoc-quy-hoach": 4,
    "du-an-dau-tu": 6,
    "lay-y-kien": 4,
    "khoa-hoc-cong-nghe": 3,
    "chuyen-doi-so": 5,
    "giai-thich-lam-ro": 2,
    "cong-bao": 2,
    "gioi-thieu": 1,
    "danh-ba": 1,
}
CATEGORY_BY_ID = {c["id"]: c for c in CATEGORIES}

#: Final states and their shares.
STATE_WEIGHTS: dict[str, int] = {
    "published": 72,
    "taken_down": 4,
    "rejected": 4,
    "edited": 6,
    "submitted": 7,
    "draft": 7,
}

AUTHORS = ["thanhvien1", "thanhvien2", "phoban"]
EDITORS = ["phoban", "thanhvien2"]
APPROVERS = ["truongban", "phoban"]
WRITERS = [
    "Nguyễn Thị Thu Hà",
    "Trần Minh Khoa",
    "Lê Thị Ngọc Ánh",
    "Phạm Văn Thành",
    "Đỗ Quang Huy",
    "Hoàng Đức Thắng",
    "Vũ Thị Đào",
    "Bùi Đình Long",
]
SOURCES = ["Báo Hòa Bình An", "Đài Phát thanh và Truyền hình tỉnh", "Cổng TTĐT Chính phủ", ""]

_SUBJECTS = [
    "Ủy ban nhân dân tỉnh",
    "Sở Tài chính",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Công an tỉnh",
    "Ban Quản lý dự án đầu tư xây dựng",
    "Trung tâm Phục vụ hành chính công",
    "Hội đồng nhân dân tỉnh",
    "Đoàn công tác của Bộ Xây dựng",
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
    "chỉ đạo đẩy nhanh",
    "tuyên truyền, phổ biến",
    "rà soát, sửa đổi quy định về",
    "lấy ý kiến góp ý về",
    "công bố danh mục",
]
_OBJECTS = [
    "chuyển đổi số trong cơ quan nhà nước",
    "cải cách thủ tục hành chính",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "xây dựng nông thôn mới",
    "giải phóng mặt bằng đường cao tốc",
    "an toàn giao thông dịp Tết Nguyên đán",
    "bảo vệ môi trường lưu vực sông Đà",
    "dịch vụ công trực tuyến toàn trình",
    "đầu tư công trung hạn giai đoạn 2026–2030",
    "giảm nghèo bền vững",
    "quy hoạch sử dụng đất",
    "tuyển sinh vào lớp 10",
    "tiêm chủng mở rộng",
    "phát triển du lịch cộng đồng",
    "nước sạch nông thôn",
    "đấu thầu qua mạng",
    "đường giao thông liên xã",
    "hỗ trợ doanh nghiệp nhỏ và vừa",
]
_TAILS = [
    "trên địa bàn tỉnh",
    "tại các xã vùng cao",
    "trong quý III",
    "theo đúng quy định",
    "đến hết năm 2026",
    "với sự tham gia của các sở, ngành",
    "nhằm nâng cao hiệu quả",
    "bảo đảm công khai, minh bạch",
]
_FILLERS = [
    "Theo báo cáo, đến nay đã có {n} hồ sơ được giải quyết đúng hạn, đạt {p}% kế hoạch năm.",
    "Lãnh đạo tỉnh đề nghị các đơn vị khẩn trương khắc phục những tồn tại, hạn chế.",
    "Hội nghị đã thống nhất {n} nhiệm vụ trọng tâm cần thực hiện trong thời gian tới.",
    "Căn cứ Quyết định số {n}/QĐ-UBND ngày {d}/{m}/2026 của Ủy ban nhân dân tỉnh.",
    "Tổng kinh phí thực hiện dự kiến khoảng {n} tỷ đồng từ ngân sách địa phương.",
    "Người dân có thể tra cứu thông tin tại Cổng thông tin điện tử của tỉnh.",
    "Các địa phương báo cáo kết quả thực hiện trước ngày {d} tháng {m} năm 2026.",
    "Đoàn kiểm tra ghi nhận nhiều mô hình hay, cách làm sáng tạo ở cơ sở.",
    "Việc đấu thầu thực hiện qua Hệ thống mạng đấu thầu quốc gia theo Nghị định số {n}/2024/NĐ-CP.",
    "Ý kiến góp ý gửi về Văn phòng Sở trước ngày {d}/{m}/2026 để tổng hợp, báo cáo.",
    "Năm 2026, tỉnh phấn đấu hoàn thành {p}% chỉ tiêu về {o}.",
]
_DOC_TYPES = [("Quyết định", "QĐ"), ("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Kế hoạch", "KH")]


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.45:
        return rng.choice(_FILLERS).format(
            n=rng.randint(2, 950),
            p=rng.randint(40, 100),
            d=rng.randint(1, 28),
            m=rng.randint(1, 12),
            o=rng.choice(_OBJECTS),
        )
    return (
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}."
    )


def _paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(
        " ".join(_sentence(rng) for _ in range(rng.randint(3, 6))) for _ in range(count)
    )


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def make_item(rng: random.Random, year: int = 2026) -> dict[str, Any]:
    """One item with its history (``item["_versions"]``: the portal's version list)."""
    category = _pick(rng, CATEGORY_WEIGHTS)
    kind = CATEGORY_BY_ID[category]["kind"]
    state = _pick(rng, STATE_WEIGHTS)
    created = datetime(year, 1, 2, 7, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 355 * 24 * 60))
    subject, obj = rng.choice(_SUBJECTS), rng.choice(_OBJECTS)
    title = f"{subject} {rng.choice(_VERBS)} {obj}"
    metadata: dict[str, Any] = {}
    trigger: date | None = None
    if kind in ("legal", "dissemination", "gazette"):
        doc_type, code = rng.choice(_DOC_TYPES)
        number = f"{rng.randint(1, 120)}/{year}/{code}-UBND"
        metadata = {"document_type": doc_type, "number": number, "issuer": "UBND tỉnh"}
        title = f"{doc_type} số {number} về {obj}"
    if CATEGORY_BY_ID[category].get("deadline"):
        trigger = (created - timedelta(days=rng.randint(0, 6))).date()
    author = rng.choice(AUTHORS)
    source = rng.choice(SOURCES) if kind == "news" else ""
    item: dict[str, Any] = {
        "id": _uuid(rng),
        "site": SITE,
        "category": category,
        "title": title,
        "summary": _sentence(rng),
        "body": _paragraphs(rng, rng.randint(4, 8)),
        "language": "vi",
        "translation_of": None,
        "origin": "repost" if source else "original",
        "source": {"name": source, "url": ""},
        "author": rng.choice(WRITERS),
        "unit": CATEGORY_BY_ID[category].get("unit", ""),
        "attachments": [],
        "metadata": metadata,
        "trigger_date": trigger.isoformat() if trigger else None,
        "created_by": author,
        "created_at": _iso(created),
        "slug": slugify(title),
    }
    history: list[tuple[str, str, datetime]] = [("create", author, created)]
    moment = created

    def later(hours_max: int) -> datetime:
        nonlocal moment
        moment += timedelta(minutes=rng.randint(20, hours_max * 60))
        return moment

    path: list[tuple[str, str]] = []
    if state != "draft":
        path.append(("submit", author))
        if rng.random() < 0.12:  # sent back once from step 2
            path += [("return", rng.choice(EDITORS)), ("submit", author)]
        if state == "rejected":
            path.append(("reject", rng.choice(EDITORS)))
        elif state != "submitted":
            path.append(("forward", rng.choice(EDITORS)))
            if state != "edited":
                approver = "truongban"
                path.append(("approve", approver))
                if state == "taken_down":
                    path.append(("take_down", approver))
    for action, actor in path:
        history.append((action, actor, later(60 if action != "take_down" else 2000)))
    steps: dict[str, Any] = {}
    step_key = {"forward": "edit"}
    for version, (action, actor, at) in enumerate(history, start=1):
        if action != "create":
            steps[step_key.get(action, action)] = {
                "by": actor,
                "at": _iso(at),
                "version": version,
                "on_behalf_of": None,
            }
    item.update(
        state=state,
        version=len(history),
        steps=steps,
        updated_at=_iso(moment),
        state_since=_iso(moment),
    )
    item["_versions"] = [
        {
            "version": n,
            "action": action,
            "actor": actor,
            "on_behalf_of": None,
            "at": _iso(at),
            "comment": "Đề nghị bổ sung số liệu." if action in ("return", "reject") else None,
        }
        for n, (action, actor, at) in enumerate(history, start=1)
    ]
    return item


def make_items(n: int, seed: int = 2026, year: int = 2026) -> Iterator[dict[str, Any]]:
    """``n`` items, always the same for the same seed (``_versions`` kept aside per item)."""
    rng = random.Random(seed)
    for _ in range(n):
        yield make_item(rng, year)


def as_pulled(item: dict[str, Any]) -> dict[str, Any]:
    """The item as ``/changes`` sends it (without the test-only history)."""
    return {k: v for k, v in item.items() if not k.startswith("_")}


def load_store(store: Any, items: list[dict[str, Any]], chunk: int = 500) -> None:
    """Apply ``items`` through the store's own pull, as a sync would, with their history."""
    from desktop.sync.merge import merge_content

    for start in range(0, len(items), chunk):
        part = items[start : start + chunk]
        changes = [{"kind": "item", "item": as_pulled(i)} for i in part]
        store.apply_changes(changes, f"c{start + len(part)}", merge_content)
    for item in items:
        if item.get("_versions"):
            store.set_versions(item["id"], item["_versions"])


#: A realistic mix of what people type, for timing search over a corpus (bench/ reuses it):
#: common words, no accents, document numbers, body-only phrases, half-typed words, names.
SEARCH_QUERIES: list[str] = [
    "tỉnh",
    "năm",
    "thực hiện",
    "kế hoạch",
    "quyet dinh",
    "so y te",
    "chuyen doi so",
    "giai phong mat bang",
    "12/2026",
    "QĐ-UBND",
    "45/2026/QĐ-UBND",
    "khac phuc ton tai",
    "tra cứu thông tin",
    "mô hình hay",
    "mang dau thau quoc gia",
    "sông Đ",
    "giao th",
    "nông thôn m",
    "tiêm ch",
    "Nguyễn Thị Thu Hà",
    "Do Quang Huy",
    "lũ quét",
    "Báo Hòa Bình An",
    "du lịch cộng đồng",
    "ngân sách địa phương",
]
