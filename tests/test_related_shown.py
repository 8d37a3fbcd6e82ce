"""What is shown beside each related trial (review r16 §1, §9, §11): who it takes (ages with their units, sex) when
that narrows who can join, where it runs (its countries, never guessed), and an expanded-access record worded as not a
trial; an observational post-marketing study ranks below trials to join. The card (extension/lib/badges.js) words
status the same way; its tests are in extension/test."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from scrapers.official import OfficialRecord
from scrapers.registry import search
from server.related import RelatedTrial, related
from server.related_words import where_words, who_words

TODAY = date(2026, 12, 5)


def _age(text: str | None) -> dict | None:
    from scrapers.dates import parse_age

    age = parse_age(text)
    return age.to_dict() if age else None


@pytest.mark.parametrize("lo, hi, sex, words", [
    ("18 Years", "65 Years", "ALL", "Ages 18–65"),
    ("18 Years", None, "ALL", "Ages 18 and older"),
    ("2 Years", "17 Years", "ALL", "Children 2–17"),
    (None, "17 Years", "ALL", "Children up to 17"),
    ("1 Day", "28 Days", "ALL", "Babies 1–28 days"),                      # (not "1 to 28")
    ("6 Months", "17 Years", "ALL", "Children 6 months–17 years"),
    ("6 Months", None, "ALL", "Ages 6 months and older"),
    # (one wording of sex whatever the ages, as the trial's own page: "Men only" beside "Male only" read as two rules)
    ("18 Years", "65 Years", "FEMALE", "Ages 18–65 · Female only"),
    ("18 Years", None, "MALE", "Ages 18 and older · Male only"),
    ("8 Years", "17 Years", "FEMALE", "Children 8–17 · Female only"),
    ("12 Years", "45 Years", "MALE", "Ages 12–45 · Male only"),            # (boys and men)
    (None, None, "MALE", "Male only"),
    ("0 Years", None, "ALL", None),                                        # (a minimum of 0 is no limit)
    (None, None, "ALL", None),
    (None, None, None, None),
])
def test_who_a_related_trial_takes_in_a_few_words(lo, hi, sex, words):
    assert who_words(_age(lo), _age(hi), sex) == words


def test_a_related_trials_sex_is_worded_as_the_trials_own_page():
    """The who-line and the trial page's at-a-glance "Sex" say the record's sex in the same words."""
    import re
    from pathlib import Path

    from server.related_words import SEX_WORDS

    from server.glance_record import SEX_WORDS as PAGE_SEX_WORDS

    # (the page's Sex row is glance_record.sex_row's words since glance10)
    page = (Path(__file__).resolve().parents[1] / "server" / "templates" / "trial.html").read_text(encoding="utf-8")
    assert re.search(r"<dt>Sex</dt><dd>\{\{ sex_row\(g\) \}\}</dd>", page)
    said = {k: v for k, v in PAGE_SEX_WORDS.items() if k in ("FEMALE", "MALE")}
    assert said == SEX_WORDS == {"FEMALE": "Female only", "MALE": "Male only"}


def test_where_a_related_trial_runs_is_its_countries_or_how_many():
    assert where_words(["United States", "Canada", "United States"]) == "United States, Canada"
    assert where_words(["Japan"]) == "Japan"
    assert where_words([f"Country {i}" for i in range(12)]) == "12 countries"
    assert where_words([]) is None and where_words(["", " "]) is None


def _rec(nct: str, title: str, *, countries: tuple[str, ...] = (), study_type: str = "INTERVENTIONAL",
         status: str = "RECRUITING", min_age: str | None = None, max_age: str | None = None,
         sex: str = "ALL") -> OfficialRecord:
    elig = {"sex": sex, **({"minimumAge": min_age} if min_age else {}), **({"maximumAge": max_age} if max_age else {})}
    return OfficialRecord({"protocolSection": {
        "identificationModule": {"nctId": nct, "briefTitle": title},
        "statusModule": {"overallStatus": status, "startDateStruct": {"date": "2026-01", "type": "ESTIMATED"},
                         "completionDateStruct": {"date": "2028-01", "type": "ESTIMATED"}},
        "designModule": {"studyType": study_type},
        "conditionsModule": {"conditions": ["Gout"]},
        "eligibilityModule": elig,
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Allopurinol"}]},
        "contactsLocationsModule": {"locations": [{"facility": f"Site {i}", "country": c}
                                                  for i, c in enumerate(countries)]},
    }})


def _index(tmp_path, records) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp_path / "index.db")
    search.build_index(conn, records)
    return conn


def test_each_related_trial_carries_who_it_takes_and_where_it_runs(tmp_path):
    """The card and the page said nothing of where a related trial runs, nor whom it takes (review r16 §11, §1)."""
    conn = _index(tmp_path, [
        _rec("NCT90000101", "Allopurinol for gout", countries=("France",)),
        _rec("NCT90000102", "Allopurinol dosing in gout", countries=("United States", "Canada", "United States"),
             min_age="18 Years", max_age="65 Years", sex="FEMALE"),
        _rec("NCT90000103", "Allopurinol in gout flares"),                     # no site listed
        _rec("NCT90000104", "Allopurinol for gout in neonates", min_age="1 Day", max_age="28 Days",
             countries=tuple(f"Country {i}" for i in range(12))),
    ])
    got = {r.nct_id: r for r in related("NCT90000101", k=5, conn=conn, today=TODAY)}
    women = got["NCT90000102"]
    assert (women.countries, women.where) == (["United States", "Canada"], "United States, Canada")
    # ages as the API's Age objects, as on a trial's own summary (they were "18 Years" strings: review r19 #7)
    assert (women.min_age, women.max_age, women.sex, women.who) == (
        {"value": 18, "unit": "YEARS", "text": "18 Years"}, {"value": 65, "unit": "YEARS", "text": "65 Years"},
        "FEMALE", "Ages 18–65 · Female only")
    none = got["NCT90000103"]
    assert (none.countries, none.where, none.who) == ([], None, None)   # (nothing listed: nothing guessed)
    babies = got["NCT90000104"]
    assert (babies.where, babies.who, babies.max_age) == ("12 countries", "Babies 1–28 days",
                                                          {"value": 28, "unit": "DAYS", "text": "28 Days"})
    assert set(women.to_dict()) >= {"countries", "where", "who", "min_age", "max_age", "sex", "study_type"}


def test_an_index_without_countries_is_rebuilt_once_from_the_store(tmp_path):
    """An index written before the countries and ages were kept (features version 2) is rebuilt from the stored
    records, not left to say nothing of where its trials run."""
    from scrapers.registry.store import Store

    store = Store(tmp_path / "store.db")
    store.put_many([_rec("NCT90000111", "Allopurinol for gout", countries=("Japan",)),
                    _rec("NCT90000112", "Allopurinol dosing in gout", countries=("Japan",), min_age="20 Years")])
    with store.transaction() as conn:
        search.load_index(conn, store.iter_records())
        conn.execute("UPDATE related_df SET n = 2 WHERE kind = 'v'")   # as a TrialLens of this morning left it
        conn.execute("UPDATE related_trials SET features = json_remove(features, '$.countries', '$.min_age', "
                     "'$.max_age', '$.study_type')")
    search._backfilled.discard(str(store.path))
    [r] = related("NCT90000111", k=5, store=store, today=TODAY)
    assert (r.nct_id, r.where, r.who, r.study_type) == ("NCT90000112", "Japan", "Ages 20 and older", "INTERVENTIONAL")
    assert store.count() == 2   # (the store's records are untouched)


def test_a_post_marketing_study_ranks_below_trials_to_join(tmp_path):
    """A Japanese post-marketing surveillance study of a drug's prescriptions ranked second on an NSCLC trial's card
    (review r16 §9): joining it offers no treatment, so it ranks down when the reader looks for trials to join. A
    patient registry of the condition does not (judged relevant in most judged pairs), nor does anything when the
    query is itself observational or every status is asked for."""
    long = "in adults treated at home with a new dosing plan"   # (their titles match the query words less densely)
    conn = _index(tmp_path, [
        _rec("NCT90000120", "Allopurinol gout trial"),
        _rec("NCT90000121", "Allopurinol gout surveillance", study_type="OBSERVATIONAL"),
        _rec("NCT90000122", f"Allopurinol gout study {long}"),
        _rec("NCT90000123", f"Allopurinol gout registry {long}", study_type="OBSERVATIONAL"),
        _rec("NCT90000124", f"Allopurinol gout cohort {long}", study_type="OBSERVATIONAL"),
    ])

    def ranked(query, statuses=None):
        return {r.nct_id: (i, r.score) for i, r in enumerate(related(query, k=5, statuses=statuses, conn=conn,
                                                                      today=TODAY))}

    to_join, every = ranked("NCT90000120"), ranked("NCT90000120", "any")
    assert every["NCT90000121"][0] == 0 and to_join["NCT90000121"][0] == 3
    assert to_join["NCT90000121"][1] == pytest.approx(every["NCT90000121"][1] / 2, abs=1e-3)
    assert to_join["NCT90000123"][1] == every["NCT90000123"][1]            # (the registry: as before)
    # (an observational query: as before)
    assert ranked("NCT90000124")["NCT90000121"][1] == ranked("NCT90000124", "any")["NCT90000121"][1]


@pytest.mark.parametrize("trial, words", [
    ({"status": "AVAILABLE", "study_type": "EXPANDED_ACCESS"}, "Expanded access (not a trial)"),
    ({"status": "AVAILABLE"}, "Expanded access (not a trial)"),   # (an older service's item: its status says it)
    ({"status": "NO_LONGER_AVAILABLE", "study_type": "EXPANDED_ACCESS"},
     "Expanded access (not a trial): no longer available"),
    ({"status": "AVAILABLE", "study_type": "EXPANDED_ACCESS", "status_as_of": "2025-10-01T00:00:00Z"},
     "Expanded access (not a trial) (as of Oct 2025)"),
    ({"status": "RECRUITING", "study_type": "INTERVENTIONAL"}, "Recruiting"),
])
def test_an_expanded_access_record_is_worded_as_not_a_trial(trial, words):
    """NCT03133988, an expanded access programme, was listed as a trial "Available" (review r16 §9)."""
    from server.status_shown import related_status

    assert related_status(trial) == words


def test_the_cli_shows_who_where_and_expanded_access_as_the_card_does(capsys):
    from server.cli_output import print_related

    def trial(nct, status, **kw):
        return RelatedTrial(nct, "A trial", status, [], 1.0, "Same condition: gout",
                            f"https://clinicaltrials.gov/study/{nct}", **kw)

    print_related("NCT00000001", [trial("NCT00000002", "RECRUITING", who="Ages 18–65 · Female only",
                                        where="United States, Canada"),
                                  trial("NCT00000003", "AVAILABLE", study_type="EXPANDED_ACCESS")], False)
    out = capsys.readouterr().out
    assert ("NCT00000002  Recruiting (saved copy)\n    A trial\n    Ages 18–65 · Female only\n    Where: United States, Canada\n"
            "    Same condition: gout\n") in out
    assert " 2. NCT00000003  Expanded access (not a trial) (saved copy)\n    A trial\n    Same condition: gout\n" in out


def test_the_trial_page_shows_who_and_where_beside_each_related_trial(tmp_path):
    """The HTML page's related section says whom each trial takes and where it runs, as the card does."""
    from server import create_app
    from tests.test_service_pages import section

    c = create_app({"TRIALLENS_DB": str(tmp_path / "s.db"), "TRIALLENS_OFFLINE": "1",
                    "TRIALLENS_RATE_LIMIT": "off"}).test_client()
    listed = section(c.get("/trials/NCT07635758"), "related")
    # (NCT07232563, the bundled store's other stroke trial: one short line each, before the reason)
    assert "· Not yet recruiting (as of Nov 2025), though its planned start has passed Ages 18–70 Where: China Related condition: Ischemic Stroke" in listed


