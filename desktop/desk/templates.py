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


def section_template(store: SectionSource, site: str, category: str) -> dict[str, Any]:
    """The section's template (content fields), or {} when it has none."""
    for entry in store.categories(site):
        if entry.get("id") == category and isinstance(entry.get("template"), dict):
            template = entry["template"]
            return {k: v for k, v in template.items() if k in TEMPLATE_FIELDS}
    return {}
