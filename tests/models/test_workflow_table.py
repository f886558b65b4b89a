"""Every state × action × actor against ``check_action``, from a table written out by hand.

The expectations below are BD-22 and design.md read directly, not derived from the code.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from desktop.models import (
    Action,
    Grant,
    Item,
    Role,
    SiteSettings,
    State,
    Step,
    StepRecord,
    User,
    allowed_actions,
    check_action,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SITE = "demo"
CATEGORY = "tin-tuc"


def user(name: str, *roles: Role) -> User:
    return User(name, {SITE: frozenset(roles)})


ACTORS: dict[str, User] = {
    "author": user("tv1", Role.MEMBER),
    "member": user("tv2", Role.MEMBER),
    "deputy": user("pho", Role.DEPUTY),
    "head": user("truong", Role.HEAD),
    "admin": user("qt", Role.ADMIN),
    "edit_grantee": user("g_edit", Role.MEMBER),
    "approve_grantee": user("g_appr", Role.MEMBER),
    "expired_grantee": user("g_old", Role.MEMBER),
    "other_category_grantee": user("g_cat", Role.MEMBER),
    "outsider": User("ngoai", {"other-site": frozenset({Role.HEAD})}),
}

GRANTS = (
    Grant("1", SITE, "g_edit", Step.EDIT, "pho", NOW - timedelta(days=1), NOW + timedelta(days=30)),
    Grant("2", SITE, "g_appr", Step.APPROVE, "truong", NOW - timedelta(days=1), None),
    Grant("3", SITE, "g_old", Step.EDIT, "pho", NOW - timedelta(days=60), NOW - timedelta(days=1)),
    Grant(
        "4",
        SITE,
        "g_old",
        Step.APPROVE,
        "truong",
        NOW - timedelta(days=60),
        NOW,
        revoked_at=NOW - timedelta(days=2),
    ),
    Grant(
        "5",
        SITE,
        "g_cat",
        Step.EDIT,
        "pho",
        NOW - timedelta(days=1),
        None,
        categories=frozenset({"van-ban"}),
    ),
    Grant(
        "6",
        SITE,
        "g_cat",
        Step.APPROVE,
        "truong",
        NOW - timedelta(days=1),
        None,
        categories=frozenset({"van-ban"}),
    ),
)

STEP2 = {"deputy", "head", "edit_grantee"}
STEP3 = {"head", "approve_grantee"}

#: (state, action) → the actors who may do it. Absent pairs: nobody.
EXPECTED: dict[tuple[State, Action], set[str]] = {
    (State.DRAFT, Action.SUBMIT): {"author"},
    (State.SUBMITTED, Action.WITHDRAW): {"author"},
    (State.SUBMITTED, Action.FORWARD): STEP2,
    (State.SUBMITTED, Action.RETURN): STEP2,
    (State.SUBMITTED, Action.REJECT): STEP2,
    (State.EDITED, Action.RETURN): STEP3,
    (State.EDITED, Action.APPROVE): STEP3,
    (State.EDITED, Action.REJECT): STEP3,
    (State.PUBLISHED, Action.TAKE_DOWN): STEP3,
    (State.DRAFT, Action.DELETE): {"author"},
}


def item_in(state: State) -> Item:
    steps = {}
    if state is not State.DRAFT:
        steps["submit"] = StepRecord("tv1", NOW, 2)
    if state in (State.EDITED, State.PUBLISHED):
        steps["edit"] = StepRecord("pho", NOW, 3)
    return Item(
        id="i1",
        site=SITE,
        category=CATEGORY,
        title="Hội nghị chuyển đổi số",
        body="Nội dung.",
        state=state,
        version=len(steps) + 1,
        created_by="tv1",
        steps=steps,
    )


@pytest.mark.parametrize("four_eyes", [True, False], ids=["four-eyes", "no-four-eyes"])
@pytest.mark.parametrize("actor", sorted(ACTORS))
@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("state", list(State))
def test_table(state: State, action: Action, actor: str, four_eyes: bool) -> None:
    verdict = check_action(
        item_in(state), action, ACTORS[actor], GRANTS, NOW, SiteSettings(four_eyes=four_eyes)
    )
    expected = actor in EXPECTED.get((state, action), set())
    assert verdict.allowed is expected, verdict.problems
    if not verdict.allowed:
        assert verdict.problems and all(p.vi and p.en for p in verdict.problems)


@pytest.mark.parametrize("state", list(State))
def test_allowed_actions_agrees_with_table(state: State) -> None:
    for name, actor in ACTORS.items():
        expected = {a for (s, a), who in EXPECTED.items() if s is state and name in who}
        assert set(allowed_actions(item_in(state), actor, GRANTS, NOW)) == expected


def test_four_eyes_blocks_the_editor_from_approving() -> None:
    edited = item_in(State.EDITED)
    edited = replace(edited, steps={**edited.steps, "edit": StepRecord("truong", NOW, 3)})
    head = ACTORS["head"]
    refused = check_action(edited, Action.APPROVE, head, GRANTS, NOW)
    assert not refused and refused.problems[0].code == "four_eyes"
    allowed = check_action(edited, Action.APPROVE, head, GRANTS, NOW, SiteSettings(four_eyes=False))
    assert allowed


def test_grant_records_on_whose_behalf() -> None:
    verdict = check_action(
        item_in(State.EDITED), Action.APPROVE, ACTORS["approve_grantee"], GRANTS, NOW
    )
    assert verdict.on_behalf_of == "truong"
    assert (
        check_action(
            item_in(State.EDITED), Action.APPROVE, ACTORS["head"], GRANTS, NOW
        ).on_behalf_of
        is None
    )


def test_grant_period_edges() -> None:
    grant = GRANTS[0]
    assert grant.covers(SITE, CATEGORY, Step.EDIT, grant.valid_from)
    assert not grant.covers(SITE, CATEGORY, Step.EDIT, grant.valid_from - timedelta(seconds=1))
    assert grant.valid_until is not None
    assert not grant.covers(SITE, CATEGORY, Step.EDIT, grant.valid_until)
    assert not grant.covers(SITE, CATEGORY, Step.APPROVE, NOW)
    assert not grant.covers("other", CATEGORY, Step.EDIT, NOW)


def test_delete_only_a_draft_never_submitted() -> None:
    """A returned draft keeps its history: it cannot be deleted, only worked on again."""
    returned = replace(item_in(State.DRAFT), steps={"submit": StepRecord("tv1", NOW, 2)})
    verdict = check_action(returned, Action.DELETE, ACTORS["author"], (), NOW)
    assert not verdict and verdict.problems[0].code == "already_submitted"


def test_withdraw_only_before_step_two_changed_it() -> None:
    submitted = item_in(State.SUBMITTED)
    assert check_action(submitted, Action.WITHDRAW, ACTORS["author"], (), NOW)
    changed = replace(submitted, version=submitted.version + 1)
    verdict = check_action(changed, Action.WITHDRAW, ACTORS["author"], (), NOW)
    assert not verdict and verdict.problems[0].code == "already_edited"
