"""Open questions (explain / why / evaluate) with a rubric of 2-4 key points from the article's sentences."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from quizkit.analysis import PRONOUN_STARTS, Analysis, Sentence, starts_unresolved
from quizkit.generate import syntax
from quizkit.generate.common import Candidate, make

CLAIM_VERBS = frozenset(
    [
        "signal",
        "show",
        "demonstrate",
        "suggest",
        "indicate",
        "mean",
        "highlight",
        "reflect",
        "prove",
        "underline",
    ]
)
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


def rubric(analysis: Analysis, focus: Sentence, words: set[str], n: int = 4) -> tuple[str, ...]:
    """The focus sentence plus the sentences sharing most content words with the question."""
    scored = []
    for s in analysis.sentences:
        if s.index == focus.index:
            continue
        overlap = len(_lemmas(s) & words)
        if overlap >= 2:
            penalty = 1 if s.block_kind == "summary" else 0
            scored.append((-(overlap - penalty), s.index, s))
    scored.sort(key=lambda x: (x[0], x[1]))
    points = [focus, *(s for _o, _i, s in scored[: n - 1])]
    return tuple(_point(s) for s in sorted(points, key=lambda s: s.index))


def _point(s: Sentence) -> str:
    return syntax.capitalise(syntax.tidy(s.text.strip('"“”')).rstrip(".")) + "."


def _title_why(analysis: Analysis) -> str | None:
    """'Why Kazakhstan joined the Abraham Accords: …' -> 'Why did Kazakhstan join the Abraham Accords?'"""
    title = analysis.article.title.split(":")[0].strip()
    m = re.match(r"^(why|how)\s+(.+)$", title, re.I)
    if not m:
        return None
    from quizkit import nlp

    parsed = list(nlp.parse([(0, m.group(2))]))
    if len(parsed) != 1:
        return None
    doc = parsed[0][1]
    verbs = [t for t in doc if t.dep_ == "ROOT" and t.tag_ == "VBD"]
    if not verbs:
        return None
    v = verbs[0]
    subj = doc.text[: v.idx].strip()
    rest = doc.text[v.idx + len(v.text) :].strip()
    if not subj or subj.lower() in PRONOUN_STARTS:
        return None
    return f"{m.group(1).capitalize()} did {subj} {v.lemma_} {rest}".strip()


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    body = [s for s in analysis.sentences if s.block_kind != "summary"]
    if len(body) < 3:
        return
    why = _title_why(analysis)
    if why:
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", why) if w.lower() not in _STOP}
        focus = max(body, key=lambda s: (len(_lemmas(s) & words), -s.index))
        points = rubric(analysis, focus, words | _lemmas(focus))
        if len(points) >= 2:
            prompt = f"Using evidence from the article, {why[0].lower()}{why[1:]}?"
            yield _open(analysis, prompt, points, focus, "evaluate", 1.6)
    for s in body:
        stated = _cause(s)
        if stated is not None:
            effect, cause = stated
            points = (cause, *(p for p in rubric(analysis, s, _lemmas(s), 3) if p != _point(s)))
            prompt = f"Using evidence from the article, explain why {effect}."
            yield _open(analysis, prompt, points[:3], s, "understand", 1.5)
        claim = _claim(s)
        if claim:
            points = rubric(analysis, s, _lemmas(s))
            prompt = (
                f"The article claims that {claim}. How convincing is this claim, judging by the evidence "
                "the article gives?"
            )
            if len(points) >= 2:
                yield _open(analysis, prompt, points, s, "evaluate", 1.3)


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
    for c in syntax.children(s, root):
        t = toks[c]
        kind = ""
        if t.dep == "advcl":
            marks = [toks[x].text.lower() for x in syntax.children(s, c) if toks[x].dep in ("mark", "aux")]
            if marks and marks[0] == "because":
                kind = "cause"
            elif marks and marks[0] == "to" and t.tag == "VB" and c > root:
                kind = "purpose"  # "... to strengthen ties": the infinitive of purpose
            elif "order" in [toks[x].text.lower() for x in syntax.subtree(s, c)] and marks[:1] == ["to"]:
                kind = "purpose"
        elif t.dep == "prep" and t.text.lower() in ("because", "due") and c > root:
            kind = "cause"
        if not kind:
            continue
        side = syntax.subtree(s, c)
        main = syntax.clause(s, root, set())
        idxs = tuple(k for k in main.idxs if k not in side)
        if main.subj is None or syntax.subject_is_pronoun(s, main) or syntax.vague(s, idxs):
            return None
        effect = syntax.strip_end(syntax.render(toks, idxs))
        reason = syntax.strip_end(syntax.render(toks, tuple(sorted(side))))
        if not (4 <= len(effect.split()) <= 25 and 3 <= len(reason.split()) <= 30) or syntax.broken(effect):
            return None
        if _FIRST_PERSON.search(effect) or starts_unresolved([toks[k] for k in idxs]):
            return None
        first = idxs[0]
        effect = effect if syntax.keeps_capital(s, first) else effect[:1].lower() + effect[1:]
        point = reason[:1].upper() + reason[1:] + "."
        return effect, point
    return None


_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")


def _claim(s: Sentence) -> str | None:
    """The 'that …' clause of a sentence such as 'X signals that the U.S. remains …'."""
    for k, t in enumerate(s.toks):
        if t.lemma.lower() in CLAIM_VERBS and t.pos == "VERB":
            for c in syntax.children(s, k):
                marks = [s.toks[x].text.lower() for x in syntax.children(s, c) if s.toks[x].dep == "mark"]
                modal = any(s.toks[x].tag == "MD" for x in syntax.children(s, k))
                if s.toks[c].dep == "ccomp" and marks in ([], ["that"]) and not modal:
                    cl = syntax.clause(s, c, set())
                    if cl.subj is None or cl.subj not in cl.idxs:
                        continue  # "…that won the most seats": a claim without its subject
                    idxs = tuple(x for x in cl.idxs if s.toks[x].dep != "mark" or x != cl.idxs[0])
                    text = syntax.strip_end(syntax.render(s.toks, idxs))
                    if 6 <= len(text.split()) <= 30 and not starts_unresolved([s.toks[x] for x in idxs]):
                        return text if syntax.keeps_capital(s, idxs[0]) else text[:1].lower() + text[1:]
    return None


def _open(
    analysis: Analysis, prompt: str, points: tuple[str, ...], s: Sentence, bloom: str, score: float
) -> Candidate:
    q = make(
        "open",
        prompt,
        points[:4],
        s,
        analysis,
        bloom=bloom,
        points=float(min(5, 2 + len(points[:4]))),
        explain=f"A good answer uses these points from the article: {' '.join(points[:4])}",
        tags=("discussion",),
    )
    return Candidate(q, score, s.index, "", "open")
