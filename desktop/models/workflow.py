"""The three-step process of BD-22 as data plus pure functions.

draft → submitted (bước 2: Biên tập tin) → edited (bước 3: Duyệt tin) → published,
with the side states rejected and taken_down. The portal enforces these rules and the client
uses the same functions to show only the actions that will work, offline too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from desktop.models.checks import Problem, submit_problems
from desktop.models.item import Item, State, StepRecord
from desktop.models.roles import BOARD_ROLES, STEP_ROLES, Grant, Role, Step, User


class Action(StrEnum):
    SUBMIT = "submit"  # gửi biên tập
    WITHDRAW = "withdraw"  # rút lại
    FORWARD = "forward"  # chuyển duyệt
    RETURN = "return"  # trả lại
    APPROVE = "approve"  # duyệt đăng
    REJECT = "reject"  # từ chối
    TAKE_DOWN = "take_down"  # gỡ bỏ
    DELETE = "delete"  # xóa bản nháp chưa từng gửi biên tập


@dataclass(frozen=True, slots=True)
class Transition:
    action: Action
    source: State
    target: State
    step: Step | None  # the step whose holders may do it; None: the author
    needs_comment: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition(Action.SUBMIT, State.DRAFT, State.SUBMITTED, None),
    Transition(Action.WITHDRAW, State.SUBMITTED, State.DRAFT, None),
    Transition(Action.FORWARD, State.SUBMITTED, State.EDITED, Step.EDIT),
    Transition(Action.RETURN, State.SUBMITTED, State.DRAFT, Step.EDIT, needs_comment=True),
    Transition(Action.RETURN, State.EDITED, State.SUBMITTED, Step.APPROVE, needs_comment=True),
    Transition(Action.APPROVE, State.EDITED, State.PUBLISHED, Step.APPROVE),
    Transition(Action.REJECT, State.SUBMITTED, State.REJECTED, Step.EDIT, needs_comment=True),
    Transition(Action.REJECT, State.EDITED, State.REJECTED, Step.APPROVE, needs_comment=True),
    Transition(
        Action.TAKE_DOWN, State.PUBLISHED, State.TAKEN_DOWN, Step.APPROVE, needs_comment=True
    ),
    Transition(Action.DELETE, State.DRAFT, State.DELETED, None),
)

#: The step record an action leaves on the item.
STEP_KEYS: dict[Action, str] = {
    Action.SUBMIT: "submit",
    Action.FORWARD: "edit",
    Action.APPROVE: "approve",
    Action.TAKE_DOWN: "take_down",
    Action.REJECT: "reject",
    Action.RETURN: "return",
    Action.WITHDRAW: "withdraw",
    Action.DELETE: "delete",
}

#: Which step (1, 2, 3) an item in a state is waiting for; None when it waits for nobody.
WAITING_STEP: dict[State, int | None] = {
    State.DRAFT: 1,
    State.SUBMITTED: 2,
    State.EDITED: 3,
    State.PUBLISHED: None,
    State.REJECTED: None,
    State.TAKEN_DOWN: None,
    State.DELETED: None,
}


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """Per-site workflow settings."""

    four_eyes: bool = True  # the approver is not the step-2 editor


DEFAULT_SETTINGS = SiteSettings()


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a user may do an action now, and if so on whose behalf."""

    allowed: bool
    problems: tuple[Problem, ...] = ()
    on_behalf_of: str | None = None

    def __bool__(self) -> bool:
        return self.allowed


def _refuse(code: str, vi: str, en: str, field: str = "action") -> Verdict:
    return Verdict(False, (Problem(code, field, vi, en),))


def transition_for(state: State, action: Action) -> Transition | None:
    for transition in TRANSITIONS:
        if transition.action is action and transition.source is state:
            return transition
    return None


def step_authority(
    item: Item, user: User, grants: Iterable[Grant], step: Step, at: datetime
) -> tuple[bool, str | None]:
    """May ``user`` do ``step`` on ``item`` at ``at``? Returns (may, on_behalf_of grantor)."""
    if STEP_ROLES[step] & user.roles_on(item.site):
        return True, None
    for grant in grants:
        if grant.grantee == user.username and grant.covers(item.site, item.category, step, at):
            return True, grant.granted_by
    return False, None


