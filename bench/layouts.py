"""Site layouts for the drift generator: a PageSpec rendered as HTML in each site's visible
structure (labels, headings, order of lines), so the real site scraper reads it back.

Each renderer imitates what the saved pages in fixtures/html/<host>/ show, including the
site's quirks (meddatax keeps CT.gov's markdown escapes: "\\>= 6").
"""

from __future__ import annotations

import html as _html
import re

from drift_gen import STATUS_DISPLAY, PageSpec

e = _html.escape


def _md_escape(text: str) -> str:
    """CT.gov API v2 escapes < and > in markdown; meddatax shows the backslashes."""
    return re.sub(r"([<>])", r"\\\1", text)


def render_meddatax(spec: PageSpec) -> tuple[str, str]:
    url = f"https://meddatax.com/clinical-trials/{spec.nct_id}"
    out = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
           f"<title>{spec.nct_id} | meddatax</title></head><body><main>",
           f"<h1>{e(spec.title)}</h1>", f"<div>NCT ID: {spec.nct_id}</div>"]
    if spec.as_of:
        out.append(f"<div>Last Updated: {spec.as_of}</div>")
    out += ["<h2>Basic Information</h2>",
            "<div>Get a concise snapshot of the trial, including recruitment status, study phase, enrollment "
            "targets, and key timeline milestones.</div>"]
    if spec.status:
        out.append(f"<div>{spec.status}</div>")
    if spec.phases:
        out.append(f"<div>{'/'.join(spec.phases)}</div>")
    if spec.enrollment is not None:
        out.append(f"<div>{spec.enrollment} participants</div>")
    if spec.study_type:
        out.append(f"<div>{spec.study_type}</div>")
    if spec.start and spec.completion:
        out += [f"<div>{spec.start}</div>", f"<div>{spec.completion}</div>"]
    if spec.conditions:   # (as nct06427642_labelled_table: one line, a span per condition)
        out += ["<h2>Conditions</h2>", "<div>See the medical conditions and disease areas that this research is "
                "targeting or investigating.</div>", "<div>" + " ".join(f"<span>{e(c)}</span>" for c in spec.conditions)
                + "</div>"]
    out += ["<h2>Eligibility Criteria</h2>",
            "<div>Check the participation requirements, including inclusion and exclusion rules, age limits, "
            "and whether healthy volunteers are accepted.</div>"]
    inc = [s for s in spec.items if s.section == "inclusion"]
    exc = [s for s in spec.items if s.section == "exclusion"]
    more = "<li>...See full criteria</li>" if spec.truncated else ""
    if inc:
        out.append("<h3>Inclusion Criteria</h3><ul>" + "".join(f"<li>{e(_md_escape(s.text))}</li>" for s in inc)
                   + (more if not exc else "") + "</ul>")
    out.append("<h3>Exclusion Criteria</h3><ul>" + "".join(f"<li>{e(_md_escape(s.text))}</li>" for s in exc)
               + (more if exc or not inc else "") + "</ul>")
    if spec.min_age or spec.max_age:   # a missing limit shows as "N/A"
        out += [f"<div>{e(spec.min_age or 'N/A')}</div>", f"<div>{e(spec.max_age or 'N/A')}</div>"]
    if spec.sex:
        out.append(f"<div>{spec.sex}</div>")
        if spec.healthy_volunteers is not None:   # (the bare "No" after the sex, as nct07232563_bare_values)
            out.append(f"<div>{'Yes' if spec.healthy_volunteers else 'No'}</div>")
    if spec.sponsor:
        out += ["<h2>Sponsors</h2>", "<div>Meet the organizations funding or collaborating on the study and "
                "learn about their roles.</div>", f"<div>{e(spec.sponsor)}</div>"]
    out += ["<h2>Locations</h2>", "</main></body></html>"]
    return "\n".join(out), url


