"""The OpenAPI document's components: the JSON schemas of every request and response (server/openapi.py puts them
together with the paths). Schemas follow CONTRACTS.md; objects allow added fields (the contract grows by adding)."""

from __future__ import annotations

from scrapers.vocab import STATUSES
from server.claim_text import CONTROL_CLASS, FORMAT_CLASS, MAX_CLAIM
from server.page_url import MAX_URL
from server.claimed import HEADLINES as CLAIM_HEADLINES
from server.verdict_words import (CAVEATS, COPY_CAVEATS, COPY_HEADLINES, COPY_OVERDUE_HEADLINES, CRITICAL_HEADLINES,
                                  ENDED_HEADLINES, HEADLINES, INVITED_ONLY_HEADLINES, LIST_NOT_SHOWN, OTHER_TRIAL,
                                  OVERDUE_HEADLINES, REASON_HEADLINES, STATUS_UNSETTLED, UNMATCHED_CRITERIA)


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _null(schema: dict) -> dict:
    """`schema` or null. An enum lists null too: `type` alone let null through to an `enum` without it, so a page
    showing no status (page.status null) failed the published schema (round 10b)."""
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    t = schema["type"]
    out = {**schema, "type": [t, "null"] if isinstance(t, str) else [*t, "null"]}
    if "enum" in out and None not in out["enum"]:
        out["enum"] = [*out["enum"], None]
    return out


def _obj(props: dict, required: list[str] | None = None) -> dict:
    return {"type": "object", "properties": props, "required": list(props) if required is None else required}


STR, INT, BOOL, NUM = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}, {"type": "number"}
DATE = {"type": "string", "description": "ISO date, possibly partial (YYYY, YYYY-MM, YYYY-MM-DD)"}
STRS = {"type": "array", "items": STR}
# a claimed status, as_of or site (claim_text.claim_text): at most MAX_CLAIM characters, no control character but whitespace
# (tab, line feed and carriage return allowed: read as spaces)
CLAIM_TEXT = {"type": "string", "maxLength": MAX_CLAIM,
              "pattern": f"^[^{CONTROL_CLASS}{FORMAT_CLASS}]*$"}
GLOSSARY = {"type": "array", "items": _obj({"term": STR, "meaning": STR})}
STATUS = {"type": "string", "enum": list(STATUSES)}
# when the record copy was current (UTC ISO); null for a saved copy nothing dates (a record bundled or ingested
# with no date in it), never the time it happened to be stored
FETCHED = {"type": ["string", "null"], "description": "when this copy of the record was current (UTC ISO); "
           "null when that is not known"}
NCT = {"type": "string", "pattern": r"^NCT\d{8}$", "examples": ["NCT07232563"]}
# why a related list is empty when no status would fill it; absent otherwise (an empty list is then "none open")
RELATED_REASON = {"type": "string", "enum": ["nothing_to_match"],
                  "description": "present only with an empty list: nothing_to_match, the record gives no conditions or "
                                 "keywords (a withheld record, a stand-in title), so TrialLens cannot suggest related "
                                 "trials"}
# the way on from an empty related list: ClinicalTrials.gov's search for open trials of the record's first condition
SEARCH_URL = {"type": "string", "format": "uri",
              "description": "present only with an empty list (and a record that lists a condition): ClinicalTrials.gov's "
                             "search for recruiting or not-yet-recruiting trials of the record's first condition, for "
                             "\"TrialLens knows of no open trials like this one\" to link to"}
# why a record is a saved copy; the same on a trial's summary and on a listing's badge ("gone" must reach both)
STALE_REASON = {"type": ["string", "null"],
                "enum": ["offline", "unreachable", "busy", "budget", "gone", "record_file", None],
                "description": "why the record is a saved copy: the service works offline, ClinicalTrials.gov could "
                               "not be reached just now, TrialLens has asked it too often in the last minute and did "
                               "not ask again (busy: the service's own limit), this client has had as many trials "
                               "looked up as it may for now (budget: its share of single lookups a minute, "
                               "TRIALLENS_SINGLE_LOOKUPS, or its lookup budget, TRIALLENS_LOOKUP_BUDGET, an hour by "
                               "default; `note` says which), or it no longer has the study (gone); record_file "
                               "only from the "
                               "CLI's `check --record FILE` with a file older than a day; null when current"}

