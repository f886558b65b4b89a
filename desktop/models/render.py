"""Markdown → safe HTML, the one renderer used by the editor's preview and the portal's pages,
and :func:`safe_url`, the one check of every address that is rendered as a link or an image.

python-markdown renders; nh3 (ammonia) sanitizes with the allow-list of platform-notes.md, so
scripts, event handlers, ``style``, iframes and ``javascript:``/``data:`` URLs never survive.

Addresses are checked when they are rendered, not only when they are written: an item's source
can be changed at step 2 or after publication, and older items were stored before any check.
The public pages, the Atom feed, the exports and the WordPress renderer all call
:func:`safe_url`; only ``http``, ``https`` and ``mailto`` pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

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
#: The only schemes a rendered link or image may use (``tel:`` too is left out: one rule).
URL_SCHEMES = frozenset({"http", "https", "mailto"})
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


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))


def safe_url(url: str | None, *, relative: bool = False) -> str | None:
    """``url`` as it may be rendered (``href``/``src``), or None when it must not be.

    Read the way a browser reads it (WHATWG URL): leading and trailing controls and spaces are
    dropped and tabs and newlines inside removed, so ``" java\tscript:…"`` is seen as the
    ``javascript:`` it is. Then only ``http:``/``https:`` (with a host) and ``mailto:`` pass;
    any other control character fails. Without a scheme the address is relative to the page:
    allowed only where ``relative`` (links and images in a body), never for an item's source.
    The returned text is the cleaned one, so what is rendered is what was checked.
    """
    if not isinstance(url, str):
        return None
    text = _TAB_OR_NEWLINE.sub("", url.strip(_C0_OR_SPACE + "\x7f"))
    if not text or any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        return None
    scheme = _SCHEME.match(text)
    if scheme is None:
        return text if relative else None
    name = scheme.group(1).lower()
    if name not in URL_SCHEMES:
        return None
    if name in ("http", "https"):
        try:
            host = urlsplit(text).hostname
        except ValueError:  # an unreadable port or IPv6 literal
            return None
        if not host:
            return None
    return text


def _url_filter(media_prefix: str) -> Callable[[str, str, str], str | None]:
    """Every ``href`` through :func:`safe_url`; images only from the portal's own media."""

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return (
                value if value.startswith(media_prefix) and safe_url(value, relative=True) else None
            )
        if attribute in ("href", "src"):
            return safe_url(value, relative=True)
        return value

    return keep


def render_markdown(text: str, media_prefix: str = MEDIA_PREFIX) -> str:
    """Render an item's Markdown body to sanitized HTML.

    Image sources are restricted to the portal's own media (``media_prefix``); any other image
    source is removed, so a page never loads third-party content.
    """
    import markdown  # ~40 ms: deferred until the first text is rendered (issue 21)

    html = markdown.markdown(text, extensions=_EXTENSIONS, output_format="html")
    return nh3.clean(
        _heading_shift(html),
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        attribute_filter=_url_filter(media_prefix),
        strip_comments=True,
    )