def _date_words(iso: str) -> str:
    """"2025-06-27" -> "June 27, 2025"; "2025-06" -> "June 2025"."""
    parts = [int(x) for x in iso.split("-")]
    month = _MONTHS[parts[1] - 1] if len(parts) > 1 else ""
    if len(parts) == 3:
        return f"{month} {parts[2]:02d}, {parts[0]}"
    return f"{month} {parts[0]}".strip()


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
CLINCONNECT_STATUS = {"UNKNOWN": "Unknown status"}
# Veeva's value under "Volunteers" (its "yes" as the site's reader knows it: no saved page shows one)
VEEVA_VOLUNTEERS = {True: "Healthy Volunteers", False: "No Healthy Volunteers"}
VEEVA_STATUS = {"RECRUITING": "Enrolling", "NOT_YET_RECRUITING": "Not yet enrolling", "UNKNOWN": "Unknown"}
PHASE_WORDS = {"EARLY_PHASE1": "Early Phase 1", "PHASE1": "Phase 1", "PHASE2": "Phase 2", "PHASE3": "Phase 3",
               "PHASE4": "Phase 4", "NA": "N/A"}


def _escaped(spec: PageSpec) -> bool:
    """Some pages of a site keep CT.gov's markdown escapes and numbering; decided per trial."""
    return int(spec.nct_id[-1]) % 2 == 0


def render_clinconnect(spec: PageSpec) -> tuple[str, str]:
    url = f"https://clinconnect.io/trials/{spec.nct_id}"
    out = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
           f"<title>{e(spec.title)} | ClinConnect</title></head><body>",
           "<header>ClinConnect <img alt='ClinConnect Logo' src='/l.png'></header>",
           f"<nav><a href='/search'>Search</a> / <span>Trial {spec.nct_id}</span></nav><main>",
           f"<h1>{e(spec.title)}</h1>"]
    if spec.sponsor:
        out.append(f"<p>Launched by {e(spec.sponsor.upper())}" + (f" · {_date_words(spec.start)}" if spec.start and
                                                                   len(spec.start) == 10 else "") + "</p>")
    out.append("<section><h2>Trial Information</h2>")
    if spec.as_of:
        out.append(f"<p>Current as of {_date_words(spec.as_of)}</p>")
    if spec.status:
        out.append(f"<p><span class='badge'>{CLINCONNECT_STATUS.get(spec.status, status_display(spec.status))}</span></p>")
    out.append("<h3>Keywords</h3>")
    if spec.summary:
        out += ["<h3>ClinConnect Summary</h3>", f"<p>{e(spec.summary)}</p>"]
    if spec.sex:
        out += ["<h3>Gender</h3>", f"<p>{spec.sex}</p>"]
    esc = _escaped(spec)
    lis = []
    for section, head in (("inclusion", "Inclusion Criteria:"), ("exclusion", "Exclusion Criteria:")):
        items = [s for s in spec.items if s.section == section]
        if items:
            lis.append(f"<li>{head}</li>")
        for k, s in enumerate(items, 1):
            lis.append(f"<li>{e((f'{k}. ' + _md_escape(s.text)) if esc else s.text)}</li>")
    if spec.truncated:
        lis.append("<li>...See full criteria</li>")
    out += ["<h3>Eligibility criteria</h3>", "<ul>" + "".join(lis) + "</ul>", "</section>",
            "<section><h2>Locations</h2><p>Not reported</p></section></main></body></html>"]
    return "\n".join(out), url


def _veeva_ages(spec: PageSpec) -> str | None:
    if not spec.min_age:
        return None
    lo = spec.min_age.lower()
    if not spec.max_age:
        v, unit = lo.split()[0], lo.split()[1]
        return f"{v}+ {unit if unit.endswith('s') else unit + 's'} old"
    hi = spec.max_age.lower()
    if lo.split()[1].rstrip("s") == hi.split()[1].rstrip("s"):
        return f"{lo.split()[0]} to {hi} old"
    return f"{lo} to {hi} old"


