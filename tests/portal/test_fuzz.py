"""The fuzz job (issue 15): schemathesis against the portal's own OpenAPI document.

Every operation gets generated requests, valid ones and invalid ones, from a fixed seed
(``PORTAL_FUZZ_SEED``, default 15; no example database, no shrinking) within a fixed budget:
``PORTAL_FUZZ_EXAMPLES`` per operation and mode (default 20; the whole job takes about two
minutes on two cores for both databases). Requests carry a real session where that makes sense
(the head's; the administrator's under ``/admin``). The job fails on any 5xx, on any answer
whose content type or body breaks the document (``portal.api.openapi`` documents the errors as
problem documents and the client's answers in full), and on any answer without the security
headers. Every failing operation is reported, not only the first.

Run alone: ``python -m pytest -q tests/portal/test_fuzz.py`` (CI runs it as its own step).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from portal.server import PortalServer
from tests.conftest import BACKENDS, url_for
from tests.portal.conftest import Api, seed_board

EXAMPLES = int(os.environ.get("PORTAL_FUZZ_EXAMPLES", "20"))
SEED = int(os.environ.get("PORTAL_FUZZ_SEED", "15"))
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
SECURITY_HEADERS = ("x-content-type-options", "x-frame-options", "content-security-policy")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=BACKENDS)
def fuzz_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PortalServer]:
    url = url_for(request.param, request, tmp_path_factory.mktemp("fuzz"))
    with PortalServer(url) as server:
        seed_board(server.app.state.engine)
        yield server


@pytest.fixture(scope="module")
def tokens(fuzz_server: PortalServer) -> dict[str, str]:
    return {name: Api(fuzz_server.url, name).login().token for name in ("truongban", "quantri")}


@pytest.fixture(scope="module")
def api_schema(fuzz_server: PortalServer) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(fuzz_server.url + "/openapi.json")


def _token_for(path: str, tokens: dict[str, str]) -> str:
    return tokens["quantri"] if path.startswith("/api/v1/admin/") else tokens["truongban"]


def _fuzz(operation: schemathesis.APIOperation, mode: GenerationMode, token: str) -> str | None:
    """Run one operation in one mode; the first failure's report, or None."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @seed(SEED)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    def check(case: schemathesis.Case) -> None:
        response = case.call(headers={"Authorization": f"Bearer {token}"}, timeout=20)
        case.validate_response(response, checks=CHECKS)
        missing = [h for h in SECURITY_HEADERS if h not in response.headers]
        assert not missing, (case.method, case.formatted_path, response.status_code, missing)

    try:
        check()
    except Unsatisfiable:  # no invalid request exists (no parameters, no body): nothing to do
        return None
    except (AssertionError, Exception) as failure:  # schemathesis raises a FailureGroup
        return f"{operation.method.upper()} {operation.path} ({mode.value}):\n{failure}"
    return None


def test_no_input_gives_a_5xx_or_breaks_the_documented_answers(
    api_schema: schemathesis.BaseSchema, tokens: dict[str, str]
) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 30
    failures = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            found = _fuzz(operation, mode, _token_for(operation.path, tokens))
            if found is not None:
                failures.append(found)
    assert not failures, "\n\n".join(failures)


def test_the_document_describes_errors_as_problem_documents(
    api_schema: schemathesis.BaseSchema,
) -> None:
    raw = api_schema.raw_schema
    assert "HTTPValidationError" not in raw["components"]["schemas"]
    for path, operations in raw["paths"].items():
        for method, operation in operations.items():
            for status in ("4XX", "5XX"):
                content = operation["responses"][status]["content"]
                assert list(content) == ["application/problem+json"], (method, path)
