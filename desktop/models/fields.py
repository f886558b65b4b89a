"""The structured fields each kind of section demands (BD-11, AG-13), declared once as data.

The editor builds its form from ``FIELDS``, the portal and the client validate with
``validate_metadata``, and the public page and the exports show ``fact_box``. Values live in an
item's ``metadata`` dict under each field's key, in their JSON form: dates as ISO ``YYYY-MM-DD``,
numbers as JSON numbers, choices as their value, files as the sha256 of the blob. Keys that are
not declared are free extra fields: kept, never validated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, get_args
from urllib.parse import urlparse

from desktop.models.categories import CategoryKind
from desktop.models.checks import Problem
from desktop.models.text import nfc

FieldType = Literal["text", "longtext", "date", "choice", "number", "email", "url", "phone", "file"]
FIELD_TYPES: tuple[str, ...] = get_args(FieldType)

Choice = tuple[str, str, str]  # (value, Vietnamese label, English label)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One structured field of a section: what the editor asks and the public page shows."""

    key: str
    label_vi: str
    label_en: str
    type: FieldType = "text"
    required: bool = False
    choices: tuple[Choice, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in FIELD_TYPES:
            raise ValueError(f"{self.key}: unknown field type {self.type!r}")
        if bool(self.choices) != (self.type == "choice"):
            raise ValueError(f"{self.key}: choices belong to choice fields, and only to them")

    def label(self, language: str = "vi") -> str:
        return self.label_vi if language == "vi" else self.label_en

    def choice_label(self, value: str, language: str = "vi") -> str:
        """The label of a choice's value (the value itself when it is not a known choice)."""
        for choice_value, vi, en in self.choices:
            if choice_value == value:
                return vi if language == "vi" else en
        return value

    def to_dict(self) -> dict[str, Any]:
        """The declaration as JSON, for the portal to serve to other clients."""
        return {
            "key": self.key,
            "label_vi": self.label_vi,
            "label_en": self.label_en,
            "type": self.type,
            "required": self.required,
            "choices": [{"value": v, "vi": vi, "en": en} for v, vi, en in self.choices],
        }


def _f(
    key: str,
    vi: str,
    en: str,
    type: FieldType = "text",
    required: bool = False,
    choices: tuple[Choice, ...] = (),
) -> FieldSpec:
    return FieldSpec(key, vi, en, type, required, choices)


LEGAL_DOCUMENT_TYPES: tuple[Choice, ...] = (
    ("hien_phap", "Hiến pháp", "Constitution"),
    ("luat", "Luật", "Law"),
    ("phap_lenh", "Pháp lệnh", "Ordinance"),
    ("lenh", "Lệnh", "Order"),
    ("nghi_quyet", "Nghị quyết", "Resolution"),
    ("nghi_dinh", "Nghị định", "Decree"),
    ("quyet_dinh", "Quyết định", "Decision"),
    ("chi_thi", "Chỉ thị", "Directive"),
    ("thong_tu", "Thông tư", "Circular"),
    ("thong_tu_lien_tich", "Thông tư liên tịch", "Joint circular"),
    ("cong_van", "Công văn", "Official letter"),
    ("ke_hoach", "Kế hoạch", "Plan"),
    ("thong_bao", "Thông báo", "Notice"),
    ("huong_dan", "Hướng dẫn", "Guidance"),
    ("khac", "Khác", "Other"),
)

PLAN_TYPES: tuple[Choice, ...] = (
    ("investment_incentives", "Ưu đãi, thu hút đầu tư", "Investment incentives"),
    ("socio_economic", "Phát triển kinh tế - xã hội", "Socio-economic development"),
    ("construction_urban", "Xây dựng, đô thị", "Construction and urban"),
    ("land_use", "Sử dụng đất", "Land use"),
    ("natural_resources", "Tài nguyên", "Natural resources"),
    ("waste_environment", "Xử lý chất thải, bảo vệ môi trường", "Waste and environment"),
    ("other", "Khác", "Other"),
)

PROJECT_TYPES: tuple[Choice, ...] = (
    ("national", "Dự án quan trọng quốc gia", "Project of national importance"),
    ("group_a", "Dự án nhóm A", "Group A project"),
    ("group_b", "Dự án nhóm B", "Group B project"),
    ("group_c", "Dự án nhóm C", "Group C project"),
    ("procurement", "Mua sắm công", "Public procurement"),
    ("other", "Khác", "Other"),
)

FUNDING_TYPES: tuple[Choice, ...] = (
    ("state_budget", "Vốn ngân sách nhà nước", "State budget"),
    ("oda", "Vốn ODA, vay ưu đãi", "ODA and concessional loans"),
    ("ppp", "Đối tác công tư (PPP)", "Public-private partnership (PPP)"),
    ("non_budget", "Vốn ngoài ngân sách", "Non-budget funds"),
    ("mixed", "Vốn hỗn hợp", "Mixed funds"),
)

PROJECT_STATUSES: tuple[Choice, ...] = (
    ("preparing", "Chuẩn bị đầu tư", "Preparing"),
    ("in_progress", "Đang thực hiện", "In progress"),
    ("completed", "Đã hoàn thành", "Completed"),
)

MANAGEMENT_LEVELS: tuple[Choice, ...] = (
    ("national", "Cấp quốc gia", "National"),
    ("ministry", "Cấp bộ", "Ministry"),
    ("province", "Cấp tỉnh", "Provincial"),
    ("grassroots", "Cấp cơ sở", "Grassroots"),
)

#: Levels of an online public service (annex III: "chia theo các mức độ 1, 2, 3, 4").
SERVICE_LEVELS: tuple[Choice, ...] = (
    ("1", "Mức độ 1", "Level 1"),
    ("2", "Mức độ 2", "Level 2"),
    ("3", "Mức độ 3", "Level 3"),
    ("4", "Mức độ 4", "Level 4"),
)

#: Who provides a service (annex III.b: "Của chính Quý cơ quan / Tích hợp từ các đơn vị trực
#: thuộc").
SERVICE_PROVIDERS: tuple[Choice, ...] = (
    ("own", "Của chính cơ quan", "The agency itself"),
    ("integrated", "Tích hợp từ đơn vị trực thuộc", "Integrated from a subordinate unit"),
)

#: Each section kind's fields, in the order the form and the fact box show them (BD-11 table).
FIELDS: dict[CategoryKind, tuple[FieldSpec, ...]] = {
    CategoryKind.INTRO: (),
    CategoryKind.NEWS: (),  # source and author are fields of the item itself
    CategoryKind.DIRECTION: (),
    CategoryKind.DISSEMINATION: (
        _f("related_document", "Văn bản được phổ biến", "Related legal document", required=True),
        _f("related_issue_date", "Ngày ban hành văn bản", "Issue date of the document", "date"),
        _f("related_url", "Liên kết văn bản", "Link to the document", "url"),
    ),
    CategoryKind.STRATEGY: (
        _f("plan_type", "Loại quy hoạch, kế hoạch", "Type of plan", "choice", choices=PLAN_TYPES),
        _f("approval_decision", "Quyết định phê duyệt", "Approving decision"),
        _f("approval_date", "Ngày phê duyệt", "Approval date", "date", required=True),
        _f("file", "Tệp đính kèm", "Attached file", "file"),
    ),
    CategoryKind.LEGAL: (
        _f(
            "document_type",
            "Hình thức văn bản",
            "Document type",
            "choice",
            required=True,
            choices=LEGAL_DOCUMENT_TYPES,
        ),
        _f("number", "Số ký hiệu", "Number and symbol", required=True),
        _f("issuer", "Cơ quan ban hành", "Issuing authority", required=True),
        _f("signer", "Người ký", "Signed by"),
        _f("issue_date", "Ngày ban hành", "Issue date", "date", required=True),
        _f("effective_date", "Ngày hiệu lực", "Effective date", "date"),
        _f("abstract", "Trích yếu", "Abstract", "longtext", required=True),
        _f("field", "Lĩnh vực", "Field"),  # the public list filters by it (annex, row 2)
        _f("replaces", "Văn bản được thay thế", "Replaces"),
        _f("file", "Tệp văn bản", "Document file", "file", required=True),
    ),
    CategoryKind.GAZETTE: (
        _f("gazette_number", "Số công báo", "Gazette number", required=True),
        _f("issue_date", "Ngày phát hành", "Issue date", "date", required=True),
        _f(
            "documents",
            "Danh mục văn bản và trích yếu",
            "Documents and their abstracts",
            "longtext",
            required=True,
        ),
        _f("file", "Tệp công báo", "Gazette file", "file"),
    ),
    CategoryKind.PROJECTS: (
        _f("project_name", "Tên dự án", "Project name", required=True),
        _f("investor", "Chủ đầu tư", "Investor", required=True),
        _f("location", "Địa điểm", "Location", required=True),
        _f("objective", "Mục tiêu chính", "Main objective", "longtext", required=True),
        _f("field", "Lĩnh vực", "Field"),
        _f("project_type", "Loại dự án", "Project type", "choice", choices=PROJECT_TYPES),
        _f("duration", "Thời gian thực hiện", "Duration"),
        _f("budget", "Tổng mức đầu tư (triệu đồng)", "Total investment (million VND)", "number"),
        _f(
            "compensation_plan",
            "Phương án bồi thường, giải phóng mặt bằng",
            "Compensation and site clearance plan",
            "longtext",
        ),
        _f("funding_type", "Hình thức vốn", "Funding type", "choice", choices=FUNDING_TYPES),
        _f("donor", "Nhà tài trợ", "Donor"),
        _f("approval_date", "Ngày phê duyệt", "Approval date", "date"),
        _f("status", "Tình trạng", "Status", "choice", required=True, choices=PROJECT_STATUSES),
    ),
    CategoryKind.CONSULTATION: (
        _f("draft_title", "Tên dự thảo", "Title of the draft"),
        _f("drafting_unit", "Cơ quan soạn thảo", "Drafting agency"),
        _f("comment_deadline", "Hạn góp ý", "Comment deadline", "date", required=True),
        _f("receiving_unit", "Đơn vị tiếp nhận góp ý", "Unit receiving comments", required=True),
        _f("address", "Địa chỉ", "Address", required=True),
        _f("email", "Thư điện tử", "E-mail", "email", required=True),
        _f("phone", "Điện thoại", "Phone", "phone"),
        _f("file", "Dự thảo", "Draft document", "file"),
    ),
    CategoryKind.CONTACTS: (
        _f("full_name", "Họ và tên", "Full name", required=True),
        _f("position", "Chức vụ", "Position", required=True),
        _f("unit", "Đơn vị", "Unit", required=True),
        _f("phone", "Điện thoại", "Phone", "phone"),
        _f("fax", "Fax", "Fax", "phone"),
        _f("email", "Thư điện tử công vụ", "Official e-mail", "email", required=True),
    ),
    CategoryKind.TRANSACTIONS: (
        _f("address", "Địa chỉ", "Address", required=True),
        _f("phone", "Điện thoại", "Phone", "phone", required=True),
        _f("fax", "Fax", "Fax", "phone"),
        _f("email", "Thư điện tử công vụ", "Official e-mail", "email", required=True),
    ),
    CategoryKind.SCIENCE: (
        _f("code", "Mã số", "Code", required=True),
        _f("program_name", "Tên chương trình, đề tài", "Program or topic", required=True),
        _f(
            "management_level",
            "Cấp quản lý",
            "Management level",
            "choice",
            required=True,
            choices=MANAGEMENT_LEVELS,
        ),
        _f("field", "Lĩnh vực", "Field", required=True),
        _f("lead_unit", "Đơn vị chủ trì", "Lead unit", required=True),
        _f("principal_investigator", "Chủ nhiệm", "Principal investigator"),
        _f("duration", "Thời gian thực hiện", "Duration", required=True),
        _f("budget", "Kinh phí (triệu đồng)", "Budget (million VND)", "number"),
        _f("approval_date", "Ngày phê duyệt", "Approval date", "date"),
        _f("acceptance_date", "Ngày nghiệm thu", "Acceptance date", "date"),
        _f("results", "Kết quả nghiên cứu", "Results", "longtext"),
    ),
    CategoryKind.CLARIFICATION: (
        _f(
            "misinformation",
            "Thông tin sai lệch cần làm rõ",
            "False information being clarified",
            "longtext",
            required=True,
        ),
        _f("appeared_in", "Nơi đăng thông tin sai lệch", "Where it appeared"),
        _f("appeared_url", "Liên kết thông tin sai lệch", "Link to it", "url"),
        _f("appeared_on", "Ngày đăng thông tin sai lệch", "Date it appeared", "date"),
        _f("clarifying_agency", "Cơ quan giải thích, làm rõ", "Clarifying agency"),
    ),
    CategoryKind.STATISTICS: (
        _f("period", "Kỳ thống kê", "Period", required=True),
        _f(
            "decision_date",
            "Ngày quyết định công bố",
            "Date the head decided to publish",
            "date",
            required=True,
        ),
        _f("publishing_unit", "Cơ quan công bố", "Publishing agency", required=True),
        _f("field", "Lĩnh vực", "Field"),
        _f("file", "Tệp số liệu", "Data file", "file"),
    ),
    CategoryKind.WORK_CALENDAR: (
        _f("leader", "Lãnh đạo", "Leader", required=True),
        _f("week_start", "Từ ngày", "From", "date", required=True),
        _f("week_end", "Đến ngày", "Until", "date", required=True),
        _f("file", "Tệp lịch làm việc", "Calendar file", "file"),
    ),
    CategoryKind.UNIT_SITES: (
        _f("unit_name", "Tên đơn vị", "Unit", required=True),
        _f("site_url", "Địa chỉ trang thông tin điện tử", "Website address", "url", required=True),
        _f("email", "Thư điện tử công vụ", "Official e-mail", "email"),
        _f("phone", "Điện thoại", "Phone", "phone"),
    ),
    CategoryKind.PUBLIC_SERVICES: (
        _f("service_name", "Tên dịch vụ", "Service", required=True),
        _f("field", "Lĩnh vực", "Field", required=True),
        _f("level", "Mức độ", "Level", "choice", required=True, choices=SERVICE_LEVELS),
        _f("service_url", "Địa chỉ đăng tải dịch vụ", "Service address", "url", required=True),
        _f("in_use_since", "Thời điểm đưa vào sử dụng", "In use since", "date"),
        _f("provider", "Cơ quan cung cấp dịch vụ", "Providing agency", required=True),
        _f(
            "provided_by",
            "Nguồn dịch vụ",
            "Provided by",
            "choice",
            required=True,
            choices=SERVICE_PROVIDERS,
        ),
        _f("guide_url", "Hướng dẫn sử dụng", "User guide", "url"),
    ),
    CategoryKind.QUESTIONS: (),  # the question is linked on the portal (issue 18)
    CategoryKind.FREE: (),
}

#: The metadata date a section's deadline counts from (BD-13), to suggest an item's trigger date.
TRIGGER_FIELDS: dict[CategoryKind, str] = {
    CategoryKind.DISSEMINATION: "related_issue_date",
    CategoryKind.STRATEGY: "approval_date",
    CategoryKind.LEGAL: "issue_date",
    CategoryKind.GAZETTE: "issue_date",
    CategoryKind.PROJECTS: "approval_date",
    CategoryKind.SCIENCE: "approval_date",
    CategoryKind.STATISTICS: "decision_date",
}


def fields_for(kind: CategoryKind | str) -> tuple[FieldSpec, ...]:
    """The declared fields of a section kind (a str is read as a CategoryKind value)."""
    return FIELDS[CategoryKind(kind)]


# --- dates and numbers as Vietnamese write them -------------------------------------------------

_VN_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_vn_date(value: str | date) -> date:
    """A date given as ISO ``YYYY-MM-DD`` or Vietnamese ``dd/mm/yyyy`` (``5/3/2026`` too).

    Raises ValueError for anything else, including days that do not exist (31/02/2026).
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    if _ISO_DATE.fullmatch(text):
        return date.fromisoformat(text)
    match = _VN_DATE.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    raise ValueError(f"not a date (dd/mm/yyyy or YYYY-MM-DD): {value!r}")


def format_vn_date(value: str | date) -> str:
    """``dd/mm/yyyy``, the way dates are written on Vietnamese documents."""
    return parse_vn_date(value).strftime("%d/%m/%Y")


_VN_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+(,\d+)?")
_VN_DECIMAL = re.compile(r"\d+,\d+")
_PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?")


def parse_vn_number(value: str | float) -> int | float:
    """A number as JSON or as Vietnamese write it: ``1.250.000`` or ``1.250,5`` or ``12,5``.

    A dot followed by groups of exactly three digits is a thousands separator (``1.250`` is one
    thousand two hundred and fifty); otherwise a dot is a decimal point (``1250.5``).
    """
    if isinstance(value, bool):
        raise ValueError("not a number: a yes/no value")
    if isinstance(value, int | float):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a number: {value!r}")
    text = value.strip().replace(" ", "").replace("\u00a0", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("-")
    if _VN_THOUSANDS.fullmatch(text) or _VN_DECIMAL.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    elif not _PLAIN_NUMBER.fullmatch(text):
        raise ValueError(f"not a number: {value!r}")
    number = float(text)
    return sign * (int(number) if number.is_integer() and "." not in text else number)


def format_number(value: int | float, language: str = "vi") -> str:
    """``1.250.000`` and ``12,5`` in Vietnamese; ``1,250,000`` and ``12.5`` in English."""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.6f}".rstrip("0").rstrip(".")
    if language == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


# --- validation ---------------------------------------------------------------------------------

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+")
_PHONE_CHARS = re.compile(r"[0-9 +().\-]+")
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


def _in_sentence(label: str) -> str:
    """A label inside a sentence: lower-case first letter, unless it is an acronym (ODA)."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _is_empty(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, str | list | tuple | dict) and not value)
        or (isinstance(value, str) and not value.strip())
    )


