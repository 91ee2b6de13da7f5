"""How many: a count that carries a main point, asked back ("The quake killed at least 75 people" ->
"According to the article, about how many people did the quake kill?").

Only a count of a plural noun that is the subject or the object of a finite verb in one of the article's
main sentences is asked; the question is that clause turned round (subject counts in place, object counts
with the auxiliary or "do" moved before the subject). The wrong options are the same number scaled (a half,
double, three or four times), written the way the article writes its number, never a figure the article
gives for the same thing. A count the article gives as a bound ("at least 75", "more than 100") is asked as
"about how many" with the bare numbers as options, so no wrong option is also true.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from quizkit.analysis import Analysis, Sentence, subtree
from quizkit.generate import importance
from quizkit.generate.common import Candidate, explanation, in_lead, make, norm, sentence_score
from quizkit.generate.said import SAY_VERBS
from quizkit.generate.syntax import (
    SMALL_NUMBERS,
    SUBJECTS,
    clause,
    finite,
    lower_if_common,
    lower_opening,
    render,
    stranded,
    vague,
)

GROUP = "number"
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_BOUND_WORDS = """more fewer less than over under nearly almost about around some roughly approximately at least
    most up to as many estimated an some close"""
BOUND = frozenset(_BOUND_WORDS.split())
"""Words before a count that make it a bound or an estimate ("at least 75", "nearly 2,000")."""
EXACT = frozenset({"only", "just", "all"})
"""Words before a count that leave it exact ("only 14 seats")."""
_UNIT_WORDS = """year month week day hour minute second decade century time percent point degree mile kilometre
    kilometer metre meter foot feet inch pound kilogram kilo ton tonne dollar euro yuan ruble rouble cent
    lap goal run inning round litre liter gallon barrel acre hectare square cubic byte"""
UNITS = frozenset(_UNIT_WORDS.split())
"""Nouns a count measures rather than counts ("20 years", "3 goals"): a duration, a size or a score is the
side of a story, not what happened."""
_YEAR = re.compile(r"^(?:1[6-9]|20)\d\d$")
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "who"})
PATTERNS = ((1.5, 2.0, 3.0), (0.5, 2.0, 3.0), (0.25, 0.5, 2.0), (0.25, 1 / 3, 0.5))
"""Factors for the wrong options of a large count, one pattern for each place the key can take in size
(smallest, second, third, largest), drawn evenly: a key that is always second gives itself away."""
FACTORS = (0.25, 1 / 3, 0.5, 1.5, 2.0, 3.0, 4.0)
SMALL_LIMIT = 12
"""Counts up to this get neighbouring counts as wrong options (two -> three, four, five)."""
TIME_WORDS = frozenset(["today", "yesterday", "tomorrow", "now", "tonight"])
"""A question keeps no "today": the student reads it on another day."""
ANAPHORIC = frozenset(["there", "these", "those", "them", "it", "its", "this", "that", "such"])
"""Words in the counted phrase that point back to text the student has not seen."""


@dataclass(frozen=True, slots=True)
class Count:
    """A count in a sentence: its value, how it is written and the counted noun phrase."""

    sentence: Sentence
    noun: int
    """The counted noun's token ("people")."""
    value: float
    scale: str
    """'' or a scale word written after the number ("million")."""
    words: bool
    """Written in words ("two"), not digits."""
    bound: bool
    """Given as a bound or an estimate ("at least 75")."""
    counted: str
    """The noun phrase without the count ("visiting Japanese students")."""
    written: str
    """The count as the article writes it ("at least 75")."""


def _number(text: str) -> float | None:
    low = text.lower().replace(",", "")
    if low in SMALL_NUMBERS:
        return float(SMALL_NUMBERS.index(low) + 1)
    if low in _TENS:
        return float(_TENS[low])
    if re.fullmatch(r"\d+(?:\.\d+)?", low) and not (low.startswith("0") and len(low) > 1 and "." not in low):
        return float(low)
    return None


MEASURED = frozenset(
    ["long", "old", "high", "wide", "deep", "tall", "thick", "away", "apart", "later", "ago"]
)
"""Words after a counted noun that make the count a measure ("140,000 words long", "five years old")."""


