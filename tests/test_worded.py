"""Exclusions the record words as requirements (review round 12a, N7): "No known hypersensitivity to human albumin"
under "You cannot join if…" reads as excluding the people the trial wants. The item keeps the record's wording and
carries `worded_as_requirement`, which the API, the service's page, the CLI and the card say beside it."""

from __future__ import annotations

import copy
import html
import json
import re
import subprocess
import sys

from conftest import ROOT, corpus_record
from service_support import BUNDLED, FakeRegistry, providers

from scrapers.official import OfficialRecord
from server import create_app
from server.explain import explain, explain_text
from server.worded import WORDED_LIST_NOTE, WORDED_MARK, WORDED_NOTE

# NCT00495365's exclusions as the record lists them (requirements worded "No …", one "Not …"), with items of the kinds
# that read right under "You cannot join if…"
MIXED = ("Exclusion Criteria:\n\n"
         "* No known hypersensitivity to human albumin\n"
         "* No severe congestive heart failure (New York Heart Association Class IV)\n"
         "* Not receiving dialysis or scheduled to receive dialysis during the course of the study\n"
         "* No telephone.\n"
         "* Not able to give informed consent\n"
         "* No pregnant or breast-feeding women\n"
         "* No concurrent chemotherapy is allowed\n"
         "* Receiving other investigational agents\n")
ONE_MARKED = ("Exclusion Criteria:\n\n"
              "* No known hypersensitivity to human albumin\n"
              "* No telephone.\n"
              "* Receiving other investigational agents\n")


def _marks(criteria: str, section: str = "exclusion") -> dict[str, bool]:
    d = explain_text(criteria).to_dict()
    out: dict[str, bool] = {}

    def walk(items):
        for e in items:
            out[e["original"]] = e["worded_as_requirement"]
            walk(e["children"])
    walk(d[section])
    return out


def test_negated_exclusion_naming_a_condition_is_marked():
    """The round 12a proposal: the condition or treatment items are marked, a lack ("No telephone", "Not able to
    give informed consent"), a ban on people, what is allowed and a plain exclusion are not."""
    assert _marks(MIXED) == {
        "No known hypersensitivity to human albumin": True,
        "No severe congestive heart failure (New York Heart Association Class IV)": True,
        "Not receiving dialysis or scheduled to receive dialysis during the course of the study": True,
        "No telephone.": False,
        "Not able to give informed consent": False,
        "No pregnant or breast-feeding women": False,
        "No concurrent chemotherapy is allowed": False,
        "Receiving other investigational agents": False,
    }


def test_other_requirement_wordings_under_exclusions_are_marked():
    """From the corpus: "Not currently taking …" (NCT03830164), "Not pregnant" (NCT00497068), "Must be a nonsmoker"
    (NCT00499460), "No more than 2 cycles …" (NCT00001059); not a lack said with "Not" (NCT00006320, NCT00002052) nor
    "Patients … should only be excluded …" (NCT05773092), nor a record's "None"."""
    assert _marks("Exclusion Criteria:\n\n* Not currently taking theophylline\n* Not pregnant\n* Must be a nonsmoker\n"
                  "* No more than 2 cycles of any systemic chemotherapy for Kaposi's sarcoma.\n"
                  "* Not receiving ongoing medical care for HIV infection and pregnancy\n"
                  "* Not expected to survive 12 weeks.\n"
                  "* Patients should only be excluded when clinically relevant drug interactions are expected.\n"
                  "* None\n") == {
        "Not currently taking theophylline": True, "Not pregnant": True, "Must be a nonsmoker": True,
        "No more than 2 cycles of any systemic chemotherapy for Kaposi's sarcoma.": True,
        "Not receiving ongoing medical care for HIV infection and pregnancy": False,
        "Not expected to survive 12 weeks.": False,
        "Patients should only be excluded when clinically relevant drug interactions are expected.": False,
        "None": False,
    }


def test_a_sentence_after_the_rule_does_not_unmark_it():
    """NCT00001316: "No Aspirin … 7 days prior to procedure. Acetaminophen (Tylenol) is permitted …": what the second
    sentence allows is not the rule's own wording; NCT00493857 runs its sentences together ("metastases.Patients")."""
    assert _marks("Exclusion Criteria:\n\n* No Aspirin or NSAIDs 7 days prior to procedure. Acetaminophen (Tylenol) "
                  "is permitted at any time.\n* No known brain metastases.Patients with a history of seizures are "
                  "excluded.\n") == {
        "No Aspirin or NSAIDs 7 days prior to procedure. Acetaminophen (Tylenol) is permitted at any time.": True,
        "No known brain metastases.Patients with a history of seizures are excluded.": True,
    }