def _choice_value(spec: FieldSpec, value: Any) -> str | None:
    """The choice's value for a value or either of its labels; None when it is not a choice."""
    if not isinstance(value, str):
        return None
    text = nfc(value).strip()
    for choice_value, vi, en in spec.choices:
        if text == choice_value or text.casefold() in (vi.casefold(), en.casefold()):
            return choice_value
    return None


def _bad(spec: FieldSpec, code: str, vi: str, en: str) -> Problem:
    field = f"metadata.{spec.key}"
    return Problem(code, field, f"{spec.label_vi}: {vi}", f"{spec.label_en}: {en}")


def _value_problem(spec: FieldSpec, value: Any) -> Problem | None:
    """What is wrong with a present value of a field, or None."""
    kind = spec.type
    if kind in ("text", "longtext"):
        if not isinstance(value, str):
            return _bad(spec, "bad_text", "phải là văn bản.", "must be text.")
    elif kind == "date":
        try:
            parse_vn_date(value)
        except ValueError:
            return _bad(
                spec,
                "bad_date",
                "ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm (dd/mm/yyyy).",
                "not a valid date; write it as dd/mm/yyyy.",
            )
    elif kind == "choice":
        if _choice_value(spec, value) is None:
            vi_choices = ", ".join(vi for _, vi, _ in spec.choices)
            en_choices = ", ".join(en for _, _, en in spec.choices)
            return _bad(
                spec,
                "bad_choice",
                f"hãy chọn một trong: {vi_choices}.",
                f"choose one of: {en_choices}.",
            )
    elif kind == "number":
        try:
            parse_vn_number(value)
        except ValueError:
            return _bad(spec, "bad_number", "phải là một số.", "must be a number.")
    elif kind == "email":
        if not (isinstance(value, str) and _EMAIL.fullmatch(value.strip())):
            return _bad(
                spec,
                "bad_email",
                "địa chỉ thư điện tử không hợp lệ.",
                "not a valid e-mail address.",
            )
    elif kind == "url":
        parsed = urlparse(value.strip()) if isinstance(value, str) else None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc:
            return _bad(
                spec,
                "bad_url",
                "địa chỉ phải bắt đầu bằng http:// hoặc https://.",
                "the address must start with http:// or https://.",
            )
    elif kind == "phone":
        digits = sum(c.isdigit() for c in value) if isinstance(value, str) else 0
        if not (
            isinstance(value, str) and _PHONE_CHARS.fullmatch(value.strip()) and 8 <= digits <= 15
        ):
            return _bad(
                spec,
                "bad_phone",
                "số điện thoại không hợp lệ.",
                "not a valid phone number.",
            )
    elif kind == "file" and not (isinstance(value, str) and _SHA256.fullmatch(value.strip())):
        return _bad(
            spec,
            "bad_file",
            "tệp đính kèm không hợp lệ (cần mã sha256 của tệp).",
            "not a valid file (the sha256 of a stored file is expected).",
        )
    return None


