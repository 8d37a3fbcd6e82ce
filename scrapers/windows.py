"""The time window around a figure of time, as one class: "within the past 6 months", "in the last 6 months" and "in
the 6 months before enrollment" are one look back ("within"); "for the past" is how long ("for past"); "within the next"
is ahead ("next"). Split from scrapers.quantities, which reads each figure and asks here for its window.
"""

from __future__ import annotations

import re

__all__ = ["window"]

# "within the past", "within past", "in the last", "during the prior": a look back, with or without its "the" (a copy
# that drops it says the same; "in 6 months" without its look-back word may read as ahead, so stays another window)
_LOOKBACK = r"(?:past|last|previous|preceding|prior)"
_WIN_BEFORE = re.compile(rf"\b((?:within|in|during|for|over)(?: the)? {_LOOKBACK}|(?:within|in|during)(?: the)? (?:first|next)|"
                         r"within|in the|during|for|since|after|before|prior to|following)$")
# A look back to the day one joins: "in the 6 months before enrollment", "during the 12 months prior to randomization",
# "within 4 weeks prior to study entry", "in the year before screening" say, from the time of joining, what "within the
# past 6 months" says; another anchor ("before surgery") or a figure with no look-back word before it ("at least 4
# weeks before enrollment", a washout) keeps its own window
_LOOK_WORD = re.compile(r"\b(?:within|in|during|over)$")
_STUDY = r"(?:(?:the|this) )?(?:clinical )?(?:study|trial|protocol)"
# where the joining words end: the clause ends, or a word that cannot go on naming another event follows. Without it
# any "start", "screening", "first dose" or "study" began a joining anchor, so a page that added "before the start of
# chemotherapy", "prior to the screening colonoscopy" or "prior to study completion" to the record's "within the past
# 10 days" read the same (review r32: 36-38 of 40 real items each, critical before window2, silent after). A record
# anchor that names the study's own drug ("the first dose of HSK40118") is given up with them (88 of 2,154 corpus
# windows): it keeps its own window, as before window2.
# words that go on a clause, never name an event: after a joining word they end it (_JOIN_END), and after "before" they
# say no other event follows (_NO_EVENT)
_CLAUSE_WORDS = (r"and|or|but|nor|unless|except|if|when|whichever|with|without|in|into|on|at|as|who|which|that|is|are"
                 r"|was|were|be|been|must|should|shall|will|would|may|might|can|could|not|no|including|have|has|had|per"
                 r"|until|through|to|for|than")
_JOIN_END = (r"(?=\s*(?:$|[,.;:()\[\]/*&<>=+-]|[；，。：（）]"
             r"|of (?:the )?(?:study|trials?|protocol|investigational|experimental|ip|imp|cycle|course|double-blind|first|day)\b"
             rf"|(?:{_CLAUSE_WORDS}|visit|administration|initiation|dosing|injection|vaccination|assessment"
             r"|appointment|examination|exam|form|period|phase|joining|plan|\d)\b))")
_JOINING = re.compile(
    rf"\s*(?:the |this )?(?:(?:first )?(?:study |trial |protocol )?"
    rf"(?:entry|enroll?ment|registration|randomi[sz]ation|screening|inclusion|recruitment|baseline|initiation|start|"
    rf"participation)(?: visit| period)?(?: (?:in|into|to|on) {_STUDY})?|"
    rf"(?:entering|joining|entry (?:in|into|to)|enroll?ment (?:in|into|on|to)|participation in|start of|starting|"
    rf"beginning|initiation of|initiating|taking part in|participating in) "
    rf"(?:{_STUDY}|(?:study |protocol )?(?:treatment|drug|medication|therapy|dosing))|"
    rf"(?:the )?(?:signing|signature) (?:of )?(?:the )?(?:informed )?consent|(?:informed )?consent|"
    rf"(?:first|initial) (?:dose|dosing|administration|infusion|injection|vaccination)|"
    rf"(?:study|protocol) (?:drug|treatment|therapy|medication|intervention|vaccination|day 1)|"
    rf"(?:cycle 1,? )?day [01]|c1d1|"
    rf"(?:screening |baseline |first |study )?visit [01]|(?:first|screening|baseline|first check-up) visit|{_STUDY}|"
    # (the plain English of server.explain: "before joining", "before taking part", "being assigned to a study group")
    rf"joining|taking part|being (?:assigned|randomi[sz]ed) to a (?:study )?group)\b" + _JOIN_END)
