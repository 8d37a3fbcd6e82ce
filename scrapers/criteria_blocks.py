"""Eligibility text -> blocks: one per list item, paragraph or section heading, hard-wrapped lines joined back
into the item they continue. The first step of scrapers.criteria.parse_criteria, which builds the item tree from
them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .criteria_markers import (END_HEADER, INLINE_HEADER, START_HEADER, continues_list, header_kind, marker_style,
                               run_on_heading, split_marker)
from .criteria_mend import open_brackets

def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Block:
    indent: int
    marker: str | None
    text: str
    header: str | None = None    # header kind when this block is a section heading
    label: bool = False          # "Prior medication:" — parents the items that follow
    lines: int = 1               # the record's lines it was written on (more when hard-wrapped)


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _is_label(text: str) -> bool:
    t = text.strip()
    return t.endswith(":") and 0 < len(t.split()) <= 14 and len(t) <= 120


WRAP_WIDTH = (78, 96)   # legacy CT.gov text is hard-wrapped at about 90 columns


def _looks_wrapped(prev_len: int, line: str) -> bool:
    """Was the previous line cut by a hard wrap? Only if its next word would not have fit."""
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    return prev_len <= WRAP_WIDTH[1] and prev_len + 1 + len(first) > WRAP_WIDTH[0]


def _range_wrapped(block: Block, indent: int, line: str) -> bool:
    """A hard wrap inside a range: "… once a month for 5" / "     - 7 days." is "5 - 7 days",
    not a new item "7 days." (legacy text wraps at the item's text, deeper than its bullet; its
    bullets are "-  " with two spaces, so "-  2 or more prior regimens" stays a sub-item)."""
    return indent > block.indent and re.match(r"- \d", line) is not None and block.text.rstrip()[-1:].isdigit()


def _bracket_wrapped(block: Block, marker: str, rest: str) -> bool:
    """A hard wrap inside a bracket: "… as compared to the average baseline (Visit" / "2) QTc interval of study SP709"
    (NCT00498186), "(Visit" / "2)." (NCT00499863), "(including HIV, hepatitis" / "B) No known autoimmune disease"
    (NCT00002733), "(stage" / "II) with bowel obstruction" (NCT00002593). The line's "2)" closes the round bracket the
    item left open: read as a marker it numbered a new item of the bracket's tail ("2) ." or "4) criteria …"). Only a
    closer with no opener of its own ("2)", not "(2)"), after an item whose innermost open bracket is round, and not
    the next number or letter of the item's own "1)" list. The page side reads a page line opening so alike
    (reconcile/bracket_closers.py): a faithful page showing the record's lines one per paragraph stays silent."""
    if not marker.endswith(")") or marker.startswith("(") or (open_brackets(block.text) or [""])[-1] != "(":
        return False
    return not (block.marker and block.marker.endswith(")") and continues_list(marker, block.marker))


# a word that names the label a hard wrap cut from it: "… entered as controls Part" / "B. Metabolically stable …"
# (NCT00004307); written with its capital, it ends no item
_LABEL_NOUN = re.compile(r"(?:Part|PART|Group|GROUP|Cohort|COHORT|Arm|ARM|Phase|PHASE|Stage|STAGE|Step|STEP|Grade|"
                         r"GRADE|Type|TYPE|Class|CLASS|Level|LEVEL|Visit|VISIT|Schedule|Appendix|Section|Table|Figure|"
                         r"Category|Stratum|Regimen|Cycle|Day|Week|Month|Year)")


def _label_wrapped(block: Block, marker: str) -> bool:
    """A hard wrap between a label's noun and its letter or number: "Part" / "B." is "Part B.", not an item "B."."""
    words = block.text.split()
    return bool(words) and _LABEL_NOUN.fullmatch(words[-1]) is not None and marker_style(marker)[0] != "bullet"