def validate_metadata(
    kind: CategoryKind | str, metadata: Mapping[str, Any], published_on: date | None = None
) -> list[Problem]:
    """What is wrong with an item's structured fields (empty: nothing).

    ``published_on`` is the publication date, or the date the item is expected to be published
    (the editor passes today): a consultation's comment deadline must come after it.
    """
    if not isinstance(metadata, Mapping):
        return [
            Problem(
                "bad_metadata",
                "metadata",
                "Thông tin chuyên mục không hợp lệ.",
                "The section's fields are not valid.",
            )
        ]
    problems: list[Problem] = []
    for spec in fields_for(kind):
        value = metadata.get(spec.key)
        if _is_empty(value):
            if spec.required:
                problems.append(
                    Problem(
                        "required",
                        f"metadata.{spec.key}",
                        f"Chưa nhập {_in_sentence(spec.label_vi)}.",
                        f"The {_in_sentence(spec.label_en)} is missing.",
                    )
                )
            continue
        problem = _value_problem(spec, value)
        if problem:
            problems.append(problem)
    if CategoryKind(kind) is CategoryKind.CONSULTATION and published_on is not None:
        problems.extend(_consultation_problems(metadata, published_on))
    if CategoryKind(kind) is CategoryKind.WORK_CALENDAR:
        problems.extend(_calendar_problems(metadata))
    return problems


