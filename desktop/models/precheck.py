"""The one pre-check of a workflow action, used by the portal, the screens and the command line.

``precheck`` answers "may this person do this action on this item now, and if not, why?" with
every rule the portal enforces, in the order it enforces them:

1. the workflow and the person's rights (``check_action``: state, author, roles and grants,
   four-eyes, the required fields every item has);
2. on submit, the section's own fields (BD-11: a legal document's number, dates and file, …),
   declared once in ``desktop.models.fields``;
3. the comment rule: returning, rejecting and taking down need a reason (AG-25).

A refusal carries its problems in Vietnamese and English, so the same reasons reach the person
whichever face they use. ``comment=None`` means the comment is not known yet (the screens ask
for it after the button is pressed): the comment rule is then left to the actual request.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from desktop.models.categories import Category, CategoryKind
from desktop.models.checks import Problem
from desktop.models.fields import validate_metadata
from desktop.models.item import Item
from desktop.models.roles import Grant, User
from desktop.models.workflow import (
    DEFAULT_SETTINGS,
    Action,
    SiteSettings,
    Verdict,
    check_action,
    comment_required,
)

#: Problem codes that mean "not yours to do" (403) rather than "not ready" (422).
RIGHTS_CODES = frozenset(
    {
        "not_in_state",
        "not_on_board",
        "not_author",
        "already_edited",
        "already_submitted",
        "no_right",
        "four_eyes",
    }
)
#: The comment rule's problem (return, reject, take down: AG-25).
COMMENT_REQUIRED = Problem(
    "comment_required",
    "comment",
    "Cần ghi lý do (ý kiến) cho thao tác này.",
    "This action needs a comment giving the reason.",
)


def precheck(
    item: Item,
    action: Action,
    user: User,
    grants: Iterable[Grant],
    at: datetime,
    settings: SiteSettings = DEFAULT_SETTINGS,
    categories: Mapping[str, Category] | None = None,
    comment: str | None = None,
) -> Verdict:
    """The whole decision for one action; ``categories`` are the site's, by id (None: not
    known, e.g. a directory never fetched: the category checks are then the portal's)."""
    verdict = check_action(
        item,
        action,
        user,
        grants,
        at,
        settings,
        set(categories) if categories is not None else None,
    )
    if not verdict:
        return verdict
    if action is Action.SUBMIT:
        problems = section_problems(item, categories, at)
        if problems:
            return Verdict(False, tuple(problems))
    if comment is not None and comment_required(item.state, action) and not comment.strip():
        return Verdict(False, (COMMENT_REQUIRED,))
    return verdict


def section_problems(
    item: Item, categories: Mapping[str, Category] | None, at: datetime
) -> list[Problem]:
    """The section's missing or malformed fields; a consultation's deadline after today."""
    category = categories.get(item.category) if categories is not None else None
    kind = category.kind if category is not None else CategoryKind.FREE
    return validate_metadata(kind, item.metadata, published_on=at.date())


def is_rights_refusal(verdict: Verdict) -> bool:
    """Every reason is about who may act (403), none about the item's content (422)."""
    return bool(verdict.problems) and all(p.code in RIGHTS_CODES for p in verdict.problems)
