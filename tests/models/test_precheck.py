"""The one pre-check (issue 14): the same decision and reasons for the portal, the screens and
the command line; the ``Me`` record every face reads the person from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.models import Action, Category, CategoryKind, Item, Role, Step, User
from desktop.models.errors import ActionRefused, ErrorKind, message_of
from desktop.models.me import Me
from desktop.models.precheck import is_rights_refusal, precheck

NOW = datetime(2026, 12, 2, 9, tzinfo=UTC)
MEMBER = User("tv1", {"demo": frozenset({Role.MEMBER})})
DEPUTY = User("pb", {"demo": frozenset({Role.DEPUTY})})
CATEGORIES = {
    "van-ban": Category("van-ban", "demo", "Văn bản", kind=CategoryKind.LEGAL),
    "tin-tuc": Category("tin-tuc", "demo", "Tin tức"),
}
LEGAL = {
    "document_type": "quyet_dinh",
    "number": "12/2026/QĐ-UBND",
    "issuer": "UBND tỉnh",
    "issue_date": "2026-11-30",
    "abstract": "Ban hành quy chế",
}


def item(category: str = "van-ban", state: str = "draft", **metadata: object) -> Item:
    return Item.from_dict(
        {
            "id": "i1",
            "site": "demo",
            "category": category,
            "title": "Quyết định 12",
            "body": "Nội dung",
            "created_by": "tv1",
            "state": state,
            "metadata": metadata,
        }
    )


def test_a_legal_document_without_its_file_is_refused_on_submit() -> None:
    verdict = precheck(item(**LEGAL), Action.SUBMIT, MEMBER, [], NOW, categories=CATEGORIES)
    assert not verdict
    assert [(p.code, p.field) for p in verdict.problems] == [("required", "metadata.file")]
    assert not is_rights_refusal(verdict)
    assert "tệp văn bản" in ActionRefused(verdict.problems).message("vi")
    with_file = item(**LEGAL, file="a" * 64)
    assert precheck(with_file, Action.SUBMIT, MEMBER, [], NOW, categories=CATEGORIES)


def test_without_the_directory_the_sections_fields_are_not_guessed() -> None:
    """No categories known (never synced): only the rules every item has are checked."""
    assert precheck(item(**LEGAL), Action.SUBMIT, MEMBER, [], NOW)


def test_the_comment_rule_applies_when_the_comment_is_known() -> None:
    submitted = item("tin-tuc", "submitted")
    assert precheck(submitted, Action.RETURN, DEPUTY, [], NOW, categories=CATEGORIES)
    refused = precheck(submitted, Action.RETURN, DEPUTY, [], NOW, categories=CATEGORIES, comment="")
    assert [p.code for p in refused.problems] == ["comment_required"]
    assert precheck(
        submitted, Action.RETURN, DEPUTY, [], NOW, categories=CATEGORIES, comment="Sửa tiêu đề"
    )


def test_rights_come_before_content() -> None:
    refused = precheck(item(**LEGAL), Action.SUBMIT, DEPUTY, [], NOW, categories=CATEGORIES)
    assert is_rights_refusal(refused)
    assert [p.code for p in refused.problems] == ["not_author"]


def grant(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": "g1",
        "site": "demo",
        "grantee": "tv1",
        "step": "edit",
        "granted_by": "pb",
        "valid_from": (NOW - timedelta(days=1)).isoformat(),
        "categories": ["tin-tuc"],
    }
    data.update(changes)
    return data


def test_me_keeps_working_with_a_role_it_does_not_know() -> None:
    me = Me.from_dict(
        {
            "username": "tv1",
            "full_name": "Thu Hà",
            "sites": {"demo": {"name": "Cổng", "roles": ["member", "auditor"]}},
            "grants": [grant(), {"id": "broken"}],
        }
    )
    assert me.user.roles_on("demo") == frozenset({Role.MEMBER})
    assert me.sites["demo"].unknown_roles == ("auditor",)
    assert me.unreadable_grants == 1 and len(me.grants) == 1
    assert me.site_name("demo") == "Cổng"


def test_has_step_agrees_with_the_workflow_when_a_revocation_is_scheduled() -> None:
    """A revocation dated tomorrow leaves the grant in force today (``Grant.covers``)."""
    later = (NOW + timedelta(days=1)).isoformat()
    me = Me.from_dict(
        {
            "username": "tv1",
            "sites": {"demo": {"roles": ["member"]}},
            "grants": [grant(revoked_at=later)],
        }
    )
    assert me.has_step("demo", Step.EDIT, NOW)
    assert me.grants[0].covers("demo", "tin-tuc", Step.EDIT, NOW)
    assert not me.has_step("demo", Step.EDIT, NOW + timedelta(days=2))
    assert not me.has_step("demo", Step.APPROVE, NOW)


def test_every_error_has_a_sentence_and_never_a_traceback() -> None:
    refused = ActionRefused([])
    assert refused.kind is ErrorKind.REFUSED and refused.message("en")
    text = message_of(ZeroDivisionError("x"), "vi")
    assert "ZeroDivisionError" in text and "Traceback" not in text
