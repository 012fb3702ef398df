"""The OpenAPI document describes what the API really does: one schema per name (two classes
of one name made `/policy/` and `/subjects/search` documented with each other's schemas), and
every status an operation can answer."""

import enum
import typing
from collections import defaultdict
from collections.abc import Iterator

from django.test import Client
from ninja import Schema

from hogo.api.api import ERROR_STATUSES, api


def subclasses[T](cls: type[T]) -> Iterator[type[T]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def enums_in(annotation: object) -> Iterator[type]:
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from enums_in(argument)


def test_every_schema_and_enum_of_the_api_has_a_name_of_its_own() -> None:
    schemas = [cls for cls in subclasses(Schema) if cls.__module__.startswith("hogo.")]
    enums = {
        e for cls in schemas for f in cls.model_fields.values() for e in enums_in(f.annotation)
    }
    modules: dict[str, set[str]] = defaultdict(set)
    for cls in [*schemas, *enums]:
        modules[cls.__name__].add(cls.__module__)
    assert {name: where for name, where in modules.items() if len(where) > 1} == {}


def test_the_search_and_the_policy_are_documented_with_their_own_schemas() -> None:
    schema = api.get_openapi_schema()
    components = schema["components"]["schemas"]
    refusal = components["RefusalOut"]["properties"]["reason"]["$ref"].rsplit("/", 1)[-1]
    assert "purpose_not_allowed" in components[refusal]["enum"]
    assert "fee_unpaid" not in components[refusal]["enum"]  # the desk's reasons are another enum
    choice = components["FieldOut"]["properties"]["choices"]["items"]["$ref"]
    assert choice.endswith("/FieldChoiceOut")


def test_every_operation_documents_the_error_statuses_in_the_error_shape(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            documented = set(operation["responses"])
            assert set(ERROR_STATUSES) <= documented, f"{method} {path}"
            for status in ERROR_STATUSES:
                body = operation["responses"][status]["content"]["application/json"]["schema"]
                assert body == {"$ref": "#/components/schemas/ErrorOut"}, f"{method} {path}"
    assert document["components"]["schemas"]["ErrorOut"]["required"] == ["error"]
