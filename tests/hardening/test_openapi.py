"""The OpenAPI description is served and kept true: every API route is described, and
schemathesis finds no 500, no hang and no response outside the schema."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from schemathesis.specs.openapi.checks import positive_data_acceptance

from web.api_docs import load_spec


@pytest.fixture()
def app_config(sample_app_config):
    return {**sample_app_config, "FETCH_READ_TIMEOUT_S": 3.0, "FETCH_DEADLINE_S": 5.0}


def test_spec_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.get_json()["openapi"].startswith("3.")


def test_every_api_route_is_described_and_nothing_else(app):
    described = set(load_spec()["paths"])
    routed = {rule.rule for rule in app.url_map.iter_rules()
              if rule.rule.startswith("/api/") and rule.rule != "/api/v1/openapi.json"}
    routed = {r.replace("<", "{").replace(">", "}").replace("{int:", "{").replace("{string:", "{")
              for r in routed}
    assert routed <= described | {"/healthz"}, f"undescribed: {routed - described}"
    assert described - {"/healthz"} <= routed, f"described but not routed: {described - routed}"


schema = schemathesis.openapi.from_dict(load_spec())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_description(case, live_server):
    """Run over real HTTP against the app; every response must match the description.
    A schema-valid `url` may still name no article (422): that check cannot apply."""
    case.call_and_validate(base_url=live_server.url, timeout=30,
                           excluded_checks=[positive_data_acceptance])
