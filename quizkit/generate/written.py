"""Short written answers on the main points: "According to the article, what has Mr Obama pushed for?"

A main sentence (the article's top half, ``SHARE``) whose main verb is stated as fact, or whose named
source reports a clause ("…, officials said", asked "according to" the source), and whose subject the stem
can name gives one question about what completes the verb: its object ("what did President Bill Clinton
impose in 1997?"), a preposition the verb takes ("what has Mr Obama pushed for?"),
what a finding or warning says ("what did the report conclude?"), or what the subject set out to do ("what
did Kazakhstan agree to do?"); never half of it ("what did the bank leave?" for "left its rates
unchanged"). A cause or purpose the sentence states after its verb is asked with "why" ("According to the
article, why does Syria need a political solution?" → "To defeat the Islamic State group."). The
student writes the answer; the key is the article's phrase as a clean point, marked by the teacher with
the suggestion the grader gives. Reviewers' own main-point questions are of this shape; the multiple-choice
forms of them need three wrong answers of the same kind that most articles do not have.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from quizkit.analysis import PRONOUN_STARTS, Analysis, Sentence
from quizkit.check.text import content_words
from quizkit.generate import actions, importance, statements, syntax
from quizkit.generate.common import Candidate, leaks, make, sentence_score

GROUP = "written"
MAX_SUBJECT = 8
MIN_ANSWER, MAX_ANSWER = 2, 18
MODALS = frozenset({"will", "would", "should", "could", "can", "may", "might", "must"})
_FINDING_WORDS = """find conclude suggest show warn estimate predict argue believe expect announce reveal
    recommend acknowledge admit decide agree confirm insist fear hope claim project"""
FINDING = frozenset(_FINDING_WORDS.split())
"""Verbs whose clause is the point ("the report concluded that…"): asked as "what did the report conclude?"."""
_INTENT_WORDS = """agree decide plan want try seek aim hope vow promise pledge threaten refuse intend need fail
    choose offer"""
ANNOUNCING = frozenset({"announce", "acknowledge", "claim", "reveal", "recommend", "admit", "confirm"})
"""Finding verbs whose object is itself the point ("NASA announced the selection of …", "the Taliban claimed
responsibility for …"); "found a man slumped …" or "showed the officers asleep" needs what follows."""
INTENT = frozenset(_INTENT_WORDS.split())
"""Verbs with a "to" clause that is what the subject set out to do ("agreed to join …")."""
_EMPTY_WORDS = """include mean take make see become put place set keep leave send give bring turn continue cost
    call name dub label term deem consider brand seem appear look sound feel remain stay prove bear experience
    undergo witness"""
_JUDGING_WORDS = """face hail praise welcome criticize criticise condemn pillory slam blast applaud laud denounce
    decry"""
NO_OBJECT_VERBS = actions.LIGHT | actions.SPEECH | frozenset(_EMPTY_WORDS.split() + _JUDGING_WORDS.split())
"""Verbs whose object says little alone ("has a long way", "makes it", "continued to program"), needs a
place or state after it ("put Sawyer in charge", "left rates unchanged"; "called the decision a landmark
judgment"), links a subject to a description ("what may classic rock seem?"), or is a judgment with many right
answers ("what has Mr Obama faced?" → "criticism", "what did Obama hail?" → "signs of hope": dev reviewers
called them vague): the sentence gives no question."""
BAD_SUBJECT_DEPS = frozenset({"relcl", "acl", "appos", "advcl"})


@dataclass(frozen=True, slots=True)
class Asked:
    """A question about one sentence and the phrase that answers it."""

    sentence: Sentence
    prompt: str
    answer: str
    subject: str
    why: bool = False
    """Asks for a stated cause or purpose ("why did …?"), which a quiz prefers to what completes the verb."""
    head: int = -1
    """The verb asked about (the main verb, or the verb of a reported clause); -1 for the main verb."""


def _subject(s: Sentence, root: int, analysis: Analysis) -> tuple[int, str] | None:
    """The verb's subject as the stem prints it: a short noun phrase with no clause, no pronoun and no
    demonstrative ("the central bank", "Indonesia", "Noel and Thomas", "Kazakhstan's growth model"); an
    appositive or a "who" clause set off by a comma is left out ("Assange, who denies the accusation")."""
    subj = [k for k in s.kids[root] if s.toks[k].dep in ("nsubj", "nsubjpass")]
    if len(subj) != 1:
        return None
    span = sorted(syntax.subtree(s, subj[0]))
    comma = next((k for k in span if k > subj[0] and s.toks[k].text == ","), None)
    if comma is not None and any(
        s.toks[k].dep in ("appos", "relcl") and s.toks[k].head == subj[0] and k > comma for k in span
    ):
        span = [k for k in span if k < comma]
    toks = [s.toks[k] for k in span]
    if span != list(range(span[0], span[-1] + 1)) or len(toks) > MAX_SUBJECT:
        return None
    if any(t.dep in BAD_SUBJECT_DEPS for t in toks):
        return None  # an actor with a clause: the stem would be long or ambiguous
    hyphen = [t for t in toks if t.pos == "PUNCT" and not (t.text == "-" and not t.ws)]
    if hyphen or any(t.pos in ("PRON", "VERB", "AUX") or t.text in actions.QUOTES for t in toks):
        return None
    if toks[0].text.lower() in QUANTIFIERS or any(t.text.lower() == "than" for t in toks):
        return None  # "fewer than 400,000 people", "many residents": a count, not an actor
    if toks[0].pos == "DET" and toks[0].text.lower() not in ("the", "a", "an"):
        return None  # "this move", "such a step", "some…"
    if toks[0].text in PRONOUN_STARTS or any(
        t.text.lower() in actions.VAGUE and not t.text.isupper() for t in toks
    ):
        return None
    if s.toks[subj[0]].pos not in ("NOUN", "PROPN"):
        return None
    words = syntax.render(s.toks, span)
    named = [m for m in s.mentions if m.kind == "person" and m.i == span[0] and m.j == span[-1] + 1]
    if named and len(span) == 1:  # "Sarah" → "Sarah Gille": the student may have met her under either
        full = actions.full_name(named[0], analysis)
        words = full if full.split()[0] == words and len(full.split()) <= 3 else words
    common = len(toks) == 2 and toks[0].text.lower() == "the" and toks[1].pos == "NOUN"
    if common and not actions.named_in_opening(toks[1].text, analysis, s.index):
        return None  # "the region", "the company": points back to a sentence the student may not tie it to
    return subj[0], syntax.lower_opening(words, s)


def _do_support(s: Sentence, root: int) -> tuple[str, str] | None:
    """(auxiliary before the subject, verb words after it): "did" + "impose" for "imposed"; "has" + "pushed"
    for "has pushed"; "are" + "linked" for "are linked"; "will" + "announce"; None when negated."""
    t = s.toks[root]
    aux = [k for k in s.kids[root] if s.toks[k].dep in ("aux", "auxpass") and k < root]
    if any(s.toks[k].dep == "neg" for k in s.kids[root]):
        return None
    subj = syntax.subject_of(s, root)
    if subj is not None and any(k < subj for k in aux):
        return None  # "rescuers have since dynamited … and services have been restored": a misparse that
        # hangs the first clause's auxiliary on the second verb
    if not aux:
        got = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(t.tag)
        return (got, t.lemma.lower()) if got else None
    words = [s.toks[k].text.lower() for k in aux]
    if any("'" in w or "’" in w for w in words) or words[0] in ("to",):
        return None
    if words[0] not in MODALS | {"has", "have", "had", "is", "are", "was", "were"}:
        return None
    rest = " ".join([*words[1:], t.text.lower()])
    return words[0], rest


_QUANTIFIER_WORDS = "fewer more less many most some several few all both each every no any"
QUANTIFIERS = frozenset(_QUANTIFIER_WORDS.split())
SIDE_PREPS = actions.SIDE_PREPS | {"throughout", "amid", "following", "including", "according"}
"""A phrase after the asked one under these is a circumstance ("throughout his presidency"), not a part."""
BREAKS = frozenset({",", "(", "[", ";", ":", "—", "–"})


def _tail(s: Sentence, k: int) -> list[int] | None:
    """The subtree of ``k`` up to the first comma, dash or parenthesis (never at an "and": "the crisis of the
    dieback disease and the increase in strandings" is one point); None when that cut leaves a list half
    asked ("SpaceX, Blue Origin and …")."""
    span = sorted(syntax.subtree(s, k))
    if span != list(range(span[0], span[-1] + 1)):
        return None
    cut = next((x for x in span if x > k and s.toks[x].text in BREAKS), None)
    if any(s.toks[x].dep == "amod" and s.toks[x].head == k and x > k for x in span):
        return None  # "left its rates unchanged": the adjective after the noun is the point
    if cut is None:
        return span
    kept = [x for x in span if x < cut]
    if any(
        s.toks[y].dep in ("conj", "cc") and s.toks[y].head in kept and s.toks[y].pos != "VERB" for y in span
    ):
        return None  # "SpaceX, Blue Origin and …": not the first item of a list
    return kept


POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
PASSIVE_PREPS = frozenset({"to", "with", "on", "by", "as", "from", "of"})
"""Prepositions a passive verb asks with ("charged with", "linked to", "based on"); "governed for" (a
duration), "killed in" (a place) or "thrown into" (an image: "… chaos") is no question."""
COMPLEMENTS = frozenset({"dobj", "dative", "oprd", "ccomp", "xcomp", "acomp", "attr"})
_PREP_VERB_PAIRS = """depend:on rely:on focus:on insist:on agree:on call:for push:for press:for wait:for pay:for
    account:for apply:for search:for look:for vote:for lead:to contribute:to point:to respond:to refer:to
    belong:to result:in invest:in engage:in participate:in join:in consist:of accuse:of warn:of
    dispose:of approve:of benefit:from suffer:from emerge:from withdraw:from recover:from deal:with
    cooperate:with compete:with negotiate:with side:with comply:with struggle:with"""
PREP_VERBS = frozenset(_PREP_VERB_PAIRS.split())
"""Verbs whose preposition belongs to them ("depends on", "pushed for"): "what does X depend on?" asks for
the point; "what did the economy expand at?" (a verb that merely takes a phrase) is no question."""


_LIGHT_PAIR_WORDS = """pay:visit pay:tribute pay:attention pay:homage pay:respect pay:price take:step take:part
    take:place take:action take:look take:care make:decision make:progress make:visit make:way give:speech
    give:warning hold:talk hold:meeting"""
LIGHT_PAIRS = frozenset(_LIGHT_PAIR_WORDS.split())
"""Verb and object that say one act together ("paid a visit", "took part"): asking for the object asks
for the verb."""


IDIOM_ENDS = re.compile(r"^(?:the )?(?:ground[ -]up|scratch|the get-go|the outset)$", re.I)
"""Objects of a preposition that make an idiom with it ("from the ground up", "from scratch")."""


def _answer(s: Sentence, span: list[int] | None) -> str | None:
    """The phrase as a clean point: 2-18 words, no pronoun or demonstrative it needs the sentence for, not
    a count (a "how many" question asks that better), not ending on a word the cut left hanging."""
    if not span:
        return None
    text = syntax.strip_end(syntax.render(s.toks, span))
    words = text.split()
    if not MIN_ANSWER <= len(words) <= MAX_ANSWER or syntax.broken(text):
        return None
    first = words[0].lower()
    marked = [x for x in span if not (x == span[0] and s.toks[x].dep == "mark")]
    if any(_vague(s, x) for x in marked):
        return None  # "suggest that he barely knows …": the answer needs the sentence before
    if syntax.vague(s, span) or any(q in text for q in actions.QUOTES):
        return None
    if first in POSSESSIVES and len(words) <= 3:
        return None  # "its spot", "its shares": the point is elsewhere
    if s.toks[span[0]].pos == "NUM" or s.toks[span[0]].text.lower() in ("at", "more", "less", "about"):
        return None
    if _a_figure(s, span) or SCORE.search(text):
        return None  # "a maximum of 44 dBa", "Botic van de Zanschulp 6-2": a figure is asked with "how many"
    if s.toks[span[-1]].pos in actions.BAD_ENDS or s.toks[span[-1]].pos in ("VERB", "AUX", "ADV", "PART"):
        return None  # "halibut back", "… as well": a word the cut left hanging
    if statements.cut_before_verb(s, tuple(span)):
        return None  # "a group of cells called group 2" before "innate", which the parser took for a verb
    if " between " in f" {text.lower()} " and not re.search(r"\b(?:and|&)\b", text):
        return None  # "a possible link between … dieback" without its ", and …": half of a pair
    if IDIOM_ENDS.search(text) or re.match(r"(?i)the way\b", text):
        return None  # "redesigned from the ground up", "paved the way for …": the point is elsewhere
    if sum(1 for x in span if s.toks[x].pos in CONTENT) < 2:
        return None  # "the certification", "the warden": which one, the question does not say
    return text


SCORE = re.compile(r"\b\d+-\d+\b")
"""A result ("6-2", "3-1"): the answer is a score."""
YEAR = re.compile(r"(?:1[89]|20)\d\d")
FIGURE_HEADS = frozenset(
    {"maximum", "minimum", "average", "total", "rate", "number", "peak", "dozen", "percent"}
)


def _a_figure(s: Sentence, span: list[int]) -> bool:
    """The phrase is a quantity: its head is counted ("all previous 15 meetings", "three dozen immigrants")
    or is a measure of a figure ("a maximum of 44 dBa", "an average of 86.6 frames per second"); a year
    ("its 2023 outlook") or a rate with no figure ("interest rates") is none."""
    inside = set(span)
    dates = [(m.i, m.j) for m in s.mentions if m.kind in actions.DATE_KINDS]
    figures = {
        k
        for k in span
        if s.toks[k].tag == "CD"
        and not any(i <= k < j for i, j in dates)
        and not YEAR.fullmatch(s.toks[k].text)
    }
    heads = [k for k in span if s.toks[k].head not in inside or s.toks[k].head == k]
    return bool(figures) and any(
        s.toks[h].lemma.lower() in FIGURE_HEADS
        or any(s.toks[k].dep in ("nummod", "quantmod") and k in figures for k in s.kids[h])
        for h in heads
    )


def _headline_says(
    analysis: Analysis, lemma: str, s: Sentence, span: list[int] | None, subj: int = -1
) -> bool:
    """The headline states the verb and the answer's head word ("Sweden drops Assange rape investigation"
    over "what have prosecutors in Sweden dropped?") or the verb and its subject ("2020 Audi e-tron Sportback
    revealed …" over "what has Audi revealed?"): the student reads the answer there."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", analysis.article.title)]
    inside = set(span or ())
    heads = [k for k in inside if s.toks[k].head not in inside or s.toks[k].head == k]
    verb = any(
        w == lemma or (len(lemma) > 3 and w.startswith(lemma) and len(w) - len(lemma) <= 3) for w in words
    )
    named = [s.toks[k].lemma.lower() for k in ([subj] if subj >= 0 else [])]
    if len(heads) == 1:
        named.append(s.toks[heads[0]].lemma.lower())
    return verb and any(w == head or w.rstrip("s") == head for head in named for w in words)


def in_title(answer: str, title: str, share: float = 0.8, least: int = 2) -> bool:
    """Nearly every content word of the answer (at least ``least``, ``share`` of them) stands in the
    headline."""
    said = set(content_words(title))
    words = content_words(answer)
    found = sum(w in said for w in words)
    return len(words) >= 2 and found >= least and found >= share * len(words)


WRITTEN_IN_TITLE = 0.55
"""A written key more than half of whose words the headline holds ("Release a new 13-inch MacBook Pro with
a scissor switch keyboard …" under "13-Inch MacBook Pro With Scissor Keyboard Expected …"), three words at
least ("its own air quality monitor" under "… the city's poor air quality" is no give-away): the student
copies it from there (a fresh reviewer)."""


def _vague(s: Sentence, k: int) -> bool:
    """A word that points back ("it", "the move", "such"); "a strategic move" is no reference."""
    low = s.toks[k].text.lower()
    if low == "move":
        return k > 0 and s.toks[k - 1].text.lower() in ("the", "this", "that")
    return low in actions.VAGUE


def _side(s: Sentence, k: int) -> bool:
    """A root child after the asked phrase that does not complete the verb: a side preposition ("despite",
    "after"), a date or place phrase, an adverb, punctuation or a second clause."""
    t = s.toks[k]
    if t.dep == "cc":  # "ceded power and introduced democracy": a second predicate; else a list
        return any(s.toks[x].dep == "conj" and s.toks[x].pos in ("VERB", "AUX") for x in s.kids[t.head])
    if t.dep in COMPLEMENTS or (t.dep == "conj" and t.pos not in ("VERB", "AUX")):
        return False  # "to put the first woman, and the next man, …": a list the parse hung on the verb
    if t.dep == "prep":
        if t.text.lower() in SIDE_PREPS:
            return True
        inside = sorted(syntax.subtree(s, k))
        return any(
            m.kind in ("year", "date", "city", "place", "country")
            and inside[0] <= m.i
            and m.j <= inside[-1] + 1
            for m in s.mentions
        )
    return True


def _statement_root(s: Sentence) -> int | None:
    """The one main verb of a sentence the article states itself (not a quotation, a question or a sentence
    that points back); None otherwise."""
    if s.unresolved or s.text.lstrip()[:1] in actions.QUOTES or s.text.rstrip().endswith("?"):
        return None
    roots = [k for k, t in enumerate(s.toks) if t.dep == "ROOT"]
    return roots[0] if len(roots) == 1 else None


def ask(s: Sentence, analysis: Analysis) -> Asked | None:
    """One written question about the sentence's main verb, or None when it gives no clean one."""
    root = _statement_root(s)
    if root is None:
        return None
    if any(s.toks[k].dep == "mark" for k in s.kids[root]):
        return None  # "If Evidence Action Beta fails to …": a condition, not something that happened
    return _complete(s, root, analysis, "According to the article")


REPORTING = actions.SPEECH - {"ask", "quote", "describe", "comment", "reply"}
"""Verbs whose clause is what someone reported ("officials said the government plans to …"); a question,
a description or a quotation is no statement of their own."""


def ask_reported(s: Sentence, analysis: Analysis) -> Asked | None:
    """One written question about what a named source reported, asked "according to" that source: "After
    nearly 20 years of hostile relations, the American government plans to reverse its position on Sudan
    and lift trade sanctions, Obama administration officials said" gives "According to Obama administration
    officials, what does the American government plan to do?". The claim is the source's, so the stem says
    whose it is; a direct quotation is left to "who said it"."""
    root = _statement_root(s)
    if root is None or s.toks[root].lemma.lower() not in REPORTING or not syntax.asserted(s, root):
        return None
    if any(s.toks[k].dep in ("neg", "mark") for k in s.kids[root]):
        return None
    inner = [
        k for k in s.kids[root] if s.toks[k].dep == "ccomp" or (s.toks[k].dep == "advcl" and k < root)
    ]  # the parser takes a report put first ("…, officials said") for an adverbial clause
    if len(inner) != 1 or any(t.text in actions.QUOTES for t in s.toks):
        return None
    h = inner[0]
    marks = [s.toks[k].text.lower() for k in s.kids[h] if s.toks[k].dep == "mark"]
    allowed = ([], ["that"]) if s.toks[h].dep == "ccomp" else ([],)
    if marks not in allowed or any(s.toks[k].tag in syntax.RELATIVE_TAGS for k in s.kids[h]):
        return None  # "said whether …", "said what …", "As …, he said": no statement
    teller = _teller(s, root, analysis)
    if teller is None:
        return None
    if any(s.toks[k].dep in ("auxpass", "nsubjpass") for k in s.kids[h]):
        return None  # "officials said multiple people were transported to hospitals by …": what was done to
        # someone, with the manner and place run into the answer
    return _complete(s, h, analysis, f"According to {teller}", reported=True)


def _complete(s: Sentence, root: int, analysis: Analysis, frame: str, reported: bool = False) -> Asked | None:
    """The question about what completes the verb at ``root`` (the sentence's main verb, or the verb of
    what a source reported), asked after ``frame``."""
    verb = s.toks[root]
    lemma = verb.lemma.lower()
    if verb.pos != "VERB" or lemma in NO_OBJECT_VERBS:
        return None
    if syntax.unreliable(s, root) if reported else not syntax.asserted(s, root):
        return None  # a reported clause is the source's claim, asked "according to" them
    who = _subject(s, root, analysis)
    form = _do_support(s, root)
    if who is None or form is None:
        return None
    _subj, subject = who
    aux, verb_words = form
    passive = any(s.toks[k].dep == "auxpass" for k in s.kids[root])
    prt = "".join(" " + s.toks[k].text.lower() for k in s.kids[root] if s.toks[k].dep == "prt")
    after = [k for k in s.kids[root] if k > root and s.toks[k].dep not in ("prt", "advmod", "npadvmod")]
    if not after or any(s.toks[k].dep == "dative" for k in after):
        return None  # "cost the government billions": the object alone is half the point
    k, t = after[0], s.toks[after[0]]
    span: list[int] | None = None
    between = prt
    if t.dep == "dobj" and (lemma not in FINDING or lemma in ANNOUNCING):
        if f"{lemma}:{t.lemma.lower()}" in LIGHT_PAIRS:
            return None  # "what did Esper pay?" → "a visit to the city's prison": the noun is the verb
        if lemma == "need":
            return (
                None  # "what did Kazakhstan need?" → "the doubles match" (for what?); "what did Ford need?"
            )
            # → "a sibling or two": a need is half a point without what it was for
        span = _tail(s, k)
    elif t.dep == "prep" and (
        (passive and t.text.lower() in PASSIVE_PREPS) or f"{lemma}:{t.text.lower()}" in PREP_VERBS
    ):
        objs = [x for x in s.kids[k] if s.toks[x].dep == "pobj"]
        span = _tail(s, objs[0]) if len(objs) == 1 and t.text.lower() not in actions.SIDE_PREPS else None
        between += " " + t.text.lower()
    elif t.dep == "ccomp" and lemma in FINDING and syntax.asserted(s, k):
        first = min(syntax.subtree(s, k))
        span = [x for x in (_tail(s, k) or []) if not (x == first and s.toks[x].dep == "mark")]
    elif t.dep == "xcomp" and lemma in INTENT:
        if any(s.toks[x].dep == "auxpass" for x in s.kids[k]):
            return None  # "Employees need to be shuffled around": what is done to them, not what they do
        span = [x for x in (_tail(s, k) or []) if not (s.toks[x].dep == "aux" and s.toks[x].text == "to")]
        between += " to do"
    if span and not all(_side(s, x) for x in after[1:] if x > span[-1]):
        return None  # "put Sawyer in charge", "left its rates unchanged": the asked phrase is half the point
    answer = _answer(s, span)
    if answer is None:
        return None
    when = actions.opening_date(s, root, anywhere=True)  # "what did Instagram introduce in 2016?": one answer
    when = when or _frame(s, root, after, span)
    wh = "who" if t.dep == "dobj" and _person_at(s, k) else "what"  # "who did Kentucky Democrats beat?"
    prompt = f"{frame}, {wh} {aux} {subject} {verb_words}{between}{when}?"
    if leaks(prompt, answer) or len(prompt.split()) > 22 or _headline_says(analysis, lemma, s, span, _subj):
        return None
    if in_title(answer, analysis.article.title) or in_title(
        answer, analysis.article.title, WRITTEN_IN_TITLE, 3
    ):
        return (
            None  # "what has Apple unveiled?" → "Its 16-inch MacBook Pro." under "16-inch MacBook Pro review"
        )
    return Asked(s, prompt, answer[:1].upper() + answer[1:] + ".", subject, head=root)


_FRAME_WORDS = "in on at for to from with under during against across into over alongside"
FRAME_PREPS = frozenset(_FRAME_WORDS.split())
"""Prepositions of a phrase that tells when, where or in what the subject acted ("for months", "in
return"): carried into the stem so that the answer is the one the article gives."""
MAX_FRAME = 7
_LINKING_WORDS = """fact addition instance example turn time past particular general least most total short part now
    first end once contrast all course sum effect meantime future"""
LINKING = frozenset(_LINKING_WORDS.split())
"""Objects that make a linking phrase with their preposition, not a frame ("in fact", "for instance", "at the
time", "in the past")."""


def _frame(s: Sentence, root: int, after: list[int], span: list[int] | None) -> str:
    """ " for months" of "For months, federal authorities examined the conduct of the staffers …": the
    first short prepositional phrase on the main verb, after the asked phrase or before the subject,
    with no word that points back. "What did Apple release?" has many right answers; the phrase the
    article puts with the verb pins it to one (dev reviewers' commonest complaint of this kind: "vague").
    A name put before the subject is the sentence's topic, not a frame ("At GateHouse, for example, the
    deal will enrich …": "what will the deal enrich at GateHouse?" misreads it, a fresh reviewer)."""
    subj = min((k for k in s.kids[root] if s.toks[k].dep in ("nsubj", "nsubjpass")), default=root)
    end = span[-1] if span else root
    for k in [x for x in after if x > end] + [x for x in s.kids[root] if x < subj]:
        t = s.toks[k]
        if t.dep != "prep" or t.text.lower() not in FRAME_PREPS:
            continue
        inside = sorted(syntax.subtree(s, k))
        toks = [s.toks[x] for x in inside]
        if (
            len(inside) > MAX_FRAME
            or inside != list(range(inside[0], inside[-1] + 1))
            or any(
                x.pos == "PRON" or _vague(s, i) or x.text in BREAKS for i, x in zip(inside, toks, strict=True)
            )
            or any(x.text in actions.QUOTES for x in toks)
            or (len(inside) <= 3 and toks[-1].lemma.lower() in LINKING)
            or (k < subj and any(_topic_name(s, x) for x in s.kids[k]))
        ):
            continue
        words = "".join(x.text + x.ws for x in toks).strip()
        return " " + words[:1].lower() + words[1:]
    return ""


def _topic_name(s: Sentence, k: int) -> bool:
    """Token ``k`` is a preposition's object inside a name the analysis found (a place, group or person;
    not a date: "In October")."""
    return s.toks[k].dep == "pobj" and any(
        m.kind not in actions.DATE_KINDS and m.i <= k < m.j for m in s.mentions
    )


def _person_at(s: Sentence, k: int) -> bool:
    """Token ``k`` heads a person's name ("beat incumbent Gov. Matt Bevin")."""
    return any(m.kind == "person" and m.i <= k < m.j for m in s.mentions)


CAUSE_PREPS = {"because": "of", "due": "to"}
"""A phrase that gives the cause: "because of the outbreak", "due to the storm"."""
SHARE = 0.5
"""Written questions come from the article's top half by importance: a stated cause or purpose, what
completes a verb and what a source reported are what a teacher asks about there."""
MAX_REASON = 25


def _reason(s: Sentence, h: int) -> tuple[int, list[int]] | None:
    """(first index of the reason, the reason's words) for a clause head ``h`` that states why after its
    verb: "because …", "because of …", "due to …", "in order to …", "so that …". A bare "to" clause after
    the object is no purpose often enough ("held back loan guarantees to help absorb immigrants": the
    guarantees' purpose) to be left out."""
    toks = s.toks
    for c in s.kids[h]:
        if c < h:
            continue
        t = toks[c]
        low = t.text.lower()
        kids = s.kids[c]
        span = sorted(syntax.subtree(s, c))
        if t.dep == "advcl":
            marks = [toks[x].text.lower() for x in kids if toks[x].dep == "mark"]
            so_that = (
                marks[:1] == ["so"] and span[0] + 1 < len(toks) and toks[span[0] + 1].text.lower() == "that"
            )
            if marks[:1] == ["because"] or so_that:
                return span[0], span
        if (
            t.dep == "prep"
            and low in CAUSE_PREPS
            and any(toks[x].dep == "pcomp" and toks[x].text.lower() == CAUSE_PREPS[low] for x in kids)
        ):
            return span[0], span
        if (
            t.dep == "prep"
            and low == "in"
            and " ".join(toks[x].text.lower() for x in span[:3]) == "in order to"
        ):
            return span[0], span[2:]
    return None


TELLING = FINDING | actions.SPEECH | {"rule", "testify"}
"""Verbs that report a clause: its "why" is asked "according to" whoever reports it."""


def _teller(s: Sentence, root: int, analysis: Analysis) -> str | None:
    """Who reports the clause, as "according to …" names them: a person by their full name ("Dr. Joneigh
    Khaldun of the Michigan Department …" → "Joneigh Khaldun"), else a short subject ("the report")."""
    subj = [k for k in s.kids[root] if s.toks[k].dep == "nsubj"]
    person = [m for m in s.mentions if m.kind == "person" and subj and m.i <= subj[0] < m.j]
    if person:
        return actions.full_name(person[0], analysis)
    found = _subject(s, root, analysis)
    return None if found is None else found[1]


def ask_why(s: Sentence, analysis: Analysis) -> Asked | None:
    """One "why" question about a sentence that states its own cause or purpose after the main verb ("why
    does Syria need a political solution?" → "To defeat the Islamic State group."), or about the clause a
    finding or a speaker reports ("According to Joneigh Khaldun, why does the risk from the virus
    continue?"); None when it gives no clean one."""
    root = _statement_root(s)
    if root is None:
        return None
    frame = "According to the article"
    h = root
    lemma = s.toks[root].lemma.lower()
    if lemma in TELLING:
        inner = [k for k in s.kids[root] if s.toks[k].dep == "ccomp"]  # "…, officials said" too
        teller = _teller(s, root, analysis)
        if len(inner) != 1 or teller is None or not syntax.asserted(s, root):
            return None
        h = inner[0]  # what is reported may be a judgment ("Assange should remain in jail because …")
        frame = f"According to {teller}"
    elif not syntax.asserted(s, h):
        return None
    found = _reason(s, h)
    if found is None:
        return None
    start, because = found
    who = _subject(s, h, analysis)
    verb = s.toks[h]
    copula = verb.pos == "AUX" and verb.lemma.lower() == "be"
    has_aux = any(s.toks[k].dep in ("aux", "auxpass") for k in s.kids[h])
    form = (verb.text.lower(), "") if copula and not has_aux else _do_support(s, h)
    if who is None or form is None or (verb.pos != "VERB" and not copula):
        return None
    if any(s.toks[k].dep == "neg" for k in s.kids[h]):
        return None
    aux, verb_words = form
    middle = [k for k in sorted(syntax.subtree(s, h)) if h < k < start]
    if any(s.toks[k].dep == "advmod" and s.toks[k].text.lower() in actions.SIDE_ADVERBS for k in middle):
        middle = [k for k in middle if s.toks[k].text.lower() not in actions.SIDE_ADVERBS]
    rest = syntax.strip_end(syntax.render(s.toks, middle)) if middle else ""
    if middle and (middle != list(range(middle[0], middle[-1] + 1)) or any(_vague(s, k) for k in middle)):
        return None
    if any(s.toks[k].text in actions.QUOTES or s.toks[k].text in BREAKS for k in middle):
        return None
    reason = syntax.strip_end(syntax.render(s.toks, because))
    words = reason.split()
    if not 3 <= len(words) <= MAX_REASON or syntax.broken(reason) or syntax.vague(s, because):
        return None
    if any(q in reason for q in actions.QUOTES) or s.toks[because[-1]].pos in actions.BAD_ENDS:
        return None
    verb_part = " ".join(w for w in (verb_words, rest) if w)
    prompt = f"{frame}, why {aux} {who[1]} {verb_part}?"
    if leaks(prompt, reason) or len(prompt.split()) > 24 or not verb_part:
        return None
    return Asked(s, prompt, reason[:1].upper() + reason[1:] + ".", who[1], why=True)


def _pairs(s: Sentence) -> set[tuple[str, str]]:
    """(subject's head word, verb's lemma) of every clause of a sentence: two sentences with one pair
    ("the court found …", "… the court also found …") answer one stem two ways."""
    out = set()
    for k, t in enumerate(s.toks):
        subj = syntax.subject_of(s, k)
        if subj is not None and t.pos in ("VERB", "AUX"):
            out.add((s.toks[subj].lemma.lower(), t.lemma.lower()))
    return out


def _main_pair(s: Sentence, head: int = -1) -> tuple[str, str] | None:
    """(subject's head word, verb's lemma) of the asked verb: ``head``, else the main verb."""
    root = head if head >= 0 else next((k for k, t in enumerate(s.toks) if t.dep == "ROOT"), None)
    subj = None if root is None else syntax.subject_of(s, root)
    return None if root is None or subj is None else (s.toks[subj].lemma.lower(), s.toks[root].lemma.lower())


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    """Questions from the article's top half only (a stated cause, what completes a verb, what a source
    reported: the main points); one per subject and verb (two sentences where the Fed "raised" something
    would make "what did the Fed raise?" ambiguous)."""
    weights = importance.sentence_importance(analysis)
    top = importance.main_points(weights, SHARE)
    main = [s for s in analysis.sentences if s.index in top]
    found = [a for a in (ask_why(s, analysis) for s in main) if a is not None]
    found += [a for a in (ask(s, analysis) or ask_reported(s, analysis) for s in main) if a is not None]
    pairs = [_pairs(s) for s in analysis.sentences]
    for a in found:
        if sum(1 for p in pairs if _main_pair(a.sentence, a.head) in p) > 1:
            continue  # "what did the court find?" where the court finds two things
        q = make(
            "open",
            a.prompt,
            (a.answer,),
            a.sentence,
            analysis,
            bloom="remember",
            points=1.0,
            explain=f"A good answer says: {a.answer}",
            tags=("written",),
        )
        yield Candidate(q, sentence_score(a.sentence) + (0.3 if a.why else 0.2), a.sentence.index, "", GROUP)