def test_a_requirements_lead_in_is_marked_once_for_its_list():
    """NCT00000702: "Patients must demonstrate the following …:" under exclusions, then "No currently active
    AIDS-defining opportunistic infections.": the lead-in carries the note, not each of its items."""
    assert _marks("Exclusion Criteria:\n\n* Patients must demonstrate the following clinical and laboratory findings:\n"
                  "    * No currently active AIDS-defining opportunistic infections.\n    * CD4 count above 200\n") == {
        "Patients must demonstrate the following clinical and laboratory findings:": True,
        "No currently active AIDS-defining opportunistic infections.": False,
        "CD4 count above 200": False,
    }


def test_allowed_lists_negated_lead_ins_and_inclusions_are_not_marked_item_by_item():
    """A list of what is allowed lists what is allowed; a negated lead-in ("No other uncontrolled illness, including
    any of these:", NCT00462696) is marked, not each illness under it; under inclusions "No prior chemotherapy" reads
    right ("You have had no …")."""
    assert _marks("Exclusion Criteria:\n\n* Allowed:\n    * No more than 1 prior regimen\n"
                  "* No other uncontrolled medical condition, including any of these:\n    * No active infection\n") == {
        "Allowed:": False, "No more than 1 prior regimen": False,
        "No other uncontrolled medical condition, including any of these:": True, "No active infection": False}
    assert not any(_marks("Inclusion Criteria:\n\n* No prior chemotherapy\n* Must be 18 or older\n", "inclusion").values())


def test_the_real_record_nct00495365_is_marked_where_it_reads_backwards(shared_dir):
    """The record round 12a named: its six "No …"/"Not …" exclusions are marked, and none of its inclusions."""
    rec = OfficialRecord(corpus_record(shared_dir, "NCT00495365"))
    d = explain_text(rec.eligibility_criteria, rec).to_dict()
    marked = [e["original"] for e in d["exclusion"] if e["worded_as_requirement"]]
    assert "No known hypersensitivity to human albumin" in marked and len(marked) == 6, marked
    assert not any(e["worded_as_requirement"] for e in d["inclusion"])


def _client_with(criteria: str):
    data = copy.deepcopy(BUNDLED)
    data["protocolSection"]["identificationModule"]["nctId"] = "NCT00000001"
    data["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = criteria
    reg = FakeRegistry(records={"NCT00000001": OfficialRecord(data)})
    return create_app({"TRIALLENS_RATE_LIMIT": "off"}, providers=providers(reg, explain=explain)).test_client()


def test_the_api_and_the_page_say_it_beside_the_item():
    client = _client_with(MIXED)
    api = client.get("/api/v1/trials/NCT00000001/criteria").get_json()
    crit = api.get("criteria", api)
    assert [e["worded_as_requirement"] for e in crit["exclusion"]] == [True, True, True, False, False, False, False, False]
    page = client.get("/trials/NCT00000001").get_data(as_text=True)
    # three in the list: the note once above it, the mark on each (said beside each, a screen reader read it three
    # times over; review r17)
    notes = re.findall(r'<p class="worded">([^<]*)</p>', page)
    assert [html.unescape(n) for n in notes] == [WORDED_LIST_NOTE]
    assert page.count(f'<span class="worded-mark">{WORDED_MARK}</span>') == 3
    # (the mark right after its item's words, before the next item)
    assert re.search(r"No known allergy to human albumin[^<]*(?:<[^>]+>[^<]*){0,12}?<span class=\"worded-mark\">", page)


def test_one_such_item_in_a_list_has_the_whole_note_beside_it():
    page = _client_with(ONE_MARKED).get("/trials/NCT00000001").get_data(as_text=True)
    assert re.findall(r'<p class="worded">([^<]*)</p>', page) == [WORDED_NOTE] and "worded-mark" not in page


def test_the_openapi_schema_names_the_flag():
    spec = _client_with(MIXED).get("/openapi.json").get_json()
    explained = spec["components"]["schemas"]["Explained"]
    assert explained["properties"]["worded_as_requirement"]["type"] == "boolean"
    assert "worded_as_requirement" in explained["required"]


def test_the_cli_prints_the_note(tmp_path):
    data = copy.deepcopy(BUNDLED)
    data["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = MIXED
    path = tmp_path / "record.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "server.cli", "explain", str(path)], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    assert out.count(f"note: {WORDED_LIST_NOTE}") == 1 and f"note: {WORDED_NOTE}" not in out
    assert out.count("note: worded as a requirement\n") == 3
    assert re.search(r"- No known allergy to human albumin .*\n(?:.*\n){0,3}?\s+note: worded as a requirement", out)


def test_the_card_says_the_same_words():
    """extension/lib/criteria.js WORDED_NOTE is this module's note, word for word."""
    js = (ROOT / "extension" / "lib" / "criteria.js").read_text(encoding="utf-8")
    assert f'const WORDED_NOTE = "{WORDED_NOTE}";' in js
    assert f'const WORDED_MARK = "{WORDED_MARK}";' in js
    assert WORDED_LIST_NOTE.replace("\u201c", "\\u201c").replace("\u201d", "\\u201d").replace(
        "cannot join, but", 'cannot join, "\n    + "but') in js