def count_of(s: Sentence, noun: int) -> Count | None:
    """The count of a plural noun ("at least 75 people"), or None when the noun is not counted plainly."""
    toks = s.toks
    t = toks[noun]
    if t.tag not in ("NNS", "NNPS") or t.lemma.lower() in UNITS or t.text.lower() in UNITS:
        return None
    if noun + 1 < len(toks) and toks[noun + 1].text.lower() in MEASURED:
        return None  # "a colossal work, over 140,000 words long": a size, not a count of things
    left = sorted(k for k in subtree(s, noun) if k < noun)
    if not left or left != list(range(left[0], noun)):
        return None
    nums = [k for k in left if toks[k].tag == "CD"]
    if not nums or nums != list(range(nums[0], nums[-1] + 1)):
        return None
    before = [k for k in left if k < nums[0]]
    after = [k for k in left if k > nums[-1]]
    if any(toks[k].pos == "PUNCT" or toks[k].text in ("$", "£", "€", "%") for k in left):
        return None
    det = [k for k in before if toks[k].dep == "det"]
    if det:
        return None  # "the five companies": a count the article has given before, not news here
    if any(toks[k].dep in ("conj", "cc") for k in s.kids[noun]):
        return None  # "14 supporters and friends of …": two groups under one count
    if any(toks[k].text.lower() in ANAPHORIC for k in subtree(s, noun)):
        return None  # "four teams from there"
    bounds = [k for k in before if toks[k].text.lower() not in EXACT]
    if any(toks[k].text.lower() not in BOUND for k in bounds):
        return None
    if any(toks[k].tag == "CD" or toks[k].dep in ("poss", "det") for k in after):
        return None
    number = [toks[k].text for k in nums]
    scale = ""
    if len(number) == 2 and number[1].lower() in SCALES:
        scale = number[1].lower()
        number = number[:1]
    if len(number) != 1 or _YEAR.match(number[0]):
        return None
    value = _number(number[0])
    if value is None or value < 2:
        return None
    counted = lower_opening(render(toks, [*after, noun]), s)
    if not counted or t.lemma.lower() in ("other", "more"):
        return None
    written = render(toks, [k for k in before if k not in det] + nums)
    return Count(
        s, noun, value, scale, number[0].isalpha(), bool(bounds), counted, lower_if_common(written, s)
    )


def _intro(s: Sentence, idxs: list[int], first: int) -> list[int] | None:
    """The clause's tokens before ``first`` must be an opening phrase set off by a comma ("On Monday,"),
    which the question leaves out; None when something else stands there."""
    head = [k for k in idxs if k < first]
    if not head:
        return []
    if s.toks[head[-1]].text != ",":
        return None
    return head


def _tail(s: Sentence, idxs: list[int], start: int, verb: int) -> list[int]:
    """The clause's tokens from ``start`` on, up to the first comma, dash or semicolon (what follows is a
    side detail: "…, which they cited as evidence…") and without a conjoined second predicate ("… and many
    more were missing")."""
    second = {x for k in s.kids[verb] if s.toks[k].dep in ("conj", "cc") for x in subtree(s, k)}
    second |= {x for k in idxs if k > verb and s.toks[k].dep in ("advcl", "relcl") for x in subtree(s, k)}
    out: list[int] = []
    for k in idxs:
        if k < start or k in second:
            continue
        if s.toks[k].text in (",", ";", "—", "–", ":", "(") and out:
            break
        out.append(k)
    while out and s.toks[out[-1]].pos == "PUNCT":
        out.pop()
    return out


DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}


