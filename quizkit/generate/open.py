"""Open questions (explain / why / evaluate) with a rubric of 2-4 key points from the article's sentences."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from quizkit.analysis import PRONOUN_STARTS, Analysis, Sentence, starts_unresolved
from quizkit.generate import syntax
from quizkit.generate.common import Candidate, make

_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "its",
        "it",
        "this",
        "that",
    ]
)


def _lemmas(s: Sentence) -> set[str]:
    return {
        t.lemma.lower()
        for t in s.toks
        if t.pos in ("NOUN", "PROPN", "VERB", "ADJ") and t.lemma.lower() not in _STOP
    }


def rubric(
    analysis: Analysis, focus: Sentence, words: set[str], n: int = 4, actor: str = "", why: bool = False
) -> tuple[str, ...]:
    """The key points of an open question: ``rubric_sentences`` as clean points."""
    return tuple(_point(s) for s in rubric_sentences(analysis, focus, words, n, actor, why))


def rubric_sentences(
    analysis: Analysis, focus: Sentence, words: set[str], n: int = 4, actor: str = "", why: bool = False
) -> list[Sentence]:
    """The focus sentence plus the sentences sharing most content words with the question, in article
    order; with ``actor`` (the one the question asks about), only sentences that name it: a reason, not
    background ("The Abraham Accords, a U.S.-facilitated agreement, normalized relations…" does not say why
    Kazakhstan joined). For a ``why`` question, the focus sentence and any sentence outside a section that
    announces the reasons only when it states a reason itself: the lead's "X marks a strategic move" says
    what the move is, not why (seed reviewers be, bf, cs, cl, cm, cr)."""
    scored = []
    for s in analysis.sentences:
        if s.index == focus.index:
            continue
        reason = bool(actor) and REASON_HEADING.search(s.heading or "") is not None
        if reason and s.block_kind != "summary" and not _about_another(s, actor):
            scored.append((-REASON_RANK, s.index, s))  # "The Context of Kazakhstan's Decision": the why
            continue
        if actor and not any(m.canonical == actor for m in s.mentions):
            continue
        if actor and (_about_another(s, actor) or (why and not states_reason(s))):
            continue
        overlap = len(_lemmas(s) & words)
        if overlap >= 2:
            penalty = SUMMARY_PENALTY if s.block_kind == "summary" else 0
            scored.append((-(overlap - penalty), s.index, s))
    scored.sort(key=lambda x: (x[0], x[1]))
    heading = REASON_HEADING.search(focus.heading or "") is not None
    points = [focus] if not why or heading or states_reason(focus) else []
    for _o, _i, s in scored:
        if len(points) >= n:
            break
        if any(_same_point(s, p) for p in points):
            continue  # a quotation restating the sentence before is one point, not two
        points.append(s)
    return sorted(points, key=lambda s: s.index)


REASON_LABEL, CONTEXT_LABEL = "Reason: ", "Context: "
"""How a "why" question's key points say which give a reason and which only set the scene: seed reviewers in
every round accepted the Washington visit and the U.S. push as context and rejected them as reasons (8 of
23 called the unlabelled list a wrong key)."""


def why_points(sentences: list[Sentence], actor: str) -> tuple[str, ...]:
    """The points of a "why" question, reasons first, each labelled: a sentence that states a reason of
    ``actor``'s own is a reason; the rest (when and where it happened, what another actor wanted) is context.
    Empty when no point is a reason: the article does not answer the question."""
    reasons = [s for s in sentences if states_reason(s) and not _others_motive(s, actor)]
    context = [s for s in sentences if s not in reasons]
    if not reasons:
        return ()
    return tuple(REASON_LABEL + _point(s) for s in reasons) + tuple(
        CONTEXT_LABEL + _point(s) for s in context
    )


_ACTORS = frozenset({"country", "organisation", "person"})


def _others_motive(s: Sentence, actor: str) -> bool:
    """The sentence's reason word belongs to another named actor ("part of the U.S. effort to reinforce its
    influence", "Washington's bid"), or the sentence only says what the move means for another one."""
    if _about_another(s, actor):
        return True
    toks = s.toks
    owned = False
    for k, t in enumerate(toks):
        if t.lemma.lower() not in REASON_WORDS:
            continue
        owners = [
            m
            for c in s.kids[k]
            if toks[c].dep in ("poss", "compound", "nmod")
            for m in s.mentions
            if m.kind in _ACTORS and m.i <= c < m.j
        ]
        if not owners or any(m.canonical == actor for m in owners):
            return False  # a reason word of the actor's own, or of no one named
        owned = True
    return owned


