"""Who said it: a quotation the article attributes, and the person who said it (a claim and who makes it).

"Who said: “We just have too much water”?" tests whether a student followed who holds which view — what
reviewers counted as worthwhile — with the article's other people as the wrong options.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from quizkit.analysis import Analysis, Mention, Sentence, Tok, surname
from quizkit.generate import actions, distractors, syntax
from quizkit.generate.common import Candidate, leaks, make, sentence_score, span_evidence
from quizkit.model import Evidence, Question, QuestionType, Quote

MIN_WORDS, MAX_WORDS = 6, 28
GROUP = "said"
REPORTED_TAG = "reported"
"""A claim the article reports in its own words ("who said that …?"), not a quotation."""


def reported_claim(c: Candidate) -> bool:
    """Who said a claim the article reports in its own words (not a quotation)."""
    return c.group == GROUP and REPORTED_TAG in c.question.tags


def _speaker(analysis: Analysis, quote: Quote) -> Mention | None:
    """The person mention the attribution names: the same name or its surname, the longest form first."""
    said = quote.speaker.replace("’s", "").strip()
    if not said:
        return None
    last = surname(said).lower()
    people = [m for s in analysis.sentences for m in s.mentions if m.kind == "person"]
    fits = [m for m in people if m.text.lower() == said.lower() or surname(m.text).lower() == last]
    return max(fits, key=lambda m: len(m.text.split()), default=None)


def _sentences(analysis: Analysis, quote: Quote, speaker: Mention) -> list[Sentence]:
    """The sentences holding the quotation, and the nearest one that names the speaker (same heading)."""
    inside = [s for s in analysis.sentences if s.start < quote.end and s.end > quote.start]
    if not inside:
        return []
    named = [s for s in analysis.sentences if any(m.canonical == speaker.canonical for m in s.mentions)]
    near = min(named, key=lambda s: abs(s.start - quote.start), default=None)
    if near is None or near.heading != inside[0].heading or abs(near.paragraph - inside[0].paragraph) > 1:
        return []
    return sorted({s.index: s for s in [*inside, near]}.values(), key=lambda s: s.index)


def _shown(text: str) -> str | None:
    words = text.strip("\"“”' ").split()
    if len(words) < MIN_WORDS or not words[0][:1].isupper():
        return None  # a fragment quoted inside a sentence ("…that people are watching out") reads badly alone
    if words[-1].endswith("?"):
        return None  # a question asked ("Could it … live in Titan …?") is no claim, and "…?”?" reads badly
    return " ".join(words) if len(words) <= MAX_WORDS else " ".join(words[: MAX_WORDS - 4]) + " …"


_SAY_WORDS = """say tell warn argue claim insist predict estimate believe note add explain stress acknowledge admit
    suggest contend maintain announce"""
SAY_VERBS = frozenset(_SAY_WORDS.split())
"""Verbs that report a claim ("Sappington said that the number would rise"): the claim and who makes it."""
CLAIM_MIN, CLAIM_MAX = 6, 26
_UNCLEAR = frozenset({"PRP", "PRP$", "EX"})


def reported(s: Sentence, analysis: Analysis) -> tuple[Mention, str] | None:
    """(speaker, claim) when ``s`` reports in its own words what a named person said: "X said (that) Y",
    with Y a whole clause that needs nothing from around it (no pronoun, no quotation, no cut)."""
    toks = s.toks
    if s.unresolved or any(ch in s.text for ch in '"“”'):
        return None
    for v, t in enumerate(toks):
        if t.lemma.lower() not in SAY_VERBS or t.pos != "VERB" or t.tag not in ("VBD", "VBZ", "VBP"):
            continue
        subj = syntax.subject_of(s, v)
        comp = next((k for k in s.kids[v] if toks[k].dep == "ccomp"), None)
        if subj is None or comp is None:
            continue
        speaker = next(
            (
                m
                for m in s.mentions
                if m.kind == "person" and m.i <= subj < m.j and syntax.head_of(s, m) == subj
            ),
            None,
        )
        if speaker is None or any(toks[k].dep in ("conj", "cc") for k in s.kids[subj]):
            continue  # "both Vindman and Williams told lawmakers that …": the other one is as right
        if speaker.i > 0 and toks[speaker.i - 1].text.lower() in ("the", "a", "an"):
            continue  # "The Chronicle says …": a name read as a person's that the article writes with "the"
        idxs = sorted(syntax.subtree(s, comp))
        if idxs != list(range(idxs[0], idxs[-1] + 1)) or v in idxs:
            continue  # not one stretch of text
        words = [k for k in idxs if toks[k].pos != "PUNCT"]
        if not CLAIM_MIN <= len(words) <= CLAIM_MAX:
            continue
        others = [m for m in s.mentions if m.kind == "person" and m.canonical != speaker.canonical]
        if any(
            (toks[k].tag in _UNCLEAR and not _clear(toks[k], others))
            or (
                toks[k].lemma.lower() in ("this", "that", "these", "those")
                and toks[k].dep in ("nsubj", "dobj", "pobj", "det")
            )
            for k in idxs
            if toks[k].dep != "mark"
        ):
            continue  # "he would resign", "this plan": who or what needs the sentence before
        if syntax.subject_of(s, comp) is None and not any(toks[k].dep == "expl" for k in s.kids[comp]):
            continue  # "…said that last year had surpassed 100 million": what had? (the subject went)
        if not syntax.finite(s, comp) or any(_loose_clause(s, k) for k in idxs):
            continue
        if _unnamed_the(s, comp, analysis):
            continue  # "…said that the effort may have consumed 2.8 gigawatt-hours": which effort?
        body = [k for k in idxs if not (k == idxs[0] and toks[k].dep == "mark")]
        claim = syntax.strip_end(syntax.render(toks, body))
        claim = syntax.lower_opening(syntax.drop_connective(claim), s)  # "who said that but burial …"
        if syntax.broken(claim) or leaks(claim, speaker.text):
            continue
        return speaker, claim
    return None


def _unnamed_the(s: Sentence, verb: int, analysis: Analysis) -> bool:
    """The claim's subject is a short "the …" with no name in it ("the effort", "the department", "the
    stock", "the combination of the two") whose noun is not in the headline or the opening: out of its
    paragraph, the stem does not say which one. A longer phrase says it ("the charges against the two
    staffers")."""
    subj = syntax.subject_of(s, verb)
    if subj is None:
        return False
    span = sorted(syntax.subtree(s, subj))
    words = [s.toks[k].text.lower() for k in span]
    if words[0] != "the" or any(s.toks[k].pos == "PROPN" for k in span):
        return False
    if len(span) > 3 and words[-2:] not in (["the", "two"], ["the", "three"]):
        return False
    return not actions.named_in_opening(s.toks[subj].text, analysis, s.index)


def _clear(t: Tok, others: list[Mention]) -> bool:
    """A pronoun in the claim that can only be the speaker ("Trump said he would raise tariffs…", no other
    person in the sentence), or the "there" of "there were 30 vacancies": the claim stands alone."""
    if t.tag == "EX":
        return t.dep == "expl"
    return t.text.lower() in ("he", "she") and t.dep in ("nsubj", "nsubjpass") and not others


def _named_in(text: str, analysis: Analysis) -> tuple[str, ...]:
    """People the words themselves talk about ("Epstein's death is a symptom…"): not plausible as the one
    who said them."""
    people = {m.canonical: m.text for s in analysis.sentences for m in s.mentions if m.kind == "person"}
    return tuple(c for c, t in people.items() if leaks(text, t) or leaks(text, surname(t)))


def _loose_clause(s: Sentence, k: int) -> bool:
    """A clause hanging on by a comma without its conjunction ("…data meeting expectations, the greenback
    may…" once "while" went with the saying verb): the claim would read as two run-on sentences."""
    t = s.toks[k]
    if t.dep == "parataxis":
        return True
    if t.dep != "advcl":
        return False
    return not any(
        s.toks[c].dep in ("mark", "advmod") or (s.toks[c].dep == "aux" and s.toks[c].tag == "TO")
        for c in s.kids[k]
    )  # "… to end the trade war" is a purpose, held by its "to"


def _reported_candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    for s in analysis.sentences:
        found = reported(s, analysis)
        if found is not None:
            speaker, claim = found
            prompt = f"According to the article, who said that {claim}?"
            yield from _questions(analysis, rng, prompt, claim, speaker, s, None, REPORTED_TAG)


def _questions(
    analysis: Analysis,
    rng: random.Random,
    prompt: str,
    words: str,
    speaker: Mention,
    at: Sentence,
    ev: Evidence | None,
    *tags: str,
) -> Iterator[Candidate]:
    """The who-said question on ``words`` as multiple choice (when the article names three other people
    the words are not about) and as a short answer; surnames accepted. ``tags``: added to "who", "claim"."""
    key = speaker.text
    last = (surname(key),) if surname(key) != key else ()
    wrong = distractors.names(
        key, "person", analysis, rng, 3, avoid=(speaker.canonical, *_named_in(words, analysis))
    )
    score = sentence_score(at) + 0.3

    def build(qtype: QuestionType, choices: tuple[str, ...] = ()) -> Question:
        return make(
            qtype,
            prompt,
            key,
            at,
            analysis,
            choices=choices,
            accepted_answers=last,
            target=speaker.canonical,
            bloom="understand",
            ev=ev,
            tags=("who", "claim", *tags),
        )

    if wrong is not None:
        yield Candidate(
            build("multiple_choice", (key, *wrong)), score + 0.1, at.index, speaker.canonical, GROUP
        )
    yield Candidate(build("short_answer"), score, at.index, speaker.canonical, GROUP)


def speakers_of(analysis: Analysis) -> frozenset[str]:
    """People the article reports as saying something (the subject of "said", "warned", "told"…): the
    only people a false statement swaps in for another speaker."""
    out = set()
    for s in analysis.sentences:
        for m in s.mentions:
            if m.kind == "person" and speaks(s, m):
                out.add(m.canonical)
    return frozenset(out)


def speaks(s: Sentence, m: Mention) -> bool:
    """The person ``m`` is the subject of a verb of saying in ``s``."""
    t = s.toks[syntax.head_of(s, m)]
    return t.dep in ("nsubj", "nsubjpass") and s.toks[t.head].lemma.lower() in SAY_VERBS


MIN_SPEAKERS = 2
"""Who said it is asked only when the article reports at least this many people speaking. With one voice
the attribution is automatic ("the only person quoted, so the attribution tests nothing"): on the fresh
pages (sets 1-6, reviewers who did not tune on them) who-said questions were acceptable 7 of 17 times
when the article had at most one speaker, 34 of 54 with two or more."""


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    made = list(_candidates(analysis, rng))
    voices = speakers_of(analysis) | {c.target for c in made}
    if len(voices) >= MIN_SPEAKERS:
        yield from made


def _candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    yield from _reported_candidates(analysis, rng)
    for quote in analysis.article.quotes:
        if not quote.attributed:
            continue
        speaker = _speaker(analysis, quote)
        shown = _shown(quote.text)
        if speaker is None or shown is None:
            continue
        if any(leaks(shown, n) for n in (speaker.text, surname(speaker.text))):
            continue  # the quotation names its speaker
        sents = _sentences(analysis, quote, speaker)
        if not sents:
            continue
        prompt = f"According to the article, who said: “{shown}”?"
        at = min(sents, key=lambda s: abs(s.start - quote.start))
        yield from _questions(analysis, rng, prompt, shown, speaker, at, span_evidence(analysis, sents))
