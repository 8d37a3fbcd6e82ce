"""What a page's embedded data (JSON-LD, framework JSON, an API v2 study) says about its trial: a fallback for a
title or status the visible text does not show, and a check on the status it does."""

from __future__ import annotations

import json
import re

from ..vocab import normalize_status
from .base import Page, clean


def embedded_trial(page: Page) -> dict[str, str]:
    """Title and status a page states in JSON-LD (MedicalStudy / MedicalTrial), for a
    scraper to fall back on when its visible text shows none. schema.org's CamelCase
    statuses ("ActiveNotRecruiting", ".../Recruiting") are read as words."""
    for item in page.json_ld():
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if not any(t in ("MedicalTrial", "MedicalStudy") for t in types):
            continue
        out: dict[str, str] = {}
        if isinstance(item.get("name"), str):
            out["title"] = clean(item["name"])
        st = item.get("status") or item.get("studyStatus")
        if isinstance(st, str):
            words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", st.rstrip("/").rsplit("/", 1)[-1])
            out["status_text"] = words
        return out
    return {}


_NCT_KEYS = frozenset({"nctid", "nct_id", "nct", "nctnumber", "nct_number", "nctno", "trialid", "studyid", "id",
                       "identifier", "registryid", "orgstudyid"})
_STATUS_KEYS = ("overallStatus", "overall_status", "recruitmentStatus", "recruitment_status", "studyStatus",
                "study_status", "trialStatus", "trial_status", "status")
_BLOB_TYPES = ("application/json", "application/ld+json")
# A bare "status" key is often a CMS's ("published", "open", "complete"): read only in the
# registry's forms (RECRUITING, ACTIVE_NOT_RECRUITING, schema.org's ".../NotYetRecruiting",
# CamelCase) or a wording about recruiting or enrolling.
_TRIAL_STATUS_FORM = re.compile(r"^[A-Z]+(?:_[A-Z]+)*$|/|^(?:[A-Z][a-z]+)+$|(?i:recruit|enrol)")


def _status_word(value) -> str | None:
    if isinstance(value, dict):  # {"code": "RECRUITING", "label": "Recruiting"}
        value = next((value[k] for k in ("label", "name", "text", "code", "value") if isinstance(value.get(k), str)), None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _trial_facts(d: dict, want: str | None = None) -> tuple[str | None, str | None]:
    """(NCT id, status wording) a dict states about one trial: flat ({"nctId", "overallStatus"})
    or shaped like a ClinicalTrials.gov API v2 study (protocolSection modules). With `want`,
    the status is read only for that trial (a blob listing thousands of other trials)."""
    proto = d.get("protocolSection")
    if isinstance(proto, dict):
        ident = proto.get("identificationModule") or {}
        status = proto.get("statusModule") or {}
        nct = ident.get("nctId") if isinstance(ident, dict) else None
        st = status.get("overallStatus") if isinstance(status, dict) else None
        return (nct if isinstance(nct, str) else None), _status_word(st)
    nct = next((v for k, v in d.items() if k.lower() in _NCT_KEYS and isinstance(v, str)
                and re.fullmatch(r"\s*NCT\d{8}\s*", v, re.I)), None)
    if nct is None:
        return None, None
    if want is not None and nct.strip().upper() != want:
        return nct.strip().upper(), None
    st = next((_status_word(d[k]) for k in _STATUS_KEYS if k in d and _status_word(d[k])
               and (k != "status" or _TRIAL_STATUS_FORM.search(_status_word(d[k])))), None)
    if st and "/" in st:  # schema.org URL form ".../ActiveNotRecruiting"
        st = st.rstrip("/").rsplit("/", 1)[-1]
    if st:
        st = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", st)
    return nct.strip().upper(), st


def embedded_status(page: Page, nct_id: str) -> str | None:
    """The status wording the page's embedded data (JSON-LD, framework JSON such as Next.js's
    __NEXT_DATA__, an API v2 study) gives for trial `nct_id` — only for that trial: a blob
    also holding similar trials never lends this one their status. None when absent or when
    the data states two different statuses for it."""
    found: set[str | None] = set()
    words: dict[str | None, str] = {}
    for node in page.root.iter("script"):
        kind = (node.get("type") or "").lower()
        if kind not in _BLOB_TYPES and node.get("id") not in ("__NEXT_DATA__", "__NUXT_DATA__"):
            continue
        raw = node.text or ""
        if nct_id.lower() not in raw.lower():
            continue  # a blob that never names this trial says nothing about it
        try:
            data = json.loads(raw)
        except (ValueError, TypeError, RecursionError):
            continue
        stack = [data]
        seen = 0
        while stack and seen < 50000:
            item = stack.pop()
            seen += 1
            if isinstance(item, dict):
                nct, st = _trial_facts(item, nct_id)
                if nct == nct_id and st:
                    found.add(normalize_status(st))
                    words.setdefault(normalize_status(st), st)
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                stack.extend(v for v in item if isinstance(v, (dict, list)))
    if len(found) != 1:
        return None
    return words[next(iter(found))]


def cross_check_embedded(rec, page: Page, fill: bool = True) -> None:
    """Visible text first; the page's embedded data for the same trial fills a status the
    text does not show, and when it names a different status than the one read from the
    text, the reading is not trusted (status and wording are cleared: no claim rather than
    a wrong one). An unrecognized wording shown on the page is kept as it is. `fill=False`
    for a reader that weighs embedded data itself (the generic reader clears a status its
    page and its JSON-LD disagree on; that must not be filled back)."""
    if not rec.nct_id:
        return
    word = embedded_status(page, rec.nct_id)
    st = normalize_status(word)
    if st is None:
        return
    if fill and rec.status is None and rec.status_text is None:
        rec.status, rec.status_text = st, word
    elif rec.status is not None and rec.status != st:
        rec.status, rec.status_text = None, None


def fill_from_embedded(rec, page: Page) -> None:
    """Fill title and status from JSON-LD only where the visible page gave none."""
    data = embedded_trial(page)
    if rec.title is None and data.get("title"):
        rec.title = data["title"]
    if rec.status_text is None and data.get("status_text"):
        rec.status_text = data["status_text"]
        rec.status = normalize_status(data["status_text"])