def _run_wrapped(block: Block, marker: str) -> bool:
    """A hard wrap inside a list run on within a sentence: "… one or more of the following: 1. hypertensive episodes
    …," / "2. abnormal levels …, or 3. an otherwise unexplained abdominal mass." (NCT00001229). The line's "2." is the
    next of a "1." the item has inside its text (not its own marker), so it goes on that sentence; the run's numbers
    are then read together (criteria_runon), its lead-in kept over them."""
    style, n = marker_style(marker)
    if style != "num" or not n or n < 2 or block.text.rstrip()[-1:] in (".", ";", ":"):
        return False
    before = re.sub(r"\d+", str(n - 1), marker, count=1)
    if block.marker == before:
        return False
    return re.search(r"(?<![\w.])" + re.escape(before) + r"\s+\S", block.text) is not None


# one word in small letters and a full stop, alone on its line: "disease."
_LONE_LAST_WORD = re.compile(r"[a-z][a-z'-]*\.")


def _ends_the_item_before(blocks: list[Block], line: str) -> bool:
    """A line that is one small word and a full stop, under an item the record left unfinished (no stop, comma or
    colon at its end): the item's last word, cut off by a blank or short line. "… have not received antibiotic
    therapy for Lyme" / "" / "disease." (NCT00001539), "… for at least 3" / "" / "months." (NCT00001630): read as an
    item of its own, "months." lost the unit of the item's "3" and "disease." was shown as a criterion."""
    if not blocks or blocks[-1].header or not _LONE_LAST_WORD.fullmatch(line):
        return False
    return not re.search(r"[.;:!?,]\W*$", blocks[-1].text.rstrip())


def text_blocks(text: str) -> list[Block]:
    """Lines -> blocks: a marker or a blank line starts a block; other lines continue it (hard wraps)."""
    blocks: list[Block] = []
    open_block: Block | None = None
    prev_len, prev_end = 0, ""
    for raw in text.split("\n"):
        if not raw.strip():
            open_block = None
            continue
        wrapped = _looks_wrapped(prev_len, raw) and not (prev_end == ";" and raw.strip()[:1].isupper())
        prev_len, prev_end = len(raw.rstrip()), raw.rstrip()[-1:]
        ind = _indent(raw)
        line = raw.strip()
        marker, rest = split_marker(line)
        kind = header_kind(line)
        if kind == "generic" and open_block is not None and wrapped and line[:1].islower():
            kind = None   # "… in all eyes meeting" / "eligibility criteria" (NCT00000135): the item's end
        if kind:
            blocks.append(Block(ind, None, line, header=kind))
            open_block = None
            continue
        if marker is not None and not (open_block is not None and wrapped and (
                _range_wrapped(open_block, ind, line) or _bracket_wrapped(open_block, marker, rest)
                or _label_wrapped(open_block, marker) or _run_wrapped(open_block, marker))):
            open_block = Block(ind, marker, rest)
            blocks.append(open_block)
        elif open_block is not None and wrapped and not (open_block.text.rstrip().endswith(":") and _is_label(line)):
            open_block.text += " " + line
            open_block.lines += 1
        elif marker is None and _ends_the_item_before(blocks, line):
            blocks[-1].text += " " + line
            blocks[-1].lines += 1
            open_block = blocks[-1]
        else:
            open_block = Block(ind, None, line)
            blocks.append(open_block)
    out: list[Block] = []
    for b in blocks:
        _read_wrapped_heading(b)
        out.extend(_split_inline_headers(b))
    out = _split_run_on_heading(out)
    _read_titles(out)
    for b in out:
        if b.header is None and b.marker is None and _is_label(b.text):
            b.label = True
        elif b.header is None and b.marker is not None and _is_label(b.text) and len(b.text.split()) <= 8:
            b.label = True
    return out


# a hard-wrapped heading starts with its section word, after its bullet: not "The following exclusion criteria are
# transient; patients can be re-evaluated for" / "eligibility:" (NCT00006400, an item)
_SECTION_FIRST = re.compile(r"(?:(?:key|main|general|additional|specific)\s+)?(?:inclusion|exclusion)", re.I)


def _read_wrapped_heading(b: Block) -> None:
    """Make a heading of a block the record hard-wrapped over its lines that together are one ("-  INCLUSION CRITERIA
    FOR ADULT PATIENTS PARTICIPATING IN PILOT STUDY OF COMBINATION" / "RITUXIMAB AND CYCLOSPORINE:", NCT00001392;
    "EXCLUSION CRITERIA FOR RECOVERED, … HEALTHY VOLUNTEERS" / "CONTROLS:", NCT00001539). Line by line neither half
    is, so the heading was an item of the list before it and its list that item's sub-items: NCT00001392's six
    inclusion requirements were shown as reasons to stay out. In place."""
    if b.header or b.lines < 2 or not _SECTION_FIRST.match(b.text):
        return
    line = f"{b.marker} {b.text}" if b.marker else b.text
    kind = header_kind(line)
    if kind in ("inclusion", "exclusion"):
        b.header, b.marker, b.text = kind, None, line


