"""Every real CT.gov record in ../shared parses, and every accessor answers without error."""

import gzip
import inspect
import json
import zipfile
from collections import Counter

import pytest

from scrapers.dates import Age
from scrapers.official import DateStruct, OfficialRecord

PROPS = [name for name, v in inspect.getmembers(OfficialRecord) if isinstance(v, property)]


def corpus(shared):
    base = shared / "data" / "ctgov"
    if not (base / "studies_v2.jsonl").exists():
        pytest.skip("../shared/data/ctgov is not beside the checkout")
    with open(base / "studies_v2.jsonl", encoding="utf-8") as fh:
        for line in fh:
            yield "v2", json.loads(line)
    with gzip.open(base / "studies_legacy_xml_as_v2.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            yield "legacy", json.loads(line)
    with zipfile.ZipFile(base / "bulk" / "ctg-studies.json.zip") as zf:
        for name in zf.namelist():
            yield "zip", json.loads(zf.read(name))


def test_every_record_parses(shared_dir):
    counts, facts = Counter(), Counter()
    for kind, data in corpus(shared_dir):
        rec = OfficialRecord(data)
        values = {p: getattr(rec, p) for p in PROPS}
        counts[kind] += 1
        assert rec.summary()["nct_id"] == rec.nct_id
        for key in ("start", "primary_completion", "completion"):
            d = values[key]
            if d is not None:
                assert isinstance(d, DateStruct) and len(d.date) in (4, 7, 10)  # partial dates stay partial
                facts[f"{key}:{d.type}"] += 1
        for key in ("min_age", "max_age"):
            assert values[key] is None or isinstance(values[key], Age)
        assert all(isinstance(t, str) and isinstance(n, str) for t, n in values["interventions"] if t)
        facts["ancestors"] += bool(values["condition_mesh_ancestors"])
        facts["site_status"] += any(loc["status"] for loc in values["locations"])
        facts["lks"] += bool(values["last_known_status"])
        facts["enroll_type"] += bool(values["enrollment_type"])
    assert counts["v2"] == 1245 and counts["legacy"] == 6847 and counts["zip"] == 635
    # the accessors do find what the records hold (not silently empty)
    assert facts["start:ACTUAL"] and facts["completion:ESTIMATED"] and facts["ancestors"] > 500
    assert facts["site_status"] and facts["lks"] and facts["enroll_type"] > 1000


def test_odd_shapes_never_raise_or_split_strings():
    rec = OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT00000001", "nctIdAliases": "NCT00000002"},
        "statusModule": {"overallStatus": "UNKNOWN", "lastKnownStatus": "RECRUITING",
                         "startDateStruct": {"date": "2000-03"}, "completionDateStruct": {"date": "2027-11", "type": "ESTIMATED"}},
        "designModule": {"phases": "PHASE1", "enrollmentInfo": {"count": "40", "type": "ESTIMATED"}},
        "conditionsModule": {"conditions": ["Stroke", 7, None]},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Aspirin", "otherNames": ["ASA"]}, "x", {}]},
        "eligibilityModule": {"minimumAge": "18 Years", "maximumAge": 70, "healthyVolunteers": "No"},
        "contactsLocationsModule": {"locations": [{"facility": "A", "country": "France", "status": "RECRUITING"}, None]}},
        "derivedSection": {"conditionBrowseModule": {"meshes": [{"id": "D020521", "term": "Stroke"}],
                                                     "ancestors": [{"term": "Cerebrovascular Disorders"}]}}})
    assert rec.aliases == [] and rec.phases == [] and rec.enrollment is None and rec.enrollment_type == "ESTIMATED"
    assert (rec.status, rec.last_known_status) == ("UNKNOWN", "RECRUITING")
    assert rec.start == DateStruct("2000-03", None) and rec.completion.estimated
    assert rec.conditions == ["Stroke"] and rec.interventions == [("DRUG", "Aspirin")]
    assert rec.intervention_details[0].other_names == ("ASA",)
    assert rec.min_age == Age(18, "YEARS", "18 Years") and rec.max_age is None and rec.healthy_volunteers is None
    assert rec.locations == [{"facility": "A", "city": None, "state": None, "country": "France", "status": "RECRUITING"}]
    assert rec.countries == ["France"]
    assert rec.condition_meshes[0].id == "D020521" and rec.condition_mesh_ancestors == ["Cerebrovascular Disorders"]
