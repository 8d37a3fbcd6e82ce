"""Grammar repairs after a rewrite: articles, tense and verb agreement with "you".

The second-person rules and lexicon replacements change the words around an article or a
verb ("Patients has" -> "You has", "a anaphylaxis" -> "a severe allergic reaction"); these
rules put the grammar right again. Only grammar words are added or changed, never anything
the fidelity checker guards (numbers, units, comparators, negations).
"""

from __future__ import annotations

import re

from scrapers.illness_words import CANCER_STEM
from server.own_illness import history_stays, names_own_illness

from .verb_forms import OTHER_3P, VERB_3P, article, plural_verb

# Singular things that take "a": "You have had a recent heart attack", "You have a known diagnosis of".
_COUNT_NOUN = (r"(?:heart\s+attack|myocardial\s+infarction|MI|stroke|cerebrovascular\s+accident|CVA|TIA|"
               r"transient\s+isch(?:a)?emic\s+attack|diagnosis|history|episode|seizure(?!\s+(?:foci|activity|threshold))|fracture|transplant|"
               r"organ\s+transplant|pulmonary\s+embolism|deep\s+vein\s+thrombosis|DVT|blood\s+clot(?!s)|hospitali[sz]ation|"
               r"allergy|hypersensitivity|infection|biopsy|pacemaker|stent|(?:positive|abnormal)\s+(?:[\w-]+\s+)?test(?!\s+results?\b)|"
               r"trial\s+of|(?:adverse\s+|allergic\s+|serious\s+)?reaction|expected\s+length\s+of\s+life|(?:allergic\s+)?constitution)\b"
               # (not the first word of a plural's name: "a seizure disorders", "an allergy reactions", review r18 #5;
               # "-ss", "-us", "-is" words are singular: "a stroke status" would be wrong anyway, "a seizure loss" is not)
               r"(?!\s+(?!(?:is|was|has|as|thus|plus|its|this)\b)[a-z-]*[a-hj-rtv-z]s\b)")
# a describing word between "known"/"active" and its noun (by ending, or one of a few): "opportunistic",
# "uncontrolled", "AIDS-defining", "medically important", "or suspected", "drug"
_DESCRIBING = (r"(?:(?:or|and)\s+[a-z-]+|[a-z-]+ly\s+[a-z-]+|(?:drug|food|past|new|other)|"
               r"[A-Za-z-]*(?:al|ic|ous|ive|ed|ent|ant|ary|ible|able|ing|ful|ar|ile))")
# up to four words before a noun that say what kind it is ("chronic cluster headache", "current Axis I mental
# health", "pT1a/b tumor"): no determiner, preposition, joining word, verb or "-ing" word among them, which would
# make the noun another phrase's ("pneumonia at diagnosis", "any history", "cancer requiring diagnosis")
_KIND_WORD = (r"(?!(?:no|not|never|any|a|an|the|had|been|other|another|some|all|each|every|this|that|these|those|"
              r"which|who|whose|your|their|his|her|its|from|of|to|for|with|without|in|on|at|by|or|and|and/or|nor|as|if|"
              r"when|where|after|before|during|since|following|within|upon|per|than|until|while|because|due|is|are|was|"
              r"were|be|has|have|made|(?!smoking\b)\w+ing)\b)[\w/'’-]+\s+")
_KIND_WORDS = rf"(?:{_KIND_WORD}){{1,4}}"
# one person the reader has, named bare after "You have": "Has partner willing to participate in study" read "You have
# partner willing to take part in study" (NCT00000417), "You have caregiver who can take part", "You have family donor
# who is matched …" (13 items, review r35 §8); not a plural, nor a word going on ("donor-specific antibody")
_ONE_PERSON = (r"(?:partner|caregiver|care-?giver|carer|informant|spouse|guardian|family\s+member|donor|parent)"
               r"(?![\w'’-])")
# "history of X" is "have had X" (at any time), except before habits ("history of smoking",
# "history of alcohol abuse"), where "had" reads wrong.
# Nor before a lack of response ("You have had unresponsiveness to sildenafil", 6 items; "failure to respond"): a
# history of it reads, having had it does not.
_HABIT = (r"(?:\w+ing\b|alcohol|drugs?\b|substance|tobacco|non|poor|use\b|being\b|\w+ity\b|any\b|one\b|two\b|more\b|"
          r"at\b|or\b|and\b|(?:complete\s+|partial\s+)?(?:un|ir|non-?)?respons(?:e|es|iveness)\b|refractoriness\b|failure\s+to\b|lack\s+of\b)")
