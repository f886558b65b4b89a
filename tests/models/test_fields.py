"""Sections' structured fields (BD-11, AG-13): declarations, validation, normal form, fact box."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest

from desktop.models.categories import Category, CategoryKind
from desktop.models.fields import (
    FIELD_TYPES,
    FIELDS,
    TRIGGER_FIELDS,
    FieldSpec,
    fact_box,
    fields_for,
    format_number,
    format_vn_date,
    normalise_metadata,
    parse_vn_date,
    parse_vn_number,
    suggested_trigger_date,
    validate_metadata,
)
from desktop.models.item import Item

SHA = "ab" * 32

LEGAL_OK: dict[str, Any] = {
    "document_type": "quyet_dinh",
    "number": "12/2026/QĐ-UBND",
    "issuer": "Ủy ban nhân dân tỉnh An Giang",
    "issue_date": "2026-02-13",
    "effective_date": "23/02/2026",
    "abstract": "Ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh",
    "file": SHA,
}

PROJECT_OK: dict[str, Any] = {
    "project_name": "Đường tỉnh 945",
    "investor": "Sở Giao thông vận tải",
    "location": "Huyện Châu Thành",
    "objective": "Nâng cấp, mở rộng tuyến đường",
    "budget": "1.250.000",
    "funding_type": "state_budget",
    "status": "in_progress",
}

CONSULTATION_OK: dict[str, Any] = {
    "comment_deadline": "15/03/2026",
    "receiving_unit": "Sở Tư pháp",
    "address": "Số 1, đường Lê Lợi, thành phố Long Xuyên",
    "email": "stp@angiang.gov.vn",
    "phone": "(0296) 3.852.123",
}


# --- declarations -------------------------------------------------------------------------------


def test_every_kind_declares_its_fields() -> None:
    assert set(FIELDS) == set(CategoryKind)


@pytest.mark.parametrize("kind", list(CategoryKind))
def test_declarations_are_consistent(kind: CategoryKind) -> None:
    specs = FIELDS[kind]
    keys = [spec.key for spec in specs]
    assert len(keys) == len(set(keys)), "keys are unique within a kind"
    for spec in specs:
        assert spec.key.isidentifier() and spec.key == spec.key.lower()
        assert spec.type in FIELD_TYPES
        assert spec.label_vi.strip() and spec.label_en.strip()
        assert unicodedata.is_normalized("NFC", spec.label_vi)
        if spec.type == "choice":
            values = [value for value, _, _ in spec.choices]
            assert values and len(values) == len(set(values)), spec.key
            assert all(vi and en for _, vi, en in spec.choices), spec.key
        else:
            assert spec.choices == (), f"{spec.key}: choices only on choice fields"
    if kind in TRIGGER_FIELDS:
        trigger = next(s for s in specs if s.key == TRIGGER_FIELDS[kind])
        assert trigger.type == "date"


def test_regulation_fields_are_declared() -> None:
    def keys(kind: CategoryKind) -> set[str]:
        return {spec.key for spec in FIELDS[kind]}

    assert {"document_type", "issuer", "number", "issue_date", "effective_date", "abstract"} <= (
        keys(CategoryKind.LEGAL)
    )
    assert {"file"} <= keys(CategoryKind.LEGAL)
    assert {
        "project_name",
        "investor",
        "location",
        "objective",
        "field",
        "project_type",
        "duration",
        "budget",
        "compensation_plan",
        "funding_type",
        "donor",
        "status",
    } <= keys(CategoryKind.PROJECTS)
    assert {"comment_deadline", "receiving_unit", "address", "email"} <= keys(
        CategoryKind.CONSULTATION
    )
    assert keys(CategoryKind.NEWS) == set()  # source and author belong to the item
    statuses = {v for v, _, _ in fields_for("projects")[-1].choices}
    assert statuses == {"preparing", "in_progress", "completed"}
    types = {vi for _, vi, _ in FIELDS[CategoryKind.LEGAL][0].choices}
    assert {"Luật", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư", "Nghị quyết"} <= types


def test_field_spec_refuses_inconsistent_declarations() -> None:
    with pytest.raises(ValueError):
        FieldSpec("x", "X", "X", "text", choices=(("a", "A", "A"),))
    with pytest.raises(ValueError):
        FieldSpec("x", "X", "X", "choice")
    with pytest.raises(ValueError):
        FieldSpec("x", "X", "X", "colour")  # type: ignore[arg-type]


def test_field_spec_to_dict() -> None:
    spec = next(s for s in FIELDS[CategoryKind.PROJECTS] if s.key == "status")
    data = spec.to_dict()
    assert data["type"] == "choice" and data["required"] is True
    assert data["choices"][0] == {"value": "preparing", "vi": "Chuẩn bị đầu tư", "en": "Preparing"}


# --- dates and numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-13", date(2026, 2, 13)),
        ("13/02/2026", date(2026, 2, 13)),
        ("5/3/2026", date(2026, 3, 5)),
        (" 29/02/2028 ", date(2028, 2, 29)),
        (date(2026, 9, 2), date(2026, 9, 2)),
    ],
)
def test_parse_vn_date(text: str | date, expected: date) -> None:
    assert parse_vn_date(text) == expected


@pytest.mark.parametrize(
    "text", ["31/02/2026", "2026-02-30", "13/13/2026", "13/02/26", "02/13/2026", "13.02.2026", ""]
)
def test_parse_vn_date_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_vn_date(text)


def test_format_vn_date() -> None:
    assert format_vn_date("2026-03-05") == "05/03/2026"
    assert format_vn_date(date(2026, 12, 31)) == "31/12/2026"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.250.000", 1250000),
        ("1.250", 1250),
        ("1.250,5", 1250.5),
        ("12,5", 12.5),
        ("1250.5", 1250.5),
        ("1250", 1250),
        ("1 250 000", 1250000),
        (42, 42),
        (2.5, 2.5),
    ],
)
def test_parse_vn_number(text: str | float, expected: float) -> None:
    assert parse_vn_number(text) == expected


@pytest.mark.parametrize("bad", ["một trăm", "1,2,3", "12.5.6", "", True])
def test_parse_vn_number_refuses(bad: Any) -> None:
    with pytest.raises(ValueError):
        parse_vn_number(bad)


def test_format_number() -> None:
    assert format_number(1250000, "vi") == "1.250.000"
    assert format_number(1250000, "en") == "1,250,000"
    assert format_number(1250.5, "vi") == "1.250,5"
    assert format_number(1250.5, "en") == "1,250.5"


# --- validation ---------------------------------------------------------------------------------


def codes(problems: list[Any]) -> list[tuple[str, str]]:
    return [(p.code, p.field) for p in problems]


def test_good_items_have_no_problems() -> None:
    assert validate_metadata(CategoryKind.LEGAL, LEGAL_OK) == []
    assert validate_metadata("projects", PROJECT_OK) == []
    assert validate_metadata("consultation", CONSULTATION_OK, date(2026, 2, 24)) == []
    assert validate_metadata("news", {}) == []
    assert validate_metadata("free", {"anything": [1, 2]}) == []


def test_required_fields_are_named_in_both_languages() -> None:
    problems = validate_metadata("legal", {"number": "  ", "file": ""})
    assert codes(problems) == [
        ("required", "metadata.document_type"),
        ("required", "metadata.number"),
        ("required", "metadata.issuer"),
        ("required", "metadata.issue_date"),
        ("required", "metadata.abstract"),
        ("required", "metadata.file"),
    ]
    number = problems[1]
    assert number.vi == "Chưa nhập số ký hiệu."
    assert number.en == "The number and symbol is missing."
    contacts = validate_metadata("contacts", {"full_name": "Nguyễn Văn A"})
    assert ("required", "metadata.email") in codes(contacts)
    assert [p.en for p in contacts if p.field == "metadata.email"] == [
        "The official e-mail is missing."
    ]


# (kind, field, value, problem code or None when good)
VALUES = [
    ("legal", "issue_date", "2026-02-13", None),
    ("legal", "issue_date", "13/02/2026", None),
    ("legal", "issue_date", "1/2/2026", None),
    ("legal", "issue_date", "31/02/2026", "bad_date"),
    ("legal", "issue_date", "2026-02-31", "bad_date"),
    ("legal", "issue_date", "13-02-2026", "bad_date"),
    ("legal", "issue_date", "hôm qua", "bad_date"),
    ("legal", "effective_date", "2026/02/13", "bad_date"),
    ("legal", "effective_date", 20260213, "bad_date"),
    ("legal", "document_type", "luat", None),
    ("legal", "document_type", "Nghị định", None),
    ("legal", "document_type", "decree", None),
    ("legal", "document_type", "Sắc lệnh", "bad_choice"),
    ("legal", "number", 12, "bad_text"),
    ("legal", "file", SHA.upper(), None),
    ("legal", "file", "not-a-hash", "bad_file"),
    ("projects", "budget", "1.250.000", None),
    ("projects", "budget", 1250000, None),
    ("projects", "budget", "nhiều tỷ", "bad_number"),
    ("projects", "status", "completed", None),
    ("projects", "status", "Đã hoàn thành", None),
    ("projects", "status", "paused", "bad_choice"),
    ("consultation", "email", "stp@angiang.gov.vn", None),
    ("consultation", "email", "stp.angiang.gov.vn", "bad_email"),
    ("consultation", "email", "stp@angiang", "bad_email"),
    ("consultation", "email", "a b@angiang.gov.vn", "bad_email"),
    ("consultation", "phone", "0296 3852 123", None),
    ("consultation", "phone", "+84 296 3852123", None),
    ("consultation", "phone", "113", "bad_phone"),
    ("consultation", "phone", "gọi tổng đài", "bad_phone"),
    ("dissemination", "related_url", "https://vbpl.vn/tw/Pages/home.aspx", None),
    ("dissemination", "related_url", "javascript:alert(1)", "bad_url"),
    ("dissemination", "related_url", "vbpl.vn", "bad_url"),
    ("clarification", "appeared_on", "01/12/2026", None),
]

BASES: dict[str, dict[str, Any]] = {
    "legal": LEGAL_OK,
    "projects": PROJECT_OK,
    "consultation": CONSULTATION_OK,
    "dissemination": {"related_document": "Luật Tiếp cận thông tin 2016"},
    "clarification": {"misinformation": "Tin đồn sai sự thật về dịch bệnh"},
}


@pytest.mark.parametrize(("kind", "key", "value", "code"), VALUES)
def test_value_validation(kind: str, key: str, value: Any, code: str | None) -> None:
    problems = validate_metadata(kind, {**BASES[kind], key: value})
    expected = [] if code is None else [(code, f"metadata.{key}")]
    assert codes(problems) == expected
    for problem in problems:
        assert problem.vi and problem.en and problem.vi != problem.en


def test_bad_date_message_says_how_to_write_it() -> None:
    (problem,) = validate_metadata("legal", {**LEGAL_OK, "issue_date": "31/02/2026"})
    assert "dd/mm/yyyy" in problem.vi and "dd/mm/yyyy" in problem.en
    assert problem.vi.startswith("Ngày ban hành:")


def test_metadata_that_is_not_a_dict() -> None:
    assert codes(validate_metadata("legal", ["x"])) == [("bad_metadata", "metadata")]  # type: ignore[arg-type]


# (comment deadline, publication date, problem?)
CONSULTATION_DEADLINES = [
    ("15/03/2026", date(2026, 2, 24), False),
    ("2026-03-15", date(2026, 3, 14), False),
    ("15/03/2026", date(2026, 3, 15), True),
    ("2026-03-15", date(2026, 3, 16), True),
    ("1/1/2026", date(2026, 2, 24), True),
]


@pytest.mark.parametrize(("deadline", "published", "problem"), CONSULTATION_DEADLINES)
def test_consultation_deadline_after_publication(
    deadline: str, published: date, problem: bool
) -> None:
    problems = validate_metadata(
        "consultation", {**CONSULTATION_OK, "comment_deadline": deadline}, published
    )
    expected = [("deadline_before_publication", "metadata.comment_deadline")] if problem else []
    assert codes(problems) == expected
    if problem:
        shown = published.strftime("%d/%m/%Y")
        assert problems[0].vi == f"Hạn góp ý phải sau ngày đăng ({shown})."
        assert shown in problems[0].en


def test_consultation_deadline_rule_needs_a_publication_date() -> None:
    past = {**CONSULTATION_OK, "comment_deadline": "01/01/2020"}
    assert validate_metadata("consultation", past) == []
    bad = {**CONSULTATION_OK, "comment_deadline": "không rõ"}
    assert codes(validate_metadata("consultation", bad, date(2026, 2, 24))) == [
        ("bad_date", "metadata.comment_deadline")
    ]


def test_the_deadline_rule_is_only_for_consultations() -> None:
    assert validate_metadata("legal", LEGAL_OK, date(2030, 1, 1)) == []


# --- normal form --------------------------------------------------------------------------------


def test_normalise_metadata() -> None:
    nfd_issuer = unicodedata.normalize("NFD", " Ủy ban nhân dân tỉnh An Giang ")
    extra = {"nested": unicodedata.normalize("NFD", "Ghi chú")}
    raw = {
        **LEGAL_OK,
        "document_type": "Quyết định",
        "issuer": nfd_issuer,
        "issue_date": "13/02/2026",
        "effective_date": "2026-02-23",
        "file": SHA.upper(),
        "ghi_chu": extra,
    }
    normal = normalise_metadata("legal", raw)
    assert normal["document_type"] == "quyet_dinh"
    assert normal["issuer"] == "Ủy ban nhân dân tỉnh An Giang"
    assert unicodedata.is_normalized("NFC", normal["issuer"])
    assert normal["issue_date"] == "2026-02-13"
    assert normal["effective_date"] == "2026-02-23"
    assert normal["file"] == SHA
    assert normal["ghi_chu"] is extra  # free extra fields are kept as they are
    assert list(normal) == list(raw)
    assert validate_metadata("legal", normal) == []


def test_normalise_keeps_what_it_cannot_read() -> None:
    normal = normalise_metadata(
        "projects", {**PROJECT_OK, "budget": "nhiều tỷ", "status": "paused", "approval_date": ""}
    )
    assert normal["budget"] == "nhiều tỷ"
    assert normal["status"] == "paused"
    assert normal["approval_date"] == ""
    assert normalise_metadata("projects", PROJECT_OK)["budget"] == 1250000


# --- fact box -----------------------------------------------------------------------------------


def test_fact_box_in_vietnamese() -> None:
    assert fact_box("legal", LEGAL_OK, "vi") == [
        ("Hình thức văn bản", "Quyết định"),
        ("Số ký hiệu", "12/2026/QĐ-UBND"),
        ("Cơ quan ban hành", "Ủy ban nhân dân tỉnh An Giang"),
        ("Ngày ban hành", "13/02/2026"),
        ("Ngày hiệu lực", "23/02/2026"),
        ("Trích yếu", "Ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh"),
        ("Tệp văn bản", SHA),
    ]


def test_fact_box_in_english() -> None:
    rows = dict(fact_box("projects", PROJECT_OK, "en"))
    assert rows["Project name"] == "Đường tỉnh 945"
    assert rows["Total investment (million VND)"] == "1,250,000"
    assert rows["Funding type"] == "State budget"
    assert rows["Status"] == "In progress"
    assert "Donor" not in rows  # empty fields are left out
    vi = dict(fact_box("projects", PROJECT_OK, "vi"))
    assert vi["Tổng mức đầu tư (triệu đồng)"] == "1.250.000"
    assert vi["Tình trạng"] == "Đang thực hiện"


def test_fact_box_dates_and_other_languages() -> None:
    rows = fact_box("consultation", {**CONSULTATION_OK, "comment_deadline": "2026-03-15"}, "fr")
    assert ("Comment deadline", "15/03/2026") in rows
    assert fact_box("news", {"anything": "x"}, "vi") == [("anything", "x")]  # free fields shown


@pytest.mark.parametrize(
    ("kind", "metadata", "expected"),
    [
        ("legal", LEGAL_OK, date(2026, 2, 13)),
        ("strategy", {"approval_date": "20/08/2026"}, date(2026, 8, 20)),
        ("strategy", {"approval_date": "sai"}, None),
        ("news", {"issue_date": "2026-01-01"}, None),
        ("projects", PROJECT_OK, None),
    ],
)
def test_suggested_trigger_date(kind: str, metadata: dict[str, Any], expected: date | None) -> None:
    assert suggested_trigger_date(kind, metadata) == expected


def test_responsible_and_providing_units_bd12() -> None:
    """BD-12: a category names the unit that must supply it; an item records who provided it."""
    category = Category.from_dict(
        Category(
            "gop-y", "demo", "Lấy ý kiến góp ý", CategoryKind.CONSULTATION, "Sở Tư pháp"
        ).to_dict()
    )
    assert category.unit == "Sở Tư pháp"
    item = Item.from_dict(
        {
            "id": "i",
            "site": "demo",
            "category": "gop-y",
            "unit": unicodedata.normalize("NFD", "Sở Tư pháp"),
            "metadata": CONSULTATION_OK,
        }
    )
    assert item.unit == category.unit  # NFC on the way in
    assert Item.from_dict(item.to_dict()).unit == "Sở Tư pháp"
    assert validate_metadata(category.kind, item.metadata, date(2026, 2, 24)) == []