def question_text(c: Count) -> str | None:
    """The clause asked as a how-many question (without the frame), or None when it does not turn round."""
    s, toks = c.sentence, c.sentence.toks
    noun = toks[c.noun]
    verb = noun.head
    if noun.dep == "dobj" and toks[verb].tag == "VBG" and toks[verb].dep == "advcl":
        return _toll_text(c, verb)
    if toks[verb].pos not in ("VERB", "AUX") or not finite(s, verb) or verb == c.noun:
        return None
    if toks[verb].dep not in ("ROOT", "ccomp") and not (
        toks[verb].dep == "conj" and toks[toks[verb].head].dep == "ROOT"
    ):
        return None  # "…since 1973, when heavy rain killed more than 150 people": a side clause's count
    idxs = list(clause(s, verb, {c.noun}).idxs)  # without side clauses or the attribution
    np = sorted(subtree(s, c.noun))
    np_set = set(np)
    # what is counted: "three games available exclusively on the service", up to a comma ("18 criminal charges
    # in the US, including …": the rest is a side detail)
    right: list[int] = []
    for k in np:
        if k > c.noun:
            if toks[k].pos == "PUNCT":
                break
            right.append(k)
    listed = any(toks[k].dep in ("conj", "cc", "appos") for k in np if k > c.noun)
    # "About 8 ripe pears, a fresh lemon, …, ground cloves": the verb is the whole list's, not the pears'
    if listed and noun.dep in ("nsubj", "nsubjpass"):
        return None
    if listed:
        right = []  # "species of plants, animals and microbes": no part of a list
    if len(right) > 8 or vague(s, right) or stranded(s, right):
        return None
    counted = " ".join(x for x in (c.counted, render(toks, right)) if x)
    if noun.dep in ("nsubj", "nsubjpass"):
        if _intro(s, idxs, np[0]) is None:
            return None
        rest = [k for k in _tail(s, idxs, np[-1] + 1, verb) if k not in np_set]
        if not rest or vague(s, rest) or stranded(s, rest):
            return None
        return f"how many {counted} {render(toks, rest)}"
    if noun.dep != "dobj":
        return None
    subj_span = _named_subject(s, verb)
    if subj_span is None or _intro(s, idxs, subj_span[0]) is None:
        return None
    between = [k for k in idxs if subj_span[-1] < k < verb]
    auxes = [k for k in between if toks[k].dep in ("aux", "auxpass")]
    if len(auxes) != len(between) or any(toks[k].dep == "neg" for k in s.kids[verb]):
        return None  # "the quake also killed", "did not kill": not asked
    rest = [k for k in _tail(s, idxs, verb + 1, verb) if k not in np_set]
    subject = lower_opening(render(toks, subj_span), s)
    if auxes:
        front = toks[auxes[0]].text.lower()
        middle = render(toks, [*auxes[1:], verb, *rest])
    else:
        front = DO.get(toks[verb].tag, "")
        if not front:
            return None
        middle = " ".join(x for x in (toks[verb].lemma, render(toks, rest)) if x)
    if vague(s, rest) or stranded(s, rest) or any(toks[k].text.lower() in TIME_WORDS for k in rest):
        return None
    return f"how many {counted} {front} {subject} {middle}"


TOLL_VERBS = frozenset({"kill", "injure", "wound"})
"""Verbs of a toll given as a participle after the main clause: "The quake struck Padang, killing 75 people"."""


def _named_subject(s: Sentence, verb: int) -> list[int] | None:
    """The active subject before ``verb`` as one stretch of at most 8 words, not a pronoun or a reference
    back ("the move"); None otherwise."""
    toks = s.toks
    subj = next((k for k in s.kids[verb] if toks[k].dep in SUBJECTS), None)
    if subj is None or subj > verb or toks[subj].dep != "nsubj":
        return None
    span = sorted(subtree(s, subj))
    if span != list(range(span[0], span[-1] + 1)) or len(span) > 8:
        return None
    if toks[subj].text.lower() in PRONOUNS or vague(s, span):
        return None
    return span


def _toll_text(c: Count, verb: int) -> str | None:
    """ "The quake struck the city on Wednesday, killing at least 75 people" → "how many people did the quake
    kill": the toll that a participle adds to the main clause's event, asked of the main clause's subject
    (past tense only; not a pronoun, not a long subject)."""
    s, toks = c.sentence, c.sentence.toks
    head = toks[verb].head
    if toks[verb].lemma.lower() not in TOLL_VERBS or toks[head].dep != "ROOT" or toks[head].tag != "VBD":
        return None
    if head > verb or any(toks[k].dep == "neg" for k in s.kids[head]):
        return None
    span = _named_subject(s, head)
    if span is None:
        return None
    return f"how many {c.counted} did {lower_opening(render(toks, span), s)} {toks[verb].lemma.lower()}"


def _sig(value: float) -> int:
    digits = re.sub(r"\D", "", f"{value:.6g}").lstrip("0").rstrip("0")
    return max(1, len(digits))


def _round(value: float, sig: int) -> float:
    if value <= 0:
        return value
    return round(value, sig - 1 - math.floor(math.log10(value)))


def written(c: Count, value: float) -> str:
    """``value`` written like the article's count ("two", "5,087", "1.5 million")."""
    if c.words and value.is_integer() and 1 <= value <= len(SMALL_NUMBERS):
        text = SMALL_NUMBERS[int(value) - 1]
    elif value.is_integer():
        plain = c.value >= 1_000 and "," not in c.written  # the article writes "5087": so do the options
        text = str(int(value)) if plain and value < 10_000 else f"{int(value):,}"
    else:
        text = f"{value:g}"
    return f"{text} {c.scale}" if c.scale else text