def test_the_cli_and_the_page_word_each_related_trials_who_line_alike(tmp_path, monkeypatch, capsys):
    """`triallens related` printed nothing for a trial with no age or sex limit, where the page said "No age or sex
    limit given", and printed "Ages 18–65" under a trial taking the same ages as the one read, which the page leaves
    out and says so (review r23 #13)."""
    from scrapers.registry import Store
    from server import create_app
    from server.cli import main as cli_main
    from server.related_words import RELATED_NO_LIMIT, RELATED_SAME_WHO
    from tests.test_service_pages import section

    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DEMO_DIR", str(tmp_path / "no-fixtures"))
    store = Store(tmp_path / "s.db")
    store.put_many([
        _rec("NCT90000201", "Allopurinol for gout", min_age="18 Years", max_age="65 Years"),
        _rec("NCT90000202", "Allopurinol dosing in gout"),                                 # no limit at all
        _rec("NCT90000203", "Allopurinol in gout flares", min_age="18 Years", max_age="65 Years"),   # the same
        _rec("NCT90000204", "Allopurinol for gout in women", min_age="40 Years", sex="FEMALE"),
    ], origin="test")
    store.close()

    assert cli_main(["related", "NCT90000201", "--db", str(tmp_path / "s.db")]) == 0
    printed = capsys.readouterr().out
    c = create_app({"TRIALLENS_DB": str(tmp_path / "s.db"), "TRIALLENS_OFFLINE": "1",
                    "TRIALLENS_RATE_LIMIT": "off"}).test_client()
    page = section(c.get("/trials/NCT90000201"), "related")

    def cli_lines(nct: str) -> list[str]:   # the lines printed under one trial: title, who, where, why
        block = printed.split(nct, 1)[1].split("\n")[1:]
        return [line.strip() for line in block[:next((i for i, ln in enumerate(block) if not ln.startswith("    ")),
                                                       len(block))]]

    def status(nct: str) -> str:   # the status printed beside the id
        return printed.split(nct, 1)[1].split("\n", 1)[0].strip()

    for nct, who in (("NCT90000202", RELATED_NO_LIMIT), ("NCT90000204", "Ages 40 and older · Female only")):
        assert who in cli_lines(nct)
        title = cli_lines(nct)[0]
        assert f"{title} · {status(nct)} {who} " in page    # (the page: title · status, then the same who-line)
    same = cli_lines("NCT90000203")
    assert not any(line.startswith("Ages") or line == RELATED_NO_LIMIT for line in same)
    assert f"{same[0]} · {status('NCT90000203')} {same[-1]}" in page   # (no who-line on the page either)
    assert printed.startswith(RELATED_SAME_WHO + "\n") and RELATED_SAME_WHO in page


def test_the_card_words_the_who_line_as_the_page_and_the_cli():
    """The card (extension/lib/badges.js) carries the same two sentences as server/related_words.py."""
    from pathlib import Path

    from server.related_words import RELATED_NO_LIMIT, RELATED_SAME_WHO

    badges = (Path(__file__).resolve().parents[1] / "extension" / "lib" / "badges.js").read_text(encoding="utf-8")
    assert f'RELATED_NO_LIMIT = "{RELATED_NO_LIMIT}";' in badges
    assert f'RELATED_SAME_WHO = "{RELATED_SAME_WHO}";' in badges
