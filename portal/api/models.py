"""Request bodies. Unknown fields are refused (``extra="forbid"``) and types are strict."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Credentials(Body):
    username: StrictStr = Field(max_length=200)
    password: StrictStr = Field(max_length=1000)
    #: The device's refresh token of this account, when it holds one: proof that it already
    #: has a session, so failures from elsewhere never delay it (docs/api.md, "Throttling").
    refresh_token: StrictStr | None = Field(default=None, max_length=200)


class RefreshRequest(Body):
    refresh_token: StrictStr = Field(max_length=200)


class PasswordChange(Body):
    current_password: StrictStr = Field(max_length=1000)
    new_password: StrictStr = Field(max_length=1000)


class SourceBody(Body):
    name: StrictStr = ""
    url: StrictStr = ""


class ContentBody(Body):
    """The content fields a writer sends; omitted fields keep their value on update."""

    category: StrictStr | None = Field(default=None, max_length=64)
    title: StrictStr | None = None
    summary: StrictStr | None = None
    body: StrictStr | None = None
    language: StrictStr | None = None
    translation_of: StrictStr | None = None
    origin: StrictStr | None = None
    source: SourceBody | None = None
    author: StrictStr | None = None
    unit: StrictStr | None = None
    attachments: list[StrictStr] | None = None
    metadata: dict[str, Any] | None = None
    trigger_date: StrictStr | None = None
    publish_at: StrictStr | None = None  # ISO 8601 with offset; null clears (issue 20)
    expire_at: StrictStr | None = None

    def fields(self) -> dict[str, Any]:
        """The fields the client sent (null means "keep" except where null is a value)."""
        sent = self.model_dump(exclude_unset=True)
        nullable = {"translation_of", "trigger_date", "publish_at", "expire_at"}
        return {k: v for k, v in sent.items() if v is not None or k in nullable}


class NewItemBody(ContentBody):
    site: StrictStr = Field(max_length=64)


class ActionBody(Body):
    action: StrictStr
    comment: StrictStr = ""
    #: The client's id for the comment the reason becomes (it shows it before syncing).
    comment_id: StrictStr | None = Field(default=None, max_length=64)
    expected_version: StrictInt | None = None


class CommentBody(Body):
    id: StrictStr | None = Field(default=None, max_length=64)
    body: StrictStr


class GrantBody(Body):
    grantee: StrictStr
    step: StrictStr
    categories: list[StrictStr] = []
    valid_from: StrictStr | None = None
    valid_until: StrictStr | None = None
    decision_ref: StrictStr = ""