_ADVERB = {"": "", "regular ": "regularly ", "daily ": "daily ", "routine ": "routinely "}
# a time back from now in the item: "No use of any PDE5 inhibitor within 1 month of study entry", "… for at least one year"
_BACK = re.compile(r"\b(?:within|since|past|last|for\s+at\s+least)\b", re.I)
_WINDOW = re.compile(r"\b(?:within|since|past|last|prior to|before|after|during)\b", re.I)
# an operation, and up to three words before it that say which ("cervical spine surgery", "prior hysterectomy"); not a
# verb ("received", "undergone": "You have had received …") nor "any", "a" (_KIND_WORD)
# ending its phrase: not a word naming something else after it ("post prostatectomy erectile dysfunction" is an illness)
_OPERATION = (r"(?:\w+ectomy|surgery|tubal\s+ligation)(?=\s*(?:$|[.;,:()]|(?:and|or|and/or|within|in|before|after|at|on|"
              r"for|of|to|with|since|during|\d)\b))")
_BEFORE_OPERATION = (r"(?:(?!(?:\w+ed|undergone|underwent|done|got|gotten|recovering|recovery|prior|previous|past|recent)\b)"
                     rf"{_KIND_WORD}){{0,3}}")
# an operation not yet done or going on now (planned, during the study)
_NOT_DONE = r"(?![^.;]*\b(?:plann\w*|scheduled|concurrent|current\w*|now|during|ongoing|upcoming|future|need\w*|requir\w*)\b)"
_GRAMMAR = [
    (re.compile(r"^You (must |)have ability to\b"), r"You \1have the ability to"),
    # "Age 18-65 years old" -> "You are 18 to 65 years old" (not "You are aged … years old", said twice; review round 7)
    (re.compile(r"^You are aged (?:from\s+(?=\d)|(?!from\b))(?=[^.;:()]*?\b(?:years?|yrs?)[ -]old\b)"), "You are "),
    (re.compile(r"\b([Yy]ou) are (?:requiring|needing)\b"), r"\1 need"),   # "Subjects requiring dialysis" -> "You need dialysis"
    # "Patients who are experiencing any major illness" -> "You have any major illness", not "You are having …" (the
    # lexicon's "having" for "experiencing" reads as something happening now: "are having surgery")
    (re.compile(r"\b([Yy]ou (?:(?:must|should|may|can|cannot|will)(?: not)? )?)(?:are|be) experiencing\b(?!\s+(?:a|an|your|his|her|his/her|their)\b)"),
     r"\1have"),   # ("You are having your first episode": an event)
    # "Patients with hysterectomy or tubal ligation before informed consent" -> "You have had …", not "You have removal
    # of the womb …" (gloss's words): an operation is something you had (not one planned, nor beside an illness now;
    # the operation first: "undergone surgery", "plans for surgery", "post cholecystectomy leakage" are not this)
    (re.compile(rf"^You have (?={_BEFORE_OPERATION}{_OPERATION}\b){_NOT_DONE}"
                r"(?![^.;]*\b(?:diseases?|disorders?|illness\w*|conditions?|syndromes?|infections?)\b(?!-))"), "You have had "),
    # … and beside an illness now, each with its own verb: "Patients with cervical spine surgery and rheumatological
    # diseases" read "You have cervical spine surgery and rheumatological diseases" (NCT06098365): "You have had
    # cervical spine surgery and have rheumatological diseases" (plain22)
    (re.compile(rf"^You have (?:had )?({_BEFORE_OPERATION}{_OPERATION}) (and|or|and/or) {_NOT_DONE}"
                r"(?!(?:have|has|had|are|is|was|were|be|been)\b)"
                r"(?=(?:[\w'’-]+\s+){0,4}?(?:diseases?|disorders?|illness(?:es)?|conditions?|syndromes?|infections?)\b(?!-)"
                r"\s*[.;,]?\s*$)"), r"You have had \1 \2 have "),
    (re.compile(r"^You have no any\b"), "You have no"),   # "No patients with any known sensitivity to …"
    (re.compile(rf"^You ((?:must |should )?have )(?=(?:{_KIND_WORD}){{0,3}}{_ONE_PERSON})"),
     lambda m: f"You {m.group(1)}{article(m.string[m.end():])} "),
    # "patient has sexual partner and sexually active" (NCT04972890, NCT02845765): "… and are sexually active"
    (re.compile(r"^(You have (?:(?!\b(?:who|that|which)\b)[^.;])*?) and (?=sexually active\b)"), r"\1 and are "),
    # "No myocardial infarction within the past 6 months" -> "You have had no heart attack within …": a time
    # window back from now is something you had, not something you have
    (re.compile(r"^You have no (?!history\b|prior\b|previous\b|recent\b|intention\b|taking part\b|joining\b|being\b|participation\b|enrol\w*|randomi[sz]ation\b)(?=(?![^.;]*\b(?:at the same time|currently|now|concurrent|ongoing|current)\b)"
                r"(?:(?!\s(?:No|Not)\s)[^.;:]){0,100}?\b(?:within|in|during)\s+(?:the\s+)?(?:past|last|previous|prior|preceding)?\s*"
                r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a|an)?\s*(?:-\s*)?"
                r"(?:days?|weeks?|months?|years?|hours?)\b(?!\s+(?:of|after|from)\b))"), "You have had no "),
    # (the window of a run-on PDQ item after it, "… by EKG No prior myocardial infarction within past 6 months", is
    # not this one's)
    # "No renal insufficiency" -> "You do not have poor kidney function", not "You have no poor …"
    (re.compile(r"^You have (had )?no (?=(?:poor|low|weak|bad|impaired|inadequate|reduced|too much|too little)\b)"),
     lambda m: "You have not had " if m.group(1) else "You do not have "),
    # "Signed informed consent form" -> "You have signed an informed consent form" (a form is one thing)
    (re.compile(r"^You have signed (?=(?:(?:written|the study's|study) )?(?:informed )?consent (?:form|document)\b)"),
     lambda m: f"You have signed {article(m.string[m.end():])} "),
    # (not before the trial's own cancer: "History of breast cancer" in a breast-cancer trial is "You have a history
    # of breast cancer", not "You have had breast cancer", which everyone in it has; plain19)
    # (nor before cancer in general in a cancer trial, own_illness.history_stays; plain20)
    (re.compile(rf"^You have (a |)history of\s+(?!{_HABIT})(?!.*\b(?:use of|using|taking|smok|drinking|exposure)\b)"),
     lambda m: "You have a history of " if history_stays(m.string[m.end():]) else "You have had "),
    (re.compile(rf"^You have no history of\s+(?!{_HABIT})(?!.*\b(?:use of|using|taking|smok|drinking|exposure)\b)"),
     lambda m: ("You have no history of " if history_stays(m.string[m.end():])
                else "You have not had " if _WINDOW.search(m.string) else "You have never had ")),
    # "No use of psychotropic substances in the last 3 months" -> "You have not used …", not "You have had no use of …";
    # "No regular use of antacid" -> "You do not regularly use antacid" (16 items)
    (re.compile(r"^You have (?:had )?no (regular |daily |routine |)use of\b"),
     lambda m: (f"You have not {_ADVERB[m.group(1)]}used" if m.group(0).startswith("You have had") or _BACK.search(m.string)
                else f"You do not {_ADVERB[m.group(1)]}use")),
    # "No prior participation in any DHEA study" -> "You have not taken part in …", not "You have had no taking part"
    (re.compile(r"^You have (?:had no|no (?:prior|previous|past)) participation in\b"), "You have not taken part in"),
    # "You have prior X" -> "You have had X" ("prior" is what "have had" says); "no prior X" -> "had no X". Not before a
    # cancer: in a cancer trial "prior malignancy" is another, earlier cancer, and "You have had no cancer" denied the
    # trial's own (review r54 F3: 106 items; everyday._SINCE_PRIOR keeps it for the same reason). "No prior cancer
    # treatment" is a treatment: "You have had no cancer treatment" stays.
    (re.compile(r"^You have (no |)(?:prior|previous)\s+(?!history\b|or\b|and\b|and/or\b|"
                r"(?:other\s+|invasive\s+|primary\s+|second\s+)?" + CANCER_STEM +
                r"(?!\w*\s+(?:treatment|therap|surgery|chemo|drug|medication|regimen)))(?=\w)"),
     lambda m: (f"You have had {m.group(1) or _an_unless_plural(m.string[m.end():])}{m.group(0).split()[-1]} "
                if names_own_illness(m.string[m.end():]) else f"You have had {m.group(1)}")),
    # (the trial's own cancer keeps its word: "Prior breast cancer" in a breast-cancer trial is another, earlier one,
    # "You have had a prior breast cancer"; "You have had breast cancer" is everyone in it; plain19)
    # ... and before one, its word stays: "Previous cancer in the 2 years prior to registration" was "You have past
    # cancer …" (everyday's "past"); "You have had a previous cancer …" (plain18)
    # (not beside a cancer now: "… or concurrent malignancies at other sites", NCT00462423, is not "had")
    (re.compile(r"^You have (no |)(prior|previous)\s+(?=(?:(?:invasive|primary|second)\s+)?" + CANCER_STEM + r")"
                r"(?![^.;]*\b(?:or|and)\s+(?:\w+\s+)?(?:concurrent|concomitant|current|ongoing|active|present|existing)\b)"),
     lambda m: f"You have had {m.group(1) or _an_unless_plural(m.string[m.end():])}{m.group(2)} "),
    # (not before "history": "Recent history of smoking" is "You have a recent history of smoking", not "You have had
    # a recent history of …", said twice; 17 items)
    (re.compile(r"^You have (no |)recent\b(?!,?\s+history\b)"), r"You have had \1recent"),
    # "SARS-CoV-2 infection within 2 weeks prior to study entry" -> "You have had …": a window back from entry is
    # something you had (not after the rules above, nor before a verb's own past form: "You have received …")
    (re.compile(r"^You have (?!no\b|had\b|been\b|not\b|(?:an?\s+)?(?:(?:recent|prior|previous|past)\s+)?history\b|\w+ed\b|taken\b|undergone\b|given\b|"
                r"begun\b|gone\b|done\b)(?=(?![^.;]*\b(?:at the same time|currently|now|concurrent|ongoing|current|"
                r"active|still)\b)(?:(?!,?\s(?:and|or)\s+(?:have|has|are|is|be|must|had)\b)[^.;:()]|\([^()]*\)){0,100}?\bwithin\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+|preceding\s+)?"
                r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(?:-\s*)?(?:days?|weeks?|months?|years?)\s+"
                r"(?:before|prior\s+to)\b)"), "You have had "),
    (re.compile(rf"^You have (?:had|never had|not had) (?={_COUNT_NOUN})"), lambda m: f"{m.group(0)}{article(m.string[m.end():])} "),
    # (with up to two more describing words: "You have a known or suspected allergy", "You have an active
    # opportunistic infection", "You have a known medically important allergy")
    (re.compile(rf"^You have (had |)(known|recent|prior|previous|documented|active|current|significant|severe|acute)\s+"
                rf"(?=(?:{_DESCRIBING}\s+){{0,2}}{_COUNT_NOUN})"),
     lambda m: f"You have {m.group(1)}{article(m.group(2))} {m.group(2)} "),
    (re.compile(rf"^You have (?={_COUNT_NOUN})"), lambda m: f"You have {article(m.string[m.end():])} "),
    # "You have chronic cluster headache diagnosis made …" -> "… a chronic cluster headache diagnosis …", "You have
    # family history of" -> "… a family history of": the words naming the kind of one diagnosis or history
    (re.compile(rf"^You have (had |)(?={_KIND_WORDS}(?:diagnosis|history)\b(?![/-]))"),
     lambda m: f"You have {m.group(1)}{article(m.string[m.end():])} "),
    # the item's own third-person verb after "you": "You have or needs a pacemaker" -> "You have or need …",
    # "You are currently meets" -> "You currently meet"
    (re.compile(r"^You (have|are) (or|and|and/or) (" + "|".join(VERB_3P) + r")\b"),
     lambda m: f"You {m.group(1)} {m.group(2)} {VERB_3P[m.group(3)]}"),
    (re.compile(r"^You (?:are|have) (currently|previously|already|also) (" + "|".join(VERB_3P) + r")\b"),
     lambda m: f"You {m.group(1)} {VERB_3P[m.group(2)]}"),
    # "You have had serious allergic reaction" -> "… a serious allergic reaction"; "You have unstable medical
    # condition" -> "… an unstable medical condition", "You have had penile implant" -> "… a penile implant": one to
    # three describing words (after "never had"/"not had" too), then a singular noun that names one thing: "You have
    # had serious drug allergy", "You have significant underlying medical condition", "You have had thromboembolic
    # event". The noun ends its phrase (not "active peptic ulcer disease"). Not the name of an illness ("bipolar
    # disorder", "seizure disorder", which plain English may replace with "epilepsy"), nor nouns that read right bare
    # ("chemotherapy", "surgery", "heart disease", "heart failure": not listed)
    (re.compile(r"^You have (had |never had |not had |)(?=(?:(?!(?:no|any|a|an|the|had|been|never|not|from|of|to|for|with|"
                r"in|on|at|by|or|and|after|before|during|since|following|within|due|until|this|that|these|those|your|"
                r"their|his|her|its|some|each|every|one|more|least|including|such|like|than|as|"
                r"provided|"   # ("You have relapsed after transplant", "You have provided archival tumor tissue")
                r"recovered|received|undergone|experienced|developed|shown|needed|completed|taken|used|sustained|suffered|"
                r"failed|tolerated|required|attempted|discontinued|stopped|started|signed|given|lost|gained|achieved|"
                r"demonstrated|reported|presented|met|other|another|bipolar|stress|compulsive|depressive|personality|"
                r"seizure|post-traumatic)\b)[a-z-]+\s+"
                # (two place words joined by "or": "You have active oral or dental abscess", NCT01255813; review r18)
                r"(?:or\s+(?<=(?:al|ic)\s(?:or\s))(?=[a-z-]+(?:al|ic)\s))?){1,3}"
                r"(?:reaction|condition|illness|immune\s+system|tumou?r|transplant|implant|disorder|injury|fracture|"
                r"allergy|episode|event|abnormality|procedure|operation|defect|ulcer|abscess|problem|specimen|sample)(?![\w(-])"
                r"(?=\s*(?:$|[,.;:()/]|(?:to|of|or|and|that|which|who|with|in|on|for|from|at|after|before|during|within|"
                r"requiring|needing|including|involving|resulting|causing|affecting|leading|preventing|limiting|"
                r"interfering|such|caused|related|associated|obtained|available|likely|other|considered|judged|deemed|"
                r"diagnosed|treated|documented|confirmed|defined|due|not|is|are|was|were|than|following|because|since|"
                r"unless|except|if|as|by|like)\b)))"),
     lambda m: f"You have {m.group(1)}{article(m.string[m.end():])} "),
]


