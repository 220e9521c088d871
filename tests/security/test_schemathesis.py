"""schemathesis over every operation of /api/v1/ as every persona: no server error, no status or body
the OpenAPI document does not declare.

The size here is what CI carries (LUOSHI_SCHEMATHESIS_EXAMPLES, default 4 per operation and persona);
`scripts/schemathesis_long.py` runs the same test with many more.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from luoshi.accounts.models import ApiToken
from luoshi.demo import loader

EXAMPLES = int(os.environ.get("LUOSHI_SCHEMATHESIS_EXAMPLES", "4"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
PERSONAS = ["anonymous", "jinshui_reporter", "erqi_reporter", "analyst", "leader"]

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """The WSGI app closes old connections at each request's start and end; inside a test that would close
    the test's own transaction (PostgreSQL). Django's test client disconnects them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(plan, assignments, jinshui_reporter, erqi_reporter, analyst, leader):
    """The demo's plan with its projects and tasks, and a bearer token per signed-in persona."""
    loader.load_projects(plan)
    loader.load_tasks(plan)
    people = {"jinshui_reporter": jinshui_reporter, "erqi_reporter": erqi_reporter, "analyst": analyst,
              "leader": leader}
    return {name: {"Authorization": f"Bearer {ApiToken.issue(user, 'schemathesis')[1]}"}
            for name, user in people.items()}


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES <= 10,
          suppress_health_check=list(HealthCheck))
def test_api_keeps_its_contract(case, world):
    """Each generated case is sent as every persona in turn (one world per operation: building it is most
    of the cost, about 3 s against a few hundred ms for the calls)."""
    for persona in PERSONAS:
        try:
            case.call_and_validate(headers=world.get(persona, {}), checks=CHECKS)
        except Exception as failure:
            failure.add_note(f"persona: {persona}")
            raise
