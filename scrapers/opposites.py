"""Pairs of opposite words: a text that loses one side of a pair and gains the other has turned a rule ("Men aged
18-64" for "Women aged 18-64", "acute" for "chronic"), while a form of one side for another is the same side ("Women"
for "Female"). Read by the fidelity check (fidelity.polarity_flips) and by the criteria comparison (same_side, the sex
words)."""

from __future__ import annotations

# pairs of opposite sides, each side with its forms (a form of one side for another is no flip: "Women" for "Female")
OPPOSITES: tuple[tuple[frozenset, frozenset], ...] = tuple((frozenset(a.split()), frozenset(b.split())) for a, b in (
    ("man men male males boy boys gentleman gentlemen", "woman women female females girl girls lady ladies"),
    ("acute", "chronic"),
    ("benign", "malignant"),
    ("benign", "cancerous"),   # (turns "benign" as "malignant" does, neg2: 68 of 68 warned; a pair of its own, so no
    #                            form of "malignant": "cancerous hypertension" is no "malignant hypertension")
    ("high elevated increased increase increases raised", "low decreased decrease decreases reduced"),
    ("left", "right"),
    ("before", "after"),
    ("positive", "negative"),
    ("systolic", "diastolic"),
    ("upper", "lower"),
    ("mild", "severe"),
    ("primary", "secondary"),
    ("sensitive", "resistant"),
    ("allowed permitted", "prohibited forbidden excluded"),
    ("inpatient inpatients", "outpatient outpatients"),
    # (a stroke's or a lesion's kind and place: "acute hemorrhagic stroke" for "acute ischemic stroke", "posterior
    # circulation occlusion" for "anterior …" name the opposite people, and were a warning "differs in a word", review
    # r35 #6; none of them is lost for its opposite in a faithful rewording of the corpus: selfcheck, bench_drift)
    ("ischemic ischaemic", "hemorrhagic haemorrhagic"),
    ("anterior", "posterior"),
    ("proximal", "distal"),
    ("unilateral", "bilateral"),
    # (one focus or dimension or side against more, or the other: warned only, "differs in a word"; r43)
    ("unifocal", "multifocal"),
    ("unidimensional unidimensionally", "bidimensional bidimensionally"),
    ("ipsilateral", "contralateral"),
    ("central", "peripheral"),
))
SIDE = {w: (i, s) for i, pair in enumerate(OPPOSITES) for s, side in enumerate(pair) for w in side}
SEX_WORDS = OPPOSITES[0][0] | OPPOSITES[0][1]   # ("male", "women", "girls"…: either side of the first pair)


def same_side(w: str, v: str) -> bool:
    """Two words for one side of a pair ("women" and "females", "elevated" and "high"): one word to a copy."""
    side = SIDE.get(w.lower())
    return side is not None and side == SIDE.get(v.lower())
