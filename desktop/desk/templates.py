"""Templates per section (mẫu tin theo chuyên mục, issue 20): a new item in a section starts
from the template the portal's administrator set for it. The templates come with the sections
(``GET /sites/{site}/categories``, a ``template`` per section that has one), so they are in the
store after any sync and work offline."""

from __future__ import annotations

from typing import Any, Protocol

#: The content fields a template may fill in.
TEMPLATE_FIELDS = ("title", "summary", "body", "metadata", "author", "unit", "language")


class SectionSource(Protocol):
    def categories(self, site: str) -> list[dict[str, Any]]: ...


def section_templates(store: SectionSource, site: str) -> dict[str, dict[str, Any]]:
    """Section id → its template (content fields), for the sections that have one."""
    return {
        str(entry.get("id")): {k: v for k, v in entry["template"].items() if k in TEMPLATE_FIELDS}
        for entry in store.categories(site)
        if isinstance(entry.get("template"), dict)
    }


def section_template(store: SectionSource, site: str, category: str) -> dict[str, Any]:
    """The section's template (content fields), or {} when it has none."""
    return section_templates(store, site).get(category, {})
