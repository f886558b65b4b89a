"""Sections (chuyên mục) a site carries (BD-11, AG-13) and their deadline rules (BD-13, AG-12)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class CategoryKind(StrEnum):
    INTRO = "intro"  # Giới thiệu
    NEWS = "news"  # Tin tức, sự kiện
    DIRECTION = "direction"  # Chỉ đạo, điều hành
    DISSEMINATION = "dissemination"  # Phổ biến, hướng dẫn pháp luật
    STRATEGY = "strategy"  # Chiến lược, quy hoạch, kế hoạch
    LEGAL = "legal"  # Văn bản quy phạm pháp luật
    GAZETTE = "gazette"  # Công báo điện tử
    PROJECTS = "projects"  # Dự án, hạng mục đầu tư, đấu thầu, mua sắm công
    CONSULTATION = "consultation"  # Lấy ý kiến góp ý
    CONTACTS = "contacts"  # Danh bạ cán bộ có thẩm quyền
    TRANSACTIONS = "transactions"  # Thông tin giao dịch
    SCIENCE = "science"  # Chương trình, đề tài khoa học
    CLARIFICATION = "clarification"  # Thông tin giải thích, làm rõ (AG-13)
    STATISTICS = "statistics"  # Thông tin thống kê (BD-13.6, AG-12.1.e)
    WORK_CALENDAR = "work_calendar"  # Lịch làm việc của lãnh đạo (BD-11.3)
    UNIT_SITES = "unit_sites"  # Liên kết trang của các đơn vị trực thuộc (BD-14.1.b)
    PUBLIC_SERVICES = "public_services"  # Dịch vụ công trực tuyến (BD-15–17, AG-14, annex III)
    QUESTIONS = "questions"  # Hỏi đáp (BD-14.2; issue 18): answers to citizens' questions
    FREE = "free"  # Chuyên mục khác


class DeadlineFrom(StrEnum):
    ISSUE_DATE = "issue_date"  # ngày ban hành
    APPROVAL_DATE = "approval_date"  # ngày phê duyệt
    DECISION_DATE = "decision_date"  # ngày thủ trưởng quyết định công bố (statistics, BD-13.6)


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """N working days from the item's trigger date (BD-13, AG-12)."""

    days: int
    counts_from: DeadlineFrom

    def to_dict(self) -> dict[str, Any]:
        return {"days": self.days, "from": self.counts_from.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> DeadlineRule | None:
        if not data:
            return None
        return cls(days=int(data["days"]), counts_from=DeadlineFrom(data["from"]))


@dataclass(frozen=True, slots=True)
class Category:
    """Chuyên mục: a section of a site, the unit that must supply it, and its deadline rule."""

    id: str
    site: str
    name: str
    kind: CategoryKind = CategoryKind.FREE
    unit: str = ""  # đơn vị chịu trách nhiệm cung cấp (BD-12)
    deadline: DeadlineRule | None = None
    position: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "site": self.site,
            "name": self.name,
            "kind": self.kind.value,
            "unit": self.unit,
            "deadline": self.deadline.to_dict() if self.deadline else None,
            "position": self.position,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Category:
        return cls(
            id=str(data["id"]),
            site=str(data.get("site", "")),
            name=str(data["name"]),
            kind=CategoryKind(data.get("kind", "free")),
            unit=str(data.get("unit") or ""),
            deadline=DeadlineRule.from_dict(data.get("deadline")),
            position=int(data.get("position") or 0),
        )
