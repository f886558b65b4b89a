"""An item as an outside site shows it: the one renderer's HTML plus byline, fact box, files.

Everything goes through ``desktop.models.render`` (Markdown → sanitized HTML); what is added here is
escaped, and the whole is sanitized once more after the media URLs are rewritten, with image
sources limited to the media the target itself holds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

import nh3

from desktop.models import Item
from desktop.models.fields import fact_box
from desktop.models.render import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    MEDIA_PREFIX,
    URL_SCHEMES,
    render_markdown,
    safe_url,
)
from desktop.publishing.connector import Rendered

_MEDIA = re.compile(r"/media/([0-9a-f]{64})")

LABELS = {
    "vi": {"author": "Tác giả", "unit": "Đơn vị", "source": "Nguồn", "files": "Tệp đính kèm"},
    "en": {"author": "Author", "unit": "Unit", "source": "Source", "files": "Attachments"},
}


def media_in(item: Item) -> list[str]:
    """The sha256 of every image in the body and every attachment, in order, once each."""
    found = [m.group(1) for m in _MEDIA.finditer(item.body)]
    return list(dict.fromkeys([*found, *item.attachments]))


def marker_for(item: Item) -> str:
    """A slug unique to the item: readable, and found again after a lost answer."""
    short = item.id.replace("-", "")[:8].lower()
    stem = (item.slug or "tin")[:80].strip("-") or "tin"
    return stem if stem.endswith(short) else f"{stem}-{short}"


def render_item(
    item: Item,
    *,
    category_name: str = "",
    category_kind: str = "free",
    filenames: Mapping[str, str] | None = None,
) -> Rendered:
    language = item.language if item.language in LABELS else "vi"
    labels = LABELS[language]
    parts = [render_markdown(item.body)]
    byline = []
    if item.author:
        byline.append(f"{labels['author']}: {escape(item.author)}")
    if item.unit:
        byline.append(f"{labels['unit']}: {escape(item.unit)}")
    source_url = safe_url(item.source.url)  # a javascript: source is shown as its name only
    if item.source.name or source_url:
        name = escape(item.source.name or source_url or "")
        source = f'<a href="{escape(source_url)}">{name}</a>' if source_url else name
        byline.append(f"{labels['source']}: {source}")
    if byline:
        parts.append("<p><em>" + " · ".join(byline) + "</em></p>")
    rows = fact_box(category_kind, item.metadata, language if language == "vi" else "en")
    if rows:
        cells = "".join(
            f'<tr><th scope="row">{escape(label)}</th><td>{escape(value)}</td></tr>'
            for label, value in rows
        )
        parts.append(f"<table><tbody>{cells}</tbody></table>")
    if item.attachments:
        names = filenames or {}
        links = "".join(
            f'<li><a href="{MEDIA_PREFIX}{sha}">{escape(names.get(sha) or sha[:12])}</a></li>'
            for sha in item.attachments
        )
        parts.append(f"<h3>{labels['files']}</h3><ul>{links}</ul>")
    return Rendered(
        title=item.title,
        html="\n".join(parts),
        excerpt=item.summary,
        category=item.category,
        category_name=category_name or item.category,
        language=item.language,
        marker=marker_for(item),
    )


def rewrite_media(html: str, urls: Mapping[str, str]) -> str:
    """Point ``/media/<sha>`` at the target's copies; images the target lacks are dropped."""
    rewritten = _MEDIA.sub(lambda m: urls.get(m.group(1), m.group(0)), html)
    allowed = set(urls.values())

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return value if value in allowed else None
        if tag == "a" and attribute == "href" and value.startswith(MEDIA_PREFIX):
            return None
        if attribute in ("href", "src"):
            return safe_url(value, relative=True)
        return value

    return nh3.clean(
        rewritten,
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        attribute_filter=keep,
        strip_comments=True,
    )