def check_action(
    item: Item,
    action: Action,
    user: User,
    grants: Iterable[Grant],
    at: datetime,
    settings: SiteSettings = SiteSettings(),
    categories: set[str] | None = None,
) -> Verdict:
    """The full decision for one action, with the reasons in both languages when refused."""
    transition = transition_for(item.state, action)
    if transition is None:
        return _refuse(
            "not_in_state",
            f"Không thể “{action.value}” khi tin ở trạng thái “{item.state.value}”.",
            f"“{action.value}” is not possible while the item is “{item.state.value}”.",
        )
    if not user.on_board(item.site):
        return _refuse(
            "not_on_board",
            "Bạn không phải thành viên Ban Biên tập của trang này.",
            "You are not on this site's editorial board.",
        )
    on_behalf_of: str | None = None
    if transition.step is None:
        if item.created_by != user.username:
            return _refuse(
                "not_author",
                "Chỉ người viết tin mới làm được việc này.",
                "Only the item's author can do this.",
            )
        if action is Action.WITHDRAW and _changed_since_submit(item):
            return _refuse(
                "already_edited",
                "Tin đã được biên tập, không thể rút lại.",
                "The item has already been edited and cannot be withdrawn.",
            )
        if action is Action.DELETE and "submit" in item.steps:
            return _refuse(
                "already_submitted",
                "Tin đã từng được gửi biên tập nên không xóa được; lịch sử của tin được giữ lại.",
                "The item was submitted once, so it cannot be deleted; its history is kept.",
            )
    else:
        may, on_behalf_of = step_authority(item, user, grants, transition.step, at)
        if not may:
            return _refuse(
                "no_right",
                "Bạn không có quyền thực hiện bước này với chuyên mục của tin.",
                "You have no right to do this step for the item's category.",
            )
    if action is Action.APPROVE and settings.four_eyes:
        editor = item.steps.get("edit")
        if editor is not None and editor.by == user.username:
            return _refuse(
                "four_eyes",
                "Người duyệt tin phải khác người biên tập tin (nguyên tắc bốn mắt).",
                "The approver must not be the person who edited the item (four-eyes rule).",
            )
    if action is Action.SUBMIT:
        problems = submit_problems(item, categories)
        if problems:
            return Verdict(False, tuple(problems))
    return Verdict(True, on_behalf_of=on_behalf_of)


def allowed_actions(
    item: Item,
    user: User,
    grants: Iterable[Grant],
    at: datetime,
    settings: SiteSettings = SiteSettings(),
) -> list[Action]:
    """The actions this user may do on this item now (content checks included)."""
    grants = tuple(grants)
    return [
        t.action
        for t in TRANSITIONS
        if t.source is item.state and check_action(item, t.action, user, grants, at, settings)
    ]


def comment_required(state: State, action: Action) -> bool:
    transition = transition_for(state, action)
    return bool(transition and transition.needs_comment)


def can_edit(item: Item, user: User, grants: Iterable[Grant], at: datetime) -> bool:
    """May this user change the item's content in its current state?"""
    if not user.on_board(item.site):
        return False
    if item.state is State.DRAFT:
        return item.created_by == user.username
    if item.state is State.SUBMITTED:
        return step_authority(item, user, grants, Step.EDIT, at)[0]
    if item.state in (State.EDITED, State.PUBLISHED):
        return step_authority(item, user, grants, Step.APPROVE, at)[0]
    return False


def can_create(user: User, site: str) -> bool:
    return bool(user.roles_on(site) & BOARD_ROLES)


def can_see(item: Item, user: User) -> bool:
    """A draft is its author's until first submitted; after that the whole board sees it. A
    deleted draft (never submitted) is its author's alone: their other computers learn of it."""
    if not user.on_board(item.site) and Role.ADMIN not in user.roles_on(item.site):
        return item.state is State.PUBLISHED
    if item.created_by == user.username:
        return True
    if item.state is State.DELETED:
        return False
    return item.state is not State.DRAFT or "submit" in item.steps


def apply_action(
    item: Item, action: Action, user: User, at: datetime, on_behalf_of: str | None = None
) -> Item:
    """The item after a (checked) action: new state, one version up, the step recorded."""
    transition = transition_for(item.state, action)
    if transition is None:
        raise ValueError(f"{action} is not possible from {item.state}")
    version = item.version + 1
    steps = dict(item.steps)
    steps[STEP_KEYS[action]] = StepRecord(user.username, at, version, on_behalf_of)
    return replace(
        item,
        state=transition.target,
        version=version,
        steps=steps,
        updated_at=at,
        state_since=at,
    )


def _changed_since_submit(item: Item) -> bool:
    submitted = item.steps.get("submit")
    return submitted is not None and item.version > submitted.version