# An event a figure may count back from that is not joining ("4 weeks before surgery", "prior to the start of
# radiotherapy", "before the screening colonoscopy"): only an anchor that names one is another event. A joining said in
# words the list above lacks ("before the date of randomization", "before study commencement", "prior to the first dose
# of HSK40118") is joining, as the record's own "prior to enrollment": read as another event, 110 of review r34's 552
# faithful rewordings turned critical. (Those words are not added to the list above: server.explain's plain words for
# them, "getting the first dose", "the date of joining", would then read as another look back.)
_OTHER_EVENT = re.compile(
    r"\b(?:radio\w*|radiation|irradiation|\w*chemo\w*|surger(?:y|ies)|surgical|operation|operative|resection|"
    r"\w*ectomy|\w*otomy|"
    r"\w*oscopy|\w*scopic|biops\w*|dialysis|\w*dialy\w*|transplant\w*|graft\w*|diagnos\w*|delivery|birth|childbirth|"
    r"conception|pregnan\w*|menses|menstrua\w*|hospital\w*|discharge|admission to (?:the |a )?hospital|"
    r"infarction|stroke|onset|injury|trauma|fracture|imaging|scan|mri|ct|pet|x-ray|angiograph\w*|catheteri[sz]ation|"
    r"\w*plasty|implant\w*|apheresis|leukapheresis|harvest\w*|mobili[sz]ation|conditioning"
    r"|vaccin\w* (?:against|for)|infection|relapse|recurrence|progression|death"
    r"|(?:an)?other (?:clinical )?(?:study|trial|protocol))\b")
_ANCHOR_END = re.compile(r"[,.;:()\[\]]|\b(?:and|or|unless|except|if|when|whichever|with|without|who|which|that)\b")

# A steady regimen said with its look back ("a stable or decreasing dose during the 2 weeks prior to study entry",
# "stable hormonal replacement over the past 3 months"): "during" and "over" then mean the whole span, as "for" does;
# "within the past 2 weeks" (any time in it) is another rule. "In" does where the regimen is said to have held ("dose
# has remained stable in the 7 days prior to entry"); "stable therapy in the last 2 months" may say when (review r30
# #3 keeps it apart from "for the past 2 months"). The regimen's word must be there, near the window, in the same
# clause: "stable angina … in the last 90 days", "stable disease (no exacerbation during …)" and "no change in therapy
# in the 4 weeks" (at no time: "within" says that too) keep their look back.
_REGIMEN = r"(?:doses?|dosages?|dosing|regimens?|therap(?:y|ies)|treatments?|medications?|replacement|weight)"
_STEADY_WORD = r"(?:stable|constant|unchanged|steady)"
_WORDS = r"(?: [^\s,;()]+)"   # (words of one clause part, no comma or bracket between)
_TO_WINDOW = rf"\b(?!{_WORDS}*? (?:no|not|without|nor)\b){_WORDS}{{0,8}}$"   # (then the window's own words)
_HELD = re.compile(rf"\b{_REGIMEN}{_WORDS}{{0,3}}? (?:has|have|had|is|was|were|are|be|been|being|remained|remains|remain"
                   rf"|kept){_WORDS}{{0,2}}? {_STEADY_WORD}" + _TO_WINDOW)
_STEADY = re.compile(rf"(?:\b{_STEADY_WORD}(?: or (?:decreasing|reduced|reducing|tapering|lower(?:ing)?))?{_WORDS}{{0,3}}? "
                     rf"{_REGIMEN}|\bsame {_REGIMEN})" + _TO_WINDOW)
_ANY_STEADY = re.compile(rf"\b(?:{_STEADY_WORD}|same)\b")
_AS_FOR = re.compile(r"\b(?:during|over)(?=(?: the)?(?: (?:past|last|previous|preceding|prior))?$)")
_HELD_FOR = re.compile(r"\b(?:during|over|in)(?=(?: the)?(?: (?:past|last|previous|preceding|prior))?$)")
# A figure with no look-back word before it, "at least 60 days prior to randomization", "< 1 month prior to
# enrollment", counts back from joining (as "ago" from now) only when the joining words follow; from any other event it
# counts back from that ("before/event"): a page that wrote "prior to the start of radiotherapy" for the record's
# "prior to screening" read the same (window3). Nothing after the word ("4 weeks before."), or a word that names no
# event ("before and after", "prior to in the case of"), is no other event.
_NO_EVENT = re.compile(rf"\s*(?:$|[^\w\s]|\d|(?:{_CLAUSE_WORDS}|then|also|etc)\b)")
# (explain's own "joining", whatever follows, names no other event: no record says "before joining", and its "at least
# 90 days before joining combination with …" is the record's "prior to enrolment in combination with …"; "joining
# another trial" is another)
_JOINING_SAID = re.compile(r"\s*joining\b(?!\s+(?:an)?other\b)")
_FILLER = re.compile(r"(?:\s+|^)(?:the|a|an|approximately|about|around|[<>=]+)\s*$")
_WIN_AFTER = re.compile(r"^\s*(?:[(\[](?:inclusive|exclusive)[)\]]\s*)?(?:of\s+[\w-]+(?:\s*\([^)]*\))?\s+)?(prior to|prior(?!\s+(?!to\b|and\b|or\b)[a-z])|before|preceding|previous(?:ly)?|earlier|ago|after|following|since|"
                        r"post|from|of)\b")
