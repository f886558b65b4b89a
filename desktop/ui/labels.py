"""Translated names for the domain's states, actions and steps, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.models import Action, State


def state_name(state: State | str) -> str:
    names = {
        State.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        State.SUBMITTED: QCoreApplication.translate("Labels", "Waiting for editing"),
        State.EDITED: QCoreApplication.translate("Labels", "Waiting for approval"),
        State.PUBLISHED: QCoreApplication.translate("Labels", "Published"),
        State.REJECTED: QCoreApplication.translate("Labels", "Rejected"),
        State.TAKEN_DOWN: QCoreApplication.translate("Labels", "Taken down"),
        State.DELETED: QCoreApplication.translate("Labels", "Deleted"),
    }
    return names.get(State(state), str(state))


def action_name(action: Action | str) -> str:
    names = {
        Action.SUBMIT: QCoreApplication.translate("Labels", "Submit for editing"),
        Action.WITHDRAW: QCoreApplication.translate("Labels", "Withdraw"),
        Action.FORWARD: QCoreApplication.translate("Labels", "Forward for approval"),
        Action.RETURN: QCoreApplication.translate("Labels", "Return"),
        Action.APPROVE: QCoreApplication.translate("Labels", "Approve and publish"),
        Action.REJECT: QCoreApplication.translate("Labels", "Reject"),
        Action.TAKE_DOWN: QCoreApplication.translate("Labels", "Take down"),
        Action.DELETE: QCoreApplication.translate("Labels", "Delete draft"),
    }
    return names.get(Action(action), str(action))


def step_names() -> list[str]:
    """The three steps of BD-22, numbered as the regulation numbers them."""
    return [
        QCoreApplication.translate("Labels", "1 Write"),
        QCoreApplication.translate("Labels", "2 Edit"),
        QCoreApplication.translate("Labels", "3 Approve"),
    ]


def step_short(step: int | None) -> str:
    if step is None:
        return QCoreApplication.translate("Labels", "Done")
    return step_names()[step - 1]


def sync_status_name(status: str) -> str:
    names = {
        "local": QCoreApplication.translate("Labels", "Saved on this computer"),
        "pending": QCoreApplication.translate("Labels", "Waiting to sync"),
        "synced": QCoreApplication.translate("Labels", "Synced"),
        "conflict": QCoreApplication.translate("Labels", "Conflict: choose a version"),
        "failed": QCoreApplication.translate("Labels", "Sync failed"),
    }
    return names.get(status, status)


def role_name(role: str) -> str:
    names = {
        "head": QCoreApplication.translate("Labels", "Head"),
        "deputy": QCoreApplication.translate("Labels", "Deputy head"),
        "member": QCoreApplication.translate("Labels", "Member"),
        "admin": QCoreApplication.translate("Labels", "Administrator"),
    }
    return names.get(role, role)


def origin_name(origin: str) -> str:
    return {
        "original": QCoreApplication.translate("Labels", "Original"),
        "repost": QCoreApplication.translate("Labels", "Repost"),
    }.get(origin, origin)


def who_acts_next(state: State | str) -> str:
    names = {
        State.DRAFT: QCoreApplication.translate("Labels", "Next: the author submits it"),
        State.SUBMITTED: QCoreApplication.translate(
            "Labels", "Next: a deputy head edits and forwards it"
        ),
        State.EDITED: QCoreApplication.translate("Labels", "Next: the head approves it"),
        State.PUBLISHED: QCoreApplication.translate("Labels", "On the portal"),
        State.REJECTED: QCoreApplication.translate("Labels", "Stopped: rejected"),
        State.TAKEN_DOWN: QCoreApplication.translate("Labels", "Stopped: taken down"),
    }
    return names.get(State(state), "")


def field_name(field: str) -> str:
    names = {
        "title": QCoreApplication.translate("Labels", "Title"),
        "summary": QCoreApplication.translate("Labels", "Summary"),
        "body": QCoreApplication.translate("Labels", "Body"),
        "category": QCoreApplication.translate("Labels", "Category"),
        "author": QCoreApplication.translate("Labels", "Author"),
        "source": QCoreApplication.translate("Labels", "Source"),
        "origin": QCoreApplication.translate("Labels", "Origin"),
        "language": QCoreApplication.translate("Labels", "Language"),
        "attachments": QCoreApplication.translate("Labels", "Attachments"),
    }
    return names.get(field, field)
