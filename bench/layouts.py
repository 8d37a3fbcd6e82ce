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
    if spec.min_age:
        out.append(f"<div>{e(spec.min_age)}</div>")
        if spec.max_age:
            out.append(f"<div>{e(spec.max_age)}</div>")
    if spec.sex:
        out.append(f"<div>{spec.sex}</div>")
    if spec.sponsor:
        out += ["<h2>Sponsors</h2>", "<div>Meet the organizations funding or collaborating on the study and "
                "learn about their roles.</div>", f"<div>{e(spec.sponsor)}</div>"]
    out += ["<h2>Locations</h2>", "</main></body></html>"]
    return "\n".join(out), url


LAYOUTS = {
    "meddatax.com": render_meddatax,
}
# Layouts that show a plain-language summary the scraper reads into plain_summary.
SUMMARY_HOSTS: tuple[str, ...] = ()


def render(spec: PageSpec, host: str) -> tuple[str, str]:
    """(html, url) of `spec` in `host`'s layout."""
    return LAYOUTS[host](spec)


def status_display(status: str) -> str:
    return STATUS_DISPLAY.get(status, status.replace("_", " ").title())
