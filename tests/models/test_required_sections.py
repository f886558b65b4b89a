"""The sections the regulations require beyond BD-11's table (issue 19): statistics (BD-13.6,
AG-12.1.e), the leaders' work calendar (BD-11.3), links to subordinate units' sites
(BD-14.1.b) and the catalogue of online public services with their levels (BD-15–17, AG-14,
the BD-27 annex's part III) — each with its fields and its deadline rule."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.models import CategoryKind, DeadlineFrom, DeadlineRule
from desktop.models.fields import (
    fact_box,
    fields_for,
    suggested_trigger_date,
    validate_metadata,
)
from desktop.models.workdays import REGULATION_DEADLINES, WorkCalendar, vietnam_holidays

STATISTICS = {
    "period": "Năm 2026",
    "decision_date": "13/02/2026",
    "publishing_unit": "Cục Thống kê tỉnh",
}
CALENDAR = {"leader": "Chủ tịch UBND tỉnh", "week_start": "2026-11-23", "week_end": "2026-11-27"}
UNIT_SITE = {"unit_name": "Sở Y tế", "site_url": "https://soyte.hoabinhan.gov.vn"}
SERVICE = {
    "service_name": "Cấp giấy phép xây dựng nhà ở riêng lẻ",
    "field": "Xây dựng",
    "level": "Mức độ 4",
    "service_url": "https://dichvucong.hoabinhan.gov.vn/cap-phep-xay-dung",
    "provider": "Sở Xây dựng",
    "provided_by": "own",
}


@pytest.mark.parametrize(
    ("kind", "complete"),
    [
        (CategoryKind.STATISTICS, STATISTICS),
        (CategoryKind.WORK_CALENDAR, CALENDAR),
        (CategoryKind.UNIT_SITES, UNIT_SITE),
        (CategoryKind.PUBLIC_SERVICES, SERVICE),
    ],
)
def test_each_required_section_has_its_fields(kind: CategoryKind, complete: dict[str, str]) -> None:
    assert validate_metadata(kind, complete) == []
    required = {spec.key for spec in fields_for(kind) if spec.required}
    assert required == set(complete)
    missing = validate_metadata(kind, {})
    assert {p.field for p in missing} == {f"metadata.{key}" for key in required}
    assert all(p.code == "required" and p.vi and p.en for p in missing)


def test_a_service_has_a_level_from_1_to_4_and_says_who_provides_it() -> None:
    level = next(s for s in fields_for(CategoryKind.PUBLIC_SERVICES) if s.key == "level")
    assert [value for value, _vi, _en in level.choices] == ["1", "2", "3", "4"]
    bad = validate_metadata(CategoryKind.PUBLIC_SERVICES, {**SERVICE, "level": "5"})
    assert [p.code for p in bad] == ["bad_choice"]
    no_url = validate_metadata(CategoryKind.PUBLIC_SERVICES, {**SERVICE, "service_url": "dvc"})
    assert [p.field for p in no_url] == ["metadata.service_url"]
    rows = dict(fact_box(CategoryKind.PUBLIC_SERVICES, SERVICE, "vi"))
    assert rows["Mức độ"] == "Mức độ 4"
    assert rows["Nguồn dịch vụ"] == "Của chính cơ quan"
    english = dict(fact_box(CategoryKind.PUBLIC_SERVICES, SERVICE, "en"))
    assert english["Level"] == "Level 4"
    assert english["Provided by"] == "The agency itself"


def test_a_work_calendar_ends_after_it_starts() -> None:
    backwards = {**CALENDAR, "week_end": "2026-11-20"}
    problems = validate_metadata(CategoryKind.WORK_CALENDAR, backwards)
    assert [(p.code, p.field) for p in problems] == [("ends_before_it_starts", "metadata.week_end")]
    assert "23/11/2026" in problems[0].vi


def test_statistics_are_due_ten_working_days_after_the_heads_decision() -> None:
    rule = REGULATION_DEADLINES[CategoryKind.STATISTICS]
    assert rule == DeadlineRule(10, DeadlineFrom.DECISION_DATE)
    decided = suggested_trigger_date(CategoryKind.STATISTICS, STATISTICS)
    assert decided == date(2026, 2, 13)
    vn = WorkCalendar(vietnam_holidays(range(2025, 2028)))
    # Friday 13/2/2026; Tết 2026 (16–20/2) is no working day: ten working days end on 6/3
    assert vn.due_date(decided, rule) == date(2026, 3, 6)


def test_sections_kept_current_have_no_counted_deadline() -> None:
    """BD-13.1 (the calendar, part of "direction", khoản 3), BD-14.1.b and BD-15.1 ("updated at
    once after a change"): kept current continuously, not N days after a date."""
    for kind in (CategoryKind.WORK_CALENDAR, CategoryKind.UNIT_SITES, CategoryKind.PUBLIC_SERVICES):
        assert kind not in REGULATION_DEADLINES