def states_reason(s: Sentence) -> bool:
    """The sentence gives a cause or purpose in so many words ("because", "to counter", "aims", "seeks",
    "due to", "in order to") or reads the move as one ("demonstrates … balancing", "reflects")."""
    if _cause(s) is not None:
        return True
    lemmas = {t.lemma.lower() for t in s.toks}
    return bool(lemmas & REASON_WORDS)


_REASON_WORDS = """because reason reasons aim seek goal purpose motive motivate drive effort bid hope want
    need counter balance balancing reflect"""
REASON_WORDS = frozenset(_REASON_WORDS.split())
"""Words by which a sentence says why, not what or when."""


REASON_HEADING = re.compile(r"\b(?:context|background|reasons?|why|behind|motives?|drivers?)\b", re.I)
"""A section heading that announces the reasons ("The Context of Kazakhstan's Decision", "Why it matters"):
its sentences answer a why question whether or not they name the actor."""
REASON_RANK = 100
"""Such sentences come before any sentence chosen for the words it shares with the question."""
SUMMARY_PENALTY = 10
"""The author's summary restates the body: a point from it only when the body has too few."""

_READ_AS = frozenset(
    {"signal", "show", "suggest", "indicate", "mean", "demonstrate", "underline", "highlight"}
)
"""Verbs that read a move as a sign of something: "X's entry signals that the U.S. still …"."""


