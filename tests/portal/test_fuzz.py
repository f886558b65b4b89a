"""A short property-based fuzz of the API from its OpenAPI document: no input gives a 5xx.

Bounded (few examples per operation, no shrinking deadline) so that it stays well under 30 s.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from portal.server import PortalServer
from tests.conftest import BACKENDS, url_for
from tests.portal.conftest import Api, seed_board


@pytest.fixture(scope="module", params=BACKENDS)
def fuzz_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PortalServer]:
    url = url_for(request.param, request, tmp_path_factory.mktemp("fuzz"))
    with PortalServer(url) as server:
        seed_board(server.app.state.engine)
        yield server


@pytest.fixture(scope="module")
def fuzz_token(fuzz_server: PortalServer) -> str:
    return Api(fuzz_server.url, "truongban").login().token


@pytest.fixture(scope="module")
def api_schema(fuzz_server: PortalServer) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(fuzz_server.url + "/openapi.json")


def test_no_input_makes_the_server_fail(
    api_schema: schemathesis.BaseSchema, fuzz_token: str
) -> None:
    """Each operation gets a few generated requests (valid and not), all with a valid token."""
    operations = [result.ok() for result in api_schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 15
    for operation in operations:
        if operation.path.startswith("/api/v1/auth/"):  # would end this test's session
            continue

        @given(case=operation.as_strategy())
        @settings(
            max_examples=8,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            response = case.call(headers={"Authorization": f"Bearer {fuzz_token}"}, timeout=10)
            label = (case.method, case.formatted_path, response.text[:300])
            assert response.status_code < 500, label
            if response.status_code >= 400:
                content_type = response.headers.get("content-type") or [""]
                assert content_type[0].startswith("application/problem+json"), label

        check()
