"""Related trials on a small store of real CT.gov records (../shared/data/ctgov): ranking
puts same-condition trials first, never returns the trial itself, filters by status, and
every reason it gives is a fact both records state."""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import copy
import json
import re
import sqlite3

import pytest

from scrapers.errors import BadInput, InvalidNctId, RecordNotFound
from scrapers.model import PageRecord
from scrapers.official import OfficialRecord
from scrapers.registry import search
from server.cli import main as cli_main
from server.related import related
from tests.conftest import SHARED

V2 = SHARED / "data" / "ctgov" / "studies_v2.jsonl"
GROUPS = {  # condition words -> how many trials of that area go into the test store
    "nsclc": (("non-small", "nsclc"), 14),
    "cluster": (("cluster headache",), 12),
    "disc": (("disc herniation", "herniated", "intervertebral disc"), 10),
    "ed": (("erectile",), 10),
    "diabetes": (("diabetes",), 8),
}
ALIASED = ("NCT02300909", "NCT00470873")  # real records that carry nctIdAliases


def _area(record: OfficialRecord) -> str | None:
    text = " ".join(record.conditions).lower()
    for name, (words, _) in GROUPS.items():
        if any(w in text for w in words):
            return name
    return None


@pytest.fixture(scope="module")
def corpus() -> dict[str, OfficialRecord]:
    if not V2.exists():
        pytest.skip("../shared/data/ctgov is not beside the checkout")
    picked: dict[str, OfficialRecord] = {}
    with open(V2, encoding="utf-8") as fh:
        records = [OfficialRecord(json.loads(line)) for line in fh]
    for want_open in (True, False):  # about half of each area open to patients, half not
        counts = dict.fromkeys(GROUPS, 0)
        for rec in records:
            area = _area(rec)
            if rec.nct_id in ALIASED or (area and (rec.status in ("RECRUITING", "NOT_YET_RECRUITING")) == want_open
                                         and counts[area] < GROUPS[area][1] // 2):
                picked[rec.nct_id] = rec
                counts[area] += bool(area)
    return picked


@pytest.fixture(scope="module")
def conn(corpus, tmp_path_factory):
    c = sqlite3.connect(tmp_path_factory.mktemp("related") / "store.db")
    search.build_index(c, corpus.values())
    yield c
    c.close()


def _query_id(corpus, area: str, status: str | None = None) -> str:
    return next(i for i, r in corpus.items() if _area(r) == area and (status is None or r.status == status))


# how many of an area's trials in the store are for its query's patients: of the 9 other erectile dysfunction trials, 4
# are for men with prostate cancer (related_needs.cancer_bound, rel9) and one for men with diabetes ("Erectile
# Dysfunction and Diabetes Mellitus": related_second, rel10), which the query (NCT00470873) names nowhere
FIRST = {"nsclc": 5, "cluster": 5, "ed": 4}


def test_same_condition_ranks_above_unrelated(corpus, conn):
    for area, first in FIRST.items():
        query = _query_id(corpus, area)
        results = related(query, k=8, statuses="any", conn=conn)
        assert len(results) >= first, area
        areas = [_area(corpus[r.nct_id]) for r in results]
        assert areas[:first] == [area] * first, (query, areas)
        scores = [r.score for r in results]
        assert scores == sorted(scores, reverse=True)


def test_self_and_aliases_excluded(corpus, conn):
    for query in ALIASED:
        rec = corpus[query]
        results = related(query, k=50, statuses="any", conn=conn)
        ids = {r.nct_id for r in results}
        assert query not in ids and not ids & set(rec.aliases)
        # asking by an alias finds the same trial and still leaves it out
        by_alias = related(rec.aliases[0], k=50, statuses="any", conn=conn)
        assert [r.nct_id for r in by_alias] == [r.nct_id for r in results]


def test_a_record_naming_the_query_as_alias_is_the_same_trial(corpus, tmp_path):
    query = _query_id(corpus, "cluster")
    data = copy.deepcopy(corpus[query].data)
    data["protocolSection"]["identificationModule"].update(nctId="NCT99999991", nctIdAliases=[query])
    c = sqlite3.connect(tmp_path / "s.db")
    search.build_index(c, [*corpus.values(), OfficialRecord(data)])
    ids = [r.nct_id for r in related(query, k=50, statuses="any", conn=c)]
    assert "NCT99999991" not in ids and ids  # an exact copy would otherwise rank first


def test_status_filter(corpus, conn):
    query = _query_id(corpus, "nsclc")
    default = related(query, k=20, conn=conn)
    assert default and all(r.status in ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE")
                           for r in default)
    completed = related(query, k=20, statuses=["COMPLETED"], conn=conn)
    assert all(r.status == "COMPLETED" for r in completed)
    anything = related(query, k=40, statuses="any", conn=conn)
    assert {r.status for r in anything} - {"RECRUITING", "NOT_YET_RECRUITING"}
    assert [r.nct_id for r in related(query, k=40, statuses=["any"], conn=conn)] == [r.nct_id for r in anything]
    assert {r.status for r in related(query, k=40, statuses="completed, terminated", conn=conn)} <= {"COMPLETED",
                                                                                                     "TERMINATED"}
    with pytest.raises(BadInput):
        related(query, statuses=["OPEN-ISH"], conn=conn)
    with pytest.raises(BadInput):
        related(query, statuses=42, conn=conn)


def _norm(items) -> set[str]:
    return {" ".join(str(i).lower().split()) for i in items}


def test_why_is_true_to_both_records(corpus, conn):
    checked = 0
    for query in list(corpus)[::3]:
        q = corpus[query]
        for r in related(query, k=10, statuses="any", conn=conn):
            c = corpus[r.nct_id]
            assert r.why and r.url.endswith(r.nct_id) and r.title == c.title and r.status == c.status
            for part in r.why.split(" · "):
                label, _, values = part.partition(": ")
                if label == "Same condition":   # in the other trial's own words, and a condition both give
                    assert _norm([values]) <= _norm(c.conditions + c.condition_mesh_terms), (query, r.nct_id, values)
                    assert _norm(q.conditions + q.condition_mesh_terms) & _norm(c.conditions + c.condition_mesh_terms)
                elif label == "Related condition":  # one of the other trial's own conditions (or a heading both give)
                    names = [_norm(t.condition_mesh_ancestors + t.conditions + t.condition_mesh_terms) for t in (q, c)]
                    v = re.sub(r" \(one of \d+ conditions this study lists\)$", "", _norm([values]).pop()).removesuffix("…")
                    assert (any(n.startswith(v) for n in _norm(c.conditions))
                            or all(v in n for n in names)), (query, r.nct_id, v)
                elif label == "Same treatment":
                    for v in values.split("; "):
                        assert _norm([v]) <= _norm([n for _, n in q.interventions] + q.intervention_mesh_terms)
                        assert _norm([v]) <= _norm([n for _, n in c.interventions] + c.intervention_mesh_terms)
                elif label == "Similar treatment":
                    assert any(values.rstrip("…") in n for _, n in c.interventions)
                elif label == "Shared terms":
                    for w in values.split(", "):
                        assert w in search.WORD.findall(" ".join([c.title or "", c.official_title or ""] + c.conditions
                                                                 + c.keywords).lower())
                elif label == "Same phase":
                    assert set(q.phases) == set(c.phases)
                elif label == "Overlapping phase":
                    assert set(q.phases) & set(c.phases) and set(q.phases) != set(c.phases)
                elif label == "For":   # the other trial's own conditions, said when it shares none with the query
                    assert "Same condition" not in r.why
                    for v in values.split(" (and ")[0].split("; "):
                        assert any(n.startswith(v.rstrip("…")) for n in c.conditions), (query, r.nct_id, v)
                else:
                    pytest.fail(f"unexpected reason {part!r}")
                checked += 1
    assert checked > 50


def test_query_from_a_page_not_in_the_store(corpus, conn):
    page = PageRecord(site="example.org", nct_id="NCT99999999", title="Galcanezumab for episodic cluster headache",
                      conditions=["Cluster Headache"], interventions=["galcanezumab"])
    results = related(page, k=5, statuses="any", conn=conn)
    assert results and all(_area(corpus[r.nct_id]) == "cluster" for r in results)
    assert any("Same condition: Cluster Headache" in r.why for r in results)


@pytest.mark.parametrize("title", ['"unbalanced', "NEAR(a b) AND OR NOT *", "col: ^start {titles}: -x", "",
                                   "ÉTUDE d'efficacité — 漢字 🙂", "' OR 1=1; DROP TABLE related_trials; --", "NCT\x00zero"])
def test_odd_query_text_is_safe(conn, title):
    page = PageRecord(site="example.org", title=title, conditions=[title], interventions=[title])
    results = related(page, k=5, statuses="any", conn=conn)
    assert isinstance(results, list)
    assert conn.execute("SELECT count(*) FROM related_trials").fetchone()[0] > 0


def test_bad_arguments(conn):
    with pytest.raises(InvalidNctId):
        related("NCT0000", conn=conn)
    with pytest.raises(RecordNotFound):
        related("NCT00000001", conn=conn)
    with pytest.raises(BadInput):
        related(12345, conn=conn)
    with pytest.raises(BadInput):
        related("NCT02300909", k=0, conn=conn)


def test_update_index_keeps_the_index_consistent(corpus, tmp_path):
    """Incremental updates (the store's write hook) give the same index as a bulk build."""
    records = list(corpus.values())
    bulk = sqlite3.connect(tmp_path / "bulk.db")
    search.build_index(bulk, records)
    inc = sqlite3.connect(tmp_path / "inc.db")
    with inc:
        search.update_index(inc, records[: len(records) // 2])
    with inc:  # second write: the rest, plus a re-write of one record with a new status
        changed = copy.deepcopy(records[0].data)
        changed["protocolSection"]["statusModule"]["overallStatus"] = "RECRUITING"
        search.update_index(inc, records[len(records) // 2:] + [records[0], OfficialRecord(changed)])
    df = "SELECT kind, term, n FROM related_df ORDER BY 1, 2"
    assert inc.execute(df).fetchall() == bulk.execute(df).fetchall()
    assert inc.execute("SELECT count(*) FROM related_fts").fetchone() == (len(records),)
    assert inc.execute("SELECT status FROM related_trials WHERE nct_id = ?", (records[0].nct_id,)).fetchone() == ("RECRUITING",)
    rowid = inc.execute("SELECT id FROM related_trials WHERE nct_id = ?", (records[0].nct_id,)).fetchone()[0]
    tagged = {r for (r,) in inc.execute("SELECT rowid FROM related_fts WHERE related_fts MATCH 'status_tag : statusrecruiting'")}
    assert rowid in tagged
    query = records[1].nct_id  # same answers as the bulk-built index, apart from the changed trial
    same = [r.nct_id for r in related(query, k=10, statuses="any", conn=inc) if r.nct_id != records[0].nct_id]
    assert same == [r.nct_id for r in related(query, k=10, statuses="any", conn=bulk) if r.nct_id != records[0].nct_id]


@pytest.fixture()
def store(corpus, tmp_path, monkeypatch):
    """A real registry Store filled with the test records: its write hook builds the index."""
    from scrapers.registry import Store

    monkeypatch.setenv("TRIALLENS_OFFLINE", "1")
    monkeypatch.setenv("TRIALLENS_DEMO_DIR", str(tmp_path / "no-fixtures"))
    st = Store(tmp_path / "store.sqlite3")
    st.put_many(list(corpus.values()), origin="test")
    yield st
    st.close()


def test_store_write_hook_keeps_the_index_current(corpus, store):
    query = _query_id(corpus, "cluster")
    results = related(query, k=5, statuses="any", store=store)
    assert results and all(_area(corpus[r.nct_id]) == "cluster" for r in results)
    # a stored trial changes status: the same write updates the index
    target = next(i for i, r in corpus.items() if _area(r) == "cluster" and r.status != "RECRUITING" and i != query)
    data = copy.deepcopy(corpus[target].data)
    data["protocolSection"]["statusModule"]["overallStatus"] = "RECRUITING"
    data["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2099-01-01", "type": "ACTUAL"}
    store.put(OfficialRecord(data), origin="test")
    open_now = {r.nct_id: r.status for r in related(query, k=50, store=store)}
    assert open_now.get(target) == "RECRUITING"


def test_a_store_filled_before_the_index_is_backfilled(corpus, tmp_path, monkeypatch):
    from scrapers.registry import Store
    from scrapers.registry import search as index

    monkeypatch.setattr(Store, "on_write", [h for h in Store.on_write if h is not index.update_index])
    st = Store(tmp_path / "old.sqlite3")
    st.put_many(list(corpus.values()), origin="test")
    with st.connection() as conn:
        assert not index.has_index(conn)
    query = _query_id(corpus, "nsclc")
    assert related(query, k=3, statuses="any", store=st)
    with st.connection() as conn:
        assert index.trial_count(conn) == st.count()
    st.close()


def test_cli_related_json(corpus, store, capsys):
    query = _query_id(corpus, "nsclc")
    assert cli_main(["related", query, "--db", str(store.path), "-k", "3", "--any-status", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["nct_id"] == query and len(out["related"]) == 3
    assert set(out["related"][0]) == {"nct_id", "title", "status", "phases", "score", "why", "url", "status_as_of",
                                         "overdue", "unconfirmed_since", "min_age", "max_age", "sex", "who",
                                         "countries", "where", "study_type"}
    assert all(_area(corpus[r["nct_id"]]) == "nsclc" for r in out["related"])
    # a trial the offline store does not hold: a clear error, not a traceback
    assert cli_main(["related", "NCT00000001", "--db", str(store.path)]) == 2
    assert "NCT00000001" in capsys.readouterr().err
    # a --db that names no store (a typo) is refused: it made a store of the bundled records and searched that
    typo = store.path.parent / "no-such-dir" / "x.sqlite3"
    assert cli_main(["related", query, "--db", str(typo)]) == 2
    assert f"--db {typo}: no such store file" in capsys.readouterr().err
    assert not typo.parent.exists()


def test_judged_evaluation_data_is_well_formed():
    """The relevance judgements are data the benchmark reports from: one line per
    (query, result), a boolean and a reason; the three query sets never share a trial."""
    from bench import related_eval

    sets = [json.loads(p.read_text())["queries"] for p in (related_eval.QUERIES, related_eval.HELDOUT,
                                                            related_eval.HELDOUT2)]
    ids = [{q["nct_id"] for q in s} for s in sets]
    assert len(ids[0]) >= 30 and not (ids[0] & ids[1]) and not (ids[0] & ids[2]) and not (ids[1] & ids[2])
    seen = set()
    for line in related_eval.JUDGEMENTS.read_text(encoding="utf-8").splitlines():
        j = json.loads(line)
        assert isinstance(j["relevant"], bool) and j["reason"].strip() and j["query"] != j["result"]
        assert (j["query"], j["result"]) not in seen
        seen.add((j["query"], j["result"]))
    assert {q for q, _ in seen} == set().union(*ids)


def test_store_aliases_are_the_same_trial(corpus, store):
    """An alias the store learned (e.g. from a registry redirect) names the same trial."""
    query = _query_id(corpus, "ed")
    other = next(i for i, r in corpus.items() if _area(r) == "ed" and i != query)
    store.add_alias("NCT99999990", query)
    by_alias = related("NCT99999990", k=50, statuses="any", store=store)
    assert by_alias and query not in {r.nct_id for r in by_alias}
    store.add_alias("NCT99999990", other)  # now the alias names `other`: asking by it leaves `other` out
    assert other not in {r.nct_id for r in related("NCT99999990", k=50, statuses="any", store=store)}


# ---------------------------------------------------------------- reasons (review round 7)

def _features(nct_id: str, conditions: list[str], treatments: list[str], phases=()) -> search.TrialFeatures:
    return search.TrialFeatures(nct_id, title=nct_id, conditions=conditions, phases=list(phases),
                                interventions=[[None, t] for t in treatments])


@pytest.mark.parametrize("query, other", [
    ("Intravenous infusion of saline preparation", "Intravenous infusion of albumin preparation"),
    ("Human immune globulin", "Human insulin"),
    ("Autologous hematopoietic stem cells", "Umbilical cord mesenchymal stem cells"),
    ("Intranasal administration of cells", "Intranasal administration of vesicles"),
])
def test_one_incidental_word_is_not_a_similar_treatment(query, other):
    """A shared route, form or source ("intravenous", "preparation", "human", "stem cells" of another kind) does not
    make two treatments similar."""
    from server.related import _similar_treatment

    assert _similar_treatment(_features("Q", [], [query]), _features("C", [], [other])) is None


@pytest.mark.parametrize("query, other", [
    ("ramelteon 8 mg", "Ramelteon"),     # one name within the other
    ("Intranasal Administration of Human Umbilical Cord Mesenchymal Stem Cell-Derived Small Extracellular Vesicles",
     "Intravenous infusion of extracellular vesicle preparation derived from Wharton's jelly mesenchymal stem cells."),
    ("Percutaneous endoscopic lumbar discectomy", "Lumbar discectomy"),
])
def test_treatments_sharing_what_they_are_are_similar(query, other):
    from server.related import _similar_treatment

    assert _similar_treatment(_features("Q", [], [query]), _features("C", [], [other]))


def test_a_long_reason_is_cut_between_words():
    """"…Umbilical Cord Mesench…" was cut inside a word."""
    from server.related import _similar_treatment

    q = _features("Q", ["Stroke"], ["Mesenchymal stem cell vesicles"])
    c = _features("C", ["Stroke"], ["Intranasal Administration of Human Umbilical Cord Mesenchymal Stem Cell-Derived "
                                    "Small Extracellular Vesicles (hUC-MSC-sEV-001) Therapy"])
    why = treatment = _similar_treatment(q, c)
    assert treatment.endswith("…") and len(treatment) <= 60, why
    # (from the first word it shares, which the usual clip hid: see test_a_similar_treatment_shows_the_words_it_shares)
    cut = treatment.removeprefix("…")[:-1]
    name = c.interventions[0][1]
    at = name.index(cut)
    assert cut.startswith("Mesenchymal") and not name[at - 1].isalnum(), why
    assert not name[at + len(cut)].isalnum() and cut[-1].isalnum(), why


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """An index of the five bundled records (fixtures/ctgov): the offline store's related trials."""
    from tests.conftest import FIXTURES

    c = sqlite3.connect(tmp_path_factory.mktemp("bundled") / "store.db")
    search.build_index(c, [OfficialRecord(json.loads(p.read_text(encoding="utf-8")))
                           for p in sorted((SAVED_COPIES).glob("NCT*.json"))])
    yield c
    c.close()


def _whys(conn, nct_id: str) -> dict[str, str]:
    return {r.nct_id: r.why for r in related(nct_id, k=10, statuses="any", conn=conn)}


def test_a_trial_for_another_disease_says_what_it_is_for(bundled):
    """A stroke card listed a glucose-tolerance trial as only "Similar treatment: …", and the glucose-tolerance card
    two stroke trials: a reader could chase a trial for a disease they do not have."""
    stroke = _whys(bundled, "NCT07232563")
    assert stroke["NCT06495437"].endswith(" · For: Impaired Glucose Tolerance"), stroke
    glucose = _whys(bundled, "NCT06495437")
    assert glucose["NCT07232563"].endswith(" · For: Ischemic Stroke"), glucose
    assert glucose["NCT07635758"].endswith(" · For: Acute Ischemic Stroke"), glucose


def test_a_condition_named_whole_inside_another_is_related(bundled):
    """"Acute Ischemic Stroke" contains "Ischemic Stroke" word for word: offline (no MeSH terms) the two stroke
    trials were only "Similar treatment"."""
    # named by the trial's own condition that holds it, with no "For:" (review round 8: "Related condition: Ischemic
    # Stroke · … · For: Acute Ischemic Stroke" named the reader's own condition as the related one)
    why = _whys(bundled, "NCT07232563")["NCT07635758"]
    assert why.startswith("Related condition: Acute Ischemic Stroke · ") and "For:" not in why
    why = _whys(bundled, "NCT07635758")["NCT07232563"]
    assert why.startswith("Related condition: Ischemic Stroke · ") and "For:" not in why


def _why_of(q: search.TrialFeatures, c: search.TrialFeatures) -> str:
    """The reason `related` gives for candidate c of query q, from an index of the two."""
    from server import related as rel

    cond = (q.condition_terms() & c.condition_terms()) - rel.GENERIC_CONDITION
    ints = {t for t in q.intervention_terms() if rel._meaningful(t)} & c.intervention_terms()
    specific = sorted(t for t in cond if t not in rel.BROAD_CONDITIONS)
    broad = sorted(cond - set(specific))
    related_terms = broad + rel._contained(q.condition_terms() - rel.GENERIC_CONDITION, c.condition_terms())
    return rel._why(rel.Query(q, set(), []), c, specific, related_terms, sorted(ints))


@pytest.mark.parametrize("query, other", [
    ("Hypertension", "Pulmonary Hypertension"),            # one word: often another disease
    ("Small Cell Lung Cancer", "Non-Small Cell Lung Cancer"),
    ("Carcinoma, Squamous Cell", "Carcinoma, Squamous Cell of Head and Neck"),   # a broad heading
])
def test_names_within_names_that_are_not_related(query, other):
    from server.related import _contained

    a, b = _features("Q", [query], []).condition_terms(), _features("C", [other], []).condition_terms()
    assert _contained(a, b) == [] and _contained(b, a) == []
    assert _contained({"ischemic stroke"}, {"acute ischemic stroke"}) == ["ischemic stroke"]


def test_for_names_the_other_trials_conditions():
    q = _features("Q", ["Chikungunya"], ["Chikungunya live attenuated vaccine"])
    c = _features("C", ["Healthy", "Typhoid Fever", "Paratyphoid Fever", "Salmonella Infections"],
                  ["Ty800 live attenuated oral vaccine"])
    assert _why_of(q, c).endswith(" · For: Typhoid Fever; Paratyphoid Fever (and 1 more)")
    assert "For:" not in _why_of(q, _features("C", ["Chikungunya", "Typhoid Fever"], ["vaccine"]))
    # a broad heading in common is not what either trial is for
    why = _why_of(_features("Q", ["Carcinoma", "Biliary Tract Carcinoma"], ["gemcitabine"]),
                  _features("C", ["Carcinoma", "Non-Small Cell Lung Cancer"], ["gemcitabine"]))
    # (and a broad heading is no reason to show: "Related condition: Carcinoma" named no one's condition; r16 §8)
    assert why == "Same treatment: gemcitabine · For: Non-Small Cell Lung Cancer"
    assert _why_of(_features("Q", ["Pain"], []), _features("C", ["Healthy"], [])).endswith("For: Healthy")


@pytest.mark.parametrize("q_phases, c_phases, said", [
    (["PHASE1", "PHASE2"], ["PHASE1"], "Overlapping phase: Phase 1"),
    (["PHASE1"], ["PHASE1", "PHASE2"], "Overlapping phase: Phase 1"),
    (["PHASE1", "PHASE2"], ["PHASE1", "PHASE2"], "Same phase: Phase 1/Phase 2"),
    (["PHASE3"], ["PHASE3"], "Same phase: Phase 3"),
    (["PHASE2"], ["PHASE3"], None),
])
def test_phase_said_as_both_records_give_it(q_phases, c_phases, said):
    """"Same phase: Phase 1" was said of a Phase 1/2 trial beside a Phase 1 trial."""
    why = _why_of(_features("Q", ["Gout"], [], q_phases), _features("C", ["Gout"], [], c_phases))
    parts = why.split(" · ")
    assert parts[0] == "Same condition: Gout"
    assert parts[1:] == ([said] if said else []), why


def test_a_similar_treatment_shows_the_words_it_shares(bundled):
    """Review round 8: "Similar treatment: Intranasal Administration of Human Umbilical Cord…" hid the "Mesenchymal
    Stem Cell" that made it similar; the name is clipped from the first word it shares when that would not show."""
    why = _whys(bundled, "NCT07635758")["NCT07232563"]
    assert "Similar treatment: …Mesenchymal Stem Cell-Derived" in why, why
    # a name whose shared words show in the usual clip keeps its start
    assert "Similar treatment: Human Placenta-derived 3D Mesenchymal Stem Cells…" in _whys(bundled, "NCT07232563")["NCT07635758"]