def wrong_values(c: Count, others: set[float], rng: random.Random) -> list[float] | None:
    """Three other values of the key's size and form, none of them a figure the article gives for the same
    noun; None when there are not three."""
    v = c.value
    if not c.scale and v <= SMALL_LIMIT and v.is_integer():
        below = [x for x in (v - 1, v - 2, v - 3) if x >= 1 and x not in others]
        above = [x for x in (v + 1, v + 2, v + 3) if x not in others]
        places = [k for k in range(4) if k <= len(below) and 3 - k <= len(above)]
        if not places:
            return None
        k = rng.choice(places)  # the key's place in size, drawn evenly among those its value allows
        return sorted(below[:k] + above[: 3 - k])
    sig = _sig(v)
    low = 1 if c.scale or not v.is_integer() else 2

    def scaled(f: float) -> float:
        x = v * f
        if not (x.is_integer() and v.is_integer()) and not (c.scale and round(x, 2) == x):
            x = _round(x, sig)
        return float(round(x)) if not c.scale and v.is_integer() else x

    usable = {f: scaled(f) for f in FACTORS}
    usable = {f: x for f, x in usable.items() if x != v and x not in others and x >= low}
    for pattern in sorted(PATTERNS, key=lambda _: rng.random()):
        out = [usable[f] for f in pattern if f in usable]
        if len(set(out)) == 3:
            return out
    spare = sorted(set(usable.values()))  # the article gives one of the usual scalings for the same thing
    return sorted(rng.sample(spare, 3)) if len(spare) >= 3 else None


def _same_noun_values(analysis: Analysis, c: Count) -> set[float]:
    """Other figures the article gives for the same noun ("80 homes had been damaged"): never a wrong option."""
    lemma = c.sentence.toks[c.noun].lemma.lower()
    out: set[float] = set()
    for s in analysis.sentences:
        for k, t in enumerate(s.toks):
            if t.lemma.lower() == lemma and (k, s.index) != (c.noun, c.sentence.index):
                other = count_of(s, k)
                if other is not None:
                    out.add(other.value)
    return out - {c.value}


def counts(s: Sentence) -> list[Count]:
    """The plain counts of a sentence's subjects and objects (none in a quotation or a question)."""
    if s.text.lstrip()[:1] in "\"“'‘" or s.text.rstrip().endswith("?"):
        return []
    out = []
    for k, t in enumerate(s.toks):
        if t.dep in (*SUBJECTS, "dobj") and t.tag in ("NNS", "NNPS"):
            if t.dep == "nsubj" and s.toks[t.head].lemma.lower() in SAY_VERBS:
                continue  # "Two people briefed on the talks said …": how many sources spoke is not the news
            c = count_of(s, k)
            if c is not None:
                out.append(c)
    return out


EXACT_TAG = "exact-count"
"""A count the article gives exactly ("stopped 27 shots", "46 road intersections"), not as a bound or an
estimate, below the lead: asked for only. On the dev and fresh pages reviewers accepted 3 of 19 such
how-many questions (box scores, packaging, a side tally), 3 of 5 exact counts in the lead ("how many
federal prison officers were charged"), and 11 of 19 counts given as "at least …", "more than …",
"about …" — the toll, the crowd, the scale a story reports."""


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    """One how-many question per count in one of the article's top sentences (``importance.TOP_SHARE``) that
    turns round cleanly. Dev reviewers accepted every asked count from the top sentences (7 of 7) and none
    from further down (a side count: "how many uranium mining projects does Kazakhstan have?")."""
    main = importance.main_points(importance.sentence_importance(analysis), importance.TOP_SHARE)
    title = norm(analysis.article.title)
    # the teacher's seed, then the count itself, decide the key's place among the options
    salt = rng.getrandbits(32)
    for s in analysis.sentences:
        if s.index not in main or s.block_kind == "summary":
            continue
        for c in counts(s):
            body = question_text(c)
            if body is None:
                continue
            if norm(c.written.split()[-1]) in title.split():
                continue  # the headline gives the figure away
            others = _same_noun_values(analysis, c)
            # one draw per count: every article's first count drawn from one fresh generator had made the key
            # the largest option in every quiz (reviewer cz, sixth fresh set)
            wrong = wrong_values(c, others, random.Random(f"{salt}:{s.text}:{c.written}"))
            if wrong is None:
                continue
            values = sorted([c.value, *wrong])
            options = tuple(written(c, v) for v in values)
            key = written(c, c.value)
            if len(set(options)) != len(options):
                continue
            about = "about " if c.bound else ""
            prompt = f"According to the article, {about}{body}?"
            extra = f'The article gives "{c.written}".' if c.bound else ""
            q = make(
                "multiple_choice",
                prompt,
                key,
                s,
                analysis,
                choices=options,
                target=f"{key} {c.counted}",
                similar=0.5,
                tags=("how many", "number") if c.bound or in_lead(s) else ("how many", "number", EXACT_TAG),
                explain=explanation(s, extra),
            )
            yield Candidate(q, sentence_score(s) + 0.2, s.index, f"{key} {c.counted}", GROUP)
