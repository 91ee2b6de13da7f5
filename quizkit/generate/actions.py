"""What the story's actors did: "According to the article, what did Argentina's central bank do?"

A main sentence whose subject is an actor the stem can name (a person, organisation or country; a named
group; an institution the opening names) and whose main verb is in the past ("raised …"), the present perfect
("has raised …") or the future ("will raise …") carries a point of the story: the predicate, not the names.
The key is that predicate as a clean phrase (the verb and its complements, without the attribution, side
clauses or a second verb); the wrong options are what *other* actors did in other sentences of the same
article, put in the stem's tense, and nothing the key's actor is also said to have done.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from quizkit.analysis import Analysis, Mention, Sentence, surname
from quizkit.generate import importance
from quizkit.generate.common import Candidate, leaks, make, sentence_score, span_evidence

GROUP = "action"
ACTORS = frozenset({"person", "organisation", "country"})
PLACES = frozenset({"city", "place"})
"""A capital for its government ("Beijing retaliated"): in wrong options only, where a misread kind is harmless."""
MIN_WORDS, MAX_WORDS = 3, 14
MAX_SUBJECT = 6
"""Words in the subject as the stem shows it ("Argentina's central bank")."""
SHORT_CCOMP = 8
"""A clause after the verb ("warned that prices would rise") only when it is this short."""
KEEP_DEPS = frozenset({"dobj", "prt", "dative", "attr", "acomp", "oprd", "xcomp", "ccomp", "prep", "advmod"})
CUT_DEPS = frozenset({"relcl", "advcl", "appos", "parataxis", "punct", "mark", "npadvmod"})
"""Inside a kept complement, a token of these starts a tail the key leaves out ("…, which …")."""
_SPEECH_WORDS = "say tell add note explain write ask reply comment state report quote describe insist"
SPEECH = frozenset(_SPEECH_WORDS.split())
"""Verbs of saying: "told reporters on Monday" is the attribution, not what the actor did."""
LIGHT = frozenset({"have", "be", "get", "do", "go", "come"})
"""Verbs whose meaning is in what follows ("had a long way [to go]"): too easily cut to nothing."""
_VAGUE_WORDS = """it this that these those them him her he she they we us i me such there here same move his himself
    herself itself themselves"""
VAGUE = frozenset(_VAGUE_WORDS.split())
"""Words in a key that point back to a sentence the student has not seen ("criticised it", "the move")."""
_SIDE_ADVERBS_WORDS = "also then later still again now already too even just only however"
SIDE_ADVERBS = frozenset(_SIDE_ADVERBS_WORDS.split())
CORE = frozenset({"dobj", "dative", "attr", "acomp", "oprd"})
"""Complements the verb needs: a key that leaves one out is not what the actor did."""
_GROUPS_WORDS = """official lawmaker legislator senator police officer rescuer trader investor protester resident voter
    researcher scientist analyst worker critic prosecutor republican democrat troop soldier rebel militant
    student teacher doctor farmer fan player"""
GROUPS = frozenset(_GROUPS_WORDS.split())
_OWNED_WORDS = "agent troop force leader team government ministry bank fund navy army flotilla"
OWNED = frozenset(_OWNED_WORDS.split())
"""Plural groups ("rescue workers", "lawmakers") a story's single named person is not: wrong options for
a person's action (never keys: "what did officials do?" names no one)."""
GROUP_KIND = "group"
NAMED_GROUP = "named group"
"""A group the stem can name ("Election Commission officials", "Chinese officials"): a key's actor too."""
AGENT_KIND = "institution"
"""A definite institution named by its common noun ("the central bank", "the government")."""
NAME_KIND = "name"
"""A capitalised subject the article repeats that the tagger did not label ("Kazatomprom", "Hamilton")."""
AGENT_NOUNS = importance.ORG_WORDS | OWNED
KEY_KINDS = ACTORS | {NAMED_GROUP, AGENT_KIND, NAME_KIND}
COLLECTIVE = frozenset({"organisation", "country", AGENT_KIND, *PLACES})
"""Actors that are institutions or states: what one person did (married, lived, studied) is no wrong option."""
PRONOUN_KIND = "pronoun"
"""A side action whose subject is "he" or "she": a wrong option only far from the key's actor."""
_SIDE_PREPS_WORDS = "despite after before amid during since until as while although because like"
SIDE_PREPS = frozenset(_SIDE_PREPS_WORDS.split())
"""A first preposition of these is a circumstance ("clinched despite drawing"), not a complement."""
"""Heads an actor can own and still be the actor: "Argentina's central bank", not "Epstein's death"."""
BAD_ENDS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "PART", "AUX", "PRON"})
QUOTES = frozenset('"“”')
LAST_RATIO = 3
"""Wrong options within twice the key's length first; up to three times only when no nearer ones exist."""