def _calendar_problems(metadata: Mapping[str, Any]) -> list[Problem]:
    """A leaders' work calendar ends on or after the day it starts."""
    try:
        start = parse_vn_date(metadata.get("week_start", ""))
        end = parse_vn_date(metadata.get("week_end", ""))
    except ValueError:
        return []  # missing or malformed: already reported
    if end >= start:
        return []
    shown = format_vn_date(start)
    return [
        Problem(
            "ends_before_it_starts",
            "metadata.week_end",
            f"Lịch làm việc phải kết thúc từ ngày {shown} trở đi.",
            f"The work calendar must end on or after {shown}.",
        )
    ]


def _consultation_problems(metadata: Mapping[str, Any], published_on: date) -> list[Problem]:
    try:
        deadline = parse_vn_date(metadata.get("comment_deadline", ""))
    except ValueError:
        return []  # missing or malformed: already reported
    if deadline > published_on:
        return []
    shown = format_vn_date(published_on)
    return [
        Problem(
            "deadline_before_publication",
            "metadata.comment_deadline",
            f"Hạn góp ý phải sau ngày đăng ({shown}).",
            f"The comment deadline must be after the publication date ({shown}).",
        )
    ]


# --- normal form and display --------------------------------------------------------------------


def _normal_value(spec: FieldSpec, value: Any) -> Any:
    """A field's value in its JSON form when it can be read; as it was otherwise."""
    try:
        if spec.type in ("text", "longtext", "email", "url", "phone"):
            return nfc(value).strip() if isinstance(value, str) else value
        if spec.type == "date":
            return parse_vn_date(value).isoformat() if not _is_empty(value) else value
        if spec.type == "choice":
            return _choice_value(spec, value) or value
        if spec.type == "number":
            return parse_vn_number(value) if not _is_empty(value) else value
        if spec.type == "file":
            return value.strip().lower() if isinstance(value, str) else value
    except ValueError:
        return value
    return value