def render_veeva(spec: PageSpec) -> tuple[str, str]:
    slug = re.sub(r"[^a-z0-9]+", "-", spec.title.lower()).strip("-")[:80]
    url = f"https://ctv.veeva.com/study/{slug}"
    out = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
           f"<title>{e(spec.title)} | ClinicalTrials.Veeva</title></head><body>",
           "<header><a href='/'>ClinicalTrials.Veeva</a><button>Menu</button></header><main>",
           f"<h1>{e(spec.title)}</h1>"]
    if spec.sponsor:
        out.append(f"<div><span aria-hidden='true'>{e(spec.sponsor[:1].upper())}</span><p>{e(spec.sponsor)}</p></div>")
    out.append("<section><h2>Status and phase</h2>")
    if spec.status:
        out.append(f"<p>{VEEVA_STATUS.get(spec.status, status_display(spec.status))}</p>")
    out += [f"<p>{PHASE_WORDS[p]}</p>" for p in spec.phases if p != "NA"]
    if spec.conditions:   # (as nct07232563_headings)
        out += ["<h2>Conditions</h2>", "<ul>" + "".join(f"<li>{e(c)}</li>" for c in spec.conditions) + "</ul>"]
    if spec.study_type:
        out += ["<h2>Study type</h2>", f"<p>{spec.study_type.replace('_', ' ').title()}</p>"]
    out += ["<h2>Identifiers</h2>", f"<ul><li>{spec.nct_id}</li></ul></section>",
            "<section><h2>Details and patient eligibility</h2>"]
    if spec.enrollment is not None:
        out += ["<h3>Enrollment</h3>", f"<p>{spec.enrollment} patients</p>"]
    if spec.sex:
        out += ["<h3>Sex</h3>", f"<p>{spec.sex.title()}</p>"]
    ages = _veeva_ages(spec)
    if ages:
        out += ["<h3>Ages</h3>", f"<p>{e(ages)}</p>"]
    if spec.healthy_volunteers is not None:   # (as nct07041801_divs: "No Healthy Volunteers")
        out += ["<h3>Volunteers</h3>", f"<p>{VEEVA_VOLUNTEERS[spec.healthy_volunteers]}</p>"]
    inc = [s for s in spec.items if s.section == "inclusion"]
    exc = [s for s in spec.items if s.section == "exclusion"]
    more = "<li>View more</li>" if spec.truncated else ""
    if inc:
        out += ["<h3>Inclusion criteria</h3>", "<ul>" + "".join(f"<li>{e(s.text)}</li>" for s in inc)
                + (more if not exc else "") + "</ul>"]
    if exc or (more and not inc):
        out += ["<h3>Exclusion criteria</h3>", "<ul>" + "".join(f"<li>{e(s.text)}</li>" for s in exc) + more + "</ul>"]
    out += ["</section>", "<section><h2>Trial design</h2><h3>Primary purpose</h3><p>Treatment</p></section>",
            "<section><h2>Trial contacts and locations</h2><p>Loading...</p></section></main>",
            f"<footer><a href='https://clinicaltrials.gov/study/{spec.nct_id}'>Data sourced from clinicaltrials.gov</a>"
            "</footer></body></html>"]
    return "\n".join(out), url


def _run_on(items, head_inc: str, head_exc: str) -> str:
    """Items as one paragraph: "Inclusion Criteria: 1. a 2. b Exclusion Criteria: 1. c", sub-items "a) …"."""
    parts = []
    for section, head in (("inclusion", head_inc), ("exclusion", head_exc)):
        shown = [s for s in items if s.section == section]
        if not shown:
            continue
        parts.append(head)
        n, group, sub = 0, None, 0
        for s in shown:
            if s.group != group:
                n, group, sub = n + 1, s.group, 0
                parts.append(f"{n}. {_md_escape(s.text)}")
            else:
                sub += 1
                parts.append(f"{chr(96 + min(sub, 26))}) {_md_escape(s.text)}")
    return " ".join(parts)


