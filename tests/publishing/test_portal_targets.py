"""The portal's side, no WordPress needed: targets (CLI, API) and claiming a publication."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portal import cli
from tests.publishing.conftest import Http, add_target, edited_item


def test_target_add_list_remove_from_the_command_line(tmp_path: Path, capsys: Any) -> None:
    url = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    assert cli.main(["site", "add", "so", "Sở Thử nghiệm", "--database", url]) == 0
    assert cli.main(["category", "add", "--site", "so", "tin-tuc", "Tin tức", "--kind", "news",
                     "--database", url]) == 0  # fmt: skip
    capsys.readouterr()
    added = [
        "target", "add", "--site", "so", "--kind", "wordpress", "--url", "https://tin.example.vn",
        "--category-map", "tin-tuc=Tin tức", "--create-categories", "--takedown", "trash",
        "--database", url,
    ]  # fmt: skip
    assert cli.main(added) == 0
    target = capsys.readouterr().out.strip()
    assert target == "wordpress-tin-example-vn"
    assert cli.main(["target", "list", "--database", url]) == 0
    listed = capsys.readouterr().out
    assert "tin-tuc=Tin tức" in listed and "takedown=trash" in listed
    http = [*added[:7], "http://tin.example.vn", "--database", url]
    assert cli.main(http) == 1
    assert "https" in capsys.readouterr().err
    assert cli.main(["target", "remove", target, "--database", url]) == 0
    assert cli.main(["target", "list", "--database", url]) == 0
    assert capsys.readouterr().out == ""


def test_a_publication_is_claimed_once_and_updated_with_if_match(portal: Any) -> None:
    target = add_target(portal, "https://tin.example.vn")
    item = edited_item(portal)
    head, member = Http(portal.url, "truongban"), Http(portal.url, "thanhvien1")
    path = f"/items/{item['id']}/publications/{target}"
    try:
        listed = head.client.get("/sites/demo/targets").json()["targets"]
        assert [t["id"] for t in listed] == [target]
        assert head.client.get(path).status_code == 404

        claim = {"claim": "may-mot", "status": "claimed", "item_version": item["version"]}
        refused = member.client.put(path, json=claim, headers={"If-None-Match": "*"})
        assert refused.status_code == 403  # only an approver pushes items out

        first = head.client.put(path, json=claim, headers={"If-None-Match": "*"})
        assert first.status_code == 201 and first.headers["ETag"] == '"1"'
        second = head.client.put(
            path, json={**claim, "claim": "may-hai"}, headers={"If-None-Match": "*"}
        )
        assert second.status_code == 412
        assert second.json()["current"]["claim"] == "may-mot"

        done = {**claim, "status": "published", "remote_id": 42, "url": "https://tin/x"}
        stale = head.client.put(path, json=done, headers={"If-Match": '"7"'})
        assert stale.status_code == 412
        assert head.client.put(path, json=done).status_code == 428
        ok = head.client.put(path, json=done, headers={"If-Match": '"1"'})
        assert ok.status_code == 200 and ok.json()["remote_id"] == "42"
        seen = member.client.get(f"/items/{item['id']}/publications").json()["publications"]
        assert [(p["target"], p["url"], p["version"]) for p in seen] == [
            (target, "https://tin/x", 2)
        ]
    finally:
        head.close()
        member.close()
