"""Scheduled publishing and expiry on a real WordPress (issue 20): an item approved for later
goes out as a *future* post dated at its ``publish_at`` (not public before); when the portal
takes it down at ``expire_at``, the approver's client takes the post down too, with the reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.publishing.conftest import add_target, approver_desk, edited_item, login_target
from tests.publishing.test_wordpress import approve, publication, wp_get
from tests.publishing.wordpress_server import WordPressServer


async def test_a_scheduled_item_is_a_future_post_and_its_expiry_takes_it_down(
    tmp_path: Path, portal: Any, wordpress: WordPressServer
) -> None:
    publish_at = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
    expire_at = publish_at + timedelta(hours=1)
    target = add_target(portal, wordpress.url, create_categories=True)
    item = edited_item(
        portal,
        title="Tin hẹn giờ đăng",
        publish_at=publish_at.isoformat(),
        expire_at=expire_at.isoformat(),
    )
    desk, publisher = await approver_desk(tmp_path, portal)
    login_target(publisher, target, wordpress.app_password)
    await approve(desk, item["id"])

    [job] = publisher.queue.jobs()
    assert job.status == "published", job
    post = wp_get(wordpress, f"/wp/v2/posts/{job.remote_id}", auth=True).json()
    assert post["status"] == "future"
    assert post["date_gmt"] == publish_at.replace(tzinfo=None).isoformat()
    assert wp_get(wordpress, f"/wp/v2/posts/{job.remote_id}").status_code in (401, 403, 404)

    portal.app.state.clock = lambda: expire_at  # the portal's scheduler at expire_at
    portal.app.state.scheduler.run_once()
    report = await desk.sync()
    assert report.error is None, report.error
    [after] = publisher.queue.jobs()
    assert after.status == "taken_down", after
    hidden = wp_get(wordpress, f"/wp/v2/posts/{job.remote_id}", auth=True).json()
    assert hidden["status"] == "draft"
    record = publication(portal, item["id"], target)
    assert record is not None and record["status"] == "taken_down"
    assert record["reason"] == "hết thời hạn đăng"
    await desk.close()


async def test_a_schedule_cleared_after_the_future_post_brings_it_out_now(
    tmp_path: Path, portal: Any, wordpress: WordPressServer
) -> None:
    publish_at = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0)
    target = add_target(portal, wordpress.url, create_categories=True)
    item = edited_item(portal, title="Tin đổi ý về giờ đăng", publish_at=publish_at.isoformat())
    desk, publisher = await approver_desk(tmp_path, portal)
    login_target(publisher, target, wordpress.app_password)
    await approve(desk, item["id"])
    [job] = publisher.queue.jobs()
    assert wp_get(wordpress, f"/wp/v2/posts/{job.remote_id}", auth=True).json()["status"] == (
        "future"
    )

    desk.store.save_working(item["id"], publish_at=None)  # the head clears the time
    report = await desk.sync()
    assert report.error is None, report.error
    post = wp_get(wordpress, f"/wp/v2/posts/{job.remote_id}").json()  # public now
    assert post["status"] == "publish"
    await desk.close()
