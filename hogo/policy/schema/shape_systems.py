"""The JSON Schema shape of the data map (`[[systems]]`), part of `shape.PolicyFile`."""

from typing import Annotated

from pydantic import Field

from hogo.policy.schema.shape import Id, Ref, Refs, Str, Table, Text, _one_of
from hogo.policy.schema.systems import (
    DELETION_ACTIONS,
    MAX_MANUAL_DAYS,
    SYSTEM_KINDS,
    SYSTEM_ROLES,
)


class SystemField(Table):
    column: Annotated[Str, Field(description="a column of the table")]
    category: Annotated[Ref, Field(description="a category id the system holds")]
    deletion: _one_of(DELETION_ACTIONS)  # type: ignore[valid-type]
    mask: Annotated[Str | None, Field(description='the replacing text, with "mask"')] = None
    correct: Annotated[bool, Field(description="a correction may set it")] = False


class SystemReference(Table):
    column: Annotated[Str, Field(description="the column pointing at another table")]
    to: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_$]*\.[A-Za-z_][A-Za-z0-9_$]*$")]


class Identity(Table):
    """The columns that find the person: identifier kind -> column."""

    email: Str | None = None
    phone: Str | None = None
    member_number: Str | None = None


class Collection(Table):
    table: Str
    identity: Identity | None = None
    suspend_column: Annotated[Str | None, Field(description="set to true to suspend")] = None
    fields: Annotated[list[SystemField], Field(min_length=1)]
    references: list[SystemReference] = []  # noqa: RUF012 (a pydantic field, copied per model)


class SqlTable(Table):
    url_env: Annotated[
        str, Field(pattern=r"^[A-Z][A-Z0-9_]*$", description="the variable with the URL")
    ]
    collections: Annotated[list[Collection], Field(min_length=1)]


class WebhookTable(Table):
    url: Annotated[str, Field(pattern="^https://", description="on the organization's domain")]
    secret_env: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")]


class ManualTable(Table):
    instructions: Text
    role: _one_of(SYSTEM_ROLES)  # type: ignore[valid-type]
    days: Annotated[int, Field(ge=1, le=MAX_MANUAL_DAYS)]


class SystemTable(Table):
    """A system holding personal data (the data map) and how requests reach it."""

    id: Id
    kind: _one_of(SYSTEM_KINDS)  # type: ignore[valid-type]
    title: Text
    owner: Text
    country: Annotated[str, Field(pattern="^[A-Z]{2}$", description="ISO 3166-1 alpha-2")]
    purposes: Refs
    categories: Refs
    contractor: Annotated[str | None, Field(pattern="^rcp_", description="a recipient id")] = None
    sql: SqlTable | None = None
    webhook: WebhookTable | None = None
    manual: ManualTable | None = None