_WIN_CLASS = {"prior to": "before", "prior": "before", "before": "before", "preceding": "before", "previous": "before",
              "previously": "before", "earlier": "before", "ago": "before", "after": "after", "following": "after",
              "since": "since", "post": "after", "from": "from", "of": "of", "during": "during", "for": "for",
              "in the": "in", "within": "within"}


# a cue in the figure's own clause that a bare "within" looks ahead ("death expected within 6 months", "plan to retire
# within two years"); "life expectancy" and "a treatment plan" are no such cue
_AHEAD = re.compile(r"\b(?:plans? to|planned|planning|expect(?:s|ed)?|anticipat\w*|scheduled?|intend\w*|will|going to)\b")


def _names_other_event(after: str) -> bool:
    """Does the anchor a bare "before" counts back from (`after`: its first four words, up to the clause's end or a
    run-on item's capital, "prior to study Completely resected …") name an event other than joining ("surgery", "the
    start of radiotherapy", "initiation of dialysis")? (Text read lower-cased has no capital: "surgically", a word of
    the next item's, is no event word.)"""
    end = _ANCHOR_END.search(after)
    words = (after[: end.start()] if end else after).split()[:4]
    words = words[:next((i for i, w in enumerate(words) if i and w[:1].isupper()), len(words))]
    return _OTHER_EVENT.search(" ".join(words).lower()) is not None


def _win_class(words: str) -> str:
    """The window words before or after a figure as one class: a look back ("within the past", "in last", "over the
    prior") is "within"; "for the past" is "for past", how long something has held, not how recently (review r30 #3);
    "in the next", "within next" is "next"; "during the first" is "first"."""
    said = words.split()
    if len(said) > 1 and said[-1] in ("past", "last", "previous", "preceding", "prior"):
        return "for past" if said[0] == "for" else "within"
    if len(said) > 1 and said[-1] in ("first", "next"):
        return said[-1]
    return _WIN_CLASS.get(words, words)


def _ahead(before: str) -> bool:
    """Does a cue that the window looks ahead ("expected", "plan to") stand in the figure's clause (the text `before`
    it, from its last stop)? The whole clause, not a number of letters or words: a plain rewording of it, longer or
    shorter ("atrial fibrillation (a common type of irregular heartbeat)"), must read the same."""
    return _AHEAD.search(re.split(r"[;.:]", before)[-1]) is not None


def window(prefix: str, after: str, before: str = "") -> str:
    """The time relation around a duration: the words before it ("within the past") and after it ("before"); `before`,
    the text before the figure, is read for a cue that a bare "within" looks ahead."""
    prefix = prefix.rstrip()
    clause = re.split(r"[;.:()]", before or prefix)[-1].rstrip()
    if _ANY_STEADY.search(clause):   # (a steady regimen: "during" is "for" the whole span)
        if _HELD.search(clause):
            prefix = _HELD_FOR.sub("for", prefix)
        elif _STEADY.search(clause):
            prefix = _AS_FOR.sub("for", prefix)
    while True:
        fm = _FILLER.search(prefix)
        if not fm or not prefix:
            break
        prefix = prefix[: fm.start()].rstrip()
    pre = _WIN_BEFORE.search(prefix)
    post = _WIN_AFTER.match(after)
    parts = [_win_class(m.group(1)) for m in (pre, post) if m]
    if post and parts[-1] == "before" and _JOINING.match(after, post.end()) and \
            (pre and parts[0] in ("within", "during", "for", "for past") or not pre and _LOOK_WORD.search(prefix)):
        # (from joining, as "within the past 6 months" says; "for 30 days before study entry" as "for the past")
        return "for past" if pre and parts[0].startswith("for") else "within"
    if parts == ["before"] and post and post.group(1) in ("prior to", "before", "preceding") and \
            not _LOOK_WORD.search(prefix) and not _JOINING.match(after, post.end()) and \
            not _NO_EVENT.match(after, post.end()) and not _JOINING_SAID.match(after, post.end()) and \
            _names_other_event(after[post.end():]):
        return "before/event"   # ("at least 4 weeks before surgery": counts back from surgery, not from joining)
    if pre and pre.group(1) == "within" and \
            (parts[-1] == "after" or parts[1:] in ([], ["of"], ["from"]) and _ahead(before)):
        parts[0] = "next"   # ("within 3 months after randomization": ahead, no look back; review r30 #2)
    return "/".join(parts)
