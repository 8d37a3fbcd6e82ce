"""Which fields the scrapers found, per host: the table `triallens scrape FILE...` prints.

A maintainer runs it over a folder of saved pages to see at a glance what each site
gives (and what a site change took away)."""

from __future__ import annotations

from collections import defaultdict

from scrapers.model import PageRecord

# (column, test on a PageRecord dict). Status counts only when recognized (mapped to CT.gov).
FIELDS: tuple[tuple[str, object], ...] = (
    ("nct_id", lambda d: bool(d["nct_id"])),
    ("title", lambda d: bool(d["title"])),
    ("status", lambda d: bool(d["status"])),
    ("as_of", lambda d: bool(d["as_of"])),
    ("phase", lambda d: bool(d["phases"])),
    ("type", lambda d: bool(d["study_type"])),
    ("enroll", lambda d: d["enrollment"] is not None),
    ("dates", lambda d: bool(d["start_date"] or d["completion_date"])),
    ("sponsor", lambda d: bool(d["sponsor"])),
    ("cond", lambda d: bool(d["conditions"])),
    ("interv", lambda d: bool(d["interventions"])),
    ("sex", lambda d: bool(d["sex"])),
    ("ages", lambda d: bool(d["min_age"] or d["max_age"] or d.get("no_max_age_text"))),
    ("incl", lambda d: bool(d["inclusion"])),
    ("excl", lambda d: bool(d["exclusion"])),
)


def coverage(records: list[PageRecord], errors: dict[str, int] | None = None) -> dict[str, dict]:
    """{host: {"pages": n, "errors": n, <field>: pages where found}} sorted by host."""
    table: dict[str, dict] = defaultdict(lambda: {"pages": 0, "errors": 0, **{name: 0 for name, _ in FIELDS}})
    for rec in records:
        d = rec.to_dict()
        row = table[rec.site]
        row["pages"] += 1
        for name, test in FIELDS:
            row[name] += int(bool(test(d)))
    for host, n in (errors or {}).items():
        table[host]["errors"] += n
    return {host: table[host] for host in sorted(table)}


def format_table(cov: dict[str, dict]) -> str:
    cols = ["pages", "errors", *(name for name, _ in FIELDS)]
    width = max([len("host")] + [len(h) for h in cov])
    lines = ["host".ljust(width) + "  " + "  ".join(c.rjust(max(len(c), 3)) for c in cols)]
    for host, row in cov.items():
        lines.append(host.ljust(width) + "  " + "  ".join(str(row[c]).rjust(max(len(c), 3)) for c in cols))
    return "\n".join(lines)