# "a allergy" -> "an allergy" after a replacement changed the word that follows the article
_A_AN = re.compile(r"(?<![\w-])(a) (?=(?:[aio]|e(?!u)|u(?:l|m|p|n(?!i)))[a-z]{2})(?!one\b|once\b|and\b|or\b|is\b|in\b|if\b|at\b|as\b|of\b|on\b)")


def _an_unless_plural(rest: str) -> str:
    """ "a " before one cancer ("a previous cancer"), nothing before several ("previous cancers", "malignancies")."""
    m = re.match(r"(?:[a-z]+\s+)?(" + CANCER_STEM + r"\w*)", rest, re.I)
    return "" if m and re.search(r"(?:s|ies)$", m.group(1), re.I) else "a "




_YOU_START = re.compile(r"^(?:You|As [^,]{1,20}, you) (?!or\b)")   # "You or your guardian signs": not only you
# "You have X or has had Y": a later verb joined to the first by "and"/"or" still has "you" as its subject
# (the joining word in any case: "… blood thinners AND/OR has an INR > 3")
# (or by a comma alone, for "has"/"is"/"was"/"does": "You are unable to complete training, has cognitive deficits")
_JOINED_3P = re.compile(r"(,?\s+(?i:or|and|and/or)\s+(?:(?:currently|also|still|now|already|previously|not)\s+)?|,\s+(?=(?:has|is|was|does)\b))("
                        + "|".join(sorted(set(VERB_3P) | OTHER_3P, key=len, reverse=True)) + r")\b")