def _split_inline_headers(b: Block) -> list[Block]:
    """"Inclusion Criteria: 1. Age… Exclusion Criteria: 1. …" -> heading and item blocks."""
    if b.header:
        return [b]
    text = clean(b.text)
    hits = [(m.start(), m.end(), m.group(1)) for m in INLINE_HEADER.finditer(text)]
    start = START_HEADER.match(text) if b.marker is None else None
    if start and not (hits and hits[0][0] == 0):
        hits.insert(0, (0, start.end(), start.group(0).strip()))   # "Inclusion criteria. Age ≥22. …" (stop kept)
    end = END_HEADER.search(text)
    if end and not (hits and hits[-1][1] >= end.start()):
        hits.append((end.start(), end.end(), end.group(1)))   # "… informed consent. Exclusion Criteria"
    if not hits:
        return [b]
    out: list[Block] = []
    pos = 0
    marker = b.marker
    for h_start, h_end, h in hits:
        before = text[pos:h_start].strip()
        if before and marker is None:
            marker, before = split_marker(before)
        if before or marker:
            out.append(Block(b.indent, marker, before))
        marker = None
        out.append(Block(b.indent, None, h, header=header_kind(h) or "generic"))
        pos = h_end
    rest = text[pos:].strip()
    if rest:
        mk, rest2 = split_marker(rest)
        out.append(Block(b.indent + (0 if mk else 1), mk, rest2))
    return [x for x in out if x.header or x.text or x.marker]


def _split_run_on_heading(blocks: list[Block]) -> list[Block]:
    """Open the other list where a record ran its heading into an item's end with no stop before it ("… completion of
    study therapy Exclusion Criteria", NCT00493025; NCT00491777): unread, the exclusions after it were shown as
    requirements for joining. Only where it is safe: the last heading before it opened the other list, the record
    has no heading of this kind elsewhere, and items follow it (criteria_markers.run_on_heading reads the words)."""
    kinds = {b.header for b in blocks if b.header}
    out: list[Block] = []
    last: str | None = None
    for i, b in enumerate(blocks):
        split = run_on_heading(clean(b.text)) if not b.header else None
        kind = ("exclusion" if split[1].lower().endswith("exclusion criteria") else "inclusion") if split else None
        follows = i + 1 < len(blocks) and blocks[i + 1].header is None
        if split and kind not in kinds and last in ("inclusion", "exclusion") and last != kind and follows:
            out += [Block(b.indent, b.marker, split[0], lines=b.lines), Block(b.indent, None, split[1], header=kind)]
            last = kind
            continue
        last = b.header or last
        out.append(b)
    return out


def _is_title(b: Block) -> bool:
    """A line in capitals, of four words or more, without a lower-case letter: a study's or part's title."""
    return (b.header is None and not re.search(r"[a-z]", b.text)
            and len(re.findall(r"\b[A-Z][A-Z-]+\b", b.text)) >= 3 and len(b.text.split()) >= 4)


def _read_titles(blocks: list[Block]) -> None:
    """Make a heading ("title") of a line in capitals just before a heading: "ANALYSIS OF LIPID-CONTAINING PARTICLES
    CHARACTERISTICS UNDER NUCLEAR MAGNETIC RESONANCE SPECTROSCOPY (NMR-S) AMONG NEPHROTIC SUBJECTS" / "INCLUSION
    CRITERIA:" names the next sub-study of NCT00001392 (the only such lines in the shared corpus); read as an item,
    it was a sub-item of the exclusion before it ("Predicted requirement for live vaccines …"). In place."""
    for b, nxt in zip(blocks, blocks[1:]):
        if nxt.header and _is_title(b):
            b.header, b.text, b.marker = "title", f"{b.marker} {b.text}" if b.marker else b.text, None
