"""Property-based requests against /openapi.json (schemathesis): no input the spec allows
(or breaks) makes the service answer 500, and every response matches the spec."""

from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402
from service_support import providers  # noqa: E402

from server import create_app  # noqa: E402


def _plain(rec):
    from test_service_api import FakePlain

    return FakePlain(rec.nct_id)


def _related(rec, k, statuses):
    return [{"nct_id": "NCT00000001", "title": "Another", "status": "RECRUITING", "phases": [], "score": 1.0,
             "why": "Same condition", "url": "https://clinicaltrials.gov/study/NCT00000001"}][:k]


APP = create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(explain=_plain, related=_related))
schema = schemathesis.openapi.from_wsgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck),
                derandomize=bool(os.environ.get("CI")))  # CI: the same examples every run
def test_api_conforms_to_its_spec(case):
    # positive_data_acceptance is left out on purpose: a schema-valid body can still be a
    # page without a trial (422) or an id the registry does not know (404), both documented.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