@dataclass(frozen=True, slots=True)
class Action:
    """A named actor and what the sentence says it did: ``form`` is 'did' (past) or 'has' (present perfect)."""

    sentence: Sentence
    actor: Mention
    subject: str
    """The subject as the stem prints it ("the Federal Reserve", "Argentina's central bank")."""
    phrase: str
    form: str
    verb: str
    """The verb's lemma ("raise")."""
    head: str
    """The lemma of the first complement's head ("rate"), '' when there is none."""
    side: bool = False
    """From a side clause, not the sentence's main verb: a wrong option, never a key."""
    when: str = ""
    """The date the sentence opens with ("in 2018"), for the stem: "what did Russia do in 2018?" asks for one
    thing, where "what did Russia do?" may have several answers in the article."""


def _subtree(s: Sentence, i: int) -> list[int]:
    out, stack = [], [i]
    while stack:
        k = stack.pop()
        out.append(k)
        stack.extend(s.kids[k])
    return sorted(out)


def _form(s: Sentence, root: int) -> str | None:
    """'did' for a past-tense verb with no auxiliary, 'has' for has/have + past participle, 'will' for
    will + the bare verb ("officials will announce the results on Sunday"), else None."""
    t = s.toks[root]
    aux = [s.toks[k] for k in s.kids[root] if s.toks[k].dep in ("aux", "auxpass", "neg")]
    if t.tag == "VBD" and not aux:
        return "did"
    if t.tag == "VBN" and len(aux) == 1 and aux[0].dep == "aux" and aux[0].text.lower() in ("has", "have"):
        return "has"
    if t.tag == "VB" and len(aux) == 1 and aux[0].dep == "aux" and aux[0].text.lower() == "will":
        return "will"
    return None


FORM_TAGS = {"did": "VBD", "has": "VBN", "will": "VB"}
"""The Penn tag of the verb each stem asks for: "what did X do?" → "raised…", "what has X done?" →
"raised…", "what will X do?" → "raise…"."""


def in_form(a: Action, form: str) -> str | None:
    """The action's phrase with its verb in ``form`` (lemminflect's inflection tables: "will announce the
    results" → "announced the results" for a "what did … do?" stem), None when the verb has no such form."""
    if form == a.form:
        return a.phrase
    from lemminflect import getInflection

    verb, _, rest = a.phrase.partition(" ")
    got = getInflection(a.verb, tag=FORM_TAGS[form])
    if not got or not verb.isalpha() or verb.lower() != verb:
        return None
    return f"{got[0]} {rest}".strip()