# ... unless a relative or subordinate clause, or another subject, came first ("a tumor that is X or has spread")
_OTHER_SUBJECT = re.compile(r"\b(?:that|which|who|whom|whose|where|when|whether|if|unless|because|while|whereas|although|"
                            r"though|since|as|than|it|its|this|these|those|there|he|she|they|each|neither)\b|:",
                            re.I)
# clause words with no subject of their own, which own no later verb: "… cluster headache if episodic or has
# been …", "… as a result of a concomitant illness or has been treated …"
_NO_SUBJECT = re.compile(r"\b(?:if|when|unless|where)\s+(?:applicable|appropriate|necessary|needed|required|possible|"
                         r"present|episodic|indicated|available|known|any)\b|\bas\s+(?:a\s+result\s+of|well\s+as|part\s+of|"
                         r"per|needed)\b|\bsuch\s+as\b|\bas\s+(?=(?:defined|assessed|determined|measured|documented|"
                         r"evidenced|judged|confirmed|indicated|shown|diagnosed|described|specified|required|outlined|"
                         r"listed)\b)", re.I)


# verbs that are plural nouns too: a verb goes on to its object ("or plans to move", "or uses tobacco")
_NOUN_TOO = frozenset({"plans", "needs", "uses", "results", "reports", "signs", "tests", "works", "lives", "shows",
                       "changes", "visits", "attempts", "cares", "smokes", "drinks", "abuses"})
