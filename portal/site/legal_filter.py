"""Legal documents sorted out by type, issuer, field and issue date (BD-11.6; the BD-27
annex, row 2: "phân loại các văn bản quy phạm pháp luật theo lĩnh vực, ngày ban hành, cơ quan
ban hành").

The search page takes ``type`` (a ``document_type`` value such as ``quyet_dinh``), ``issuer``,
``field``, ``from`` and ``to`` (issue dates, dd/mm/yyyy or YYYY-MM-DD). With any of them set,
only published items of a legal-document section that match every one are listed; the words
in ``q``, when given, still rank them. Issuers and fields match whatever their accents and case.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from desktop.models import CategoryKind, Item, fold
from desktop.models.fields import LEGAL_DOCUMENT_TYPES, fields_for, parse_vn_date

_DOCUMENT_TYPE = next(s for s in fields_for(CategoryKind.LEGAL) if s.key == "document_type")


def _same(a: str, b: str) -> bool:
    return " ".join(fold(a).lower().split()) == " ".join(fold(b).lower().split())


def _date(raw: str, bad: list[str]) -> date | None:
    text = (raw or "").strip()[:40]
    if not text:
        return None
    try:
        return parse_vn_date(text)
    except ValueError:
        bad.append(text)
        return None


@dataclass(frozen=True, slots=True)
class LegalFilter:
    """What the reader chose; ``bad_dates`` are the dates that could not be read (ignored)."""

    document_type: str = ""
    issuer: str = ""
    field: str = ""
    issued_from: date | None = None
    issued_until: date | None = None
    bad_dates: tuple[str, ...] = ()
    raw: dict[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> LegalFilter:
        bad: list[str] = []
        raw = {key: (params.get(key) or "")[:200] for key in ("type", "issuer", "field")}
        raw["from"] = (params.get("from") or "")[:40]
        raw["to"] = (params.get("to") or "")[:40]
        return cls(
            document_type=raw["type"].strip(),
            issuer=raw["issuer"].strip(),
            field=raw["field"].strip(),
            issued_from=_date(raw["from"], bad),
            issued_until=_date(raw["to"], bad),
            bad_dates=tuple(bad),
            raw=raw,
        )

    @property
    def active(self) -> bool:
        return bool(
            self.document_type
            or self.issuer
            or self.field
            or self.issued_from
            or self.issued_until
            or self.bad_dates
        )

    def matches(self, item: Item) -> bool:
        meta = item.metadata
        if self.document_type:
            value = str(meta.get("document_type") or "")
            wanted = _DOCUMENT_TYPE.choice_label(self.document_type)
            if not (_same(value, self.document_type) or _same(value, wanted)):
                return False
        if self.issuer and not _same(str(meta.get("issuer") or ""), self.issuer):
            return False
        if self.field and not _same(str(meta.get("field") or ""), self.field):
            return False
        if self.issued_from or self.issued_until:
            try:
                issued = parse_vn_date(str(meta.get("issue_date") or ""))
            except ValueError:
                return False
            if self.issued_from and issued < self.issued_from:
                return False
            if self.issued_until and issued > self.issued_until:
                return False
        return True

    def apply(self, items: Iterable[Item], legal: set[tuple[str, str]]) -> list[Item]:
        """The items of a legal-document section (``(site, category)`` in ``legal``) that match."""
        return [i for i in items if (i.site, i.category) in legal and self.matches(i)]


def by_issue_date(items: Iterable[Item]) -> list[Item]:
    """Newest issue date first (items without one last), keeping the given order otherwise."""

    def key(item: Item) -> str:
        try:
            return parse_vn_date(str(item.metadata.get("issue_date") or "")).isoformat()
        except ValueError:
            return ""

    return sorted(items, key=key, reverse=True)


@dataclass(frozen=True, slots=True)
class Choices:
    """What the filter's lists offer: the values the published legal documents carry."""

    types: list[tuple[str, str]]  # (value, label)
    issuers: list[str]
    fields: list[str]


def choices(items: Iterable[Item], language: str = "vi") -> Choices:
    listed = list(items)

    def distinct(key: str) -> list[str]:
        values: dict[str, str] = {}
        for item in listed:
            value = " ".join(str(item.metadata.get(key) or "").split())
            if value:
                values.setdefault(fold(value).lower(), value)
        return sorted(values.values(), key=lambda v: fold(v).lower())

    present = {fold(v).lower() for v in distinct("document_type")}
    types = [
        (value, vi if language == "vi" else en)
        for value, vi, en in LEGAL_DOCUMENT_TYPES
        if fold(value).lower() in present or fold(vi).lower() in present
    ]
    return Choices(types=types, issuers=distinct("issuer"), fields=distinct("field"))
