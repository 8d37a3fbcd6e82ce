"""A second verb after "You …" agrees with "you": "Have and be able to use a smartphone" read "You have and be able to
use a smartphone" (NCT05266716, review r51); a verb that takes it bare keeps "be"."""

import pytest

from server.explain import explain_item


@pytest.mark.parametrize("text, shown", [
    ("Have and be able to use a smartphone", "You have and are able to use a smartphone"),
    ("Acute bipolar I illness and be having a manic or depressed episode at the time of study entry.",   # NCT00000369
     "You have acute bipolar I illness and are having a manic or depressed episode at the time of study entry."),
    ("Patients must have diabetes and be willing to keep a diary", "You must have diabetes and be willing to keep a diary"),
])
def test_and_be_after_you(text, shown):
    assert explain_item(text).shown == shown