_NO_OBJECT_AFTER = re.compile(r"\s*(?:$|[,.;:)]|(?:of|for|in|on|or|and|with|that|which)\b)")


def _later_verbs_with_you(text: str) -> str:
    """Later verbs of a "You …" statement in the form "you" takes: "You have active TB or has had TB" ->
    "… or have had TB". Only in the first statement, and only before any clause with a subject of its own."""
    if not _YOU_START.match(text):
        return text
    end = re.search(r"[.;](?:\s|$)", text)
    head, tail = (text[:end.start()], text[end.start():]) if end else (text, "")
    masked = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), head)   # "(3 months)" says nothing of who
    masked = _NO_SUBJECT.sub(lambda b: " " * len(b.group(0)), masked)
    out, pos = [], 0
    for m in _JOINED_3P.finditer(masked):
        if _OTHER_SUBJECT.search(masked, 0, m.start()):
            break
        if m.group(2) in _NOUN_TOO and _NO_OBJECT_AFTER.match(masked, m.end()):
            continue   # "suicidal thoughts or plans": the plural noun, not "or plan"
        out.append(head[pos:m.end(1)] + plural_verb(m.group(2)))
        pos = m.end()
    return "".join(out) + head[pos:] + tail


def tidy_grammar(text: str) -> str:
    """Articles and tense the second-person rules need ("You have recent heart attack" -> "You have had a
    recent heart attack"), and later verbs that agree with "you". Only grammar words are added or changed;
    nothing guarded by the fidelity checker."""
    for rx, repl in _GRAMMAR:
        text = rx.sub(repl, text, count=1)
    return _later_verbs_with_you(text)


