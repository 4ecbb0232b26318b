"""Schemathesis against the OpenAPI document: generated requests for every operation, bounded here.

Requests that fit the document and requests that break it (negative mode), in process, once: on
PostgreSQL when it is set, the backend `make fuzz` and production use; checks: no server error, responses that keep their documented schema and status codes, and
no operation that answers without a token. FUZZ_EXAMPLES and FUZZ_ROLES widen it, FUZZ_OPERATIONS
(words of the operations' paths) narrows it to the operations a change touched; `make fuzz`
(bench/trust/fuzz.py) runs Schemathesis's command line at length, all phases, against gunicorn.
"""

import os
from collections.abc import Callable

import pytest
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from hypothesis.errors import FailedHealthCheck, Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    ignored_auth,
    response_schema_conformance,
    status_code_conformance,
)

from housing.vocabulary import Role
from tests.conftest import trust_figures

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
ROLES = [Role(r) for r in os.environ.get("FUZZ_ROLES", "admin").split(",")]
OPERATIONS = [words for words in os.environ.get("FUZZ_OPERATIONS", "").split(",") if words]
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, ignored_auth]


def fuzzer(operation: schemathesis.APIOperation, token: str, mode: GenerationMode) -> Callable[[], None]:
    @given(case=operation.as_strategy(mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
              database=None)  # fmt: skip
    def fuzz(case: schemathesis.Case) -> None:
        case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

    return fuzz


@pytest.mark.one_database("postgresql")
def test_generated_requests_get_no_server_error_keep_their_schema_and_need_a_token(app, auth, database_url):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    failures: dict[str, str] = {}
    operations = 0
    for role in ROLES:
        token = auth.token(role)
        for result in schema.get_all_operations():
            operation = result.ok()
            if OPERATIONS and not any(words in operation.path for words in OPERATIONS):
                continue
            operations += 1
            for mode in GenerationMode:
                try:
                    fuzzer(operation, token, mode)()
                except Unsatisfiable:  # an operation without inputs has no wrong inputs to send
                    assert mode is GenerationMode.NEGATIVE
                    assert not operation.body
                    assert not operation.query
                except Exception as error:
                    failures[f"{role.value} {mode} {operation.label}"] = " ".join(str(error).split())[:300]
    assert operations >= (1 if OPERATIONS else 20)
    assert failures == {}
    trust_figures("fuzzing", database_url, operations=operations // len(ROLES), roles=[r.value for r in ROLES],
                  modes=[m.value for m in GenerationMode], examples_per_operation_and_mode=EXAMPLES, seed="derandomized",
                  checks=[c.__name__ for c in CHECKS], failures=0)  # fmt: skip


def drawer(operation: schemathesis.APIOperation, mode: GenerationMode, number: int) -> Callable[[], None]:
    @seed(number)
    @given(case=operation.as_strategy(mode))
    @settings(max_examples=10, deadline=None, database=None)
    def draw(case: schemathesis.Case) -> None:
        pass

    return draw


# The draws are about 90 CPU-seconds in all: in shards, so that pytest-xdist's workers share them.
SHARDS = 4


@pytest.mark.one_database  # the document only: no request is sent
@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_request_can_be_drawn_from_the_document_with_hypothesis_health_checks_on(app, shard):
    """`make fuzz` keeps Hypothesis's health checks on, and one fails the run when the document makes
    Hypothesis throw away most of what it draws: dates documented with any two digits for month and
    day did, for the bodies of POST /young-people and POST /options. Drawing only, five seeds each;
    every operation is drawn, in one shard of the four."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    unhealthy: dict[str, str] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations[shard::SHARDS]:
        for mode in GenerationMode:
            for number in range(5):
                try:
                    drawer(operation, mode, number)()
                except Unsatisfiable:  # nothing to get wrong in an operation without inputs
                    assert mode is GenerationMode.NEGATIVE
                except FailedHealthCheck as error:
                    unhealthy[f"{mode} {operation.label} seed {number}"] = str(error).split("\n")[0][:200]
    assert unhealthy == {}
