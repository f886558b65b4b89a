"""Issue 15: an address is checked when it is rendered, by one function, wherever it is rendered
(public page, Atom feed, exports, the WordPress renderer), and a source address is checked on
every write; text that XML cannot hold never reaches the feed."""

from __future__ import annotations

import uuid
from typing import Any
from xml.etree import ElementTree as ET

import orjson
import pytest
from sqlalchemy import select, update

from desktop.content.export import export_html, export_markdown
from desktop.models import Item
from desktop.publishing.rendering import render_item
from portal import db
from portal.server import PortalServer
from tests.portal.conftest import Api

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_URLS = [
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    " \tjava\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "http:evil.example",
    "//evil.example/x",
    "tin-khac",
]


def _repost(**overrides: Any) -> dict[str, Any]:
    fields = {
        "origin": "repost",
        "source": {"name": "Báo Nhân Dân", "url": "https://nhandan.vn/bai-goc"},
    }
    return {**fields, **overrides}


def _publish(api: dict[str, Api], **fields: Any) -> dict[str, Any]:
    member = api["thanhvien1"]
    item = member.act(member.create(**_repost(**fields)), "submit").json()
    item = api["phoban"].act(item, "forward").json()
    published = api["truongban"].act(item, "approve")
    assert published.status_code == 200, published.text
    return published.json()


def _put(api: Api, item: dict[str, Any], **fields: Any) -> Any:
    return api.put(
        f"/api/v1/items/{item['id']}", json=fields, headers={"If-Match": f'"{item["version"]}"'}
    )


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_script_source_is_refused_on_every_write(api: dict[str, Api], url: str) -> None:
    """Step 2 (the deputy), the head on a published item, and a create: all refused now."""
    member, deputy, head = api["thanhvien1"], api["phoban"], api["truongban"]
    bad = {"name": "Nguồn", "url": url}
    submitted = member.act(member.create(**_repost()), "submit").json()
    at_step_2 = _put(deputy, submitted, source=bad)
    assert at_step_2.status_code == 422, at_step_2.text
    assert at_step_2.json()["errors"][0]["code"] == "bad_source_url"
    published = _publish(api)
    on_published = _put(head, published, source=bad)
    assert on_published.status_code == 422, on_published.text
    created = member.put(
        f"/api/v1/items/{uuid.uuid4()}",
        json={"site": "so", **_repost(source=bad)},
        headers={"If-None-Match": "*"},
    )
    assert created.status_code == 422 and created.json()["errors"][0]["code"] == "bad_source_url"
    for item in (submitted, published):
        assert head.get(f"/api/v1/items/{item['id']}").json()["version"] == item["version"]


def test_a_good_source_is_still_taken(api: dict[str, Api]) -> None:
    published = _publish(api)
    changed = _put(api["truongban"], published, source={"name": "VTV", "url": "https://vtv.vn/a"})
    assert changed.status_code == 200, changed.text
    page = api["thanhvien1"].client.get(f"/items/{published['slug']}").text
    assert 'href="https://vtv.vn/a"' in page


def _store_as_before(server: PortalServer, item_id: str, **fields: Any) -> Item:
    """Overwrite a stored item the way a portal without these checks could have stored it."""
    engine = server.app.state.engine
    with db.writing(engine) as conn:
        data = orjson.loads(
            conn.execute(select(db.items.c.data).where(db.items.c.id == item_id)).scalar_one()
        )
        data.update(fields)
        conn.execute(
            update(db.items)
            .where(db.items.c.id == item_id)
            .values(data=orjson.dumps(data).decode())
        )
    return Item.from_dict(data)


@pytest.mark.parametrize("url", HOSTILE_URLS[:6])
def test_a_stored_script_source_is_never_rendered_as_a_link(
    server: PortalServer, api: dict[str, Api], url: str
) -> None:
    published = _publish(api)
    item = _store_as_before(server, published["id"], source={"name": "Nguồn X", "url": url})
    page = api["thanhvien1"].client.get(f"/items/{published['slug']}")
    assert page.status_code == 200
    article = page.text.split('<article class="item">', 1)[1].split("</article>", 1)[0]
    feed = api["thanhvien1"].client.get("/feed.atom").text
    wordpress = render_item(item).html
    exports = [export_html(item), export_markdown(item), export_html(item, language="en")]
    for rendered in [article, feed, wordpress, *exports]:
        lowered = rendered.lower()
        for needle in ("javascript", "script:", "data:", "vbscript", "alert("):
            assert needle not in lowered, (needle, rendered[:400])
    assert "Nguồn X" in article and "Nguồn X" in wordpress  # the name is still shown


def test_non_characters_in_a_title_keep_the_feed_well_formed(
    server: PortalServer, api: dict[str, Api]
) -> None:
    odd = "Tin\ufffe mới\uffff \ufdd0cuối\U0001fffe"
    published = _publish(api, title=odd, summary="Sapo\uffff", body="Nội dung\ufffe.")
    assert published["title"] == "Tin mới cuối" and published["summary"] == "Sapo"
    older = _publish(api, title="Tin cũ")
    _store_as_before(server, older["id"], title="Tin\uffff cũ\ufffe", summary="\ufdd0x")
    answer = api["thanhvien1"].client.get("/feed.atom")
    assert answer.status_code == 200
    feed = ET.fromstring(answer.content)  # an XML parser: not well-formed would raise
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert sorted(titles) == sorted(["Tin mới cuối", "Tin cũ"])
    for site_feed in ("/sites/so/feed.atom",):
        ET.fromstring(api["thanhvien1"].client.get(site_feed).content)