def _about_another(s: Sentence, actor: str) -> bool:
    """ "Kazakhstan's participation … signals that the U.S. continues to play a meaningful role …": what the
    move says about someone else (a clause whose subject is another named actor) is no reason why the actor
    acted (seed reviewers, every round)."""
    toks = s.toks
    for k, t in enumerate(toks):
        if t.dep != "ROOT" or t.lemma.lower() not in _READ_AS:
            continue
        for c in s.kids[k]:
            if toks[c].dep != "ccomp":
                continue
            subj = next((x for x in s.kids[c] if toks[x].dep in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            span = syntax.subtree(s, subj)
            inside = [
                m for m in s.mentions if m.i in span and m.kind in ("country", "organisation", "person")
            ]
            if inside and all(m.canonical != actor for m in inside):
                return True
    return False


def _same_point(a: Sentence, b: Sentence) -> bool:
    from rapidfuzz import fuzz, utils

    return fuzz.token_set_ratio(a.text, b.text, processor=utils.default_process) >= SAME_POINT


SAME_POINT = 70
"""Two sentences this alike (token-set ratio) make one point in a model answer."""


def _point(s: Sentence) -> str:
    """The sentence as a clean point; "This development coincides with…" near the top names the lead's
    event ("Kazakhstan’s accession to the Abraham Accords coincides with…"): a point must stand alone."""
    text = s.text
    swap = syntax.lead_reference(s, list(range(len(s.toks))))
    if swap:
        text = syntax.render(s.toks, list(range(len(s.toks))), swap)
    return syntax.capitalise(syntax.tidy(text.strip('"“”')).rstrip(".")) + "."


def _title_why(analysis: Analysis) -> tuple[str, str] | None:
    """(question, its subject) from a headline that asks why or how: "Why Kazakhstan joined the Abraham
    Accords: …" -> "Why did Kazakhstan join the Abraham Accords"; "Why Beijing will bring slaughter to Hong
    Kong" -> "Why will Beijing bring …"; "How the Fed is fighting inflation" -> "How is the Fed fighting
    inflation". None for "How to …", a subject the reader cannot place ("Why you can't trust …", "Why it
    matters") or a headline already in question form."""
    title = analysis.article.title.split(":")[0].strip()
    m = re.match(r"^(why|how)\s+(.+?)\??$", title, re.I)
    if not m:
        return None
    from quizkit import nlp

    parsed = list(nlp.parse([(0, m.group(2))]))
    if len(parsed) != 1:
        return None
    doc = parsed[0][1]
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    if len(roots) != 1:
        return None
    v = roots[0]
    if any(t.pos_ in ("VERB", "AUX", "DET", "ADP") and t.text[:1].isupper() for t in doc[1:]):
        return None  # "Why Beijing Will Bring Slaughter": a title-cased headline keeps no sentence's case
    subj = [t for t in v.children if t.dep_ in ("nsubj", "nsubjpass") and t.i < v.i]
    if len(subj) != 1 or subj[0].left_edge.i != 0:
        return None  # "How to …", "How does the brain …" (a question already), no subject before the verb
    aux = [t for t in v.children if t.dep_ in ("aux", "auxpass") and subj[0].i < t.i < v.i]
    if any(t.dep_ == "neg" for t in v.children) or len(aux) > 1:
        return None  # "Why Europe can't stop …": the negation's place in a question is a guess
    subject = doc[: v.i if not aux else aux[0].i].text.strip()
    if subject.lower() in PRONOUN_STARTS or subject.lower() in ("you", "we", "i"):
        return None
    if aux:
        rest = doc[aux[0].i + 1 :].text.strip()
        return f"{m.group(1).capitalize()} {aux[0].text.lower()} {subject} {rest}".strip(), subject
    rest = doc[v.i + 1 :].text.strip()
    if v.lemma_ == "be":
        return f"{m.group(1).capitalize()} {v.text.lower()} {subject} {rest}".strip(), subject
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(v.tag_)
    if do is None:
        return None
    return f"{m.group(1).capitalize()} {do} {subject} {v.lemma_} {rest}".strip(), subject


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    body = [s for s in analysis.sentences if s.block_kind != "summary"]
    if len(body) < 3:
        return
    asked = _title_why(analysis)
    if asked:
        why, subject = asked
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", why) if w.lower() not in _STOP}
        focus = max(body, key=lambda s: (len(_lemmas(s) & words), -s.index))
        # the headline's own answer after the colon ("…: a new geopolitical balancing act") marks points too
        words |= {
            w.lower() for w in re.findall(r"[A-Za-z]+", analysis.article.title) if w.lower() not in _STOP
        }
        actor = next(
            (m.canonical for s in analysis.sentences for m in s.mentions if subject.startswith(m.text)), ""
        )  # "Why did Kazakhstan join …": only sentences that say something of Kazakhstan
        chosen = rubric_sentences(
            analysis, focus, words | _lemmas(focus), actor=actor, why=why.startswith("Why")
        )
        points = why_points(chosen, actor) if why.startswith("Why") else tuple(_point(s) for s in chosen)
        if len(points) >= 2:
            prompt = f"Using evidence from the article, {why[0].lower()}{why[1:]}?"
            yield _open(analysis, prompt, points, focus, "evaluate", 1.6, ("discussion", HEADLINE_TAG))
    for s in body:
        stated = _cause(s)
        if stated is not None:
            effect, cause = stated
            points = (cause, *(p for p in rubric(analysis, s, _lemmas(s), 3) if p != _point(s)))
            prompt = f"Using evidence from the article, explain why {effect}."
            yield _open(analysis, prompt, points[:3], s, "understand", 1.5)


CAUSE_MARKS = frozenset({"because", "since", "as"})
PURPOSE_MARKS = frozenset({"to", "so"})


def _cause(s: Sentence) -> tuple[str, str] | None:
    """(effect clause, cause as a clean point) for a sentence that states an explicit cause or purpose:
    "X did Y because Z" / "X did Y to Z" / "X did Y in order to Z" / "X did Y due to Z"."""
    toks = s.toks
    root = next((k for k, t in enumerate(toks) if t.dep == "ROOT"), None)
    if root is None or toks[root].pos not in ("VERB", "AUX") or not syntax.finite(s, root):
        return None
    if not syntax.asserted(s, root) or s.unresolved:
        return None
    for k in range(root + 1, len(toks) - 3):  # "… in order to protect …", "… so that …"
        words = " ".join(t.text.lower() for t in toks[k : k + 3])
        if words == "in order to" or words.startswith("so that "):
            side = set(range(k, len(toks)))
            return _effect_and_cause(s, root, side)
    for c in syntax.children(s, root):
        t = toks[c]
        kind = ""
        if t.dep == "advcl":
            marks = [toks[x].text.lower() for x in syntax.children(s, c) if toks[x].dep in ("mark", "aux")]
            if marks and marks[0] == "because":
                kind = "cause"
            elif (
                marks[:1] == ["to"] and c > 1 and toks[min(syntax.subtree(s, c)) - 1].text.lower() == "order"
            ):
                kind = "purpose"  # "… in order to …": a bare "to" is too often not a purpose
        elif t.dep == "prep" and t.text.lower() in ("because", "due") and c > root:
            kind = "cause"
        if not kind:
            continue
        return _effect_and_cause(s, root, syntax.subtree(s, c))
    return None


def _effect_and_cause(s: Sentence, root: int, side: set[int]) -> tuple[str, str] | None:
    """The main clause without ``side`` (the effect) and ``side`` itself as a clean point (the cause)."""
    toks = s.toks
    main = syntax.clause(s, root, set())
    idxs = tuple(k for k in main.idxs if k not in side)
    if not idxs or main.subj is None or syntax.subject_is_pronoun(s, main) or syntax.vague(s, idxs):
        return None
    effect = syntax.strip_end(syntax.render(toks, idxs))
    reason = syntax.strip_end(syntax.render(toks, tuple(sorted(side))))
    if not (4 <= len(effect.split()) <= 25 and 3 <= len(reason.split()) <= 30) or syntax.broken(effect):
        return None
    if _FIRST_PERSON.search(effect + " " + reason) or starts_unresolved([toks[k] for k in idxs]):
        return None
    effect = syntax.lower_opening(syntax.drop_connective(effect), s)
    return effect, reason[:1].upper() + reason[1:] + "."


_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")


HEADLINE_TAG = "headline"
"""The open question that asks the headline's own "why" or "how": the article's main point."""


def _explain(points: tuple[str, ...]) -> str:
    """The feedback a student reads after answering: the points, reasons apart from their context."""
    reasons = [p.removeprefix(REASON_LABEL) for p in points if p.startswith(REASON_LABEL)]
    if not reasons:
        return f"A good answer uses these points from the article: {' '.join(points)}"
    context = [p.removeprefix(CONTEXT_LABEL) for p in points if p.startswith(CONTEXT_LABEL)]
    given = f"A good answer gives the reasons the article states: {' '.join(reasons)}"
    return given + (
        f" It may add the context, which is no reason on its own: {' '.join(context)}" if context else ""
    )


def _open(
    analysis: Analysis,
    prompt: str,
    points: tuple[str, ...],
    s: Sentence,
    bloom: str,
    score: float,
    tags: tuple[str, ...] = ("discussion",),
) -> Candidate:
    q = make(
        "open",
        prompt,
        points[:4],
        s,
        analysis,
        bloom=bloom,
        points=float(min(5, 2 + len(points[:4]))),
        explain=_explain(points[:4]),
        tags=tags,
    )
    return Candidate(q, score, s.index, "", "open")
