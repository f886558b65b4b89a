"""The publish queue screen: shown once the site has targets; waiting, published with its link,
failed with the reason, Retry; the item page shows the public address."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.models import State
from desktop.publishing.queue import PublishQueue
from tests.ui.helpers import People
from tests.ui.test_screens import cut_off, grab, shots_dir, untranslated


def test_queue_screen_lists_links_and_retries(desk: People, tmp_path: Path) -> None:
    head = desk.sign_in("truongban")
    window = head.window
    assert "publish_queue" not in window.visible_screen_names()
    site = head.items.session.site
    rows = head.items.rows(states=[State.PUBLISHED.value])[:2]
    url = "http://127.0.0.1:8088/?p=42"
    with PublishQueue(head.store.path) as queue:
        queue.set_targets(
            site, [{"id": "wp-tinh", "site": site, "kind": "wordpress", "url": "http://x"}]
        )
        for row, status, error in (
            (rows[0], "published", ""),
            (rows[1], "failed", "Sai mật khẩu ứng dụng WordPress."),
        ):
            queue.conn.execute(
                "INSERT INTO publish_jobs (item_id, target, site, title, want, item_version, "
                "status, claim, url, last_error, attempts, created_at, updated_at) "
                "VALUES (?, 'wp-tinh', ?, ?, 'published', 1, ?, 'c', ?, ?, ?, '2026-01-01', "
                "'2026-01-01')",
                [
                    row.id,
                    site,
                    row.title,
                    status,
                    url if status == "published" else "",
                    error,
                    0 if status == "published" else 2,
                ],
            )
    window.refresh()
    assert "publish_queue" in window.visible_screen_names()
    screen: Any = window.page("publish_queue")
    window.show_screen("publish_queue")
    assert screen.table.rowCount() == 2
    statuses = {screen.table.item(r, 0).text(): screen.table.item(r, 2).text() for r in range(2)}
    assert statuses[rows[0].title] == "Đã đăng" and statuses[rows[1].title] == "Lỗi"
    failed_row = [screen.table.item(r, 0).text() for r in range(2)].index(rows[1].title)
    assert "Sai mật khẩu" in screen.table.item(failed_row, 3).text()
    link_row = 1 - failed_row
    link = screen.table.cellWidget(link_row, 3)
    assert url in link.text() and link.openExternalLinks()
    grab(window, shots_dir(tmp_path) / "vi-head-publish_queue.png")
    assert not cut_off(window)
    assert not untranslated(window, "vi")
    screen.table.selectRow(failed_row)
    assert screen.retry_button.isEnabled()
    assert screen.retry_selected() == 1
    with PublishQueue(head.store.path) as queue:
        assert {j.item_id: j.status for j in queue.jobs()}[rows[1].id] in ("waiting", "failed")
    # the item page shows the public address
    window.open_item(rows[0].id)
    assert not window.item_page.public_links.isHidden()
    assert window.item_page.public_links.urls == {"wp-tinh": url}
    window.open_item(rows[1].id)
    assert window.item_page.public_links.isHidden()
