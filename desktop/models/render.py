"""Markdown → safe HTML, the one renderer used by the editor's preview and the portal's pages.

python-markdown renders; nh3 (ammonia) sanitizes with the allow-list of platform-notes.md, so
scripts, event handlers, ``style``, iframes and ``javascript:``/``data:`` URLs never survive.
"""

from __future__ import annotations

from collections.abc import Callable

import markdown
import nh3

ALLOWED_TAGS = frozenset(
    "h2 h3 h4 p br hr strong em b i u s sub sup blockquote code pre ul ol li a img figure "
    "figcaption table caption thead tbody tr th td".split()
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_EXTENSIONS = ["tables", "sane_lists", "smarty"]

#: Where an item's images live: ``/media/<sha256>`` on the portal that serves the page.
MEDIA_PREFIX = "/media/"


def _heading_shift(html: str) -> str:
    # The page title is the item's <h1>; a body's "# Heading" becomes <h2>.
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>"
        )
    return html.replace("<h6>", "<h4>").replace("</h6>", "</h4>")


def _image_filter(media_prefix: str) -> Callable[[str, str, str], str | None]:
    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            if value.startswith(media_prefix) or value.startswith("blob:"):
                return value
            return None
        return value

    return keep


def render_markdown(text: str, media_prefix: str = MEDIA_PREFIX) -> str:
    """Render an item's Markdown body to sanitized HTML.

    Image sources are restricted to the portal's own media (``media_prefix``); any other image
    source is removed, so a page never loads third-party content.
    """
    html = markdown.markdown(text, extensions=_EXTENSIONS, output_format="html")
    return nh3.clean(
        _heading_shift(html),
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        attribute_filter=_image_filter(media_prefix),
        strip_comments=True,
    )
