"""Approve on the portal → the post on a real WordPress; edit, take down, faults, races."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx

from desktop.models import Item
from desktop.publishing import TargetConfig
from desktop.publishing.rendering import marker_for
from desktop.publishing.wordpress import WordPressConnector
from portal import db
from portal.board import targets
from tests.publishing.conftest import (
    ClosingFaultProxy,
    add_target,
    approver_desk,
    edited_item,
    login_target,
)
from tests.publishing.wordpress_server import ADMIN, WordPressServer


def wp_get(wp: WordPressServer, route: str, auth: bool = False, **params: Any) -> httpx.Response:
    return httpx.get(
        wp.url + "/",
        params={"rest_route": route, **params},
        auth=(ADMIN, wp.app_password) if auth else None,
        timeout=30,
    )


def posts_with_marker(wp: WordPressServer, marker: str) -> list[dict[str, Any]]:
    answer = wp_get(
        wp, "/wp/v2/posts", auth=True, slug=marker, status="publish,draft,pending,private,trash"
    )
    assert answer.status_code == 200, answer.text
    return list(answer.json())


def publication(portal: Any, item_id: str, target: str) -> dict[str, Any] | None:
    with db.reading(portal.app.state.engine) as conn:
        return targets.get_publication(conn, item_id, target)


async def approve(desk: Any, item_id: str) -> None:
    await desk.sync()
    desk.store.queue_action(item_id, "approve")
    report = await desk.sync()
    assert report.error is None, report.error


async def test_approve_publishes_title_body_category_and_image(
    tmp_path: Path, portal: Any, wordpress: WordPressServer
) -> None:
    target = add_target(
        portal, wordpress.url, category_map={"tin-tuc": "Tin tức"}, create_categories=True
    )
    item = edited_item(portal)
    desk, publisher = await approver_desk(tmp_path, portal)
    login_target(publisher, target, wordpress.app_password)
    await approve(desk, item["id"])

    [job] = publisher.queue.jobs()
    assert (job.status, job.item_id, job.target) == ("published", item["id"], target), job
    record = publication(portal, item["id"], target)
    assert record is not None and record["status"] == "published"
    assert record["remote_id"] == job.remote_id and record["url"] == job.url

    public = wp_get(wordpress, f"/wp/v2/posts/{job.remote_id}")  # anonymous: it is public
    assert public.status_code == 200, public.text
    post = public.json()
    assert post["title"]["rendered"] == "Hội nghị tổng kết công tác năm"
    assert "<strong>hội nghị</strong>" in post["content"]["rendered"]
    assert "Tác giả: Nguyễn Thị Thu Hà" in post["content"]["rendered"]
    assert "Sở tổ chức hội nghị tổng kết" in post["excerpt"]["rendered"]
    category = wp_get(wordpress, f"/wp/v2/categories/{post['categories'][0]}").json()
    assert category["name"] == "Tin tức"
    tag = wp_get(wordpress, f"/wp/v2/tags/{post['tags'][0]}").json()
    assert tag["slug"] == "lang-vi"
    media = wp_get(wordpress, f"/wp/v2/media/{post['featured_media']}").json()
    image_url = media["source_url"]
    assert f'src="{image_url}"' in post["content"]["rendered"]
    assert "/media/" not in post["content"]["rendered"]
    image = httpx.get(image_url, timeout=30)
    assert image.status_code == 200 and image.content == item["image"]
    await desk.close()


async def test_edit_after_publication_changes_the_same_post_and_take_down_hides_it(
    tmp_path: Path, portal: Any, wordpress: WordPressServer
) -> None:
    target = add_target(portal, wordpress.url, create_categories=True)
    item = edited_item(portal, title="Tin sẽ được sửa sau khi đăng")
    desk, publisher = await approver_desk(tmp_path, portal)
    login_target(publisher, target, wordpress.app_password)
    await approve(desk, item["id"])
    [first] = publisher.queue.jobs()
    assert first.status == "published", first

    desk.store.save_working(item["id"], title="Tin đã sửa sau khi đăng", body="Nội dung mới.\n")
    report = await desk.sync()
    assert report.error is None
    [second] = publisher.queue.jobs()
    assert second.status == "published" and second.remote_id == first.remote_id, second
    post = wp_get(wordpress, f"/wp/v2/posts/{first.remote_id}").json()
    assert post["title"]["rendered"] == "Tin đã sửa sau khi đăng"
    assert "Nội dung mới." in post["content"]["rendered"]
    marker = marker_for(Item.from_dict(desk.store.item(item["id"]).server.to_dict()))
    assert len(posts_with_marker(wordpress, marker)) == 1

    desk.store.queue_action(item["id"], "take_down", "Thông tin chưa chính xác.")
    report = await desk.sync()
    assert report.error is None
    [third] = publisher.queue.jobs()
    assert third.status == "taken_down", third
    assert wp_get(wordpress, f"/wp/v2/posts/{first.remote_id}").status_code in (401, 403, 404)
    hidden = wp_get(wordpress, f"/wp/v2/posts/{first.remote_id}", auth=True).json()
    assert hidden["status"] == "draft"
    record = publication(portal, item["id"], target)
    assert record is not None and record["status"] == "taken_down"
    assert record["reason"] == "Thông tin chưa chính xác."
    await desk.close()


async def test_network_drops_mid_upload_then_a_retry_makes_exactly_one_post(
    tmp_path: Path, portal: Any, wordpress: WordPressServer
) -> None:
    target = add_target(portal, wordpress.url, create_categories=True)
    item = edited_item(portal, title="Tin gửi qua mạng chập chờn")
    async with ClosingFaultProxy("127.0.0.1", wordpress.port) as proxy:
        # the upload reaches WordPress but the line drops before the answer; then the same
        # happens to the post itself: WordPress made it, the client never heard
        proxy.add("drop", method="POST", path="media")
        proxy.add("drop", method="POST", path="posts")

        def through_proxy(config: TargetConfig, user: str, password: str) -> WordPressConnector:
            return WordPressConnector(replace(config, url=proxy.url), user, password)

        desk, publisher = await approver_desk(tmp_path, portal, connector_factory=through_proxy)
        login_target(publisher, target, wordpress.app_password)
        await approve(desk, item["id"])
        [job] = publisher.queue.jobs()
        assert job.status == "failed" and job.error_kind == "offline", job
        assert job.next_attempt_at is not None and job.attempts == 1

        for expected in ("failed", "published"):
            assert publisher.queue.retry(job.id)
            await desk.sync()
            [job] = publisher.queue.jobs()
            assert job.status == expected, (job, proxy.log)
        faults = [entry for entry in proxy.log if entry[2] == "drop"]
        assert len(faults) == 2, proxy.log

    marker = marker_for(Item.from_dict(desk.store.item(item["id"]).server.to_dict()))
    posts = posts_with_marker(wordpress, marker)
    assert [str(p["id"]) for p in posts] == [job.remote_id]
    media = wp_get(
        wordpress, "/wp/v2/media", auth=True, slug=f"bbt-{item['image_sha'][:32]}"
    ).json()
    assert len(media) == 1
    record = publication(portal, item["id"], target)
    assert record is not None and record["remote_id"] == job.remote_id
    await desk.close()


async def test_wrong_application_password_is_said_clearly_and_the_job_stays(
    tmp_path: Path, portal: Any, wordpress: WordPressServer
) -> None:
    target = add_target(portal, wordpress.url, create_categories=True)
    item = edited_item(portal, title="Tin chờ mật khẩu đúng")
    desk, publisher = await approver_desk(tmp_path, portal)
    login_target(publisher, target, "abcd efgh ijkl mnop qrst uvwx")
    await approve(desk, item["id"])
    [job] = publisher.queue.jobs()
    assert job.status == "failed" and job.error_kind == "auth", job
    assert "mật khẩu ứng dụng" in job.last_error
    assert f"portal-desk targets login {target}" in job.last_error
    assert publication(portal, item["id"], target) is None  # nothing claimed, nothing made

    login_target(publisher, target, wordpress.app_password)
    assert publisher.queue.retry(job.id)
    await desk.sync()
    [job] = publisher.queue.jobs()
    assert job.status == "published" and job.url, job
    await desk.close()


async def test_two_clients_racing_make_one_post(
    tmp_path: Path, portal: Any, wordpress: WordPressServer
) -> None:
    target = add_target(portal, wordpress.url, create_categories=True)
    item = edited_item(portal, title="Tin hai máy cùng đăng")
    one, first = await approver_desk(tmp_path, portal, name="may-mot")
    two, second = await approver_desk(tmp_path, portal, name="may-hai")
    for publisher in (first, second):
        login_target(publisher, target, wordpress.app_password)
    one.engine.after_sync.clear()  # the race is run by hand below
    two.engine.after_sync.clear()
    await approve(one, item["id"])
    await two.sync()
    for publisher in (first, second):
        await publisher.refresh_targets()
        assert len(publisher.queue.notice()) == 1

    await asyncio.gather(first.run(refresh=False), second.run(refresh=False))
    for publisher in (first, second):
        [job] = publisher.queue.jobs()
        if job.status != "published":
            assert job.error_kind == "busy", job
            assert publisher.queue.retry(job.id)
            await publisher.run(refresh=False)
    [a], [b] = first.queue.jobs(), second.queue.jobs()
    assert a.status == b.status == "published"
    assert a.remote_id == b.remote_id and a.url == b.url
    marker = marker_for(Item.from_dict(one.store.item(item["id"]).server.to_dict()))
    assert len(posts_with_marker(wordpress, marker)) == 1
    await one.close()
    await two.close()