def _subject(s: Sentence, root: int, side: bool = False) -> tuple[Mention, str] | None:
    """The named actor that is the verb's subject, and the subject as printed (a few words, one actor): a
    name the tagger found, a group named by a proper word ("Election Commission officials"), an institution
    ("the central bank"), or a capitalised name the article repeats that the tagger missed ("Kazatomprom")."""
    subj = [k for k in s.kids[root] if s.toks[k].dep in ("nsubj", "nsubjpass", "csubj", "expl")]
    if not subj and side and s.toks[root].dep == "conj" and s.toks[root].head != root:
        return _subject(s, s.toks[root].head, side)  # "Barr put … and ordered …": the first verb's subject
    if len(subj) != 1 or s.toks[subj[0]].dep != "nsubj":
        return None
    span = _subtree(s, subj[0])
    comma = next((k for k in span if k > subj[0] and s.toks[k].text == ","), None)
    if comma is not None:  # "Israel, which controls tax receipts, has pledged…": the name before the comma
        span = [k for k in span if k < comma]
    toks = [s.toks[k] for k in span]
    if span != list(range(span[0], span[-1] + 1)) or len(toks) > MAX_SUBJECT:
        return None
    if any(t.dep in ("cc", "conj", "appos", "relcl", "acl") or t.pos in ("PUNCT", "VERB") for t in toks):
        return None  # two actors, or an actor with a clause: the stem would be long or ambiguous
    if toks[0].pos == "DET" and toks[0].text.lower() != "the":
        return None
    kinds = ACTORS | PLACES if side else ACTORS
    inside = [m for m in s.mentions if m.kind in kinds and span[0] <= m.i and m.j <= span[-1] + 1]
    head = s.toks[subj[0]]
    words = "".join(t.text + t.ws for t in toks).strip()
    if toks[0].text == "The":
        words = "the" + words[3:]
    if side and len(toks) == 1 and head.text.lower() in ("he", "she"):
        return Mention(
            head.text, PRONOUN_KIND, subj[0], subj[0] + 1, head.start, head.start + 2, f"{s.index}"
        ), ""
    start, end = toks[0].start, toks[-1].start + len(toks[-1].text)
    group = head.tag in ("NNS", "NNPS") and head.lemma.lower() in GROUPS
    if group and not any(m.i <= subj[0] < m.j for m in inside):
        kind = NAMED_GROUP if inside or any(t.pos == "PROPN" for t in toks) else GROUP_KIND
        return Mention(words, kind, span[0], span[-1] + 1, start, end, words.lower()), words
    institution = head.pos == "NOUN" and head.lemma.lower() in AGENT_NOUNS and toks[0].text.lower() == "the"
    if institution and not any(m.i <= subj[0] < m.j for m in inside):
        # "the central bank", "the Finance Ministry's staff": an institution, not a thing
        return Mention(words, AGENT_KIND, span[0], span[-1] + 1, start, end, words.lower()), words
    if not inside and all(t.pos == "PROPN" and t.text.lower() in s.proper for t in toks) and len(toks) <= 3:
        return Mention(words, NAME_KIND, span[0], span[-1] + 1, start, end, words), words
    if len(inside) != 1:
        return None
    actor = inside[0]
    if not (actor.i <= subj[0] < actor.j) and not (
        any(s.toks[k].dep == "poss" and actor.i <= k < actor.j for k in span)
        and (head.lemma.lower() in OWNED or head.lemma.lower() in importance.ORG_WORDS)
    ):
        return None  # the actor must be the subject or own it ("Argentina's central bank"), not "X's death"
    if head.pos == "PRON":
        return None
    return actor, words


def _cut(s: Sentence, root: int) -> list[int] | None:
    """The verb and its complements to the right: the first preposition only, nothing after a comma,
    a side clause or a second verb; None when the phrase would not stand alone."""
    keep = [root]
    preps = 0
    for k in sorted(x for x in s.kids[root] if x > root):
        t = s.toks[k]
        if t.dep not in KEEP_DEPS:
            break
        if t.dep == "advmod" and t.text.lower() in SIDE_ADVERBS:
            break
        if t.dep == "prep":
            if t.text.lower() in SIDE_PREPS:
                break
            preps += 1
            if preps > 1:
                break
        sub = _subtree(s, k)
        if t.dep == "ccomp" and len(sub) > SHORT_CCOMP:
            return None
        bad = next((x for x in sub if x != k and s.toks[x].dep in CUT_DEPS), None)
        if bad is not None and s.toks[bad].text in QUOTES:
            return None  # "called the suicide a “profound indictment…”": the point is the quotation
        if bad is not None and any(s.toks[x].dep == "conj" and s.toks[x].head < bad < x for x in sub):
            return (
                None  # "recruited SpaceX's Starship, Blue Origin's Blue Moon and …": not the first item only
            )
        if bad is not None:
            sub = [x for x in sub if x < bad]
            keep.extend(sub)
            break
        keep.extend(sub)
    keep.sort()
    if keep != list(range(keep[0], keep[-1] + 1)):
        return None
    if any(s.toks[k].dep in CORE and k not in keep for k in s.kids[root]):
        return None  # "called the debt …" without what it was called: the predicate is not whole
    while len(keep) > 1 and s.toks[keep[-1]].pos in BAD_ENDS and s.toks[keep[-1]].tag != "PRP$":
        if s.toks[keep[-1]].pos == "DET":
            return None  # a noun phrase cut after its article
        keep.pop()
    last = s.toks[keep[-1]]
    after = s.toks[keep[-1] + 1].text if keep[-1] + 1 < len(s.toks) else "."
    if not last.ws and after not in (".", ",", ";", ":", "!"):
        return None  # cut inside a word or score ("drew Iceland 0" of "0-0")
    if last.pos in ("VERB", "AUX") and keep[-1] != root:
        return None  # a second verb left without its object ("tried to suggest")
    return keep


