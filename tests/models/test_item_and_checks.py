from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

import pytest

from desktop.models import (
    Action,
    Item,
    ModelError,
    Origin,
    Role,
    Source,
    State,
    User,
    apply_action,
    can_edit,
    can_see,
    check_action,
    fold,
    nfc,
    parse_content,
    slugify,
    submit_problems,
)

NOW = datetime(2026, 11, 23, tzinfo=UTC)


def draft(**content: object) -> Item:
    base = {
        "id": "i",
        "site": "demo",
        "category": "tin-tuc",
        "title": "Tiêu đề",
        "body": "Nội dung",
    }
    base.update(content)
    return Item.from_dict({**base, "created_by": "tv1"})


def test_every_string_entering_the_model_is_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Quyết định số 12/QĐ-UBND")
    item = Item.from_dict(
        {
            "id": "i",
            "site": "demo",
            "title": nfd,
            "body": nfd,
            "metadata": {"so": [nfd]},
            "source": {"name": nfd, "url": ""},
        }
    )
    assert item.title == item.body == "Quyết định số 12/QĐ-UBND"
    assert unicodedata.is_normalized("NFC", item.metadata["so"][0])
    assert unicodedata.is_normalized("NFC", item.source.name)


def test_round_trip_through_json_form() -> None:
    item = draft(
        origin="repost",
        source={"name": "Báo Chính phủ", "url": "https://baochinhphu.vn"},
        author="Minh Anh",
        trigger_date="2026-11-20",
        attachments=["a" * 64],
    )
    again = Item.from_dict(item.to_dict())
    assert again == item
    assert again.source == Source("Báo Chính phủ", "https://baochinhphu.vn")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title": 5}, "title"),
        ({"state": "lost"}, "state"),
        ({"origin": "copied"}, "origin"),
        ({"language": "de"}, "language"),
        ({"attachments": ["xyz"]}, "attachments"),
        ({"trigger_date": "20/11/2026"}, "trigger_date"),
        ({"metadata": []}, "metadata"),
        ({"version": -1}, "version"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_input_names_the_field(data: dict[str, object], field: str) -> None:
    with pytest.raises(ModelError) as error:
        Item.from_dict({"id": "i", "site": "demo", **data})
    assert error.value.field == field


def test_parse_content_keeps_only_given_fields() -> None:
    assert parse_content({"title": "Tin mới", "trigger_date": "2026-01-02"}) == {
        "title": "Tin mới",
        "trigger_date": datetime(2026, 1, 2).date(),
    }


def test_repost_needs_source_and_author_in_both_languages() -> None:
    problems = submit_problems(draft(origin="repost"))
    codes = {p.code for p in problems}
    assert codes == {"repost_source", "repost_author"}
    assert all("BD-9.3" in p.vi and "BD-9.3" in p.en for p in problems)
    ok = draft(origin="repost", source={"name": "Cổng TTĐT Chính phủ", "url": ""}, author="P.V.")
    assert submit_problems(ok) == []


def test_submit_blocked_while_required_fields_missing() -> None:
    member = User("tv1", {"demo": frozenset({Role.MEMBER})})
    empty = Item(id="i", site="demo", created_by="tv1")
    verdict = check_action(empty, Action.SUBMIT, member, (), NOW)
    assert not verdict
    assert {p.field for p in verdict.problems} == {"title", "body", "category"}
    assert check_action(draft(), Action.SUBMIT, member, (), NOW)
    unknown = check_action(
        draft(category="khong-co"), Action.SUBMIT, member, (), NOW, categories={"tin-tuc"}
    )
    assert [p.code for p in unknown.problems] == ["unknown_category"]


def test_bad_source_url_is_refused() -> None:
    problems = submit_problems(draft(source={"name": "X", "url": "javascript:alert(1)"}))
    assert [p.code for p in problems] == ["bad_source_url"]


def test_apply_action_records_the_step() -> None:
    member = User("tv1", {"demo": frozenset({Role.MEMBER})})
    item = Item.from_dict({**draft().to_dict(), "version": 1})
    submitted = apply_action(item, Action.SUBMIT, member, NOW)
    assert submitted.state is State.SUBMITTED and submitted.version == 2
    assert submitted.steps["submit"].by == "tv1" and submitted.steps["submit"].version == 2
    with pytest.raises(ValueError):
        apply_action(submitted, Action.APPROVE, member, NOW)


def test_visibility_and_editing() -> None:
    author = User("tv1", {"demo": frozenset({Role.MEMBER})})
    other = User("tv2", {"demo": frozenset({Role.MEMBER})})
    deputy = User("pho", {"demo": frozenset({Role.DEPUTY})})
    public = User("dan", {})
    item = draft()
    assert can_see(item, author) and not can_see(item, other) and not can_see(item, deputy)
    assert can_edit(item, author, (), NOW) and not can_edit(item, deputy, (), NOW)
    submitted = apply_action(item, Action.SUBMIT, author, NOW)
    assert (
        can_see(submitted, other) and can_see(submitted, deputy) and not can_see(submitted, public)
    )
    assert can_edit(submitted, deputy, (), NOW) and not can_edit(submitted, author, (), NOW)
    returned = apply_action(submitted, Action.RETURN, deputy, NOW)
    assert returned.state is State.DRAFT and can_see(returned, deputy)


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Quyết định", "Quyet dinh"), ("ĐỒNG THÁP", "DONG THAP"), ("Nghị quyết", "Nghi quyet")],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded


def test_slugify_and_nfc() -> None:
    assert slugify("Quyết định số 12/2026/QĐ-UBND về chuyển đổi số") == (
        "quyet-dinh-so-12-2026-qd-ubnd-ve-chuyen-doi-so"
    )
    assert slugify("!!!") == "tin"
    assert nfc("a\x00b\tc") == "ab\tc"


def test_origin_enum_values_are_the_api_strings() -> None:
    assert [o.value for o in Origin] == ["original", "repost"]