# "defined as a ≥ 5 mm wheal" -> "… a at least 5 mm wheal" -> "… an at least 5 mm wheal"
_A_AT = re.compile(r"\b(as|with|of|have|has|had|is|be|and|or|in|for|to|than|by) a (?=at (?:least|most)\b)")


# "who had undergone surgery" -> "You had had surgery": for the reader now, that is "You have had"
# "who had received" -> "You had received": a criterion is about now, "You have received"
# (verbs only: "You had uncontrolled diabetes" is a past state, and stays; one measured against a limit is now: see
# _YOU_HAD below)
_YOU_HAD_HAD = re.compile(r"\b([Yy]ou) had (?=(?:had|been|taken|given|undergone|gone|done|gotten|got|received|"
                          r"participated|signed|used|completed|experienced|failed|progressed|developed|started|"
                          r"stopped|discontinued|achieved|enrolled|consented|prescribed|responded|relapsed|"
                          r"recovered|smoked|tried)\b)")


# "Previous participation in this study" -> "You have had taking part in …", "Current enrollment in a
# trial" -> "You have current joining a trial": the plain words are a verb's ("You have taken part in
# …", "You are currently taking part in a trial", "You have joined", "You have been assigned")
_HAD_DOING = re.compile(r"\b([Yy]ou) have (?:(had )|((?:no )?(?:current|concurrent) |no ))?(taking part|joining|being(?= assigned\b))"
                        r"( (?:in|on|into)\b)?")