def normalise_metadata(kind: CategoryKind | str, metadata: Mapping[str, Any]) -> dict[str, Any]:
    """Declared fields in their JSON form: dates ISO, text NFC and trimmed, choices by value.

    Values that cannot be read are kept as given so that ``validate_metadata`` can name them;
    keys that are not declared are kept as they are.
    """
    specs = {spec.key: spec for spec in fields_for(kind)}
    return {
        key: _normal_value(specs[key], value) if key in specs else value
        for key, value in metadata.items()
    }


def display_value(spec: FieldSpec, value: Any, language: str = "vi") -> str:
    """A field's value as people read it: dd/mm/yyyy, the choice's label, 1.250.000."""
    try:
        if spec.type == "date":
            return format_vn_date(value)
        if spec.type == "number":
            return format_number(parse_vn_number(value), language)
    except ValueError:
        pass
    if spec.type == "choice":
        return spec.choice_label(_choice_value(spec, value) or str(value), language)
    return nfc(value).strip() if isinstance(value, str) else str(value)


#: Labels of keys some items carry beyond their section's declaration (an older form, an
#: import): the public page and the exports show these rather than the raw key.
EXTRA_LABELS: dict[str, tuple[str, str]] = {
    "field": ("Lĩnh vực", "Field"),
    "issuer": ("Cơ quan ban hành", "Issuing authority"),
    "signer": ("Người ký", "Signed by"),
    "replaces": ("Văn bản được thay thế", "Replaces"),
    "related_document": ("Văn bản liên quan", "Related document"),
    "document_status": ("Tình trạng văn bản", "Document status"),
    "period": ("Thời kỳ", "Period"),
    "approval_decision": ("Quyết định phê duyệt", "Approving decision"),
    "draft_title": ("Tên dự thảo", "Title of the draft"),
    "clarifying_agency": ("Cơ quan giải thích, làm rõ", "Clarifying agency"),
    "unit": ("Đơn vị", "Unit"),
    "address": ("Địa chỉ", "Address"),
    "phone": ("Điện thoại", "Phone"),
    "email": ("Thư điện tử", "E-mail"),
    "note": ("Ghi chú", "Note"),
}


