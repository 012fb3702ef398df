"""Fuzzing the JSON API from its own OpenAPI schema: whatever a client sends, hogo answers
with a JSON 2xx or a 4xx carrying {"error": {"code", "message"}}, never a 5xx, and only with
statuses the schema documents for that operation.

The schemathesis pytest plugin is off in pyproject (its import cost is paid by every run), so
this module drives schemathesis's Python API: one Hypothesis strategy per operation, valid
(positive) and schema-breaking (negative) inputs, against the Django app in-process.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hogo.api.services import token_create
from hogo.policy.schema import Policy
from hogo.tests.vault import CAMPAIGN, register

schemathesis = pytest.importorskip("schemathesis")

from schemathesis.checks import not_a_server_error, status_code_conformance  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402

# Enough to reach every handler's validation with odd values on both cores in well under a
# minute; derandomized so a failure in CI is the same failure on a laptop.
EXAMPLES = 20
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@contextmanager
def connections_kept_open() -> Iterator[None]:
    """Keep the test's database connection across in-process requests, as Django's test client
    does: the end-of-request handler would close it and lose the test transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def error_shape_problem(status: int, body: bytes, content_type: str) -> str | None:
    """Why a response breaks the API's error contract, or None when it keeps it."""
    if status >= 500:
        return f"server error {status}"
    if not 400 <= status < 500:
        return None
    if not content_type.startswith("application/json"):
        return f"{status} with content type {content_type!r}"
    try:
        payload: Any = json.loads(body)
    except ValueError:
        return f"{status} with a body that is not JSON"
    err = payload.get("error") if isinstance(payload, dict) else None
    if not (
        isinstance(err, dict)
        and isinstance(err.get("code"), str)
        and isinstance(err.get("message"), str)
    ):
        return f"{status} without an error code and message: {payload!r}"
    return None


def test_it_never_answers_a_server_error_or_a_non_json_error(
    officer: User, active_policy: Policy
) -> None:
    """Every operation, fed valid and invalid input as a privacy officer, answers 2xx/4xx JSON."""
    from hogo.wsgi import application

    headers = {"Authorization": f"Bearer {token_create(actor='system:test', user=officer)}"}
    made = iter(range(1_000_000))

    def real_ids() -> dict[str, Any]:
        # A person of their own for each operation: an erasure fuzzed first leaves the others
        # someone to read, suspend and erase.
        subject = register(f"fuzz{next(made)}@example.jp").subject_id
        return {"subject_id": subject, "purposes": [CAMPAIGN], "X-Hogo-Purpose": CAMPAIGN}

    with connections_kept_open():
        failures = fuzz_every_operation(
            schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application), headers, real_ids
        )
    assert not failures, "\n\n".join(failures)


def fuzz_every_operation(
    schema: Any, headers: dict[str, str], real_ids: Callable[[], dict[str, Any]]
) -> list[str]:
    """Each operation's first failing example (already shrunk by Hypothesis), if any.

    Random ids stop at the lookup (404), so an operation with a path parameter that `real_ids`
    knows is also fed valid input carrying real values (ids, purposes, the purpose header), to
    reach the handler behind the lookup.
    """
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20, "the schema lost its operations"

    for operation in operations:
        strategies = [
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        ]
        if "{subject_id}" in operation.path:
            known = real_ids()
            strategies.append(
                operation.as_strategy(GenerationMode.POSITIVE).map(
                    lambda case, known=known: with_real_ids(case, known)
                )
            )
        strategy = st.one_of(*strategies)

        @FUZZ
        @given(case=strategy)
        def exercise(case: Any) -> None:
            response = case.call(headers=headers)
            case.validate_response(response, checks=[not_a_server_error, status_code_conformance])
            content_type = (response.headers.get("content-type") or [""])[0]  # lists of values
            problem = error_shape_problem(response.status_code, response.content, content_type)
            assert problem is None, f"{case.method} {case.formatted_path}: {problem}"

        try:
            exercise()
        except Exception as exc:  # collect every operation's failure, not just the first
            failures.append(f"{operation.label}: {str(exc)[:1500]}")
    return failures


def with_real_ids(case: Any, known: dict[str, Any]) -> Any:
    """The case with known values for its path parameters, body fields and headers of those
    names; known headers are sent even where the generator left them out."""
    for name in case.path_parameters:
        if name in known:
            case.path_parameters[name] = known[name]
    if isinstance(case.body, dict):
        for name in case.body:
            if name in known:
                case.body[name] = known[name]
    for name, value in known.items():
        if name.startswith("X-"):
            case.headers[name] = value
    return case
