"""Each public page carries its own language (AG-9.3), over real HTTP on the demo portal: an
English item is served as ``<html lang="en">`` with English menus and fixed texts, and the
site's fixed texts exist in every language the site publishes."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import create_engine, select

from desktop.models import LANGUAGES
from portal import db
from portal.server import PortalServer
from portal.site.texts import TEXTS


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[PortalServer, str]]:
    path: Path = tmp_path_factory.mktemp("languages") / "portal.sqlite3"
    url = f"sqlite:///{path}"
    with PortalServer(url, demo=True) as server:
        yield server, url


def published(url: str) -> list[dict[str, Any]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = [orjson.loads(r.data) for r in conn.execute(select(db.items.c.data))]
    engine.dispose()
    return [r for r in rows if r["state"] == "published"]


def html_lang(page: str) -> str:
    found = re.search(r'<html lang="([^"]+)">', page)
    assert found is not None
    return found.group(1)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_fixed_texts_exist_in_every_language_the_site_publishes() -> None:
    assert set(TEXTS) == set(LANGUAGES)
    keys = set(TEXTS["vi"])
    for language, table in TEXTS.items():
        assert set(table) == keys, language
        for key, text in table.items():
            assert text.strip(), (language, key)
            assert placeholders(text) == placeholders(TEXTS["vi"][key]), (language, key)
        if language != "vi":  # translated, not copied
            same = [k for k in keys if table[k] == TEXTS["vi"][k]]
            assert not same, (language, same)


def test_an_english_item_is_an_english_page(demo: tuple[PortalServer, str]) -> None:
    server, url = demo
    english = next(i for i in published(url) if i["language"] == "en")
    page = httpx.get(f"{server.url}/items/{english['slug']}").text
    assert html_lang(page) == "en"
    en = TEXTS["en"]
    for key in ("home", "search_placeholder", "search_button", "footer", "translations"):
        assert en[key] in page, key
    assert f"{en['unit']}: " in page
    for key in ("home", "footer", "translations", "unit", "search_placeholder"):
        assert TEXTS["vi"][key] not in page, key
    assert 'href="/?lang=en"' in page  # its menu leads to the English home
    assert '<input type="hidden" name="lang" value="en">' in page  # and to English results


def test_a_vietnamese_item_is_a_vietnamese_page(demo: tuple[PortalServer, str]) -> None:
    server, url = demo
    original = next(i for i in published(url) if i["language"] == "vi" and i["unit"])
    page = httpx.get(f"{server.url}/items/{original['slug']}").text
    assert html_lang(page) == "vi"
    assert TEXTS["vi"]["home"] in page and TEXTS["en"]["home"] + "</a>" not in page
    assert f"{TEXTS['vi']['unit']}: {original['unit']}" in page


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_home_and_search_in_every_language(demo: tuple[PortalServer, str], language: str) -> None:
    server, _url = demo
    texts = TEXTS[language]
    home = httpx.get(f"{server.url}/", params={"lang": language}).text
    assert html_lang(home) == language
    assert texts["home"] in home and texts["footer"] in home and texts["published"] in home
    found = httpx.get(f"{server.url}/search", params={"lang": language, "q": "zzzz"}).text
    assert html_lang(found) == language
    assert texts["found_none"].format(query="zzzz") in found


def test_an_unknown_language_is_vietnamese(demo: tuple[PortalServer, str]) -> None:
    server, _url = demo
    for asked in ("xx", "", "EN", "<script>"):
        page = httpx.get(f"{server.url}/", params={"lang": asked}).text
        assert html_lang(page) == "vi" and TEXTS["vi"]["home"] in page


def test_each_feed_entry_carries_its_language(demo: tuple[PortalServer, str]) -> None:
    from xml.etree import ElementTree as ET

    server, url = demo
    feed = ET.fromstring(httpx.get(f"{server.url}/feed.atom").content)
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    atom = "{http://www.w3.org/2005/Atom}"
    languages = {
        entry.findtext(f"{atom}title"): entry.get(lang) for entry in feed.iter(f"{atom}entry")
    }
    for item in published(url):
        assert languages[item["title"]] == item["language"]
    assert set(languages.values()) == {"vi", "en"}