@dataclass(frozen=True, slots=True)
class FactRow:
    """One row of a fact box; ``file`` is the sha256 of a file field's blob (a download link)."""

    label: str
    value: str
    file: str | None = None


def _extra_label(key: str, language: str) -> str:
    labels = EXTRA_LABELS.get(key)
    if labels is None:
        return key
    return labels[0] if language == "vi" else labels[1]


def fact_rows(
    kind: CategoryKind | str,
    metadata: Mapping[str, Any],
    language: str = "vi",
    file_names: Mapping[str, str] | None = None,
) -> list[FactRow]:
    """The fact box's rows, in declaration order, then free extra fields.

    Empty fields are left out. Labels are Vietnamese for ``vi`` and English for every other
    language. A file field's value is its name from ``file_names`` (sha256 → the name it was
    uploaded with), else its sha256; its row carries the sha256 for a download link. Free extra
    fields (keys the kind does not declare) follow, labelled from ``EXTRA_LABELS`` or by their
    key.
    """
    names = file_names or {}
    rows: list[FactRow] = []
    specs = fields_for(kind)
    for spec in specs:
        value = metadata.get(spec.key)
        if _is_empty(value):
            continue
        if spec.type == "file" and isinstance(value, str):
            sha = value.strip().lower()
            rows.append(FactRow(spec.label(language), names.get(sha) or sha, sha))
        else:
            rows.append(FactRow(spec.label(language), display_value(spec, value, language)))
    declared = {spec.key for spec in specs}
    for key, value in metadata.items():
        if key not in declared and not _is_empty(value):
            rows.append(FactRow(_extra_label(str(key), language), _free_value(value)))
    return rows


def fact_box(
    kind: CategoryKind | str,
    metadata: Mapping[str, Any],
    language: str = "vi",
    file_names: Mapping[str, str] | None = None,
) -> list[tuple[str, str]]:
    """(label, value) rows for the public page and the exports: see :func:`fact_rows`."""
    return [(row.label, row.value) for row in fact_rows(kind, metadata, language, file_names)]


def _free_value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def suggested_trigger_date(kind: CategoryKind | str, metadata: Mapping[str, Any]) -> date | None:
    """The metadata date a section's deadline counts from (issue or approval date), if given."""
    key = TRIGGER_FIELDS.get(CategoryKind(kind))
    if key is None or _is_empty(metadata.get(key)):
        return None
    try:
        return parse_vn_date(metadata[key])
    except ValueError:
        return None
