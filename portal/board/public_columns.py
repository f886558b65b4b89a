"""The item row's copies for the public pages (issue 21): what they sort and filter by, kept in
step with ``items.data`` by the one row writer (:func:`portal.board.service._row`).

- ``published_at``: the date readers see (the scheduled time, else the approval's);
- ``language``, ``translation_of``: the item page's translations by indexed SQL;
- ``body_html``: the body rendered (and cleaned of what XML cannot hold) once when the item is
  published (NULL otherwise), so the item page and the feed never render it per request;
- ``changed_at``: when the row was last written (the public pages' ``Last-Modified``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from desktop.models import Item, State
from desktop.models.render import render_markdown
from desktop.models.text import clean_text

#: Before any date: an item with no approval and no state time (never on the public pages).
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def published_at(item: Item) -> datetime:
    """The date readers see: the scheduled time when there was one, else the approval's."""
    if item.publish_at is not None:
        return item.publish_at
    step = item.steps.get("approve")
    return step.at if step else (item.state_since or EPOCH)


def rendered_body(body: str) -> str:
    """The body's HTML as every public page shows it (and XML can hold: the feed's)."""
    return clean_text(render_markdown(body))


def public_columns(item: Item) -> dict[str, Any]:
    """The row's public copies of ``item`` (UTC times)."""
    changed = item.updated_at or item.state_since
    return {
        "published_at": published_at(item).astimezone(UTC),
        "language": item.language,
        "translation_of": item.translation_of,
        "body_html": rendered_body(item.body) if item.state is State.PUBLISHED else None,
        "changed_at": changed.astimezone(UTC) if changed is not None else None,
    }