def _phrase(s: Sentence, span: list[int]) -> str | None:
    toks = [s.toks[k] for k in span]
    words = [t for t in toks if t.pos != "PUNCT"]
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return None
    if any(t.text.lower() in VAGUE for t in toks):
        return None
    if any(t.text in QUOTES or t.text in ("(", ")", "[", "]", ";", ":") for t in toks):
        return None
    if not any(t.dep in ("dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "pobj", "dative") for t in toks):
        return None  # "returned home" is fine; a bare verb and an adverb is not
    return "".join(t.text + t.ws for t in toks).strip()


def action(s: Sentence) -> Action | None:
    """What a sentence says its named subject did (its main verb), or None when it gives no clean action."""
    if s.unresolved or s.text.lstrip()[:1] in QUOTES or s.text.rstrip().endswith("?"):
        return None
    roots = [k for k, t in enumerate(s.toks) if t.dep == "ROOT"]
    return _clause(s, roots[0]) if len(roots) == 1 else None


def side_actions(s: Sentence) -> list[Action]:
    """Actions of the sentence's other clauses with a named subject of their own ("…, while Austria
    punched its ticket"): wrong options only, never keys (the point of a sentence is its main verb)."""
    if s.text.lstrip()[:1] in QUOTES:
        return []
    found = (
        _clause(s, k, side=True)
        for k, t in enumerate(s.toks)
        if (t.dep == "ROOT" and s.unresolved)
        or t.dep == "conj"
        or (t.dep == "ccomp" and not any(s.toks[x].text.lower() in ("whether", "if") for x in s.kids[k]))
        or (t.dep == "advcl" and any(s.toks[x].text.lower() == "while" for x in s.kids[k]))
    )
    return [a for a in found if a is not None]


def _clause(s: Sentence, root: int, side: bool = False) -> Action | None:
    if s.toks[root].pos != "VERB" or s.toks[root].lemma in SPEECH or s.toks[root].lemma in LIGHT:
        return None
    form = _form(s, root)
    who = _subject(s, root, side)
    if form is None or who is None:
        return None
    span = _cut(s, root)
    phrase = _phrase(s, span) if span else None
    if phrase is None or span is None:
        return None
    actor, subject = who
    quoted = [k for k, t in enumerate(s.toks) if t.text in QUOTES]
    if any(k <= span[-1] + 1 for k in quoted):
        return None  # a quotation before or inside the predicate: the words may be someone else's
    if leaks(phrase, actor.text):
        return None
    comps = [k for k in s.kids[root] if k in span and s.toks[k].dep in ("dobj", "attr", "xcomp", "prep")]
    head = s.toks[comps[0]].lemma.lower() if comps else ""
    return Action(
        s, actor, subject, phrase, form, s.toks[root].lemma.lower(), head, side, opening_date(s, root)
    )


WHEN_PREPS = frozenset({"in", "on"})
DATE_KINDS = frozenset({"year", "date"})


def opening_date(s: Sentence, root: int, anywhere: bool = False) -> str:
    """ "in 2018" of "In 2018, Russia secured…": a short date phrase before the subject (or, ``anywhere``,
    also one after the verb: "introduced business accounts in 2016"), else ''."""
    subj = min((k for k in s.kids[root] if s.toks[k].dep in ("nsubj", "nsubjpass")), default=root)
    for k in s.kids[root]:
        t = s.toks[k]
        if (k > subj and not anywhere) or t.dep != "prep" or t.text.lower() not in WHEN_PREPS:
            continue
        span = _subtree(s, k)
        dates = [m for m in s.mentions if m.kind in DATE_KINDS and span[0] <= m.i and m.j <= span[-1] + 1]
        if dates and len(span) <= 4 and span == list(range(span[0], span[-1] + 1)):
            words = "".join(s.toks[x].text + s.toks[x].ws for x in span).strip()
            return " " + words[:1].lower() + words[1:]
    return ""


def _lemmas(s: Sentence) -> set[str]:
    return {t.lemma.lower() for t in s.toks}


def _same(a: Mention, b: Mention) -> bool:
    """One actor: the same canonical name or the same last name ("Bin Laden", "Osama bin Laden")."""
    last = {surname(m.canonical).lower().strip(".’'s") for m in (a, b)}
    return a.canonical == b.canonical or (a.kind == b.kind == "person" and len(last) == 1)


def _someone_else(a: Action, key: Action, analysis: Analysis) -> bool:
    """ "He …" is not the key's actor when the key's actor is named nowhere in that paragraph or the
    sentence before, and another person is (the one "he" stands for)."""
    before = [x for x in analysis.sentences if x.index == a.sentence.index - 1]
    near = [x for x in analysis.sentences if x.paragraph == a.sentence.paragraph] + before
    if key.actor.kind != "person" or any(_same(m, key.actor) for x in near for m in x.mentions):
        return False
    return any(m.kind == "person" for x in [a.sentence, *before] for m in x.mentions)


def _shared_word(a: Action, b: Action) -> bool:
    """Subjects that share a word ("the bank", "Argentina's central bank"; "officials", "Chinese
    officials") may be one actor."""
    words = {w.lower().strip("’'s") for w in a.subject.split()} - {"the", ""}
    return bool(words & ({w.lower().strip("’'s") for w in b.subject.split()} - {"the", ""}))


def _anchored(a: Action, analysis: Analysis) -> bool:
    """An institution named by its common noun ("the bank") is a key's actor only when the headline or the
    opening paragraph names it too: else "the bank" points back to a sentence the student may not tie it to."""
    if a.actor.kind != AGENT_KIND:
        return True
    return named_in_opening(a.subject.split()[-1], analysis, a.sentence.index)


def named_in_opening(word: str, analysis: Analysis, own: int = -1) -> bool:
    """Does the headline or the opening paragraph (other than sentence ``own``) use this word ("the quake"
    under "Quake kills 75")?"""
    body = [s for s in analysis.sentences if s.block_kind != "summary"]
    first = min((s.paragraph for s in body), default=-1)
    opening = " ".join(s.text for s in body if s.paragraph == first and s.index != own)
    return word.lower() in f"{analysis.article.title} {opening}".lower().split()


def _near(phrase: str, n: int) -> bool:
    """At most twice as long as the key, and at least half as long."""
    return n / 2 <= len(phrase.split()) <= n * 2


def _wrong(key: Action, pool: list[Action], analysis: Analysis) -> list[str] | None:
    """Three things other actors did (same verb form), none of which the key's actor is said to have done,
    of a length near the key's."""
    own = [s for s in analysis.sentences if any(_same(m, key.actor) for m in s.mentions)]
    n = len(key.phrase.split())
    fits: list[tuple[Action, str]] = []
    for a in pool:
        phrase = in_form(a, key.form)
        if a.sentence.index == key.sentence.index or phrase is None:
            continue
        if a.actor.kind == GROUP_KIND and key.actor.kind != "person":
            continue  # "officials" may be the organisation's or the country's own
        if a.actor.kind == PRONOUN_KIND and not _someone_else(a, key, analysis):
            continue
        if key.actor.kind == "person" and "its" in a.phrase.split():
            continue  # "punched its ticket" is no person's: ruled out on grammar alone
        if key.actor.kind in COLLECTIVE and a.actor.kind in ("person", PRONOUN_KIND, NAME_KIND):
            continue  # "lived in Khartoum" is no administration's: one person's acts for an institution
        if key.actor.kind == "person" and a.actor.kind in COLLECTIVE:
            continue  # "suffered the worst toll of any country" is no chief minister's: the other way round
        if _same(a.actor, key.actor) or leaks(a.phrase, key.actor.text) or _shared_word(a, key):
            continue
        if any(_same(m, key.actor) for m in a.sentence.mentions):
            continue  # "X and Y agreed…", "Y met X": the key's actor may have done it too
        if any(a.verb in _lemmas(s) and (not a.head or a.head in _lemmas(s)) for s in own):
            continue
        if a.verb == key.verb and a.head == key.head:
            continue
        if phrase in (f[1] for f in fits) or phrase == key.phrase:
            continue
        m = len(phrase.split())
        if not (n / LAST_RATIO <= m <= n * LAST_RATIO):
            continue
        fits.append((a, phrase))
    fits.sort(key=lambda f: (not _near(f[1], n), abs(len(f[1].split()) - n), f[0].sentence.index))
    chosen: list[tuple[Action, str]] = []
    for f in fits:  # different actors first: three things one rival did read as a set
        if all(c[0].actor.canonical != f[0].actor.canonical for c in chosen):
            chosen.append(f)
    chosen += [f for f in fits if f not in chosen]
    return [f[1] for f in chosen[:3]] if len(chosen) >= 3 else None


def actions(analysis: Analysis) -> list[Action]:
    """The clean actions of the article's sentences, in order: main verbs, then other clauses'."""
    found = [a for a in (action(s) for s in analysis.sentences) if a is not None]
    found += [a for s in analysis.sentences for a in side_actions(s)]
    return [a for a in found if not _quoted(a, analysis)]


def _quoted(a: Action, analysis: Analysis) -> bool:
    """The action is inside someone's quotation (a sentence of a quoted paragraph): their words, not the
    article's account."""
    s = a.sentence
    if sum(s.text.count(q) for q in QUOTES) % 2:
        return True
    return any(q.start <= s.start < q.end or q.start < s.end <= q.end for q in analysis.article.quotes)


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    """Keys from the main sentences only (a side detail is trivia); wrong options from any sentence."""
    pool = actions(analysis)
    main = importance.main_points(importance.sentence_importance(analysis))
    keys = [
        a
        for a in pool
        if not a.side and a.actor.kind in KEY_KINDS and a.sentence.index in main and _anchored(a, analysis)
    ]
    for a in keys:
        wrong = _wrong(a, pool, analysis)
        if wrong is None:
            continue
        verb = "done" if a.form == "has" else "do"
        prompt = f"According to the article, what {a.form} {_named(a, analysis)} {verb}{a.when}?"
        q = make(
            "multiple_choice",
            prompt,
            a.phrase,
            a.sentence,
            analysis,
            choices=(a.phrase, *wrong),
            bloom="understand",
            target=full_name(a.actor, analysis),
            similar=1.0,
            tags=("what", "action"),
        )
        yield Candidate(
            q, sentence_score(a.sentence) + 0.3, a.sentence.index, full_name(a.actor, analysis), GROUP
        )
    match = matching(keys, analysis)
    if match is not None:
        yield match


def _named(a: Action, analysis: Analysis) -> str:
    """The subject as the stem prints it, a first name alone lengthened to the article's full name ("Sarah"
    → "Sarah Gille"): the student may have met her under either."""
    full = full_name(a.actor, analysis)
    alone = a.actor.kind in ("person", NAME_KIND) and a.subject == a.actor.text and " " not in a.subject
    if alone and full.split()[0] == a.subject and len(full.split()) <= 3:
        return full
    return a.subject


def full_name(actor: Mention, analysis: Analysis) -> str:
    """The actor's most frequent name in the article ("Osama bin Laden" for "Bin Laden"): one actor, one
    count, so a recurring actor is recognised as one."""
    names = {m.canonical for s in analysis.sentences for m in s.mentions if _same(m, actor)}
    return max(sorted(names), key=lambda n: analysis.counts.get(n, 0), default=actor.canonical)


MIN_PAIRS, MAX_PAIRS = 3, 4


def matching(keys: list[Action], analysis: Analysis) -> Candidate | None:
    """ "Match each person with what the article says they did": one action for each of 3-4 actors, none of
    which another of them is also said to have done, and no action naming another actor."""
    chosen: list[Action] = []
    for a in keys:
        if len(chosen) == MAX_PAIRS or any(_same(a.actor, c.actor) for c in chosen):
            continue
        if a.form == "will" or in_form(a, "did") is None:
            continue  # "what they did": not what they will do
        others = [*chosen, a]
        if any(leaks(x.phrase, y.actor.text) for x in others for y in others if x is not y):
            continue
        if any(_also_did(y, x, analysis) for x in others for y in others if x is not y):
            continue
        chosen.append(a)
    if len(chosen) < MIN_PAIRS:
        return None
    sents = sorted({a.sentence.index: a.sentence for a in chosen}.values(), key=lambda s: s.index)
    pairs = tuple((a.subject[:1].upper() + a.subject[1:], in_form(a, "did") or a.phrase) for a in chosen)
    who = "person" if all(a.actor.kind == "person" for a in chosen) else "name"
    q = make(
        "matching",
        f"Match each {who} with what the article says they did.",
        pairs,
        None,
        analysis,
        bloom="understand",
        points=float(len(pairs)),
        explain="Each action is the article's own words about that "
        + ("person." if who == "person" else "person, organisation or country."),
        ev=span_evidence(analysis, sents),
        tags=("action",),
    )
    score = sum(sentence_score(a.sentence) for a in chosen) / len(chosen) + 0.1 * len(pairs)
    return Candidate(q, score, sents[0].index, "", GROUP)


def _also_did(actor: Action, act: Action, analysis: Analysis) -> bool:
    """Does the article say ``actor``'s actor did ``act`` too (a sentence naming it with the same verb
    and object), or name it in ``act``'s own sentence?"""
    if any(_same(m, actor.actor) for m in act.sentence.mentions):
        return True
    own = [s for s in analysis.sentences if any(_same(m, actor.actor) for m in s.mentions)]
    return any(act.verb in _lemmas(s) and (not act.head or act.head in _lemmas(s)) for s in own)