SCHEMAS: dict[str, dict] = {
    "Problem": _obj({"type": STR, "title": STR, "status": {"type": "integer", "minimum": 100, "maximum": 599},
                     "detail": STR,
                     "nct_id": {**NCT, "description": "the NCT id that was looked up, with an unknown trial (404 "
                               "unknown-trial) or one the service works offline without (503 not-in-local-store)"},
                     "saved_copy": {"type": "string", "enum": ["unusable"],
                                    "description": "present when TrialLens holds a saved copy of the trial that is no "
                                    "usable study (one an older TrialLens let in: never served): the fault is that "
                                    "copy, not the local store (store-unavailable)"}},
                    required=["type", "title", "status", "detail"]),
    "Age": _obj({"value": NUM, "unit": STR, "text": _null(STR),
                 "exclusive": {**BOOL, "description": "present (true) when the limit leaves its value out: a page's "
                               "\"under 18 years\" or \"over 18 years\""}}, required=["value", "unit"]),
    "PageRecord": _obj({
        "site": STR, "url": _null(STR), "nct_id": _null(STR), "title": _null(STR),
        "status": _null(STATUS), "status_text": _null(STR), "phases": STRS, "phase_text": _null(STR),
        "study_type": _null(STR), "enrollment": _null(INT), "start_date": _null(DATE),
        "completion_date": _null(DATE), "as_of": _null(DATE), "as_of_text": _null(STR), "sponsor": _null(STR),
        "conditions": STRS, "interventions": STRS, "sex": _null(STR), "min_age": _null(_ref("Age")),
        "max_age": _null(_ref("Age")),
        "no_max_age_text": {**STR, "description": "present when the page says outright there is no upper age "
                            "limit: its words (\"18 years and older\", \"No maximum\")"},
        "no_min_age_text": {**STR, "description": "present when the page's age is an upper limit alone, which says "
                            "there is no lower age limit: its words (\"Under 18 years\", \"Up to 17 years\")"},
        "healthy_volunteers": {**_null(BOOL), "description": "whether the page says the trial accepts healthy "
                               "volunteers (\"Accepts Healthy Volunteers: Yes\", \"No Healthy Volunteers\"); null "
                               "when it does not say"},
        "inclusion": STRS, "exclusion": STRS, "criteria_truncated": BOOL,
        "criteria_ends_at": {**STR, "description": "present when the page shows where its eligibility criteria end: "
                             "the section heading or label that follows them (\"Sponsors\", \"Trial design\"); "
                             "the record's criteria past the page's last one are then left out, not further down"},
        "criteria_headings": {"type": "array", "items": {"type": "string", "enum": ["exclusion", "inclusion"]},
                              "description": "the criteria headings the page showed, sorted; present only when they "
                              "differ from the headings of its non-empty lists (a heading over no items, or items "
                              "under no heading: [])"},
        "criteria_unplaced": {"type": "integer", "minimum": 1, "description": "present when the page lists "
                              "eligibility criteria without saying which are for joining and which rule people out "
                              "(no inclusion or exclusion heading): how many; they are not in inclusion or exclusion "
                              "and were not compared"},
        "plain_summary": _null(STR),
        "read_lines": {"type": "integer", "minimum": 0, "description": "present when the page is too long to read "
                       "whole (more than 20,000 lines or 100,000 elements): how many of its lines were read. A field "
                       "shown further down was not read, and the drift note says so"},
        "related_nct_ids": STRS, "locations": STRS, "other_nct_ids": STRS,
    }, required=["site", "nct_id", "status", "status_text", "as_of"]),
    "Finding": _obj({
        "kind": STR, "severity": {"type": "string", "enum": ["critical", "warning", "info"]}, "field": STR,
        "page_value": {}, "official_value": {}, "message": STR, "evidence": {"type": "object"},
        "about": {"type": "string", "enum": ["page", "registry"]},
    }, required=["kind", "severity", "field", "page_value", "official_value", "message", "evidence"]),
    "Drift": _obj({
        "state": {"type": "string", "enum": ["in_sync", "drifted", "cannot_compare", "official_unavailable"]},
        "verdict": {"type": "string", "enum": list(HEADLINES)},
        "headline": {"type": "string", "enum": list(dict.fromkeys(
            [*HEADLINES.values(), *CAVEATS.values(), *OVERDUE_HEADLINES.values(), *COPY_HEADLINES.values(),
             *REASON_HEADLINES.values(), *COPY_CAVEATS.values(), *LIST_NOT_SHOWN.values(), STATUS_UNSETTLED,
             *COPY_OVERDUE_HEADLINES.values(), *(h for pair in CRITICAL_HEADLINES.values() for h in pair),
             OTHER_TRIAL, *UNMATCHED_CRITERIA.values(), *INVITED_ONLY_HEADLINES.values(),
             *(h for pair in ENDED_HEADLINES.values() for h in pair),   # (a trial that has ended: its ending)
             *CLAIM_HEADLINES["caller"].values()]))},   # (GET /trials/{id}/drift, POST /drift: a caller's claim)
        "caveat": {"type": "string", "enum": list(CAVEATS),
                   "description": "with verdict in_sync: what it is in sync with may not be current (a stored copy "
                                  "that could not be refreshed, or a record that itself looks overdue), or the page "
                                  "showed neither a status nor criteria (or few of the record's criteria), so little "
                                  "was compared; record_closed (also with could_not_check, nothing to compare): the "
                                  "page showed no status and the record says the trial is closed (the headline and "
                                  "note say so); with could_not_check, record_overdue when the record itself is "
                                  "overdue (the headline says what that means)"},
        "findings": {"type": "array", "items": _ref("Finding")},
        "reason": {"type": "string", "enum": ["official_unavailable", "not_asked", "record_not_current",
                                              "unrecognized_wording", "nothing_to_compare", "official_page"],
                   "description": "only with verdict could_not_check: why"},
        "note": {"type": "string",
                 "description": "the line shown under the headline: with could_not_check, why; with in_sync, that "
                                "the page matches a record that itself looks overdue (a warning or critical finding "
                                "about the registry), a saved copy of the record (with its date), or that little was "
                                "compared (and what); with an alarm, that the page was compared with a saved copy, then what to "
                                "do next (which list to go by, whom to ask, where to look for an open trial)"},
        "note_says_why": {"type": "boolean",
                          "description": "with note: whether the note says why a saved copy of the record was used "
                                         "(offline, ClinicalTrials.gov unreachable, or no longer showing the trial), "
                                         "so a line about that copy need not say it again"},
        "retry_after": {"type": "integer", "minimum": 1,
                        "description": "only with reason official_unavailable for a trial not looked up because this "
                                       "client's lookup budget is used (POST /drift's item, whose note says so): "
                                       "seconds until the budget has room again, as a 429's Retry-After"},
    }, required=["state", "verdict", "headline", "findings"]),
    "Official": _obj({
        "nct_id": NCT, "title": _null(STR), "status": _null(STATUS), "status_text": STR,
        "last_update_posted": _null(DATE), "status_verified": _null(DATE), "fetched_at": FETCHED, "stale": BOOL,
        "stale_reason": STALE_REASON,
        "url": {"type": "string", "format": "uri"}, "source": STR,
        "note": _null({"type": "string", "description": "why the record is stale, or what else to know"}),
        "reconstructed": {**BOOL, "description": "true for a demo record TrialLens rebuilt from aggregator pages (the "
                          "bundled records of the demo trials), not downloaded from ClinicalTrials.gov: it may lack "
                          "criteria or facts the official record has"},
        "expanded_access": {**_null(NCT), "description": "the expanded-access record (an NCT id) this record lists as "
                            "available (statusModule.expandedAccessInfo): a way to get the treatment outside a trial, "
                            "said beside a closed trial; null when it lists none"},
        "retry_after": {"type": "integer", "minimum": 1, "description": "present only with stale_reason budget: "
                        "seconds until this client's lookup budget has room again, so ClinicalTrials.gov may be asked "
                        "for today's record (as a 429's Retry-After says it)"},
        "sex": {**_null(STR), "description": "who the trial takes: ALL, FEMALE or MALE, as the record gives it (as "
                "on a RelatedTrial, so a related trial can be set beside it)"},
        "min_age": {**_null(_ref("Age")), "description": "the record's minimum age ({value: 18, unit: YEARS, text: "
                    "'18 Years'}); null when it gives none"},
        "max_age": {**_null(_ref("Age")), "description": "the record's maximum age; null when it gives none"},
    }, required=["nct_id", "title", "status", "status_text", "last_update_posted", "status_verified",
                 "fetched_at", "stale", "stale_reason", "url", "reconstructed", "expanded_access", "sex", "min_age",
                 "max_age"]),
    "DateStruct": _obj({"date": DATE, "type": _null(STR)}),
    "TrialDetail": {"allOf": [_ref("Official"), _obj({
        "official_title": _null(STR), "acronym": _null(STR), "study_type": _null(STR), "phases": STRS,
        "enrollment": _null(INT), "sponsor": _null(STR), "conditions": STRS,
        "start": _null(_ref("DateStruct")), "primary_completion": _null(_ref("DateStruct")),
        "completion": _null(_ref("DateStruct")), "first_posted": _null(DATE), "healthy_volunteers": _null(BOOL),
        "history": {"type": "array", "items": {"type": "object"},
                    "description": "older versions of the record: status, last_update_posted, fetched_at, …"},
    })]},
    "Explained": _obj({
        "original": STR, "shown": STR, "rewritten": BOOL,
        "glossary": GLOSSARY,
        "children": {"type": "array", "items": _ref("Explained")},
        "exceptions": {"type": "boolean", "description": "its children are exceptions to it (\"…, except:\"): "
                                                          "the rule does not apply to them"},
        "worded_as_requirement": {"type": "boolean", "description": "an exclusion the record words as a requirement "
                                                                    "(\"No known hypersensitivity to human albumin\"): "
                                                                    "under \"You cannot join if…\" it reads backwards"},
        "group": {**_null(STR), "description": "the group of people it is for, in the words of the record's heading "
                  "over it (\"Families\", \"Controls\", \"Normal volunteers\", \"Step 1\"), where the record gives groups "
                  "their own lists; null where it does not (one group, or a plain \"Inclusion Criteria\"), and for items "
                  "under a heading that names no group. Sub-items carry their item's. Say it once above a run of items "
                  "of one group; items of no group after a group's are not tied to one group by the record "
                  "(server/item_groups.py). Absent from an older service"},
    }, required=["original", "shown", "rewritten", "glossary", "children", "exceptions", "worded_as_requirement"]),
    "PlainCriteria": _obj({
        "headings": _obj({"inclusion": STR, "exclusion": STR,
                          "unplaced": {**STR, "description": "the heading over `unplaced`: criteria the record lists "
                                       "without saying whether they are for joining or rule people out"}},
                         required=["inclusion", "exclusion"]),
        "at_a_glance": _obj({
            "age": _null(STR), "min_age": _null(_ref("Age")), "max_age": _null(_ref("Age")), "sex": _null(STR),
            "healthy_volunteers": _null(BOOL), "pregnancy_excluded": BOOL, "breastfeeding_excluded": BOOL,
            "sex_in_criteria": {"type": ["string", "null"], "enum": ["ALL", "FEMALE", "MALE", None],
                                "description": "what the record's own criteria text says of sex (a line \"Sex: "
                                "Female\", or an item that is only a sex) where it differs from `sex`, the record's "
                                "field (NCT00003455: field ALL, criteria female); the sex row then says both (\"The "
                                "record disagrees with itself: All in its summary, female only in its criteria\"); "
                                "null where they agree or the criteria say none; absent from an older service"},
            "healthy_volunteers_in_criteria": {**BOOL, "description": "the record's field says healthy volunteers are "
                                               "not accepted while its criteria name healthy or normal volunteers or "
                                               "controls as a group it takes (\"INCLUSION CRITERIA - Normal "
                                               "Volunteers\", NCT00001922); the row then says both; absent from an "
                                               "older service"},
            "breastfeeding_excluded_some_groups": {**BOOL, "description": "as pregnancy_excluded_some_groups, for "
                                                   "breastfeeding: not ruled out for the whole study but for some of "
                                                   "its groups; absent from an older service"},
            "pregnancy_excluded_some_groups": {**BOOL, "description": "pregnancy is not ruled out for the whole study "
                                               "(pregnancy_excluded is false) but is for some of the groups of "
                                               "participants the criteria are split into (\"Group 2:\", \"ARM B:\"); "
                                               "the pregnancy row says so; absent from an older service"},
            "pregnancy_plan_excluded": {**BOOL, "description": "the participant's own plan to become pregnant during "
                                        "the study (or at any time the record does not limit) rules them out; absent "
                                        "from an older service"},
            "fathering_plan_excluded": {**BOOL, "description": "the participant's own plan to father a child during "
                                        "the study (or at any time the record does not limit) rules them out; absent "
                                        "from an older service"},
            "pregnancy_plan_until": {**_null(STR), "description": "the span past the study that plan (either one) is "
                                     "said for, read exactly from the record (\"120 days after the last dose\"); null "
                                     "where it is the study's own; absent from an older service"},
            "pregnancy_plan_any_time": {**BOOL, "description": "that plan (either one) is ruled out with no time said "
                                        "(\"Pregnancy or planned pregnancy\"): the pregnancy row says no time rather "
                                        "than \"during the study\"; absent from an older service"},
            "thresholds": {"type": "array", "items": _obj({"text": STR, "item": STR, "label": STR,
                                                              "section": {"type": "string", "enum": ["inclusion", "exclusion", "unplaced"]},
                                                              # terms in the limit's text ("ASPECTS", "NIHSS") explained
                                                              "glossary": GLOSSARY})},
        }, required=["age", "min_age", "max_age", "sex", "healthy_volunteers", "pregnancy_excluded",
                     "breastfeeding_excluded", "thresholds"]),
        "inclusion": {"type": "array", "items": _ref("Explained")},
        "exclusion": {"type": "array", "items": _ref("Explained")},
        "unplaced": {"type": "array", "items": _ref("Explained")},
    }),
    "RelatedTrial": _obj({"nct_id": NCT, "title": _null(STR), "status": _null(STR), "phases": STRS,
                          "score": NUM, "why": STR, "url": STR,
                          "status_as_of": {**FETCHED, "description": "when TrialLens's copy of this trial's record (and "
                                           "so its status) was current (UTC ISO); null when that is not known"},
                          "overdue": {"type": ["string", "null"], "enum": ["start", "end", None],
                                      "description": "by TrialLens's copy, past its planned start while not yet "
                                                     "recruiting, or past its planned end while ongoing; also 'end' "
                                                     "for an 'Unknown status' record very likely over, as a listing "
                                                     "badge's overdue for the same record"},
                          "unconfirmed_since": {**_null(STR), "description": "the record's last-verified month "
                                                "(statusVerifiedDate, '2018-03') when, by TrialLens's copy, the sponsor "
                                                "had not confirmed its status (not a closed one) for over 2 years by "
                                                "today, as a listing badge's unconfirmed_since for the same record; "
                                                "null otherwise. The status is then shown with that month ('Recruiting "
                                                "(status last confirmed Mar 2018)'), not the copy's"},
                          "min_age": {**_null(_ref("Age")), "description": "the record's minimum age, as on the "
                                      "trial's own summary ({value: 18, unit: YEARS, text: '18 Years'})"},
                          "max_age": {**_null(_ref("Age")), "description": "the record's maximum age ({value: 28, "
                                      "unit: DAYS, text: '28 Days'})"},
                          "sex": {**_null(STR), "description": "ALL, FEMALE or MALE, as the record gives it"},
                          "who": {**_null(STR), "description": "its ages and sex in a few words ('Ages 18–65 · Female "
                                  "only', 'Babies 1–28 days'); null when neither narrows who can join"},
                          "countries": {**STRS, "description": "countries with a site, in the record's order; empty "
                                        "when it lists none (nothing is filtered by the reader's country)"},
                          "where": {**_null(STR), "description": "the countries in a few words ('United States, "
                                    "Canada', '12 countries'); null when the record lists no site"},
                          "study_type": {**_null(STR), "description": "INTERVENTIONAL, OBSERVATIONAL or EXPANDED_ACCESS "
                                         "(an expanded-access record is not a trial; it is worded 'Expanded access "
                                         "(not a trial)')"}},
                         required=["nct_id", "title", "status", "phases", "score", "why", "url"]),
    "Annotation": _obj({
        "nct_id": NCT, "page": _ref("PageRecord"), "official": _null(_ref("Official")), "drift": _ref("Drift"),
        "criteria": _null(_ref("PlainCriteria")),
        "related": {**_null({"type": "array", "items": _ref("RelatedTrial")}),
                    "description": "null: related trials were not looked up or could not be had (no official record, "
                                   "the page may be about a different trial, the part not installed, a failure): say "
                                   "nothing; []: TrialLens looked and holds no open related trial: \"none open\""},
        "related_reason": RELATED_REASON, "search_url": SEARCH_URL,
        "generated_at": {"type": "string", "format": "date-time"},
    }, required=["nct_id", "page", "official", "drift", "criteria", "related", "generated_at"]),
    "AnnotateRequest": {**_obj({
        "url": {"type": ["string", "null"], "maxLength": MAX_URL, "pattern": "^\\s*([Hh][Tt][Tt][Pp][Ss]?://.*)?$",
                "description": "the page's http(s) address; picks the site reader, never fetched"},
        "html": {"type": "string", "description": "the page's HTML as the browser has it (at most TRIALLENS_MAX_BODY bytes in all)"},
    }, required=["html"]), "examples": [{
        "url": "https://meddatax.com/clinical-trials/NCT07232563",
        "html": "<html><body><h1>Study NCT07232563</h1><p>Status: Recruiting</p>"
                "<p>Last updated: 2025-10-01</p></body></html>"}]},
    "Claim": _obj({
        "status": _null(STR), "status_text": _null(STR), "as_of": _null(DATE), "site": STR,
    }),
    "DriftResult": _obj({"nct_id": NCT, "page": _ref("Claim"), "official": _null(_ref("Official")),
                         "drift": _ref("Drift")}),
    "DriftItem": _obj({
        "nct_id": {"type": "string", "description": "NCT id (e.g. NCT07232563)"},
        "status": {**CLAIM_TEXT, "type": ["string", "null"], "description": "the status as the page words it"},
        "as_of": {**CLAIM_TEXT, "type": ["string", "null"], "description": "the page's own 'last updated' date"},
        "site": {**CLAIM_TEXT, "type": ["string", "null"]},
    }, required=["nct_id"]),
    # any item is accepted: one that is not a DriftItem gets its own error in `results`, the others their verdicts
    "DriftBatchRequest": _obj({"items": {"type": "array", "maxItems": 100, "items": {"anyOf": [
        _ref("DriftItem"), {"description": "anything else: answered in `results` with its own error (its index "
                                           "and what is wrong), never a 400 for the batch"}]}}}),
    "DriftBatchResponse": _obj({"results": {"type": "array", "items": {"anyOf": [
        _ref("DriftResult"),
        _obj({"index": {"type": "integer", "minimum": 0, "description": "the item's place in `items`, from 0"},
              "nct_id": {**_null(STR), "description": "the item's nct_id as sent; null when it is missing or not "
                                                     "a string"},
              "error": _ref("Problem")})]}}}),
    "Statuses": _obj({"statuses": {"type": "object", "description": "one entry per id sent, keyed by the normalised "
                                   "id (nct07232563 is answered as NCT07232563), or as sent for one that is no NCT id; "
                                   "null when there is no status (`missing` says why)",
                                   "additionalProperties": _null(_obj({
        "status": _null(STATUS), "status_text": STR, "last_update_posted": _null(DATE), "stale": BOOL,
        "stale_reason": {**STALE_REASON, "description": "as on /trials/{nct_id}: with gone, ClinicalTrials.gov no "
                         "longer has the study and `status` is only what TrialLens's saved copy said"},
        "note": _null({"type": "string", "description": "why the record is stale, or what else to know"}),
        "fetched_at": FETCHED,
        "reconstructed": {**BOOL, "description": "as on /trials/{nct_id}: true for a demo record TrialLens rebuilt "
                          "from aggregator pages, not ClinicalTrials.gov's record; its status is the pages' "
                          "(a badge names it as that)"},
        "overdue": {"type": ["string", "null"], "enum": ["start", "end", None],
                    "description": "the record's planned start (while not yet recruiting) or end has passed; also "
                                   "end for an 'Unknown status' record whose status went unconfirmed for over 2 years "
                                   "past its planned end (its card: 'This trial may have ended')"},
        "unconfirmed_since": {**_null(STR), "description": "the record's last-verified month (statusVerifiedDate, "
                              "'2023-08') when the sponsor had not confirmed its status (not a closed one; 'Unknown "
                              "status' included) for over 2 years, counted to today, also for a saved copy that could "
                              "not be refreshed (its own month read as 'confirmed then'); null otherwise. The badge "
                              "then says that month ('Recruiting (status last confirmed Aug 2023)'), neither green nor "
                              "red, as a related trial's unconfirmed_since"},
        "retry_after": {"type": "integer", "minimum": 1, "description": "present only with stale_reason budget (a "
                        "saved copy served past this client's lookup budget): seconds until it has room again, when "
                        "the status can be checked again; as the response's retry_after"}},
        required=["status", "status_text", "last_update_posted", "stale", "stale_reason", "note", "fetched_at",
                  "reconstructed", "overdue", "unconfirmed_since"]))},
        # why a status is null: ClinicalTrials.gov has no such trial, it could not be asked, or the id is no NCT id
        "missing": {"type": "object", "description": "why a status is null: not_found (ClinicalTrials.gov has no such "
                    "trial), not_checked (it could not be asked: offline, unreachable or busy, or this client's lookup "
                    "budget is used: see notes; also when TrialLens's only saved copy is no usable study, one an older "
                    "TrialLens let in, which is never served: notes says so), invalid (not an NCT id; the others in "
                    "the request are still answered), "
                    "store_unavailable (TrialLens's local store failed when reading it: a fault in the store itself, its file or "
                    "that entry, not a saved copy that is no usable study; the others are still answered), "
                    "no_status (TrialLens's saved copy of it gives no status, and ClinicalTrials.gov could not be asked "
                    "for the record again: notes says so)",
                    "additionalProperties": {"type": "string", "enum": ["not_found", "not_checked", "invalid",
                                                                        "store_unavailable", "no_status"]}},
        "notes": {"type": "object", "additionalProperties": STR, "description": "present when ids were not looked up, "
                  "this client's budget of lookups that ask ClinicalTrials.gov being used (TRIALLENS_LOOKUP_BUDGET: a "
                  "trial the store holds no copy of, or a stale copy of, which is refreshed at the same cost; a stale "
                  "copy past the budget is served, stale_reason budget), or when an id's only saved copy is no usable "
                  "study: for each (not_checked or no_status in missing), why, and when to try again"},
        "waits": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1},
                  "description": "present when ids are not_checked (or no_status) because this client's lookup budget "
                  "is used (TRIALLENS_LOOKUP_BUDGET): for each such id, its own retry_after, seconds until the budget "
                  "has room again, when it can be checked (as a 429's Retry-After); never for an id not checked for "
                  "another reason (offline, unreachable or busy; notes says why for an unusable saved copy then too)"},
        "retry_after": {"type": "integer", "minimum": 1, "description": "with waits: the longest of them, seconds until "
                        "the lookup budget has room again for every id it left without a status"}},
        required=["statuses", "missing"]),
    "Sites": _obj({"hosts": STRS}),
    "Health": _obj({"status": {"const": "ok"}, "offline": BOOL,
                    "registry": {**_null(STR), "description": "the ClinicalTrials.gov API base URL the service "
                                 "asks; null offline (only the local store answers)"}}),
}
