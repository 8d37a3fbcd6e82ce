"""An illness a cancer brings, named after it ("Breast Cancer Related Lymphedema"), is also that illness: fix47's
rule that a non-cancer word agrees with a cancer's name only where the word names a cancer itself warned a trial's
own page "Lymphedema" under its record's "Breast Cancer Related Lymphedema" wherever the record carried no plain
"Lymphedema" beside it (a record before MeSH indexing, ident6). A cancer's subtype ("Nodular Sclerosis Hodgkin
Lymphoma") still names no other illness."""

from __future__ import annotations

import pytest

from scrapers.model import OfficialRecord, PageRecord
from scrapers.reconcile.conditions import check_conditions


def _record(*conditions: str) -> OfficialRecord:
    """A record as first registered: its conditions, no keywords, no MeSH terms."""
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": "NCT01234567", "briefTitle": "Compression Sleeves After Surgery"},
        "conditionsModule": {"conditions": list(conditions)},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Some University"}}}})


def _warned(record: OfficialRecord, *shown: str) -> bool:
    return bool(check_conditions(PageRecord(site="x", nct_id="NCT01234567", conditions=list(shown)), record))


@pytest.mark.parametrize("record, shown", [
    ("Breast Cancer Related Lymphedema", "Lymphedema"),
    ("Breast Cancer-Related Lymphedema", "Lymphoedema"),
    ("Breast Cancer Related Lymphedema", "Arm Lymphedema"),
    ("Cancer-Associated Thrombosis", "Venous Thrombosis"),
    # and the other way: the page names the cancer the record's illness came with
    ("Lymphedema", "Breast Cancer Related Lymphedema"),
    ("Lymphedema of the Arm", "Breast Cancer-Related Lymphedema"),
])
def test_the_illness_a_cancer_brings_agrees_with_itself(record, shown):
    assert not _warned(_record(record), shown)


@pytest.mark.parametrize("record, shown", [
    # a cancer's subtype, in the written order and MeSH's
    ("Adult Nodular Sclerosis Hodgkin Lymphoma", "Multiple Sclerosis"),
    ("Hodgkin Lymphoma, Nodular Sclerosis", "Multiple Sclerosis"),
    ("Hodgkin Lymphoma, Nodular Sclerosis", "Atherosclerosis"),
    # words after a cancer that name no illness are none
    ("Breast Cancer Survivors", "Stroke Survivors"),
    # another illness than the one the cancer brought
    ("Breast Cancer Related Lymphedema", "Deep Vein Thrombosis"),
    ("Cancer-Associated Thrombosis", "Lymphedema"),
    # the illness brought is no cancer: another cancer still differs
    ("Breast Cancer Related Lymphedema", "Lung Cancer"),
])
def test_a_cancers_subtype_or_other_words_still_name_no_other_illness(record, shown):
    assert _warned(_record(record), shown)