_PAST_WINDOW = re.compile(r"\b(?:within|past|last|prior|previous|previously|ago|before|since|for)\b", re.I)
_NOW = re.compile(r"\b(?:at the same time|currently|now|during)\b", re.I)


def _done(m: re.Match) -> str:
    you, now, doing, prep = m.group(1), m.group(3), m.group(4), m.group(5) or ""
    if doing == "being":
        return f"{you} have been"
    if now == "no ":   # "You have no joining another trial at the same time" / "… within 30 days"
        rest = m.string[m.end():].split(".")[0]
        done = _PAST_WINDOW.search(rest) and not _NOW.search(rest)
        return f"{you} {'have not taken' if done else 'are not taking'} part{prep or ' in'}"
    if now:   # "You have no concurrent taking part in …" -> "You are not currently taking part in …"
        return f"{you} are {'not ' if now.startswith('no ') else ''}currently taking part{prep or ' in'}"
    return f"{you} have {'joined' if doing == 'joining' and not prep else 'taken part'}{prep}"


# the item's own words after its "History of X" became "You have had X": "You have had a severe allergic reaction or
# history of other serious side effects" (15 items), "You have had ischemic heart disease and judged to have
# difficulties", "You have a concurrent diagnosis of (or has been treated for) bipolar disorder"
_OR_HISTORY = re.compile(rf"^(You have had [^.;:()]*? or) (?:a )?history of (?!{_HABIT})")
_AND_JUDGED = re.compile(r"^(You have (?:had )?[^.;:()]*? and) (?=(?:judged|considered|deemed|thought)\s+(?:to|by|as|unable|unfit|not)\b)")
_OR_HAS_BEEN = re.compile(r"^(You [^.;:]*?\((?:or|and) )has (?=been\b)")


def you_have_had(text: str) -> str:
    """"You had had" (from "who had undergone", "undergone" -> "had") -> "You have had"; the same for
    "You had been", "You had received" and other past perfects; a doing word after "You have
    had" or "You have current" (see _HAD_DOING); and the item's own verbs after "You have (had)" (_OR_HISTORY …)."""
    if text.startswith("You "):
        text = _OR_HAS_BEEN.sub(r"\1have ", _AND_JUDGED.sub(r"\1 are ", _OR_HISTORY.sub(r"\1 ", text)))
    text = _HAD_DOING.sub(_done, text)
    text = _YOU_HAD_HAD.sub(r"\1 have ", text)
    if "have had " in text:   # "History of current alcohol abuse": not "You have had current …"
        text = _HAD_CURRENT.sub(r"\1 have \2", text)
    if "You had " in text:
        text = _YOU_HAD.sub(_measured_now, text)
    return _HAVE_HAD_AGO.sub(r"\1 had ", text) if "ago" in text else text


# "The subjects had abnormal liver function (ALT and/or AST ≥ 2.5 times the upper limit of normal), …" (NCT06495437),
# "The subject had a BMI less than 20 or greater than 48": a state measured against a limit, at screening, so now: "You
# have abnormal liver function" (was "You had …", review round 8). Not with a time in the statement ("within the last
# 3 years", "during the run-in period", "6 months ago", "prior"), nor a limit on a time ("remission … for less than 1
# year"): those stay in the past.
_YOU_HAD = re.compile(r"(?:^|(?<=[.;:] ))You had (?!(?:had|been|to|not|no|never|ever|previously|already)\b)")
_STATEMENT_END = re.compile(r"[;]|\.(?!\d)")
_LIMIT = re.compile(r"\b(?:abnormal\b|(?:at (?:least|most)|(?:more|less|greater|fewer|higher|lower) than|between)"
                    r"\s*\d(?![\d.,]*\s*(?:years?|months?|weeks?|days?|hours?|minutes?)\b))", re.I)