def render_trialfinderdata(spec: PageSpec) -> tuple[str, str]:
    url = f"https://www.trialfinderdata.org/trial/{spec.nct_id}"
    phase = " / ".join(PHASE_WORDS[p] for p in spec.phases if p != "NA")
    stype = spec.study_type or "INTERVENTIONAL"
    out = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
           f"<title>{spec.nct_id}: {e(spec.title)} | TrialFinderData</title></head><body>",
           "<header><a href='/'><span>T</span>TrialFinderData</a><p>TrialFinderData is for informational purposes "
           "only and does not provide medical advice. Always talk to your doctor.</p></header><main><article>"]
    if spec.as_of:
        out.append(f"<p><time>Updated {_date_words(spec.as_of[:7])}</time> · "
                   f"<a href='https://clinicaltrials.gov/study/{spec.nct_id}'>ClinicalTrials.gov</a></p>")
    out.append("<div>" + "".join(f"<span>{e(x)}</span>" for x in (spec.status, phase, stype) if x) + "</div>")
    out.append(f"<h1>{e(spec.title)}</h1>")
    cond = spec.conditions[0] if spec.conditions else "its condition"   # (the first only, in a sentence)
    what = f"a {phase} {stype.lower()}" if phase else f"an {stype.lower()} study"
    sentence = f"{spec.title} ({spec.nct_id}) is {what} studying {cond}"
    if spec.sponsor:
        sentence += f", sponsored by {spec.sponsor}"
    if spec.status:
        sentence += f". {spec.status} as of the most recent ClinicalTrials.gov update"
    out.append(f"<p>{e(sentence)}. Talk to your doctor before contacting the trial site.</p>")
    out += ["<h2>About This Trial</h2>", "<p>Study details are on ClinicalTrials.gov.</p>",
            "<h2>What Stage of Research Is This?</h2>"]
    if spec.enrollment:
        out.append(f"<p>With a target enrollment of {spec.enrollment} participants, this study is one of many.</p>")
    if spec.plain_criteria:
        plain = "Who May Qualify: " + " ".join(f"{k}. {_md_escape(t)}" for k, t in enumerate(spec.plain_criteria, 1))
        out += ["<h2>Who May Be Eligible (Plain English)</h2>",
                f"<p>{e(plain)} ...See full criteria on ClinicalTrials.gov Always talk to your doctor about whether "
                "this trial is right for you.</p>",
                "<p>These are translations of the protocol's inclusion and exclusion criteria, simplified for patients "
                "and caregivers.</p>"]
    out += ["<h2>Original Eligibility Criteria</h2>", "<details><summary>View original clinical language</summary>",
            f"<p>{e(_run_on(spec.items, 'Inclusion Criteria:', 'Exclusion Criteria:'))}</p></details>",
            "<h2>Locations (1)</h2><ul><li>See ClinicalTrials.gov</li></ul>",
            "</article></main><footer><p>Data from ClinicalTrials.gov.</p></footer></body></html>"]
    return "\n".join(out), url


# (every layout follows its criteria with the next section's heading, so its reader says where the list ends)
SHOWS_CRITERIA = frozenset({"status", "criteria", "list_end"})
# host -> (renderer, the parts of a page the layout shows: injections elsewhere would be invisible)
LAYOUTS = {
    "meddatax.com": (render_meddatax, SHOWS_CRITERIA | {"as_of", "enrollment", "ages", "truncate", "volunteers",
                                                         "conditions"}),
    "clinconnect.io": (render_clinconnect, SHOWS_CRITERIA | {"as_of", "summary", "truncate"}),
    "ctv.veeva.com": (render_veeva, SHOWS_CRITERIA | {"enrollment", "ages", "truncate", "volunteers", "conditions"}),
    "trialfinderdata.org": (render_trialfinderdata, SHOWS_CRITERIA | {"as_of", "enrollment", "plain_criteria",
                                                                       "conditions"}),
}


def shows(hosts: list[str] | None = None) -> dict[str, frozenset[str]]:
    """{host: parts shown} for the given hosts (default: every layout whose scraper is installed)."""
    from scrapers.sites import supported_hosts

    available = set(supported_hosts())
    return {h: LAYOUTS[h][1] for h in (hosts or LAYOUTS) if h in available}


def render(spec: PageSpec, host: str) -> tuple[str, str]:
    """(html, url) of `spec` in `host`'s layout."""
    return LAYOUTS[host][0](spec)


def status_display(status: str) -> str:
    return STATUS_DISPLAY.get(status, status.replace("_", " ").title())
