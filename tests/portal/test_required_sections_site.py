"""The sections the regulations require, on the public site (issue 19), over real HTTP: the
demo's home carries statistics (BD-13.6), the leaders' work calendar (BD-11.3), subordinate
units' sites (BD-14.1.b) and online public services (BD-15–17, AG-14); ``/services`` is the
catalogue of services by field, with each one's level and the count per level (annex III)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from portal import db
from portal.demo import content as demo
from portal.demo import seed_demo
from portal.server import PortalServer

PUBLISH = [
    ("submit", "thanhvien1", None),
    ("forward", "phoban", None),
    ("approve", "truongban", None),
]


def service(name: str, field: str, level: str, provided_by: str = "own") -> dict[str, Any]:
    return {
        "author": "thanhvien1",
        "content": {
            "category": "dich-vu-cong",
            "title": f"Dịch vụ công trực tuyến: {name}",
            "body": f"Hướng dẫn sử dụng dịch vụ {name}.",
            "metadata": {
                "service_name": name,
                "field": field,
                "level": level,
                "service_url": "https://dichvucong.hoabinhan.gov.vn/" + str(abs(hash(name))),
                "provider": "Sở Tư pháp",
                "provided_by": provided_by,
            },
        },
        "path": PUBLISH,
        "comments": [],
    }


EXTRA = [
    service("Cấp phiếu lý lịch tư pháp", "Tư pháp", "3"),
    service("Chứng thực bản sao điện tử", "Tư pháp", "3", "integrated"),
    service("Đăng ký khai sinh", "Hộ tịch", "2"),
    {**service("Ghi chép cũ", "Hộ tịch", "1"), "path": []},  # a draft: not on the site
]


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalServer]:
    path: Path = tmp_path_factory.mktemp("sections") / "portal.sqlite3"
    url = f"sqlite:///{path}"
    content = SimpleNamespace(**{k: getattr(demo, k) for k in dir(demo) if k.isupper()})
    content.ITEMS = [*demo.ITEMS, *EXTRA]
    engine = db.make_engine(url)
    assert seed_demo(engine, content)
    engine.dispose()
    with PortalServer(url) as server:
        yield server


def test_the_home_carries_the_required_sections(portal: PortalServer) -> None:
    home = httpx.get(portal.url + "/").text
    sections = re.findall(r"<h2>([^<]+)</h2>", home)
    for name in (
        "Thông tin thống kê",
        "Lịch làm việc của lãnh đạo tỉnh",
        "Trang thông tin điện tử các đơn vị trực thuộc",
        "Dịch vụ công trực tuyến",
    ):
        assert name in sections
    assert 'href="/services">Dịch vụ công trực tuyến</a>' in home  # in the menu


def test_each_section_shows_its_fields(portal: PortalServer) -> None:
    home = httpx.get(portal.url + "/").text

    def page(title: str) -> str:
        slug = re.search(rf'href="/items/([^"]+)">{re.escape(title)}</a>', home)
        assert slug is not None, title
        return httpx.get(f"{portal.url}/items/{slug.group(1)}").text

    statistics = page("Tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2026")
    assert '<th scope="row">Ngày quyết định công bố</th><td>10/11/2026</td>' in statistics
    calendar = page("Lịch làm việc của lãnh đạo UBND tỉnh tuần từ ngày 23/11 đến ngày 27/11/2026")
    assert '<th scope="row">Từ ngày</th><td>23/11/2026</td>' in calendar
    unit = page("Trang thông tin điện tử Sở Y tế tỉnh Hòa Bình An")
    assert "<td>https://soyte.hoabinhan.gov.vn</td>" in unit
    permit = page("Cấp giấy phép xây dựng nhà ở riêng lẻ (dịch vụ công trực tuyến mức độ 4)")
    assert '<th scope="row">Mức độ</th><td>Mức độ 4</td>' in permit
    assert "<td>Tích hợp từ đơn vị trực thuộc</td>" in permit


def test_the_catalogue_of_services_by_field_with_levels(portal: PortalServer) -> None:
    page = httpx.get(portal.url + "/services").text
    counts = dict(re.findall(r'data-level="(\d)">(\d+)</span>', page))
    assert counts == {"1": "0", "2": "1", "3": "2", "4": "1"}  # the unpublished one not counted
    assert "4 dịch vụ công trực tuyến" in page
    fields = re.findall(r"<h2>([^<]+)</h2>", page)
    assert fields == ["Hộ tịch", "Tư pháp", "Xây dựng"]
    assert "Ghi chép cũ" not in page
    rows = re.findall(r'<td class="level" data-level="(\d)">([^<]+)</td>', page)
    assert ("3", "Mức độ 3") in rows
    english = httpx.get(portal.url + "/services", params={"lang": "en"}).text
    assert '<html lang="en">' in english and "Level 3</td>" in english
    assert "(Integrated from a subordinate unit)" in english
    assert httpx.get(portal.url + "/sites/demo/services").text.count('class="level"') == 4
    assert httpx.get(portal.url + "/sites/nowhere/services").status_code == 404