_A_TIME = re.compile(r"\b(?:within|ago|prior|previous(?:ly)?|before|after|during|since|history|past|last|preceding|"
                     r"recent(?:ly)?|earlier|former(?:ly)?|episodes?|run-in|years?|months?|weeks?|days?)\b", re.I)


def _measured_now(m: re.Match) -> str:
    statement = _STATEMENT_END.split(m.string[m.end():], maxsplit=1)[0]
    return "You have " if _LIMIT.search(statement) and not _A_TIME.search(statement) else m.group(0)


# a history of what is current is current ("active" stays: a history of active hepatitis is a past episode)
_HAD_CURRENT = re.compile(r"\b([Yy]ou) have had (current|ongoing|present|continuing)\b(?! or (?:past|previous|prior)\b)")
# "have had" cannot point back to a time: "You have had a kidney transplant 1 year ago or more" -> "You had …". Not when
# the time is an exception's: "You have had no prior chemo unless more than 5 years ago" (NCT00493870; was "You had no
# prior chemo unless …"), "no other cancer (unless … a cancer diagnosed at least 5 years ago …)" (NCT00460278)
_HAVE_HAD_AGO = re.compile(r"\b([Yy]ou) have had (?=(?:(?!\b(?i:unless|except|excepting|excluding|other than|apart from)\b)"
                           r"[^.;:])*\bago\b)")


# a replacement that names no single thing: "a seizure disorder" -> "epilepsy", not "an epilepsy"
_A_MASS = re.compile(r"(?<![\w-])an? (?=epilepsy\b)")


def fix_a_an(text: str) -> str:
    """"a allergy" -> "an allergy": a replacement can change the word after an article."""
    text = _A_MASS.sub("", text) if "epilepsy" in text else text
    text = _A_AN.sub(lambda m: m.group(1) + "n ", text)
    return _A_AT.sub(r"\1 an ", text) if "a at " in text else text


_SHOUT_LETTERS = re.compile(r"[A-Za-z]")
_CAPS_WORD = re.compile(r"\b[A-Z]{4,}\b")
# a word with a lower-case letter ("less", "Children's", "Anti-HIV"), not one with a digit ("PaO2");
# "to" between figures ("ECOG 0 to 2") is left small
_LOWER_WORD = re.compile(r"(?<![\w'-])(?!(?<=\d )to )(?=[A-Z'-]*[a-z])[A-Za-z][A-Za-z'-]*(?![\w'-])")


def _shouting(text: str) -> bool:
    """Written in capitals: words, not only acronyms ("ASAT/ALAT < 2.5 x UNL", "ECOG/SAKK 0-2")."""
    words = sorted((len(w) for w in _CAPS_WORD.findall(text)), reverse=True)
    if len(words) < 2 or (words[1] < 5 and words[0] < 8):
        return False
    letters = _SHOUT_LETTERS.findall(text)
    return sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def keep_capitals(original: str, text: str) -> str:
    """An item written in capitals keeps them where the rewrite kept some of its words:
    "NORMAL PEDIATRIC VOLUNTEERS:" -> "NORMAL CHILDREN'S VOLUNTEERS:", not "NORMAL Children's
    VOLUNTEERS:". Only lower-case words the original does not have are raised (never a unit it
    wrote, "mm Hg"); glosses in brackets and a leading "You have" stay as they are. A rewrite
    that kept no word in capitals ("HEMATOPOIETIC:" -> "Blood:") is left in sentence case."""
    if not _shouting(original) or not _CAPS_WORD.search(text):
        return text
    kept = set(re.findall(r"[A-Za-z'-]+", original))
    start = re.match(r"You (?:have|are|must|do|will|can)(?: (?:had|been|not|never|no))?\s", text)
    out, depth, i = [], 0, start.end() if start else 0
    out.append(text[:i])
    for part in re.split(r"([()])", text[i:]):
        if part == "(":
            depth += 1
        elif part == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            part = _LOWER_WORD.sub(lambda m: m.group(0) if m.group(0) in kept else m.group(0).upper(), part)
        out.append(part)
    return "".join(out)
