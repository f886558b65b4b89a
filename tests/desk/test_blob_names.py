"""A file keeps the name it had on the member's disk, from the desk through sync and the three
steps to the public page and its download (issue 19, BD-11). Client and portal together, so it
lives with the desk's tests: the portal's own tests also run where no client is installed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx

from desktop.models import Action
from tests.desk.conftest import Desks


async def test_the_name_travels_from_the_members_disk(
    desks: Desks, portal: Any, tmp_path: Path
) -> None:
    member = await desks.sign_in("thanhvien1")
    draft = await member.create(
        "tin-tuc", title="Báo cáo quý III", body="Xem tệp đính kèm.", author="Thu Hà"
    )
    file = tmp_path / "disk" / "Báo cáo quý III – Sở KH&CN.pdf"
    file.parent.mkdir()
    file.write_bytes(b"%PDF-1.4\n% bao cao\n")
    sha, _type = await member.attach(draft.id, file)
    await member.act(draft.id, Action.SUBMIT)
    await member.sync()
    deputy = await desks.sign_in("phoban")
    await deputy.act(draft.id, Action.FORWARD)
    await deputy.sync()
    head = await desks.sign_in("truongban")
    await head.act(draft.id, Action.APPROVE)
    await head.sync()
    async with httpx.AsyncClient(base_url=portal.url) as client:
        home = (await client.get("/")).text
        slug = re.search(r'href="/items/([^"]+)">Báo cáo quý III<', home)
        assert slug is not None
        page = (await client.get(f"/items/{slug.group(1)}")).text
        assert f'<a href="/media/{sha}" class="file">Báo cáo quý III – Sở KH&amp;CN.pdf</a>' in page
        download = await client.get(f"/media/{sha}")
        assert download.headers["content-disposition"].startswith("inline;")  # a PDF opens
        assert 'filename="Bao cao quy III So KHCN.pdf"' in download.headers["content-disposition"]
